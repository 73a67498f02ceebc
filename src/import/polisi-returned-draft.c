/* polisi-returned-draft.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A consultation draft that comes back, as ODT or as DOCX, and the rules
 * both readers share:
 *
 *  - the file: a regular file only (never a device or a pipe), read no
 *    further than the largest draft Polisi takes, whatever its size said;
 *  - what it is: a zip package (ODT or DOCX; see polisi-returned-package.c
 *    for its checks), or else a PDF, a Polisi policy, a password-protected
 *    or old binary Word file, each with its own message;
 *  - where each comment belongs: the anchor around each clause (both the
 *    short names of polisi_anchor_name() and the long ones of
 *    older drafts), or the clause number;
 *  - what is kept of it: a comment's text and its author's name cleaned and
 *    cut to a length, so that what is saved can always be read back;
 *  - whose it is: a draft carrying another policy's identity is refused,
 *    naming both organisations; a draft of another version of this policy
 *    is taken only when asked for, its comments marked with its version; a
 *    draft with nothing returned says so;
 *  - tracked changes: each kept as a proposal on its clause, with the text
 *    either side that finds its place, or, when it cannot be placed, said
 *    so in the import's report;
 *  - storing: each comment and proposal not stored already, on the
 *    policy; the policy is changed only when the whole file was read and
 *    accepted.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-assembler.h"
#include "polisi-anchor.h"
#include "polisi-dates.h"
#include "polisi-error.h"
#include "polisi-returned-private.h"
#include "polisi-text.h"
#include "polisi-version-number.h"
#include "polisi-xml-private.h"

#define RETURNED_MAX_SIZE POLISI_RETURNED_MAX_FILE_SIZE
#define PLACE_CHARS 60
#define DATE_MAX_BYTES 64

G_DEFINE_QUARK (polisi-import-error-quark, polisi_import_error)

void
polisi_returned_comment_free (PolisiReturnedComment *comment)
{
  if (comment == NULL)
    return;
  g_free (comment->clause_id);
  g_free (comment->author);
  g_free (comment->date);
  g_free (comment->body);
  g_free (comment->place);
  g_free (comment);
}

static PolisiReturnedComment *
comment_copy (const PolisiReturnedComment *comment)
{
  PolisiReturnedComment *copy = g_new0 (PolisiReturnedComment, 1);

  copy->source = comment->source;
  copy->clause_id = g_strdup (comment->clause_id);
  copy->lang = comment->lang;
  copy->author = g_strdup (comment->author);
  copy->date = g_strdup (comment->date);
  copy->body = g_strdup (comment->body);
  copy->place = g_strdup (comment->place);
  return copy;
}

PolisiReturnedDraft *
polisi_returned_draft_new (PolisiReturnedFormat format)
{
  PolisiReturnedDraft *draft = g_new0 (PolisiReturnedDraft, 1);

  draft->format = format;
  draft->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) polisi_returned_comment_free);
  draft->proposals = g_ptr_array_new_with_free_func (g_object_unref);
  draft->unplaced = g_ptr_array_new_with_free_func (g_free);
  return draft;
}

void
polisi_returned_draft_free (PolisiReturnedDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->policy_uid);
  g_free (draft->version);
  g_free (draft->organisation);
  g_clear_pointer (&draft->comments, g_ptr_array_unref);
  g_clear_pointer (&draft->proposals, g_ptr_array_unref);
  g_clear_pointer (&draft->unplaced, g_ptr_array_unref);
  g_free (draft);
}

/* A clause number and a tab at the start of a paragraph ("3.2\t",
 * "A.1\t"): the export's, not the clause's text. */
static const char *
skip_number (const char *text)
{
  const char *p = text;

  while (g_ascii_isalnum (*p) || *p == '.')
    p++;
  if (p > text && *p == '\t' && g_ascii_isdigit (p[-1]))
    return p + 1;
  return text;
}

/* The last (or first) @max characters of @text. */
static char *
context_end (const char *text,
             gboolean    last)
{
  glong length = g_utf8_strlen (text, -1);

  if (length <= POLISI_PROPOSAL_CONTEXT_CHARS)
    return g_strdup (text);
  if (last)
    return g_strdup (g_utf8_offset_to_pointer (text, length - POLISI_PROPOSAL_CONTEXT_CHARS));
  return g_strndup (text, g_utf8_offset_to_pointer (text, POLISI_PROPOSAL_CONTEXT_CHARS) - text);
}

/**
 * polisi_returned_add_change:
 * @lang: the language of the clause's text, or -1 when not known
 * @before: (nullable): the paragraph's text before the change, as it was
 * @after: (nullable): the paragraph's text after it
 * @why_not: (nullable): why the change cannot be placed, when the reader
 *   knows already
 *
 * Keeps a tracked change as a proposal on its clause, or, when it cannot
 * be placed, says why in @draft's unplaced list.
 */
void
polisi_returned_add_change (PolisiReturnedDraft *draft,
                            PolisiProposalKind   kind,
                            const char          *clause_id,
                            int                  lang,
                            const char          *text,
                            const char          *before,
                            const char          *after,
                            const char          *author,
                            const char          *date,
                            const char          *why_not)
{
  g_autofree char *clean_text = polisi_returned_clean_place (text != NULL ? text : "");
  g_autofree char *who = polisi_returned_clean_author (author);
  g_autofree char *what = NULL;
  g_autofree char *raw = NULL;

  if (kind == POLISI_PROPOSAL_INSERTION)
    draft->n_insertions++;
  else
    draft->n_deletions++;

  if (who == NULL)
    who = g_strdup (_("someone unnamed"));
  what = kind == POLISI_PROPOSAL_INSERTION ?
         /* Translators: a tracked change, in a list of those that could not be placed */
         g_strdup_printf (_("An insertion by %s (“%s”)"), who, clean_text) :
         g_strdup_printf (_("A deletion by %s (“%s”)"), who, clean_text);

  if (why_not == NULL && clause_id == NULL)
    why_not = _("it is not in the text of a clause");
  else if (why_not == NULL && lang < 0)
    why_not = _("the language of the text it is in is not known");
  else if (why_not == NULL && (text == NULL || text[0] == '\0'))
    why_not = _("it has no text");
  else if (why_not == NULL && strlen (text) > POLISI_RETURNED_MAX_BODY_CHARS)
    why_not = _("it is too long to be a change to one clause");
  if (why_not != NULL)
    {
      if (draft->unplaced->len < POLISI_RETURNED_MAX_COMMENTS)
        /* Translators: "An insertion by Tom Price (“new words”) was not taken in: it is not in the text of a clause." */
        g_ptr_array_add (draft->unplaced, g_strdup_printf (_("%s was not taken in: %s."), what, why_not));
      return;
    }
  if (draft->proposals->len >= POLISI_RETURNED_MAX_COMMENTS)
    return;

  raw = g_utf8_make_valid (text, -1);
  {
    g_autofree char *valid_before = g_utf8_make_valid (before != NULL ? before : "", -1);
    g_autofree char *valid_after = g_utf8_make_valid (after != NULL ? after : "", -1);
    const char *start = skip_number (valid_before);
    /* a change at the very start of the clause: the number is before it,
     * or, after a deletion of what followed, after it */
    g_autofree char *clean_before = polisi_text_sanitize (start);
    g_autofree char *clean_after = polisi_text_sanitize (valid_before[0] == '\0' ? skip_number (valid_after) : valid_after);
    g_autofree char *clean_change = polisi_text_sanitize (raw);
    g_autofree char *short_before = context_end (clean_before, TRUE);
    g_autofree char *short_after = context_end (clean_after, FALSE);
    PolisiProposal *proposal = polisi_proposal_new (kind, clause_id, lang, clean_change, short_before, short_after);

    polisi_proposal_set_author (proposal, who);
    if (date != NULL && strlen (date) <= DATE_MAX_BYTES)
      {
        g_autofree char *normal = polisi_date_normalize_timestamp (date);
        polisi_proposal_set_date (proposal, normal);
      }
    g_ptr_array_add (draft->proposals, proposal);
  }
}

/* ------------------------------------------------------------------ */
/* Clauses                                                              */
/* ------------------------------------------------------------------ */

struct _PolisiClauseIndex {
  GPtrArray  *ids;      /* the policy's clause ids, owned */
  GPtrArray  *folded;   /* ... folded */
  GHashTable *anchors;  /* lower-case anchor name -> index in ids * 2 + lang */
  GHashTable *numbers;  /* "3.2" -> clause id, borrowed from ids */
};

/* Lower case, every character but a letter or a digit as "_": the form a
 * bookmark name may come back in. */
static char *
fold_name (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    g_string_append_c (out, g_ascii_isalnum (*p) ? g_ascii_tolower (*p) : '_');
  return g_string_free (out, FALSE);
}

PolisiClauseIndex *
polisi_clause_index_new (PolisiPolicy   *policy,
                         PolisiDocument *document)
{
  PolisiClauseIndex *index = g_new0 (PolisiClauseIndex, 1);

  index->ids = g_ptr_array_new_with_free_func (g_free);
  index->folded = g_ptr_array_new_with_free_func (g_free);
  index->anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->numbers = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    {
      const char *id = polisi_clause_state_get_id (polisi_policy_get_clause (policy, i));

      g_ptr_array_add (index->ids, g_strdup (id));
      g_ptr_array_add (index->folded, fold_name (id));
      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        {
          g_autofree char *anchor = polisi_anchor_name (id, lang);

          g_hash_table_insert (index->anchors, g_ascii_strdown (anchor, -1), GUINT_TO_POINTER (i * 2 + lang));
        }
    }
  if (document != NULL)
    for (guint i = 0; i < polisi_document_get_n_blocks (document); i++)
      {
        PolisiBlock *block = polisi_document_get_block (document, i);
        guint at;

        if (block->kind == POLISI_BLOCK_CLAUSE && block->number != NULL && block->id != NULL &&
            g_ptr_array_find_with_equal_func (index->ids, block->id, g_str_equal, &at))
          g_hash_table_insert (index->numbers, block->number, index->ids->pdata[at]);
      }
  return index;
}

void
polisi_clause_index_free (PolisiClauseIndex *index)
{
  if (index == NULL)
    return;
  g_ptr_array_unref (index->ids);
  g_ptr_array_unref (index->folded);
  g_hash_table_unref (index->anchors);
  g_hash_table_unref (index->numbers);
  g_free (index);
}

/**
 * polisi_clause_index_anchor:
 * @name: a bookmark's name
 *
 * The clause a bookmark stands for, with its language: the short anchor
 * name ("Polisi_cy_" and 16 hex digits), or the long name of older drafts
 * ("polisi-clause-cy-" and the clause's id), which a program may have
 * rewritten to letters, digits and "_", or shortened; the short name
 * with "_" and a number is a later row of the clause in parallel columns
 * (polisi_anchor_part_name()).
 */
gboolean
polisi_clause_index_anchor (PolisiClauseIndex  *index,
                            const char         *name,
                            const char        **clause_id,
                            int                *lang)
{
  g_autofree char *folded = NULL;
  g_autofree char *lower = NULL;
  gpointer value;
  const char *rest;
  int found = -1;
  gsize length;

  if (name == NULL || strlen (name) > 1000)
    return FALSE;

  lower = g_ascii_strdown (name, -1);
  /* the anchor of a clause's later row in parallel columns
   * (polisi_anchor_part_name()): the clause's anchor, "_" and a number */
  rest = strrchr (lower, '_');
  if (rest != NULL && rest[1] != '\0' && strspn (rest + 1, "0123456789") == strlen (rest + 1) &&
      strlen (rest + 1) <= 4 && !g_hash_table_contains (index->anchors, lower))
    {
      g_autofree char *base = g_strndup (lower, rest - lower);

      if (g_hash_table_lookup_extended (index->anchors, base, NULL, &value))
        {
          guint packed = GPOINTER_TO_UINT (value);

          *clause_id = index->ids->pdata[packed / 2];
          *lang = packed % 2;
          return TRUE;
        }
    }
  if (g_hash_table_lookup_extended (index->anchors, lower, NULL, &value))
    {
      guint packed = GPOINTER_TO_UINT (value);

      *clause_id = index->ids->pdata[packed / 2];
      *lang = packed % 2;
      return TRUE;
    }

  folded = fold_name (name);
  if (!g_str_has_prefix (folded, "polisi_clause_"))
    return FALSE;
  rest = folded + strlen ("polisi_clause_");
  if (g_str_has_prefix (rest, "cy_"))
    *lang = POLISI_LANG_CY;
  else if (g_str_has_prefix (rest, "en_"))
    *lang = POLISI_LANG_EN;
  else
    return FALSE;
  rest += 3;
  length = strlen (rest);
  if (length == 0)
    return FALSE;

  /* the whole id, or the start of exactly one */
  for (guint i = 0; i < index->folded->len; i++)
    if (strcmp (index->folded->pdata[i], rest) == 0)
      {
        *clause_id = index->ids->pdata[i];
        return TRUE;
      }
  /* the whole id and a later row's number (polisi_anchor_part_name()) */
  for (guint i = 0; i < index->folded->len; i++)
    {
      gsize id_length = strlen (index->folded->pdata[i]);

      if (length > id_length + 1 && strncmp (index->folded->pdata[i], rest, id_length) == 0 &&
          rest[id_length] == '_' && strspn (rest + id_length + 1, "0123456789") == length - id_length - 1)
        {
          *clause_id = index->ids->pdata[i];
          return TRUE;
        }
    }
  for (guint i = 0; i < index->folded->len; i++)
    if (length >= 8 && g_str_has_prefix (index->folded->pdata[i], rest))
      {
        if (found >= 0)
          return FALSE;
        found = i;
      }
  if (found < 0)
    return FALSE;
  *clause_id = index->ids->pdata[found];
  return TRUE;
}

/* The clause a numbered paragraph starts: "3.2" and a tab or a space. */
const char *
polisi_clause_index_number (PolisiClauseIndex *index,
                            const char        *text)
{
  const char *p = text;
  const char *dot = NULL;
  g_autofree char *number = NULL;

  while (*p == ' ')
    p++;
  for (const char *q = p; *q != '\0' && q - p < 32; q++)
    {
      if (*q == '.' && dot == NULL && q > p)
        dot = q;
      else if (*q == '\t' || *q == ' ')
        {
          if (dot == NULL || q == dot + 1)
            return NULL;
          number = g_strndup (p, q - p);
          break;
        }
      else if (!g_ascii_isdigit (*q) && !(dot == NULL && g_ascii_isupper (*q)))
        return NULL;
    }
  return number != NULL ? g_hash_table_lookup (index->numbers, number) : NULL;
}

/**
 * polisi_clause_index_label:
 * @text: the first cell of a row of the comments table
 * @general: (out): whether it names the policy as a whole
 *
 * Returns: (nullable): the clause @text names, by its number ("3.2",
 *   "3.2.") or its id, or %NULL
 */
const char *
polisi_clause_index_label (PolisiClauseIndex *index,
                           const char        *text,
                           gboolean          *general)
{
  g_autofree char *label = g_strstrip (g_strdup (text));
  gsize length = strlen (label);
  const char *id;
  guint at;

  *general = FALSE;
  if (length > 0 && label[length - 1] == '.')
    label[length - 1] = '\0';
  if (g_ascii_strcasecmp (label, "Cyffredinol") == 0 || g_ascii_strcasecmp (label, "General") == 0)
    {
      *general = TRUE;
      return NULL;
    }
  id = g_hash_table_lookup (index->numbers, label);
  if (id != NULL)
    return id;
  if (g_ptr_array_find_with_equal_func (index->ids, label, g_str_equal, &at))
    return index->ids->pdata[at];
  return NULL;
}

/* ------------------------------------------------------------------ */
/* What is kept of a comment                                            */
/* ------------------------------------------------------------------ */

/* At most @max_chars characters of valid UTF-8, "…" where cut; @raw is
 * looked at no further than it needs to be. */
static char *
cut_chars (const char *raw,
           gsize       max_chars)
{
  gsize max_bytes = max_chars * 4 + 4;
  gsize length = strnlen (raw, max_bytes + 1);
  g_autofree char *valid = g_utf8_make_valid (raw, MIN (length, max_bytes));

  if (g_utf8_strlen (valid, -1) > (glong) max_chars || length > max_bytes)
    {
      const char *cut = g_utf8_offset_to_pointer (valid, MIN ((glong) max_chars, g_utf8_strlen (valid, -1)));

      return g_strdup_printf ("%.*s…", (int) (cut - valid), valid);
    }
  return g_steal_pointer (&valid);
}

/* A line break inside a paragraph counts as a new paragraph of the
 * comment; each line is cleaned as clause markup. */
char *
polisi_returned_clean_body (const char *raw)
{
  g_autofree char *cut = cut_chars (raw != NULL ? raw : "", POLISI_RETURNED_MAX_BODY_CHARS + 1);
  g_autofree char *clean = polisi_text_sanitize (cut);
  g_autofree char *normal = polisi_text_normalize (clean);

  if (g_utf8_strlen (normal, -1) > POLISI_RETURNED_MAX_BODY_CHARS)
    return cut_chars (normal, POLISI_RETURNED_MAX_BODY_CHARS);
  return g_steal_pointer (&normal);
}

/* A name on one line, spaces collapsed, cut to a length; %NULL when
 * empty. */
char *
polisi_returned_clean_author (const char *raw)
{
  g_autofree char *cut = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *collapsed = NULL;

  if (raw == NULL)
    return NULL;
  cut = cut_chars (raw, POLISI_RETURNED_MAX_AUTHOR_CHARS + 1);
  clean = polisi_text_sanitize (cut);
  for (char *p = clean; *p != '\0'; p++)
    if (*p == '\n' || *p == '\t')
      *p = ' ';
  collapsed = polisi_text_collapse_spaces (clean);
  if (collapsed[0] == '\0')
    return NULL;
  if (g_utf8_strlen (collapsed, -1) > POLISI_RETURNED_MAX_AUTHOR_CHARS)
    return cut_chars (collapsed, POLISI_RETURNED_MAX_AUTHOR_CHARS);
  return g_steal_pointer (&collapsed);
}

/* The start of the text a comment sits in, for messages. */
char *
polisi_returned_clean_place (const char *raw)
{
  g_autofree char *cut = cut_chars (raw != NULL ? raw : "", PLACE_CHARS * 4);
  g_autofree char *clean = polisi_text_sanitize (cut);
  g_autofree char *collapsed = polisi_text_collapse_spaces (clean);

  return cut_chars (collapsed, PLACE_CHARS);
}

/* Takes @comment; %FALSE with @error set when the file holds more comments
 * than Polisi reads. */
gboolean
polisi_returned_add (GPtrArray              *comments,
                     PolisiReturnedComment  *comment,
                     const char             *display_name,
                     GError                **error)
{
  if (comment->date != NULL && strlen (comment->date) > DATE_MAX_BYTES)
    g_clear_pointer (&comment->date, g_free);
  if (comments->len >= POLISI_RETURNED_MAX_COMMENTS)
    {
      polisi_returned_comment_free (comment);
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE,
                   _("“%s” holds more than %u comments, more than Polisi reads from one file. "
                     "Nothing was imported. Check that this is the returned consultation draft."),
                   display_name, POLISI_RETURNED_MAX_COMMENTS);
      return FALSE;
    }
  g_ptr_array_add (comments, comment);
  return TRUE;
}

/**
 * polisi_returned_add_row:
 * @cells: the texts of a row of the comments table: the clause, who (and
 *   when, on a second line), the comment, the response
 *
 * Adds the row as a comment, unless its comment cell is empty (room left
 * for more). A row that names no clause Polisi knows is kept as a comment
 * on the whole policy, its first cell as its place.
 */
gboolean
polisi_returned_add_row (GPtrArray          *comments,
                         PolisiClauseIndex  *index,
                         const char * const *cells,
                         guint               n_cells,
                         const char         *display_name,
                         GError            **error)
{
  PolisiReturnedComment *comment;
  g_autofree char *body = NULL;
  gboolean general;

  if (n_cells < 3)
    return TRUE;
  body = polisi_returned_clean_body (cells[2]);
  if (body[0] == '\0')
    return TRUE;

  comment = g_new0 (PolisiReturnedComment, 1);
  comment->source = POLISI_RETURNED_TABLE_ROW;
  comment->clause_id = g_strdup (polisi_clause_index_label (index, cells[0], &general));
  comment->lang = -1;
  comment->body = g_steal_pointer (&body);
  comment->place = polisi_returned_clean_place (cells[0]);
  {
    /* "Name\nDate", as the table is written; only the name is kept */
    g_autofree char *who = g_strdup (cells[1]);
    char *newline = strchr (who, '\n');

    if (newline != NULL)
      *newline = '\0';
    comment->author = polisi_returned_clean_author (who);
  }
  return polisi_returned_add (comments, comment, display_name, error);
}

/* "Ysgol Berllan: Polisi … / Berllan School: Staff …" -> "Ysgol Berllan" */
char *
polisi_returned_organisation_of_subject (const char *subject)
{
  g_autofree char *first = NULL;
  const char *slash, *colon;

  if (subject == NULL)
    return NULL;
  slash = strstr (subject, " / ");
  first = slash != NULL ? g_strndup (subject, slash - subject) : g_strdup (subject);
  colon = strstr (first, ": ");
  if (colon == NULL)
    return NULL;
  first[colon - first] = '\0';
  return polisi_returned_clean_author (first);
}

/**
 * polisi_returned_take_identity:
 * @name: the name of a custom property of the draft (ODT: meta:user-defined;
 *   DOCX: docProps/custom.xml)
 * @property: its element
 *
 * Keeps the first "PolisiPolicyId" and "PolisiVersion" the writers put in
 * every export, cleaned as a line of text. A version that is not a version
 * number ("1.2") is not kept: the draft's version is then unknown, as in a
 * file without one, and it is never stored on what the draft brings back.
 */
void
polisi_returned_take_identity (PolisiReturnedDraft *draft,
                               const char          *name,
                               xmlNode             *property)
{
  gboolean version = g_strcmp0 (name, "PolisiVersion") == 0;
  char **slot = NULL;
  g_autofree char *value = NULL;
  guint major, minor;

  if (g_strcmp0 (name, "PolisiPolicyId") == 0)
    slot = &draft->policy_uid;
  else if (version)
    slot = &draft->version;
  if (slot == NULL || *slot != NULL)
    return;
  value = polisi_xml_get_text (property);
  *slot = polisi_returned_clean_author (value);
  if (version && *slot != NULL && !polisi_version_number_parse (*slot, &major, &minor))
    g_clear_pointer (slot, g_free);
}

/* ------------------------------------------------------------------ */
/* The file                                                             */
/* ------------------------------------------------------------------ */

void
polisi_returned_set_too_large (GError     **error,
                               const char  *name)
{
  g_set_error (error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE,
               _("“%s” is larger than %u MB, too large to be a returned consultation draft. Nothing was imported. "
                 "Check that you chose the draft that came back; if pictures were pasted into it, ask for it without them."),
               name, (guint) (RETURNED_MAX_SIZE / (1024 * 1024)));
}

/**
 * polisi_returned_file_load:
 *
 * Reads a returned draft: a regular file only, and no more of it than the
 * largest draft Polisi takes, whatever its size said when it was looked at.
 *
 * Returns: (transfer full): the file, or %NULL with @error set
 */
GBytes *
polisi_returned_file_load (GFile   *file,
                           GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  guint8 buffer[64 * 1024];

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO, _("“%s” does not exist. Check the name and the folder."), name);
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO, _("“%s” cannot be read: %s"), name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO, _("“%s” is a folder, not a file."), name);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                   _("“%s” is not a file saved on disk (it is a device, a pipe or a socket). Nothing was imported. "
                     "Choose the consultation draft that came back, saved as ODT or DOCX."),
                   name);
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > RETURNED_MAX_SIZE)
    {
      polisi_returned_set_too_large (error, name);
      return NULL;
    }

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO, _("“%s” cannot be read: %s"), name, local_error->message);
      return NULL;
    }
  data = g_byte_array_new ();
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, &local_error);

      if (n < 0)
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO, _("“%s” cannot be read: %s"), name, local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      if (data->len + (gsize) n > RETURNED_MAX_SIZE)
        {
          polisi_returned_set_too_large (error, name);
          return NULL;
        }
      g_byte_array_append (data, buffer, n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* An OLE compound file: an old Word document, or an encrypted DOCX or ODT
 * (Office keeps a password-protected file in one, with its
 * "EncryptionInfo" stream, named in UTF-16). */
static gboolean
is_encrypted_compound (const guint8 *data,
                       gsize         size)
{
  static const guint8 name[] = { 'E', 0, 'n', 0, 'c', 0, 'r', 0, 'y', 0, 'p', 0, 't', 0, 'i', 0, 'o', 0, 'n', 0,
                                 'I', 0, 'n', 0, 'f', 0, 'o', 0 };

  for (gsize at = 0; at + sizeof name <= size; at++)
    if (data[at] == 'E' && memcmp (data + at, name, sizeof name) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the first member of a zip is @name. */
static gboolean
get_name_is (const guint8 *data,
             gsize         size,
             const char   *name)
{
  gsize length = data[26] | (data[27] << 8);

  return length == strlen (name) && 30 + length <= size && memcmp (data + 30, name, length) == 0;
}

/**
 * polisi_returned_draft_read:
 * @file_data: the whole file
 * @display_name: its name, for messages
 * @policy: the policy the draft was exported from
 * @document: (nullable): @policy assembled, for the clause numbers
 *
 * Reads everything a reviewer returned in an ODT or a DOCX. Nothing is
 * stored.
 *
 * Returns: (transfer full): the draft, or %NULL with @error set
 */
PolisiReturnedDraft *
polisi_returned_draft_read (GBytes          *file_data,
                            const char      *display_name,
                            PolisiPolicy    *policy,
                            PolisiDocument  *document,
                            GError         **error)
{
  g_autoptr(PolisiPackage) package = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (file_data, &size);
  static const guint8 compound[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
  gboolean odt_first;

  g_return_val_if_fail (file_data != NULL, NULL);
  g_return_val_if_fail (POLISI_IS_POLICY (policy), NULL);

  if (size > RETURNED_MAX_SIZE)
    {
      polisi_returned_set_too_large (error, display_name);
      return NULL;
    }
  if (size >= sizeof compound && memcmp (data, compound, sizeof compound) == 0)
    {
      if (is_encrypted_compound (data, size))
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                     _("“%s” is protected with a password, so Polisi cannot read it. Nothing was imported. "
                       "Open it in Word, choose File › Info › Protect Document › Encrypt with Password, clear the "
                       "password and save it (in LibreOffice: File › Save As, untick “Save with password”), "
                       "then import that file."),
                     display_name);
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                     _("“%s” is an old Word document (.doc). Nothing was imported. Open it in Word or LibreOffice "
                       "and save it as “Word Document (.docx)” or “OpenDocument Text (.odt)”, then import that file."),
                     display_name);
      return NULL;
    }
  if (size < 30 || memcmp (data, "PK\003\004", 4) != 0)
    {
      if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                     _("“%s” is a PDF document. Nothing was imported: comments can be read only from an ODT or a DOCX "
                       "document. Ask for the consultation draft back as ODT or DOCX, with the comments added to it."),
                     display_name);
      else if (data != NULL && g_strstr_len ((const char *) data, MIN (size, 4096), "https://polisi.cymru/ns/policy/") != NULL)
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                     _("“%s” is a Polisi policy, not a returned consultation draft. Nothing was imported. "
                       "Choose the ODT or DOCX document that came back with the comments."),
                     display_name);
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                     _("“%s” is neither an ODT nor a DOCX document. Nothing was imported. "
                       "Choose the consultation draft that came back, saved as ODT or DOCX."),
                     display_name);
      return NULL;
    }

  /* an ODT starts with its mimetype; a DOCX (usually) with [Content_Types].xml */
  odt_first = get_name_is (data, size, "mimetype");
  package = polisi_package_open (file_data, display_name, odt_first ? "ODT" : "DOCX", error);
  if (package == NULL)
    return NULL;
  if (polisi_package_has (package, "word/document.xml"))
    return polisi_returned_docx_read (package, display_name, policy, document, error);
  if (polisi_package_has (package, "mimetype"))
    return polisi_returned_odt_read (package, display_name, policy, document, error);
  if (polisi_package_has (package, "[Content_Types].xml"))
    g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                 _("“%s” is a Microsoft Office file, but not a Word document (it may be a spreadsheet or a "
                   "presentation). Nothing was imported. Choose the consultation draft that came back."),
                 display_name);
  else if (polisi_package_has (package, "EncryptedPackage"))
    g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                 _("“%s” is protected with a password, so Polisi cannot read it. Nothing was imported. "
                   "Ask whoever returned it to save it again without a password, then import that file."),
                 display_name);
  else
    g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                 _("“%s” is a packaged file, but neither an ODT nor a DOCX document. Nothing was imported. "
                   "Choose the consultation draft that came back, saved as ODT or DOCX."),
                 display_name);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Storing                                                              */
/* ------------------------------------------------------------------ */

static gboolean
is_duplicate (PolisiPolicy          *policy,
              PolisiReturnedComment *comment,
              const char            *date)
{
  for (guint i = 0; i < polisi_policy_get_n_comments (policy); i++)
    {
      const PolisiComment *stored = polisi_policy_get_comment (policy, i);

      if (g_strcmp0 (stored->clause_id, comment->clause_id) != 0 ||
          g_strcmp0 (stored->body, comment->body) != 0)
        continue;
      /* a row of the table: the comments already there were written into
       * it by Polisi, with their authors but with dates as words */
      if (comment->source == POLISI_RETURNED_TABLE_ROW)
        {
          if (comment->author == NULL || g_strcmp0 (stored->author, comment->author) == 0)
            return TRUE;
          continue;
        }
      if (g_strcmp0 (stored->author, comment->author) == 0 && g_strcmp0 (stored->date, date) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
store (PolisiPolicy         *policy,
       GPtrArray            *comments,
       const char           *version,
       PolisiReturnedImport *result)
{
  memset (result, 0, sizeof *result);
  result->version = g_strdup (version);
  result->general = g_ptr_array_new_with_free_func ((GDestroyNotify) polisi_returned_comment_free);
  result->unplaced = g_ptr_array_new_with_free_func (g_free);
  result->n_found = comments->len;

  for (guint i = 0; i < comments->len; i++)
    {
      PolisiReturnedComment *comment = comments->pdata[i];
      g_autofree char *date = polisi_date_normalize_timestamp (comment->date);

      if (comment->body == NULL || comment->body[0] == '\0')
        {
          result->n_empty++;
          continue;
        }
      if (is_duplicate (policy, comment, date))
        {
          result->n_duplicates++;
          continue;
        }

      polisi_policy_add_comment_on_version (policy, comment->clause_id, version, comment->lang,
                                            comment->author, date, comment->body);
      result->n_added++;
      if (comment->source == POLISI_RETURNED_TABLE_ROW)
        result->n_table_rows++;
      else
        result->n_anchored++;
      if (comment->clause_id == NULL)
        {
          result->n_general++;
          g_ptr_array_add (result->general, comment_copy (comment));
        }
    }
}

/**
 * polisi_returned_comments_store:
 * @comments: (element-type PolisiReturnedComment): from
 *   polisi_returned_odt_read_content()
 * @result: (out caller-allocates): what was done; clear it with
 *   polisi_returned_import_clear()
 *
 * Stores each comment that is not stored already, on its clause, on the
 * policy's current version. Comments with no text are passed over.
 */
void
polisi_returned_comments_store (PolisiPolicy         *policy,
                                GPtrArray            *comments,
                                PolisiReturnedImport *result)
{
  g_return_if_fail (POLISI_IS_POLICY (policy));
  g_return_if_fail (comments != NULL);
  g_return_if_fail (result != NULL);

  store (policy, comments, polisi_policy_get_version (policy), result);
}

/**
 * polisi_returned_draft_store:
 * @result: (out caller-allocates): what was done; clear it with
 *   polisi_returned_import_clear()
 *
 * Stores each comment of @draft that is not stored already, on its clause,
 * on the version @draft was made from (or the policy's current version),
 * and counts its tracked changes.
 */
void
polisi_returned_draft_store (PolisiReturnedDraft  *draft,
                             PolisiPolicy         *policy,
                             PolisiReturnedImport *result)
{
  g_return_if_fail (draft != NULL);
  g_return_if_fail (POLISI_IS_POLICY (policy));
  g_return_if_fail (result != NULL);

  const char *version = draft->version != NULL ? draft->version : polisi_policy_get_version (policy);

  store (policy, draft->comments, version, result);
  for (guint i = 0; i < draft->unplaced->len; i++)
    g_ptr_array_add (result->unplaced, g_strdup (draft->unplaced->pdata[i]));

  for (guint i = 0; i < draft->proposals->len; i++)
    {
      PolisiProposal *proposal = draft->proposals->pdata[i];
      GListModel *stored = polisi_policy_get_proposals (policy);
      gboolean known = FALSE;

      polisi_proposal_set_version (proposal, version);
      for (guint k = 0; k < g_list_model_get_n_items (stored) && !known; k++)
        {
          g_autoptr(PolisiProposal) other = g_list_model_get_item (stored, k);

          known = polisi_proposal_equal (proposal, other);
        }
      if (known)
        {
          result->n_known_changes++;
          continue;
        }
      {
        g_autoptr(PolisiProposal) copy = polisi_proposal_new (polisi_proposal_get_kind (proposal),
                                                              polisi_proposal_get_clause_id (proposal),
                                                              polisi_proposal_get_lang (proposal),
                                                              polisi_proposal_get_text (proposal),
                                                              polisi_proposal_get_before (proposal),
                                                              polisi_proposal_get_after (proposal));

        polisi_proposal_set_author (copy, polisi_proposal_get_author (proposal));
        polisi_proposal_set_date (copy, polisi_proposal_get_date (proposal));
        polisi_proposal_set_version (copy, version);
        polisi_policy_add_proposal (policy, copy);
      }
      if (polisi_proposal_get_kind (proposal) == POLISI_PROPOSAL_INSERTION)
        result->n_insertions++;
      else
        result->n_deletions++;
    }
}

void
polisi_returned_import_clear (PolisiReturnedImport *result)
{
  g_return_if_fail (result != NULL);
  g_clear_pointer (&result->version, g_free);
  g_clear_pointer (&result->general, g_ptr_array_unref);
  g_clear_pointer (&result->unplaced, g_ptr_array_unref);
}

/* The organisation's name as a person would say it: Welsh and English, or
 * the one that is set. */
static char *
organisation_of_policy (PolisiPolicy *policy)
{
  const char *cy = polisi_policy_get_name (policy, POLISI_LANG_CY);
  const char *en = polisi_policy_get_name (policy, POLISI_LANG_EN);

  if (cy != NULL && cy[0] != '\0' && en != NULL && en[0] != '\0' && strcmp (cy, en) != 0)
    return g_strdup_printf ("%s / %s", cy, en);
  if (cy != NULL && cy[0] != '\0')
    return g_strdup (cy);
  if (en != NULL && en[0] != '\0')
    return g_strdup (en);
  return g_strdup (_("this policy’s organisation"));
}

/* Whether a reviewer added anything: a comment in the margin, a row of
 * the comments table that Polisi did not write there itself (the comments
 * stored already are in the table of every draft), a tracked change. */
static gboolean
has_returned_anything (PolisiReturnedDraft *draft,
                       PolisiPolicy        *policy)
{
  if (draft->n_insertions > 0 || draft->n_deletions > 0)
    return TRUE;
  for (guint i = 0; i < draft->comments->len; i++)
    {
      PolisiReturnedComment *comment = draft->comments->pdata[i];

      if (comment->source == POLISI_RETURNED_ANCHORED || !is_duplicate (policy, comment, NULL))
        return TRUE;
    }
  return FALSE;
}

/* Whether @draft may be imported into @policy. */
static gboolean
check_identity (PolisiReturnedDraft        *draft,
                PolisiPolicy               *policy,
                PolisiReturnedImportFlags   flags,
                const char                 *display_name,
                GError                    **error)
{
  const char *version = polisi_policy_get_version (policy);

  if (draft->policy_uid != NULL && polisi_policy_get_uid (policy) != NULL &&
      g_ascii_strcasecmp (draft->policy_uid, polisi_policy_get_uid (policy)) != 0)
    {
      g_autofree char *ours = organisation_of_policy (policy);

      g_set_error (error, POLISI_IMPORT_ERROR, POLISI_IMPORT_ERROR_OTHER_POLICY,
                   _("“%s” is a draft of another policy (of %s), not of this one (of %s). Nothing was imported. "
                     "Choose the draft that was exported from this policy, or open the policy it belongs to."),
                   display_name, draft->organisation != NULL ? draft->organisation : _("another organisation"), ours);
      return FALSE;
    }
  if (draft->version != NULL && version != NULL && g_strcmp0 (draft->version, version) != 0 &&
      !(flags & POLISI_RETURNED_IMPORT_EARLIER_VERSION))
    {
      g_set_error (error, POLISI_IMPORT_ERROR, POLISI_IMPORT_ERROR_EARLIER_VERSION,
                   _("“%s” is a draft of version %s of this policy, which is now at version %s. Nothing was imported. "
                     "Its comments may no longer fit the text; import them only if you still want them, and they "
                     "will be marked as made on version %s."),
                   display_name, draft->version, version, draft->version);
      return FALSE;
    }
  if (!has_returned_anything (draft, policy))
    {
      g_set_error (error, POLISI_IMPORT_ERROR, POLISI_IMPORT_ERROR_NOTHING_RETURNED,
                   _("“%s” came back with nothing added: no comments, no rows filled in the comments table and no "
                     "tracked changes. Nothing was imported. Check that this is the copy the reviewer worked on; "
                     "comments are added with Insert › Comment in LibreOffice, or Review › New Comment in Word."),
                   display_name);
      return FALSE;
    }
  return TRUE;
}

/**
 * polisi_returned_draft_import:
 * @library: the library @policy is assembled with, for clause numbers
 * @returned: the consultation draft that came back, as ODT or DOCX
 * @flags: %POLISI_RETURNED_IMPORT_EARLIER_VERSION to take a draft of
 *   another version of this policy
 * @result: (out caller-allocates): what was imported; clear it with
 *   polisi_returned_import_clear()
 *
 * Reads @returned and stores the comments not stored yet in @policy.
 * @policy is changed only when the whole file could be read and is a draft
 * of it; saving it is the caller's part.
 *
 * Returns: %FALSE with @error set, @policy unchanged, when @returned
 *   cannot be read or is refused
 */
gboolean
polisi_returned_draft_import (PolisiPolicy               *policy,
                              PolisiLibrary              *library,
                              GFile                      *returned,
                              PolisiReturnedImportFlags   flags,
                              PolisiReturnedImport       *result,
                              GError                    **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(PolisiDocument) document = NULL;
  g_autoptr(PolisiReturnedDraft) draft = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (POLISI_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (G_IS_FILE (returned), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  name = g_file_get_parse_name (returned);
  data = polisi_returned_file_load (returned, error);
  if (data == NULL)
    return FALSE;

  document = polisi_assemble (policy, library, POLISI_ASSEMBLE_FINAL | POLISI_ASSEMBLE_NO_HISTORY);
  draft = polisi_returned_draft_read (data, name, policy, document, error);
  if (draft == NULL)
    return FALSE;
  if (!check_identity (draft, policy, flags, name, error))
    return FALSE;

  polisi_returned_draft_store (draft, policy, result);
  return TRUE;
}
