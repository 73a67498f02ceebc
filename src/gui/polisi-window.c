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
 * (polisi-recovery-flow). The window is one class in three files
 * (polisi-window-private.h): this one keeps the policy it shows, the
 * preview and the life cycle; polisi-window-steps.c the steps and the
 * check; polisi-window-files.c opening, closing and what it hands to the
 * flows. The title (polisi-window-title), the toasts (polisi-toasts) and
 * the actions table (polisi-window-actions) are modules of their own.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "polisi-file-dialogs.h"
#include "polisi-gui-utils.h"
#include "polisi-window-actions.h"
#include "polisi-window-private.h"
#include "polisi-window-title.h"

G_DEFINE_FINAL_TYPE (PolisiWindow, polisi_window, ADW_TYPE_APPLICATION_WINDOW)


/* Messages ---------------------------------------------------------------- */

void
_polisi_window_show_error (PolisiWindow *self,
                           const char   *heading,
                           const char   *message)
{
  polisi_gui_show_error (GTK_WIDGET (self), heading, message);
}

void
_polisi_window_show_toast (PolisiWindow *self,
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

/* The policy ----------------------------------------------------------------- */

static void
on_policy_changed (PolisiWindow *self)
{
  _polisi_window_schedule_check (self);
}

static void
on_autosave_failed (PolisiWindow *self,
                    GError       *error)
{
  g_autofree char *message = g_strdup_printf (_("Could not keep a recovery copy: %s"), error->message);
  _polisi_window_show_toast (self, message);
}


/* The library and register, from the application, when first needed; the
 * flows that need them are made with them. */
PolisiContext *
_polisi_window_get_context (PolisiWindow *self)
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

      _polisi_window_show_error (self, _("The Clause Library Could Not Be Read"), message);
    }
  self->export_flow = polisi_export_flow_new (window, self->session, self->context, self->settings);
  self->compare_flow = polisi_compare_flow_new (window, self->session, self->context, self->settings, self->preview);
  self->import_flow = polisi_import_flow_new (window, self->session, self->context, self->settings);
  self->recovery_flow = polisi_recovery_flow_new (window, self->session, self->context);
  g_signal_connect_object (self->export_flow, "toast", G_CALLBACK (on_flow_toast), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_flow, "toast", G_CALLBACK (on_flow_toast), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_flow, "toast", G_CALLBACK (on_flow_toast), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_flow, "imported", G_CALLBACK (_polisi_window_on_imported), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recovery_flow, "recovered", G_CALLBACK (_polisi_window_on_recovered), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recovery_flow, "discarded", G_CALLBACK (polisi_window_refresh_welcome), self,
                           G_CONNECT_SWAPPED);
  return self->context;
}

/* Builds the steps for the policy the session now has. */
void
_polisi_window_show_session_policy (PolisiWindow *self,
                                    gboolean      existing)
{
  PolisiLibrary *library = polisi_context_get_library (_polisi_window_get_context (self));
  PolisiPolicy *policy = polisi_session_get_policy (self->session);

  if (self->policy != NULL)
    g_clear_signal_handler (&self->changed_id, self->policy);
  g_set_object (&self->policy, policy);
  polisi_export_flow_reset_choices (self->export_flow);

  polisi_preview_pane_show_policy (self->preview_pane, policy, library);
  _polisi_window_build_steps (self, existing);
  /* every change, whatever its detail: the check looks at all of it */
  self->changed_id = g_signal_connect_swapped (policy, "changed", G_CALLBACK (on_policy_changed), self);

  gtk_stack_set_visible_child_name (self->main_stack, "editor");
  update_title (self);
  polisi_window_actions_update (self);
  _polisi_window_schedule_check (self);
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

  policy = polisi_policy_new_from_library (polisi_context_get_library (_polisi_window_get_context (self)), POLISI_LANGUAGE_CATEGORY_DUAL);
  polisi_session_set_policy (self->session, policy);
  _polisi_window_show_session_policy (self, FALSE);
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
PolisiPreview *
polisi_window_get_preview (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return self->preview;
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

static gboolean
polisi_window_close_request (GtkWindow *window)
{
  /* asked about unsaved changes: the window stays for the answer */
  if (_polisi_window_close_request (window))
    return TRUE;
  return GTK_WINDOW_CLASS (polisi_window_parent_class)->close_request (window);
}

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

  g_type_ensure (POLISI_TYPE_DISK_BAR);
  g_type_ensure (POLISI_TYPE_PREVIEW);
  g_type_ensure (POLISI_TYPE_WELCOME_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/polisi/Polisi/ui/polisi-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, welcome_view);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, steps_list);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PolisiWindow, disk_bar);
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
  gtk_widget_class_bind_template_callback_full (widget_class, "on_step_activated", G_CALLBACK (_polisi_window_on_step_activated));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_back_to_steps", G_CALLBACK (_polisi_window_on_back_to_steps));

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
  g_signal_connect_swapped (self->session, "notify::file", G_CALLBACK (polisi_window_actions_update), self);
  g_signal_connect_swapped (self->session, "autosave-failed", G_CALLBACK (on_autosave_failed), self);

  /* another program's change to the open file is told at once */
  polisi_session_set_watch_disk (self->session, TRUE);

  gtk_widget_init_template (GTK_WIDGET (self));
  polisi_disk_bar_set_session (self->disk_bar, self->session);
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
  g_signal_connect (drop, "drop", G_CALLBACK (_polisi_window_on_drop), self);
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
