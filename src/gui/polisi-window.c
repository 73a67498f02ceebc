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
 * The window owns the open policy and its file. Every change marks the
 * policy unsaved, restarts the one-shot autosave timer that writes a
 * recovery draft, and (after a pause) runs the checker, whose findings set
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
#include "polisi-window.h"

#define CHECK_DELAY_MS 400

typedef enum {
  STEP_ORGANISATION,
  STEP_SECTION,
  STEP_REVIEW,
  STEP_CONSULTATION,
  STEP_FINISH,
} StepKind;

typedef struct {
  StepKind       kind;
  PolisiSection *section;      /* unowned: the library's */
  GtkWidget     *page;         /* made on the first visit */
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
  PolisiDrafts         *drafts;
  PolisiPolicy         *policy;
  GFile                *file;
  char                 *file_etag;
  gboolean              modified;
  char                 *draft_id;
  guint                 autosave_id;
  guint                 check_id;
  gulong                changed_id;
  GArray               *steps;
  guint                 current_step;
  gboolean              close_confirmed;
  gboolean              syncing;
  GFile                *last_export;
  GPtrArray            *toasts;        /* shown and not yet dismissed */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  AdwPreferencesGroup  *recovery_group;
  AdwPreferencesGroup  *recent_group;
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
  if (self->file != NULL)
    {
      g_autofree char *path = g_file_get_path (self->file);
      if (path != NULL)
        return g_filename_display_basename (path);
      return g_file_get_basename (self->file);
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

  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);
      g_autofree char *path = parent != NULL ? g_file_get_path (parent) : NULL;

      if (path != NULL)
        {
          const char *home = g_get_home_dir ();
          gsize n = strlen (home);
          gboolean in_home = strncmp (path, home, n) == 0 && (path[n] == '/' || path[n] == '\0');

          folder = in_home ? g_strconcat ("~", path + n, NULL) : g_filename_display_name (path);
        }
    }

  if (self->modified)
    subtitle = folder != NULL ? g_strdup_printf (_("%s — Unsaved changes"), folder) : g_strdup (_("Unsaved changes"));
  else
    subtitle = g_strdup (folder != NULL ? folder : "");

  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Translators: the window's title: "•" marks unsaved changes */
  title = self->modified ? g_strdup_printf (_("• %s — Polisi"), name) : g_strdup_printf (_("%s — Polisi"), name);
  gtk_window_set_title (GTK_WINDOW (self), self->policy != NULL ? title : _("Polisi"));
}

static void
set_modified (PolisiWindow *self,
              gboolean      modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  update_title (self);
}

/* Steps -------------------------------------------------------------------- */

static Step *
get_step (PolisiWindow *self,
          guint         index)
{
  g_return_val_if_fail (index < self->steps->len, NULL);
  return &g_array_index (self->steps, Step, index);
}

static const char *
step_title (PolisiWindow *self,
            Step         *step)
{
  switch (step->kind)
    {
    case STEP_ORGANISATION:
      return _("Organisation");
    case STEP_REVIEW:
      return _("Review and Versions");
    case STEP_CONSULTATION:
      return _("Consultation");
    case STEP_FINISH:
      return _("Check and Export");
    case STEP_SECTION:
    default:
      return polisi_section_get_title (step->section, polisi_interface_lang ());
    }
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

  step->state = state;
  gtk_image_set_from_icon_name (step->state_icon, icons[state]);
  gtk_widget_remove_css_class (GTK_WIDGET (step->state_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (step->state_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (step->state_icon), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (step->state_icon),
                            state == POLISI_STEP_NEEDS_ATTENTION ? "warning" : state == POLISI_STEP_DONE ? "success" : "dim-label");
  gtk_widget_set_tooltip_text (GTK_WIDGET (step->state_icon), descriptions[state]);
  /* Translators: a step of the wizard and its state: "Safeguarding: Done" */
  label = g_strdup_printf (_("%s: %s"), step_title (self, step), descriptions[state]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (step->row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static guint
step_of_kind (PolisiWindow *self,
              StepKind      kind)
{
  for (guint i = 0; i < self->steps->len; i++)
    if (get_step (self, i)->kind == kind)
      return i;
  return 0;
}

static guint
step_of_section (PolisiWindow *self,
                 const char   *section_id)
{
  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = get_step (self, i);

      if (step->kind == STEP_SECTION && g_strcmp0 (polisi_section_get_id (step->section), section_id) == 0)
        return i;
    }
  return 0;
}

/* Where a finding is fixed: the organisation step for answers and names;
 * the review step for the review date and updates of the model clauses;
 * the consultation step for the closing date; the clause's section step
 * for text. */
static guint
step_of_finding (PolisiWindow  *self,
                 PolisiFinding *finding)
{
  switch (finding->kind)
    {
    case POLISI_FINDING_MISSING_NAME:
    case POLISI_FINDING_UNFILLED_PLACEHOLDER:
    case POLISI_FINDING_PENDING_DATE:
      return 0;
    case POLISI_FINDING_REVIEW_OVERDUE:
    case POLISI_FINDING_REVIEW_DUE:
    case POLISI_FINDING_LIBRARY_UPDATED:
    case POLISI_FINDING_NO_DRAFT_SUMMARY:
      return step_of_kind (self, STEP_REVIEW);
    case POLISI_FINDING_NO_CLOSING_DATE:
      return step_of_kind (self, STEP_CONSULTATION);
    default:
      break;
    }
  if (finding->clause_id != NULL)
    {
      const char *section = polisi_assemble_section_of (polisi_context_get_library (self->context), finding->clause_id);
      if (section != NULL)
        return step_of_section (self, section);
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
  Step *finish;

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
        attention[step_of_finding (self, finding)] = TRUE;
    }

  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = get_step (self, i);
      int state = attention[i] ? POLISI_STEP_NEEDS_ATTENTION : step->visited ? POLISI_STEP_DONE : POLISI_STEP_NOT_STARTED;

      if (step->kind == STEP_FINISH)
        state = polisi_check_count (findings, POLISI_SEVERITY_ERROR) > 0 ? POLISI_STEP_NEEDS_ATTENTION :
                step->visited ? POLISI_STEP_DONE : POLISI_STEP_NOT_STARTED;
      set_step_state (self, step, state);
    }

  finish = get_step (self, self->steps->len - 1);
  if (finish->page != NULL)
    polisi_finish_page_set_findings (POLISI_FINISH_PAGE (finish->page), findings,
                                     polisi_context_get_library (self->context));
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

static void on_finding_go_to (PolisiWindow *self,
                              const char   *clause_id,
                              const char   *placeholder,
                              int           lang,
                              int           kind,
                              PolisiFinishPage *page);

static void on_review_go_to_clause (PolisiWindow     *self,
                                    const char       *clause_id,
                                    int               lang,
                                    PolisiReviewPage *page);

static void
ensure_step_page (PolisiWindow *self,
                  Step         *step)
{
  PolisiLibrary *library = polisi_context_get_library (self->context);

  if (step->page != NULL)
    return;

  switch (step->kind)
    {
    case STEP_ORGANISATION:
      step->page = GTK_WIDGET (polisi_organisation_page_new (self->policy, library));
      break;
    case STEP_SECTION:
      if (self->spell_checker == NULL)
        self->spell_checker = polisi_spell_checker_new (library);
      step->page = GTK_WIDGET (polisi_section_page_new (step->section, self->policy, library, self->spell_checker));
      break;
    case STEP_REVIEW:
      step->page = GTK_WIDGET (polisi_review_page_new (self->policy, self->context));
      g_signal_connect_swapped (step->page, "go-to-clause", G_CALLBACK (on_review_go_to_clause), self);
      break;
    case STEP_CONSULTATION:
      step->page = GTK_WIDGET (polisi_consultation_page_new (self->policy, self->context));
      break;
    case STEP_FINISH:
    default:
      {
        PolisiFinishPage *page = polisi_finish_page_new ();
        PolisiLayout layout = g_settings_get_enum (self->settings, "default-layout");

        if (layout > POLISI_LAYOUT_SEPARATE)
          layout = polisi_language_category_get_default_layout (polisi_policy_get_language_category (self->policy));
        polisi_finish_page_set_layout (page, layout);
        /* the GSettings enum has PolisiFormat's values */
        polisi_finish_page_set_format (page, MIN ((guint) g_settings_get_enum (self->settings, "default-format"),
                                                  N_POLISI_FORMATS - 1));
        g_signal_connect_swapped (page, "go-to", G_CALLBACK (on_finding_go_to), self);
        step->page = GTK_WIDGET (page);
        break;
      }
    }

  gtk_widget_set_margin_top (step->page, 24);
  gtk_widget_set_margin_bottom (step->page, 24);
  gtk_widget_set_margin_start (step->page, 18);
  gtk_widget_set_margin_end (step->page, 18);
  adw_clamp_set_child (ADW_CLAMP (step->clamp), step->page);

  if (step->kind == STEP_FINISH)
    polisi_window_check_now (self);
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

static void
add_step (PolisiWindow  *self,
          StepKind       kind,
          PolisiSection *section)
{
  Step step = { 0 };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;

  step.kind = kind;
  step.section = section;
  g_array_append_val (self->steps, step);

  label = gtk_label_new (step_title (self, &g_array_index (self->steps, Step, self->steps->len - 1)));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);

  {
    Step *added = &g_array_index (self->steps, Step, self->steps->len - 1);

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
}

static void
build_steps (PolisiWindow *self,
             gboolean      existing)
{
  PolisiLibrary *library = polisi_context_get_library (self->context);

  clear_steps (self);
  add_step (self, STEP_ORGANISATION, NULL);
  for (guint i = 0; i < polisi_library_get_n_sections (library); i++)
    add_step (self, STEP_SECTION, polisi_library_get_section (library, i));
  add_step (self, STEP_REVIEW, NULL);
  add_step (self, STEP_CONSULTATION, NULL);
  add_step (self, STEP_FINISH, NULL);

  /* An existing policy has been through every step before. */
  for (guint i = 0; i < self->steps->len; i++)
    get_step (self, i)->visited = existing;

  polisi_window_go_to_step (self, 0);
}

/* Following a finding to its place. */
static void
on_finding_go_to (PolisiWindow     *self,
                  const char       *clause_id,
                  const char       *placeholder,
                  int               lang,
                  int               kind,
                  PolisiFinishPage *page)
{
  PolisiFinding finding = { 0 };
  guint index;
  Step *step;

  finding.kind = kind;
  finding.clause_id = (char *) clause_id;
  index = step_of_finding (self, &finding);
  polisi_window_go_to_step (self, index);
  step = get_step (self, index);

  if (step->kind == STEP_ORGANISATION)
    polisi_organisation_page_focus_answer (POLISI_ORGANISATION_PAGE (step->page), placeholder, lang);
  else if (step->kind == STEP_SECTION && clause_id != NULL)
    {
      PolisiClauseEditor *editor = polisi_section_page_get_editor (POLISI_SECTION_PAGE (step->page), clause_id);

      if (editor != NULL)
        polisi_clause_editor_reveal (editor, lang);
      polisi_preview_scroll_to_block (self->preview, clause_id);
    }
}

/* From an out-of-date name in the review step to its clause. */
static void
on_review_go_to_clause (PolisiWindow     *self,
                        const char       *clause_id,
                        int               lang,
                        PolisiReviewPage *page)
{
  PolisiFinding finding = { 0 };

  finding.kind = POLISI_FINDING_OUTDATED_LEGISLATION;
  finding.clause_id = (char *) clause_id;
  on_finding_go_to (self, clause_id, NULL, lang, finding.kind, NULL);
}

/* The policy ----------------------------------------------------------------- */

static gboolean
autosave_timeout (gpointer data)
{
  PolisiWindow *self = data;
  g_autoptr(GError) error = NULL;

  self->autosave_id = 0;
  if (self->policy == NULL || !self->modified)
    return G_SOURCE_REMOVE;

  if (!polisi_drafts_save (self->drafts, self->draft_id, self->policy, self->file, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not keep a recovery copy: %s"), error->message);
      show_toast (self, message);
    }
  return G_SOURCE_REMOVE;
}

static void
on_policy_changed (PolisiWindow *self)
{
  set_modified (self, TRUE);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add_seconds (g_settings_get_uint (self->settings, "autosave-interval"),
                                             autosave_timeout, self);
  schedule_check (self);
}

static void
set_file (PolisiWindow *self,
          GFile        *file)
{
  g_autoptr(GFileInfo) info = NULL;

  g_set_object (&self->file, file);
  g_clear_pointer (&self->file_etag, g_free);
  if (file != NULL)
    {
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (info != NULL)
        self->file_etag = g_strdup (g_file_info_get_etag (info));
    }
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

static void
load_policy (PolisiWindow *self,
             PolisiPolicy *policy,
             GFile        *file,
             gboolean      existing)
{
  PolisiLibrary *library = polisi_context_get_library (get_context (self));

  if (self->policy != NULL)
    g_clear_signal_handler (&self->changed_id, self->policy);
  g_set_object (&self->policy, policy);
  set_file (self, file);
  self->modified = FALSE;

  polisi_preview_set_policy (self->preview, policy, library);
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->preview_layout, polisi_preview_get_layout (self->preview));
  self->syncing = FALSE;
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
  load_policy (self, policy, NULL, FALSE);
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

static void
show_review_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PolisiWindow *self = POLISI_WINDOW (widget);

  if (self->policy != NULL)
    polisi_window_go_to_step (self, step_of_kind (self, STEP_REVIEW));
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
  g_autoptr(PolisiPolicy) policy = NULL;

  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  policy = polisi_policy_load (file, &error);
  if (policy == NULL)
    {
      show_error (self, _("The Policy Could Not Be Opened"), error->message);
      return FALSE;
    }

  load_policy (self, policy, file, TRUE);
  remember_file (self, file);
  tell_review_due (self);
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
  return self->file;
}

gboolean
polisi_window_get_modified (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  return self->modified;
}

const char *
polisi_window_get_draft_id (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return self->draft_id;
}

/**
 * polisi_window_save_to_file:
 *
 * Saves the policy to @file atomically. Saving over the file the policy
 * came from fails (POLISI_ERROR_IO with G_IO_ERROR_WRONG_ETAG in the
 * message's code) when someone else changed it since.
 */
gboolean
polisi_window_save_to_file (PolisiWindow  *self,
                            GFile         *file,
                            GError       **error)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->policy != NULL, FALSE);

  if (!polisi_policy_save (self->policy, file, error))
    return FALSE;

  set_file (self, file);
  set_modified (self, FALSE);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  polisi_drafts_discard (self->drafts, self->draft_id);
  remember_file (self, file);
  return TRUE;
}

static gboolean
changed_on_disk (PolisiWindow *self)
{
  g_autoptr(GFileInfo) info = NULL;

  if (self->file == NULL || self->file_etag == NULL)
    return FALSE;
  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return info != NULL && g_strcmp0 (g_file_info_get_etag (info), self->file_etag) != 0;
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
  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
}

static void
save_or_report (PolisiWindow *self,
                GFile        *file,
                gboolean      close_after)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!polisi_window_save_to_file (self, file, &error))
    {
      show_error (self, _("The Policy Could Not Be Saved"), error->message);
      return;
    }

  name = display_name (self);
  {
    g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);
    show_toast (self, message);
  }
  if (close_after)
    close_later (self);
}

static void
on_overwrite_response (AdwMessageDialog *dialog,
                       const char       *response,
                       PolisiWindow     *self)
{
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "close-after"));

  if (g_str_equal (response, "overwrite"))
    save_or_report (self, self->file, close_after);
  else if (g_str_equal (response, "save-as"))
    save_as (self, close_after);
}

static void
save (PolisiWindow *self,
      gboolean      close_after)
{
  if (self->file == NULL)
    {
      save_as (self, close_after);
      return;
    }

  if (changed_on_disk (self))
    {
      g_autofree char *name = display_name (self);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The File Has Changed"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("Someone or something changed “%s” after you opened it. Saving now replaces their changes."),
                                      name);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "save-as", _("Save _As…"),
                                        "overwrite", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_object_set_data (G_OBJECT (dialog), "close-after", GINT_TO_POINTER (close_after));
      g_signal_connect (dialog, "response", G_CALLBACK (on_overwrite_response), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  save_or_report (self, self->file, close_after);
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
                     PolisiWindow    *self)
{
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "close-after"));

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
      save_or_report (self, file, close_after);
    }
  g_object_unref (chooser);
}

static char *
suggested_name (PolisiWindow *self,
                const char   *suffix)
{
  const char *name = polisi_policy_get_name (self->policy, POLISI_LANG_CY);
  g_autofree char *base = NULL;

  if (self->file != NULL)
    {
      g_autofree char *file_name = g_file_get_basename (self->file);
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

  chooser = gtk_file_chooser_native_new (_("Save Policy"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);
      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
    }
  else
    set_chooser_folder (self, chooser);
  g_object_set_data (G_OBJECT (chooser), "close-after", GINT_TO_POINTER (close_after));
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response), self);
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

static char *
path_with_language (const char *path,
                    PolisiLang  lang)
{
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, G_DIR_SEPARATOR);

  if (dot == NULL || (slash != NULL && dot < slash))
    return g_strdup_printf ("%s-%s", path, polisi_lang_to_code (lang));
  return g_strdup_printf ("%.*s-%s%s", (int) (dot - path), path, polisi_lang_to_code (lang), dot);
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

  if (layout == POLISI_LAYOUT_SEPARATE)
    {
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *path_cy = path_with_language (path, POLISI_LANG_CY);
      g_autofree char *path_en = path_with_language (path, POLISI_LANG_EN);
      const char *paths[POLISI_N_LANGS] = { path_cy, path_en };

      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        {
          g_autoptr(GFile) target = g_file_new_for_path (paths[lang]);
          g_autofree char *other = g_path_get_basename (paths[POLISI_LANG_OTHER (lang)]);

          polisi_export_options_init (&options, lang == POLISI_LANG_CY ? POLISI_LAYOUT_CY : POLISI_LAYOUT_EN);
          options.other_file = other;
          if (!polisi_export_to_file (document, format, &options, target, error))
            {
              if (lang > 0)
                {
                  g_autoptr(GFile) first = g_file_new_for_path (paths[0]);
                  g_file_delete (first, NULL, NULL);
                }
              return FALSE;
            }
        }
      g_set_object (&self->last_export, g_file_new_for_path (path_cy));
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
  PolisiFinishPage *page = POLISI_FINISH_PAGE (finish->page);

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
  page = POLISI_FINISH_PAGE (finish->page);
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
  if (finish->page != NULL)
    {
      PolisiFinishPage *page = POLISI_FINISH_PAGE (finish->page);

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

/* Comments from a consultation ------------------------------------------------ */

/**
 * polisi_window_import_comments:
 * @file: a consultation draft that came back with comments, as ODT
 * @n_added: (out) (optional): how many comments were new
 *
 * Reads the comments, attaches each to its clause, and shows them in the
 * consultation step. Comments in no clause are kept as comments on the
 * whole policy, and a dialog says where they were. A file that cannot be
 * read changes nothing.
 */
gboolean
polisi_window_import_comments (PolisiWindow  *self,
                               GFile         *file,
                               guint         *n_added,
                               GError       **error)
{
  PolisiCommentImport result = { 0 };
  g_autofree char *name = NULL;

  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->policy != NULL, FALSE);

  if (!polisi_import_comments (self->policy, polisi_context_get_library (get_context (self)), file, &result, error))
    return FALSE;
  if (n_added != NULL)
    *n_added = result.n_added;

  name = g_file_get_basename (file);
  polisi_window_go_to_step (self, step_of_kind (self, STEP_CONSULTATION));

  if (result.n_found == 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” has no comments. Representatives add comments in LibreOffice with "
                                                    "Insert › Comment, or in Word with Review › New Comment, and save the "
                                                    "file in ODT format."), name);
      show_error (self, _("No Comments Found"), message);
    }
  else if (result.n_general > 0)
    {
      GString *message = g_string_new (NULL);
      g_autofree char *heading = NULL;

      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Comment Is Not in a Clause", "%u Comments Are Not in a Clause",
                                              result.n_general), result.n_general);
      g_string_append (message, g_dngettext (GETTEXT_PACKAGE,
                                             "It is kept as a comment on the whole policy. It was beside:",
                                             "They are kept as comments on the whole policy. They were beside:",
                                             result.n_general));
      for (guint i = 0; result.general != NULL && i < result.general->len && i < 10; i++)
        {
          const PolisiAnnotation *annotation = result.general->pdata[i];

          g_string_append_printf (message, "\n• %s", annotation->place != NULL ? annotation->place : "?");
        }
      show_error (self, heading, message->str);
      g_string_free (message, TRUE);
    }

  if (result.n_found > 0)
    {
      g_autofree char *title = NULL;

      if (result.n_added == 0)
        title = g_strdup_printf (_("No new comments: those in “%s” were imported before"), name);
      else if (result.n_duplicates > 0)
        /* Translators: "3 comments imported; 2 were there already" */
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment imported; %u were there already",
                                              "%u comments imported; %u were there already", result.n_added),
                                 result.n_added, result.n_duplicates);
      else
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment imported", "%u comments imported", result.n_added),
                                 result.n_added);
      show_toast (self, title);
    }

  polisi_comment_import_clear (&result);
  return TRUE;
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
        show_error (self, _("The Comments Could Not Be Imported"), error->message);
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
  gtk_file_filter_set_name (filter, _("OpenDocument text"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.text");
  gtk_file_filter_add_suffix (filter, "odt");
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
      polisi_drafts_discard (self->drafts, self->draft_id);
      close_later (self);
    }
  else if (g_str_equal (response, "save"))
    save (self, TRUE);
}

static gboolean
polisi_window_close_request (GtkWindow *window)
{
  PolisiWindow *self = POLISI_WINDOW (window);

  if (self->modified && !self->close_confirmed)
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
  if (self->draft_id != NULL)
    polisi_drafts_discard (self->drafts, self->draft_id);

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
  g_autoptr(GFile) original = NULL;
  g_autoptr(PolisiPolicy) policy = NULL;

  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);

  policy = polisi_drafts_load (self->drafts, id, &original, &error);
  if (policy == NULL)
    {
      show_error (self, _("The Unsaved Work Could Not Be Recovered"), error->message);
      return FALSE;
    }

  g_free (self->draft_id);
  self->draft_id = g_strdup (id);
  load_policy (self, policy, original, TRUE);
  set_modified (self, TRUE);
  /* keep the draft ours, so that it is not offered to another window */
  polisi_drafts_save (self->drafts, self->draft_id, self->policy, self->file, NULL);
  show_toast (self, _("Unsaved work recovered. Save it to keep it."));
  return TRUE;
}

static void
recover_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  polisi_window_recover_draft (POLISI_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PolisiWindow *self = POLISI_WINDOW (widget);

  polisi_drafts_discard (self->drafts, g_variant_get_string (parameter, NULL));
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

static void
clear_group (AdwPreferencesGroup *group,
             GPtrArray          **rows)
{
  if (*rows != NULL)
    for (guint i = 0; i < (*rows)->len; i++)
      adw_preferences_group_remove (group, (*rows)->pdata[i]);
  g_clear_pointer (rows, g_ptr_array_unref);
  *rows = g_ptr_array_new ();
}

void
polisi_window_refresh_welcome (PolisiWindow *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  GList *items;
  guint shown = 0;
  GPtrArray *recovery_rows, *recent_rows;

  g_return_if_fail (POLISI_IS_WINDOW (self));

  recovery_rows = g_object_get_data (G_OBJECT (self->recovery_group), "rows");
  recent_rows = g_object_get_data (G_OBJECT (self->recent_group), "rows");
  g_object_steal_data (G_OBJECT (self->recovery_group), "rows");
  g_object_steal_data (G_OBJECT (self->recent_group), "rows");
  clear_group (self->recovery_group, &recovery_rows);
  clear_group (self->recent_group, &recent_rows);

  drafts = polisi_drafts_list_orphans (self->drafts);
  for (guint i = 0; i < drafts->len; i++)
    {
      PolisiDraftInfo *info = drafts->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *recover = gtk_button_new_with_mnemonic (_("_Recover"));
      GtkWidget *discard = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autoptr(GDateTime) local = g_date_time_to_local (info->saved);
      g_autofree char *when = g_date_time_format (local, "%x %X");
      g_autofree char *subtitle = NULL;
      g_autofree char *original = info->original != NULL ? g_filename_display_basename (info->original) : NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->title != NULL ? info->title : _("Untitled Policy"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* Translators: a recovery copy of unsaved work: "Changes to “policy.polisi”, kept
       * 21 November 2026 at 10:15"; the last %s is a date and time */
      subtitle = original != NULL ? g_strdup_printf (_("Changes to “%s”, kept %s"), original, when)
                                  : g_strdup_printf (_("Never saved, kept %s"), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (recover, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (recover, "suggested-action");
      gtk_widget_add_css_class (discard, "flat");
      gtk_widget_set_tooltip_text (discard, _("Discard"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (discard), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Discard the unsaved work"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (recover), "win.recover-draft");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (recover), "s", info->id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (discard), "win.discard-draft");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (discard), "s", info->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), recover);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
      adw_preferences_group_add (self->recovery_group, row);
      g_ptr_array_add (recovery_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recovery_group), drafts->len > 0);

  items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  for (GList *l = items; l != NULL && shown < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = NULL;
      g_autofree char *path = NULL;
      g_autofree char *name = NULL;
      g_autofree char *folder = NULL;
      GtkWidget *row;

      if (!g_str_has_suffix (uri, POLISI_POLICY_SUFFIX))
        continue;
      file = g_file_new_for_uri (uri);
      path = g_file_get_path (file);
      if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      name = g_filename_display_basename (path);
      folder = g_path_get_dirname (path);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);
      adw_preferences_group_add (self->recent_group, row);
      g_ptr_array_add (recent_rows, row);
      shown++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);

  g_object_set_data_full (G_OBJECT (self->recovery_group), "rows", recovery_rows, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (self->recent_group), "rows", recent_rows, (GDestroyNotify) g_ptr_array_unref);
}

/* Actions ----------------------------------------------------------------- */

static void
update_actions (PolisiWindow *self)
{
  gboolean editing = self->policy != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-step", editing && self->current_step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-step",
                                 editing && self->current_step + 1 < self->steps->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-preview", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare", editing);
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

  if (!self->syncing && selected <= POLISI_LAYOUT_SEPARATE && self->policy != NULL)
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

  if (self->policy != NULL && self->modified)
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
  Step *step;

  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);

  section = polisi_assemble_section_of (polisi_context_get_library (self->context), clause_id);
  if (section == NULL)
    return NULL;
  step = get_step (self, step_of_section (self, section));
  ensure_step_page (self, step);
  return polisi_section_page_get_editor (POLISI_SECTION_PAGE (step->page), clause_id);
}

PolisiOrganisationPage *
polisi_window_get_organisation_page (PolisiWindow *self)
{
  Step *step;

  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  step = get_step (self, 0);
  ensure_step_page (self, step);
  return POLISI_ORGANISATION_PAGE (step->page);
}

PolisiFinishPage *
polisi_window_get_finish_page (PolisiWindow *self)
{
  Step *step;

  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  step = get_step (self, self->steps->len - 1);
  ensure_step_page (self, step);
  return POLISI_FINISH_PAGE (step->page);
}

/* The page of a step, made if it was not yet. */
GtkWidget *
polisi_window_get_step_page (PolisiWindow *self,
                             guint         index)
{
  Step *step;

  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  step = get_step (self, index);
  ensure_step_page (self, step);
  return step->page;
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
  static const struct { const char *name; StepKind kind; } kinds[] = {
    { "organisation", STEP_ORGANISATION },
    { "review", STEP_REVIEW },
    { "consultation", STEP_CONSULTATION },
    { "finish", STEP_FINISH },
  };

  g_return_val_if_fail (POLISI_IS_WINDOW (self), G_MAXUINT);

  /* the steps of the window first: the library has a section "review" */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (g_strcmp0 (name, kinds[k].name) == 0)
      return step_of_kind (self, kinds[k].kind);
  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = get_step (self, i);

      if (step->kind == STEP_SECTION && g_strcmp0 (polisi_section_get_id (step->section), name) == 0)
        return i;
    }
  return G_MAXUINT;
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
  Step *step;

  g_return_val_if_fail (POLISI_IS_WINDOW (self), "index");

  if (self->policy == NULL || self->steps->len == 0)
    return "index";
  step = get_step (self, self->current_step);
  switch (step->kind)
    {
    case STEP_ORGANISATION:
      return "start-policy";
    case STEP_REVIEW:
      return "review";
    case STEP_CONSULTATION:
      return "consultation";
    case STEP_FINISH:
      return "export";
    case STEP_SECTION:
    default:
      return "clauses";
    }
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

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->policy != NULL)
    g_clear_signal_handler (&self->changed_id, self->policy);

  gtk_widget_dispose_template (GTK_WIDGET (self), POLISI_TYPE_WINDOW);

  g_clear_pointer (&self->toasts, g_ptr_array_unref);
  g_clear_object (&self->policy);
  g_clear_object (&self->file);
  g_clear_object (&self->last_export);
  g_clear_object (&self->context);
  g_clear_object (&self->spell_checker);
  g_clear_object (&self->settings);
  g_clear_object (&self->drafts);
  g_clear_pointer (&self->file_etag, g_free);
  g_clear_pointer (&self->draft_id, g_free);
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
  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/polisi/Polisi/ui/polisi-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, recovery_group);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, recent_group);
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
  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->settings = g_settings_new (APP_ID);
  self->drafts = polisi_drafts_new_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->draft_id = polisi_drafts_new_id (self->drafts);

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
  gtk_widget_grab_focus (gtk_widget_get_first_child (GTK_WIDGET (self->welcome_page)));

  return self;
}
