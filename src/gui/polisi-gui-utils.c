/* polisi-gui-utils.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-assembler.h"
#include "polisi-checker.h"
#include "polisi-dates.h"
#include "polisi-diff.h"
#include "polisi-gui-utils.h"

/**
 * polisi_gui_clause_numbers:
 *
 * The number each included clause has in the policy as exported ("5.4"),
 * by clause id.
 *
 * Returns: (transfer full): clause id → number
 */
GHashTable *
polisi_gui_clause_numbers (PolisiPolicy  *policy,
                           PolisiLibrary *library)
{
  /* numbered in core, without assembling a document */
  return polisi_assemble_clause_numbers (policy, library);
}

/**
 * polisi_gui_clause_label:
 *
 * "5.4 Personal use in working hours", in the interface language, by the
 * title the policy gives the clause; the number is left out for a clause
 * the policy does not include.
 */
char *
polisi_gui_clause_label (PolisiPolicy  *policy,
                         PolisiContext *context,
                         GHashTable    *numbers,
                         const char    *clause_id)
{
  PolisiLibrary *library = polisi_context_get_library (context);
  PolisiLang ui = polisi_context_get_interface_language (context);
  const char *number = numbers != NULL && clause_id != NULL ? g_hash_table_lookup (numbers, clause_id) : NULL;
  /* the school's own title or name for it, else the library's */
  const char *title = clause_id != NULL ? polisi_policy_get_clause_title (policy, library, clause_id, ui) : NULL;

  if (title == NULL)
    title = clause_id;

  if (clause_id == NULL)
    return g_strdup (_("The whole policy"));
  if (number != NULL)
    /* Translators: a clause's number and title: "5.4 Personal use in working hours" */
    return g_strdup_printf (_("%s %s"), number, title);
  return g_strdup (title);
}

/**
 * polisi_gui_diff_markup:
 *
 * Pango markup for a word-level comparison: removed words struck through
 * in red, new words underlined in green, as in the exported summary of
 * changes.
 */
char *
polisi_gui_diff_markup (GPtrArray *diff)
{
  GString *markup = g_string_new (NULL);

  for (guint i = 0; i < diff->len; i++)
    {
      const PolisiDiffSpan *span = diff->pdata[i];
      g_autofree char *text = g_markup_escape_text (span->text, -1);

      switch (span->op)
        {
        case POLISI_DIFF_DELETE:
          g_string_append_printf (markup, "<span strikethrough=\"true\" foreground=\"#c01c28\">%s</span>", text);
          break;
        case POLISI_DIFF_INSERT:
          g_string_append_printf (markup, "<span underline=\"single\" foreground=\"#26a269\">%s</span>", text);
          break;
        case POLISI_DIFF_EQUAL:
        default:
          g_string_append (markup, text);
          break;
        }
    }
  return g_string_free (markup, FALSE);
}

/**
 * polisi_gui_format_date:
 * @iso: YYYY-MM-DD, or a timestamp that starts with one
 * @ui: the interface language (the context's)
 *
 * "10 July 2026" or "10 Gorffennaf 2026", as the interface speaks; the
 * text as it is when it is not a date.
 */
char *
polisi_gui_format_date (const char *iso,
                        PolisiLang  ui)
{
  g_autofree char *day = NULL;
  GDate date;

  if (iso == NULL)
    return g_strdup ("");
  day = g_strndup (iso, 10);
  if (!polisi_date_parse_iso (day, &date))
    return g_strdup (iso);
  return polisi_date_format (&date, ui);
}

/* A dimmed row that says a list is empty. */
GtkWidget *
polisi_gui_placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

/* Removes from @group the rows added earlier and listed in @rows. */
void
polisi_gui_clear_group (AdwPreferencesGroup *group,
                        GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

/* All the text of @buffer. */
char *
polisi_gui_buffer_get_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A message, over the window @widget is in, with a button to close it. */
void
polisi_gui_show_error (GtkWidget  *widget,
                       const char *heading,
                       const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
