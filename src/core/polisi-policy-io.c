/* polisi-policy-io.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a .polisi file never changes it. A file is refused, with a
 * message that names it and says what to do, when it is:
 *  - too large, not UTF-8, empty, malformed or cut short (polisi-xml.c);
 *  - carrying a DOCTYPE or entity declarations (polisi-xml.c);
 *  - another kind of file (an ODT, a PDF, other XML);
 *  - from a newer Polisi (a higher format number);
 *  - missing required parts or holding wrong values (the schema).
 *
 * Format 2 keeps the text of each adopted version in its row of the
 * history (<version><text>…</text></version>). To keep the file compact, a
 * clause of a version that is the same as in the next version kept (or, for
 * the last one, as in the policy itself) is written as <clause id="…"
 * same="true"/>, a text that is the same as <text same="true"/>, and an
 * answer that is the same as <answer key="…" same="true"/>; the
 * reader resolves them from the newest version back. Format 1 files open
 * and are written as format 2 at the next save; the text of their last
 * adopted version is taken to be the policy as it stands when it is still
 * adopted, and versions before it keep only their summaries.
 *
 * Writing builds the XML with libxml2's tree API, so that nothing is
 * escaped by hand, and saves it with polisi_file_replace().
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "polisi-dates.h"
#include "polisi-error.h"
#include "polisi-file.h"
#include "polisi-policy-io.h"
#include "polisi-text.h"
#include "polisi-xml-private.h"

#define POLICY_SCHEMA "/cymru/polisi/Polisi/schemas/policy.rng"

static gboolean
refuse_other_formats (GBytes      *bytes,
                      const char  *name,
                      GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                   _("“%s” is a packaged document (such as an ODT or DOCX file), not a Polisi policy. "
                     "Open the .polisi file the policy was made from. To read comments from a returned "
                     "consultation draft, use Import Comments."),
                   name);
      return FALSE;
    }
  if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                   _("“%s” is a PDF document, not a Polisi policy. Open the .polisi file the PDF was exported from."),
                   name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_organisation (PolisiPolicy *policy,
                   xmlNode      *node)
{
  g_autofree char *type = polisi_xml_get_prop (node, "type");
  g_autofree char *category = polisi_xml_get_prop (node, "language-category");
  int value;

  if (polisi_enum_from_string (POLISI_TYPE_ORGANISATION_TYPE, type, &value))
    polisi_policy_set_organisation_type (policy, value);
  if (polisi_enum_from_string (POLISI_TYPE_LANGUAGE_CATEGORY, category, &value))
    polisi_policy_set_language_category (policy, value);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      int lang;

      if (polisi_xml_is (child, POLISI_POLICY_NS, "name") && polisi_xml_get_lang (child, &lang))
        {
          g_autofree char *name = polisi_xml_get_text (child);
          polisi_policy_set_name (policy, lang, name);
        }
    }

  return TRUE;
}

static void
read_properties (PolisiPolicy *policy,
                 xmlNode      *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;
      int value;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      text = polisi_xml_get_text (child);

      if (polisi_xml_is (child, POLISI_POLICY_NS, "status"))
        {
          g_autofree char *by_change = polisi_xml_get_prop (child, "by-change");

          if (polisi_enum_from_string (POLISI_TYPE_STATUS, text, &value))
            polisi_policy_set_status (policy, value);
          _polisi_policy_restore_draft_by_change (policy, g_strcmp0 (by_change, "true") == 0);
        }
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "version"))
        polisi_policy_set_version (policy, text);
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "created"))
        polisi_policy_set_created (policy, text);
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "modified"))
        polisi_policy_set_modified (policy, text);
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "adopted"))
        polisi_policy_set_adoption_date (policy, text);
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "approved-by"))
        polisi_policy_set_approved_by (policy, text);
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "closing-date"))
        polisi_policy_set_closing_date (policy, text);
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "review-cycle"))
        polisi_policy_set_review_cycle (policy, (guint) CLAMP (g_ascii_strtoull (text, NULL, 10), 1, 120));
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "review-date"))
        polisi_policy_set_review_date_override (policy, text);
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "library"))
        {
          g_autofree char *id = polisi_xml_get_prop (child, "id");
          g_autofree char *version = polisi_xml_get_prop (child, "version");
          polisi_policy_set_library (policy, id, version);
        }
    }
}

/* @reference: (nullable): for a version's text, what an answer that is
 * the "same" refers to */
static void
read_answers (PolisiPolicy *policy,
              xmlNode      *node,
              PolisiPolicy *reference)
{
  for (xmlNode *answer = node->children; answer != NULL; answer = answer->next)
    {
      g_autofree char *key = NULL;
      g_autofree char *same = NULL;
      xmlNode *value;

      if (!polisi_xml_is (answer, POLISI_POLICY_NS, "answer"))
        continue;
      key = polisi_xml_get_prop (answer, "key");
      same = polisi_xml_get_prop (answer, "same");
      if (reference != NULL && g_strcmp0 (same, "true") == 0)
        {
          for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
            polisi_policy_set_answer_lang (policy, key, lang, polisi_policy_get_answer (reference, key, lang));
          continue;
        }

      value = polisi_xml_first_child (answer, POLISI_POLICY_NS, "value");
      if (value == NULL)
        {
          g_autofree char *text = polisi_xml_get_text (answer);
          polisi_policy_set_answer (policy, key, text);
          continue;
        }

      for (; value != NULL; value = polisi_xml_next_element (value))
        {
          g_autofree char *text = NULL;
          int lang;

          if (!polisi_xml_is (value, POLISI_POLICY_NS, "value") || !polisi_xml_get_lang (value, &lang))
            continue;
          text = polisi_xml_get_text (value);
          polisi_policy_set_answer_lang (policy, key, lang, text);
        }
    }
}

/* Counts an own clause: a file with more than a policy can have is
 * refused, as another program (or an attacker) must have written it. */
static gboolean
count_own (xmlNode     *clause,
           const char  *name,
           guint       *n_own,
           GError     **error)
{
  if (++*n_own <= POLISI_MAX_OWN_CLAUSES)
    return TRUE;
  g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID,
               _("“%s” holds more than %u clauses of the school’s own (line %ld), more than a policy can have. "
                 "It may have been edited by another program. Open an earlier copy."),
               name, (guint) POLISI_MAX_OWN_CLAUSES, xmlGetLineNo (clause));
  return FALSE;
}

/* What a clause the school wrote itself, or a model clause it renamed,
 * adds to a clause: own="true" and <title> elements. An own clause's id
 * must be one Polisi gives (polisi_clause_id_is_own()), and only an own
 * clause may have one. */
static PolisiClauseState *
new_clause_state (xmlNode     *clause,
                  const char  *id,
                  const char  *name,
                  guint       *n_own,
                  GError     **error)
{
  g_autofree char *own = polisi_xml_get_prop (clause, "own");
  PolisiClauseState *state;

  if ((g_strcmp0 (own, "true") == 0) != polisi_clause_id_is_own (id))
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID,
                   g_strcmp0 (own, "true") == 0 ?
                   _("“%s” holds a clause of the school’s own called “%s”, a name Polisi never gives one (line %ld). "
                     "It may have been edited by another program. Open an earlier copy.") :
                   _("“%s” holds a clause called “%s”, a name kept for the clauses a school writes itself (line %ld). "
                     "It may have been edited by another program. Open an earlier copy."),
                   name, id, xmlGetLineNo (clause));
      return NULL;
    }
  if (n_own != NULL && polisi_clause_id_is_own (id) && !count_own (clause, name, n_own, error))
    return NULL;

  state = polisi_clause_id_is_own (id) ? polisi_clause_state_new_own (id) : polisi_clause_state_new (id);
  for (xmlNode *title = clause->children; title != NULL; title = title->next)
    {
      g_autofree char *text = NULL;
      int lang;

      if (!polisi_xml_is (title, POLISI_POLICY_NS, "title") || !polisi_xml_get_lang (title, &lang))
        continue;
      text = polisi_xml_get_text (title);
      _polisi_clause_state_restore_title (state, lang, text);
    }
  return state;
}

static gboolean
read_clauses (PolisiPolicy  *policy,
              xmlNode       *node,
              const char    *name,
              GError       **error)
{
  guint n_own = 0;

  for (xmlNode *clause = node->children; clause != NULL; clause = clause->next)
    {
      g_autoptr(PolisiClauseState) state = NULL;
      g_autofree char *id = NULL;
      g_autofree char *included = NULL;
      g_autofree char *alternative = NULL;
      g_autofree char *version = NULL;
      g_autofree char *declined = NULL;
      g_autofree char *kept_withdrawn = NULL;

      if (!polisi_xml_is (clause, POLISI_POLICY_NS, "clause"))
        continue;

      id = polisi_xml_get_prop (clause, "id");
      if (polisi_policy_lookup_clause (policy, id) != NULL)
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID,
                       _("“%s” holds the clause “%s” twice (line %ld). It may have been edited by another program. "
                         "Open an earlier copy."),
                       name, id, xmlGetLineNo (clause));
          return FALSE;
        }

      included = polisi_xml_get_prop (clause, "included");
      alternative = polisi_xml_get_prop (clause, "alternative");
      version = polisi_xml_get_prop (clause, "version");

      state = new_clause_state (clause, id, name, &n_own, error);
      if (state == NULL)
        return FALSE;
      _polisi_clause_state_restore (state, g_strcmp0 (included, "true") == 0, alternative,
                                    version != NULL ? (guint) g_ascii_strtoull (version, NULL, 10) : 0);
      declined = polisi_xml_get_prop (clause, "declined-version");
      kept_withdrawn = polisi_xml_get_prop (clause, "kept-withdrawn");
      _polisi_clause_state_restore_review (state,
                                           declined != NULL ? (guint) g_ascii_strtoull (declined, NULL, 10) : 0,
                                           g_strcmp0 (kept_withdrawn, "true") == 0);

      for (xmlNode *text = clause->children; text != NULL; text = text->next)
        {
          g_autofree char *edited = NULL;
          g_autofree char *needs_update = NULL;
          g_autofree char *markup = NULL;
          int lang;

          if (!polisi_xml_is (text, POLISI_POLICY_NS, "text") || !polisi_xml_get_lang (text, &lang))
            continue;
          edited = polisi_xml_get_prop (text, "edited");
          needs_update = polisi_xml_get_prop (text, "needs-update");
          markup = polisi_xml_get_blocks (text);
          _polisi_clause_state_restore_text (state, lang, markup,
                                             g_strcmp0 (edited, "true") == 0,
                                             g_strcmp0 (needs_update, "true") == 0);
        }

      polisi_policy_add_clause (policy, state);
    }

  return TRUE;
}

/* The pending summary (the summary of changes of the version being drafted).
 * Its element keeps the name "draft-summary" that earlier files have, so
 * that files written before and after the rename read alike. */
static void
read_pending_summary (PolisiPolicy *policy,
                      xmlNode      *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      int lang;

      if (polisi_xml_is (child, POLISI_POLICY_NS, "summary") && polisi_xml_get_lang (child, &lang))
        {
          g_autofree char *summary = polisi_xml_get_blocks (child);

          polisi_policy_set_pending_summary (policy, lang, summary);
        }
    }
}

/* One clause of a version's text: written out, or "same" as the clause
 * of @reference, the next version kept or the policy itself. */
static PolisiClauseState *
read_version_clause (xmlNode       *clause,
                     PolisiPolicy  *reference,
                     const char    *number,
                     const char    *name,
                     GError       **error)
{
  g_autoptr(PolisiClauseState) state = NULL;
  g_autofree char *id = polisi_xml_get_prop (clause, "id");
  g_autofree char *same = polisi_xml_get_prop (clause, "same");
  g_autofree char *included = NULL;
  g_autofree char *alternative = NULL;
  g_autofree char *version = NULL;
  g_autofree char *declined = NULL;
  g_autofree char *kept_withdrawn = NULL;
  PolisiClauseState *before = polisi_policy_lookup_clause (reference, id);

  if (g_strcmp0 (same, "true") == 0)
    {
      if (before == NULL)
        goto damaged;
      return _polisi_clause_state_copy (before);
    }

  included = polisi_xml_get_prop (clause, "included");
  alternative = polisi_xml_get_prop (clause, "alternative");
  version = polisi_xml_get_prop (clause, "version");
  declined = polisi_xml_get_prop (clause, "declined-version");
  kept_withdrawn = polisi_xml_get_prop (clause, "kept-withdrawn");

  state = new_clause_state (clause, id, name, NULL, error);
  if (state == NULL)
    return NULL;
  _polisi_clause_state_restore (state, g_strcmp0 (included, "true") == 0, alternative,
                                version != NULL ? (guint) g_ascii_strtoull (version, NULL, 10) : 0);
  _polisi_clause_state_restore_review (state,
                                       declined != NULL ? (guint) g_ascii_strtoull (declined, NULL, 10) : 0,
                                       g_strcmp0 (kept_withdrawn, "true") == 0);

  for (xmlNode *text = clause->children; text != NULL; text = text->next)
    {
      g_autofree char *edited = NULL;
      g_autofree char *needs_update = NULL;
      g_autofree char *same_text = NULL;
      g_autofree char *markup = NULL;
      int lang;

      if (!polisi_xml_is (text, POLISI_POLICY_NS, "text") || !polisi_xml_get_lang (text, &lang))
        continue;
      edited = polisi_xml_get_prop (text, "edited");
      needs_update = polisi_xml_get_prop (text, "needs-update");
      same_text = polisi_xml_get_prop (text, "same");
      if (g_strcmp0 (same_text, "true") == 0)
        {
          if (before == NULL)
            goto damaged;
          markup = g_strdup (polisi_clause_state_get_text (before, lang));
        }
      else
        markup = polisi_xml_get_blocks (text);
      _polisi_clause_state_restore_text (state, lang, markup,
                                         g_strcmp0 (edited, "true") == 0,
                                         g_strcmp0 (needs_update, "true") == 0);
    }

  return g_steal_pointer (&state);

damaged:
  g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID,
               _("“%s” is damaged: the text of version %s refers to the clause “%s” of a later version, which "
                 "is not there (line %ld). It may have been edited by another program. Open an earlier copy."),
               name, number, id, xmlGetLineNo (clause));
  return NULL;
}

/* The text kept with an adopted version (format 2). */
static PolisiPolicy *
read_version_text (PolisiPolicy  *policy,
                   PolisiVersion *version,
                   xmlNode       *node,
                   PolisiPolicy  *reference,
                   const char    *name,
                   GError       **error)
{
  g_autoptr(PolisiPolicy) text = polisi_policy_new ();
  const char *number = polisi_version_get_number (version);
  guint n_own = 0;

  _polisi_policy_begin_restore (text);
  _polisi_policy_restore_uid (text, polisi_policy_get_uid (policy));
  polisi_policy_set_created (text, polisi_policy_get_created (policy));
  polisi_policy_set_version (text, number);
  polisi_policy_set_status (text, POLISI_STATUS_ADOPTED);
  polisi_policy_set_adoption_date (text, polisi_version_get_date (version));
  polisi_policy_set_approved_by (text, polisi_version_get_approved_by (version));

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (polisi_xml_is (child, POLISI_POLICY_NS, "organisation"))
        read_organisation (text, child);
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "review-cycle"))
        {
          g_autofree char *months = polisi_xml_get_text (child);

          polisi_policy_set_review_cycle (text, (guint) CLAMP (g_ascii_strtoull (months, NULL, 10), 1, 120));
        }
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "library"))
        {
          g_autofree char *id = polisi_xml_get_prop (child, "id");
          g_autofree char *library_version = polisi_xml_get_prop (child, "version");

          polisi_policy_set_library (text, id, library_version);
        }
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "answers"))
        read_answers (text, child, reference);
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "clauses"))
        {
          for (xmlNode *clause = child->children; clause != NULL; clause = clause->next)
            {
              g_autoptr(PolisiClauseState) state = NULL;

              if (!polisi_xml_is (clause, POLISI_POLICY_NS, "clause"))
                continue;
              state = read_version_clause (clause, reference, number, name, error);
              if (state == NULL ||
                  (polisi_clause_state_get_own (state) && !count_own (clause, name, &n_own, error)))
                return NULL;
              if (polisi_policy_lookup_clause (text, polisi_clause_state_get_id (state)) != NULL)
                {
                  g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID,
                               _("“%s” holds the clause “%s” twice in the text of version %s (line %ld). It may have "
                                 "been edited by another program. Open an earlier copy."),
                               name, polisi_clause_state_get_id (state), number, xmlGetLineNo (clause));
                  return NULL;
                }
              polisi_policy_add_clause (text, state);
            }
        }
    }

  _polisi_policy_end_restore (text);
  return g_steal_pointer (&text);
}

static void
clear_version (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

/* The history, with the text of each version where the file keeps it,
 * resolved from the newest version back (see the top of this file). */
static gboolean
read_history (PolisiPolicy  *policy,
              xmlNode       *node,
              const char    *name,
              GError       **error)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) versions = NULL;
  PolisiPolicy *reference = policy;

  for (xmlNode *record = node->children; record != NULL; record = record->next)
    if (polisi_xml_is (record, POLISI_POLICY_NS, "version"))
      g_ptr_array_add (nodes, record);

  /* filled from the end: on an error the ones before are still NULL */
  versions = g_ptr_array_new_full (nodes->len, clear_version);
  g_ptr_array_set_size (versions, nodes->len);

  for (guint i = nodes->len; i-- > 0;)
    {
      xmlNode *record = nodes->pdata[i];
      g_autofree char *number = polisi_xml_get_prop (record, "number");
      g_autofree char *date = polisi_xml_get_prop (record, "date");
      g_autofree char *approved_by = polisi_xml_get_prop (record, "approved-by");
      g_autofree char *summary[POLISI_N_LANGS] = { NULL, NULL };
      PolisiVersion *version;
      xmlNode *text_node = NULL;

      for (xmlNode *child = record->children; child != NULL; child = child->next)
        {
          int lang;

          if (polisi_xml_is (child, POLISI_POLICY_NS, "summary") && polisi_xml_get_lang (child, &lang))
            {
              g_free (summary[lang]);
              summary[lang] = polisi_xml_get_blocks (child);
            }
          else if (polisi_xml_is (child, POLISI_POLICY_NS, "text"))
            text_node = child;
        }

      version = polisi_version_new (number, date, approved_by, summary[POLISI_LANG_CY], summary[POLISI_LANG_EN]);
      versions->pdata[i] = version;
      g_free (summary[POLISI_LANG_CY]);
      g_free (summary[POLISI_LANG_EN]);
      summary[POLISI_LANG_CY] = summary[POLISI_LANG_EN] = NULL;

      if (text_node != NULL)
        {
          g_autoptr(PolisiPolicy) text = read_version_text (policy, version, text_node, reference, name, error);

          if (text == NULL)
            return FALSE;
          _polisi_version_set_text (version, text);
          reference = _polisi_version_get_text (version);
        }
    }

  for (guint i = 0; i < versions->len; i++)
    {
      PolisiPolicy *text = _polisi_version_get_text (versions->pdata[i]);

      _polisi_policy_restore_version (policy, versions->pdata[i]);
      /* each version's text prints the history as it was then */
      for (guint j = 0; text != NULL && j <= i; j++)
        {
          const PolisiVersionRecord *record = polisi_version_get_record (versions->pdata[j]);

          polisi_policy_add_version_record (text, record->version, record->date, record->approved_by,
                                            record->summary[POLISI_LANG_CY], record->summary[POLISI_LANG_EN]);
        }
    }

  return TRUE;
}

static void
read_triggers (PolisiPolicy *policy,
               xmlNode      *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *kind = NULL;
      g_autofree char *date = NULL;
      g_autofree char *note = NULL;
      int value;

      if (!polisi_xml_is (child, POLISI_POLICY_NS, "trigger"))
        continue;
      kind = polisi_xml_get_prop (child, "kind");
      date = polisi_xml_get_prop (child, "date");
      note = polisi_xml_get_text (child);
      if (polisi_enum_from_string (POLISI_TYPE_TRIGGER_KIND, kind, &value))
        _polisi_policy_restore_trigger (policy, value, date, note);
    }
}

/* The changes reviewers proposed with track changes on; one that does not
 * name a clause of the policy, a language and its text is passed over. */
static void
read_proposals (PolisiPolicy *policy,
                xmlNode      *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *clause_id = NULL;
      g_autofree char *kind = NULL;
      g_autofree char *lang = NULL;
      g_autofree char *author = NULL;
      g_autofree char *date = NULL;
      g_autofree char *version = NULL;
      g_autofree char *text = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(PolisiProposal) proposal = NULL;
      PolisiLang code;

      if (!polisi_xml_is (child, POLISI_POLICY_NS, "proposal"))
        continue;
      id = polisi_xml_get_prop (child, "id");
      clause_id = polisi_xml_get_prop (child, "clause");
      kind = polisi_xml_get_prop (child, "kind");
      lang = polisi_xml_get_prop (child, "lang");
      author = polisi_xml_get_prop (child, "author");
      date = polisi_xml_get_prop (child, "date");
      version = polisi_xml_get_prop (child, "version");
      /* attributes, whose spaces, tabs and line breaks are kept exactly */
      text = polisi_xml_get_prop (child, "text");
      before = polisi_xml_get_prop (child, "before");
      after = polisi_xml_get_prop (child, "after");
      if (clause_id == NULL || polisi_policy_lookup_clause (policy, clause_id) == NULL || text == NULL ||
          !polisi_lang_from_code (lang, &code) ||
          (g_strcmp0 (kind, "insertion") != 0 && g_strcmp0 (kind, "deletion") != 0))
        continue;

      proposal = polisi_proposal_new (g_strcmp0 (kind, "insertion") == 0 ? POLISI_PROPOSAL_INSERTION : POLISI_PROPOSAL_DELETION,
                                      clause_id, code, text, before, after);
      polisi_proposal_set_id (proposal, id);
      polisi_proposal_set_author (proposal, author);
      polisi_proposal_set_date (proposal, date);
      polisi_proposal_set_version (proposal, version);
      polisi_policy_add_proposal (policy, proposal);
    }
}

static void
read_comments (PolisiPolicy *policy,
               xmlNode      *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      PolisiComment comment = { 0 };
      g_autofree char *lang = NULL;
      xmlNode *body, *response;
      PolisiLang code;

      if (!polisi_xml_is (child, POLISI_POLICY_NS, "comment"))
        continue;

      comment.id = polisi_xml_get_prop (child, "id");
      comment.clause_id = polisi_xml_get_prop (child, "clause");
      comment.version = polisi_xml_get_prop (child, "version");
      /* a name is a line, whatever the file holds: bounded as typed */
      comment.author = polisi_xml_get_prop (child, "author");
      if (comment.author != NULL)
        {
          char *line = polisi_text_clean_line (comment.author);
          g_free (comment.author);
          comment.author = line;
        }
      comment.date = polisi_xml_get_prop (child, "date");
      lang = polisi_xml_get_prop (child, "lang");
      if (lang != NULL)
        g_strstrip (lang);
      comment.lang = polisi_lang_from_code (lang, &code) ? (int) code : -1;
      body = polisi_xml_first_child (child, POLISI_POLICY_NS, "body");
      comment.body = body != NULL ? polisi_xml_get_blocks (body) : NULL;
      response = polisi_xml_first_child (child, POLISI_POLICY_NS, "response");
      if (response != NULL)
        {
          comment.response = polisi_xml_get_blocks (response);
          comment.response_author = polisi_xml_get_prop (response, "author");
          if (comment.response_author != NULL)
            {
              char *line = polisi_text_clean_line (comment.response_author);
              g_free (comment.response_author);
              comment.response_author = line;
            }
          comment.response_date = polisi_xml_get_prop (response, "date");
        }

      _polisi_policy_restore_comment (policy, &comment);

      g_free (comment.id);
      g_free (comment.clause_id);
      g_free (comment.version);
      g_free (comment.author);
      g_free (comment.date);
      g_free (comment.body);
      g_free (comment.response);
      g_free (comment.response_author);
      g_free (comment.response_date);
    }
}

/* A format 1 file kept only the summaries of its versions. When the policy
 * is still the version adopted last, its text is that version's: the
 * version keeps it from the next save on. */
static void
upgrade_format_1 (PolisiPolicy *policy,
                  guint64       format_number)
{
  const char *last = polisi_policy_get_last_adopted_version (policy);
  PolisiVersion *version;

  if (format_number >= 2 || last == NULL ||
      polisi_policy_get_status (policy) != POLISI_STATUS_ADOPTED ||
      g_strcmp0 (polisi_policy_get_version (policy), last) != 0)
    return;

  version = polisi_policy_lookup_version (policy, last);
  if (version != NULL && !polisi_version_get_has_text (version))
    {
      g_autoptr(PolisiPolicy) text = _polisi_policy_copy_text (policy);

      /* as a version's text is read (read_version_text()): its date and
       * who approved it are the version's own, even where the file's front
       * matter says otherwise */
      polisi_policy_set_adoption_date (text, polisi_version_get_date (version));
      polisi_policy_set_approved_by (text, polisi_version_get_approved_by (version));
      _polisi_version_set_text (version, text);
    }
}

/**
 * polisi_policy_load_bytes:
 * @display_name: the file's name, for messages
 *
 * Returns: (transfer full): the policy, or %NULL with @error set
 */
PolisiPolicy *
polisi_policy_load_bytes (GBytes      *bytes,
                          const char  *display_name,
                          GError     **error)
{
  g_autoptr(PolisiPolicy) policy = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *format = NULL;
  xmlNode *root;
  xmlNode *history = NULL;
  guint64 format_number;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!refuse_other_formats (bytes, display_name, error))
    return NULL;

  doc = polisi_xml_parse (bytes, display_name, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (!polisi_xml_is (root, POLISI_POLICY_NS, "policy"))
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                   _("“%s” is not a Polisi policy: it is an XML file of another kind (its main element is <%s>). "
                     "Check that you chose the right file."),
                   display_name, root != NULL ? (const char *) root->name : "");
      return NULL;
    }

  format = polisi_xml_get_prop (root, "format");
  if (format == NULL || !g_ascii_string_to_unsigned (format, 10, 1, G_MAXUINT32, &format_number, NULL))
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID,
                   _("“%s” does not say which version of the Polisi format it uses (line %ld). "
                     "It may have been edited by another program. Open an earlier copy."),
                   display_name, xmlGetLineNo (root));
      return NULL;
    }
  if (format_number > POLISI_POLICY_FORMAT)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_NEWER_FORMAT,
                   _("“%s” was saved by a newer version of Polisi (file format %s; this version reads format %d). "
                     "Update Polisi to open it, or ask whoever sent it to export it for older versions."),
                   display_name, format, POLISI_POLICY_FORMAT);
      return NULL;
    }

  if (!polisi_xml_validate (doc, POLICY_SCHEMA, display_name, error))
    return NULL;

  policy = polisi_policy_new ();
  _polisi_policy_begin_restore (policy);
  {
    g_autofree char *uid = polisi_xml_get_prop (root, "uid");
    if (uid != NULL && g_uuid_string_is_valid (uid))
      _polisi_policy_restore_uid (policy, uid);
  }
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (polisi_xml_is (child, POLISI_POLICY_NS, "organisation"))
        read_organisation (policy, child);
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "properties"))
        read_properties (policy, child);
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "answers"))
        read_answers (policy, child, NULL);
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "clauses"))
        {
          if (!read_clauses (policy, child, display_name, error))
            return NULL;
        }
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "history"))
        history = child;
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "draft-summary"))
        read_pending_summary (policy, child);
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "review-triggers"))
        read_triggers (policy, child);
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "comments"))
        read_comments (policy, child);
      else if (polisi_xml_is (child, POLISI_POLICY_NS, "proposals"))
        read_proposals (policy, child);
    }

  /* after the clauses: the texts of the versions refer to them */
  if (history != NULL && !read_history (policy, history, display_name, error))
    return NULL;

  upgrade_format_1 (policy, format_number);
  _polisi_policy_end_restore (policy);

  return g_steal_pointer (&policy);
}

PolisiPolicy *
polisi_policy_load (GFile   *file,
                    GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = polisi_xml_load_file (file, POLISI_XML_MAX_SIZE, error);
  if (bytes == NULL)
    return NULL;

  name = polisi_xml_display_name (file);
  return polisi_policy_load_bytes (bytes, name, error);
}

static void
add_optional (xmlNode    *parent,
              xmlNs      *ns,
              const char *name,
              const char *value)
{
  if (value != NULL && value[0] != '\0')
    polisi_xml_add_text_child (parent, ns, name, value);
}

static xmlNode *
add_lang_child (xmlNode    *parent,
                xmlNs      *ns,
                const char *name,
                PolisiLang  lang,
                const char *text)
{
  xmlNode *node = polisi_xml_add_text_child (parent, ns, name, text);

  polisi_xml_set_lang (node, lang);
  return node;
}

/* A clause, in full or, where @before (the same clause in the next version
 * kept, or in the policy) is the same, as a reference to it. */
static void
write_clause (xmlNode           *parent,
              xmlNs             *ns,
              PolisiClauseState *state,
              PolisiClauseState *before)
{
  g_autofree char *version = g_strdup_printf ("%u", polisi_clause_state_get_library_version (state));
  xmlNode *node = xmlNewChild (parent, ns, (const xmlChar *) "clause", NULL);

  xmlNewProp (node, (const xmlChar *) "id", (const xmlChar *) polisi_clause_state_get_id (state));
  if (before != NULL && polisi_clause_state_equal (state, before))
    {
      xmlNewProp (node, (const xmlChar *) "same", (const xmlChar *) "true");
      return;
    }

  xmlNewProp (node, (const xmlChar *) "included",
              (const xmlChar *) (polisi_clause_state_get_included (state) ? "true" : "false"));
  if (polisi_clause_state_get_alternative (state) != NULL)
    xmlNewProp (node, (const xmlChar *) "alternative", (const xmlChar *) polisi_clause_state_get_alternative (state));
  xmlNewProp (node, (const xmlChar *) "version", (const xmlChar *) version);
  if (polisi_clause_state_get_declined_version (state) > 0)
    {
      g_autofree char *declined = g_strdup_printf ("%u", polisi_clause_state_get_declined_version (state));
      xmlNewProp (node, (const xmlChar *) "declined-version", (const xmlChar *) declined);
    }
  if (polisi_clause_state_get_kept_withdrawn (state))
    xmlNewProp (node, (const xmlChar *) "kept-withdrawn", (const xmlChar *) "true");
  if (polisi_clause_state_get_own (state))
    xmlNewProp (node, (const xmlChar *) "own", (const xmlChar *) "true");
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    if (polisi_clause_state_get_title (state, lang) != NULL)
      {
        xmlNode *title = xmlNewTextChild (node, ns, (const xmlChar *) "title",
                                          (const xmlChar *) polisi_clause_state_get_title (state, lang));
        polisi_xml_set_lang (title, lang);
      }

  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      xmlNode *text = xmlNewChild (node, ns, (const xmlChar *) "text", NULL);

      polisi_xml_set_lang (text, lang);
      if (polisi_clause_state_get_edited (state, lang))
        xmlNewProp (text, (const xmlChar *) "edited", (const xmlChar *) "true");
      if (polisi_clause_state_get_needs_update (state, lang))
        xmlNewProp (text, (const xmlChar *) "needs-update", (const xmlChar *) "true");
      if (before != NULL &&
          g_strcmp0 (polisi_clause_state_get_text (state, lang), polisi_clause_state_get_text (before, lang)) == 0)
        xmlNewProp (text, (const xmlChar *) "same", (const xmlChar *) "true");
      else
        polisi_xml_add_blocks (text, ns, polisi_clause_state_get_text (state, lang));
    }
}

static void
write_organisation (xmlNode      *parent,
                    xmlNs        *ns,
                    PolisiPolicy *policy)
{
  xmlNode *organisation = xmlNewChild (parent, ns, (const xmlChar *) "organisation", NULL);

  xmlNewProp (organisation, (const xmlChar *) "type",
              (const xmlChar *) polisi_enum_to_string (POLISI_TYPE_ORGANISATION_TYPE,
                                                       polisi_policy_get_organisation_type (policy)));
  xmlNewProp (organisation, (const xmlChar *) "language-category",
              (const xmlChar *) polisi_enum_to_string (POLISI_TYPE_LANGUAGE_CATEGORY,
                                                       polisi_policy_get_language_category (policy)));
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    if (polisi_policy_get_name (policy, lang) != NULL)
      add_lang_child (organisation, ns, "name", lang, polisi_policy_get_name (policy, lang));
}

static void
write_library (xmlNode      *parent,
               xmlNs        *ns,
               PolisiPolicy *policy)
{
  xmlNode *node;

  if (polisi_policy_get_library_id (policy) == NULL)
    return;
  node = xmlNewChild (parent, ns, (const xmlChar *) "library", NULL);
  xmlNewProp (node, (const xmlChar *) "id", (const xmlChar *) polisi_policy_get_library_id (policy));
  xmlNewProp (node, (const xmlChar *) "version",
              (const xmlChar *) (polisi_policy_get_library_version (policy) != NULL ?
                                 polisi_policy_get_library_version (policy) : ""));
}

static void
write_answers (xmlNode      *parent,
               xmlNs        *ns,
               PolisiPolicy *policy,
               PolisiPolicy *reference)
{
  xmlNode *answers = xmlNewChild (parent, ns, (const xmlChar *) "answers", NULL);
  g_autoptr(GPtrArray) keys = polisi_policy_list_answers (policy);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      const char *cy = polisi_policy_get_answer (policy, key, POLISI_LANG_CY);
      const char *en = polisi_policy_get_answer (policy, key, POLISI_LANG_EN);
      xmlNode *node;

      if (reference != NULL &&
          g_strcmp0 (cy, polisi_policy_get_answer (reference, key, POLISI_LANG_CY)) == 0 &&
          g_strcmp0 (en, polisi_policy_get_answer (reference, key, POLISI_LANG_EN)) == 0)
        {
          node = xmlNewChild (answers, ns, (const xmlChar *) "answer", NULL);
          xmlNewProp (node, (const xmlChar *) "same", (const xmlChar *) "true");
        }
      else if (g_strcmp0 (cy, en) == 0)
        node = polisi_xml_add_text_child (answers, ns, "answer", cy);
      else
        {
          node = xmlNewChild (answers, ns, (const xmlChar *) "answer", NULL);
          if (cy != NULL)
            add_lang_child (node, ns, "value", POLISI_LANG_CY, cy);
          if (en != NULL)
            add_lang_child (node, ns, "value", POLISI_LANG_EN, en);
        }
      xmlNewProp (node, (const xmlChar *) "key", (const xmlChar *) key);
    }
}

/* What the text of version @index is written against: the text of the next
 * version that has one, or the policy itself. */
static PolisiPolicy *
next_reference (PolisiPolicy *policy,
                guint         index)
{
  for (guint j = index + 1; j < polisi_policy_get_n_versions (policy); j++)
    {
      g_autoptr(PolisiVersion) later = g_list_model_get_item (polisi_policy_get_versions (policy), j);

      if (_polisi_version_get_text (later) != NULL)
        return _polisi_version_get_text (later);
    }
  return policy;
}

static void
write_version_text (xmlNode      *parent,
                    xmlNs        *ns,
                    PolisiPolicy *text,
                    PolisiPolicy *reference)
{
  xmlNode *node = xmlNewChild (parent, ns, (const xmlChar *) "text", NULL);
  g_autofree char *review_cycle = g_strdup_printf ("%u", polisi_policy_get_review_cycle (text));
  xmlNode *clauses;

  write_organisation (node, ns, text);
  polisi_xml_add_text_child (node, ns, "review-cycle", review_cycle);
  write_library (node, ns, text);
  write_answers (node, ns, text, reference);
  clauses = xmlNewChild (node, ns, (const xmlChar *) "clauses", NULL);
  for (guint i = 0; i < polisi_policy_get_n_clauses (text); i++)
    {
      PolisiClauseState *state = polisi_policy_get_clause (text, i);

      write_clause (clauses, ns, state, polisi_policy_lookup_clause (reference, polisi_clause_state_get_id (state)));
    }
}

/**
 * polisi_policy_to_bytes:
 *
 * Returns: (transfer full): the policy as a .polisi file
 */
GBytes *
polisi_policy_to_bytes (PolisiPolicy *policy)
{
  g_autoptr(xmlDoc) doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *root, *properties, *status, *clauses, *history, *node;
  xmlNs *ns;
  g_autofree char *review_cycle = NULL;
  xmlChar *buffer = NULL;
  int size = 0;

  g_return_val_if_fail (POLISI_IS_POLICY (policy), NULL);

  root = xmlNewDocNode (doc, NULL, (const xmlChar *) "policy", NULL);
  xmlDocSetRootElement (doc, root);
  ns = xmlNewNs (root, (const xmlChar *) POLISI_POLICY_NS, NULL);
  xmlSetNs (root, ns);
  xmlNewProp (root, (const xmlChar *) "format", (const xmlChar *) G_STRINGIFY (POLISI_POLICY_FORMAT));
  xmlNewProp (root, (const xmlChar *) "generator", (const xmlChar *) "Polisi " PACKAGE_VERSION);
  xmlNewProp (root, (const xmlChar *) "uid", (const xmlChar *) polisi_policy_get_uid (policy));

  write_organisation (root, ns, policy);

  properties = xmlNewChild (root, ns, (const xmlChar *) "properties", NULL);
  status = polisi_xml_add_text_child (properties, ns, "status",
                                      polisi_enum_to_string (POLISI_TYPE_STATUS, polisi_policy_get_status (policy)));
  if (polisi_policy_get_draft_by_change (policy))
    xmlNewProp (status, (const xmlChar *) "by-change", (const xmlChar *) "true");
  polisi_xml_add_text_child (properties, ns, "version", polisi_policy_get_version (policy));
  polisi_xml_add_text_child (properties, ns, "created", polisi_policy_get_created (policy));
  add_optional (properties, ns, "modified", polisi_policy_get_modified (policy));
  add_optional (properties, ns, "adopted", polisi_policy_get_adoption_date (policy));
  add_optional (properties, ns, "approved-by", polisi_policy_get_approved_by (policy));
  add_optional (properties, ns, "closing-date", polisi_policy_get_closing_date (policy));
  review_cycle = g_strdup_printf ("%u", polisi_policy_get_review_cycle (policy));
  polisi_xml_add_text_child (properties, ns, "review-cycle", review_cycle);
  add_optional (properties, ns, "review-date", polisi_policy_get_review_date_override (policy));
  write_library (properties, ns, policy);

  write_answers (root, ns, policy, NULL);

  clauses = xmlNewChild (root, ns, (const xmlChar *) "clauses", NULL);
  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    write_clause (clauses, ns, polisi_policy_get_clause (policy, i), NULL);

  history = xmlNewChild (root, ns, (const xmlChar *) "history", NULL);
  for (guint i = 0; i < polisi_policy_get_n_versions (policy); i++)
    {
      const PolisiVersionRecord *record = polisi_policy_get_version_record (policy, i);
      g_autoptr(PolisiVersion) version = g_list_model_get_item (polisi_policy_get_versions (policy), i);
      PolisiPolicy *text = _polisi_version_get_text (version);

      node = xmlNewChild (history, ns, (const xmlChar *) "version", NULL);
      xmlNewProp (node, (const xmlChar *) "number", (const xmlChar *) record->version);
      xmlNewProp (node, (const xmlChar *) "date", (const xmlChar *) record->date);
      if (record->approved_by != NULL)
        xmlNewProp (node, (const xmlChar *) "approved-by", (const xmlChar *) record->approved_by);
      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        {
          xmlNode *summary = xmlNewChild (node, ns, (const xmlChar *) "summary", NULL);

          polisi_xml_set_lang (summary, lang);
          polisi_xml_add_blocks (summary, ns, record->summary[lang]);
        }
      if (text != NULL)
        write_version_text (node, ns, text, next_reference (policy, i));
    }

  if (polisi_policy_get_pending_summary (policy, POLISI_LANG_CY) != NULL ||
      polisi_policy_get_pending_summary (policy, POLISI_LANG_EN) != NULL)
    {
      /* the element's name is the one earlier files have */
      xmlNode *draft = xmlNewChild (root, ns, (const xmlChar *) "draft-summary", NULL);

      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        if (polisi_policy_get_pending_summary (policy, lang) != NULL)
          {
            xmlNode *summary = xmlNewChild (draft, ns, (const xmlChar *) "summary", NULL);

            polisi_xml_set_lang (summary, lang);
            polisi_xml_add_blocks (summary, ns, polisi_policy_get_pending_summary (policy, lang));
          }
    }

  if (polisi_policy_get_n_review_triggers (policy) > 0)
    {
      xmlNode *triggers = xmlNewChild (root, ns, (const xmlChar *) "review-triggers", NULL);

      for (guint i = 0; i < polisi_policy_get_n_review_triggers (policy); i++)
        {
          const PolisiReviewTrigger *trigger = polisi_policy_get_review_trigger (policy, i);

          node = polisi_xml_add_text_child (triggers, ns, "trigger", trigger->note);
          xmlNewProp (node, (const xmlChar *) "kind",
                      (const xmlChar *) polisi_enum_to_string (POLISI_TYPE_TRIGGER_KIND, trigger->kind));
          xmlNewProp (node, (const xmlChar *) "date", (const xmlChar *) trigger->date);
        }
    }

  if (polisi_policy_get_n_comments (policy) > 0)
    {
      xmlNode *comments = xmlNewChild (root, ns, (const xmlChar *) "comments", NULL);

      for (guint i = 0; i < polisi_policy_get_n_comments (policy); i++)
        {
          const PolisiComment *comment = polisi_policy_get_comment (policy, i);
          xmlNode *body;

          node = xmlNewChild (comments, ns, (const xmlChar *) "comment", NULL);
          xmlNewProp (node, (const xmlChar *) "id", (const xmlChar *) comment->id);
          if (comment->clause_id != NULL)
            xmlNewProp (node, (const xmlChar *) "clause", (const xmlChar *) comment->clause_id);
          if (comment->version != NULL)
            xmlNewProp (node, (const xmlChar *) "version", (const xmlChar *) comment->version);
          if (comment->author != NULL)
            xmlNewProp (node, (const xmlChar *) "author", (const xmlChar *) comment->author);
          if (comment->date != NULL)
            xmlNewProp (node, (const xmlChar *) "date", (const xmlChar *) comment->date);
          if (comment->lang >= 0)
            xmlNewProp (node, (const xmlChar *) "lang", (const xmlChar *) polisi_lang_to_code (comment->lang));
          body = xmlNewChild (node, ns, (const xmlChar *) "body", NULL);
          polisi_xml_add_blocks (body, ns, comment->body);
          if (comment->response != NULL)
            {
              xmlNode *response = xmlNewChild (node, ns, (const xmlChar *) "response", NULL);

              if (comment->response_author != NULL)
                xmlNewProp (response, (const xmlChar *) "author", (const xmlChar *) comment->response_author);
              if (comment->response_date != NULL)
                xmlNewProp (response, (const xmlChar *) "date", (const xmlChar *) comment->response_date);
              polisi_xml_add_blocks (response, ns, comment->response);
            }
        }
    }

  if (g_list_model_get_n_items (polisi_policy_get_proposals (policy)) > 0)
    {
      GListModel *proposals = polisi_policy_get_proposals (policy);
      xmlNode *list = xmlNewChild (root, ns, (const xmlChar *) "proposals", NULL);

      for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
        {
          g_autoptr(PolisiProposal) proposal = g_list_model_get_item (proposals, i);

          node = xmlNewChild (list, ns, (const xmlChar *) "proposal", NULL);
          xmlNewProp (node, (const xmlChar *) "id", (const xmlChar *) polisi_proposal_get_id (proposal));
          xmlNewProp (node, (const xmlChar *) "clause", (const xmlChar *) polisi_proposal_get_clause_id (proposal));
          xmlNewProp (node, (const xmlChar *) "kind",
                      (const xmlChar *) (polisi_proposal_get_kind (proposal) == POLISI_PROPOSAL_INSERTION ?
                                         "insertion" : "deletion"));
          xmlNewProp (node, (const xmlChar *) "lang",
                      (const xmlChar *) polisi_lang_to_code (polisi_proposal_get_lang (proposal)));
          if (polisi_proposal_get_version (proposal) != NULL)
            xmlNewProp (node, (const xmlChar *) "version", (const xmlChar *) polisi_proposal_get_version (proposal));
          if (polisi_proposal_get_author (proposal) != NULL)
            xmlNewProp (node, (const xmlChar *) "author", (const xmlChar *) polisi_proposal_get_author (proposal));
          if (polisi_proposal_get_date (proposal) != NULL)
            xmlNewProp (node, (const xmlChar *) "date", (const xmlChar *) polisi_proposal_get_date (proposal));
          xmlNewProp (node, (const xmlChar *) "before", (const xmlChar *) polisi_proposal_get_before (proposal));
          xmlNewProp (node, (const xmlChar *) "text", (const xmlChar *) polisi_proposal_get_text (proposal));
          xmlNewProp (node, (const xmlChar *) "after", (const xmlChar *) polisi_proposal_get_after (proposal));
        }
    }

  xmlDocDumpFormatMemoryEnc (doc, &buffer, &size, "UTF-8", 1);
  /* Indentation is a convenience: a large policy goes without it rather
   * than past what the reader takes. */
  if (size > POLISI_XML_MAX_SIZE)
    {
      xmlFree (buffer);
      buffer = NULL;
      xmlDocDumpFormatMemoryEnc (doc, &buffer, &size, "UTF-8", 0);
    }
  return g_bytes_new_with_free_func (buffer, size, (GDestroyNotify) xmlFree, buffer);
}

/**
 * polisi_policy_to_file_bytes:
 * @display_name: the file's name, for the message
 *
 * The policy as a .polisi file, if Polisi can read that file back: never
 * larger than the reader's limit. What is written and what is read agree,
 * so a save can never replace a good file with one that cannot be opened.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
polisi_policy_to_file_bytes (PolisiPolicy  *policy,
                             const char    *display_name,
                             GError       **error)
{
  g_autoptr(GBytes) bytes = polisi_policy_to_bytes (policy);
  gsize size = g_bytes_get_size (bytes);

  if (size > POLISI_XML_MAX_SIZE)
    {
      g_autofree char *have = g_format_size (size);
      g_autofree char *limit = g_format_size (POLISI_XML_MAX_SIZE);

      g_set_error (error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE,
                   _("“%s” was not saved: with its texts and comments it would be %s, more than the %s Polisi can open "
                     "again. The file on disk is as it was. Shorten the longest texts or comments, or remove ones "
                     "that are not needed, and save again."),
                   display_name, have, limit);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

/**
 * polisi_policy_file_is_policy:
 *
 * Whether @file is, or is named as, a Polisi policy: its name ends in
 * .polisi, or it exists and its main element is a policy's (whatever it is
 * called, and wherever a link leads). Writers of other files check this:
 * an export never replaces a policy.
 */
gboolean
polisi_policy_file_is_policy (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GFileInputStream) stream = NULL;
  char head[4096];
  gsize n = 0;

  if (basename != NULL && g_str_has_suffix (basename, POLISI_POLICY_SUFFIX))
    return TRUE;

  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head - 1, &n, NULL, NULL))
    return FALSE;
  head[n] = '\0';
  /* the namespace is on the root element, in the first lines */
  return strstr (head, "<policy") != NULL && strstr (head, POLISI_POLICY_NS) != NULL;
}

/**
 * polisi_policy_save:
 *
 * Saves @policy to @file in one atomic step, recording the time of saving.
 * On failure @file is as it was.
 */
gboolean
polisi_policy_save (PolisiPolicy  *policy,
                    GFile         *file,
                    GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *previous = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const void *data;

  g_return_val_if_fail (POLISI_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  previous = g_strdup (polisi_policy_get_modified (policy));
  polisi_policy_set_modified (policy, stamp);
  display_name = polisi_xml_display_name (file);
  bytes = polisi_policy_to_file_bytes (policy, display_name, error);
  if (bytes == NULL)
    {
      polisi_policy_set_modified (policy, previous);
      return FALSE;
    }
  data = g_bytes_get_data (bytes, &size);

  if (!polisi_file_replace (file, data, size, error))
    {
      polisi_policy_set_modified (policy, previous);
      return FALSE;
    }

  return TRUE;
}
