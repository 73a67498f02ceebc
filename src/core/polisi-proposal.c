/* polisi-proposal.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A change a reviewer made to a consultation draft with track changes on:
 * text inserted into a clause, or deleted from it, in one language. It is
 * kept in the policy as a proposal until the author accepts it (the clause
 * text is edited, and the other language marked as needing an update) or
 * rejects it.
 *
 * Its place is kept as the text either side of it, as the draft showed it
 * (at most POLISI_PROPOSAL_CONTEXT_CHARS of each, within the paragraph):
 * the change applies where that text, with a deletion the deleted text
 * between, occurs exactly once in the clause, as much of it as can be
 * found (the draft showed placeholders filled in: a side that holds one is
 * cut back). If the clause has been edited since, so that it occurs nowhere
 * or more than once, the change cannot be applied and is left for the
 * author to make by hand.
 */
#include "config.h"

#include <string.h>

#include "polisi-fields-private.h"
#include "polisi-proposal.h"

struct _PolisiProposal
{
  GObject             parent_instance;

  char               *id;
  PolisiProposalKind  kind;
  char               *clause_id;
  PolisiLang          lang;
  char               *text;
  char               *before;
  char               *after;
  char               *author;
  char               *date;
  char               *version;
};

G_DEFINE_FINAL_TYPE (PolisiProposal, polisi_proposal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_CLAUSE_ID,
  PROP_LANG,
  PROP_TEXT,
  PROP_AUTHOR,
  PROP_DATE,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Each property is the field of the same name. */
static const PolisiField fields[N_PROPS] = {
  [PROP_ID] = POLISI_FIELD_STRING (PolisiProposal, id, "id"),
  [PROP_KIND] = POLISI_FIELD_INT (PolisiProposal, kind, "kind", POLISI_PROPOSAL_INSERTION, POLISI_PROPOSAL_DELETION,
                                  POLISI_PROPOSAL_INSERTION),
  [PROP_CLAUSE_ID] = POLISI_FIELD_STRING (PolisiProposal, clause_id, "clause-id"),
  [PROP_LANG] = POLISI_FIELD_INT (PolisiProposal, lang, "lang", 0, POLISI_N_LANGS - 1, 0),
  [PROP_TEXT] = POLISI_FIELD_STRING (PolisiProposal, text, "text"),
  [PROP_AUTHOR] = POLISI_FIELD_STRING (PolisiProposal, author, "author"),
  [PROP_DATE] = POLISI_FIELD_STRING (PolisiProposal, date, "date"),
  [PROP_VERSION] = POLISI_FIELD_STRING (PolisiProposal, version, "version"),
};

/* read as ints */
G_STATIC_ASSERT (sizeof (PolisiProposalKind) == sizeof (int));
G_STATIC_ASSERT (sizeof (PolisiLang) == sizeof (int));

static void
polisi_proposal_finalize (GObject *object)
{
  PolisiProposal *self = POLISI_PROPOSAL (object);

  _polisi_fields_free (self, fields, N_PROPS);
  g_free (self->before);
  g_free (self->after);
  G_OBJECT_CLASS (polisi_proposal_parent_class)->finalize (object);
}

static void
polisi_proposal_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  _polisi_fields_get_property (object, fields, N_PROPS, prop_id, value, pspec);
}

static void
polisi_proposal_class_init (PolisiProposalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = polisi_proposal_finalize;
  object_class->get_property = polisi_proposal_get_property;

  _polisi_fields_install (object_class, fields, N_PROPS, properties);
}

static void
polisi_proposal_init (PolisiProposal *self)
{
}

/**
 * polisi_proposal_new:
 * @text: the text inserted or deleted
 * @before: (nullable): the text just before it, as the draft showed it
 * @after: (nullable): the text just after it
 */
PolisiProposal *
polisi_proposal_new (PolisiProposalKind  kind,
                     const char         *clause_id,
                     PolisiLang          lang,
                     const char         *text,
                     const char         *before,
                     const char         *after)
{
  PolisiProposal *self;

  g_return_val_if_fail (clause_id != NULL, NULL);
  g_return_val_if_fail (lang < POLISI_N_LANGS, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (POLISI_TYPE_PROPOSAL, NULL);
  self->kind = kind;
  self->clause_id = g_strdup (clause_id);
  self->lang = lang;
  self->text = g_strdup (text);
  self->before = g_strdup (before != NULL ? before : "");
  self->after = g_strdup (after != NULL ? after : "");
  return self;
}

#define GETTER(type, name) \
  type polisi_proposal_get_##name (PolisiProposal *self) \
  { \
    g_return_val_if_fail (POLISI_IS_PROPOSAL (self), 0); \
    return self->name; \
  }

GETTER (const char *, id)
GETTER (PolisiProposalKind, kind)
GETTER (const char *, clause_id)
GETTER (PolisiLang, lang)
GETTER (const char *, text)
GETTER (const char *, before)
GETTER (const char *, after)
GETTER (const char *, author)
GETTER (const char *, date)
GETTER (const char *, version)

static void
set_string (PolisiProposal *self,
            guint           prop,
            const char     *value)
{
  _polisi_fields_set_string (G_OBJECT (self), fields, properties, prop, value);
}

void
polisi_proposal_set_id (PolisiProposal *self,
                        const char     *id)
{
  g_return_if_fail (POLISI_IS_PROPOSAL (self));
  set_string (self, PROP_ID, id);
}

void
polisi_proposal_set_author (PolisiProposal *self,
                            const char     *author)
{
  g_return_if_fail (POLISI_IS_PROPOSAL (self));
  set_string (self, PROP_AUTHOR, author);
}

void
polisi_proposal_set_date (PolisiProposal *self,
                          const char     *date)
{
  g_return_if_fail (POLISI_IS_PROPOSAL (self));
  set_string (self, PROP_DATE, date);
}

void
polisi_proposal_set_version (PolisiProposal *self,
                             const char     *version)
{
  g_return_if_fail (POLISI_IS_PROPOSAL (self));
  set_string (self, PROP_VERSION, version);
}

/* The same change, by the same person, at the same place (the id aside). */
gboolean
polisi_proposal_equal (PolisiProposal *a,
                       PolisiProposal *b)
{
  g_return_val_if_fail (POLISI_IS_PROPOSAL (a) && POLISI_IS_PROPOSAL (b), FALSE);

  return a->kind == b->kind && a->lang == b->lang &&
         g_strcmp0 (a->clause_id, b->clause_id) == 0 &&
         g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->before, b->before) == 0 &&
         g_strcmp0 (a->after, b->after) == 0 &&
         g_strcmp0 (a->author, b->author) == 0 &&
         g_strcmp0 (a->date, b->date) == 0 &&
         g_strcmp0 (a->version, b->version) == 0;
}

/* Where @needle occurs in @haystack: its offset if exactly once, else -1. */
static gssize
find_once (const char *haystack,
           const char *needle)
{
  const char *first = strstr (haystack, needle);

  if (first == NULL || needle[0] == '\0')
    return -1;
  if (strstr (first + 1, needle) != NULL)
    return -1;
  return first - haystack;
}

/* At least this many characters of the text either side must be found,
 * unless the deleted text alone is found once. */
#define MIN_CONTEXT_CHARS 3

/* Finds the change's place in @text with as much of the text either side
 * as is found there once: the draft showed placeholders filled in, and a
 * side that holds one is cut back until what is left is in @text.
 * Returns: the offset of the change, or -1 */
static gssize
find_place (PolisiProposal *self,
            const char     *text)
{
  const char *middle = self->kind == POLISI_PROPOSAL_DELETION ? self->text : "";
  glong n_before = g_utf8_strlen (self->before, -1);
  glong n_after = g_utf8_strlen (self->after, -1);

  for (glong total = n_before + n_after; total >= 0; total--)
    {
      if (total < MIN_CONTEXT_CHARS && total > 0)
        {
          /* too little to go on, but a deletion may be found by its text */
          if (self->kind != POLISI_PROPOSAL_DELETION)
            return -1;
          continue;
        }
      if (total == 0 && self->kind != POLISI_PROPOSAL_DELETION)
        return -1;

      for (glong k = MIN (total, n_before); k >= 0 && total - k <= n_after; k--)
        {
          const char *before = g_utf8_offset_to_pointer (self->before, n_before - k);
          const char *after_end = g_utf8_offset_to_pointer (self->after, total - k);
          g_autofree char *needle = g_strdup_printf ("%s%s%.*s", before, middle, (int) (after_end - self->after),
                                                     self->after);
          gssize at = find_once (text, needle);

          if (at >= 0)
            return at + strlen (before);
        }
    }
  return -1;
}

/**
 * polisi_proposal_apply:
 * @text: the clause's text in the proposal's language
 *
 * Returns: (transfer full) (nullable): @text with the change made, or
 *   %NULL when its place is not in @text exactly once
 */
char *
polisi_proposal_apply (PolisiProposal *self,
                       const char     *text)
{
  gssize at;

  g_return_val_if_fail (POLISI_IS_PROPOSAL (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (self->kind == POLISI_PROPOSAL_INSERTION && self->before[0] == '\0' && self->after[0] == '\0')
    /* nothing either side: the clause was empty */
    return text[0] == '\0' ? g_strdup (self->text) : NULL;

  at = find_place (self, text);
  if (at < 0)
    return NULL;
  if (self->kind == POLISI_PROPOSAL_INSERTION)
    return g_strdup_printf ("%.*s%s%s", (int) at, text, self->text, text + at);
  return g_strdup_printf ("%.*s%s", (int) at, text, text + at + strlen (self->text));
}
