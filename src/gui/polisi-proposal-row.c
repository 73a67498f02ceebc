/* polisi-proposal-row.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One change a reviewer proposed with track changes on, in the
 * consultation step: the clause and its language as the title; who and
 * when, and the change in its sentence (inserted text underlined, deleted
 * text struck through, never by colour alone: the words say which) as the
 * subtitle; and two buttons, which activate the row's
 * "proposal.accept" and "proposal.reject" actions with the proposal's id
 * for whoever holds the policy to act on.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-gui-utils.h"
#include "polisi-proposal-row.h"

struct _PolisiProposalRow
{
  AdwActionRow    parent_instance;

  PolisiProposal *proposal;
};

G_DEFINE_FINAL_TYPE (PolisiProposalRow, polisi_proposal_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_PROPOSAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
polisi_proposal_row_dispose (GObject *object)
{
  PolisiProposalRow *self = POLISI_PROPOSAL_ROW (object);

  g_clear_object (&self->proposal);
  G_OBJECT_CLASS (polisi_proposal_row_parent_class)->dispose (object);
}

static void
polisi_proposal_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PolisiProposalRow *self = POLISI_PROPOSAL_ROW (object);

  switch (prop_id)
    {
    case PROP_PROPOSAL:
      g_value_set_object (value, self->proposal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_proposal_row_class_init (PolisiProposalRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = polisi_proposal_row_dispose;
  object_class->get_property = polisi_proposal_row_get_property;

  properties[PROP_PROPOSAL] = g_param_spec_object ("proposal", NULL, NULL, POLISI_TYPE_PROPOSAL,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
polisi_proposal_row_init (PolisiProposalRow *self)
{
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  return button;
}

/**
 * polisi_proposal_row_new:
 * @clause_label: the clause as the window names it ("3.2 Personal use")
 * @ui: the interface language (the page's context's), dates are written in
 */
GtkWidget *
polisi_proposal_row_new (PolisiProposal *proposal,
                         const char     *clause_label,
                         PolisiLang      ui)
{
  PolisiProposalRow *self;
  g_autofree char *before = NULL;
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;
  g_autofree char *change = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *when = NULL;
  const char *author;
  GtkWidget *accept, *reject;

  g_return_val_if_fail (POLISI_IS_PROPOSAL (proposal), NULL);

  self = g_object_new (POLISI_TYPE_PROPOSAL_ROW, NULL);
  self->proposal = g_object_ref (proposal);

  before = g_markup_escape_text (polisi_proposal_get_before (proposal), -1);
  text = g_markup_escape_text (polisi_proposal_get_text (proposal), -1);
  after = g_markup_escape_text (polisi_proposal_get_after (proposal), -1);
  if (polisi_proposal_get_kind (proposal) == POLISI_PROPOSAL_INSERTION)
    /* Translators: a proposed insertion in its sentence: "Insert: …before <u>new</u> after…" */
    change = g_strdup_printf (_("Insert: …%s<u>%s</u>%s…"), before, text, after);
  else
    /* Translators: a proposed deletion in its sentence: "Delete: …before <s>old</s> after…" */
    change = g_strdup_printf (_("Delete: …%s<s>%s</s>%s…"), before, text, after);

  /* Translators: a clause and the language of the text changed: "3.2 Personal use (English)" */
  title = g_strdup_printf (_("%s (%s)"), clause_label,
                           polisi_proposal_get_lang (proposal) == POLISI_LANG_CY ? _("Welsh") : _("English"));
  author = polisi_proposal_get_author (proposal);
  when = polisi_gui_format_date (polisi_proposal_get_date (proposal), ui);
  {
    g_autofree char *who = g_markup_escape_text (author != NULL ? author : _("Unknown author"), -1);
    g_autofree char *day = g_markup_escape_text (when, -1);

    /* Translators: "Siân Jones (UCAC), 12 June 2026" and the change on the next line */
    subtitle = g_strdup_printf (_("%s, %s\n%s"), who, day, change);
  }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), TRUE);
  {
    g_autofree char *escaped = g_markup_escape_text (title, -1);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), escaped);
  }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);

  accept = action_button (_("_Accept"), "proposal.accept", polisi_proposal_get_id (proposal));
  reject = action_button (_("_Reject"), "proposal.reject", polisi_proposal_get_id (proposal));
  gtk_widget_add_css_class (accept, "suggested-action");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), reject);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), accept);
  return GTK_WIDGET (self);
}

PolisiProposal *
polisi_proposal_row_get_proposal (PolisiProposalRow *self)
{
  g_return_val_if_fail (POLISI_IS_PROPOSAL_ROW (self), NULL);
  return self->proposal;
}
