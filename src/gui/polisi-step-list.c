/* polisi-step-list.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The steps of the wizard as the window shows them: a row in the sidebar
 * (the step's title and an icon for its state: not started, done, needs
 * attention) and a scrolled page in the stack, made on the step's first
 * visit. Which step fixes a finding is found here; what a step shows and
 * checks is the step's own (PolisiStep).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-assembler.h"
#include "polisi-step-list.h"

/* A step and the widgets that show it. */
typedef struct {
  PolisiStep *step;
  GtkWidget  *clamp;
  GtkWidget  *scroller;
  GtkWidget  *row;
  GtkImage   *state_icon;
  gboolean    visited;
  int         state;
} Step;

struct _PolisiStepList
{
  GObject     parent_instance;

  GtkListBox *rows;     /* weak */
  GtkStack   *pages;    /* weak */
  GArray     *steps;    /* Step */
};

G_DEFINE_FINAL_TYPE (PolisiStepList, polisi_step_list, G_TYPE_OBJECT)

static Step *
get_step (PolisiStepList *self,
          guint           index)
{
  g_return_val_if_fail (index < self->steps->len, NULL);
  return &g_array_index (self->steps, Step, index);
}

static void
clear_step (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->step);
}

static void
set_state (Step *step,
           int   state)
{
  static const char *icons[] = { "radio-symbolic", "emblem-ok-symbolic", "dialog-warning-symbolic" };
  /* Translators: the state of a step of the wizard, told to screen readers
   * and in a tooltip */
  const char *descriptions[] = { _("Not started"), _("Done"), _("Needs attention") };
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;

  /* The checker runs again after every pause in typing: a state that did
   * not change touches nothing, or the whole list of steps would be laid
   * out and drawn again in the frame of the next keystroke. */
  if (step->state == state)
    return;
  title = polisi_step_get_title (step->step);
  step->state = state;
  gtk_image_set_from_icon_name (step->state_icon, icons[state]);
  gtk_widget_remove_css_class (GTK_WIDGET (step->state_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (step->state_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (step->state_icon), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (step->state_icon),
                            state == POLISI_STEP_NEEDS_ATTENTION ? "warning" : state == POLISI_STEP_DONE ? "success" : "dim-label");
  gtk_widget_set_tooltip_text (GTK_WIDGET (step->state_icon), descriptions[state]);
  /* Translators: a step of the wizard and its state: "Safeguarding: Done" */
  label = g_strdup_printf (_("%s: %s"), title, descriptions[state]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (step->row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
clear (PolisiStepList *self)
{
  GtkWidget *child;

  if (self->rows != NULL)
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows))) != NULL)
      gtk_list_box_remove (self->rows, child);
  if (self->pages != NULL)
    while ((child = gtk_stack_get_visible_child (self->pages)) != NULL ||
           (child = gtk_widget_get_first_child (GTK_WIDGET (self->pages))) != NULL)
      gtk_stack_remove (self->pages, child);
  g_array_set_size (self->steps, 0);
}

static void
add (PolisiStepList *self,
     PolisiStep     *added_step,
     gboolean        visited)
{
  Step step = { 0 };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *title = polisi_step_get_title (added_step);
  GtkWidget *label = gtk_label_new (title);
  Step *added;

  step.step = g_object_ref (added_step);
  step.visited = visited;
  step.state = -1;  /* no state shown yet */
  g_array_append_val (self->steps, step);
  added = &g_array_index (self->steps, Step, self->steps->len - 1);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);

  added->state_icon = GTK_IMAGE (gtk_image_new ());
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (added->state_icon));
  added->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (added->row), box);
  gtk_list_box_append (self->rows, added->row);

  added->clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (added->clamp), 980);
  added->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (added->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (added->scroller), added->clamp);
  gtk_stack_add_child (self->pages, added->scroller);
  set_state (added, POLISI_STEP_NOT_STARTED);
}

/**
 * polisi_step_list_set_steps:
 * @steps: (element-type PolisiStep): the steps, in order
 * @visited: whether they count as visited (an existing policy has been
 *   through every step before)
 *
 * Shows @steps instead of the steps shown before. No page is made yet.
 */
void
polisi_step_list_set_steps (PolisiStepList *self,
                            GPtrArray      *steps,
                            gboolean        visited)
{
  g_return_if_fail (POLISI_IS_STEP_LIST (self));
  g_return_if_fail (self->rows != NULL && self->pages != NULL);

  clear (self);
  for (guint i = 0; i < steps->len; i++)
    add (self, steps->pdata[i], visited);
}

guint
polisi_step_list_get_n_steps (PolisiStepList *self)
{
  g_return_val_if_fail (POLISI_IS_STEP_LIST (self), 0);
  return self->steps->len;
}

/* Returns: (transfer none): the step at @index */
PolisiStep *
polisi_step_list_get_step (PolisiStepList *self,
                           guint           index)
{
  g_return_val_if_fail (POLISI_IS_STEP_LIST (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return get_step (self, index)->step;
}

int
polisi_step_list_get_state (PolisiStepList *self,
                            guint           index)
{
  g_return_val_if_fail (POLISI_IS_STEP_LIST (self), POLISI_STEP_NOT_STARTED);
  g_return_val_if_fail (index < self->steps->len, POLISI_STEP_NOT_STARTED);
  return get_step (self, index)->state;
}

/**
 * polisi_step_list_ensure_page:
 * @made: (out) (optional): whether the page was made (put in place) now
 *
 * The page of the step at @index, made and put in place on the first
 * visit.
 *
 * Returns: (transfer none): the page
 */
GtkWidget *
polisi_step_list_ensure_page (PolisiStepList *self,
                              guint           index,
                              gboolean       *made)
{
  Step *step;
  GtkWidget *page;

  g_return_val_if_fail (POLISI_IS_STEP_LIST (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  step = get_step (self, index);
  page = polisi_step_ensure_page (step->step);
  if (made != NULL)
    *made = FALSE;
  if (adw_clamp_get_child (ADW_CLAMP (step->clamp)) == page)
    return page;

  gtk_widget_set_margin_top (page, 24);
  gtk_widget_set_margin_bottom (page, 24);
  gtk_widget_set_margin_start (page, 18);
  gtk_widget_set_margin_end (page, 18);
  adw_clamp_set_child (ADW_CLAMP (step->clamp), page);
  if (made != NULL)
    *made = TRUE;
  return page;
}

/**
 * polisi_step_list_show:
 *
 * Shows the step at @index (its page must have been made), at its top,
 * its row selected. A step looked at is no longer "not started".
 *
 * Returns: %TRUE if this was the step's first visit
 */
gboolean
polisi_step_list_show (PolisiStepList *self,
                       guint           index)
{
  Step *step;

  g_return_val_if_fail (POLISI_IS_STEP_LIST (self), FALSE);
  g_return_val_if_fail (index < self->steps->len, FALSE);

  step = get_step (self, index);
  gtk_stack_set_visible_child (self->pages, step->scroller);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (step->scroller)), 0);
  gtk_list_box_select_row (self->rows, GTK_LIST_BOX_ROW (step->row));
  if (step->visited)
    return FALSE;
  step->visited = TRUE;
  if (step->state == POLISI_STEP_NOT_STARTED)
    set_state (step, POLISI_STEP_DONE);
  return TRUE;
}

/* One of the window's own steps ("review"), not a section's; G_MAXUINT if
 * none. */
guint
polisi_step_list_find_own (PolisiStepList *self,
                           const char     *name)
{
  g_return_val_if_fail (POLISI_IS_STEP_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->steps->len; i++)
    {
      PolisiStep *step = get_step (self, i)->step;

      if (polisi_step_get_section (step) == NULL && g_strcmp0 (polisi_step_get_name (step), name) == 0)
        return i;
    }
  return G_MAXUINT;
}

/* The step of a section of the library; G_MAXUINT if none. */
guint
polisi_step_list_find_section (PolisiStepList *self,
                               const char     *section_id)
{
  g_return_val_if_fail (POLISI_IS_STEP_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->steps->len; i++)
    {
      PolisiSection *section = polisi_step_get_section (get_step (self, i)->step);

      if (section != NULL && g_strcmp0 (polisi_section_get_id (section), section_id) == 0)
        return i;
    }
  return G_MAXUINT;
}

/* Where a finding is fixed: the step that owns its kind (answers and names
 * on the organisation step, the review date on the review step, ...); else
 * the step of its clause's section; else the last step. */
guint
polisi_step_list_find_finding (PolisiStepList    *self,
                               PolisiLibrary     *library,
                               PolisiFindingKind  kind,
                               const char        *clause_id)
{
  g_return_val_if_fail (POLISI_IS_STEP_LIST (self), G_MAXUINT);
  g_return_val_if_fail (self->steps->len > 0, G_MAXUINT);

  for (guint i = 0; i < self->steps->len; i++)
    if (polisi_step_owns_finding_kind (get_step (self, i)->step, kind))
      return i;
  if (clause_id != NULL)
    {
      const char *section = polisi_assemble_section_of (library, clause_id);
      guint index = section != NULL ? polisi_step_list_find_section (self, section) : G_MAXUINT;

      if (index != G_MAXUINT)
        return index;
    }
  return self->steps->len - 1;
}

/**
 * polisi_step_list_show_findings:
 *
 * Each step's state from what the checker found (a step with something
 * to fix where it is fixed needs attention; otherwise it is done once
 * visited), and each step's own list of findings.
 */
void
polisi_step_list_show_findings (PolisiStepList *self,
                                PolisiLibrary  *library,
                                GPtrArray      *findings)
{
  g_autofree gboolean *attention = NULL;

  g_return_if_fail (POLISI_IS_STEP_LIST (self));

  if (self->steps->len == 0)
    return;
  attention = g_new0 (gboolean, self->steps->len);
  for (guint i = 0; i < findings->len; i++)
    {
      PolisiFinding *finding = findings->pdata[i];

      if (finding->severity != POLISI_SEVERITY_INFO)
        attention[polisi_step_list_find_finding (self, library, finding->kind, finding->clause_id)] = TRUE;
    }

  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = get_step (self, i);
      int state = !polisi_step_is_complete (step->step, findings, attention[i]) ? POLISI_STEP_NEEDS_ATTENTION :
                  step->visited ? POLISI_STEP_DONE : POLISI_STEP_NOT_STARTED;

      set_state (step, state);
      polisi_step_show_findings (step->step, findings);
    }
}

static void
polisi_step_list_dispose (GObject *object)
{
  PolisiStepList *self = (PolisiStepList *) object;

  g_clear_weak_pointer (&self->rows);
  g_clear_weak_pointer (&self->pages);
  if (self->steps != NULL)
    g_array_set_size (self->steps, 0);

  G_OBJECT_CLASS (polisi_step_list_parent_class)->dispose (object);
}

static void
polisi_step_list_finalize (GObject *object)
{
  PolisiStepList *self = (PolisiStepList *) object;

  g_clear_pointer (&self->steps, g_array_unref);

  G_OBJECT_CLASS (polisi_step_list_parent_class)->finalize (object);
}

static void
polisi_step_list_class_init (PolisiStepListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = polisi_step_list_dispose;
  object_class->finalize = polisi_step_list_finalize;
}

static void
polisi_step_list_init (PolisiStepList *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->steps, clear_step);
}

/**
 * polisi_step_list_new:
 * @rows: the sidebar (not referenced)
 * @pages: the stack of pages (not referenced)
 */
PolisiStepList *
polisi_step_list_new (GtkListBox *rows,
                      GtkStack   *pages)
{
  PolisiStepList *self;

  g_return_val_if_fail (GTK_IS_LIST_BOX (rows), NULL);
  g_return_val_if_fail (GTK_IS_STACK (pages), NULL);

  self = g_object_new (POLISI_TYPE_STEP_LIST, NULL);
  g_set_weak_pointer (&self->rows, rows);
  g_set_weak_pointer (&self->pages, pages);
  return self;
}
