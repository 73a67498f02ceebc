/* polisi-preferences-window.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every choice is a GSettings key, bound both ways.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-preferences-window.h"
#include "polisi-types.h"

struct _PolisiPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *language_row;
  AdwComboRow          *layout_row;
  AdwComboRow          *format_row;
  GtkSpinButton        *autosave_spin;
  AdwActionRow         *library_row;
  GtkButton            *builtin_button;
};

G_DEFINE_FINAL_TYPE (PolisiPreferencesWindow, polisi_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
enum_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  GType type = GPOINTER_TO_SIZE (user_data);
  int number;

  if (!polisi_enum_from_string (type, g_variant_get_string (variant, NULL), &number))
    number = 0;
  g_value_set_uint (value, number);
  return TRUE;
}

static GVariant *
selected_to_enum (const GValue       *value,
                  const GVariantType *variant_type,
                  gpointer            user_data)
{
  GType type = GPOINTER_TO_SIZE (user_data);
  const char *nick = polisi_enum_to_string (type, g_value_get_uint (value));

  return g_variant_new_string (nick != NULL ? nick : "");
}

/* The schema's enums, as GEnums, for the bindings. */
static GType
language_choice_get_type (void)
{
  static GType type;
  static const GEnumValue values[] = {
    { 0, "system", "system" }, { 1, "cy", "cy" }, { 2, "en", "en" }, { 0, NULL, NULL },
  };

  if (type == 0)
    type = g_enum_register_static ("PolisiLanguageChoice", values);
  return type;
}

static GType
layout_choice_get_type (void)
{
  static GType type;
  static const GEnumValue values[] = {
    { 0, "automatic", "automatic" }, { 1, "cy", "cy" }, { 2, "en", "en" }, { 3, "columns", "columns" },
    { 4, "sequential", "sequential" }, { 5, "separate", "separate" }, { 0, NULL, NULL },
  };

  if (type == 0)
    type = g_enum_register_static ("PolisiLayoutChoice", values);
  return type;
}

static GType
format_choice_get_type (void)
{
  static GType type;
  /* rows of the list, in PolisiFormat's order */
  static const GEnumValue values[] = {
    { 0, "odt", "odt" }, { 1, "pdf", "pdf" }, { 2, "docx", "docx" }, { 3, "html", "html" }, { 0, NULL, NULL },
  };

  if (type == 0)
    type = g_enum_register_static ("PolisiFormatChoice", values);
  return type;
}

/* The library the window uses (from its next start): a file an
 * organisation supplied, or the built-in one. */
static void
show_library (PolisiPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "library-file");
  g_autofree char *shown = path[0] != '\0' ? g_filename_display_name (path) : NULL;

  adw_action_row_set_subtitle (self->library_row, shown != NULL ? shown : _("The built-in clause library"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->builtin_button), shown != NULL);
}

static void
on_builtin_clicked (PolisiPreferencesWindow *self)
{
  g_settings_reset (self->settings, "library-file");
}

static void
polisi_preferences_window_dispose (GObject *object)
{
  PolisiPreferencesWindow *self = (PolisiPreferencesWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), POLISI_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (polisi_preferences_window_parent_class)->dispose (object);
}

static void
polisi_preferences_window_class_init (PolisiPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = polisi_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/polisi/Polisi/ui/polisi-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PolisiPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, PolisiPreferencesWindow, layout_row);
  gtk_widget_class_bind_template_child (widget_class, PolisiPreferencesWindow, format_row);
  gtk_widget_class_bind_template_child (widget_class, PolisiPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, PolisiPreferencesWindow, library_row);
  gtk_widget_class_bind_template_child (widget_class, PolisiPreferencesWindow, builtin_button);
  gtk_widget_class_bind_template_callback (widget_class, on_builtin_clicked);
}

static void
polisi_preferences_window_init (PolisiPreferencesWindow *self)
{
  g_autoptr(GtkStringList) layouts = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);

  /* Translators: the default layout that follows the school's language category */
  gtk_string_list_append (layouts, _("From the language category"));
  for (PolisiLayout layout = POLISI_LAYOUT_CY; layout <= POLISI_LAYOUT_SEPARATE; layout++)
    gtk_string_list_append (layouts, polisi_layout_get_label (layout));
  adw_combo_row_set_model (self->layout_row, G_LIST_MODEL (layouts));

  g_settings_bind_with_mapping (self->settings, "interface-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_selected, selected_to_enum,
                                GSIZE_TO_POINTER (language_choice_get_type ()), NULL);
  g_settings_bind_with_mapping (self->settings, "default-layout", self->layout_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_selected, selected_to_enum,
                                GSIZE_TO_POINTER (layout_choice_get_type ()), NULL);
  g_settings_bind_with_mapping (self->settings, "default-format", self->format_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_selected, selected_to_enum,
                                GSIZE_TO_POINTER (format_choice_get_type ()), NULL);
  g_settings_bind (self->settings, "autosave-interval", gtk_spin_button_get_adjustment (self->autosave_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::library-file", G_CALLBACK (show_library), self, G_CONNECT_SWAPPED);
  show_library (self);
}

GtkWidget *
polisi_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (POLISI_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal", parent != NULL, NULL);
}
