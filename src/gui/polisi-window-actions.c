/* polisi-window-actions.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's actions (win.*), in one table: what each does is a call to
 * the window or one of its flows, through their public functions; which
 * are enabled follows the window's state (polisi_window_actions_update()).
 * Every shortcut of Polisi is in one table here (shortcuts[]): the window
 * binds those of its own actions, and the application sets all of them as
 * its accelerators, which the menus and the shortcuts window show.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-gui-utils.h"
#include "polisi-window-actions.h"

static const PolisiShortcut shortcuts[] = {
  { "app.new", "<Control>n" },
  { "app.open", "<Control>o" },
  { "app.quit", "<Control>q" },
  { "app.help", "F1" },
  { "app.preferences", "<Control>comma" },
  { "win.save", "<Control>s" },
  { "win.save-as", "<Control><Shift>s" },
  { "win.print", "<Control>p" },
  { "win.export", "<Control>e" },
  { "win.next-step", "<Alt>Page_Down" },
  { "win.previous-step", "<Alt>Page_Up" },
  { "win.show-preview", "F9" },
  { "window.close", "<Control>w" },
  { "win.show-help-overlay", "<Control>question" },
};

/**
 * polisi_window_actions_shortcuts:
 *
 * Every shortcut of Polisi, the application's and the window's.
 *
 * Returns: (array length=n_shortcuts): the table
 */
const PolisiShortcut *
polisi_window_actions_shortcuts (guint *n_shortcuts)
{
  *n_shortcuts = G_N_ELEMENTS (shortcuts);
  return shortcuts;
}

static gboolean
editing (GtkWidget *widget)
{
  return polisi_window_get_policy (POLISI_WINDOW (widget)) != NULL;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  if (editing (widget))
    polisi_save_flow_save (polisi_window_get_save_flow (POLISI_WINDOW (widget)), FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (editing (widget))
    polisi_save_flow_save_as (polisi_window_get_save_flow (POLISI_WINDOW (widget)), FALSE);
}

/* Another program changed the file: its version replaces the window's. */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  polisi_window_reload (POLISI_WINDOW (widget));
}

/* The export choices are shown on the last step: Export goes there first,
 * and asks for a file from there. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PolisiWindow *window = POLISI_WINDOW (widget);
  guint last = polisi_window_get_n_steps (window) - 1;

  if (!editing (widget))
    return;
  if (polisi_window_get_step (window) != last)
    polisi_window_go_to_step (window, last);
  else
    polisi_export_flow_choose_file (polisi_window_get_export_flow (window));
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (g_variant_get_string (parameter, NULL), NULL, &error))
    polisi_gui_show_error (widget, _("The File Could Not Be Opened"), error->message);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  if (editing (widget))
    polisi_export_flow_print (polisi_window_get_export_flow (POLISI_WINDOW (widget)));
}

static void
next_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PolisiWindow *window = POLISI_WINDOW (widget);
  guint step = polisi_window_get_step (window);

  if (editing (widget) && step + 1 < polisi_window_get_n_steps (window))
    polisi_window_go_to_step (window, step + 1);
}

static void
previous_step_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PolisiWindow *window = POLISI_WINDOW (widget);
  guint step = polisi_window_get_step (window);

  if (editing (widget) && step > 0)
    polisi_window_go_to_step (window, step - 1);
}

/* F9: the user's choice, kept (see polisi_window_set_preview_visible()) */
static void
show_preview_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PolisiWindow *window = POLISI_WINDOW (widget);

  polisi_window_set_preview_visible (window, !polisi_window_get_preview_visible (window));
}

static void
recover_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  polisi_recovery_flow_offer (polisi_window_get_recovery_flow (POLISI_WINDOW (widget)),
                              g_variant_get_string (parameter, NULL));
}

static void
discard_recovery_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  polisi_recovery_flow_discard (polisi_window_get_recovery_flow (POLISI_WINDOW (widget)),
                                g_variant_get_string (parameter, NULL));
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
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (editing (widget))
    polisi_compare_flow_choose_file (polisi_window_get_compare_flow (POLISI_WINDOW (widget)));
}

/* From a row of the version history: that version, as the file keeps it. */
static void
compare_version_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  if (editing (widget))
    polisi_compare_flow_with_version (polisi_window_get_compare_flow (POLISI_WINDOW (widget)),
                                      g_variant_get_string (parameter, NULL));
}

static void
show_review_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PolisiWindow *window = POLISI_WINDOW (widget);

  polisi_window_dismiss_review_toast (window);
  if (editing (widget))
    polisi_window_go_to_step (window, polisi_window_find_step (window, "review"));
}

/* The keyboard shortcuts window, built when asked for (not, as
 * GtkApplication would, for every window before its first frame). */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/cymru/polisi/Polisi/ui/help-overlay.ui");
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (overlay, GTK_WINDOW (widget));
  gtk_window_present (overlay);
}

static void
import_comments_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  if (editing (widget))
    polisi_import_flow_choose_file (polisi_window_get_import_flow (POLISI_WINDOW (widget)));
}

void
polisi_window_actions_install (GtkWidgetClass *widget_class)
{
  static const struct {
    const char                  *name;
    const char                  *parameter_type;
    GtkWidgetActionActivateFunc  activate;
  } actions[] = {
    { "win.save", NULL, save_action },
    { "win.save-as", NULL, save_as_action },
    { "win.reload", NULL, reload_action },
    { "win.export", NULL, export_action },
    { "win.print", NULL, print_action },
    { "win.next-step", NULL, next_step_action },
    { "win.previous-step", NULL, previous_step_action },
    { "win.show-preview", NULL, show_preview_action },
    { "win.open-export", "s", open_export_action },
    { "win.recover-copy", "s", recover_action },
    { "win.discard-copy", "s", discard_recovery_action },
    { "win.open-recent", "s", open_recent_action },
    { "win.compare", NULL, compare_action },
    { "win.compare-version", "s", compare_version_action },
    { "win.show-review", NULL, show_review_action },
    { "win.import-comments", NULL, import_comments_action },
    { "win.show-help-overlay", NULL, show_help_overlay_action },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].parameter_type, actions[i].activate);

  /* the window's own shortcuts work in any window, with or without the
   * application's accelerators */
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      guint key = 0;
      GdkModifierType modifiers = 0;

      if (!g_str_has_prefix (shortcuts[i].action, "win.") && !g_str_has_prefix (shortcuts[i].action, "window."))
        continue;
      if (!gtk_accelerator_parse (shortcuts[i].accel, &key, &modifiers))
        g_assert_not_reached ();
      gtk_widget_class_add_binding_action (widget_class, key, modifiers, shortcuts[i].action, NULL);
    }
}

/* Which actions can be used now: most need an open policy; Save waits
 * for a save under way. */
void
polisi_window_actions_update (PolisiWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);
  PolisiSession *session = polisi_window_get_session (window);
  gboolean open = polisi_window_get_policy (window) != NULL;
  gboolean saving = session != NULL && polisi_session_get_saving (session);
  guint step = polisi_window_get_step (window);

  gtk_widget_action_set_enabled (widget, "win.save", open && !saving);
  gtk_widget_action_set_enabled (widget, "win.save-as", open && !saving);
  gtk_widget_action_set_enabled (widget, "win.reload",
                                 open && !saving && polisi_session_get_file (session) != NULL);
  gtk_widget_action_set_enabled (widget, "win.export", open);
  gtk_widget_action_set_enabled (widget, "win.print", open);
  gtk_widget_action_set_enabled (widget, "win.previous-step", open && step > 0);
  gtk_widget_action_set_enabled (widget, "win.next-step", open && step + 1 < polisi_window_get_n_steps (window));
  gtk_widget_action_set_enabled (widget, "win.show-preview", open);
  gtk_widget_action_set_enabled (widget, "win.compare", open);
  gtk_widget_action_set_enabled (widget, "win.compare-version", open);
  gtk_widget_action_set_enabled (widget, "win.import-comments", open);
}
