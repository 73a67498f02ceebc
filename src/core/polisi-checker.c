/* polisi-checker.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checker reads a policy the way a careful reviewer would before it
 * goes to the governors: is every question answered, is every included
 * clause there in both languages, does each translation match its master,
 * does any text (the author's own edits too) cite a law by an old name,
 * is the review overdue, do two clauses that offer the same choice (consult
 * the unions, or also seek their agreement) say different things? Each finding names the place to fix it and says
 * what to do, in the interface language.
 *
 * Outside Wales a policy is in English only: missing or stale Welsh is
 * then not a problem.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "polisi-assembler.h"
#include "polisi-checker.h"
#include "polisi-dates.h"

#define REVIEW_WARNING_DAYS 60

static void
finding_free (gpointer data)
{
  PolisiFinding *finding = data;

  g_free (finding->clause_id);
  g_free (finding->placeholder);
  g_free (finding->message);
  g_free (finding);
}

static void
add_finding (GPtrArray         *findings,
             PolisiSeverity     severity,
             PolisiFindingKind  kind,
             const char        *clause_id,
             const char        *placeholder,
             int                lang,
             char              *message)
{
  PolisiFinding *finding = g_new0 (PolisiFinding, 1);

  finding->severity = severity;
  finding->kind = kind;
  finding->clause_id = g_strdup (clause_id);
  finding->placeholder = g_strdup (placeholder);
  finding->lang = lang;
  finding->message = message;
  g_ptr_array_add (findings, finding);
}

static const char *
language_name (PolisiLang lang)
{
  return lang == POLISI_LANG_CY ? _("Welsh") : _("English");
}

/* "Contact with learners and parents › Friend requests from parents" */
static char *
clause_place (PolisiPolicy  *policy,
              PolisiLibrary *library,
              const char    *clause_id)
{
  PolisiLang lang = polisi_interface_lang ();
  const char *section_id = polisi_policy_get_clause_section (policy, library, clause_id);
  PolisiSection *section = section_id != NULL ? polisi_library_lookup_section (library, section_id) : NULL;
  /* the policy's own title or new name for it, else the library's */
  const char *title = polisi_policy_get_clause_title (policy, library, clause_id, lang);

  if (section == NULL || title == NULL)
    return g_strdup_printf ("“%s”", title != NULL ? title : clause_id);

  return g_strdup_printf ("%s › %s", polisi_section_get_title (section, lang), title);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static void
check_organisation (GPtrArray    *findings,
                    PolisiPolicy *policy,
                    gboolean      bilingual)
{
  const char *cy = polisi_policy_get_name (policy, POLISI_LANG_CY);
  const char *en = polisi_policy_get_name (policy, POLISI_LANG_EN);

  if (is_empty (cy) && is_empty (en))
    {
      add_finding (findings, POLISI_SEVERITY_ERROR, POLISI_FINDING_MISSING_NAME, NULL, NULL, -1,
                   g_strdup (_("The organisation has no name. Enter its name in the Organisation step.")));
      return;
    }

  if (bilingual && (is_empty (cy) || is_empty (en)))
    {
      PolisiLang missing = is_empty (cy) ? POLISI_LANG_CY : POLISI_LANG_EN;

      add_finding (findings, POLISI_SEVERITY_WARNING, POLISI_FINDING_MISSING_NAME, NULL, NULL, missing,
                   g_strdup_printf (_("The organisation has no %s name, so the other name is used in that language. "
                                      "Enter it in the Organisation step if it differs."),
                                    language_name (missing)));
    }
}

static void
check_placeholders (GPtrArray     *findings,
                    PolisiPolicy  *policy,
                    PolisiLibrary *library,
                    gboolean       bilingual)
{
  g_autoptr(GPtrArray) uses = polisi_policy_list_placeholders_in_use (policy);

  for (guint u = 0; u < uses->len; u++)
    {
      const PolisiPlaceholderUse *use = uses->pdata[u];
      const char *clause_id = use->clause_id;
      const char *id = use->id;
      PolisiLang lang = use->lang;
      PolisiPlaceholder *declared = polisi_library_lookup_placeholder (library, id);
      g_autofree char *place = clause_place (policy, library, clause_id);
      g_autofree char *value = NULL;
      PolisiLang ui = polisi_interface_lang ();

      if (declared == NULL)
        {
          add_finding (findings, POLISI_SEVERITY_ERROR, POLISI_FINDING_UNKNOWN_PLACEHOLDER, clause_id, id, lang,
                       g_strdup_printf (_("%s: the text asks for {%s}, which Polisi does not know. "
                                          "Check the spelling, or remove the braces."),
                                        place, id));
          continue;
        }

      switch (polisi_placeholder_get_derived (declared))
        {
        case POLISI_DERIVED_ORGANISATION_NAME:
        case POLISI_DERIVED_REVIEW_CYCLE:
          continue;

        case POLISI_DERIVED_ADOPTION_DATE:
        case POLISI_DERIVED_REVIEW_DATE:
          value = polisi_assemble_resolve (policy, library, id, lang);
          if (value == NULL)
            add_finding (findings, POLISI_SEVERITY_INFO, POLISI_FINDING_PENDING_DATE, clause_id, id, -1,
                         g_strdup_printf (_("“%s” is filled in when the policy is adopted (used in %s)."),
                                          polisi_placeholder_get_label (declared, ui), place));
          continue;

        case POLISI_DERIVED_NONE:
        default:
          break;
        }

      if (polisi_policy_get_answer (policy, id, POLISI_LANG_CY) == NULL &&
          polisi_policy_get_answer (policy, id, POLISI_LANG_EN) == NULL)
        {
          add_finding (findings, POLISI_SEVERITY_ERROR, POLISI_FINDING_UNFILLED_PLACEHOLDER, clause_id, id, -1,
                       g_strdup_printf (_("“%s” has no answer yet (first needed in %s). Fill it in, or leave out the clauses that need it."),
                                        polisi_placeholder_get_label (declared, ui), place));
        }
      else if (bilingual && polisi_placeholder_is_bilingual (declared))
        {
          for (guint l = 0; l < POLISI_N_LANGS; l++)
            if (polisi_policy_get_answer (policy, id, l) == NULL)
              add_finding (findings, POLISI_SEVERITY_WARNING, POLISI_FINDING_UNFILLED_PLACEHOLDER, clause_id, id, l,
                           g_strdup_printf (_("“%s” has no %s answer, so the other language’s answer is used. Enter it if it differs."),
                                            polisi_placeholder_get_label (declared, ui), language_name (l)));
        }
    }
}

/* Whether @text is, word for word, the built-in library's text of @clause
 * in a wording written for @nation. Those texts cite no law by an
 * out-of-date name for the nation they are written for, by the built-in
 * register (test-library's /library/no-outdated-legislation checks every
 * one), so a clause still in the model's words needs no search: most of a
 * policy's clauses, and most of the check's work. */
static gboolean
is_builtin_model_text (PolisiClause      *clause,
                       PolisiLegislation *legislation,
                       const char        *text,
                       PolisiLang         lang,
                       PolisiNation       nation)
{
  if (clause == NULL || text == NULL || !polisi_legislation_is_builtin (legislation))
    return FALSE;
  for (guint a = 0; a < polisi_clause_get_n_alternatives (clause); a++)
    {
      const PolisiAlternative *alternative = polisi_clause_get_alternative (clause, a);

      if (polisi_clause_alternative_applies (alternative, nation) && g_strcmp0 (alternative->text[lang], text) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
check_clauses (GPtrArray         *findings,
               PolisiPolicy      *policy,
               PolisiLibrary     *library,
               PolisiLegislation *legislation,
               gboolean           bilingual)
{
  PolisiNation nation = polisi_policy_get_nation (policy);

  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    {
      PolisiClauseState *state = polisi_policy_get_clause (policy, i);
      const char *clause_id = polisi_clause_state_get_id (state);
      PolisiClause *clause = polisi_library_lookup_clause (library, clause_id);
      PolisiClause *model = polisi_library_is_builtin (library) ? clause : NULL;
      g_autofree char *place = clause_place (policy, library, clause_id);

      if (!polisi_clause_state_get_included (state))
        {
          if (clause != NULL && polisi_clause_get_default (clause) == POLISI_CLAUSE_REQUIRED)
            add_finding (findings, POLISI_SEVERITY_ERROR, POLISI_FINDING_REQUIRED_EXCLUDED, clause_id, NULL, -1,
                         g_strdup_printf (_("%s is required but has been left out. Include it again."), place));
          continue;
        }

      if (clause != NULL)
        {
          const PolisiAlternative *alternative =
            polisi_clause_lookup_alternative (clause, polisi_clause_state_get_alternative (state));

          if (alternative != NULL && !polisi_clause_alternative_applies (alternative, nation))
            add_finding (findings, POLISI_SEVERITY_WARNING, POLISI_FINDING_OTHER_NATION, clause_id, NULL, -1,
                         g_strdup_printf (nation == POLISI_NATION_WALES ?
                                          _("%s uses the wording for England, but the school is in Wales. Choose the wording for Wales.") :
                                          _("%s uses the wording for Wales, but the school is outside Wales. Choose the wording for England."),
                                          place));
        }

      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        {
          const char *text = polisi_clause_state_get_text (state, lang);
          g_autoptr(GArray) outdated = NULL;

          if (!bilingual && lang == POLISI_LANG_CY)
            continue;

          if (is_empty (text))
            add_finding (findings, POLISI_SEVERITY_ERROR, POLISI_FINDING_MISSING_TEXT, clause_id, NULL, lang,
                         g_strdup_printf (_("%s has no %s text. Write it, or leave the clause out."),
                                          place, language_name (lang)));
          else if (polisi_clause_state_get_needs_update (state, lang))
            add_finding (findings, POLISI_SEVERITY_ERROR, POLISI_FINDING_STALE_TRANSLATION, clause_id, NULL, lang,
                         g_strdup_printf (_("%s: the %s text may be out of date, because the other language was edited. "
                                            "Update it to match, then mark it as checked."),
                                          place, language_name (lang)));
          if (polisi_clause_state_get_own (state) && polisi_clause_state_get_title (state, lang) == NULL)
            add_finding (findings, POLISI_SEVERITY_WARNING, POLISI_FINDING_MISSING_TEXT, clause_id, NULL, lang,
                         g_strdup_printf (_("%s, a clause of your own, has no %s title. Give it one."),
                                          place, language_name (lang)));

          if (legislation == NULL || is_builtin_model_text (model, legislation, text, lang, nation))
            continue;
          outdated = polisi_legislation_find_outdated (legislation, text, lang, nation);
          for (guint j = 0; j < outdated->len; j++)
            {
              PolisiOutdatedCitation *citation = &g_array_index (outdated, PolisiOutdatedCitation, j);

              add_finding (findings, POLISI_SEVERITY_ERROR, POLISI_FINDING_OUTDATED_LEGISLATION, clause_id, NULL, lang,
                           g_strdup_printf (_("%s (%s) cites “%s”, which is out of date. Cite “%s” instead."),
                                            place, language_name (lang), citation->old_name->text,
                                            citation->instrument->name[lang]));
            }
        }
    }
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The ids of the wordings of @clause that apply in every nation, sorted
 * and joined: two clauses with the same two or more such ids offer the
 * same choice, and a policy should make it once. */
static char *
choice_key (PolisiClause *clause)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < polisi_clause_get_n_alternatives (clause); i++)
    {
      const PolisiAlternative *alternative = polisi_clause_get_alternative (clause, i);

      if (alternative->any_nation)
        g_ptr_array_add (ids, alternative->id);
    }
  if (ids->len < 2)
    return NULL;
  g_ptr_array_sort (ids, compare_ids);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

static void
check_wordings_agree (GPtrArray     *findings,
                      PolisiPolicy  *policy,
                      PolisiLibrary *library)
{
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PolisiLang ui = polisi_interface_lang ();

  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    {
      PolisiClauseState *state = polisi_policy_get_clause (policy, i);
      PolisiClause *clause = polisi_library_lookup_clause (library, polisi_clause_state_get_id (state));
      g_autofree char *key = NULL;
      PolisiClauseState *earlier;
      PolisiClause *earlier_clause;
      const PolisiAlternative *mine, *theirs;

      if (clause == NULL || !polisi_clause_state_get_included (state) ||
          (key = choice_key (clause)) == NULL)
        continue;
      mine = polisi_clause_lookup_alternative (clause, polisi_clause_state_get_alternative (state));
      if (mine == NULL)
        continue;
      earlier = g_hash_table_lookup (first, key);
      if (earlier == NULL)
        {
          g_hash_table_insert (first, g_steal_pointer (&key), state);
          continue;
        }
      earlier_clause = polisi_library_lookup_clause (library, polisi_clause_state_get_id (earlier));
      theirs = polisi_clause_lookup_alternative (earlier_clause, polisi_clause_state_get_alternative (earlier));
      if (g_strcmp0 (mine->id, theirs->id) != 0)
        {
          g_autofree char *place = clause_place (policy, library, polisi_clause_state_get_id (state));
          g_autofree char *other = clause_place (policy, library, polisi_clause_state_get_id (earlier));

          add_finding (findings, POLISI_SEVERITY_WARNING, POLISI_FINDING_DIFFERENT_WORDINGS,
                       polisi_clause_state_get_id (state), NULL, -1,
                       /* Translators: "Clause 17.3 uses the wording “Consult”, but clause 2.6 uses “Consult and
                        * seek agreement”: ..." */
                       g_strdup_printf (_("%s uses the wording “%s”, but %s uses “%s”: the policy would say two different things. "
                                          "Choose the same wording in both."),
                                        place, mine->label[ui], other, theirs->label[ui]));
        }
    }
}

static void
check_dates (GPtrArray    *findings,
             PolisiPolicy *policy,
             const GDate  *today)
{
  const PolisiReviewTrigger *trigger = NULL;
  GDate review;

  if (polisi_policy_get_status (policy) == POLISI_STATUS_CONSULTATION &&
      polisi_policy_get_closing_date (policy) == NULL)
    add_finding (findings, POLISI_SEVERITY_ERROR, POLISI_FINDING_NO_CLOSING_DATE, NULL, NULL, -1,
                 g_strdup (_("The consultation draft has no closing date for comments. Set one before sharing it.")));

  /* A draft of a new version says what it changes, in each language the
   * policy is published in. */
  if (polisi_policy_get_status (policy) == POLISI_STATUS_CONSULTATION && polisi_policy_get_n_versions (policy) > 0)
    {
      gboolean wales = polisi_policy_get_nation (policy) == POLISI_NATION_WALES;

      if (polisi_policy_get_pending_summary (policy, POLISI_LANG_EN) == NULL)
        add_finding (findings, POLISI_SEVERITY_WARNING, POLISI_FINDING_NO_PENDING_SUMMARY, NULL, NULL, POLISI_LANG_EN,
                     g_strdup (_("The consultation draft does not say what it changes: write its summary of changes "
                                 "in English.")));
      if (wales && polisi_policy_get_pending_summary (policy, POLISI_LANG_CY) == NULL)
        add_finding (findings, POLISI_SEVERITY_WARNING, POLISI_FINDING_NO_PENDING_SUMMARY, NULL, NULL, POLISI_LANG_CY,
                     g_strdup (_("The consultation draft does not say what it changes: write its summary of changes "
                                 "in Welsh.")));
    }

  if (polisi_policy_get_review_due (policy, &review, &trigger))
    {
      int days = g_date_days_between (today, &review);
      g_autofree char *when = polisi_date_format (&review, polisi_interface_lang ());
      g_autofree char *reason = NULL;

      if (trigger != NULL)
        reason = trigger->note != NULL ?
                 /* Translators: "new legislation (Online Safety Act 2023, Part 10 in force)" */
                 g_strdup_printf (_("%s (%s)"), polisi_trigger_kind_get_label (trigger->kind), trigger->note) :
                 g_strdup (polisi_trigger_kind_get_label (trigger->kind));

      if (trigger != NULL && days <= 0)
        add_finding (findings, POLISI_SEVERITY_ERROR, POLISI_FINDING_REVIEW_OVERDUE, NULL, NULL, -1,
                     g_strdup_printf (_("A review has been due since %s, because of %s. Review the policy and adopt a new version."),
                                      when, reason));
      else if (days < 0)
        add_finding (findings, POLISI_SEVERITY_ERROR, POLISI_FINDING_REVIEW_OVERDUE, NULL, NULL, -1,
                     g_strdup_printf (_("The review was due on %s and is overdue. Review the policy and adopt a new version."),
                                      when));
      else if (trigger != NULL && days <= REVIEW_WARNING_DAYS)
        add_finding (findings, POLISI_SEVERITY_WARNING, POLISI_FINDING_REVIEW_DUE, NULL, NULL, -1,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "The review is due on %s, in %d day, because of %s.",
                                                   "The review is due on %s, in %d days, because of %s.", days),
                                      when, days, reason));
      else if (days <= REVIEW_WARNING_DAYS)
        add_finding (findings, POLISI_SEVERITY_WARNING, POLISI_FINDING_REVIEW_DUE, NULL, NULL, -1,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "The review is due on %s, in %d day.",
                                                   "The review is due on %s, in %d days.", days),
                                      when, days));
    }
}

static gboolean
is_unusable_date (const char *text)
{
  GDate date;

  return text != NULL && text[0] != '\0' && !polisi_date_parse_iso (text, &date);
}

/* Dates kept in the file that the one date rule refuses (a five-digit or
 * negative year is a valid XML Schema date): said, not silently ignored. */
static void
check_stored_dates (GPtrArray    *findings,
                    PolisiPolicy *policy)
{
  const char *date;

  if (is_unusable_date (date = polisi_policy_get_adoption_date (policy)))
    add_finding (findings, POLISI_SEVERITY_ERROR, POLISI_FINDING_INVALID_DATE, NULL, NULL, -1,
                 g_strdup_printf (_("The date of adoption, “%s”, is not a date Polisi can use. Set it again as "
                                    "YYYY-MM-DD, with a year from 1900 to 9999."), date));
  if (is_unusable_date (date = polisi_policy_get_closing_date (policy)))
    add_finding (findings, POLISI_SEVERITY_ERROR, POLISI_FINDING_INVALID_DATE, NULL, NULL, -1,
                 g_strdup_printf (_("The closing date, “%s”, is not a date Polisi can use. Set it again as "
                                    "YYYY-MM-DD, with a year from 1900 to 9999."), date));
  if (is_unusable_date (date = polisi_policy_get_review_date_override (policy)))
    add_finding (findings, POLISI_SEVERITY_ERROR, POLISI_FINDING_INVALID_DATE, NULL, NULL, -1,
                 g_strdup_printf (_("The review date, “%s”, is not a date Polisi can use. Set it again as "
                                    "YYYY-MM-DD, with a year from 1900 to 9999."), date));
  for (guint i = 0; i < polisi_policy_get_n_versions (policy); i++)
    {
      const PolisiVersionRecord *record = polisi_policy_get_version_record (policy, i);

      if (is_unusable_date (record->date))
        add_finding (findings, POLISI_SEVERITY_ERROR, POLISI_FINDING_INVALID_DATE, NULL, NULL, -1,
                     g_strdup_printf (_("The date of adoption of version %s, “%s”, is not a date Polisi can use. "
                                        "Correct it in the version history, as YYYY-MM-DD with a year from 1900 to 9999."),
                                      record->version, record->date));
    }
  for (guint i = 0; i < polisi_policy_get_n_review_triggers (policy); i++)
    {
      const PolisiReviewTrigger *trigger = polisi_policy_get_review_trigger (policy, i);

      if (is_unusable_date (trigger->date))
        add_finding (findings, POLISI_SEVERITY_ERROR, POLISI_FINDING_INVALID_DATE, NULL, NULL, -1,
                     g_strdup_printf (_("A review trigger has the date “%s”, which is not a date Polisi can use. "
                                        "Remove it and add it again with a date as YYYY-MM-DD, with a year from 1900 to 9999."),
                                      trigger->date));
    }
}

/**
 * polisi_check:
 * @legislation: (nullable): the register, to find out-of-date citations
 * @today: the date to measure the review against
 *
 * Returns: (transfer container) (element-type PolisiFinding): the
 *   findings, errors first, then warnings, then information
 */
GPtrArray *
polisi_check (PolisiPolicy      *policy,
              PolisiLibrary     *library,
              PolisiLegislation *legislation,
              const GDate       *today)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func (finding_free);
  gboolean bilingual;

  g_return_val_if_fail (POLISI_IS_POLICY (policy), findings);
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), findings);
  g_return_val_if_fail (today != NULL && g_date_valid (today), findings);

  bilingual = polisi_policy_get_nation (policy) == POLISI_NATION_WALES;

  check_organisation (findings, policy, bilingual);
  check_placeholders (findings, policy, library, bilingual);
  check_clauses (findings, policy, library, legislation, bilingual);
  check_wordings_agree (findings, policy, library);
  check_dates (findings, policy, today);
  check_stored_dates (findings, policy);

  if (polisi_policy_get_library_version (policy) != NULL &&
      g_strcmp0 (polisi_policy_get_library_id (policy), polisi_library_get_id (library)) == 0 &&
      polisi_library_compare_versions (polisi_policy_get_library_version (policy),
                                       polisi_library_get_version (library)) < 0)
    add_finding (findings, POLISI_SEVERITY_INFO, POLISI_FINDING_LIBRARY_UPDATED, NULL, NULL, -1,
                 g_strdup_printf (_("The model clauses have been updated since this policy was made (%s, now %s). "
                                    "Review the changes at the next review."),
                                  polisi_policy_get_library_version (policy), polisi_library_get_version (library)));

  /* A stable sort keeps each severity's findings in document order. */
  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

    for (int severity = POLISI_SEVERITY_ERROR; severity <= POLISI_SEVERITY_INFO; severity++)
      for (guint i = 0; i < findings->len; i++)
        if (((PolisiFinding *) findings->pdata[i])->severity == (PolisiSeverity) severity)
          g_ptr_array_add (sorted, findings->pdata[i]);
    for (guint i = 0; i < sorted->len; i++)
      findings->pdata[i] = sorted->pdata[i];
  }

  return findings;
}

guint
polisi_check_count (GPtrArray      *findings,
                    PolisiSeverity  severity)
{
  guint count = 0;

  for (guint i = 0; i < findings->len; i++)
    if (((PolisiFinding *) findings->pdata[i])->severity == severity)
      count++;
  return count;
}

/**
 * polisi_check_adoption:
 * @legislation: (nullable): the register, to find out-of-date citations
 * @today: the date of the check
 *
 * What stops the policy from being adopted: every finding of polisi_check()
 * that must be fixed, such as a clause still citing a repealed Act or a
 * Welsh text marked out of date, except those the adoption itself settles
 * (an overdue review is done by adopting; a consultation's closing date
 * ends with it). Adoption is refused while the list is not empty, in the
 * window and on the command line.
 *
 * Returns: (transfer container) (element-type PolisiFinding): the
 *   findings that block adoption, in document order; empty when none
 */
GPtrArray *
polisi_check_adoption (PolisiPolicy      *policy,
                       PolisiLibrary     *library,
                       PolisiLegislation *legislation,
                       const GDate       *today)
{
  g_autoptr(GPtrArray) findings = polisi_check (policy, library, legislation, today);
  GPtrArray *blockers = g_ptr_array_new_with_free_func (finding_free);

  /* errors come first; the others are left for the check */
  for (guint i = 0; i < findings->len; i++)
    {
      PolisiFinding *finding = findings->pdata[i];

      if (finding->severity != POLISI_SEVERITY_ERROR ||
          finding->kind == POLISI_FINDING_REVIEW_OVERDUE ||
          finding->kind == POLISI_FINDING_NO_CLOSING_DATE)
        continue;
      g_ptr_array_add (blockers, g_steal_pointer (&findings->pdata[i]));
    }
  /* the stolen ones are NULL now, and finding_free must not see them */
  g_ptr_array_set_free_func (findings, NULL);
  for (guint i = 0; i < findings->len; i++)
    if (findings->pdata[i] != NULL)
      finding_free (findings->pdata[i]);

  return blockers;
}
