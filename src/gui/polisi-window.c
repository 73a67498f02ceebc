/* polisi-window.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window shows either the welcome view (new, open, recent policies,
 * work to recover after a crash) or the wizard: a sidebar of steps (the
 * organisation, one step per section of the library, then check and
 * export), the current step, and the live preview.
 *
 * The window shows a PolisiSession: the session owns the open policy, its
 * file, whether it is saved, and the recovery draft it autosaves; the
 * window follows its properties (the title shows "modified"). After a
 * pause, each change of the policy runs the checker, whose findings set
 * the state of each step and fill the last step's list.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "polisi-assembler.h"
#include "polisi-dates.h"
#include "polisi-checker.h"
#include "polisi-compare.h"
#include "polisi-consultation-page.h"
#include "polisi-drafts.h"
#include "polisi-error.h"
#include "polisi-finish-page.h"
#include "polisi-gui-utils.h"
#include "polisi-organisation-page.h"
#include "polisi-policy-io.h"
#include "polisi-preview.h"
#include "polisi-print-operation.h"
#include "polisi-review-page.h"
#include "polisi-section-page.h"
#include "polisi-session.h"
#include "polisi-steps.h"
#include "polisi-welcome-view.h"
#include "polisi-window.h"

#define CHECK_DELAY_MS 400

/* A step in the sidebar: the step (what it shows and checks) and the
 * widgets that show it. */
typedef struct {
  PolisiStep    *step;
  GtkWidget     *clamp;
  GtkWidget     *scroller;
  GtkWidget     *row;
  GtkImage      *state_icon;
  gboolean       visited;
  int            state;
} Step;

struct _PolisiWindow
{
  AdwApplicationWindow  parent_instance;

  PolisiContext        *context;
  PolisiSpellChecker   *spell_checker;
  GSettings            *settings;
  PolisiSession        *session;
  PolisiPolicy         *policy;        /* the session's, as the steps were built for it */
  guint                 check_id;
  guint                 review_toast_id;
  gulong                changed_id;
  GArray               *steps;
  guint                 current_step;
  GFile                *last_export;
  GPtrArray            *toasts;        /* shown and not yet dismissed */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  PolisiWelcomeView    *welcome_view;
  AdwLeaflet           *leaflet;
  GtkListBox           *steps_list;
  AdwWindowTitle       *window_title;
  GtkToggleButton      *preview_button;
  GtkPaned             *paned;
  GtkStack             *steps_stack;
  GtkLabel             *step_label;
  GtkWidget            *preview_box;
  GtkDropDown          *preview_layout;
  PolisiPreview        *preview;
};

G_DEFINE_FINAL_TYPE (PolisiWindow, polisi_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_actions (PolisiWindow *self);
static void on_preview_layout_selected (PolisiWindow *self);
static void ask_recover (PolisiWindow *self, PolisiDraftInfo *info);
static void save_as (PolisiWindow *self, gboolean close_after);

/* Messages ---------------------------------------------------------------- */

static void
show_error (PolisiWindow *self,
            const char   *heading,
            const char   *message)
{
  polisi_gui_show_error (GTK_WIDGET (self), heading, message);
}

static void
on_toast_dismissed (AdwToast     *toast,
                    PolisiWindow *self)
{
  if (self->toasts != NULL)
    g_ptr_array_remove (self->toasts, toast);
}

static void
add_toast (PolisiWindow *self,
           AdwToast     *toast)
{
  g_ptr_array_add (self->toasts, g_object_ref (toast));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_toast (PolisiWindow *self,
            const char   *title)
{
  add_toast (self, adw_toast_new (title));
}

/**
 * polisi_window_get_n_toasts:
 *
 * Returns: how many toasts are on show (for tests)
 */
guint
polisi_window_get_n_toasts (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), 0);
  return self->toasts->len;
}

/**
 * polisi_window_dismiss_toasts:
 *
 * Takes away the toasts on show (for screenshots and tests).
 */
void
polisi_window_dismiss_toasts (PolisiWindow *self)
{
  g_autoptr(GPtrArray) toasts = NULL;

  g_return_if_fail (POLISI_IS_WINDOW (self));

  /* dismissing one takes it out of self->toasts */
  toasts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->toasts->len; i++)
    g_ptr_array_add (toasts, g_object_ref (self->toasts->pdata[i]));
  for (guint i = 0; i < toasts->len; i++)
    adw_toast_dismiss (toasts->pdata[i]);
}

/* The title ---------------------------------------------------------------- */

static char *
display_name (PolisiWindow *self)
{
  GFile *file = polisi_session_get_file (self->session);

  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      if (path != NULL)
        return g_filename_display_basename (path);
      return g_file_get_basename (file);
    }
  return g_strdup (_("Untitled Policy"));
}

static void
update_title (PolisiWindow *self)
{
  g_autofree char *name = display_name (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *folder = NULL;
  GFile *file = polisi_session_get_file (self->session);
  gboolean modified = polisi_session_get_modified (self->session);

  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *path = parent != NULL ? g_file_get_path (parent) : NULL;

      if (path != NULL)
        {
          const char *home = g_get_home_dir ();
          gsize n = strlen (home);
          gboolean in_home = strncmp (path, home, n) == 0 && (path[n] == '/' || path[n] == '\0');

          folder = in_home ? g_strconcat ("~", path + n, NULL) : g_filename_display_name (path);
        }
    }

  if (modified)
    subtitle = folder != NULL ? g_strdup_printf (_("%s — Unsaved changes"), folder) : g_strdup (_("Unsaved changes"));
  else
    subtitle = g_strdup (folder != NULL ? folder : "");

  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Translators: the window's title: "•" marks unsaved changes */
  title = modified ? g_strdup_printf (_("• %s — Polisi"), name) : g_strdup_printf (_("%s — Polisi"), name);
  gtk_window_set_title (GTK_WINDOW (self), self->policy != NULL ? title : _("Polisi"));
}


/* Steps -------------------------------------------------------------------- */

static Step *
get_step (PolisiWindow *self,
          guint         index)
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
set_step_state (PolisiWindow *self,
                Step         *step,
                int           state)
{
  static const char *icons[] = { "radio-symbolic", "emblem-ok-symbolic", "dialog-warning-symbolic" };
  /* Translators: the state of a step of the wizard, told to screen readers
   * and in a tooltip */
  const char *descriptions[] = { _("Not started"), _("Done"), _("Needs attention") };
  g_autofree char *label = NULL;
  g_autofree char *title = polisi_step_get_title (step->step);

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

/* One of the window's own steps ("review"), not a section's. */
static guint
step_named (PolisiWindow *self,
            const char   *name)
{
  for (guint i = 0; i < self->steps->len; i++)
    {
      PolisiStep *step = get_step (self, i)->step;

      if (polisi_step_get_section (step) == NULL && g_strcmp0 (polisi_step_get_name (step), name) == 0)
        return i;
    }
  return G_MAXUINT;
}

static guint
step_of_section (PolisiWindow *self,
                 const char   *section_id)
{
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
static guint
step_of_finding (PolisiWindow            *self,
                 PolisiFindingKind        kind,
                 const char              *clause_id)
{
  for (guint i = 0; i < self->steps->len; i++)
    if (polisi_step_owns_finding_kind (get_step (self, i)->step, kind))
      return i;
  if (clause_id != NULL)
    {
      const char *section = polisi_assemble_section_of (polisi_context_get_library (self->context), clause_id);
      guint index = section != NULL ? step_of_section (self, section) : G_MAXUINT;

      if (index != G_MAXUINT)
        return index;
    }
  return self->steps->len - 1;
}

/**
 * polisi_window_check_now:
 *
 * Runs the checker and updates the steps' states and the findings list.
 */
void
polisi_window_check_now (PolisiWindow *self)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree gboolean *attention = NULL;
  GDate today;

  g_return_if_fail (POLISI_IS_WINDOW (self));

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->policy == NULL)
    return;

  polisi_date_set_today (&today);
  findings = polisi_check (self->policy, polisi_context_get_library (self->context),
                           polisi_context_get_legislation (self->context), &today);
  attention = g_new0 (gboolean, self->steps->len);
  for (guint i = 0; i < findings->len; i++)
    {
      PolisiFinding *finding = findings->pdata[i];

      if (finding->severity != POLISI_SEVERITY_INFO)
        attention[step_of_finding (self, finding->kind, finding->clause_id)] = TRUE;
    }

  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = get_step (self, i);
      int state = !polisi_step_is_complete (step->step, findings, attention[i]) ? POLISI_STEP_NEEDS_ATTENTION :
                  step->visited ? POLISI_STEP_DONE : POLISI_STEP_NOT_STARTED;

      set_step_state (self, step, state);
      polisi_step_show_findings (step->step, findings);
    }
}

static gboolean
check_timeout (gpointer data)
{
  PolisiWindow *self = data;

  self->check_id = 0;
  polisi_window_check_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (PolisiWindow *self)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (CHECK_DELAY_MS, check_timeout, self);
}

/* The page of a step, made and put in place on the first visit. */
static GtkWidget *
ensure_step_page (PolisiWindow *self,
                  Step         *step)
{
  GtkWidget *page = polisi_step_ensure_page (step->step);

  if (adw_clamp_get_child (ADW_CLAMP (step->clamp)) == page)
    return page;

  gtk_widget_set_margin_top (page, 24);
  gtk_widget_set_margin_bottom (page, 24);
  gtk_widget_set_margin_start (page, 18);
  gtk_widget_set_margin_end (page, 18);
  adw_clamp_set_child (ADW_CLAMP (step->clamp), page);

  if (polisi_step_shows_findings (step->step))
    polisi_window_check_now (self);
  return page;
}

void
polisi_window_go_to_step (PolisiWindow *self,
                          guint         index)
{
  Step *step;
  g_autofree char *label = NULL;

  g_return_if_fail (POLISI_IS_WINDOW (self));
  g_return_if_fail (index < self->steps->len);

  step = get_step (self, index);
  ensure_step_page (self, step);
  self->current_step = index;
  gtk_stack_set_visible_child (self->steps_stack, step->scroller);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (step->scroller)), 0);
  gtk_list_box_select_row (self->steps_list, GTK_LIST_BOX_ROW (step->row));

  /* A step looked at is no longer "not started". */
  if (!step->visited)
    {
      step->visited = TRUE;
      if (step->state == POLISI_STEP_NOT_STARTED)
        set_step_state (self, step, POLISI_STEP_DONE);
      schedule_check (self);
    }

  label = g_strdup_printf (_("Step %u of %u"), index + 1, self->steps->len);
  gtk_label_set_label (self->step_label, label);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  update_actions (self);
}

static void
on_step_activated (PolisiWindow  *self,
                   GtkListBoxRow *row)
{
  polisi_window_go_to_step (self, gtk_list_box_row_get_index (row));
}

static void
on_back_to_steps (PolisiWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
clear_steps (PolisiWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list))) != NULL)
    gtk_list_box_remove (self->steps_list, child);
  while ((child = gtk_stack_get_visible_child (self->steps_stack)) != NULL ||
         (child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_stack))) != NULL)
    gtk_stack_remove (self->steps_stack, child);
  g_array_set_size (self->steps, 0);
}

/* Following a finding, or a step's request, to its place. */
static void
on_step_go_to (PolisiWindow *self,
               const char   *clause_id,
               const char   *placeholder,
               int           lang,
               int           kind,
               PolisiStep   *from)
{
  guint index = step_of_finding (self, kind, clause_id);
  Step *step;

  polisi_window_go_to_step (self, index);
  step = get_step (self, index);
  polisi_step_reveal (step->step, clause_id, placeholder, lang);
  if (clause_id != NULL && polisi_step_get_section (step->step) != NULL)
    polisi_preview_scroll_to_block (self->preview, clause_id);
}

static void
add_step (PolisiWindow *self,
          PolisiStep   *added_step)
{
  Step step = { 0 };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *title = polisi_step_get_title (added_step);
  GtkWidget *label = gtk_label_new (title);
  Step *added;

  step.step = g_object_ref (added_step);
  g_array_append_val (self->steps, step);
  added = &g_array_index (self->steps, Step, self->steps->len - 1);
  g_signal_connect_object (added_step, "go-to", G_CALLBACK (on_step_go_to), self, G_CONNECT_SWAPPED);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);

  added->state_icon = GTK_IMAGE (gtk_image_new ());
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (added->state_icon));
  added->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (added->row), box);
  gtk_list_box_append (self->steps_list, added->row);

  added->clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (added->clamp), 980);
  added->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (added->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (added->scroller), added->clamp);
  gtk_stack_add_child (self->steps_stack, added->scroller);
  set_step_state (self, added, POLISI_STEP_NOT_STARTED);
}

/* The section steps share one spell checker, made when first needed. */
static PolisiSpellChecker *
get_spell_checker (gpointer data)
{
  PolisiWindow *self = data;

  if (self->spell_checker == NULL)
    self->spell_checker = polisi_spell_checker_new (polisi_context_get_library (self->context));
  return self->spell_checker;
}

static void
build_steps (PolisiWindow *self,
             gboolean      existing)
{
  g_autoptr(GPtrArray) steps = polisi_steps_new (self->policy, self->context, get_spell_checker, self);

  clear_steps (self);
  for (guint i = 0; i < steps->len; i++)
    add_step (self, steps->pdata[i]);

  /* An existing policy has been through every step before. */
  for (guint i = 0; i < self->steps->len; i++)
    get_step (self, i)->visited = existing;

  polisi_window_go_to_step (self, 0);
}

/* The policy ----------------------------------------------------------------- */

static void
on_policy_changed (PolisiWindow *self)
{
  schedule_check (self);
}

static void
on_autosave_failed (PolisiWindow *self,
                    GError       *error)
{
  g_autofree char *message = g_strdup_printf (_("Could not keep a recovery copy: %s"), error->message);
  show_toast (self, message);
}

static void
remember_file (PolisiWindow *self,
               GFile        *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *folder = parent != NULL ? g_file_get_path (parent) : NULL;
  GtkRecentData data = { 0 };

  data.display_name = NULL;
  data.mime_type = (char *) POLISI_POLICY_MIME_TYPE;
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "polisi %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  if (folder != NULL)
    g_settings_set_string (self->settings, "last-folder", folder);
}

/* The library and register, from the application, when first needed. */
static PolisiContext *
get_context (PolisiWindow *self)
{
  if (self->context == NULL)
    {
      PolisiApplication *application = POLISI_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
      self->context = g_object_ref (polisi_application_get_context (application));
    }
  return self->context;
}

/* Builds the steps for the policy the session now has. */
static void
show_session_policy (PolisiWindow *self,
                     gboolean      existing)
{
  PolisiLibrary *library = polisi_context_get_library (get_context (self));
  PolisiPolicy *policy = polisi_session_get_policy (self->session);

  if (self->policy != NULL)
    g_clear_signal_handler (&self->changed_id, self->policy);
  g_set_object (&self->policy, policy);

  polisi_preview_set_policy (self->preview, policy, library);
  /* showing the preview's layout is not choosing one */
  g_signal_handlers_block_by_func (self->preview_layout, on_preview_layout_selected, self);
  gtk_drop_down_set_selected (self->preview_layout, polisi_preview_get_layout (self->preview));
  g_signal_handlers_unblock_by_func (self->preview_layout, on_preview_layout_selected, self);
  build_steps (self, existing);
  self->changed_id = g_signal_connect_swapped (policy, "changed", G_CALLBACK (on_policy_changed), self);

  gtk_stack_set_visible_child_name (self->main_stack, "editor");
  update_title (self);
  update_actions (self);
  schedule_check (self);
}

gboolean
polisi_window_is_blank (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  return self->policy == NULL;
}

void
polisi_window_new_policy (PolisiWindow *self)
{
  g_autoptr(PolisiPolicy) policy = NULL;

  g_return_if_fail (POLISI_IS_WINDOW (self));

  policy = polisi_policy_new_from_library (polisi_context_get_library (get_context (self)), POLISI_LANGUAGE_CATEGORY_DUAL);
  polisi_session_set_policy (self->session, policy);
  show_session_policy (self, FALSE);
}

/* Opening a policy whose review is due says so, with a way to it. */
static void
tell_review_due (PolisiWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  AdwToast *toast;
  GDate due, today;
  int days;

  if (!polisi_policy_get_review_due (self->policy, &due, NULL))
    return;
  polisi_date_set_today (&today);
  days = g_date_days_between (&today, &due);
  if (days > 60)
    return;
  when = polisi_date_format (&due, polisi_interface_lang ());
  title = days < 0 ? g_strdup_printf (_("The review of this policy was due on %s"), when) :
                     g_strdup_printf (_("The review of this policy is due on %s"), when);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Review"));
  adw_toast_set_action_name (toast, "win.show-review");
  adw_toast_set_timeout (toast, 10);
  add_toast (self, toast);
}

/* libadwaita 1.2 frees a toast twice when it is dismissed while it is still
 * sliding in; a toast is dismissed only once it is surely in place. */
#define TOAST_SHOW_TIME 500

static gboolean
dismiss_review_toasts (gpointer data)
{
  PolisiWindow *self = data;

  self->review_toast_id = 0;
  for (guint i = self->toasts->len; i > 0; i--)
    {
      AdwToast *toast = self->toasts->pdata[i - 1];

      if (g_strcmp0 (adw_toast_get_action_name (toast), "win.show-review") == 0)
        adw_toast_dismiss (toast);
    }
  return G_SOURCE_REMOVE;
}

static void
show_review_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PolisiWindow *self = POLISI_WINDOW (widget);

  /* the toast that says the review is due has done its work, however the
   * action came (its button, the keyboard, a test) */
  if (self->review_toast_id == 0)
    self->review_toast_id = g_timeout_add (TOAST_SHOW_TIME, dismiss_review_toasts, self);
  if (self->policy != NULL)
    polisi_window_go_to_step (self, step_named (self, "review"));
}

/**
 * polisi_window_open_file:
 *
 * Opens a policy. A file that cannot be read is explained in a dialog;
 * the window keeps what it showed.
 *
 * Returns: %TRUE if the policy was opened
 */
gboolean
polisi_window_open_file (PolisiWindow *self,
                         GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiDraftInfo) draft = NULL;

  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!polisi_session_load (self->session, file, POLISI_LOAD_DEFAULT, &error))
    {
      show_error (self, _("The Policy Could Not Be Opened"), error->message);
      return FALSE;
    }

  show_session_policy (self, TRUE);
  remember_file (self, file);
  tell_review_due (self);

  /* unsaved work on this file that a crash left behind: offered here too,
   * not only on the welcome page */
  draft = polisi_session_find_draft (self->session, NULL);
  if (draft != NULL)
    ask_recover (self, draft);
  return TRUE;
}

PolisiPolicy *
polisi_window_get_policy (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return self->policy;
}

GFile *
polisi_window_get_file (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return polisi_session_get_file (self->session);
}

gboolean
polisi_window_get_modified (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  return polisi_session_get_modified (self->session);
}

const char *
polisi_window_get_draft_id (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return polisi_session_get_draft_id (self->session);
}

PolisiSession *
polisi_window_get_session (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return self->session;
}

static gboolean
save_with_flags (PolisiWindow     *self,
                 GFile            *file,
                 PolisiSaveFlags   flags,
                 GError          **error)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->policy != NULL, FALSE);

  if (!polisi_session_save (self->session, file, flags, error))
    return FALSE;

  remember_file (self, file != NULL ? file : polisi_session_get_file (self->session));
  return TRUE;
}

/**
 * polisi_window_save_to_file:
 *
 * Saves the policy to @file atomically, through the session: refused
 * (POLISI_ERROR_CHANGED_ON_DISK, _READ_ONLY, _HARD_LINKED) when someone
 * else changed the file since it was read, when it is read-only, or when
 * it has other names; the window's Save asks what to do then.
 */
gboolean
polisi_window_save_to_file (PolisiWindow  *self,
                            GFile         *file,
                            GError       **error)
{
  return save_with_flags (self, file, POLISI_SAVE_DEFAULT, error);
}

static gboolean
close_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Closes the window once the dialog that asked has finished: the window is
 * the dialog's parent, and must outlive its "response". */
static void
close_later (PolisiWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
}

/* What a refused save was, for the dialog that asks what to do. */
typedef struct {
  PolisiWindow    *self;
  GFile           *file;
  PolisiSaveFlags  flags;
  gboolean         close_after;
} SaveRequest;

static void
save_request_free (gpointer data,
                   GClosure *closure)
{
  SaveRequest *request = data;

  g_clear_object (&request->file);
  g_free (request);
}

static void save_or_report (PolisiWindow *self, GFile *file, PolisiSaveFlags flags, gboolean close_after);

static void
on_save_refused_response (AdwMessageDialog *dialog,
                          const char       *response,
                          SaveRequest      *request)
{
  if (g_str_equal (response, "overwrite"))
    save_or_report (request->self, request->file, request->flags | POLISI_SAVE_REPLACE_CHANGED, request->close_after);
  else if (g_str_equal (response, "split"))
    save_or_report (request->self, request->file, request->flags | POLISI_SAVE_SPLIT_LINKS, request->close_after);
  else if (g_str_equal (response, "save-as"))
    save_as (request->self, request->close_after);
}

/* A save the session refused as a careful editor would: ask what to do. */
static void
ask_after_refusal (PolisiWindow    *self,
                   GFile           *file,
                   PolisiSaveFlags  flags,
                   gboolean         close_after,
                   const GError    *error)
{
  g_autofree char *name = display_name (self);
  AdwMessageDialog *dialog;
  SaveRequest *request;

  if (g_error_matches (error, POLISI_ERROR, POLISI_ERROR_CHANGED_ON_DISK))
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The File Has Changed"), NULL));
      adw_message_dialog_format_body (dialog,
                                      _("Someone or something changed “%s” after you opened it. Saving now replaces their changes."),
                                      name);
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save-as", _("Save _As…"), "overwrite", _("_Replace"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
    }
  else if (g_error_matches (error, POLISI_ERROR, POLISI_ERROR_HARD_LINKED))
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The File Has Other Names"), NULL));
      adw_message_dialog_format_body (dialog,
                                      _("“%s” has another name in another place as well (a hard link). Saving gives this "
                                        "name a file of its own, and the other keeps the policy as it was."),
                                      name);
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save-as", _("Save _As…"), "split", _("Save _Anyway"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "split", ADW_RESPONSE_DESTRUCTIVE);
    }
  else if (g_error_matches (error, POLISI_ERROR, POLISI_ERROR_READ_ONLY))
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The File Is Read-Only"), NULL));
      adw_message_dialog_set_body (dialog, error->message);
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save-as", _("Save _As…"), NULL);
    }
  else
    {
      show_error (self, _("The Policy Could Not Be Saved"), error->message);
      return;
    }

  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  request = g_new0 (SaveRequest, 1);
  request->self = self;
  request->file = file != NULL ? g_object_ref (file) : NULL;
  request->flags = flags;
  request->close_after = close_after;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_save_refused_response), request, save_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A save under way in the background. */
typedef struct {
  PolisiWindow    *self;
  GFile           *file;
  PolisiSaveFlags  flags;
  gboolean         close_after;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->file);
  g_free (job);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  SaveJob *job = data;
  PolisiWindow *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  /* the window may have gone meanwhile: the session still finishes */
  if (!polisi_session_save_finish (POLISI_SESSION (source), result, &error) || self->session == NULL)
    {
      if (error != NULL && self->session != NULL)
        ask_after_refusal (self, job->file, job->flags, job->close_after, error);
      save_job_free (job);
      return;
    }

  remember_file (self, polisi_session_get_file (POLISI_SESSION (source)));
  name = display_name (self);
  message = g_strdup_printf (_("Saved “%s”"), name);
  show_toast (self, message);
  if (job->close_after)
    close_later (self);
  save_job_free (job);
}

/* Saves in a worker thread; the window stays free, and Save waits until
 * it has finished (the session's "saving"). */
static void
save_or_report (PolisiWindow    *self,
                GFile           *file,
                PolisiSaveFlags  flags,
                gboolean         close_after)
{
  SaveJob *job;

  if (self->policy == NULL || polisi_session_get_saving (self->session))
    return;

  job = g_new0 (SaveJob, 1);
  job->self = g_object_ref (self);
  job->file = file != NULL ? g_object_ref (file) : NULL;
  job->flags = flags;
  job->close_after = close_after;
  polisi_session_save_async (self->session, file, flags, NULL, on_saved, job);
}

static void
save (PolisiWindow *self,
      gboolean      close_after)
{
  if (polisi_session_get_file (self->session) == NULL)
    {
      save_as (self, close_after);
      return;
    }

  save_or_report (self, NULL, POLISI_SAVE_DEFAULT, close_after);
}

static GtkFileFilter *
policy_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Polisi policies"));
  gtk_file_filter_add_mime_type (filter, POLISI_POLICY_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "polisi");
  return filter;
}

static void
set_chooser_folder (PolisiWindow         *self,
                    GtkFileChooserNative *chooser)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "last-folder");

  if (folder[0] != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), file, NULL);
    }
}

static void
on_save_as_response (GtkNativeDialog *chooser,
                     int              response,
                     SaveRequest     *request)
{
  PolisiWindow *self = request->self;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      /* a policy file ends in .polisi, so that it opens in Polisi */
      if (path != NULL && !g_str_has_suffix (path, POLISI_POLICY_SUFFIX))
        {
          g_autofree char *with_suffix = g_strconcat (path, POLISI_POLICY_SUFFIX, NULL);
          g_set_object (&file, g_file_new_for_path (with_suffix));
        }
      save_or_report (self, file, POLISI_SAVE_DEFAULT, request->close_after);
    }
  g_object_unref (chooser);
}

static char *
suggested_name (PolisiWindow *self,
                const char   *suffix)
{
  const char *name = polisi_policy_get_name (self->policy, POLISI_LANG_CY);
  g_autofree char *base = NULL;
  GFile *file = polisi_session_get_file (self->session);

  if (file != NULL)
    {
      g_autofree char *file_name = g_file_get_basename (file);
      base = g_str_has_suffix (file_name, POLISI_POLICY_SUFFIX) ?
             g_strndup (file_name, strlen (file_name) - strlen (POLISI_POLICY_SUFFIX)) : g_strdup (file_name);
    }
  else
    {
      if (name == NULL)
        name = polisi_policy_get_name (self->policy, POLISI_LANG_EN);
      /* Translators: the name of a new policy file, before the suffix */
      base = g_strdup (name != NULL ? name : _("social-media-policy"));
      g_strdelimit (base, "/\\:*?\"<>|", '-');
    }
  return g_strconcat (base, suffix, NULL);
}

static void
save_as (PolisiWindow *self,
         gboolean      close_after)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = suggested_name (self, POLISI_POLICY_SUFFIX);
  g_autoptr(GtkFileFilter) filter = policy_filter ();
  GFile *file = polisi_session_get_file (self->session);
  SaveRequest *request;

  chooser = gtk_file_chooser_native_new (_("Save Policy"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
    }
  else
    set_chooser_folder (self, chooser);
  request = g_new0 (SaveRequest, 1);
  request->self = self;
  request->close_after = close_after;
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_save_as_response), request, save_request_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Exporting and printing -------------------------------------------------- */

static PolisiDocument *
assemble (PolisiWindow *self,
          gboolean      final)
{
  return polisi_assemble (self->policy, polisi_context_get_library (self->context),
                          final ? POLISI_ASSEMBLE_FINAL : POLISI_ASSEMBLE_DEFAULT);
}

/**
 * polisi_window_export_to_file:
 *
 * Exports the policy. For two separate files, @file names them both:
 * "policy.pdf" becomes "policy-cy.pdf" and "policy-en.pdf".
 */
gboolean
polisi_window_export_to_file (PolisiWindow  *self,
                              GFile         *file,
                              PolisiFormat   format,
                              PolisiLayout   layout,
                              gboolean       final,
                              gboolean       english_first,
                              GError       **error)
{
  g_autoptr(PolisiDocument) document = NULL;
  PolisiExportOptions options;

  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->policy != NULL, FALSE);

  document = assemble (self, final);

  layout = polisi_format_get_layout (format, layout);
  if (layout == POLISI_LAYOUT_SEPARATE)
    {
      GFile *written[POLISI_N_LANGS] = { NULL, NULL };

      polisi_export_options_init (&options, POLISI_LAYOUT_CY);
      options.english_first = english_first;
      if (!polisi_export_to_separate_files (document, format, &options, file, written, error))
        return FALSE;
      g_set_object (&self->last_export, written[POLISI_LANG_CY]);
      g_object_unref (written[POLISI_LANG_CY]);
      g_object_unref (written[POLISI_LANG_EN]);
      return TRUE;
    }

  polisi_export_options_init (&options, layout);
  options.english_first = english_first;
  if (!polisi_export_to_file (document, format, &options, file, error))
    return FALSE;
  g_set_object (&self->last_export, file);
  return TRUE;
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    PolisiWindow    *self)
{
  Step *finish = get_step (self, self->steps->len - 1);
  PolisiFinishPage *page = POLISI_FINISH_PAGE (polisi_step_get_page (finish->step));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!polisi_window_export_to_file (self, file, polisi_finish_page_get_format (page),
                                         polisi_finish_page_get_layout (page), polisi_finish_page_get_final (page),
                                         polisi_finish_page_get_english_first (page), &error))
        show_error (self, _("The Policy Could Not Be Exported"), error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (self->last_export);
          g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
          g_autofree char *uri = g_file_get_uri (self->last_export);
          AdwToast *toast = adw_toast_new (title);
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *folder = parent != NULL ? g_file_get_path (parent) : NULL;

          adw_toast_set_button_label (toast, _("_Open"));
          adw_toast_set_action_name (toast, "win.open-export");
          adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
          add_toast (self, toast);
          if (folder != NULL)
            g_settings_set_string (self->settings, "last-folder", folder);
        }
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PolisiWindow *self = POLISI_WINDOW (widget);
  Step *finish;
  PolisiFinishPage *page;
  GtkFileChooserNative *chooser;
  PolisiFormat format;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->policy == NULL)
    return;

  /* The export choices live on the last step. */
  finish = get_step (self, self->steps->len - 1);
  ensure_step_page (self, finish);
  page = POLISI_FINISH_PAGE (polisi_step_get_page (finish->step));
  if (self->current_step != self->steps->len - 1)
    {
      polisi_window_go_to_step (self, self->steps->len - 1);
      return;
    }

  format = polisi_finish_page_get_format (page);
  name = suggested_name (self, polisi_format_get_extension (format));
  gtk_file_filter_set_name (filter, polisi_format_get_description (format));
  gtk_file_filter_add_suffix (filter, polisi_format_get_name (format));

  chooser = gtk_file_chooser_native_new (_("Export Policy"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  set_chooser_folder (self, chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PolisiWindow *self = POLISI_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *uri = g_variant_get_string (parameter, NULL);

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    show_error (self, _("The File Could Not Be Opened"), error->message);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PolisiWindow *self = POLISI_WINDOW (widget);
  g_autoptr(PolisiDocument) document = NULL;
  g_autoptr(PolisiPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  PolisiExportOptions options;
  GtkPrintOperationResult result;
  Step *finish;

  if (self->policy == NULL)
    return;

  finish = get_step (self, self->steps->len - 1);
  polisi_export_options_init (&options, polisi_preview_get_layout (self->preview));
  if (polisi_step_get_page (finish->step) != NULL)
    {
      PolisiFinishPage *page = POLISI_FINISH_PAGE (polisi_step_get_page (finish->step));

      polisi_export_options_init (&options, polisi_finish_page_get_layout (page));
      if (options.layout == POLISI_LAYOUT_SEPARATE)
        options.layout = POLISI_LAYOUT_SEQUENTIAL;
      options.english_first = polisi_finish_page_get_english_first (page);
      document = assemble (self, polisi_finish_page_get_final (page));
    }
  else
    document = assemble (self, FALSE);

  operation = polisi_print_operation_new (document, &options);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("The Policy Could Not Be Printed"), error->message);
}

/* Comparing with an earlier version ---------------------------------------- */

/**
 * polisi_window_export_comparison:
 * @old_policy: the earlier version
 * @tracked: an ODT of this version with every difference as a tracked
 *   change; otherwise a summary of changes, clause by clause
 *
 * Writes what changed from @old_policy to the open policy, in both
 * languages, in the preview's layout.
 */
gboolean
polisi_window_export_comparison (PolisiWindow  *self,
                                 PolisiPolicy  *old_policy,
                                 GFile         *file,
                                 PolisiFormat   format,
                                 gboolean       tracked,
                                 GError       **error)
{
  PolisiLibrary *library;
  g_autoptr(PolisiDocument) document = NULL;
  PolisiExportOptions options;
  PolisiLayout layout;
  const char *author;

  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->policy != NULL, FALSE);
  g_return_val_if_fail (POLISI_IS_POLICY (old_policy), FALSE);
  g_return_val_if_fail (!tracked || polisi_format_is_editable (format), FALSE);

  library = polisi_context_get_library (get_context (self));
  layout = polisi_preview_get_layout (self->preview);
  if (layout == POLISI_LAYOUT_SEPARATE)
    layout = POLISI_LAYOUT_COLUMNS;
  polisi_export_options_init (&options, layout);

  if (tracked)
    {
      document = polisi_compare_tracked (old_policy, self->policy, library, POLISI_ASSEMBLE_DEFAULT);
      author = g_get_real_name ();
      options.tracked_changes = TRUE;
      options.change_author = author != NULL && author[0] != '\0' && g_strcmp0 (author, "Unknown") != 0 ? author : NULL;
    }
  else
    document = polisi_compare_summary (old_policy, self->policy, library, POLISI_ASSEMBLE_DEFAULT);

  if (!polisi_export_to_file (document, format, &options, file, error))
    return FALSE;
  g_set_object (&self->last_export, file);
  return TRUE;
}

static void
toast_exported (PolisiWindow *self,
                GFile        *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-export");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  add_toast (self, toast);
}

/* The format of each answer to "Compare With Version": "tracked" and
 * "summary-odt" are ODT, "tracked-docx" DOCX, "summary-pdf" PDF. */
static PolisiFormat
comparison_format (const char *kind)
{
  if (g_str_equal (kind, "summary-pdf"))
    return POLISI_FORMAT_PDF;
  if (g_str_equal (kind, "tracked-docx"))
    return POLISI_FORMAT_DOCX;
  return POLISI_FORMAT_ODT;
}

static void
on_comparison_file_response (GtkNativeDialog *chooser,
                             int              response,
                             PolisiWindow    *self)
{
  PolisiPolicy *old_policy = g_object_get_data (G_OBJECT (chooser), "polisi-old");
  const char *kind = g_object_get_data (G_OBJECT (chooser), "polisi-kind");

  if (response == GTK_RESPONSE_ACCEPT && self->policy != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      PolisiFormat format = comparison_format (kind);

      if (!polisi_window_export_comparison (self, old_policy, file, format, g_str_has_prefix (kind, "tracked"), &error))
        show_error (self, _("The Comparison Could Not Be Exported"), error->message);
      else
        toast_exported (self, file);
    }
  g_object_unref (chooser);
}

static void
on_comparison_kind (AdwMessageDialog *dialog,
                    const char       *response,
                    PolisiWindow     *self)
{
  PolisiPolicy *old_policy = g_object_get_data (G_OBJECT (dialog), "polisi-old");
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  PolisiFormat format;

  if (g_str_equal (response, "cancel") || self->policy == NULL)
    return;

  format = comparison_format (response);
  /* Translators: the end of the name of a file that shows the changes, before .pdf or .odt */
  name = suggested_name (self, g_str_equal (response, "tracked") ? _("-tracked-changes.odt") :
                               g_str_equal (response, "tracked-docx") ? _("-tracked-changes.docx") :
                               format == POLISI_FORMAT_PDF ? _("-changes.pdf") : _("-changes.odt"));
  gtk_file_filter_set_name (filter, polisi_format_get_description (format));
  gtk_file_filter_add_suffix (filter, polisi_format_get_extension (format) + 1);

  chooser = gtk_file_chooser_native_new (_("Export the Changes"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  set_chooser_folder (self, chooser);
  g_object_set_data_full (G_OBJECT (chooser), "polisi-old", g_object_ref (old_policy), g_object_unref);
  g_object_set_data_full (G_OBJECT (chooser), "polisi-kind", g_strdup (response), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_comparison_file_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * polisi_window_ask_comparison:
 * @old_policy: the earlier version, read
 *
 * Asks what to make of the differences from @old_policy: a summary of
 * changes (PDF or ODT) or tracked changes (ODT or DOCX).
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
polisi_window_ask_comparison (PolisiWindow *self,
                              PolisiPolicy *old_policy,
                              GFile        *old_file)
{
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name = old_file != NULL ? g_file_get_basename (old_file) : NULL;
  const char *version = polisi_policy_get_version (old_policy);

  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);

  heading = g_strdup_printf (_("Compare With Version %s"), version != NULL ? version : "?");
  body = g_strdup_printf (_("Polisi can make a summary of the changes from “%s” to this version, clause by clause "
                            "in both languages, with new words underlined and removed words struck through; or this "
                            "version as an ODT or DOCX with every difference as a tracked change, to accept or reject in "
                            "LibreOffice or Word."), name != NULL ? name : version);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "tracked", _("_Tracked Changes (ODT)"),
                                    "tracked-docx", _("Tracked Changes (_DOCX)"),
                                    "summary-odt", _("Summary (_ODT)"),
                                    "summary-pdf", _("Summary (_PDF)"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "summary-pdf", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "summary-pdf");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "polisi-old", g_object_ref (old_policy), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_comparison_kind), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_compare_open_response (GtkNativeDialog *chooser,
                          int              response,
                          PolisiWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->policy != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autoptr(PolisiPolicy) old_policy = polisi_policy_load (file, &error);

      if (old_policy == NULL)
        show_error (self, _("The Earlier Version Could Not Be Opened"), error->message);
      else
        polisi_window_ask_comparison (self, old_policy, file);
    }
  g_object_unref (chooser);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PolisiWindow *self = POLISI_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = policy_filter ();

  if (self->policy == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Choose the Earlier Version"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("C_ompare"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  set_chooser_folder (self, chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_compare_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* From a row of the version history: that version, as the file keeps it. */
static void
compare_version_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PolisiWindow *self = POLISI_WINDOW (widget);
  g_autoptr(PolisiPolicy) old_policy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->policy == NULL)
    return;
  old_policy = polisi_policy_dup_version_text (self->policy, g_variant_get_string (parameter, NULL), &error);
  if (old_policy == NULL)
    show_error (self, _("The Earlier Version Could Not Be Opened"), error->message);
  else
    polisi_window_ask_comparison (self, old_policy, NULL);
}

/* Comments from a consultation ------------------------------------------------ */

/**
 * polisi_window_import_returned_draft:
 * @file: a consultation draft that came back, as ODT or DOCX
 * @flags: %POLISI_RETURNED_IMPORT_EARLIER_VERSION to take a draft of an
 *   earlier version
 * @n_added: (out) (optional): how many comments were new
 *
 * Reads the comments and the filled rows of the comments table, attaches
 * each to its clause, and shows them in the consultation step. Comments in
 * no clause are kept as comments on the whole policy, and a dialog says
 * where they were. A file that cannot be read, or is refused, changes
 * nothing.
 */
gboolean
polisi_window_import_returned_draft (PolisiWindow               *self,
                                     GFile                      *file,
                                     PolisiReturnedImportFlags   flags,
                                     guint                      *n_added,
                                     GError                    **error)
{
  PolisiReturnedImport result = { 0 };
  g_autofree char *name = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  guint added;

  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->policy != NULL, FALSE);

  if (!polisi_returned_draft_import (self->policy, polisi_context_get_library (get_context (self)), file, flags,
                                     &result, error))
    return FALSE;
  added = result.n_anchored + result.n_table_rows;
  if (n_added != NULL)
    *n_added = added;

  name = g_file_get_basename (file);
  polisi_window_go_to_step (self, step_named (self, "consultation"));

  if (result.n_general > 0)
    {
      g_string_append (notes, g_dngettext (GETTEXT_PACKAGE,
                                           "One comment is not in a clause. It is kept as a comment on the whole "
                                           "policy. It was beside:",
                                           "Some comments are not in a clause. They are kept as comments on the whole "
                                           "policy. They were beside:",
                                           result.n_general));
      for (guint i = 0; result.general != NULL && i < result.general->len && i < 10; i++)
        {
          const PolisiReturnedComment *comment = result.general->pdata[i];

          g_string_append_printf (notes, "\n• %s", comment->place != NULL && comment->place[0] != '\0' ? comment->place : "—");
        }
    }
  if (result.unplaced->len > 0)
    {
      if (notes->len > 0)
        g_string_append (notes, "\n\n");
      g_string_append (notes, _("Some tracked changes could not be placed on a clause; make them by hand if you "
                                "agree with them:"));
      for (guint i = 0; i < result.unplaced->len && i < 10; i++)
        g_string_append_printf (notes, "\n• %s", (const char *) result.unplaced->pdata[i]);
    }
  if (notes->len > 0)
    show_error (self, _("Some of the Draft Needs Your Attention"), notes->str);

  {
    g_autofree char *title = NULL;

    if (added == 0 && result.n_duplicates > 0)
      title = g_strdup_printf (_("No new comments: those in “%s” were imported before"), name);
    else if (added == 0 && result.n_insertions + result.n_deletions > 0)
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u proposed change imported", "%u proposed changes imported",
                                            result.n_insertions + result.n_deletions),
                               result.n_insertions + result.n_deletions);
    else if (added == 0)
      title = g_strdup_printf (_("No comments imported from “%s”"), name);
    else if (result.n_duplicates > 0)
      /* Translators: "3 comments imported; 2 were there already" */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment imported; %u were there already",
                                            "%u comments imported; %u were there already", added),
                               added, result.n_duplicates);
    else
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment imported", "%u comments imported", added),
                               added);
    show_toast (self, title);
  }

  polisi_returned_import_clear (&result);
  return TRUE;
}

/* As polisi_window_import_returned_draft(), for a draft of this version. */
gboolean
polisi_window_import_comments (PolisiWindow  *self,
                               GFile         *file,
                               guint         *n_added,
                               GError       **error)
{
  return polisi_window_import_returned_draft (self, file, POLISI_RETURNED_IMPORT_DEFAULT, n_added, error);
}

static void
on_earlier_version_response (AdwMessageDialog *dialog,
                             const char       *response,
                             PolisiWindow     *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "polisi-file");

  if (g_strcmp0 (response, "import") == 0 && self->policy != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!polisi_window_import_returned_draft (self, file, POLISI_RETURNED_IMPORT_EARLIER_VERSION, NULL, &error))
        show_error (self, _("The Comments Could Not Be Imported"), error->message);
    }
}

/**
 * polisi_window_ask_earlier_version:
 * @message: what the import said of the draft's version
 *
 * Asks whether to import a draft of an earlier version all the same.
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
polisi_window_ask_earlier_version (PolisiWindow *self,
                                   GFile        *file,
                                   const char   *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Comments on an Earlier Version?"), message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import Them"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "polisi-file", g_object_ref (file), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_earlier_version_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_import_comments_response (GtkNativeDialog *chooser,
                             int              response,
                             PolisiWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->policy != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!polisi_window_import_comments (self, file, NULL, &error))
        {
          if (g_error_matches (error, POLISI_IMPORT_ERROR, POLISI_IMPORT_ERROR_EARLIER_VERSION))
            polisi_window_ask_earlier_version (self, file, error->message);
          else if (g_error_matches (error, POLISI_IMPORT_ERROR, POLISI_IMPORT_ERROR_NOTHING_RETURNED))
            show_error (self, _("Nothing Came Back in This Draft"), error->message);
          else
            show_error (self, _("The Comments Could Not Be Imported"), error->message);
        }
    }
  g_object_unref (chooser);
}

static void
import_comments_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PolisiWindow *self = POLISI_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->policy == NULL)
    return;
  gtk_file_filter_set_name (filter, _("Returned drafts (ODT, DOCX)"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.text");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  gtk_file_filter_add_suffix (filter, "odt");
  gtk_file_filter_add_suffix (filter, "docx");
  chooser = gtk_file_chooser_native_new (_("Import Comments From a Returned Draft"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  set_chooser_folder (self, chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_comments_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Closing ------------------------------------------------------------------ */

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   PolisiWindow     *self)
{
  if (g_str_equal (response, "discard"))
    {
      /* the changes are given up: nothing is left to ask about */
      polisi_session_close (self->session);
      g_object_set (self->session, "modified", FALSE, NULL);
      close_later (self);
    }
  else if (g_str_equal (response, "save"))
    save (self, TRUE);
}

static gboolean
polisi_window_close_request (GtkWindow *window)
{
  PolisiWindow *self = POLISI_WINDOW (window);

  if (polisi_session_get_modified (self->session))
    {
      g_autofree char *name = display_name (self);
      GtkWidget *dialog = adw_message_dialog_new (window, _("Save Changes?"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("“%s” has changes that are not saved. If you close without saving, they are lost."),
                                      name);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  /* Closed on purpose: no draft to recover. */
  polisi_session_close (self->session);

  if (!gtk_window_is_maximized (window))
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (polisi_window_parent_class)->close_request (window);
}

/* Recovery and the welcome view ---------------------------------------------- */

/**
 * polisi_window_recover_draft:
 *
 * Opens a draft left by a crash, as unsaved changes to the file it was a
 * draft of. The draft stays until the policy is saved or closed.
 */
gboolean
polisi_window_recover_draft (PolisiWindow *self,
                             const char   *id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);

  if (!polisi_session_recover_draft (self->session, id, &error))
    {
      show_error (self, _("The Unsaved Work Could Not Be Recovered"), error->message);
      return FALSE;
    }

  show_session_policy (self, TRUE);
  show_toast (self, _("Unsaved work recovered. Save it to keep it."));
  return TRUE;
}

/* What recovering a draft would change in its saved file, clause by
 * clause, for the question before it replaces what is shown. */
static char *
describe_draft_changes (PolisiWindow    *self,
                        PolisiDraftInfo *info)
{
  PolisiLibrary *library = polisi_context_get_library (get_context (self));
  g_autoptr(PolisiDrafts) drafts = g_object_ref (polisi_session_get_drafts (self->session));
  g_autoptr(PolisiPolicy) saved = NULL;
  g_autoptr(PolisiPolicy) draft = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GFile) original = NULL;
  g_autoptr(GString) numbers = g_string_new (NULL);

  if (info->original == NULL)
    return NULL;
  original = g_file_new_for_path (info->original);
  saved = polisi_policy_load (original, NULL);
  draft = polisi_drafts_load (drafts, info->id, NULL, NULL);
  if (saved == NULL || draft == NULL)
    return NULL;
  if (polisi_policy_equal (saved, draft))
    return g_strdup (_("It is the same as the saved file."));

  changes = polisi_compare_clauses (saved, draft, library);
  for (guint i = 0; i < changes->len; i++)
    {
      PolisiClauseComparison *change = changes->pdata[i];
      const char *number = change->new_number != NULL ? change->new_number : change->old_number;

      if (numbers->len > 0)
        g_string_append (numbers, ", ");
      g_string_append (numbers, number != NULL ? number : change->clause_id);
    }
  if (changes->len == 0)
    return g_strdup (_("Its clauses are those of the saved file; other details differ (the organisation, dates, comments or versions)."));
  /* Translators: %s is a list of clause numbers, "2.1, 4.3" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "It differs from the saved file in clause %s.",
                                       "It differs from the saved file in clauses %s.", changes->len),
                          numbers->str);
}

typedef struct {
  PolisiWindow *self;
  char         *id;
} RecoverRequest;

static void
recover_request_free (gpointer  data,
                      GClosure *closure)
{
  RecoverRequest *request = data;

  g_free (request->id);
  g_free (request);
}

static void
on_recover_response (AdwMessageDialog *dialog,
                     const char       *response,
                     RecoverRequest   *request)
{
  if (g_str_equal (response, "recover"))
    polisi_window_recover_draft (request->self, request->id);
  else if (g_str_equal (response, "discard"))
    {
      polisi_drafts_discard (polisi_session_get_drafts (request->self->session), request->id);
      polisi_window_refresh_welcome (request->self);
    }
}

/* Asks before a draft replaces what the window shows: says when the saved
 * file is newer than the draft, and what differs. */
static void
ask_recover (PolisiWindow    *self,
             PolisiDraftInfo *info)
{
  g_autofree char *name = info->original != NULL ? g_filename_display_basename (info->original) : g_strdup (_("Untitled Policy"));
  g_autofree char *changes = describe_draft_changes (self, info);
  g_autoptr(GDateTime) local = g_date_time_to_local (info->saved);
  g_autofree char *when = g_date_time_format (local, "%x %X");
  gboolean superseded = polisi_draft_info_is_superseded (info);
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;
  RecoverRequest *request;

  g_string_append_printf (body, _("Polisi kept unsaved changes to “%s” on %s, before it closed unexpectedly."), name, when);
  if (superseded)
    {
      g_string_append (body, " ");
      g_string_append (body, _("The file was saved after that, so these changes are older than the saved file: "
                               "recovering them replaces what was saved since."));
    }
  if (changes != NULL)
    {
      g_string_append (body, " ");
      g_string_append (body, changes);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Recover the Unsaved Work?"), NULL));
  adw_message_dialog_set_body (dialog, body->str);
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Use the Saved File"),
                                    "discard", _("_Discard the Changes"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", superseded ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, superseded ? "keep" : "recover");
  adw_message_dialog_set_close_response (dialog, "keep");
  request = g_new0 (RecoverRequest, 1);
  request->self = self;
  request->id = g_strdup (info->id);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_recover_response), request, recover_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
recover_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PolisiWindow *self = POLISI_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) drafts = polisi_drafts_list_orphans (polisi_session_get_drafts (self->session));

  /* a draft older than its saved file is not taken without asking */
  for (guint i = 0; i < drafts->len; i++)
    {
      PolisiDraftInfo *info = drafts->pdata[i];

      if (g_strcmp0 (info->id, id) == 0 && polisi_draft_info_is_superseded (info))
        {
          ask_recover (self, info);
          return;
        }
    }
  polisi_window_recover_draft (self, id);
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PolisiWindow *self = POLISI_WINDOW (widget);

  polisi_drafts_discard (polisi_session_get_drafts (self->session), g_variant_get_string (parameter, NULL));
  polisi_window_refresh_welcome (self);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  polisi_window_open_file (POLISI_WINDOW (widget), file);
}

void
polisi_window_refresh_welcome (PolisiWindow *self)
{
  g_return_if_fail (POLISI_IS_WINDOW (self));
  polisi_welcome_view_refresh (self->welcome_view, polisi_session_get_drafts (self->session));
}

/* Actions ----------------------------------------------------------------- */

static void
update_actions (PolisiWindow *self)
{
  gboolean editing = self->policy != NULL;
  gboolean saving = self->session != NULL && polisi_session_get_saving (self->session);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", editing && !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", editing && !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-step", editing && self->current_step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-step",
                                 editing && self->current_step + 1 < self->steps->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-preview", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-version", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-comments", editing);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PolisiWindow *self = POLISI_WINDOW (widget);

  if (self->policy != NULL)
    save (self, FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PolisiWindow *self = POLISI_WINDOW (widget);

  if (self->policy != NULL)
    save_as (self, FALSE);
}

static void
next_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PolisiWindow *self = POLISI_WINDOW (widget);

  if (self->current_step + 1 < self->steps->len)
    polisi_window_go_to_step (self, self->current_step + 1);
}

static void
previous_step_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PolisiWindow *self = POLISI_WINDOW (widget);

  if (self->current_step > 0)
    polisi_window_go_to_step (self, self->current_step - 1);
}

static void
show_preview_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PolisiWindow *self = POLISI_WINDOW (widget);
  gboolean visible = !gtk_widget_get_visible (self->preview_box);

  gtk_widget_set_visible (self->preview_box, visible);
  gtk_toggle_button_set_active (self->preview_button, visible);
}

static void
on_preview_layout_selected (PolisiWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->preview_layout);

  if (selected <= POLISI_LAYOUT_SEPARATE && self->policy != NULL)
    polisi_preview_set_layout (self->preview, selected);
}

/* A .polisi file dropped on the window opens. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PolisiWindow  *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  if (self->policy != NULL && polisi_session_get_modified (self->session))
    {
      PolisiApplication *app = POLISI_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
      PolisiWindow *window = polisi_window_new (app);

      if (polisi_window_open_file (window, files->data))
        gtk_window_present (GTK_WINDOW (window));
      else
        gtk_window_destroy (GTK_WINDOW (window));
      return TRUE;
    }
  return polisi_window_open_file (self, files->data);
}

/* Public accessors -------------------------------------------------------- */

guint
polisi_window_get_n_steps (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), 0);
  return self->steps->len;
}

guint
polisi_window_get_step (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), 0);
  return self->current_step;
}

int
polisi_window_get_step_state (PolisiWindow *self,
                              guint         index)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), POLISI_STEP_NOT_STARTED);
  g_return_val_if_fail (index < self->steps->len, POLISI_STEP_NOT_STARTED);
  return get_step (self, index)->state;
}

PolisiClauseEditor *
polisi_window_get_clause_editor (PolisiWindow *self,
                                 const char   *clause_id)
{
  const char *section;
  guint index;

  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);

  section = polisi_assemble_section_of (polisi_context_get_library (self->context), clause_id);
  if (section == NULL || (index = step_of_section (self, section)) == G_MAXUINT)
    return NULL;
  return polisi_section_page_get_editor (POLISI_SECTION_PAGE (ensure_step_page (self, get_step (self, index))), clause_id);
}

PolisiOrganisationPage *
polisi_window_get_organisation_page (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return POLISI_ORGANISATION_PAGE (ensure_step_page (self, get_step (self, step_named (self, "organisation"))));
}

PolisiFinishPage *
polisi_window_get_finish_page (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return POLISI_FINISH_PAGE (ensure_step_page (self, get_step (self, step_named (self, "finish"))));
}

/* The page of a step, made if it was not yet. */
GtkWidget *
polisi_window_get_step_page (PolisiWindow *self,
                             guint         index)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return ensure_step_page (self, get_step (self, index));
}

/**
 * polisi_window_find_step:
 * @name: "organisation", "review", "consultation", "finish" (the
 *   window's own steps), or a section's id
 *
 * Returns: the index of the step, or G_MAXUINT
 */
guint
polisi_window_find_step (PolisiWindow *self,
                         const char   *name)
{
  guint index;

  g_return_val_if_fail (POLISI_IS_WINDOW (self), G_MAXUINT);

  /* the steps of the window first: the library has a section "review" */
  index = step_named (self, name);
  return index != G_MAXUINT ? index : step_of_section (self, name);
}

PolisiPreview *
polisi_window_get_preview (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return self->preview;
}

/* The help page (help/C/PAGE.page) for what the window shows. */
const char *
polisi_window_get_help_page (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), "index");

  if (self->policy == NULL || self->steps->len == 0)
    return "index";
  return polisi_step_get_help_page (get_step (self, self->current_step)->step);
}

/* Life cycle --------------------------------------------------------------- */

static void
on_default_width (PolisiWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  /* a narrow window gives the text the room; the preview is a click away */
  if (width > 0 && width < 980 && gtk_widget_get_visible (self->preview_box))
    {
      gtk_widget_set_visible (self->preview_box, FALSE);
      gtk_toggle_button_set_active (self->preview_button, FALSE);
    }
}

static void
polisi_window_dispose (GObject *object)
{
  PolisiWindow *self = (PolisiWindow *) object;

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_handle_id (&self->review_toast_id, g_source_remove);
  if (self->policy != NULL)
    g_clear_signal_handler (&self->changed_id, self->policy);

  gtk_widget_dispose_template (GTK_WIDGET (self), POLISI_TYPE_WINDOW);

  g_clear_pointer (&self->toasts, g_ptr_array_unref);
  g_clear_object (&self->policy);
  /* a window that goes without closing (a crash) leaves its draft */
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->last_export);
  g_clear_object (&self->context);
  g_clear_object (&self->spell_checker);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->steps, g_array_unref);

  G_OBJECT_CLASS (polisi_window_parent_class)->dispose (object);
}

static void
polisi_window_class_init (PolisiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = polisi_window_dispose;
  window_class->close_request = polisi_window_close_request;

  g_type_ensure (POLISI_TYPE_PREVIEW);
  g_type_ensure (POLISI_TYPE_WELCOME_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/polisi/Polisi/ui/polisi-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, welcome_view);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, steps_list);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, preview_button);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, steps_stack);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, step_label);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, preview_box);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, preview_layout);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_step_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_to_steps);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_layout_selected);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.next-step", NULL, next_step_action);
  gtk_widget_class_install_action (widget_class, "win.previous-step", NULL, previous_step_action);
  gtk_widget_class_install_action (widget_class, "win.show-preview", NULL, show_preview_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);
  gtk_widget_class_install_action (widget_class, "win.recover-draft", "s", recover_action);
  gtk_widget_class_install_action (widget_class, "win.discard-draft", "s", discard_draft_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.compare-version", "s", compare_version_action);
  gtk_widget_class_install_action (widget_class, "win.show-review", NULL, show_review_action);
  gtk_widget_class_install_action (widget_class, "win.import-comments", NULL, import_comments_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK, "win.next-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK, "win.previous-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-preview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
polisi_window_init (PolisiWindow *self)
{
  g_autoptr(GtkStringList) layouts = gtk_string_list_new (NULL);
  GtkDropTarget *drop;

  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->steps, clear_step);
  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->settings = g_settings_new (APP_ID);
  {
    g_autoptr(PolisiDrafts) drafts = polisi_drafts_new_default ();
    self->session = polisi_session_new (drafts);
  }
  g_settings_bind (self->settings, "autosave-interval", self->session, "autosave-interval", G_SETTINGS_BIND_GET);
  g_signal_connect_swapped (self->session, "notify::modified", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (self->session, "notify::file", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (self->session, "notify::saving", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->session, "autosave-failed", G_CALLBACK (on_autosave_failed), self);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (PolisiLayout layout = POLISI_LAYOUT_CY; layout <= POLISI_LAYOUT_SEQUENTIAL; layout++)
    gtk_string_list_append (layouts, polisi_layout_get_label (layout));
  gtk_drop_down_set_model (self->preview_layout, G_LIST_MODEL (layouts));
  gtk_drop_down_set_selected (self->preview_layout, GTK_INVALID_LIST_POSITION);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_toggle_button_set_active (self->preview_button, TRUE);
  g_signal_connect_swapped (self, "notify::default-width", G_CALLBACK (on_default_width), self);
  on_default_width (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  update_actions (self);
}

PolisiWindow *
polisi_window_new (PolisiApplication *application)
{
  PolisiWindow *self = g_object_new (POLISI_TYPE_WINDOW, "application", application, NULL);

  update_title (self);
  polisi_window_refresh_welcome (self);
  polisi_welcome_view_focus_first (self->welcome_view);

  return self;
}
