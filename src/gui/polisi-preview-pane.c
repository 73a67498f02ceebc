/* polisi-preview-pane.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview beside the step being edited, with its layout list and the
 * button (F9) that shows or hides it.
 *
 * It is shown as the user last chose (the "preview-visible" setting),
 * except that a narrow window hides it to give the text the room: widened
 * again, it comes back as chosen. F9 in a narrow window shows it all the
 * same.
 *
 * It follows the place being edited: the section of the step shown (the
 * window calls polisi_preview_pane_follow()) and the clause whose editor
 * has the window's focus.
 */
#include "config.h"

#include "polisi-clause-editor.h"
#include "polisi-preview-pane.h"

#define NARROW_WIDTH 980

struct _PolisiPreviewPane
{
  GObject          parent_instance;

  GtkWindow       *window;     /* weak, as are the widgets */
  GtkWidget       *box;
  GtkToggleButton *button;
  GtkDropDown     *layouts;
  PolisiPreview   *preview;
  GSettings       *settings;
  gboolean         narrow;     /* too narrow for the preview */
  char            *followed;   /* the block the preview follows */
  gboolean         has_policy;
};

G_DEFINE_FINAL_TYPE (PolisiPreviewPane, polisi_preview_pane, G_TYPE_OBJECT)

static gboolean
is_narrow (PolisiPreviewPane *self)
{
  int width = 0, height = 0;

  if (self->window != NULL)
    gtk_window_get_default_size (self->window, &width, &height);
  return width > 0 && width < NARROW_WIDTH;
}

static void
show (PolisiPreviewPane *self,
      gboolean           visible)
{
  if (self->box == NULL || self->button == NULL)
    return;
  gtk_widget_set_visible (self->box, visible);
  gtk_toggle_button_set_active (self->button, visible);
}

gboolean
polisi_preview_pane_get_visible (PolisiPreviewPane *self)
{
  g_return_val_if_fail (POLISI_IS_PREVIEW_PANE (self), FALSE);
  return self->box != NULL && gtk_widget_get_visible (self->box);
}

/* The user's choice: kept, and shown at once. */
void
polisi_preview_pane_set_visible (PolisiPreviewPane *self,
                                 gboolean           visible)
{
  g_return_if_fail (POLISI_IS_PREVIEW_PANE (self));

  g_settings_set_boolean (self->settings, "preview-visible", visible);
  self->narrow = is_narrow (self);
  show (self, visible);
}

static void
on_default_width (PolisiPreviewPane *self)
{
  gboolean narrow = is_narrow (self);

  /* only crossing the width changes what is shown */
  if (narrow == self->narrow)
    return;
  self->narrow = narrow;
  show (self, !narrow && g_settings_get_boolean (self->settings, "preview-visible"));
}

/**
 * polisi_preview_pane_follow:
 * @block_id: (nullable): a section's or a clause's id
 *
 * Shows the page where @block_id starts, and keeps following it.
 */
void
polisi_preview_pane_follow (PolisiPreviewPane *self,
                            const char        *block_id)
{
  g_return_if_fail (POLISI_IS_PREVIEW_PANE (self));

  g_free (self->followed);
  self->followed = g_strdup (block_id);
  if (self->preview != NULL)
    polisi_preview_show_block (self->preview, block_id);
}

static void
on_focus_widget (PolisiPreviewPane *self)
{
  GtkWidget *focus = self->window != NULL ? gtk_root_get_focus (GTK_ROOT (self->window)) : NULL;
  GtkWidget *editor = focus != NULL ? gtk_widget_get_ancestor (focus, POLISI_TYPE_CLAUSE_EDITOR) : NULL;
  PolisiClause *clause = editor != NULL ? polisi_clause_editor_get_clause (POLISI_CLAUSE_EDITOR (editor)) : NULL;

  if (clause != NULL && g_strcmp0 (polisi_clause_get_id (clause), self->followed) != 0)
    polisi_preview_pane_follow (self, polisi_clause_get_id (clause));
}

static void
on_layout_selected (PolisiPreviewPane *self)
{
  guint selected = gtk_drop_down_get_selected (self->layouts);

  if (selected <= POLISI_LAYOUT_SEPARATE && self->has_policy && self->preview != NULL)
    polisi_preview_set_layout (self->preview, selected);
}

/* Shows @policy; the layout list shows the preview's layout, which is not
 * choosing one. */
void
polisi_preview_pane_show_policy (PolisiPreviewPane *self,
                                 PolisiPolicy      *policy,
                                 PolisiLibrary     *library)
{
  g_return_if_fail (POLISI_IS_PREVIEW_PANE (self));

  if (self->preview == NULL || self->layouts == NULL)
    return;
  self->has_policy = policy != NULL;
  polisi_preview_set_policy (self->preview, policy, library);
  g_signal_handlers_block_by_func (self->layouts, on_layout_selected, self);
  gtk_drop_down_set_selected (self->layouts, polisi_preview_get_layout (self->preview));
  g_signal_handlers_unblock_by_func (self->layouts, on_layout_selected, self);
}

static void
polisi_preview_pane_dispose (GObject *object)
{
  PolisiPreviewPane *self = (PolisiPreviewPane *) object;

  if (self->window != NULL)
    g_signal_handlers_disconnect_by_data (self->window, self);
  if (self->layouts != NULL)
    g_signal_handlers_disconnect_by_data (self->layouts, self);
  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->box);
  g_clear_weak_pointer (&self->button);
  g_clear_weak_pointer (&self->layouts);
  g_clear_weak_pointer (&self->preview);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->followed, g_free);

  G_OBJECT_CLASS (polisi_preview_pane_parent_class)->dispose (object);
}

static void
polisi_preview_pane_class_init (PolisiPreviewPaneClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = polisi_preview_pane_dispose;
}

static void
polisi_preview_pane_init (PolisiPreviewPane *self)
{
}

/**
 * polisi_preview_pane_new:
 * @window: the window, whose width and focus it follows
 * @box: what shows and hides (the preview and its layout list)
 * @button: the button that shows whether it is shown
 *
 * None of the widgets is referenced.
 */
PolisiPreviewPane *
polisi_preview_pane_new (GtkWindow       *window,
                         GtkWidget       *box,
                         GtkToggleButton *button,
                         GtkDropDown     *layouts,
                         PolisiPreview   *preview,
                         GSettings       *settings)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  PolisiPreviewPane *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (box), NULL);
  g_return_val_if_fail (GTK_IS_TOGGLE_BUTTON (button), NULL);
  g_return_val_if_fail (GTK_IS_DROP_DOWN (layouts), NULL);
  g_return_val_if_fail (POLISI_IS_PREVIEW (preview), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (POLISI_TYPE_PREVIEW_PANE, NULL);
  g_set_weak_pointer (&self->window, window);
  g_set_weak_pointer (&self->box, box);
  g_set_weak_pointer (&self->button, button);
  g_set_weak_pointer (&self->layouts, layouts);
  g_set_weak_pointer (&self->preview, preview);
  self->settings = g_object_ref (settings);

  for (PolisiLayout layout = POLISI_LAYOUT_CY; layout <= POLISI_LAYOUT_SEQUENTIAL; layout++)
    gtk_string_list_append (names, polisi_layout_get_label (layout));
  gtk_drop_down_set_model (layouts, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (layouts, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (layouts, "notify::selected", G_CALLBACK (on_layout_selected), self);

  self->narrow = is_narrow (self);
  show (self, !self->narrow && g_settings_get_boolean (settings, "preview-visible"));
  g_signal_connect_swapped (window, "notify::default-width", G_CALLBACK (on_default_width), self);
  g_signal_connect_swapped (window, "notify::focus-widget", G_CALLBACK (on_focus_widget), self);
  return self;
}
