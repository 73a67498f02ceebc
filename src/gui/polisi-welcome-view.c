/* polisi-welcome-view.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The welcome view: a new policy, an open one, the work a crash left
 * unsaved (each recovery copy, saying when it is older than its saved
 * file), and the recent policies. Its buttons are the window's actions
 * (win.recover-copy, win.discard-copy, win.open-recent) and the
 * application's (app.new, app.open); the view only lists.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-policy-io.h"
#include "polisi-welcome-view.h"

#define MAX_RECENT 8

struct _PolisiWelcomeView
{
  AdwBin               parent_instance;

  AdwStatusPage       *status_page;
  AdwBin              *content;
  AdwPreferencesGroup *recovery_group;
  AdwPreferencesGroup *recent_group;

  GPtrArray           *recovery_rows;   /* the rows in each group, to remove them */
  GPtrArray           *recent_rows;
};

G_DEFINE_FINAL_TYPE (PolisiWelcomeView, polisi_welcome_view, ADW_TYPE_BIN)

static void
polisi_welcome_view_dispose (GObject *object)
{
  PolisiWelcomeView *self = POLISI_WELCOME_VIEW (object);

  /* the status page is the bin's child: the bin lets go of it */
  g_clear_pointer (&self->recovery_rows, g_ptr_array_unref);
  g_clear_pointer (&self->recent_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (polisi_welcome_view_parent_class)->dispose (object);
}

static void
polisi_welcome_view_class_init (PolisiWelcomeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = polisi_welcome_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/polisi/Polisi/ui/polisi-welcome-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PolisiWelcomeView, status_page);
  gtk_widget_class_bind_template_child (widget_class, PolisiWelcomeView, content);
  gtk_widget_class_bind_template_child (widget_class, PolisiWelcomeView, recovery_group);
  gtk_widget_class_bind_template_child (widget_class, PolisiWelcomeView, recent_group);
}

/* The content of the status page (the buttons, the unsaved work and the
 * recent policies) needs the same width whatever height it is given: the
 * status page scrolls it. Yet the status page's viewport, to know how wide
 * its content must be, asks for the width at the viewport's height, and
 * every row's wrapping labels below would then search, layout after layout
 * down to a letter a line, for the narrowest width at which they fit their
 * share of that height: with four recent policies, nearly half the work of
 * the main thread before the first frame, and again at each allocation.
 * The content measures its width as for any height, which for content
 * that scrolls is the same answer, found once; its height for a width is
 * measured as before. */
static GtkSizeRequestMode
get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
measure (GtkWidget      *widget,
         GtkOrientation  orientation,
         int             for_size,
         int            *minimum,
         int            *natural,
         int            *minimum_baseline,
         int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  gtk_widget_measure (child, orientation, orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
allocate (GtkWidget *widget,
          int        width,
          int        height,
          int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
polisi_welcome_view_init (PolisiWelcomeView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self->content), gtk_custom_layout_new (get_request_mode, measure, allocate));
  self->recovery_rows = g_ptr_array_new ();
  self->recent_rows = g_ptr_array_new ();
}

GtkWidget *
polisi_welcome_view_new (void)
{
  return g_object_new (POLISI_TYPE_WELCOME_VIEW, NULL);
}

static void
clear_group (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
recovery_row (PolisiRecoveryInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *recover = gtk_button_new_with_mnemonic (_("_Recover"));
  GtkWidget *discard = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autoptr(GDateTime) local = g_date_time_to_local (info->saved);
  g_autofree char *when = g_date_time_format (local, "%x %X");
  g_autofree char *subtitle = NULL;
  g_autofree char *original = info->original != NULL ? g_filename_display_basename (info->original) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->title != NULL ? info->title : _("Untitled Policy"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (original != NULL && polisi_recovery_info_is_superseded (info))
    /* Translators: as "Changes to “%s”, kept %s", when the file was saved since */
    subtitle = g_strdup_printf (_("Changes to “%s”, kept %s, older than the saved file"), original, when);
  else
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
  gtk_actionable_set_action_name (GTK_ACTIONABLE (recover), "win.recover-copy");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (recover), "s", info->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (discard), "win.discard-copy");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (discard), "s", info->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), recover);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
  return row;
}

static GtkWidget *
recent_row (const char *uri,
            const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *folder = g_path_get_dirname (path);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);
  return row;
}

/**
 * polisi_welcome_view_refresh:
 * @recovery: where the recovery copies are kept
 *
 * Lists again the recovery copies a crash left and the recent policies.
 */
void
polisi_welcome_view_refresh (PolisiWelcomeView *self,
                             PolisiRecovery    *recovery)
{
  g_autoptr(GPtrArray) orphans = NULL;
  GList *items;

  g_return_if_fail (POLISI_IS_WELCOME_VIEW (self));
  g_return_if_fail (POLISI_IS_RECOVERY (recovery));

  clear_group (self->recovery_group, self->recovery_rows);
  clear_group (self->recent_group, self->recent_rows);

  orphans = polisi_recovery_list_orphans (recovery);
  for (guint i = 0; i < orphans->len; i++)
    {
      GtkWidget *row = recovery_row (orphans->pdata[i]);

      adw_preferences_group_add (self->recovery_group, row);
      g_ptr_array_add (self->recovery_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recovery_group), self->recovery_rows->len > 0);

  items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  for (GList *l = items; l != NULL && self->recent_rows->len < MAX_RECENT; l = l->next)
    {
      const char *uri = gtk_recent_info_get_uri (l->data);
      g_autoptr(GFile) file = NULL;
      g_autofree char *path = NULL;
      GtkWidget *row;

      if (!g_str_has_suffix (uri, POLISI_POLICY_SUFFIX))
        continue;
      file = g_file_new_for_uri (uri);
      path = g_file_get_path (file);
      if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      row = recent_row (uri, path);
      adw_preferences_group_add (self->recent_group, row);
      g_ptr_array_add (self->recent_rows, row);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), self->recent_rows->len > 0);
}

guint
polisi_welcome_view_get_n_recovery_copies (PolisiWelcomeView *self)
{
  g_return_val_if_fail (POLISI_IS_WELCOME_VIEW (self), 0);
  return self->recovery_rows->len;
}

guint
polisi_welcome_view_get_n_recent (PolisiWelcomeView *self)
{
  g_return_val_if_fail (POLISI_IS_WELCOME_VIEW (self), 0);
  return self->recent_rows->len;
}

/* Puts the keyboard focus on the first thing to do. */
void
polisi_welcome_view_focus_first (PolisiWelcomeView *self)
{
  g_return_if_fail (POLISI_IS_WELCOME_VIEW (self));
  gtk_widget_grab_focus (gtk_widget_get_first_child (GTK_WIDGET (self->status_page)));
}
