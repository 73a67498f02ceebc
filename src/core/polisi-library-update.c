/* polisi-library-update.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What HR does at the annual review, before adopting the next version:
 *
 * Library updates. A policy keeps the text of every clause as adopted,
 * with the library's version of that clause. When the library is newer,
 * each clause it changed, added or withdrew is offered, with the policy's
 * text and the library's compared word by word in both languages, and the
 * library's notes on what changed in the clause and why since the
 * policy's library version:
 *
 *  - a changed clause (in the policy): accepting takes the library's new
 *    text in both languages, replacing any edits; declining keeps the text
 *    and records the library version declined, so it is not offered again
 *    until the library changes the clause once more;
 *  - a new clause: accepting adds it, included if the library recommends
 *    or requires it; declining adds it left out, so that it is not offered
 *    again and can still be included later;
 *  - a withdrawn clause (still in the policy): accepting leaves it out;
 *    declining keeps it, and records that.
 *
 * The clauses a school writes itself are never offered, never changed and
 * never withdrawn: they stay where they are, after the clause they follow
 * (a new clause goes after them; a withdrawn one, left out, leaves them in
 * its place). A model clause the school renamed keeps its new name.
 *
 * Clauses the policy leaves out are not offered: when nothing is left to
 * decide, those the author never edited take the library's new text, and
 * the policy records the library version it is now up to date with.
 *
 * Legislation. Every out-of-date name of an Act or of guidance in the
 * texts of the clauses the policy includes, the author's own edits too
 * (in Welsh in any of its mutated forms), can be listed with its current
 * name and replaced, one by one or all at once. A replacement counts as an
 * edit of that language. Whether the other language must then be checked
 * (marked as needing an update) depends on what it says: if it names the
 * same Act or guidance, by its current name or an old one, both languages
 * still say the same thing and it is not marked; if it does not name it at
 * all, the two texts now differ in substance, and it is.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-diff.h"
#include "polisi-error.h"
#include "polisi-library-update.h"
#include "polisi-text.h"

static void
library_update_free (gpointer data)
{
  PolisiLibraryUpdate *update = data;

  g_free (update->clause_id);
  g_free (update->section_id);
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      g_free (update->title[lang]);
      g_free (update->old_text[lang]);
      g_free (update->new_text[lang]);
      g_free (update->notes[lang]);
      g_clear_pointer (&update->diff[lang], g_ptr_array_unref);
    }
  g_free (update);
}

static void
citation_fix_free (gpointer data)
{
  PolisiCitationFix *fix = data;

  g_free (fix->clause_id);
  g_free (fix->found);
  g_free (fix->replacement);
  g_free (fix->context);
  g_free (fix);
}

/**
 * polisi_library_update_applies:
 *
 * Whether @library is the one @policy was built from (the same id), so
 * that its updates can be offered. A policy that does not say which
 * library it came from is taken to come from this one.
 */
gboolean
polisi_library_update_applies (PolisiPolicy  *policy,
                               PolisiLibrary *library)
{
  const char *id;

  g_return_val_if_fail (POLISI_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), FALSE);

  id = polisi_policy_get_library_id (policy);
  return id == NULL || g_strcmp0 (id, polisi_library_get_id (library)) == 0;
}

/* The wording of @clause a policy holding @state would take: the same
 * alternative if the library still has it, else the default one. */
static const PolisiAlternative *
wording_for (PolisiClause      *clause,
             PolisiClauseState *state,
             PolisiNation       nation)
{
  const PolisiAlternative *alternative = NULL;

  if (state != NULL)
    alternative = polisi_clause_lookup_alternative (clause, polisi_clause_state_get_alternative (state));
  if (alternative == NULL)
    alternative = polisi_clause_get_default_alternative (clause, nation);
  return alternative;
}

static gboolean
is_changed (PolisiClause      *clause,
            PolisiClauseState *state)
{
  guint version = polisi_clause_get_version (clause);

  return version > polisi_clause_state_get_library_version (state) &&
         version > polisi_clause_state_get_declined_version (state);
}

static gboolean
is_withdrawn (PolisiLibrary     *library,
              PolisiClauseState *state)
{
  /* a clause the school wrote itself is never the library's to withdraw */
  return !polisi_clause_state_get_own (state) &&
         polisi_library_lookup_clause (library, polisi_clause_state_get_id (state)) == NULL &&
         polisi_clause_state_get_included (state) &&
         !polisi_clause_state_get_kept_withdrawn (state);
}

static PolisiLibraryUpdate *
make_update (PolisiUpdateKind   kind,
             PolisiClause      *clause,
             PolisiClauseState *state,
             PolisiNation       nation,
             const char        *since)
{
  PolisiLibraryUpdate *update = g_new0 (PolisiLibraryUpdate, 1);
  char *typographic = NULL;
  const PolisiAlternative *alternative = clause != NULL ? wording_for (clause, state, nation) : NULL;

  update->kind = kind;
  update->clause_id = g_strdup (clause != NULL ? polisi_clause_get_id (clause) : polisi_clause_state_get_id (state));
  if (clause != NULL)
    {
      update->section_id = g_strdup (polisi_section_get_id (polisi_clause_get_section (clause)));
      update->new_version = polisi_clause_get_version (clause);
    }
  if (state != NULL)
    {
      update->old_version = polisi_clause_state_get_library_version (state);
      update->included = polisi_clause_state_get_included (state);
      update->edited = polisi_clause_state_get_edited (state, POLISI_LANG_CY) ||
                       polisi_clause_state_get_edited (state, POLISI_LANG_EN);
    }
  else
    update->included = polisi_clause_get_default (clause) != POLISI_CLAUSE_OPTIONAL;

  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      /* the school's name for the clause, if it renamed it */
      if (state != NULL && polisi_clause_state_get_title (state, lang) != NULL)
        update->title[lang] = g_strdup (polisi_clause_state_get_title (state, lang));
      else
        update->title[lang] = clause != NULL ? g_strdup (polisi_clause_get_title (clause, lang)) : NULL;
      update->old_text[lang] = g_strdup (state != NULL ? polisi_clause_state_get_text (state, lang) : "");
      update->new_text[lang] = alternative != NULL ? polisi_text_normalize (alternative->text[lang]) : g_strdup ("");
      /* when the library writes typographic apostrophes and quotation
       * marks, a policy made before it did is compared as if it did too,
       * so that only words show as changed */
      if (strpbrk (update->new_text[lang], "'\"") == NULL &&
          (strstr (update->new_text[lang], "’") != NULL || strstr (update->new_text[lang], "”") != NULL))
        typographic = polisi_text_typographic (update->old_text[lang]);
      update->diff[lang] = polisi_diff_texts (typographic != NULL ? typographic : update->old_text[lang],
                                              update->new_text[lang]);
      g_clear_pointer (&typographic, g_free);
      if (clause != NULL)
        update->notes[lang] = polisi_clause_format_changes_since (clause, since, lang);
    }

  return update;
}

/**
 * polisi_library_update_list:
 *
 * The clauses @library changed, added or withdrew since @policy was made,
 * that the author has not yet decided on (see the top of this file):
 * changed and new clauses in the library's order, then withdrawn ones in
 * the policy's. Empty when @library is another organisation's.
 *
 * Returns: (transfer container) (element-type PolisiLibraryUpdate): the
 *   updates
 */
GPtrArray *
polisi_library_update_list (PolisiPolicy  *policy,
                            PolisiLibrary *library)
{
  GPtrArray *updates = g_ptr_array_new_with_free_func (library_update_free);
  const char *since;
  PolisiNation nation;

  g_return_val_if_fail (POLISI_IS_POLICY (policy), updates);
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), updates);

  if (!polisi_library_update_applies (policy, library))
    return updates;

  nation = polisi_policy_get_nation (policy);
  since = polisi_policy_get_library_version (policy);
  for (guint s = 0; s < polisi_library_get_n_sections (library); s++)
    {
      PolisiSection *section = polisi_library_get_section (library, s);

      for (guint c = 0; c < polisi_section_get_n_clauses (section); c++)
        {
          PolisiClause *clause = polisi_section_get_clause (section, c);
          PolisiClauseState *state = polisi_policy_lookup_clause (policy, polisi_clause_get_id (clause));

          if (state == NULL)
            g_ptr_array_add (updates, make_update (POLISI_UPDATE_NEW, clause, NULL, nation, since));
          else if (polisi_clause_state_get_included (state) && is_changed (clause, state))
            g_ptr_array_add (updates, make_update (POLISI_UPDATE_CHANGED, clause, state, nation, since));
        }
    }

  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    {
      PolisiClauseState *state = polisi_policy_get_clause (policy, i);

      if (is_withdrawn (library, state))
        g_ptr_array_add (updates, make_update (POLISI_UPDATE_WITHDRAWN, NULL, state, nation, since));
    }

  return updates;
}

/* Where a new clause goes among the policy's: after the nearest clause
 * before it in the library that the policy has (and the school's own
 * clauses that follow that one), else before the nearest one after it,
 * else at the end. */
static guint
insertion_point (PolisiPolicy  *policy,
                 PolisiLibrary *library,
                 PolisiClause  *clause)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  guint position = 0;

  for (guint s = 0; s < polisi_library_get_n_sections (library); s++)
    {
      PolisiSection *section = polisi_library_get_section (library, s);

      for (guint c = 0; c < polisi_section_get_n_clauses (section); c++)
        g_ptr_array_add (order, polisi_section_get_clause (section, c));
    }
  g_ptr_array_find (order, clause, &position);

  for (guint k = position; k-- > 0;)
    {
      PolisiClauseState *before = polisi_policy_lookup_clause (policy, polisi_clause_get_id (order->pdata[k]));

      for (guint i = 0; before != NULL && i < polisi_policy_get_n_clauses (policy); i++)
        if (polisi_policy_get_clause (policy, i) == before)
          {
            /* the school's own clauses stay right after the clause they follow */
            while (i + 1 < polisi_policy_get_n_clauses (policy) &&
                   polisi_clause_state_get_own (polisi_policy_get_clause (policy, i + 1)))
              i++;
            return i + 1;
          }
    }
  for (guint k = position + 1; k < order->len; k++)
    {
      PolisiClauseState *after = polisi_policy_lookup_clause (policy, polisi_clause_get_id (order->pdata[k]));

      for (guint i = 0; after != NULL && i < polisi_policy_get_n_clauses (policy); i++)
        if (polisi_policy_get_clause (policy, i) == after)
          return i;
    }
  return polisi_policy_get_n_clauses (policy);
}

/* Whether @state, never edited and up to date with @clause, holds the
 * library's words with typewriter apostrophes or quotation marks where the
 * library now has typographic ones. */
static gboolean
same_but_typography (PolisiClause      *clause,
                     PolisiClauseState *state,
                     PolisiNation       nation)
{
  const PolisiAlternative *alternative = wording_for (clause, state, nation);
  gboolean differs = FALSE;

  if (alternative == NULL ||
      polisi_clause_state_get_edited (state, POLISI_LANG_CY) ||
      polisi_clause_state_get_edited (state, POLISI_LANG_EN) ||
      polisi_clause_get_version (clause) != polisi_clause_state_get_library_version (state) ||
      g_strcmp0 (polisi_clause_state_get_alternative (state), alternative->id) != 0)
    return FALSE;

  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      const char *text = polisi_clause_state_get_text (state, lang);
      g_autofree char *library_text = polisi_text_normalize (alternative->text[lang]);
      g_autofree char *typographic = NULL;

      if (text == NULL || g_strcmp0 (text, library_text) == 0)
        continue;
      typographic = polisi_text_typographic (text);
      if (g_strcmp0 (typographic, library_text) != 0)
        return FALSE;
      differs = TRUE;
    }
  return differs;
}

/* Once nothing is left to decide: the clauses left out and never edited
 * take the library's text, the clauses included and never edited that
 * differ from it only in apostrophes and quotation marks take its
 * typography, and the policy is up to date with the library. */
static void
finish_if_done (PolisiPolicy  *policy,
                PolisiLibrary *library)
{
  g_autoptr(GPtrArray) pending = polisi_library_update_list (policy, library);
  PolisiNation nation = polisi_policy_get_nation (policy);

  if (pending->len > 0)
    return;

  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    {
      PolisiClauseState *state = polisi_policy_get_clause (policy, i);
      PolisiClause *clause = polisi_library_lookup_clause (library, polisi_clause_state_get_id (state));

      if (clause != NULL && polisi_clause_state_get_included (state) && same_but_typography (clause, state, nation))
        {
          polisi_clause_state_use_alternative (state, clause, wording_for (clause, state, nation));
          continue;
        }
      if (clause == NULL || polisi_clause_state_get_included (state) ||
          polisi_clause_state_get_edited (state, POLISI_LANG_CY) ||
          polisi_clause_state_get_edited (state, POLISI_LANG_EN) ||
          polisi_clause_get_version (clause) <= polisi_clause_state_get_library_version (state))
        continue;
      polisi_clause_state_use_alternative (state, clause, wording_for (clause, state, nation));
    }

  if (polisi_library_compare_versions (polisi_policy_get_library_version (policy),
                                       polisi_library_get_version (library)) < 0 ||
      polisi_policy_get_library_id (policy) == NULL)
    polisi_policy_set_library (policy, polisi_library_get_id (library), polisi_library_get_version (library));
}

static gboolean
decide (PolisiPolicy  *policy,
        PolisiLibrary *library,
        const char    *clause_id,
        gboolean       accept,
        GError       **error)
{
  PolisiClauseState *state = polisi_policy_lookup_clause (policy, clause_id);
  PolisiClause *clause = polisi_library_lookup_clause (library, clause_id);
  PolisiNation nation = polisi_policy_get_nation (policy);

  if (clause != NULL && state == NULL)
    {
      g_autoptr(PolisiClauseState) added = polisi_clause_state_new_from_library (clause, nation);

      /* new_from_library includes what the library recommends */
      if (!accept)
        polisi_clause_state_set_included (added, FALSE);
      polisi_policy_insert_clause (policy, insertion_point (policy, library, clause), added);
      return TRUE;
    }

  if (clause != NULL && state != NULL && polisi_clause_state_get_included (state) && is_changed (clause, state))
    {
      if (accept)
        polisi_clause_state_use_alternative (state, clause, wording_for (clause, state, nation));
      else
        polisi_clause_state_set_declined_version (state, polisi_clause_get_version (clause));
      return TRUE;
    }

  if (state != NULL && is_withdrawn (library, state))
    {
      if (accept)
        polisi_clause_state_set_included (state, FALSE);
      else
        polisi_clause_state_set_kept_withdrawn (state, TRUE);
      return TRUE;
    }

  g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
               _("There is no update of the model clauses to decide for “%s”. "
                 "List the updates first: they are named by the clause’s id."),
               clause_id);
  return FALSE;
}

/**
 * polisi_library_update_decide:
 * @clause_id: the clause an update of polisi_library_update_list()
 *   is about
 * @accept: %TRUE to take the update, %FALSE to decline it
 *
 * Returns: %FALSE with @error set when there is no such update to decide
 */
gboolean
polisi_library_update_decide (PolisiPolicy   *policy,
                              PolisiLibrary  *library,
                              const char     *clause_id,
                              gboolean        accept,
                              GError        **error)
{
  g_return_val_if_fail (POLISI_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (clause_id != NULL, FALSE);

  if (!polisi_library_update_applies (policy, library))
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("This policy was made from another clause library (“%s”), so its updates cannot be offered."),
                   polisi_policy_get_library_id (policy));
      return FALSE;
    }
  if (!decide (policy, library, clause_id, accept, error))
    return FALSE;
  finish_if_done (policy, library);
  return TRUE;
}

/**
 * polisi_library_update_decide_all:
 * @clause_ids: (nullable) (array zero-terminated=1): the clauses whose
 *   updates to decide; %NULL for every update still to decide
 * @n_decided: (out) (optional): how many were decided
 *
 * Accepts or declines several updates at once. All or nothing: when one
 * of @clause_ids has no update, nothing is changed.
 *
 * Returns: %FALSE with @error set when one of @clause_ids has no update
 */
gboolean
polisi_library_update_decide_all (PolisiPolicy        *policy,
                                  PolisiLibrary       *library,
                                  const char * const  *clause_ids,
                                  gboolean             accept,
                                  guint               *n_decided,
                                  GError             **error)
{
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (POLISI_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), FALSE);

  if (n_decided != NULL)
    *n_decided = 0;

  pending = polisi_library_update_list (policy, library);
  if (clause_ids == NULL)
    {
      for (guint i = 0; i < pending->len; i++)
        g_ptr_array_add (ids, g_strdup (((PolisiLibraryUpdate *) pending->pdata[i])->clause_id));
    }
  else
    for (guint i = 0; clause_ids[i] != NULL; i++)
      {
        gboolean found = FALSE;

        for (guint j = 0; j < pending->len && !found; j++)
          found = g_strcmp0 (((PolisiLibraryUpdate *) pending->pdata[j])->clause_id, clause_ids[i]) == 0;
        if (!found)
          {
            g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                         _("There is no update of the model clauses to decide for “%s”. "
                           "List the updates first: they are named by the clause’s id."),
                         clause_ids[i]);
            return FALSE;
          }
        if (!g_ptr_array_find_with_equal_func (ids, clause_ids[i], g_str_equal, NULL))
          g_ptr_array_add (ids, g_strdup (clause_ids[i]));
      }

  for (guint i = 0; i < ids->len; i++)
    {
      /* each was checked above */
      if (!decide (policy, library, ids->pdata[i], accept, error))
        return FALSE;
    }

  if (polisi_library_update_applies (policy, library))
    finish_if_done (policy, library);
  if (n_decided != NULL)
    *n_decided = ids->len;
  return TRUE;
}

/* Legislation --------------------------------------------------------------- */

/* A few words either side of bytes [@offset, @offset + @length) of @text. */
static char *
citation_context (const char *text,
                  gsize       offset,
                  gsize       length)
{
  const char *start = text + offset;
  const char *end = text + offset + length;
  GString *out = g_string_new (NULL);

  for (guint chars = 0; start > text && chars < 40; chars++)
    start = g_utf8_prev_char (start);
  for (guint chars = 0; *end != '\0' && chars < 40; chars++)
    end = g_utf8_next_char (end);
  /* whole words */
  if (start > text)
    {
      while (*start != '\0' && start < text + offset && *start != ' ')
        start = g_utf8_next_char (start);
      g_string_append (out, "…");
    }
  while (end > text + offset + length && *end != '\0' && *end != ' ')
    end = g_utf8_prev_char (end);
  g_string_append_len (out, start, end - start);
  if (*end != '\0')
    g_string_append (out, "…");

  for (char *p = out->str; *p != '\0'; p++)
    if (*p == '\n')
      *p = ' ';
  return g_string_free (out, FALSE);
}

/**
 * polisi_library_update_list_citations:
 *
 * Every out-of-date name of an Act or of guidance in the texts of the
 * clauses @policy includes, in both languages, in the policy's order.
 *
 * Returns: (transfer container) (element-type PolisiCitationFix): the
 *   citations to replace
 */
GPtrArray *
polisi_library_update_list_citations (PolisiPolicy      *policy,
                                      PolisiLegislation *legislation)
{
  GPtrArray *fixes = g_ptr_array_new_with_free_func (citation_fix_free);
  PolisiNation nation;

  g_return_val_if_fail (POLISI_IS_POLICY (policy), fixes);
  g_return_val_if_fail (POLISI_IS_LEGISLATION (legislation), fixes);

  nation = polisi_policy_get_nation (policy);
  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    {
      PolisiClauseState *state = polisi_policy_get_clause (policy, i);

      if (!polisi_clause_state_get_included (state))
        continue;

      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        {
          const char *text = polisi_clause_state_get_text (state, lang);
          g_autoptr(GArray) found = polisi_legislation_find_outdated (legislation, text, lang, nation);

          for (guint j = 0; j < found->len; j++)
            {
              PolisiOutdatedCitation *citation = &g_array_index (found, PolisiOutdatedCitation, j);
              PolisiCitationFix *fix = g_new0 (PolisiCitationFix, 1);
              const char *current = citation->instrument->name[lang];

              fix->clause_id = g_strdup (polisi_clause_state_get_id (state));
              fix->lang = lang;
              fix->offset = citation->offset;
              fix->length = citation->length;
              fix->found = g_strndup (text + citation->offset, citation->length);
              fix->replacement = polisi_welsh_mutate (current, citation->mutation);
              if (fix->replacement == NULL)
                fix->replacement = g_strdup (current);
              fix->context = citation_context (text, citation->offset, citation->length);
              fix->instrument = citation->instrument;
              g_ptr_array_add (fixes, fix);
            }
        }
    }

  return fixes;
}

/* Whether @text names @instrument, by its current name or an old one, in
 * any mutated form. */
static gboolean
names_instrument (PolisiLegislation      *legislation,
                  const PolisiInstrument *instrument,
                  const char             *text,
                  PolisiLang              lang,
                  PolisiNation            nation)
{
  g_autoptr(GArray) outdated = NULL;

  if (text == NULL || text[0] == '\0')
    return FALSE;

  for (guint m = 0; m < POLISI_N_MUTATIONS; m++)
    {
      g_autofree char *mutated = m == POLISI_MUTATION_NONE ? NULL : polisi_welsh_mutate (instrument->name[lang], m);
      const char *name = m == POLISI_MUTATION_NONE ? instrument->name[lang] : mutated;
      gsize length;

      if (name != NULL && polisi_text_find_casefold (text, name, &length) != NULL)
        return TRUE;
    }

  outdated = polisi_legislation_find_outdated (legislation, text, lang, nation);
  for (guint i = 0; i < outdated->len; i++)
    if (g_array_index (outdated, PolisiOutdatedCitation, i).instrument == instrument)
      return TRUE;
  return FALSE;
}

/* Replaces the citations of @state in @lang that @keep accepts (all when
 * %NULL), then marks the other language as needing an update if it does
 * not name every instrument replaced. */
static guint
fix_state (PolisiPolicy            *policy,
           PolisiLegislation       *legislation,
           PolisiClauseState       *state,
           PolisiLang               lang,
           const PolisiCitationFix *only)
{
  PolisiNation nation = polisi_policy_get_nation (policy);
  const char *text = polisi_clause_state_get_text (state, lang);
  const char *other = polisi_clause_state_get_text (state, POLISI_LANG_OTHER (lang));
  g_autoptr(GArray) found = polisi_legislation_find_outdated (legislation, text, lang, nation);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean differ = FALSE;
  gsize position = 0;
  guint count = 0;

  for (guint i = 0; i < found->len; i++)
    {
      PolisiOutdatedCitation *citation = &g_array_index (found, PolisiOutdatedCitation, i);
      g_autofree char *mutated = NULL;

      if (only != NULL && (citation->offset != only->offset || citation->length != only->length))
        continue;

      mutated = polisi_welsh_mutate (citation->instrument->name[lang], citation->mutation);
      g_string_append_len (out, text + position, citation->offset - position);
      g_string_append (out, mutated != NULL ? mutated : citation->instrument->name[lang]);
      position = citation->offset + citation->length;
      count++;

      if (other != NULL && other[0] != '\0' &&
          !names_instrument (legislation, citation->instrument, other, POLISI_LANG_OTHER (lang), nation))
        differ = TRUE;
    }
  if (count == 0)
    return 0;
  g_string_append (out, text + position);

  polisi_clause_state_replace_text (state, lang, out->str, differ);
  return count;
}

/**
 * polisi_library_update_fix_citation:
 * @fix: a citation from polisi_library_update_list_citations()
 *
 * Replaces one out-of-date citation by the current name (see the top of
 * this file for the other language).
 *
 * Returns: %FALSE with @error set when the text no longer holds that
 *   citation (it was edited or fixed since it was listed)
 */
gboolean
polisi_library_update_fix_citation (PolisiPolicy             *policy,
                                    PolisiLegislation        *legislation,
                                    const PolisiCitationFix  *fix,
                                    GError                  **error)
{
  PolisiClauseState *state;
  const char *text;

  g_return_val_if_fail (POLISI_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (POLISI_IS_LEGISLATION (legislation), FALSE);
  g_return_val_if_fail (fix != NULL, FALSE);

  state = polisi_policy_lookup_clause (policy, fix->clause_id);
  text = state != NULL ? polisi_clause_state_get_text (state, fix->lang) : NULL;
  if (text == NULL || strlen (text) < fix->offset + fix->length ||
      strncmp (text + fix->offset, fix->found, fix->length) != 0 ||
      fix_state (policy, legislation, state, fix->lang, fix) == 0)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("The text no longer cites “%s” there: it has changed since the list was made. List the citations again."),
                   fix->found);
      return FALSE;
    }
  return TRUE;
}

/**
 * polisi_library_update_fix_all_citations:
 *
 * Replaces every out-of-date citation of polisi_library_update_list_citations().
 *
 * Returns: how many were replaced
 */
guint
polisi_library_update_fix_all_citations (PolisiPolicy      *policy,
                                         PolisiLegislation *legislation)
{
  guint count = 0;

  g_return_val_if_fail (POLISI_IS_POLICY (policy), 0);
  g_return_val_if_fail (POLISI_IS_LEGISLATION (legislation), 0);

  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    {
      PolisiClauseState *state = polisi_policy_get_clause (policy, i);

      if (!polisi_clause_state_get_included (state))
        continue;
      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        count += fix_state (policy, legislation, state, lang, NULL);
    }
  return count;
}
