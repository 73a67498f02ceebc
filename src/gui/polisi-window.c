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
 * file, whether it is saved, and the recovery copy it autosaves; the
 * window follows its properties (the title shows "modified"). After a
 * pause, each change of the policy runs the checker, whose findings set
 * the state of each step and fill the last step's list.
 *
 * What the window does with files is in flows of their own, each a small
 * object the window makes and wires to its actions: saving
 * (polisi-save-flow), export and print (polisi-export-flow), comparing
 * with an earlier version (polisi-compare-flow), importing a returned
 * draft (polisi-import-flow) and recovering unsaved work
 * (polisi-recovery-flow). The window keeps the steps, the preview, the
 * title, the toasts and the actions table.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "polisi-assembler.h"
#include "polisi-checker.h"
#include "polisi-compare-flow.h"
#include "polisi-dates.h"
#include "polisi-export-flow.h"
#include "polisi-file-dialogs.h"
#include "polisi-finish-page.h"
#include "polisi-gui-utils.h"
#include "polisi-import-flow.h"
#include "polisi-organisation-page.h"
#include "polisi-preview.h"
#include "polisi-preview-pane.h"
#include "polisi-recovery-flow.h"
#include "polisi-save-flow.h"
#include "polisi-section-page.h"
#include "polisi-session.h"
#include "polisi-step-list.h"
#include "polisi-steps.h"
#include "polisi-toasts.h"
#include "polisi-welcome-view.h"
#include "polisi-window-actions.h"
#include "polisi-window-title.h"
#include "polisi-window.h"

#define CHECK_DELAY_MS 400

struct _PolisiWindow
{
  AdwApplicationWindow  parent_instance;

  PolisiContext        *context;
  PolisiSpellChecker   *spell_checker;
  GSettings            *settings;
  PolisiSession        *session;
  PolisiPolicy         *policy;        /* the session's, as the steps were built for it */
  guint                 check_id;
  gulong                changed_id;
  PolisiStepList       *steps;
  guint                 current_step;
  PolisiToasts         *toasts;        /* those on show (polisi-toasts) */
  GCancellable         *open_cancellable;  /* the file being opened */
  PolisiPreviewPane    *preview_pane;

  PolisiSaveFlow       *save_flow;
  PolisiExportFlow     *export_flow;   /* these four made with the context */
  PolisiCompareFlow    *compare_flow;
  PolisiImportFlow     *import_flow;
  PolisiRecoveryFlow   *recovery_flow;

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
  GMenuModel           *primary_menu;
  GtkMenuButton        *welcome_menu_button;
  GtkMenuButton        *sidebar_menu_button;
  GtkMenuButton        *content_menu_button;
  PolisiPreview        *preview;
};

G_DEFINE_FINAL_TYPE (PolisiWindow, polisi_window, ADW_TYPE_APPLICATION_WINDOW)


/* Messages ---------------------------------------------------------------- */

static void
show_error (PolisiWindow *self,
            const char   *heading,
            const char   *message)
{
  polisi_gui_show_error (GTK_WIDGET (self), heading, message);
}

static void
show_toast (PolisiWindow *self,
            const char   *title)
{
  polisi_toasts_show (self->toasts, title);
}

/* A flow's ::toast */
static void
on_flow_toast (PolisiWindow *self,
               AdwToast     *toast)
{
  polisi_toasts_add (self->toasts, g_object_ref (toast));
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
  return polisi_toasts_get_n (self->toasts);
}

/**
 * polisi_window_dismiss_toasts:
 *
 * Takes away the toasts on show (for screenshots and tests).
 */
void
polisi_window_dismiss_toasts (PolisiWindow *self)
{
  g_return_if_fail (POLISI_IS_WINDOW (self));
  polisi_toasts_dismiss_all (self->toasts);
}

/* The title ---------------------------------------------------------------- */

/* polisi-window-title */
static void
update_title (PolisiWindow *self)
{
  polisi_window_title_update (GTK_WINDOW (self), self->window_title, self->session);
}

/* Steps (polisi-step-list) ------------------------------------------------- */

static guint
n_steps (PolisiWindow *self)
{
  return polisi_step_list_get_n_steps (self->steps);
}

static guint
step_named (PolisiWindow *self,
            const char   *name)
{
  return polisi_step_list_find_own (self->steps, name);
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
  GDate today;

  g_return_if_fail (POLISI_IS_WINDOW (self));

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->policy == NULL)
    return;

  polisi_date_set_today (&today);
  findings = polisi_check (self->policy, polisi_context_get_library (self->context),
                           polisi_context_get_legislation (self->context), &today);
  polisi_step_list_show_findings (self->steps, polisi_context_get_library (self->context), findings);
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

static PolisiContext *get_context (PolisiWindow *self);

static PolisiExportFlow *
get_export_flow (PolisiWindow *self)
{
  get_context (self);
  return self->export_flow;
}

static const char *const export_choices[] = { "format", "layout", "final", "english-first" };

/* The page of a step, made and put in place on the first visit. */
static GtkWidget *
ensure_step_page (PolisiWindow *self,
                  guint         index)
{
  gboolean made;
  GtkWidget *page = polisi_step_list_ensure_page (self->steps, index, &made);

  if (!made)
    return page;
  /* the finish page shows the export choices the export flow holds */
  if (POLISI_IS_FINISH_PAGE (page))
    for (guint i = 0; i < G_N_ELEMENTS (export_choices); i++)
      g_object_bind_property (get_export_flow (self), export_choices[i], page, export_choices[i],
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  if (polisi_step_shows_findings (polisi_step_list_get_step (self->steps, index)))
    polisi_window_check_now (self);
  return page;
}

void
polisi_window_go_to_step (PolisiWindow *self,
                          guint         index)
{
  g_autofree char *label = NULL;
  PolisiSection *section;

  g_return_if_fail (POLISI_IS_WINDOW (self));
  g_return_if_fail (index < n_steps (self));

  ensure_step_page (self, index);
  self->current_step = index;
  /* a step looked at for the first time: its state is checked again */
  if (polisi_step_list_show (self->steps, index))
    schedule_check (self);
  /* the preview shows where the step's section starts */
  section = polisi_step_get_section (polisi_step_list_get_step (self->steps, index));
  if (section != NULL)
    polisi_preview_pane_follow (self->preview_pane, polisi_section_get_id (section));

  label = g_strdup_printf (_("Step %u of %u"), index + 1, n_steps (self));
  gtk_label_set_label (self->step_label, label);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  polisi_window_actions_update (self);
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

/* Following a finding, or a step's request, to its place. */
static void
on_step_go_to (PolisiWindow *self,
               const char   *clause_id,
               const char   *placeholder,
               int           lang,
               int           kind,
               PolisiStep   *from)
{
  guint index = polisi_step_list_find_finding (self->steps, polisi_context_get_library (self->context), kind, clause_id);
  PolisiStep *step = polisi_step_list_get_step (self->steps, index);

  polisi_window_go_to_step (self, index);
  polisi_step_reveal (step, clause_id, placeholder, lang);
  if (clause_id != NULL && polisi_step_get_section (step) != NULL)
    polisi_preview_pane_follow (self->preview_pane, clause_id);
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

  /* an existing policy has been through every step before */
  polisi_step_list_set_steps (self->steps, steps, existing);
  for (guint i = 0; i < steps->len; i++)
    g_signal_connect_object (steps->pdata[i], "go-to", G_CALLBACK (on_step_go_to), self, G_CONNECT_SWAPPED);
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

static void on_imported (PolisiWindow *self);
static void on_recovered (PolisiWindow *self);

/* The library and register, from the application, when first needed; the
 * flows that need them are made with them. */
static PolisiContext *
get_context (PolisiWindow *self)
{
  GtkWindow *window = GTK_WINDOW (self);
  PolisiApplication *application;
  g_autoptr(GError) library_error = NULL;

  if (self->context != NULL)
    return self->context;

  application = POLISI_APPLICATION (gtk_window_get_application (window));
  self->context = g_object_ref (polisi_application_get_context (application));
  library_error = polisi_application_take_library_error (application);
  if (library_error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s\n\nPolisi uses its built-in clause library until the file is "
                                                    "fixed. To stop using the file, choose the built-in library in "
                                                    "Preferences."), library_error->message);

      show_error (self, _("The Clause Library Could Not Be Read"), message);
    }
  self->export_flow = polisi_export_flow_new (window, self->session, self->context, self->settings);
  self->compare_flow = polisi_compare_flow_new (window, self->session, self->context, self->settings, self->preview);
  self->import_flow = polisi_import_flow_new (window, self->session, self->context, self->settings);
  self->recovery_flow = polisi_recovery_flow_new (window, self->session, self->context);
  g_signal_connect_object (self->export_flow, "toast", G_CALLBACK (on_flow_toast), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_flow, "toast", G_CALLBACK (on_flow_toast), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_flow, "toast", G_CALLBACK (on_flow_toast), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_flow, "imported", G_CALLBACK (on_imported), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recovery_flow, "recovered", G_CALLBACK (on_recovered), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recovery_flow, "discarded", G_CALLBACK (polisi_window_refresh_welcome), self,
                           G_CONNECT_SWAPPED);
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
  polisi_export_flow_reset_choices (self->export_flow);

  polisi_preview_pane_show_policy (self->preview_pane, policy, library);
  build_steps (self, existing);
  self->changed_id = g_signal_connect_swapped (policy, "changed", G_CALLBACK (on_policy_changed), self);

  gtk_stack_set_visible_child_name (self->main_stack, "editor");
  update_title (self);
  polisi_window_actions_update (self);
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

/**
 * polisi_window_dismiss_review_toast:
 *
 * The toast that says the review is due has done its work once the review
 * is shown, however that came (its button, the keyboard, a test): it goes.
 */
void
polisi_window_dismiss_review_toast (PolisiWindow *self)
{
  g_return_if_fail (POLISI_IS_WINDOW (self));
  polisi_toasts_dismiss_review_due (self->toasts);
}

static void
on_file_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GTask) task = data;
  PolisiWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiRecoveryInfo) copy = NULL;

  if (!polisi_session_load_finish (POLISI_SESSION (source), result, &error))
    {
      /* gone, or another file asked for since: nothing to say */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->session != NULL)
        show_error (self, _("The Policy Could Not Be Opened"), error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (self->session == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The window was closed");
      return;
    }

  show_session_policy (self, TRUE);
  polisi_file_dialogs_remember_file (self->settings, file);
  /* opening a policy whose review is due says so, with a way to it */
  polisi_toasts_tell_review_due (self->toasts, self->policy, polisi_context_get_interface_language (get_context (self)));

  /* unsaved work on this file that a crash left behind: offered here too,
   * not only on the welcome page */
  copy = polisi_session_find_recovery_copy (self->session, NULL);
  if (copy != NULL)
    polisi_recovery_flow_ask (self->recovery_flow, copy);
  g_task_return_boolean (task, TRUE);
}

/**
 * polisi_window_open_file_async:
 * @cancellable: (nullable): to give up; opening another file gives up
 *   this one too
 *
 * Opens a policy, read and checked in a worker thread: the window stays
 * responsive. A file that cannot be read is explained in a dialog; the
 * window keeps what it showed.
 */
void
polisi_window_open_file_async (PolisiWindow        *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (POLISI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  get_context (self);
  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();

  task = g_task_new (self, self->open_cancellable, callback, user_data);
  g_task_set_source_tag (task, polisi_window_open_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  polisi_session_load_async (self->session, file, self->open_cancellable, on_file_loaded, task);
}

/**
 * polisi_window_open_file_finish:
 *
 * Returns: %TRUE if the policy was opened
 */
gboolean
polisi_window_open_file_finish (PolisiWindow  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Opens @file; nobody waits for the answer (errors are shown). */
void
polisi_window_open_file (PolisiWindow *self,
                         GFile        *file)
{
  polisi_window_open_file_async (self, file, NULL, NULL, NULL);
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
polisi_window_get_recovery_id (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return polisi_session_get_recovery_id (self->session);
}

PolisiSession *
polisi_window_get_session (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return self->session;
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
  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->policy != NULL, FALSE);
  return polisi_save_flow_save_to_file (self->save_flow, file, error);
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

/* Exporting, printing and comparing (polisi-export-flow, polisi-compare-flow) */

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
  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->policy != NULL, FALSE);
  return polisi_export_flow_export_to_file (self->export_flow, file, format, layout, final, english_first, error);
}

/* The flows, for the actions (polisi-window-actions) and tests: each made
 * with the context, the first time one is needed. */

PolisiSaveFlow *
polisi_window_get_save_flow (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return self->save_flow;
}

/* Returns: (transfer none): the export choices, and what exports and
 * prints with them */
PolisiExportFlow *
polisi_window_get_export_flow (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return get_export_flow (self);
}

PolisiCompareFlow *
polisi_window_get_compare_flow (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  get_context (self);
  return self->compare_flow;
}

PolisiImportFlow *
polisi_window_get_import_flow (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  get_context (self);
  return self->import_flow;
}

PolisiRecoveryFlow *
polisi_window_get_recovery_flow (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  get_context (self);
  return self->recovery_flow;
}

/**
 * polisi_window_export_comparison:
 * @old_policy: the earlier version
 * @tracked: an ODT or DOCX of this version with every difference as a
 *   tracked change; otherwise a summary of changes, clause by clause
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
  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->policy != NULL, FALSE);
  return polisi_compare_flow_export (self->compare_flow, old_policy, file, format, tracked, error);
}

/* Returns: (transfer none): the dialog asking what to make of the
 * differences from @old_policy, presented */
GtkWidget *
polisi_window_ask_comparison (PolisiWindow *self,
                              PolisiPolicy *old_policy,
                              GFile        *old_file)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->policy != NULL, NULL);
  return polisi_compare_flow_ask (self->compare_flow, old_policy, old_file);
}

/* Comments from a consultation (polisi-import-flow) ------------------------ */

static void
on_imported (PolisiWindow *self)
{
  polisi_window_go_to_step (self, step_named (self, "consultation"));
}

/**
 * polisi_window_import_returned_draft:
 *
 * As polisi_import_flow_import(): the comments and proposed changes of a
 * returned draft, shown on the consultation step.
 */
gboolean
polisi_window_import_returned_draft (PolisiWindow               *self,
                                     GFile                      *file,
                                     PolisiReturnedImportFlags   flags,
                                     guint                      *n_added,
                                     GError                    **error)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->policy != NULL, FALSE);
  return polisi_import_flow_import (self->import_flow, file, flags, n_added, error);
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

GtkWidget *
polisi_window_ask_earlier_version (PolisiWindow *self,
                                   GFile        *file,
                                   const char   *message)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->policy != NULL, NULL);
  return polisi_import_flow_ask_earlier_version (self->import_flow, file, message);
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
    polisi_save_flow_save (self->save_flow, TRUE);
}

static gboolean
polisi_window_close_request (GtkWindow *window)
{
  PolisiWindow *self = POLISI_WINDOW (window);

  if (polisi_session_get_modified (self->session))
    {
      g_autofree char *name = polisi_file_dialogs_display_name (self->session);
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

  /* Closed on purpose: no recovery copy to keep. */
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

static void
on_recovered (PolisiWindow *self)
{
  show_session_policy (self, TRUE);
  show_toast (self, _("Unsaved work recovered. Save it to keep it."));
}

/**
 * polisi_window_recover_copy:
 *
 * Opens the recovery copy @id left by a crash, as unsaved changes to the
 * file it was made from, reading it in a worker thread: the window shows
 * it when it has been read (or says why it could not be). The copy stays
 * until the policy is saved or closed.
 */
void
polisi_window_recover_copy (PolisiWindow *self,
                            const char   *id)
{
  g_return_if_fail (POLISI_IS_WINDOW (self));

  get_context (self);
  polisi_recovery_flow_recover (self->recovery_flow, id);
}

void
polisi_window_refresh_welcome (PolisiWindow *self)
{
  g_return_if_fail (POLISI_IS_WINDOW (self));
  polisi_welcome_view_refresh (self->welcome_view, polisi_session_get_recovery (self->session));
}

/* The preview (polisi-preview-pane) ------------------------------------------ */

gboolean
polisi_window_get_preview_visible (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  return polisi_preview_pane_get_visible (self->preview_pane);
}

/* The user's choice (F9): kept, and shown at once. */
void
polisi_window_set_preview_visible (PolisiWindow *self,
                                   gboolean      visible)
{
  g_return_if_fail (POLISI_IS_WINDOW (self));
  polisi_preview_pane_set_visible (self->preview_pane, visible);
}

/* A policy dropped on a window with unsaved changes opens in a window of
 * its own, shown once the policy is open. */
static void
on_dropped_file_opened (GObject      *source,
                        GAsyncResult *result,
                        gpointer      data)
{
  PolisiWindow *window = POLISI_WINDOW (source);

  if (polisi_window_open_file_finish (window, result, NULL))
    gtk_window_present (GTK_WINDOW (window));
  else
    gtk_window_destroy (GTK_WINDOW (window));
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

      polisi_window_open_file_async (polisi_window_new (app), files->data, NULL, on_dropped_file_opened, NULL);
      return TRUE;
    }
  polisi_window_open_file (self, files->data);
  return TRUE;
}

/* Public accessors -------------------------------------------------------- */

guint
polisi_window_get_n_steps (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), 0);
  return n_steps (self);
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
  g_return_val_if_fail (index < n_steps (self), POLISI_STEP_NOT_STARTED);
  return polisi_step_list_get_state (self->steps, index);
}

PolisiClauseEditor *
polisi_window_get_clause_editor (PolisiWindow *self,
                                 const char   *clause_id)
{
  const char *section;
  guint index;

  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);

  section = polisi_assemble_section_of (polisi_context_get_library (self->context), clause_id);
  if (section == NULL || (index = polisi_step_list_find_section (self->steps, section)) == G_MAXUINT)
    return NULL;
  return polisi_section_page_get_editor (POLISI_SECTION_PAGE (ensure_step_page (self, index)), clause_id);
}

PolisiOrganisationPage *
polisi_window_get_organisation_page (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return POLISI_ORGANISATION_PAGE (ensure_step_page (self, step_named (self, "organisation")));
}

PolisiFinishPage *
polisi_window_get_finish_page (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return POLISI_FINISH_PAGE (ensure_step_page (self, step_named (self, "finish")));
}

/* The page of a step, made if it was not yet. */
GtkWidget *
polisi_window_get_step_page (PolisiWindow *self,
                             guint         index)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  g_return_val_if_fail (index < n_steps (self), NULL);

  return ensure_step_page (self, index);
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
  return index != G_MAXUINT ? index : polisi_step_list_find_section (self->steps, name);
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

  if (self->policy == NULL || n_steps (self) == 0)
    return "index";
  return polisi_step_get_help_page (polisi_step_list_get_step (self->steps, self->current_step));
}

/* The main menu's popover is made when it first opens, not before the
 * window's first frame. */
static void
make_menu (GtkMenuButton *button,
           gpointer       data)
{
  PolisiWindow *self = data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* Life cycle --------------------------------------------------------------- */

static void
polisi_window_dispose (GObject *object)
{
  PolisiWindow *self = (PolisiWindow *) object;

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->policy != NULL)
    g_clear_signal_handler (&self->changed_id, self->policy);
  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), POLISI_TYPE_WINDOW);

  g_clear_object (&self->toasts);
  g_clear_object (&self->policy);
  /* a window that goes without closing (a crash) leaves its recovery copy */
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  /* a flow's work still under way (a save, a file being read) holds the
   * flow: disposed now, it says nothing to a window that has gone */
  {
    GObject **flows[] = { (GObject **) &self->save_flow, (GObject **) &self->export_flow,
                          (GObject **) &self->compare_flow, (GObject **) &self->import_flow,
                          (GObject **) &self->recovery_flow };

    for (guint i = 0; i < G_N_ELEMENTS (flows); i++)
      if (*flows[i] != NULL)
        {
          g_signal_handlers_disconnect_by_data (*flows[i], self);
          g_object_run_dispose (*flows[i]);
          g_clear_object (flows[i]);
        }
  }
  g_clear_object (&self->context);
  g_clear_object (&self->spell_checker);
  g_clear_object (&self->settings);
  g_clear_object (&self->steps);
  if (self->preview_pane != NULL)
    g_object_run_dispose (G_OBJECT (self->preview_pane));
  g_clear_object (&self->preview_pane);

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
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, welcome_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, content_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_step_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_to_steps);

  polisi_window_actions_install (widget_class);
}

static void
polisi_window_init (PolisiWindow *self)
{
  GtkDropTarget *drop;

  self->settings = g_settings_new (APP_ID);
  {
    g_autoptr(PolisiRecovery) recovery = polisi_recovery_new_default ();
    self->session = polisi_session_new (recovery);
  }
  g_settings_bind (self->settings, "autosave-interval", self->session, "autosave-interval", G_SETTINGS_BIND_GET);
  g_signal_connect_swapped (self->session, "notify::modified", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (self->session, "notify::file", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (self->session, "notify::saving", G_CALLBACK (polisi_window_actions_update), self);
  g_signal_connect_swapped (self->session, "autosave-failed", G_CALLBACK (on_autosave_failed), self);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->toasts = polisi_toasts_new (self->toast_overlay);
  self->steps = polisi_step_list_new (self->steps_list, self->steps_stack);
  self->save_flow = polisi_save_flow_new (GTK_WINDOW (self), self->session, self->settings);
  g_signal_connect_swapped (self->save_flow, "toast", G_CALLBACK (on_flow_toast), self);


  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_menu_button_set_create_popup_func (self->welcome_menu_button, make_menu, self, NULL);
  gtk_menu_button_set_create_popup_func (self->sidebar_menu_button, make_menu, self, NULL);
  gtk_menu_button_set_create_popup_func (self->content_menu_button, make_menu, self, NULL);
  self->preview_pane = polisi_preview_pane_new (GTK_WINDOW (self), self->preview_box, self->preview_button,
                                                self->preview_layout, self->preview, self->settings);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  polisi_window_actions_update (self);
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
