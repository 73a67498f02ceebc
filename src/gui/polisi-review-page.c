/* polisi-review-page.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The step HR works through at each review. From the top: this version and
 * the next review date; the review triggers that bring a review forward;
 * the model clauses the built-in library has changed, added or withdrawn
 * since the policy was made, each with a word-level comparison in both
 * languages to accept or decline; the Acts and guidance the text names by
 * an old name, to replace; and the version history, with adoption and
 * comparison with an earlier version.
 *
 * Each part follows the changes that concern it (the details of the
 * policy's ::changed), and is brought up to date only while the page is
 * on screen (or when it comes back): typing in a clause elsewhere costs
 * nothing here. The lists of updates and of old names are worked out again
 * after a change to the clauses, and their rows built again only when what
 * they show differs. The version history and the review triggers are rows
 * bound to the policy's lists.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "polisi-adoption-blockers.h"
#include "polisi-checker.h"
#include "polisi-dates.h"
#include "polisi-date-row.h"
#include "polisi-diff.h"
#include "polisi-gui-utils.h"
#include "polisi-library-update.h"
#include "polisi-review-page.h"
#include "polisi-text.h"
#include "polisi-trigger-row.h"
#include "polisi-version-row.h"

#define REFRESH_DELAY_MS 250

/* The parts of the page a change makes out of date */
typedef enum {
  PART_STATUS    = 1 << 0,
  PART_SUMMARY   = 1 << 1,
  PART_TRIGGERS  = 1 << 2,
  PART_UPDATES   = 1 << 3,
  PART_CITATIONS = 1 << 4,
} Part;

/* What a change to each detail of the policy's ::changed makes out of date */
static const struct {
  const char *signal;
  Part        parts;
} part_of_change[] = {
  { "changed::" POLISI_POLICY_CHANGED_STATUS, PART_STATUS | PART_TRIGGERS | PART_UPDATES },
  { "changed::" POLISI_POLICY_CHANGED_ORGANISATION, PART_STATUS },   /* the review cycle */
  { "changed::" POLISI_POLICY_CHANGED_SUMMARY, PART_SUMMARY },
  { "changed::" POLISI_POLICY_CHANGED_VERSIONS, PART_STATUS | PART_TRIGGERS },
  { "changed::" POLISI_POLICY_CHANGED_TRIGGERS, PART_STATUS | PART_TRIGGERS },
  { "changed::" POLISI_POLICY_CHANGED_CLAUSES, PART_UPDATES | PART_CITATIONS },
  { "changed::" POLISI_POLICY_CHANGED_CLAUSE_TEXT, PART_UPDATES | PART_CITATIONS },
};

struct _PolisiReviewPage
{
  GtkWidget            parent_instance;

  PolisiPolicy        *policy;
  PolisiContext       *context;
  gulong               changed_ids[G_N_ELEMENTS (part_of_change)];
  guint                refresh_id;
  Part                 dirty;
  guint                n_builds;       /* how many times a list of rows was built again */
  char                *updates_key;    /* what the rows of updates show */
  char                *citations_key;  /* what the rows of old names show */
  gboolean             editing_summary;
  GtkTextBuffer       *summary[POLISI_N_LANGS];

  GPtrArray           *updates;        /* PolisiLibraryUpdate */
  GPtrArray           *citations;      /* PolisiCitationFix */
  GHashTable          *numbers;        /* clause id → number */
  GtkListBox          *triggers_list;   /* bound to the policy's review triggers */
  GPtrArray           *update_rows;
  GPtrArray           *citation_rows;
  GtkListBox          *history_list;   /* bound to the policy's versions */

  GtkWidget           *box;
  AdwActionRow        *status_row;
  GtkButton           *adopt_button;
  AdwActionRow        *review_row;
  GtkImage            *review_icon;
  GtkWidget           *summary_box;
  AdwPreferencesGroup *triggers_group;
  AdwPreferencesGroup *updates_group;
  GtkWidget           *accept_all_button;
  AdwPreferencesGroup *citations_group;
  GtkWidget           *fix_all_button;
  AdwPreferencesGroup *history_group;
};

G_DEFINE_FINAL_TYPE (PolisiReviewPage, polisi_review_page, GTK_TYPE_WIDGET)

enum {
  GO_TO_CLAUSE,
  GO_TO_FINDING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static PolisiLibrary *
library_of (PolisiReviewPage *self)
{
  return polisi_context_get_library (self->context);
}

/* The interface language is the context's: the page is built in it. */
static PolisiLang
ui_of (PolisiReviewPage *self)
{
  return polisi_context_get_interface_language (self->context);
}

/* This version and the next review ----------------------------------------- */

static void
fill_status (PolisiReviewPage *self)
{
  PolisiLang ui = ui_of (self);
  PolisiStatus status = polisi_policy_get_status (self->policy);
  const char *version = polisi_policy_get_version (self->policy);
  const PolisiVersionRecord *last = polisi_policy_get_last_adoption (self->policy);
  const PolisiReviewTrigger *trigger = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *review = NULL;
  GDate due, today;

  /* Translators: "Version 1.1 · Adopted" */
  title = g_strdup_printf (_("Version %s · %s"), version != NULL ? version : "0.1", polisi_status_get_label (status));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);

  if (polisi_policy_get_draft_by_change (self->policy) && last != NULL)
    /* Translators: "The text of version 1.0 as adopted has changed: this is the draft of version 1.1 ..." */
    subtitle = g_strdup_printf (_("The text of version %s as adopted has changed: this is the draft of version %s, "
                                  "marked “Draft” in the preview and every export, until it is adopted or the change "
                                  "is undone."),
                                last->version, version);
  else if (status == POLISI_STATUS_ADOPTED && last != NULL)
    {
      g_autofree char *when = polisi_gui_format_date (last->date, ui);
      /* Translators: "Adopted on 10 July 2026 by the governing body" */
      subtitle = g_strdup_printf (_("Adopted on %s by %s"), when, last->approved_by);
    }
  else if (last != NULL)
    {
      g_autofree char *when = polisi_gui_format_date (last->date, ui);
      /* Translators: "The version in force is 1.0, adopted on 10 July 2026" */
      subtitle = g_strdup_printf (_("The version in force is %s, adopted on %s. When this version is approved, adopt it."),
                                  last->version, when);
    }
  else
    subtitle = g_strdup (_("Not adopted yet. When the governing body approves the policy, adopt it here."));
  adw_action_row_set_subtitle (self->status_row, subtitle);

  if (status == POLISI_STATUS_ADOPTED)
    gtk_widget_remove_css_class (GTK_WIDGET (self->adopt_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->adopt_button), "suggested-action");

  gtk_widget_remove_css_class (GTK_WIDGET (self->review_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->review_icon), "error");
  if (!polisi_policy_get_review_due (self->policy, &due, &trigger))
    {
      g_autofree char *cycle = polisi_date_format_cycle (polisi_policy_get_review_cycle (self->policy), ui);
      /* Translators: %s is a period: "12 months", "2 years" */
      review = g_strdup_printf (_("Every %s after adoption. The date is set when the policy is adopted."), cycle);
    }
  else
    {
      g_autofree char *when = polisi_date_format (&due, ui);
      int days;

      polisi_date_set_today (&today);
      days = g_date_days_between (&today, &due);
      if (days < 0)
        {
          review = trigger != NULL ?
            /* Translators: "Overdue since 20 August 2026, because of new legislation" */
            g_strdup_printf (_("Overdue since %s, because of %s"), when, polisi_trigger_kind_get_label (trigger->kind)) :
            g_strdup_printf (_("Overdue since %s"), when);
          gtk_widget_add_css_class (GTK_WIDGET (self->review_icon), "error");
        }
      else if (days <= 60)
        {
          review = trigger != NULL ?
            g_strdup_printf (_("Due on %s, because of %s"), when, polisi_trigger_kind_get_label (trigger->kind)) :
            g_strdup_printf (_("Due on %s"), when);
          gtk_widget_add_css_class (GTK_WIDGET (self->review_icon), "warning");
        }
      else
        {
          g_autofree char *cycle = polisi_date_format_cycle (polisi_policy_get_review_cycle (self->policy), ui);
          review = trigger != NULL ?
            /* Translators: "10 March 2027, brought forward by new legislation": the
             * second %s is a review trigger, as "new legislation" */
            g_strdup_printf (_("%s, brought forward by %s"), when, polisi_trigger_kind_get_label (trigger->kind)) :
            /* Translators: "10 July 2027 (every 12 months)" */
            g_strdup_printf (_("%s (every %s)"), when, cycle);
        }
    }
  adw_action_row_set_subtitle (self->review_row, review);
}

/* The summary of changes of this version ----------------------------------- */

static void
on_summary_changed (GtkTextBuffer    *buffer,
                    PolisiReviewPage *self)
{
  g_autofree char *text = polisi_gui_buffer_get_text (buffer);
  PolisiLang lang = buffer == self->summary[POLISI_LANG_CY] ? POLISI_LANG_CY : POLISI_LANG_EN;

  if (self->editing_summary)
    return;
  /* typing here does not rebuild the page */
  self->editing_summary = TRUE;
  polisi_policy_set_pending_summary (self->policy, lang, text);
  self->editing_summary = FALSE;
}

static void
fill_summary (PolisiReviewPage *self)
{
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      const char *summary = polisi_policy_get_pending_summary (self->policy, lang);
      g_autofree char *shown = polisi_gui_buffer_get_text (self->summary[lang]);
      g_autofree char *normal = polisi_text_normalize (shown);

      if (g_strcmp0 (normal, summary != NULL ? summary : "") != 0)
        {
          self->editing_summary = TRUE;
          gtk_text_buffer_set_text (self->summary[lang], summary != NULL ? summary : "", -1);
          self->editing_summary = FALSE;
        }
    }
}

static GtkWidget *
summary_pane (PolisiReviewPage *self,
              PolisiLang        lang)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (lang == POLISI_LANG_CY ? "Cymraeg" : "English");
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  g_autofree char *accessible = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 96);
  accessible = g_strdup (lang == POLISI_LANG_CY ? _("Summary of changes in Welsh") : _("Summary of changes in English"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_tooltip_text (view, _("One line each; lines that start with “- ” are a list"));
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "polisi-text-frame");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);

  self->summary[lang] = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_signal_connect (self->summary[lang], "changed", G_CALLBACK (on_summary_changed), self);
  return box;
}

/**
 * polisi_review_page_get_summary_buffer:
 *
 * Returns: (transfer none): the editor of this version's summary of
 *   changes in @lang
 */
GtkTextBuffer *
polisi_review_page_get_summary_buffer (PolisiReviewPage *self,
                                       PolisiLang        lang)
{
  g_return_val_if_fail (POLISI_IS_REVIEW_PAGE (self), NULL);
  return self->summary[lang];
}

/* Review triggers ------------------------------------------------------------ */

static GtkWidget *
create_trigger_row (gpointer item,
                    gpointer user_data)
{
  PolisiReviewPage *self = user_data;
  GtkWidget *row = polisi_trigger_row_new (POLISI_TRIGGER (item), ui_of (self));
  const PolisiReviewTrigger *pending = polisi_policy_get_pending_trigger (self->policy);

  polisi_trigger_row_set_pending (POLISI_TRIGGER_ROW (row),
                                  pending == polisi_trigger_get_record (POLISI_TRIGGER (item)));
  return row;
}

/* The rows follow the policy's list of triggers; which one makes the
 * review due changes with each adoption. */
static void
fill_triggers (PolisiReviewPage *self)
{
  const PolisiReviewTrigger *pending = polisi_policy_get_pending_trigger (self->policy);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->triggers_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (POLISI_IS_TRIGGER_ROW (child))
      polisi_trigger_row_set_pending (POLISI_TRIGGER_ROW (child),
                                      pending == polisi_trigger_get_record (polisi_trigger_row_get_trigger (POLISI_TRIGGER_ROW (child))));
}

/* Updates of the model clauses --------------------------------------------- */

/* Two children side by side where there is room, one above the other
 * where there is not (a window 360 pixels wide). */
static GtkWidget *
narrow_flow_box (gboolean homogeneous,
                 guint    spacing)
{
  GtkWidget *box = gtk_flow_box_new ();

  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (box), homogeneous);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (box), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), spacing);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_activate_on_single_click (GTK_FLOW_BOX (box), FALSE);
  return box;
}

static void
flow_box_add (GtkWidget *box,
              GtkWidget *child)
{
  gtk_flow_box_append (GTK_FLOW_BOX (box), child);
  /* what it holds takes the focus, not the flow box's child */
  gtk_widget_set_focusable (gtk_widget_get_parent (child), FALSE);
}

static GtkWidget *
diff_label (const char *heading,
            GPtrArray  *diff)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *text = gtk_label_new (NULL);
  g_autofree char *markup = polisi_gui_diff_markup (diff);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_markup (GTK_LABEL (text), markup);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  return box;
}

static GtkWidget *
decision_button (const char *label,
                 const char *action,
                 const char *clause_id,
                 gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", clause_id);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

static GtkWidget *
update_row (PolisiReviewPage          *self,
            const PolisiLibraryUpdate *update)
{
  PolisiLang ui = ui_of (self);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  /* side by side, or one above the other on a narrow window */
  GtkWidget *texts = narrow_flow_box (TRUE, 18);
  GtkWidget *buttons = narrow_flow_box (FALSE, 12);
  g_autofree char *label = NULL;
  const char *what;

  if (update->title[ui] != NULL)
    label = polisi_gui_clause_label (self->policy, self->context, self->numbers, update->clause_id);
  else
    {
      /* a withdrawn clause has no title in the library: its first words */
      const char *text = update->old_text[ui][0] != '\0' ? update->old_text[ui] : update->old_text[POLISI_LANG_OTHER (ui)];
      g_autofree char *plain = polisi_text_collapse_spaces (text);

      if (g_utf8_strlen (plain, -1) > 70)
        {
          g_autofree char *start = g_utf8_substring (plain, 0, 69);
          label = g_strdup_printf ("%s…", start);
        }
      else
        label = g_strdup (plain);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);

  switch (update->kind)
    {
    case POLISI_UPDATE_NEW:
      what = _("New in the model clauses");
      flow_box_add (buttons, decision_button (_("_Leave Out"), "review.decline-update", update->clause_id, FALSE));
      flow_box_add (buttons, decision_button (_("_Add Clause"), "review.accept-update", update->clause_id, TRUE));
      break;
    case POLISI_UPDATE_WITHDRAWN:
      what = _("Withdrawn from the model clauses");
      flow_box_add (buttons, decision_button (_("_Keep Clause"), "review.decline-update", update->clause_id, FALSE));
      flow_box_add (buttons, decision_button (_("_Remove Clause"), "review.accept-update", update->clause_id, TRUE));
      break;
    case POLISI_UPDATE_CHANGED:
    default:
      if (polisi_diff_is_equal (update->diff[POLISI_LANG_CY]) && polisi_diff_is_equal (update->diff[POLISI_LANG_EN]))
        what = _("Changed in the model clauses, but not the policy’s wording");
      else
        what = update->edited ? _("Changed in the model clauses. You edited this clause: the new wording would replace your edits") :
                                _("Changed in the model clauses");
      flow_box_add (buttons, decision_button (_("_Keep Current Wording"), "review.decline-update", update->clause_id, FALSE));
      flow_box_add (buttons, decision_button (_("_Use New Wording"), "review.accept-update", update->clause_id, TRUE));
      break;
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), what);
  if (update->edited)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("You edited this clause"));
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
    }

  /* what the model clauses changed, and why, in the interface language */
  if (update->notes[ui] != NULL || update->notes[POLISI_LANG_OTHER (ui)] != NULL)
    {
      GtkWidget *notes = gtk_label_new (update->notes[ui] != NULL ? update->notes[ui] : update->notes[POLISI_LANG_OTHER (ui)]);

      gtk_label_set_xalign (GTK_LABEL (notes), 0);
      gtk_label_set_wrap (GTK_LABEL (notes), TRUE);
      gtk_label_set_selectable (GTK_LABEL (notes), TRUE);
      gtk_widget_add_css_class (notes, "polisi-update-notes");
      gtk_accessible_update_property (GTK_ACCESSIBLE (notes), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Why the model clause changed"), -1);
      gtk_box_append (GTK_BOX (content), notes);
    }

  /* each language named in itself, as over the clause editor's two texts */
  flow_box_add (texts, diff_label ("Cymraeg", update->diff[POLISI_LANG_CY]));
  flow_box_add (texts, diff_label ("English", update->diff[POLISI_LANG_EN]));
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (content), texts);
  gtk_box_append (GTK_BOX (content), buttons);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), content);

  return row;
}

/* What the rows of @updates show */
static char *
updates_key (PolisiReviewPage *self,
             GPtrArray        *updates)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < updates->len; i++)
    {
      const PolisiLibraryUpdate *update = updates->pdata[i];
      g_autofree char *label = update->title[ui_of (self)] != NULL ?
        polisi_gui_clause_label (self->policy, self->context, self->numbers, update->clause_id) : NULL;

      g_string_append_printf (key, "%d %s %d %u %u %s\x1f", update->kind, update->clause_id, update->edited,
                              update->old_version, update->new_version, label != NULL ? label : "");
      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        g_string_append_printf (key, "%s\x1f%s\x1f%s\x1f", update->old_text[lang], update->new_text[lang],
                                update->notes[lang] != NULL ? update->notes[lang] : "");
      g_string_append_c (key, '\x1e');
    }
  return g_string_free (key, FALSE);
}

static void
fill_updates (PolisiReviewPage *self)
{
  PolisiLibrary *library = library_of (self);
  const char *made_with = polisi_policy_get_library_version (self->policy);
  g_autofree char *description = NULL;
  g_autofree char *key = NULL;

  g_clear_pointer (&self->updates, g_ptr_array_unref);
  self->updates = polisi_library_update_list (self->policy, library);

  if (!polisi_library_update_applies (self->policy, library))
    description = g_strdup (_("This policy was made with another organisation’s model clauses: Polisi cannot offer their updates."));
  else if (made_with != NULL && g_strcmp0 (made_with, polisi_library_get_version (library)) != 0)
    /* Translators: the versions of the model clauses, such as 2025.11 and 2026.11 */
    description = g_strdup_printf (_("The policy was made with the model clauses of %s; Polisi has those of %s. Accept or decline each change."),
                                   made_with, polisi_library_get_version (library));
  else
    description = g_strdup_printf (_("The model clauses of %s"), polisi_library_get_version (library));
  adw_preferences_group_set_description (self->updates_group, description);

  /* the same updates as shown: the rows stay, as they were opened */
  key = updates_key (self, self->updates);
  if (g_strcmp0 (key, self->updates_key) == 0)
    return;
  g_free (self->updates_key);
  self->updates_key = g_steal_pointer (&key);
  self->n_builds++;

  polisi_gui_clear_group (self->updates_group, self->update_rows);
  for (guint i = 0; i < self->updates->len; i++)
    {
      GtkWidget *row = update_row (self, self->updates->pdata[i]);

      adw_preferences_group_add (self->updates_group, row);
      g_ptr_array_add (self->update_rows, row);
    }
  if (self->updates->len == 0)
    {
      GtkWidget *row = polisi_gui_placeholder_row (_("The policy’s clauses are up to date with the model"));

      adw_preferences_group_add (self->updates_group, row);
      g_ptr_array_add (self->update_rows, row);
    }
  gtk_widget_set_visible (self->accept_all_button, self->updates->len > 1);
}

/* Legislation ------------------------------------------------------------------ */

static void
on_citation_activated (AdwActionRow     *row,
                       PolisiReviewPage *self)
{
  const PolisiCitationFix *fix;
  guint index;

  /* the rows are in the order of the fixes */
  if (self->citations == NULL || !g_ptr_array_find (self->citation_rows, row, &index) || index >= self->citations->len)
    return;
  fix = self->citations->pdata[index];
  g_signal_emit (self, signals[GO_TO_CLAUSE], 0, fix->clause_id, (int) fix->lang);
}

/* What the rows of @citations show */
static char *
citations_key (PolisiReviewPage *self,
               GPtrArray        *citations)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < citations->len; i++)
    {
      const PolisiCitationFix *fix = citations->pdata[i];
      g_autofree char *clause = polisi_gui_clause_label (self->policy, self->context, self->numbers, fix->clause_id);

      g_string_append_printf (key, "%s\x1f%d\x1f%s\x1f%s\x1f%s\x1e", clause, fix->lang, fix->found,
                              fix->replacement, fix->context);
    }
  return g_string_free (key, FALSE);
}

static void
fill_citations (PolisiReviewPage *self)
{
  g_autofree char *key = NULL;

  g_clear_pointer (&self->citations, g_ptr_array_unref);
  self->citations = polisi_library_update_list_citations (self->policy, polisi_context_get_legislation (self->context));

  /* the same old names in the same places: the rows stay */
  key = citations_key (self, self->citations);
  if (g_strcmp0 (key, self->citations_key) == 0)
    return;
  g_free (self->citations_key);
  self->citations_key = g_steal_pointer (&key);
  self->n_builds++;

  polisi_gui_clear_group (self->citations_group, self->citation_rows);

  for (guint i = 0; i < self->citations->len; i++)
    {
      const PolisiCitationFix *fix = self->citations->pdata[i];
      g_autofree char *clause = polisi_gui_clause_label (self->policy, self->context, self->numbers, fix->clause_id);
      /* Translators: "Data Protection Act 1998 → Data Protection Act 2018" */
      g_autofree char *title = g_strdup_printf (_("%s → %s"), fix->found, fix->replacement);
      /* Translators: where an old name is: "5.4 Personal use (Welsh): …the words around it…" */
      g_autofree char *subtitle = g_strdup_printf (fix->lang == POLISI_LANG_CY ? _("%s (Welsh): “%s”") : _("%s (English): “%s”"),
                                                   clause, fix->context);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *replace = gtk_button_new_with_mnemonic (_("_Replace"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Show the clause"));
      g_signal_connect (row, "activated", G_CALLBACK (on_citation_activated), self);
      gtk_widget_set_valign (replace, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (replace), "review.fix-citation");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (replace), "u", i);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), replace);
      adw_preferences_group_add (self->citations_group, row);
      g_ptr_array_add (self->citation_rows, row);
    }
  if (self->citations->len == 0)
    {
      GtkWidget *row = polisi_gui_placeholder_row (_("Every Act and every piece of guidance is named by its current name"));

      adw_preferences_group_add (self->citations_group, row);
      g_ptr_array_add (self->citation_rows, row);
    }
  gtk_widget_set_visible (self->fix_all_button, self->citations->len > 1);
}

/* Version history ------------------------------------------------------------- */

/* The newest first: by date, then by number ("1.10" after "1.9"). */
static int
compare_versions_newest_first (gconstpointer a,
                               gconstpointer b,
                               gpointer      user_data)
{
  PolisiVersion *va = (PolisiVersion *) a;
  PolisiVersion *vb = (PolisiVersion *) b;
  int order = g_strcmp0 (polisi_version_get_date (vb), polisi_version_get_date (va));
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;

  if (order != 0)
    return order;
  key_a = g_utf8_collate_key_for_filename (polisi_version_get_number (va), -1);
  key_b = g_utf8_collate_key_for_filename (polisi_version_get_number (vb), -1);
  return g_strcmp0 (key_b, key_a);
}

static GtkWidget *
create_version_row (gpointer item,
                    gpointer user_data)
{
  PolisiReviewPage *self = user_data;

  return polisi_version_row_new (POLISI_VERSION (item), ui_of (self));
}

/* The rows follow the policy's list of versions as adoptions add to it. */
static void
bind_history (PolisiReviewPage *self)
{
  GtkCustomSorter *sorter = gtk_custom_sorter_new (compare_versions_newest_first, NULL, NULL);
  GtkSortListModel *sorted = gtk_sort_list_model_new (g_object_ref (polisi_policy_get_versions (self->policy)),
                                                      GTK_SORTER (sorter));

  gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (sorted), create_version_row, self, NULL);
  g_object_unref (sorted);
  gtk_list_box_bind_model (self->triggers_list, polisi_policy_get_review_triggers (self->policy),
                           create_trigger_row, self, NULL);
}

/* Brings the parts a change made out of date up to date. */
static void
refresh_dirty (PolisiReviewPage *self)
{
  Part dirty = self->dirty;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->dirty = 0;

  if (dirty & (PART_UPDATES | PART_CITATIONS))
    {
      g_clear_pointer (&self->numbers, g_hash_table_unref);
      self->numbers = polisi_gui_clause_numbers (self->policy, library_of (self));
    }
  if (dirty & PART_STATUS)
    fill_status (self);
  if (dirty & PART_SUMMARY)
    fill_summary (self);
  if (dirty & PART_TRIGGERS)
    fill_triggers (self);
  if (dirty & PART_UPDATES)
    fill_updates (self);
  if (dirty & PART_CITATIONS)
    fill_citations (self);
}

/**
 * polisi_review_page_refresh:
 *
 * Builds the page again from the policy, now.
 */
void
polisi_review_page_refresh (PolisiReviewPage *self)
{
  g_return_if_fail (POLISI_IS_REVIEW_PAGE (self));

  self->dirty = PART_STATUS | PART_SUMMARY | PART_TRIGGERS | PART_UPDATES | PART_CITATIONS;
  refresh_dirty (self);
}

static gboolean
refresh_timeout (gpointer data)
{
  PolisiReviewPage *self = data;

  self->refresh_id = 0;
  refresh_dirty (self);
  return G_SOURCE_REMOVE;
}

/* One of the details the page follows: the parts it concerns are brought
 * up to date after a pause while the page is on screen, else when it
 * comes back. */
static void
on_policy_changed (PolisiPolicy     *policy,
                   PolisiReviewPage *self)
{
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (policy);
  const char *detail = hint != NULL && hint->detail != 0 ? g_quark_to_string (hint->detail) : NULL;

  for (guint i = 0; detail != NULL && i < G_N_ELEMENTS (part_of_change); i++)
    if (g_str_equal (part_of_change[i].signal + strlen ("changed::"), detail))
      {
        Part parts = part_of_change[i].parts;

        /* the summary being typed here is not shown again */
        if (self->editing_summary)
          parts &= ~PART_SUMMARY;
        if (parts == 0)
          return;
        self->dirty |= parts;
        break;
      }
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->dirty != 0 && self->refresh_id == 0)
    self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout, self);
}

static void
polisi_review_page_map (GtkWidget *widget)
{
  PolisiReviewPage *self = POLISI_REVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (polisi_review_page_parent_class)->map (widget);
  if (self->dirty != 0)
    refresh_dirty (self);
}

/* Decisions ----------------------------------------------------------------------- */

static void
decide (PolisiReviewPage *self,
        const char       *clause_id,
        gboolean          accept)
{
  g_autoptr(GError) error = NULL;

  if (!polisi_library_update_decide (self->policy, library_of (self), clause_id, accept, &error))
    polisi_gui_show_error (GTK_WIDGET (self), _("The Update Could Not Be Applied"), error->message);
  polisi_review_page_refresh (self);
}

static void
accept_update_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  decide (POLISI_REVIEW_PAGE (widget), g_variant_get_string (parameter, NULL), TRUE);
}

static void
decline_update_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  decide (POLISI_REVIEW_PAGE (widget), g_variant_get_string (parameter, NULL), FALSE);
}

static void
accept_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PolisiReviewPage *self = POLISI_REVIEW_PAGE (widget);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!polisi_library_update_decide_all (self->policy, library_of (self), NULL, TRUE, &n, &error))
    polisi_gui_show_error (GTK_WIDGET (self), _("The Updates Could Not Be Applied"), error->message);
  polisi_review_page_refresh (self);
}

static void
fix_citation_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PolisiReviewPage *self = POLISI_REVIEW_PAGE (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(GError) error = NULL;

  if (self->citations == NULL || index >= self->citations->len)
    return;
  if (!polisi_library_update_fix_citation (self->policy, polisi_context_get_legislation (self->context),
                                           self->citations->pdata[index], &error))
    polisi_gui_show_error (GTK_WIDGET (self), _("The Name Could Not Be Replaced"), error->message);
  polisi_review_page_refresh (self);
}

static void
fix_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PolisiReviewPage *self = POLISI_REVIEW_PAGE (widget);

  polisi_library_update_fix_all_citations (self->policy, polisi_context_get_legislation (self->context));
  polisi_review_page_refresh (self);
}

static void
remove_trigger_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PolisiReviewPage *self = POLISI_REVIEW_PAGE (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (index < polisi_policy_get_n_review_triggers (self->policy))
    polisi_policy_remove_review_trigger (self->policy, index);
  polisi_review_page_refresh (self);
}

/* Adding a trigger ------------------------------------------------------------ */

/* The dialog's state, owned by its "response" handler: freed with the dialog. */
typedef struct {
  PolisiReviewPage *page;
  AdwMessageDialog *dialog;
  AdwComboRow      *kind;
  PolisiDateRow    *date;
  AdwEntryRow      *note;
} TriggerDialog;

static void
trigger_dialog_free (TriggerDialog *data)
{
  g_object_unref (data->page);
  g_free (data);
}

static void
on_trigger_date_changed (TriggerDialog *data)
{
  gboolean valid = polisi_date_row_get_date (data->date) != NULL;

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (data->date), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (data->date), "error");
  adw_message_dialog_set_response_enabled (data->dialog, "add", valid);
}

static void
on_trigger_response (AdwMessageDialog *dialog,
                     const char       *response,
                     TriggerDialog    *data)
{
  g_autoptr(GError) error = NULL;
  const char *note;

  if (!g_str_equal (response, "add"))
    return;
  note = gtk_editable_get_text (GTK_EDITABLE (data->note));
  if (!polisi_policy_add_review_trigger (data->page->policy, adw_combo_row_get_selected (data->kind),
                                         polisi_date_row_get_date (data->date),
                                         note[0] != '\0' ? note : NULL, &error))
    polisi_gui_show_error (GTK_WIDGET (data->page), _("The Trigger Could Not Be Added"), error->message);
  polisi_review_page_refresh (data->page);
}

/**
 * polisi_review_page_add_trigger:
 *
 * Asks for a review trigger: its kind, date and a note.
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
polisi_review_page_add_trigger (PolisiReviewPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkStringList *kinds = gtk_string_list_new (NULL);
  TriggerDialog *data = g_new0 (TriggerDialog, 1);
  g_autofree char *today_iso = NULL;
  GDate today;

  g_return_val_if_fail (POLISI_IS_REVIEW_PAGE (self), NULL);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Add a Review Trigger"),
                                   _("Something that means the policy should be reviewed before its planned date. "
                                     "From that date, Polisi says the review is due."));
  data->page = g_object_ref (self);
  data->dialog = ADW_MESSAGE_DIALOG (dialog);
  for (guint kind = POLISI_TRIGGER_LEGISLATION; kind <= POLISI_TRIGGER_INCIDENT; kind++)
    {
      /* the labels are written to follow "because of": capitalise for a list */
      const char *label = polisi_trigger_kind_get_label (kind);
      g_autofree char *first = g_utf8_strup (label, g_utf8_next_char (label) - label);
      g_autofree char *item = g_strconcat (first, g_utf8_next_char (label), NULL);

      gtk_string_list_append (kinds, item);
    }
  data->kind = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->kind), _("What Happened"));
  adw_combo_row_set_model (data->kind, G_LIST_MODEL (kinds));
  g_object_unref (kinds);

  data->date = POLISI_DATE_ROW (polisi_date_row_new (ui_of (self)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->date), _("Date"));
  polisi_date_set_today (&today);
  today_iso = polisi_date_to_iso (&today);
  polisi_date_row_set_date (data->date, today_iso);
  g_signal_connect_swapped (data->date, "notify::date", G_CALLBACK (on_trigger_date_changed), data);
  g_signal_connect_swapped (data->date, "notify::valid", G_CALLBACK (on_trigger_date_changed), data);

  data->note = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->note), _("Note (optional)"));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->kind));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->date));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->note));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_trigger_response), data,
                         (GClosureNotify) (void (*) (void)) trigger_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
add_trigger_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  polisi_review_page_add_trigger (POLISI_REVIEW_PAGE (widget));
}

/* Adopting a version ------------------------------------------------------------ */

/* The dialog's state, owned by its "response" handler: freed with the dialog. */
typedef struct {
  PolisiReviewPage *page;
  AdwMessageDialog *dialog;
  AdwEntryRow      *version;
  PolisiDateRow    *date;
  AdwEntryRow      *approved_by;
  GtkTextBuffer    *summary[POLISI_N_LANGS];
  GtkLabel         *problem;
} AdoptDialog;

static void
adopt_dialog_free (AdoptDialog *data)
{
  g_object_unref (data->page);
  g_free (data);
}

static gboolean
try_adopt (AdoptDialog *data,
           gboolean     really,
           GError     **error)
{
  g_autofree char *summary_cy = polisi_gui_buffer_get_text (data->summary[POLISI_LANG_CY]);
  g_autofree char *summary_en = polisi_gui_buffer_get_text (data->summary[POLISI_LANG_EN]);
  const char *version = gtk_editable_get_text (GTK_EDITABLE (data->version));
  /* what was typed, when it is no date: the message quotes it */
  const char *date = polisi_date_row_get_date (data->date) != NULL ? polisi_date_row_get_date (data->date)
                                                                   : gtk_editable_get_text (GTK_EDITABLE (data->date));
  const char *approved_by = gtk_editable_get_text (GTK_EDITABLE (data->approved_by));

  if (really)
    return polisi_policy_adopt (data->page->policy, version, date, approved_by, summary_cy, summary_en, error);
  return polisi_policy_can_adopt (data->page->policy, version, date, approved_by, summary_cy, summary_en, error);
}

/* What would stop the adoption is said under the fields as they are
 * typed, and the Adopt button waits until nothing does. */
static void
on_adopt_field_changed (AdoptDialog *data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = try_adopt (data, FALSE, &error);

  gtk_label_set_text (data->problem, ok ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (data->problem), !ok);
  adw_message_dialog_set_response_enabled (data->dialog, "adopt", ok);
}

static void
on_adopt_response (AdwMessageDialog *dialog,
                   const char       *response,
                   AdoptDialog      *data)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "adopt"))
    return;
  if (!try_adopt (data, TRUE, &error))
    polisi_gui_show_error (GTK_WIDGET (data->page), _("The Version Could Not Be Adopted"), error->message);
  polisi_review_page_refresh (data->page);
}

static GtkWidget *
summary_editor (AdoptDialog  *data,
                PolisiLang    lang,
                gboolean      optional,
                GtkWidget    *dialog)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  const char *title;

  if (lang == POLISI_LANG_CY)
    title = optional ? _("Summary of changes in _Welsh (optional)") : _("Summary of changes in _Welsh");
  else
    title = _("Summary of changes in _English");
  gtk_label_set_text_with_mnemonic (GTK_LABEL (label), title);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  /* named as its heading reads (a label property works the same in every GTK 4) */
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (label)), -1);
  data->summary[lang] = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_signal_connect_swapped (data->summary[lang], "changed", G_CALLBACK (on_adopt_field_changed), data);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 72);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  return box;
}

static void
on_blocker_go_to (PolisiReviewPage *self,
                  const char       *clause_id,
                  const char       *placeholder,
                  int               lang,
                  int               kind)
{
  g_signal_emit (self, signals[GO_TO_FINDING], 0, clause_id, placeholder, lang, kind);
}

/**
 * polisi_review_page_adopt:
 *
 * Asks for the version, date, approver and summary of changes, and records
 * the adoption; or, while the check finds something that must be fixed,
 * lists what blocks the adoption (a #PolisiAdoptionBlockers).
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
polisi_review_page_adopt (PolisiReviewPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const PolisiVersionRecord *last;
  AdoptDialog *data;
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *version = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *today_iso = NULL;
  const char *approver = NULL;
  g_autoptr(GPtrArray) blockers = NULL;
  gboolean wales;
  GDate today;

  g_return_val_if_fail (POLISI_IS_REVIEW_PAGE (self), NULL);

  last = polisi_policy_get_last_adoption (self->policy);
  wales = polisi_policy_get_nation (self->policy) == POLISI_NATION_WALES;
  version = polisi_policy_suggest_version (self->policy, FALSE);

  /* nothing is asked while the check finds what must be fixed first */
  polisi_date_set_today (&today);
  blockers = polisi_check_adoption (self->policy, library_of (self), polisi_context_get_legislation (self->context), &today);
  if (blockers->len > 0)
    {
      dialog = polisi_adoption_blockers_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, version, blockers);
      g_signal_connect_object (dialog, "go-to", G_CALLBACK (on_blocker_go_to), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return dialog;
    }
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Adopt a Version"),
                                   _("Record that the policy was approved, and by whom. The version history at the end "
                                     "of the policy gains a row, the policy becomes adopted, and the next review date "
                                     "follows from this date."));
  data = g_new0 (AdoptDialog, 1);
  data->page = g_object_ref (self);
  data->dialog = ADW_MESSAGE_DIALOG (dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_adopt_response), data,
                         (GClosureNotify) (void (*) (void)) adopt_dialog_free, 0);
  /* the responses first: filling the fields in asks whether Adopt can be pressed */
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "adopt", _("_Adopt"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "adopt", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data->version = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->version), _("Version"));
  gtk_editable_set_text (GTK_EDITABLE (data->version), version);

  data->date = POLISI_DATE_ROW (polisi_date_row_new (ui_of (self)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->date), _("Date of Adoption"));
  today_iso = polisi_date_to_iso (&today);
  polisi_date_row_set_date (data->date, today_iso);

  data->approved_by = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->approved_by), _("Approved By"));
  if (last != NULL)
    approver = last->approved_by;
  else
    approver = polisi_policy_get_answer (self->policy, "governing_body", ui_of (self));
  if (approver != NULL)
    gtk_editable_set_text (GTK_EDITABLE (data->approved_by), approver);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->version));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->date));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->approved_by));
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), summary_editor (data, POLISI_LANG_CY, !wales, dialog));
  gtk_box_append (GTK_BOX (box), summary_editor (data, POLISI_LANG_EN, FALSE, dialog));

  data->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (data->problem, TRUE);
  gtk_label_set_xalign (data->problem, 0);
  gtk_widget_add_css_class (GTK_WIDGET (data->problem), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->problem));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  /* The pending summary, as written in the page; the first version needs
   * no list of changes. */
  if (polisi_policy_get_pending_summary (self->policy, POLISI_LANG_CY) != NULL ||
      polisi_policy_get_pending_summary (self->policy, POLISI_LANG_EN) != NULL)
    {
      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        {
          const char *summary = polisi_policy_get_pending_summary (self->policy, lang);

          gtk_text_buffer_set_text (data->summary[lang], summary != NULL ? summary : "", -1);
        }
    }
  else if (last == NULL)
    {
      gtk_text_buffer_set_text (data->summary[POLISI_LANG_CY], "Fersiwn gyntaf.", -1);
      gtk_text_buffer_set_text (data->summary[POLISI_LANG_EN], "First version.", -1);
    }

  g_signal_connect_swapped (data->version, "changed", G_CALLBACK (on_adopt_field_changed), data);
  g_signal_connect_swapped (data->date, "changed", G_CALLBACK (on_adopt_field_changed), data);
  g_signal_connect_swapped (data->approved_by, "changed", G_CALLBACK (on_adopt_field_changed), data);

  on_adopt_field_changed (data);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (data->approved_by));
  return dialog;
}

static void
adopt_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  polisi_review_page_adopt (POLISI_REVIEW_PAGE (widget));
}

/* Life cycle ---------------------------------------------------------------------- */

static void
polisi_review_page_dispose (GObject *object)
{
  PolisiReviewPage *self = (PolisiReviewPage *) object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->policy != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (self->changed_ids); i++)
      g_clear_signal_handler (&self->changed_ids[i], self->policy);
  gtk_widget_dispose_template (GTK_WIDGET (self), POLISI_TYPE_REVIEW_PAGE);
  g_clear_object (&self->policy);
  g_clear_object (&self->context);
  g_clear_pointer (&self->updates, g_ptr_array_unref);
  g_clear_pointer (&self->citations, g_ptr_array_unref);
  g_clear_pointer (&self->numbers, g_hash_table_unref);
  g_clear_pointer (&self->updates_key, g_free);
  g_clear_pointer (&self->citations_key, g_free);
  g_clear_pointer (&self->update_rows, g_ptr_array_unref);
  g_clear_pointer (&self->citation_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (polisi_review_page_parent_class)->dispose (object);
}

static void
polisi_review_page_class_init (PolisiReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = polisi_review_page_dispose;
  widget_class->map = polisi_review_page_map;

  /**
   * PolisiReviewPage::go-to-clause:
   * @clause_id: the clause to show
   * @lang: the language concerned, or -1
   */
  /**
   * PolisiReviewPage::go-to-finding:
   * @clause_id: (nullable): the clause to show
   * @placeholder: (nullable): the answer to show
   * @lang: the language concerned, or -1
   * @kind: the #PolisiFindingKind
   *
   * A finding that blocks adoption was chosen in the adoption dialog.
   */
  signals[GO_TO_FINDING] = g_signal_new ("go-to-finding", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT);
  signals[GO_TO_CLAUSE] = g_signal_new ("go-to-clause", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/polisi/Polisi/ui/polisi-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PolisiReviewPage, box);
  gtk_widget_class_bind_template_child (widget_class, PolisiReviewPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, PolisiReviewPage, adopt_button);
  gtk_widget_class_bind_template_child (widget_class, PolisiReviewPage, review_row);
  gtk_widget_class_bind_template_child (widget_class, PolisiReviewPage, review_icon);
  gtk_widget_class_bind_template_child (widget_class, PolisiReviewPage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, PolisiReviewPage, triggers_group);
  gtk_widget_class_bind_template_child (widget_class, PolisiReviewPage, updates_group);
  gtk_widget_class_bind_template_child (widget_class, PolisiReviewPage, accept_all_button);
  gtk_widget_class_bind_template_child (widget_class, PolisiReviewPage, citations_group);
  gtk_widget_class_bind_template_child (widget_class, PolisiReviewPage, fix_all_button);
  gtk_widget_class_bind_template_child (widget_class, PolisiReviewPage, history_group);

  gtk_widget_class_install_action (widget_class, "review.adopt", NULL, adopt_action);
  gtk_widget_class_install_action (widget_class, "review.add-trigger", NULL, add_trigger_action);
  gtk_widget_class_install_action (widget_class, "review.remove-trigger", "u", remove_trigger_action);
  gtk_widget_class_install_action (widget_class, "review.accept-update", "s", accept_update_action);
  gtk_widget_class_install_action (widget_class, "review.decline-update", "s", decline_update_action);
  gtk_widget_class_install_action (widget_class, "review.accept-all", NULL, accept_all_action);
  gtk_widget_class_install_action (widget_class, "review.fix-citation", "u", fix_citation_action);
  gtk_widget_class_install_action (widget_class, "review.fix-all", NULL, fix_all_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
polisi_review_page_init (PolisiReviewPage *self)
{
  self->update_rows = g_ptr_array_new ();
  self->citation_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->history_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->history_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->history_list), "boxed-list");
  gtk_list_box_set_placeholder (self->history_list, polisi_gui_placeholder_row (_("No version adopted yet")));
  adw_preferences_group_add (self->history_group, GTK_WIDGET (self->history_list));
  self->triggers_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->triggers_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->triggers_list), "boxed-list");
  gtk_list_box_set_placeholder (self->triggers_list, polisi_gui_placeholder_row (_("None recorded")));
  adw_preferences_group_add (self->triggers_group, GTK_WIDGET (self->triggers_list));
  gtk_box_append (GTK_BOX (self->summary_box), summary_pane (self, POLISI_LANG_CY));
  gtk_box_append (GTK_BOX (self->summary_box), summary_pane (self, POLISI_LANG_EN));
}

PolisiReviewPage *
polisi_review_page_new (PolisiPolicy  *policy,
                        PolisiContext *context)
{
  PolisiReviewPage *self = g_object_new (POLISI_TYPE_REVIEW_PAGE, NULL);

  self->policy = g_object_ref (policy);
  self->context = g_object_ref (context);
  bind_history (self);
  polisi_review_page_refresh (self);
  for (guint i = 0; i < G_N_ELEMENTS (part_of_change); i++)
    self->changed_ids[i] = g_signal_connect (policy, part_of_change[i].signal, G_CALLBACK (on_policy_changed), self);
  return self;
}

/**
 * polisi_review_page_reveal_update:
 * @clause_id: (nullable): the clause; %NULL for the first update
 *
 * Opens the comparison of an update of the model clauses and brings it
 * into view.
 *
 * Returns: %TRUE if there was such an update
 */
gboolean
polisi_review_page_reveal_update (PolisiReviewPage *self,
                                  const char       *clause_id)
{
  g_return_val_if_fail (POLISI_IS_REVIEW_PAGE (self), FALSE);

  if (self->dirty != 0)
    refresh_dirty (self);
  /* the rows are in the order of the updates (with none, one row says so) */
  for (guint i = 0; self->updates != NULL && i < self->updates->len; i++)
    {
      GtkWidget *row = self->update_rows->pdata[i];
      const char *id = ((PolisiLibraryUpdate *) self->updates->pdata[i])->clause_id;

      if (clause_id == NULL || g_str_equal (id, clause_id))
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          gtk_widget_grab_focus (row);
          return TRUE;
        }
    }
  return FALSE;
}

guint
polisi_review_page_get_n_updates (PolisiReviewPage *self)
{
  g_return_val_if_fail (POLISI_IS_REVIEW_PAGE (self), 0);
  return self->updates != NULL ? self->updates->len : 0;
}

guint
polisi_review_page_get_n_citations (PolisiReviewPage *self)
{
  g_return_val_if_fail (POLISI_IS_REVIEW_PAGE (self), 0);
  return self->citations != NULL ? self->citations->len : 0;
}

/**
 * polisi_review_page_get_n_builds:
 *
 * Returns: how many times the page built its rows of updates or of old
 *   names again (for tests: typing in a clause elsewhere adds none)
 */
guint
polisi_review_page_get_n_builds (PolisiReviewPage *self)
{
  g_return_val_if_fail (POLISI_IS_REVIEW_PAGE (self), 0);
  return self->n_builds;
}
