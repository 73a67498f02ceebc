/* polisi-date-row.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A date in a row: shown as the interface writes it ("31 March 2027",
 * "31 Mawrth 2027"), typed in that form, in the other language's, as
 * YYYY-MM-DD or as 31/3/2027 (polisi_date_parse_written()), or picked from
 * a calendar behind the row's button. :date is the date as Polisi keeps it
 * (YYYY-MM-DD), or %NULL while the row is empty or holds no date; :valid
 * says whether what is typed is a date (an empty row is). What is typed is
 * written again in the interface's form when the row loses the focus or
 * Enter is pressed, never under the cursor.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-checker.h"
#include "polisi-dates.h"
#include "polisi-date-row.h"

struct _PolisiDateRow
{
  AdwEntryRow  parent_instance;

  char        *date;
  gboolean     valid;
  PolisiLang   ui;      /* the language dates are written in */
  GtkWidget   *button;
  GtkWidget   *popover;
  GtkCalendar *calendar;
  gulong       changed_id;
  gulong       day_selected_id;
};

G_DEFINE_FINAL_TYPE (PolisiDateRow, polisi_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_DATE,
  PROP_VALID,
  PROP_INTERFACE_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
store (PolisiDateRow *self,
       const char    *iso,
       gboolean       valid)
{
  if (g_strcmp0 (self->date, iso) != 0)
    {
      g_free (self->date);
      self->date = g_strdup (iso);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
    }
  if (self->valid != valid)
    {
      self->valid = valid;
      if (valid)
        gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

/* Shows the date as the interface writes it, without taking it for typing. */
static void
show_written (PolisiDateRow *self)
{
  g_autofree char *text = NULL;
  GDate date;

  if (self->date == NULL || !polisi_date_parse_iso (self->date, &date))
    return;
  text = polisi_date_format (&date, self->ui);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), text) == 0)
    return;
  g_signal_handler_block (self, self->changed_id);
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  g_signal_handler_unblock (self, self->changed_id);
}

static void
on_changed (PolisiDateRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  g_autofree char *iso = NULL;
  GDate date;

  if (polisi_date_parse_written (text, &date))
    {
      iso = polisi_date_to_iso (&date);
      store (self, iso, TRUE);
    }
  else
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      store (self, NULL, stripped[0] == '\0');
    }
}

static void
on_apply (PolisiDateRow *self)
{
  show_written (self);
}

static void
on_focus_leave (PolisiDateRow *self)
{
  show_written (self);
}

static void
on_popover_show (PolisiDateRow *self)
{
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (self->date != NULL && polisi_date_parse_iso (self->date, &date))
    day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  else
    day = g_date_time_new_now_local ();
  g_signal_handler_block (self->calendar, self->day_selected_id);
  gtk_calendar_select_day (self->calendar, day);
  g_signal_handler_unblock (self->calendar, self->day_selected_id);
}

static void
on_day_selected (PolisiDateRow *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");

  polisi_date_row_set_date (self, iso);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
polisi_date_row_finalize (GObject *object)
{
  PolisiDateRow *self = (PolisiDateRow *) object;

  g_free (self->date);

  G_OBJECT_CLASS (polisi_date_row_parent_class)->finalize (object);
}

static void
polisi_date_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PolisiDateRow *self = POLISI_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    case PROP_INTERFACE_LANGUAGE:
      g_value_set_enum (value, self->ui);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_date_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PolisiDateRow *self = POLISI_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      polisi_date_row_set_date (self, g_value_get_string (value));
      break;
    case PROP_INTERFACE_LANGUAGE:
      polisi_date_row_set_interface_language (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_date_row_class_init (PolisiDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = polisi_date_row_finalize;
  object_class->get_property = polisi_date_row_get_property;
  object_class->set_property = polisi_date_row_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the language the date is written in: the context's interface
   * language, which whoever makes the row gives it */
  properties[PROP_INTERFACE_LANGUAGE] =
    g_param_spec_enum ("interface-language", NULL, NULL, POLISI_TYPE_LANG, POLISI_LANG_EN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
polisi_date_row_init (PolisiDateRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->valid = TRUE;
  self->ui = POLISI_LANG_EN;
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), GTK_WIDGET (self->calendar));
  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), self->popover);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_set_tooltip_text (self->button, _("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a Date"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->button);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self), FALSE);

  self->changed_id = g_signal_connect (self, "changed", G_CALLBACK (on_changed), NULL);
  g_signal_connect (self, "entry-activated", G_CALLBACK (on_apply), NULL);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (on_popover_show), self);
  self->day_selected_id = g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self);
}

/**
 * polisi_date_row_new:
 * @ui: the interface language, which dates are written in
 */
GtkWidget *
polisi_date_row_new (PolisiLang ui)
{
  return g_object_new (POLISI_TYPE_DATE_ROW, "interface-language", ui, NULL);
}

PolisiLang
polisi_date_row_get_interface_language (PolisiDateRow *self)
{
  g_return_val_if_fail (POLISI_IS_DATE_ROW (self), POLISI_LANG_EN);
  return self->ui;
}

/**
 * polisi_date_row_set_interface_language:
 *
 * Writes the date in @ui from now on, and at once if it shows one.
 */
void
polisi_date_row_set_interface_language (PolisiDateRow *self,
                                        PolisiLang     ui)
{
  g_return_if_fail (POLISI_IS_DATE_ROW (self));
  g_return_if_fail (ui < POLISI_N_LANGS);

  if (self->ui == ui)
    return;
  self->ui = ui;
  if (self->valid)
    show_written (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERFACE_LANGUAGE]);
}

/**
 * polisi_date_row_get_date:
 *
 * Returns: (nullable): the date typed or picked, YYYY-MM-DD, or %NULL
 */
const char *
polisi_date_row_get_date (PolisiDateRow *self)
{
  g_return_val_if_fail (POLISI_IS_DATE_ROW (self), NULL);
  return self->date;
}

/**
 * polisi_date_row_set_date:
 * @iso: (nullable): YYYY-MM-DD, or %NULL to empty the row
 *
 * Shows @iso as the interface writes it; a text that is no date is shown
 * as it is (and the row is not valid).
 */
void
polisi_date_row_set_date (PolisiDateRow *self,
                          const char    *iso)
{
  g_return_if_fail (POLISI_IS_DATE_ROW (self));

  /* "changed" stores what the text says */
  gtk_editable_set_text (GTK_EDITABLE (self), iso != NULL ? iso : "");
  show_written (self);
}

/* Whether the text is a date or empty. */
gboolean
polisi_date_row_get_valid (PolisiDateRow *self)
{
  g_return_val_if_fail (POLISI_IS_DATE_ROW (self), FALSE);
  return self->valid;
}

/**
 * polisi_date_row_get_calendar:
 *
 * Returns: (transfer none): the calendar of the row's button
 */
GtkCalendar *
polisi_date_row_get_calendar (PolisiDateRow *self)
{
  g_return_val_if_fail (POLISI_IS_DATE_ROW (self), NULL);
  return self->calendar;
}

/* Picks @iso in the calendar, as a click on its day does (for tests). */
void
polisi_date_row_pick_day (PolisiDateRow *self,
                          const char    *iso)
{
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  g_return_if_fail (POLISI_IS_DATE_ROW (self));
  g_return_if_fail (polisi_date_parse_iso (iso, &date));

  gtk_popover_popup (GTK_POPOVER (self->popover));
  day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  gtk_calendar_select_day (self->calendar, day);
}
