/* polisi-compare.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two versions of a policy, compared as their readers see them: both are
 * assembled (placeholders filled, so a new head teacher's name counts as a
 * change), and their sections and clauses are matched by id. A clause is
 * changed when its text differs in either language, added when only the
 * new version includes it, removed when only the old one does. Removed
 * clauses and sections take their place after the nearest one before them
 * that both versions have.
 *
 * Two documents come out of a comparison:
 *
 *  - the summary of changes: front matter, a short explanation with a key,
 *    the counts, the new version's own summary of changes if it has one,
 *    then section by section each changed, added and removed clause,
 *    labelled, with its words inserted and deleted marked, in both
 *    languages (paragraphs are cut at the old and the new breaks, so both
 *    structures show);
 *  - the new version itself with every difference marked, for tracked
 *    changes: paragraphs are the new version's, new and removed blocks are
 *    marked as such, and new rows of the version history too. The ODT
 *    writer turns the marks into real tracked changes. The comments
 *    appendix of a consultation draft is not part of the policy's text and
 *    is not compared.
 */
#include "config.h"

#include <string.h>

#include "polisi-compare.h"
#include "polisi-dates.h"
#include "polisi-diff.h"

static void
clause_comparison_free (gpointer data)
{
  PolisiClauseComparison *comparison = data;

  g_free (comparison->clause_id);
  g_free (comparison->section_id);
  g_free (comparison->old_number);
  g_free (comparison->new_number);
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      g_free (comparison->old_text[lang]);
      g_free (comparison->new_text[lang]);
      g_clear_pointer (&comparison->diff[lang], g_ptr_array_unref);
    }
  g_free (comparison);
}

/* The blocks a comparison matches: sections and clauses, not the version
 * history or the comments appendix, which are not the policy's text. */
static gboolean
is_compared (PolisiBlock *block)
{
  if (block->id == NULL)
    return FALSE;
  if (block->kind == POLISI_BLOCK_CLAUSE)
    return TRUE;
  return block->kind == POLISI_BLOCK_HEADING &&
         strcmp (block->id, "history") != 0 && strcmp (block->id, "comments") != 0;
}

/* Two versions' blocks side by side: one of them may be NULL. */
typedef struct {
  PolisiBlock *old_block;
  PolisiBlock *new_block;
} Pair;

/* The compared blocks of both documents in one sequence: the new
 * document's order, with each block only the old one has after the
 * nearest block before it that both have. */
static GArray *
match_blocks (PolisiDocument *old_document,
              PolisiDocument *new_document)
{
  GArray *pairs = g_array_new (FALSE, TRUE, sizeof (Pair));
  guint insert_at = 0;

  for (guint i = 0; i < polisi_document_get_n_blocks (new_document); i++)
    {
      PolisiBlock *block = polisi_document_get_block (new_document, i);
      Pair pair = { NULL, block };
      int found;

      if (!is_compared (block))
        continue;
      found = polisi_document_find_block (old_document, block->kind, block->id);
      if (found >= 0)
        pair.old_block = polisi_document_get_block (old_document, found);
      g_array_append_val (pairs, pair);
    }

  for (guint i = 0; i < polisi_document_get_n_blocks (old_document); i++)
    {
      PolisiBlock *block = polisi_document_get_block (old_document, i);
      gboolean matched = FALSE;

      if (!is_compared (block))
        continue;

      for (guint k = 0; k < pairs->len; k++)
        {
          Pair *pair = &g_array_index (pairs, Pair, k);

          if (pair->new_block != NULL && pair->old_block == block)
            {
              /* the removed blocks that follow go after this one */
              insert_at = k + 1;
              matched = TRUE;
              break;
            }
        }
      if (!matched)
        {
          Pair pair = { block, NULL };

          g_array_insert_val (pairs, insert_at, pair);
          insert_at++;
        }
    }

  return pairs;
}

static PolisiClauseComparison *
compare_pair (const Pair *pair,
              const char *section_id)
{
  PolisiClauseComparison *comparison = g_new0 (PolisiClauseComparison, 1);
  gboolean same = TRUE;

  comparison->clause_id = g_strdup (pair->new_block != NULL ? pair->new_block->id : pair->old_block->id);
  comparison->section_id = g_strdup (section_id);
  comparison->old_number = pair->old_block != NULL ? g_strdup (pair->old_block->number) : NULL;
  comparison->new_number = pair->new_block != NULL ? g_strdup (pair->new_block->number) : NULL;
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      comparison->old_text[lang] = pair->old_block != NULL ? polisi_block_get_markup (pair->old_block, lang) : g_strdup ("");
      comparison->new_text[lang] = pair->new_block != NULL ? polisi_block_get_markup (pair->new_block, lang) : g_strdup ("");
      comparison->diff[lang] = polisi_diff_texts (comparison->old_text[lang], comparison->new_text[lang]);
      if (!polisi_diff_is_equal (comparison->diff[lang]))
        same = FALSE;
    }

  if (pair->old_block == NULL)
    comparison->kind = POLISI_CLAUSE_ADDED;
  else if (pair->new_block == NULL)
    comparison->kind = POLISI_CLAUSE_REMOVED;
  else if (!same)
    comparison->kind = POLISI_CLAUSE_CHANGED;
  else
    g_clear_pointer (&comparison, clause_comparison_free);

  return comparison;
}

/* The comparisons of the changed, added and removed clauses of @pairs. */
static GPtrArray *
compare_pairs (GArray *pairs)
{
  GPtrArray *comparisons = g_ptr_array_new_with_free_func (clause_comparison_free);
  const char *section_id = NULL;

  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *pair = &g_array_index (pairs, Pair, i);
      PolisiBlock *block = pair->new_block != NULL ? pair->new_block : pair->old_block;
      PolisiClauseComparison *comparison;

      if (block->kind == POLISI_BLOCK_HEADING)
        {
          section_id = block->id;
          continue;
        }
      comparison = compare_pair (pair, section_id);
      if (comparison != NULL)
        g_ptr_array_add (comparisons, comparison);
    }
  return comparisons;
}

/**
 * polisi_compare_clauses:
 * @library: the library, for the order of sections and the placeholders'
 *   labels
 *
 * Returns: (transfer container) (element-type PolisiClauseComparison):
 *   every clause that differs, in the new version's order, removed ones
 *   where they were
 */
GPtrArray *
polisi_compare_clauses (PolisiPolicy  *old_policy,
                        PolisiPolicy  *new_policy,
                        PolisiLibrary *library)
{
  g_autoptr(PolisiDocument) old_document = NULL;
  g_autoptr(PolisiDocument) new_document = NULL;
  g_autoptr(GArray) pairs = NULL;

  g_return_val_if_fail (POLISI_IS_POLICY (old_policy), NULL);
  g_return_val_if_fail (POLISI_IS_POLICY (new_policy), NULL);
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), NULL);

  old_document = polisi_assemble (old_policy, library, POLISI_ASSEMBLE_FINAL | POLISI_ASSEMBLE_NO_HISTORY);
  new_document = polisi_assemble (new_policy, library, POLISI_ASSEMBLE_FINAL | POLISI_ASSEMBLE_NO_HISTORY);
  pairs = match_blocks (old_document, new_document);
  return compare_pairs (pairs);
}

/* Paragraphs of @block wholly marked as @kind; for an insertion, each
 * paragraph break after them too. */
static GPtrArray *
marked_copy (PolisiBlock    *block,
             PolisiLang      lang,
             PolisiMarkKind  kind)
{
  GPtrArray *paras = g_ptr_array_new_with_free_func ((GDestroyNotify) polisi_text_block_free);

  for (guint i = 0; i < block->paras[lang]->len; i++)
    {
      PolisiTextBlock *para = block->paras[lang]->pdata[i];
      PolisiTextBlock *copy = polisi_text_block_new (para->item, para->text);

      polisi_text_block_add_mark (copy, 0, strlen (copy->text), kind);
      copy->break_inserted = kind == POLISI_MARK_INSERTED;
      g_ptr_array_add (paras, copy);
    }
  return paras;
}

static void
copy_front_matter (PolisiDocument *to,
                   PolisiDocument *from)
{
  static const char *fields[] = { "organisation", "subject", "keywords", "status", "date", "closing", "watermark" };

  polisi_document_set_version (to, polisi_document_get_version (from));
  polisi_document_set_status (to, polisi_document_get_status (from));
  polisi_document_set_nation (to, polisi_document_get_nation (from));
  polisi_document_set_dates (to, polisi_document_get_created_iso (from), polisi_document_get_date_iso (from));

  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      const char *values[] = {
        polisi_document_get_organisation (from, lang),
        polisi_document_get_subject (from, lang),
        polisi_document_get_keywords (from, lang),
        polisi_document_get_status_text (from, lang),
        polisi_document_get_date_text (from, lang),
        polisi_document_get_closing_text (from, lang),
        polisi_document_get_watermark (from, lang),
      };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        if (values[f] != NULL)
          polisi_document_set_text (to, fields[f], lang, values[f]);
    }
}

static PolisiBlock *
add_paragraph (PolisiDocument *document,
               const char     *id,
               const char     *cy,
               const char     *en)
{
  PolisiBlock *block = polisi_document_add_block (document, POLISI_BLOCK_PARAGRAPH, id, NULL);

  polisi_block_set_text (block, POLISI_LANG_CY, cy);
  polisi_block_set_text (block, POLISI_LANG_EN, en);
  return block;
}

/* "Allwedd: testun newydd · testun a dynnwyd", the words styled as they
 * say. */
static void
add_key (PolisiDocument *document)
{
  static const char *words[POLISI_N_LANGS][3] = {
    { "Allwedd: ", "testun newydd", "testun a dynnwyd" },
    { "Key: ", "new text", "removed text" },
  };
  PolisiBlock *block = polisi_document_add_block (document, POLISI_BLOCK_PARAGRAPH, "key", NULL);

  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      GPtrArray *paras = g_ptr_array_new_with_free_func ((GDestroyNotify) polisi_text_block_free);
      g_autofree char *text = g_strdup_printf ("%s%s · %s", words[lang][0], words[lang][1], words[lang][2]);
      PolisiTextBlock *para = polisi_text_block_new (FALSE, text);
      guint start = strlen (words[lang][0]);

      polisi_text_block_add_mark (para, start, start + strlen (words[lang][1]), POLISI_MARK_INSERTED);
      start += strlen (words[lang][1]) + strlen (" · ");
      polisi_text_block_add_mark (para, start, start + strlen (words[lang][2]), POLISI_MARK_DELETED);
      g_ptr_array_add (paras, para);
      polisi_block_take_paras (block, lang, paras);
    }
}

/* The clause's title as the new version names it (a removed clause: as
 * the old one did): the school's own title or new name, else the
 * library's. */
static const char *
clause_title (PolisiPolicy  *old_policy,
              PolisiPolicy  *new_policy,
              PolisiLibrary *library,
              const char    *clause_id,
              PolisiLang     lang)
{
  const char *title = polisi_policy_lookup_clause (new_policy, clause_id) != NULL ?
                      polisi_policy_get_clause_title (new_policy, library, clause_id, lang) : NULL;

  return title != NULL ? title : polisi_policy_get_clause_title (old_policy, library, clause_id, lang);
}

/* "Newidiwyd: Ceisiadau ffrind (cymal 3.3 yn fersiwn 1.0)" */
static char *
change_label (PolisiClauseComparison *comparison,
              PolisiPolicy           *old_policy,
              PolisiPolicy           *new_policy,
              PolisiLibrary          *library,
              const char             *old_version,
              PolisiLang              lang)
{
  static const char *words[3][POLISI_N_LANGS] = {
    [POLISI_CLAUSE_CHANGED] = { "Newidiwyd", "Changed" },
    [POLISI_CLAUSE_ADDED] = { "Ychwanegwyd", "Added" },
    [POLISI_CLAUSE_REMOVED] = { "Tynnwyd", "Removed" },
  };
  const char *title = clause_title (old_policy, new_policy, library, comparison->clause_id, lang);
  GString *label = g_string_new (words[comparison->kind][lang]);

  if (title != NULL)
    g_string_append_printf (label, ": %s", title);
  if (comparison->old_number != NULL &&
      (comparison->kind == POLISI_CLAUSE_REMOVED || g_strcmp0 (comparison->old_number, comparison->new_number) != 0))
    {
      if (lang == POLISI_LANG_CY)
        g_string_append_printf (label, " (cymal %s yn fersiwn %s)", comparison->old_number, old_version);
      else
        g_string_append_printf (label, " (clause %s in version %s)", comparison->old_number, old_version);
    }

  return g_string_free (label, FALSE);
}

static void
copy_heading (PolisiDocument *document,
              PolisiBlock    *heading)
{
  PolisiBlock *copy = polisi_document_add_block (document, POLISI_BLOCK_HEADING, heading->id, heading->number);

  copy->appendix = heading->appendix;
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    polisi_block_set_text (copy, lang, polisi_block_get_heading_text (heading, lang));
}

/**
 * polisi_compare_summary:
 * @flags: %POLISI_ASSEMBLE_FINAL for no watermark
 *
 * The summary of changes from @old_policy to @new_policy (see the top of
 * this file).
 *
 * Returns: (transfer full): the document
 */
PolisiDocument *
polisi_compare_summary (PolisiPolicy        *old_policy,
                        PolisiPolicy        *new_policy,
                        PolisiLibrary       *library,
                        PolisiAssembleFlags  flags)
{
  static const char *title_word[POLISI_N_LANGS] = { "Crynodeb o’r newidiadau", "Summary of changes" };
  g_autoptr(PolisiDocument) old_document = NULL;
  g_autoptr(PolisiDocument) new_document = NULL;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GPtrArray) comparisons = NULL;
  PolisiDocument *document;
  const char *old_version = polisi_policy_get_version (old_policy);
  const char *new_version = polisi_policy_get_version (new_policy);
  guint counts[3] = { 0, 0, 0 };
  PolisiBlock *heading = NULL;
  PolisiBlock *placed_heading = NULL;
  guint next = 0;

  g_return_val_if_fail (POLISI_IS_POLICY (old_policy), NULL);
  g_return_val_if_fail (POLISI_IS_POLICY (new_policy), NULL);
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), NULL);

  old_document = polisi_assemble (old_policy, library, POLISI_ASSEMBLE_FINAL | POLISI_ASSEMBLE_NO_HISTORY);
  new_document = polisi_assemble (new_policy, library, (flags & POLISI_ASSEMBLE_FINAL) | POLISI_ASSEMBLE_NO_HISTORY);
  pairs = match_blocks (old_document, new_document);
  comparisons = compare_pairs (pairs);

  document = polisi_document_new ();
  copy_front_matter (document, new_document);
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      g_autofree char *title = g_strdup_printf ("%s: %s", title_word[lang], polisi_document_get_title (new_document, lang));
      const char *organisation = polisi_document_get_organisation (new_document, lang);
      g_autofree char *subject = organisation != NULL && organisation[0] != '\0' ?
                                 g_strdup_printf ("%s: %s", organisation, title) : g_strdup (title);

      polisi_document_set_text (document, "title", lang, title);
      polisi_document_set_text (document, "subject", lang, subject);
    }

  for (guint i = 0; i < comparisons->len; i++)
    counts[((PolisiClauseComparison *) comparisons->pdata[i])->kind]++;

  {
    g_autofree char *cy = NULL;
    g_autofree char *en = NULL;

    if (g_strcmp0 (old_version, new_version) == 0)
      {
        cy = g_strdup_printf ("Mae’r ddogfen hon yn dangos y newidiadau rhwng dau gopi o fersiwn %s o’r polisi, cymal wrth gymal.",
                              new_version);
        en = g_strdup_printf ("This document shows the changes between two copies of version %s of the policy, clause by clause.",
                              new_version);
      }
    else
      {
        cy = g_strdup_printf ("Mae’r ddogfen hon yn dangos y newidiadau rhwng fersiwn %s a fersiwn %s o’r polisi, cymal wrth gymal.",
                              old_version, new_version);
        en = g_strdup_printf ("This document shows the changes between version %s and version %s of the policy, clause by clause.",
                              old_version, new_version);
      }
    add_paragraph (document, "introduction", cy, en);
  }
  add_paragraph (document, "explanation",
                 "Mae testun newydd wedi’i danlinellu, ac mae testun a dynnwyd wedi’i groesi allan.",
                 "New text is underlined, and removed text is struck through.");
  add_key (document);

  {
    g_autofree char *cy = g_strdup_printf ("Cymalau a newidiwyd: %u · Cymalau a ychwanegwyd: %u · Cymalau a dynnwyd: %u",
                                           counts[POLISI_CLAUSE_CHANGED], counts[POLISI_CLAUSE_ADDED], counts[POLISI_CLAUSE_REMOVED]);
    g_autofree char *en = g_strdup_printf ("Changed clauses: %u · Added clauses: %u · Removed clauses: %u",
                                           counts[POLISI_CLAUSE_CHANGED], counts[POLISI_CLAUSE_ADDED], counts[POLISI_CLAUSE_REMOVED]);
    add_paragraph (document, "counts", cy, en);
  }

  /* The new version's own summary of changes, when it has been adopted. */
  for (guint i = 0; i < polisi_policy_get_n_versions (new_policy); i++)
    {
      const PolisiVersionRecord *record = polisi_policy_get_version_record (new_policy, i);
      g_autofree char *cy = NULL;
      g_autofree char *en = NULL;

      if (g_strcmp0 (record->version, new_version) != 0 || g_strcmp0 (record->version, old_version) == 0)
        continue;
      cy = g_strdup_printf ("Crynodeb o’r newidiadau yn fersiwn %s:\n%s", record->version,
                            record->summary[POLISI_LANG_CY] != NULL && record->summary[POLISI_LANG_CY][0] != '\0' ?
                            record->summary[POLISI_LANG_CY] : record->summary[POLISI_LANG_EN]);
      en = g_strdup_printf ("Summary of changes in version %s:\n%s", record->version,
                            record->summary[POLISI_LANG_EN] != NULL ? record->summary[POLISI_LANG_EN] : "");
      add_paragraph (document, "version-summary", cy, en);
    }

  if (comparisons->len == 0)
    add_paragraph (document, "no-changes", "Nid oes unrhyw gymal wedi newid.", "No clause has changed.");

  /* Section by section, the clauses that differ. */
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *pair = &g_array_index (pairs, Pair, i);
      PolisiBlock *block = pair->new_block != NULL ? pair->new_block : pair->old_block;
      PolisiClauseComparison *comparison;
      PolisiBlock *clause;

      if (block->kind == POLISI_BLOCK_HEADING)
        {
          heading = block;
          continue;
        }
      if (next >= comparisons->len)
        break;
      comparison = comparisons->pdata[next];
      if (g_strcmp0 (comparison->clause_id, block->id) != 0)
        continue;
      next++;

      if (heading != NULL && heading != placed_heading)
        {
          copy_heading (document, heading);
          placed_heading = heading;
        }

      {
        g_autofree char *cy = change_label (comparison, old_policy, new_policy, library, old_version, POLISI_LANG_CY);
        g_autofree char *en = change_label (comparison, old_policy, new_policy, library, old_version, POLISI_LANG_EN);
        g_autofree char *id = g_strdup_printf ("change:%s", comparison->clause_id);

        add_paragraph (document, id, cy, en);
      }

      clause = polisi_document_add_block (document, POLISI_BLOCK_CLAUSE, comparison->clause_id,
                                          comparison->new_number != NULL ? comparison->new_number : comparison->old_number);
      clause->appendix = block->appendix;
      clause->change = comparison->kind == POLISI_CLAUSE_ADDED ? POLISI_CHANGE_INSERTED :
                       comparison->kind == POLISI_CLAUSE_REMOVED ? POLISI_CHANGE_DELETED : POLISI_CHANGE_NONE;
      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        polisi_block_take_paras (clause, lang, polisi_diff_to_blocks (comparison->diff[lang], POLISI_DIFF_SPLIT_ALL));
    }

  return document;
}

/**
 * polisi_compare_tracked:
 * @flags: as for polisi_assemble()
 *
 * The document of @new_policy, with every difference from @old_policy
 * marked, for an ODT with tracked changes (see the top of this file).
 *
 * Returns: (transfer full): the document
 */
PolisiDocument *
polisi_compare_tracked (PolisiPolicy        *old_policy,
                        PolisiPolicy        *new_policy,
                        PolisiLibrary       *library,
                        PolisiAssembleFlags  flags)
{
  g_autoptr(PolisiDocument) old_document = NULL;
  g_autoptr(GArray) pairs = NULL;
  PolisiDocument *document;
  PolisiBlock *new_history, *old_history;
  int position = -1;

  g_return_val_if_fail (POLISI_IS_POLICY (old_policy), NULL);
  g_return_val_if_fail (POLISI_IS_POLICY (new_policy), NULL);
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), NULL);

  old_document = polisi_assemble (old_policy, library, POLISI_ASSEMBLE_FINAL);
  document = polisi_assemble (new_policy, library, flags);
  pairs = match_blocks (old_document, document);

  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *pair = &g_array_index (pairs, Pair, i);

      if (pair->new_block != NULL)
        {
          position = polisi_document_find_block (document, pair->new_block->kind, pair->new_block->id);
          g_assert (position >= 0);

          /* renumbered: the old number is a deletion, the new an insertion */
          if (pair->old_block != NULL && pair->new_block->number != NULL &&
              g_strcmp0 (pair->old_block->number, pair->new_block->number) != 0)
            {
              g_free (pair->new_block->old_number);
              pair->new_block->old_number = g_strdup (pair->old_block->number);
            }

          for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
            {
              if (pair->old_block == NULL)
                {
                  pair->new_block->change = POLISI_CHANGE_INSERTED;
                  polisi_block_take_paras (pair->new_block, lang,
                                           marked_copy (pair->new_block, lang, POLISI_MARK_INSERTED));
                }
              else
                {
                  g_autofree char *before = NULL;
                  g_autofree char *after = NULL;
                  g_autoptr(GPtrArray) diff = NULL;

                  if (pair->new_block->kind == POLISI_BLOCK_HEADING)
                    {
                      before = g_strdup (polisi_block_get_heading_text (pair->old_block, lang));
                      after = g_strdup (polisi_block_get_heading_text (pair->new_block, lang));
                    }
                  else
                    {
                      before = polisi_block_get_markup (pair->old_block, lang);
                      after = polisi_block_get_markup (pair->new_block, lang);
                    }
                  diff = polisi_diff_texts (before, after);
                  if (!polisi_diff_is_equal (diff))
                    polisi_block_take_paras (pair->new_block, lang, polisi_diff_to_blocks (diff, POLISI_DIFF_SPLIT_NEW));
                }
            }
        }
      else
        {
          /* a removed block, after the last one placed */
          PolisiBlock *old_block = pair->old_block;
          PolisiBlock *copy;
          guint index;

          if (position < 0)
            {
              /* before the first section */
              index = 0;
              while (index < polisi_document_get_n_blocks (document) &&
                     !is_compared (polisi_document_get_block (document, index)))
                index++;
            }
          else
            index = position + 1;

          copy = polisi_document_insert_block (document, index, old_block->kind, old_block->id, old_block->number);
          copy->appendix = old_block->appendix;
          copy->change = POLISI_CHANGE_DELETED;
          for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
            polisi_block_take_paras (copy, lang, marked_copy (old_block, lang, POLISI_MARK_DELETED));
          position = index;
        }
    }

  /* New rows of the version history. */
  {
    int new_index = polisi_document_find_block (document, POLISI_BLOCK_TABLE, "history-table");
    int old_index = polisi_document_find_block (old_document, POLISI_BLOCK_TABLE, "history-table");

    new_history = new_index >= 0 ? polisi_document_get_block (document, new_index) : NULL;
    old_history = old_index >= 0 ? polisi_document_get_block (old_document, old_index) : NULL;
  }
  if (new_history != NULL)
    for (guint row = 1; row < polisi_block_get_n_rows (new_history); row++)
      {
        const char *version = polisi_block_get_cell (new_history, POLISI_LANG_EN, row, 0);
        gboolean found = FALSE;

        for (guint old_row = 1; old_history != NULL && old_row < polisi_block_get_n_rows (old_history) && !found; old_row++)
          found = g_strcmp0 (polisi_block_get_cell (old_history, POLISI_LANG_EN, old_row, 0), version) == 0;
        if (!found)
          polisi_block_set_row_change (new_history, row, POLISI_CHANGE_INSERTED);
      }

  return document;
}
