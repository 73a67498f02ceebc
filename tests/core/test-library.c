/* test-library.c: the shipped clause library and legislation register
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "polisi-error.h"
#include "polisi-test-utils.h"
#include "polisi-text.h"
#include "polisi-xml-private.h"

/* The parts of a staff social media policy (DESIGN, "The content"). */
static const char *required_sections[] = {
  "purpose", "scope", "roles", "definitions", "personal-use", "official-accounts", "contact",
  "images", "safeguarding", "reporting", "cyberbullying", "employer-action", "breaches",
  "monitoring", "review", "legislation", "conclusion", "guidance",
  "ai", "recruitment", "learner-charter",
};

static const char *known_sources[] = {
  "neu-model", "neu-leadership", "ewc-2023", "ewc-guide", "council-guidance", "scw", "legislation-register",
};

static void
test_builtin_loads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiLibrary) library = polisi_library_new_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (library);
  g_assert_cmpstr (polisi_library_get_id (library), ==, "polisi-staff-social-media");
  g_assert_cmpuint (polisi_library_get_n_clauses (library), >=, 80);
  g_assert_cmpstr (polisi_library_get_title (library, POLISI_LANG_CY), ==, "Polisi cyfryngau cymdeithasol staff");
  g_assert_finalize_object (g_steal_pointer (&library));
}

static void
test_sections (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  PolisiLibrary *library = polisi_context_get_library (context);
  guint appendices = 0;

  for (guint i = 0; i < G_N_ELEMENTS (required_sections); i++)
    {
      PolisiSection *section = polisi_library_lookup_section (library, required_sections[i]);

      g_test_message ("section %s", required_sections[i]);
      g_assert_nonnull (section);
      g_assert_cmpuint (polisi_section_get_n_clauses (section), >=, 2);
      g_assert_nonnull (polisi_section_get_guidance (section, POLISI_LANG_CY));
      g_assert_nonnull (polisi_section_get_guidance (section, POLISI_LANG_EN));
      g_assert_cmpstr (polisi_section_get_title (section, POLISI_LANG_CY), !=,
                       polisi_section_get_title (section, POLISI_LANG_EN));
    }

  for (guint i = 0; i < polisi_library_get_n_sections (library); i++)
    if (polisi_section_is_appendix (polisi_library_get_section (library, i)))
      appendices++;
  g_assert_cmpuint (appendices, >=, 1);
  g_assert_true (polisi_section_is_appendix (polisi_library_lookup_section (library, "guidance")));
}

static void
test_verify (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  g_autoptr(GPtrArray) problems = polisi_library_verify (polisi_context_get_library (context));

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);
}

static gboolean
is_known_source (const char *ref)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_sources); i++)
    if (g_str_equal (ref, known_sources[i]))
      return TRUE;
  return FALSE;
}

static void
test_every_clause (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  PolisiLibrary *library = polisi_context_get_library (context);
  guint required = 0, recommended = 0, optional = 0, with_alternatives = 0;

  for (guint s = 0; s < polisi_library_get_n_sections (library); s++)
    {
      PolisiSection *section = polisi_library_get_section (library, s);

      for (guint c = 0; c < polisi_section_get_n_clauses (section); c++)
        {
          PolisiClause *clause = polisi_section_get_clause (section, c);
          const char *id = polisi_clause_get_id (clause);
          g_autoptr(GPtrArray) used = polisi_clause_get_placeholders (clause);

          g_test_message ("clause %s", id);
          g_assert_true (g_str_has_prefix (id, polisi_section_get_id (section)));
          g_assert_cmpuint (polisi_clause_get_n_alternatives (clause), >=, 1);
          g_assert_cmpuint (polisi_clause_get_n_citations (clause), >=, 1);

          for (guint i = 0; i < polisi_clause_get_n_citations (clause); i++)
            {
              const PolisiCitation *citation = polisi_clause_get_citation (clause, i);

              g_assert_true (is_known_source (citation->ref));
              g_assert_nonnull (citation->section);
              g_assert_cmpstr (citation->section, !=, "");
              g_assert_nonnull (polisi_library_get_source_title (library, citation->ref, POLISI_LANG_CY));
            }

          for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
            {
              g_assert_nonnull (polisi_clause_get_title (clause, lang));
              g_assert_cmpuint (strlen (polisi_clause_get_guidance (clause, lang)), >, 40);
            }

          for (guint a = 0; a < polisi_clause_get_n_alternatives (clause); a++)
            {
              const PolisiAlternative *alternative = polisi_clause_get_alternative (clause, a);

              for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
                {
                  g_assert_nonnull (alternative->label[lang]);
                  g_assert_nonnull (alternative->text[lang]);
                  g_assert_cmpuint (strlen (alternative->text[lang]), >, 20);
                }
              /* The two languages differ: nothing was left untranslated. */
              g_assert_cmpstr (alternative->text[POLISI_LANG_CY], !=, alternative->text[POLISI_LANG_EN]);
            }

          for (guint i = 0; i < used->len; i++)
            g_assert_nonnull (polisi_library_lookup_placeholder (library, used->pdata[i]));

          switch (polisi_clause_get_default (clause))
            {
            case POLISI_CLAUSE_REQUIRED:
              required++;
              g_assert_nonnull (polisi_clause_get_reason (clause, POLISI_LANG_CY));
              g_assert_nonnull (polisi_clause_get_reason (clause, POLISI_LANG_EN));
              break;
            case POLISI_CLAUSE_RECOMMENDED:
              recommended++;
              break;
            case POLISI_CLAUSE_OPTIONAL:
            default:
              optional++;
              break;
            }
          if (polisi_clause_get_n_alternatives (clause) > 1)
            with_alternatives++;
        }
    }

  g_assert_cmpuint (required, >, 0);
  g_assert_cmpuint (recommended, >, 0);
  g_assert_cmpuint (optional, >, 0);
  g_assert_cmpuint (with_alternatives, >=, 6);
}

/* The choices where the sources disagree or schools differ are offered as
 * alternatives. */
static void
test_alternatives (void)
{
  static const char *clauses[] = {
    "contact.parents",                  /* friend requests from parents */
    "contact.former-learners",          /* under 18 only, or all */
    "personal-use.working-hours",       /* lesson time, working hours */
    "official-accounts.approval",       /* who approves a new account */
    "employer-action.removal",          /* how fast a removal request */
    "personal-use.anonymous-accounts",  /* anonymous accounts */
    "ai.personal-data",                 /* approved AI tools, or none */
    "personal-use.messaging-groups",    /* personal groups, or the school's service */
    "images.recording",                 /* livestreams, or recordings only */
    "recruitment.online-searches",      /* search candidates online, or not */
    "learner-charter.promises",         /* younger or older learners */
  };
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  PolisiLibrary *library = polisi_context_get_library (context);

  for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
    {
      PolisiClause *clause = polisi_library_lookup_clause (library, clauses[i]);
      guint defaults = 0;

      g_test_message ("clause %s", clauses[i]);
      g_assert_nonnull (clause);
      g_assert_cmpuint (polisi_clause_get_n_alternatives (clause), >=, 2);
      for (guint a = 0; a < polisi_clause_get_n_alternatives (clause); a++)
        if (polisi_clause_get_alternative (clause, a)->is_default)
          defaults++;
      g_assert_cmpuint (defaults, <=, 1);
      /* the guidance explains the choice */
      g_assert_cmpuint (strlen (polisi_clause_get_guidance (clause, POLISI_LANG_EN)), >, 150);
      g_assert_cmpuint (strlen (polisi_clause_get_guidance (clause, POLISI_LANG_CY)), >, 150);
    }
}

/* The clauses added in library version 2026.12 for the risks of 2026: each
 * in its section with its default, new in that version (clause version 1,
 * a change note in both languages saying it is new), and written with
 * typographic apostrophes from the start. */
static const struct {
  const char *id;
  const char *section;
  PolisiClauseDefault kind;
} topics_2026[] = {
  { "ai.personal-data", "ai", POLISI_CLAUSE_REQUIRED },
  { "ai.official-content", "ai", POLISI_CLAUSE_RECOMMENDED },
  { "ai.disclosure", "ai", POLISI_CLAUSE_RECOMMENDED },
  { "safeguarding.sexual-deepfakes", "safeguarding", POLISI_CLAUSE_REQUIRED },
  { "safeguarding.image-abuse-support", "safeguarding", POLISI_CLAUSE_RECOMMENDED },
  { "safeguarding.prevent", "safeguarding", POLISI_CLAUSE_REQUIRED },
  { "personal-use.messaging-groups", "personal-use", POLISI_CLAUSE_RECOMMENDED },
  { "personal-use.outside-work", "personal-use", POLISI_CLAUSE_RECOMMENDED },
  { "cyberbullying.parent-groups", "cyberbullying", POLISI_CLAUSE_RECOMMENDED },
  { "employer-action.third-party-harassment", "employer-action", POLISI_CLAUSE_REQUIRED },
  { "images.recording", "images", POLISI_CLAUSE_RECOMMENDED },
  { "contact.out-of-hours", "contact", POLISI_CLAUSE_RECOMMENDED },
  { "recruitment.online-searches", "recruitment", POLISI_CLAUSE_RECOMMENDED },
  { "recruitment.records", "recruitment", POLISI_CLAUSE_RECOMMENDED },
  { "official-accounts.impersonation", "official-accounts", POLISI_CLAUSE_RECOMMENDED },
  { "official-accounts.impartiality", "official-accounts", POLISI_CLAUSE_RECOMMENDED },
  { "official-accounts.accessibility", "official-accounts", POLISI_CLAUSE_RECOMMENDED },
  { "official-accounts.errors", "official-accounts", POLISI_CLAUSE_RECOMMENDED },
  { "official-accounts.data-breach", "official-accounts", POLISI_CLAUSE_REQUIRED },
  { "learner-charter.promises", "learner-charter", POLISI_CLAUSE_OPTIONAL },
  { "learner-charter.staff", "learner-charter", POLISI_CLAUSE_OPTIONAL },
  { "learner-charter.help", "learner-charter", POLISI_CLAUSE_OPTIONAL },
};

static const char *new_sections_2026[] = { "ai", "recruitment", "learner-charter" };

static char *
library_xpath_string (xmlXPathContext *context,
                      const char      *expression)
{
  g_autofree char *wrapped = g_strdup_printf ("string(%s)", expression);
  xmlXPathObject *result = xmlXPathEvalExpression ((const xmlChar *) wrapped, context);
  char *value;

  g_assert_nonnull (result);
  value = g_strdup ((const char *) result->stringval);
  xmlXPathFreeObject (result);
  return value;
}

static guint
library_xpath_count (xmlXPathContext *context,
                     const char      *expression)
{
  xmlXPathObject *result = xmlXPathEvalExpression ((const xmlChar *) expression, context);
  guint count;

  g_assert_nonnull (result);
  count = result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (result);
  return count;
}

static void
test_topics_2026 (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  PolisiLibrary *library = polisi_context_get_library (context);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "library", "library.xml", NULL);
  gsize length;
  g_autofree char *contents = polisi_test_read_file (path, &length);
  xmlDoc *doc = xmlReadMemory (contents, (int) length, path, "UTF-8", XML_PARSE_NONET);
  xmlXPathContext *xpath;
  PolisiSection *charter;

  g_assert_nonnull (doc);
  xpath = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (xpath, (const xmlChar *) "l", (const xmlChar *) "https://polisi.cymru/ns/library/1");

  for (guint i = 0; i < G_N_ELEMENTS (topics_2026); i++)
    {
      PolisiClause *clause = polisi_library_lookup_clause (library, topics_2026[i].id);
      g_autofree char *at = g_strdup_printf ("//l:clause[@id='%s']", topics_2026[i].id);
      g_autofree char *change = g_strdup_printf ("%s/l:change[@version='2026.12']", at);
      g_autofree char *note_cy = g_strdup_printf ("%s/l:note[@xml:lang='cy']", change);
      g_autofree char *note_en = g_strdup_printf ("%s/l:note[@xml:lang='en']", change);
      g_autofree char *texts = g_strdup_printf ("%s//text()[contains(., \"'\")]", at);
      g_autofree char *cy = NULL;
      g_autofree char *en = NULL;

      g_test_message ("clause %s", topics_2026[i].id);
      g_assert_nonnull (clause);
      g_assert_cmpstr (polisi_section_get_id (polisi_clause_get_section (clause)), ==, topics_2026[i].section);
      g_assert_cmpint (polisi_clause_get_default (clause), ==, topics_2026[i].kind);
      g_assert_cmpuint (polisi_clause_get_version (clause), ==, 1);

      g_assert_cmpuint (library_xpath_count (xpath, change), ==, 1);
      cy = library_xpath_string (xpath, note_cy);
      en = library_xpath_string (xpath, note_en);
      g_assert_true (g_str_has_prefix (cy, "Cymal newydd: "));
      g_assert_true (g_str_has_prefix (en, "New clause: "));
      g_assert_cmpuint (strlen (cy), >, 40);
      g_assert_cmpuint (strlen (en), >, 40);
      g_assert_cmpuint (library_xpath_count (xpath, texts), ==, 0);
    }

  /* the new sections' own titles and guidance */
  for (guint i = 0; i < G_N_ELEMENTS (new_sections_2026); i++)
    {
      g_autofree char *texts = g_strdup_printf ("//l:section[@id='%s']/*[self::l:title or self::l:guidance]"
                                                "//text()[contains(., \"'\")]", new_sections_2026[i]);

      g_assert_nonnull (polisi_library_lookup_section (library, new_sections_2026[i]));
      g_assert_cmpuint (library_xpath_count (xpath, texts), ==, 0);
    }

  /* the learners' charter is an appendix the school opts into */
  charter = polisi_library_lookup_section (library, "learner-charter");
  g_assert_true (polisi_section_is_appendix (charter));
  for (guint c = 0; c < polisi_section_get_n_clauses (charter); c++)
    g_assert_cmpint (polisi_clause_get_default (polisi_section_get_clause (charter, c)), ==, POLISI_CLAUSE_OPTIONAL);

  xmlXPathFreeContext (xpath);
  xmlFreeDoc (doc);
}

/* The EWC's breach examples are there for the author. */
static void
test_breach_examples (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  PolisiLibrary *library = polisi_context_get_library (context);
  PolisiSection *section = polisi_library_lookup_section (library, "breaches");
  guint items = 0;

  for (guint c = 0; c < polisi_section_get_n_clauses (section); c++)
    {
      g_autoptr(GPtrArray) blocks = polisi_text_parse_blocks (polisi_clause_get_guidance (polisi_section_get_clause (section, c),
                                                                                          POLISI_LANG_EN));
      for (guint i = 0; i < blocks->len; i++)
        if (((PolisiTextBlock *) blocks->pdata[i])->item)
          items++;
    }
  {
    g_autoptr(GPtrArray) blocks = polisi_text_parse_blocks (polisi_section_get_guidance (section, POLISI_LANG_EN));
    for (guint i = 0; i < blocks->len; i++)
      if (((PolisiTextBlock *) blocks->pdata[i])->item)
        items++;
  }
  g_assert_cmpuint (items, >=, 10);
}

/* Every placeholder is declared with labels in both languages, and the
 * roles DESIGN names are among them. */
static void
test_placeholders (void)
{
  static const char *expected[] = {
    "organisation", "head_teacher", "safeguarding_lead", "hr_contact", "governing_body", "review_date",
  };
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  PolisiLibrary *library = polisi_context_get_library (context);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (polisi_library_lookup_placeholder (library, expected[i]));

  for (guint i = 0; i < polisi_library_get_n_placeholders (library); i++)
    {
      PolisiPlaceholder *placeholder = polisi_library_get_placeholder (library, i);

      g_assert_cmpstr (polisi_placeholder_get_label (placeholder, POLISI_LANG_CY), !=,
                       polisi_placeholder_get_id (placeholder));
      g_assert_cmpstr (polisi_placeholder_get_label (placeholder, POLISI_LANG_EN), !=,
                       polisi_placeholder_get_id (placeholder));
    }
}

/* No text of the library cites a law by an out-of-date name, in the
 * nation its wording is for. */
static void
test_no_outdated_legislation (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  PolisiLibrary *library = polisi_context_get_library (context);
  PolisiLegislation *legislation = polisi_context_get_legislation (context);
  PolisiNation nations[] = { POLISI_NATION_WALES, POLISI_NATION_ENGLAND };

  for (guint s = 0; s < polisi_library_get_n_sections (library); s++)
    {
      PolisiSection *section = polisi_library_get_section (library, s);

      for (guint c = 0; c < polisi_section_get_n_clauses (section); c++)
        {
          PolisiClause *clause = polisi_section_get_clause (section, c);

          for (guint a = 0; a < polisi_clause_get_n_alternatives (clause); a++)
            {
              const PolisiAlternative *alternative = polisi_clause_get_alternative (clause, a);

              for (guint n = 0; n < G_N_ELEMENTS (nations); n++)
                {
                  if (!polisi_clause_alternative_applies (alternative, nations[n]))
                    continue;
                  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
                    {
                      g_autoptr(GArray) found = polisi_legislation_find_outdated (legislation, alternative->text[lang],
                                                                                 lang, nations[n]);
                      if (found->len > 0)
                        g_test_message ("%s/%s cites %s", polisi_clause_get_id (clause), alternative->id,
                                        g_array_index (found, PolisiOutdatedCitation, 0).old_name->text);
                      g_assert_cmpuint (found->len, ==, 0);
                    }
                }
            }
        }
    }
}

static void
test_legislation_register (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  PolisiLegislation *legislation = polisi_context_get_legislation (context);
  const PolisiInstrument *monitoring = NULL;
  guint old_names = 0;

  g_assert_cmpuint (polisi_legislation_get_n_instruments (legislation), >=, 15);
  for (guint i = 0; i < polisi_legislation_get_n_instruments (legislation); i++)
    {
      const PolisiInstrument *instrument = polisi_legislation_get_instrument (legislation, i);

      g_assert_nonnull (instrument->name[POLISI_LANG_CY]);
      g_assert_nonnull (instrument->name[POLISI_LANG_EN]);
      g_assert_nonnull (instrument->note[POLISI_LANG_CY]);
      g_assert_nonnull (instrument->jurisdiction);
      g_assert_nonnull (instrument->status);
      g_assert_nonnull (instrument->checked);
      old_names += instrument->old_names->len;
      if (strstr (instrument->name[POLISI_LANG_EN], "Investigatory Powers Act 2016") != NULL)
        monitoring = instrument;
    }
  g_assert_cmpuint (old_names, >=, 8);
  g_assert_nonnull (monitoring);

  /* The seeds' names are flagged, with the current name offered. */
  {
    g_autoptr(GArray) found = polisi_legislation_find_outdated (legislation,
        "We follow the Regulation of Investigatory Powers Act 2000 and the General Data Protection Regulations (GDPR) 2018.",
        POLISI_LANG_EN, POLISI_NATION_WALES);
    g_assert_cmpuint (found->len, ==, 2);
  }
  {
    g_autoptr(GArray) in_wales = polisi_legislation_find_outdated (legislation,
        "Staff follow Keeping Children Safe in Education.", POLISI_LANG_EN, POLISI_NATION_WALES);
    g_autoptr(GArray) in_england = polisi_legislation_find_outdated (legislation,
        "Staff follow Keeping Children Safe in Education.", POLISI_LANG_EN, POLISI_NATION_ENGLAND);
    g_assert_cmpuint (in_wales->len, ==, 1);
    g_assert_cmpuint (in_england->len, ==, 0);
  }
  /* the register writes "Gyda’n"; a policy may have either apostrophe */
  {
    g_autoptr(GArray) typewriter = polisi_legislation_find_outdated (legislation,
        "Mae staff yn dilyn Gweithio Gyda'n Gilydd i Ddiogelu Plant.", POLISI_LANG_CY, POLISI_NATION_WALES);
    g_autoptr(GArray) typographic = polisi_legislation_find_outdated (legislation,
        "Mae staff yn dilyn Gweithio Gyda’n Gilydd i Ddiogelu Plant.", POLISI_LANG_CY, POLISI_NATION_WALES);
    g_autoptr(GArray) mutated = polisi_legislation_find_outdated (legislation,
        "Yn unol â Gweithio Gyda'n Gilydd i Ddiogelu Plant, a dan Weithio Gyda’n Gilydd i Ddiogelu Plant.",
        POLISI_LANG_CY, POLISI_NATION_WALES);

    g_assert_cmpuint (typewriter->len, ==, 1);
    g_assert_cmpuint (typographic->len, ==, 1);
    g_assert_cmpuint (mutated->len, ==, 2);
  }
  /* any case and any white space, a no-break space or a line break too,
   * and the text's own bytes are what is reported */
  {
    const char *text = "Dan  DDEDDF RHEOLEIDDIO\nPwerau\u00a0Ymchwilio 2000, a’r Regulation Of Investigatory\tPOWERS ACT 2000.";
    g_autoptr(GArray) cy = polisi_legislation_find_outdated (legislation, text, POLISI_LANG_CY, POLISI_NATION_WALES);
    g_autoptr(GArray) en = polisi_legislation_find_outdated (legislation, text, POLISI_LANG_EN, POLISI_NATION_WALES);
    const PolisiOutdatedCitation *citation;

    g_assert_cmpuint (cy->len, ==, 1);
    citation = &g_array_index (cy, PolisiOutdatedCitation, 0);
    g_assert_cmpuint (citation->offset, ==, strlen ("Dan  "));
    g_assert_cmpuint (citation->length, ==, strlen ("DDEDDF RHEOLEIDDIO\nPwerau\u00a0Ymchwilio 2000"));
    g_assert_cmpuint (en->len, ==, 1);
    citation = &g_array_index (en, PolisiOutdatedCitation, 0);
    g_assert_true (g_str_has_prefix (text + citation->offset, "Regulation Of"));
    g_assert_cmpuint (citation->length, ==, strlen ("Regulation Of Investigatory\tPOWERS ACT 2000"));
  }
}

static void
test_replace_outdated (void)
{
  g_autoptr(PolisiLegislation) legislation = polisi_test_load_mini_legislation ();
  guint count = 0;
  g_autofree char *en = polisi_legislation_replace_outdated (legislation,
      "Under the regulation of investigatory powers act 2000, and again the Regulation of Investigatory Powers Act 2000.",
      POLISI_LANG_EN, POLISI_NATION_WALES, &count);
  g_autofree char *cy = polisi_legislation_replace_outdated (legislation,
      "Yn unol â Deddf Rheoleiddio Pwerau Ymchwilio 2000.", POLISI_LANG_CY, POLISI_NATION_WALES, NULL);
  g_autofree char *partial = polisi_legislation_replace_outdated (legislation,
      "Regulation of Investigatory Powers Act 20001", POLISI_LANG_EN, POLISI_NATION_WALES, &count);

  g_assert_cmpstr (en, ==, "Under the Investigatory Powers Act 2016, and again the Investigatory Powers Act 2016.");
  g_autofree char *mutated = polisi_legislation_replace_outdated (legislation,
      "Dan Ddeddf Rheoleiddio Pwerau Ymchwilio 2000, ac yn Neddf Rheoleiddio Pwerau Ymchwilio 2000.",
      POLISI_LANG_CY, POLISI_NATION_WALES, NULL);

  g_assert_cmpstr (cy, ==, "Yn unol â Deddf Pwerau Ymchwilio 2016.");
  g_assert_cmpstr (mutated, ==, "Dan Ddeddf Pwerau Ymchwilio 2016, ac yn Neddf Pwerau Ymchwilio 2016.");
  /* only whole phrases match */
  g_assert_cmpuint (count, ==, 0);
  g_assert_cmpstr (partial, ==, "Regulation of Investigatory Powers Act 20001");
}

/* The schema compares xml:lang as a token, so " en " validates; it must
 * read as "en" too (fuzz-library found a register whose English name was
 * lost this way, and replacing an old name then tripped a critical). */
static void
test_lang_with_spaces (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini-legislation.xml", NULL);
  gsize length;
  g_autofree char *contents = polisi_test_read_file (path, &length);
  g_autoptr(GString) spaced = g_string_new_len (contents, length);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiLegislation) legislation = NULL;
  const PolisiInstrument *instrument;
  g_autofree char *en = NULL;

  g_assert_cmpuint (g_string_replace (spaced, "<name xml:lang=\"en\">", "<name xml:lang=\" en \">", 1), ==, 1);
  bytes = g_string_free_to_bytes (g_steal_pointer (&spaced));
  legislation = polisi_legislation_new_from_bytes (bytes, "spaced.xml", &error);
  g_assert_no_error (error);
  instrument = polisi_legislation_get_instrument (legislation, 0);
  g_assert_cmpstr (instrument->name[POLISI_LANG_EN], ==, "Investigatory Powers Act 2016");
  en = polisi_legislation_replace_outdated (legislation, "Under the Regulation of Investigatory Powers Act 2000.",
                                            POLISI_LANG_EN, POLISI_NATION_WALES, NULL);
  g_assert_cmpstr (en, ==, "Under the Investigatory Powers Act 2016.");
}

static void
test_bad_libraries (void)
{
  struct {
    const char *description;
    const char *from;
    const char *to;
    int code;
  } cases[] = {
    { "undeclared placeholder", "({head_teacher}) is responsible", "({head_teachr}) is responsible", POLISI_ERROR_INVALID },
    { "unknown source", "<source ref=\"seed\" section=\"2\"/>", "<source ref=\"nowhere\" section=\"2\"/>", POLISI_ERROR_INVALID },
    { "duplicate clause", "id=\"intro.head\"", "id=\"intro.purpose\"", POLISI_ERROR_INVALID },
    { "missing English", "<text xml:lang=\"en\"><p>{organisation} adopts this policy.</p></text>", "", POLISI_ERROR_INVALID },
    { "change later than the library", "<reason xml:lang=\"en\">It is needed.</reason>",
      "<reason xml:lang=\"en\">It is needed.</reason><change version=\"2027.1\"><note xml:lang=\"cy\">Newid.</note>"
      "<note xml:lang=\"en\">Changed.</note></change>", POLISI_ERROR_INVALID },
    { "changes out of order", "<reason xml:lang=\"en\">It is needed.</reason>",
      "<reason xml:lang=\"en\">It is needed.</reason><change version=\"2026.1\"><note xml:lang=\"cy\">Un.</note>"
      "<note xml:lang=\"en\">One.</note></change><change version=\"2025.11\"><note xml:lang=\"cy\">Dau.</note>"
      "<note xml:lang=\"en\">Two.</note></change>", POLISI_ERROR_INVALID },
    { "not a library", "<library xmlns=\"https://polisi.cymru/ns/library/1\"", "<libraryx xmlns=\"https://polisi.cymru/ns/library/1\"", POLISI_ERROR_MALFORMED },
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini-library.xml", NULL);
  g_autofree char *original = polisi_test_read_file (path, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new (original);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PolisiLibrary) library = NULL;

      g_test_message ("%s", cases[i].description);
      g_assert_cmpuint (g_string_replace (text, cases[i].from, cases[i].to, 1), ==, 1);
      bytes = g_bytes_new (text->str, text->len);
      library = polisi_library_new_from_bytes (bytes, "bad-library.xml", &error);
      g_assert_null (library);
      g_assert_error (error, POLISI_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "bad-library.xml"));
    }
}

/* What changed in each clause, and why, by library version: every clause
 * of the built-in library that changed since 2026.11 says so in both
 * languages, and a clause's notes are found by version and since one. */
static void
test_change_notes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiLibrary) library = polisi_library_new_builtin (&error);
  const char *version;
  PolisiClause *urgency;
  const PolisiClauseChange *change;
  g_autoptr(GPtrArray) since_previous = NULL;
  g_autoptr(GPtrArray) since_now = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *cy = NULL;
  g_autofree char *none = NULL;
  guint n_changed = 0;

  g_assert_no_error (error);
  version = polisi_library_get_version (library);
  g_assert_cmpstr (version, ==, "2026.12");

  for (guint s = 0; s < polisi_library_get_n_sections (library); s++)
    {
      PolisiSection *section = polisi_library_get_section (library, s);

      for (guint c = 0; c < polisi_section_get_n_clauses (section); c++)
        {
          PolisiClause *clause = polisi_section_get_clause (section, c);

          for (guint i = 0; i < polisi_clause_get_n_changes (clause); i++)
            {
              const PolisiClauseChange *each = polisi_clause_get_change (clause, i);

              g_assert_cmpint (polisi_library_compare_versions (each->version, version), <=, 0);
              g_assert_nonnull (each->note[POLISI_LANG_CY]);
              g_assert_nonnull (each->note[POLISI_LANG_EN]);
              g_assert_cmpstr (each->note[POLISI_LANG_CY], !=, each->note[POLISI_LANG_EN]);
            }
          /* a clause past version 1 says what changed in its latest version */
          if (polisi_clause_get_version (clause) > 1)
            {
              g_assert_cmpuint (polisi_clause_get_n_changes (clause), >, 0);
              n_changed++;
            }
        }
    }
  g_assert_cmpuint (n_changed, >, 0);

  urgency = polisi_library_lookup_clause (library, "reporting.urgency");
  change = polisi_clause_lookup_change (urgency, "2026.12");
  g_assert_nonnull (change);
  g_assert_nonnull (strstr (change->note[POLISI_LANG_EN], "must not"));
  g_assert_null (polisi_clause_lookup_change (urgency, "2026.11"));

  since_previous = polisi_clause_list_changes_since (urgency, "2026.11");
  since_now = polisi_clause_list_changes_since (urgency, "2026.12");
  all = polisi_clause_list_changes_since (urgency, NULL);
  g_assert_cmpuint (since_previous->len, ==, 1);
  g_assert_true (since_previous->pdata[0] == change);
  g_assert_cmpuint (since_now->len, ==, 0);
  g_assert_cmpuint (all->len, ==, polisi_clause_get_n_changes (urgency));

  cy = polisi_clause_format_changes_since (urgency, "2026.11", POLISI_LANG_CY);
  g_assert_cmpstr (cy, ==, change->note[POLISI_LANG_CY]);
  none = polisi_clause_format_changes_since (urgency, "2026.12", POLISI_LANG_CY);
  g_assert_null (none);
}

/* Notes of several versions: each paragraph starts with its version. */
static void
test_change_notes_format (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini-library.xml", NULL);
  g_autofree char *original = polisi_test_read_file (path, NULL);
  g_autoptr(GString) text = g_string_new (original);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiLibrary) library = NULL;
  g_autofree char *en = NULL;
  g_autofree char *later = NULL;

  g_string_replace (text, "version=\"2026.1\"", "version=\"2026.3\"", 1);
  g_assert_cmpuint (g_string_replace (text, "<reason xml:lang=\"en\">It is needed.</reason>",
                                      "<reason xml:lang=\"en\">It is needed.</reason>"
                                      "<change version=\"2026.2\"><note xml:lang=\"cy\">Cyntaf.</note><note xml:lang=\"en\">First.</note></change>"
                                      "<change version=\"2026.3\"><note xml:lang=\"cy\">Ail.</note><note xml:lang=\"en\">Second.</note></change>",
                                      1), ==, 1);
  bytes = g_bytes_new (text->str, text->len);
  library = polisi_library_new_from_bytes (bytes, "notes.xml", &error);
  g_assert_no_error (error);

  en = polisi_clause_format_changes_since (polisi_library_lookup_clause (library, "intro.purpose"), "2026.1", POLISI_LANG_EN);
  g_assert_cmpstr (en, ==, "2026.2: First.\n2026.3: Second.");
  later = polisi_clause_format_changes_since (polisi_library_lookup_clause (library, "intro.purpose"), "2026.2", POLISI_LANG_EN);
  g_assert_cmpstr (later, ==, "Second.");
}

/* Every clause that cites the legislation register names its entries
 * exactly as the register does (several separated by "; "). */
static void
test_register_citations (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  PolisiLibrary *library = polisi_context_get_library (context);
  PolisiLegislation *legislation = polisi_context_get_legislation (context);
  guint n_cited = 0;

  for (guint s = 0; s < polisi_library_get_n_sections (library); s++)
    {
      PolisiSection *section = polisi_library_get_section (library, s);

      for (guint c = 0; c < polisi_section_get_n_clauses (section); c++)
        {
          PolisiClause *clause = polisi_section_get_clause (section, c);

          for (guint i = 0; i < polisi_clause_get_n_citations (clause); i++)
            {
              const PolisiCitation *citation = polisi_clause_get_citation (clause, i);
              g_auto(GStrv) names = NULL;

              if (g_strcmp0 (citation->ref, "legislation-register") != 0)
                continue;
              names = g_strsplit (citation->section, "; ", -1);
              for (guint n = 0; names[n] != NULL; n++)
                {
                  gboolean found = FALSE;

                  for (guint j = 0; j < polisi_legislation_get_n_instruments (legislation) && !found; j++)
                    found = g_strcmp0 (polisi_legislation_get_instrument (legislation, j)->name[POLISI_LANG_EN], names[n]) == 0;
                  if (!found)
                    g_error ("%s cites “%s”, which the legislation register does not name", polisi_clause_get_id (clause), names[n]);
                  n_cited++;
                }
            }
        }
    }
  g_assert_cmpuint (n_cited, >, 50);
}

/* The library's objects (a section, a clause in it, a placeholder) are
 * made by the library and outlive it while someone holds them; each is
 * then freed. None has properties. */
static void
test_objects_finalize (void)
{
  PolisiLibrary *library = polisi_test_load_mini_library ();
  PolisiSection *section;
  PolisiClause *clause;
  PolisiPlaceholder *placeholder;
  g_autofree char *section_id = NULL;
  g_autofree char *clause_id = NULL;

  g_assert_cmpuint (polisi_library_get_n_sections (library), >, 0);
  g_assert_cmpuint (polisi_library_get_n_placeholders (library), >, 0);
  section = g_object_ref (polisi_library_get_section (library, 0));
  clause = g_object_ref (polisi_section_get_clause (section, 0));
  placeholder = g_object_ref (polisi_library_get_placeholder (library, 0));
  section_id = g_strdup (polisi_section_get_id (section));
  clause_id = g_strdup (polisi_clause_get_id (clause));
  g_assert_true (polisi_clause_get_section (clause) == section);
  g_assert_true (polisi_library_lookup_clause (library, clause_id) == clause);
  g_assert_true (polisi_library_lookup_section (library, section_id) == section);
  g_assert_true (polisi_library_lookup_placeholder (library, polisi_placeholder_get_id (placeholder)) == placeholder);

  g_assert_finalize_object (library);
  g_assert_cmpstr (polisi_section_get_id (section), ==, section_id);
  g_assert_cmpstr (polisi_clause_get_id (clause), ==, clause_id);
  g_assert_nonnull (polisi_placeholder_get_label (placeholder, POLISI_LANG_CY));
  g_assert_finalize_object (section);
  g_assert_finalize_object (clause);
  g_assert_finalize_object (placeholder);
}

/* The register of legislation: read, looked up, freed. */
static void
test_legislation_finalize (void)
{
  PolisiLegislation *legislation = polisi_test_load_mini_legislation ();
  const PolisiInstrument *first;

  g_assert_cmpuint (polisi_legislation_get_n_instruments (legislation), >, 0);
  first = polisi_legislation_get_instrument (legislation, 0);
  g_assert_true (polisi_legislation_lookup (legislation, first->id) == first);
  g_assert_finalize_object (legislation);
}

/* The program's own resources are read by a plain reader of their own
 * (polisi_xml_parse_builtin()): the tree must be exactly libxml2's, but
 * for text that is only white space, which it leaves out. */
static void
drop_blank_text (xmlNode *node)
{
  xmlNode *child = node->children;

  while (child != NULL)
    {
      xmlNode *next = child->next;

      if (xmlIsBlankNode (child))
        {
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      else if (child->type == XML_ELEMENT_NODE)
        drop_blank_text (child);
      child = next;
    }
}

static char *
dump_doc (xmlDoc *doc)
{
  xmlChar *out = NULL;
  int size = 0;
  char *copy;

  g_assert_nonnull (doc);
  drop_blank_text ((xmlNode *) doc);
  xmlDocDumpMemory (doc, &out, &size);
  copy = g_strndup ((const char *) out, size);
  xmlFree (out);
  return copy;
}

static void
assert_read_as_libxml2 (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) own = polisi_xml_parse_builtin (bytes, "own", &error);
  g_autoptr(xmlDoc) theirs = NULL;
  g_autofree char *own_text = NULL;
  g_autofree char *their_text = NULL;

  g_assert_no_error (error);
  theirs = polisi_xml_parse (bytes, "libxml2", &error);
  g_assert_no_error (error);
  own_text = dump_doc (own);
  their_text = dump_doc (theirs);
  g_assert_cmpstr (own_text, ==, their_text);
}

static void
test_builtin_reader (void)
{
  static const char *documents[] = {
    /* what the built-in files use, and what they could */
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<library xmlns=\"https://polisi.cymru/ns/library/1\" id='a'>\n"
    "  <title xml:lang=\"cy\">Ŵyn &amp; ŷd &lt;1&gt; &quot;x&quot; &apos;y&apos; &#375; &#x175;</title>\n"
    "  <!-- a comment -->\n  <p>a<item/>b</p><p></p><empty a=\"1\" b = '2' />\n</library>\n",
    /* what it leaves to libxml2 */
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<library><p><![CDATA[<x>]]></p></library>",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<library>a\r\nb</library>",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<library a=\"x\ty\nz\"><?pi x?></library>",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<l:library xmlns:l=\"urn:x\"><l:p>x</l:p></l:library>",
    "<?xml version=\"1.0\"?>\n<library/>",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- before -->\n<library>&#13;</library>\n",
  };
  static const char *resources[] = {
    POLISI_LIBRARY_BUILTIN_RESOURCE, POLISI_LEGISLATION_BUILTIN_RESOURCE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (documents[i], strlen (documents[i]));

      assert_read_as_libxml2 (bytes);
    }
  polisi_core_ensure_resources ();
  for (guint i = 0; i < G_N_ELEMENTS (resources); i++)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resources[i], 0, NULL);

      g_assert_nonnull (bytes);
      assert_read_as_libxml2 (bytes);
    }
}

/* The built-in library read by the program's own reader, with its
 * schema checked at build time, is the library any file with the same
 * bytes gives, read by libxml2 and checked against the schema at run
 * time: every text, in both languages. */
static void
test_builtin_as_any_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PolisiLibrary) builtin = polisi_library_new_builtin (&error);
  g_autoptr(PolisiLibrary) file = NULL;

  g_assert_no_error (error);
  polisi_core_ensure_resources ();
  bytes = g_resources_lookup_data (POLISI_LIBRARY_BUILTIN_RESOURCE, 0, NULL);
  file = polisi_library_new_from_bytes (bytes, "library.xml", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (polisi_library_get_n_sections (builtin), ==, polisi_library_get_n_sections (file));
  g_assert_cmpuint (polisi_library_get_n_placeholders (builtin), ==, polisi_library_get_n_placeholders (file));
  for (guint p = 0; p < polisi_library_get_n_placeholders (builtin); p++)
    for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
      {
        PolisiPlaceholder *a = polisi_library_get_placeholder (builtin, p);
        PolisiPlaceholder *b = polisi_library_get_placeholder (file, p);

        g_assert_cmpstr (polisi_placeholder_get_label (a, lang), ==, polisi_placeholder_get_label (b, lang));
        g_assert_cmpstr (polisi_placeholder_get_hint (a, lang), ==, polisi_placeholder_get_hint (b, lang));
      }
  for (guint s = 0; s < polisi_library_get_n_sections (builtin); s++)
    {
      PolisiSection *a = polisi_library_get_section (builtin, s);
      PolisiSection *b = polisi_library_get_section (file, s);

      g_assert_cmpuint (polisi_section_get_n_clauses (a), ==, polisi_section_get_n_clauses (b));
      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        g_assert_cmpstr (polisi_section_get_title (a, lang), ==, polisi_section_get_title (b, lang));
      for (guint c = 0; c < polisi_section_get_n_clauses (a); c++)
        {
          PolisiClause *x = polisi_section_get_clause (a, c);
          PolisiClause *y = polisi_section_get_clause (b, c);

          g_assert_cmpstr (polisi_clause_get_id (x), ==, polisi_clause_get_id (y));
          g_assert_cmpuint (polisi_clause_get_n_alternatives (x), ==, polisi_clause_get_n_alternatives (y));
          for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
            {
              g_assert_cmpstr (polisi_clause_get_title (x, lang), ==, polisi_clause_get_title (y, lang));
              g_assert_cmpstr (polisi_clause_get_reason (x, lang), ==, polisi_clause_get_reason (y, lang));
              g_assert_cmpstr (polisi_clause_get_guidance (x, lang), ==, polisi_clause_get_guidance (y, lang));
              for (guint i = 0; i < polisi_clause_get_n_alternatives (x); i++)
                {
                  const PolisiAlternative *xa = polisi_clause_get_alternative (x, i);
                  const PolisiAlternative *ya = polisi_clause_get_alternative (y, i);

                  g_assert_cmpstr (xa->label[lang], ==, ya->label[lang]);
                  g_assert_cmpstr (xa->text[lang], ==, ya->text[lang]);
                  g_assert_nonnull (xa->text[lang]);
                }
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/builtin-loads", test_builtin_loads);
  g_test_add_func ("/library/sections", test_sections);
  g_test_add_func ("/library/verify", test_verify);
  g_test_add_func ("/library/every-clause", test_every_clause);
  g_test_add_func ("/library/alternatives", test_alternatives);
  g_test_add_func ("/library/topics-2026", test_topics_2026);
  g_test_add_func ("/library/breach-examples", test_breach_examples);
  g_test_add_func ("/library/placeholders", test_placeholders);
  g_test_add_func ("/library/no-outdated-legislation", test_no_outdated_legislation);
  g_test_add_func ("/library/bad-libraries", test_bad_libraries);
  g_test_add_func ("/library/change-notes", test_change_notes);
  g_test_add_func ("/library/change-notes-format", test_change_notes_format);
  g_test_add_func ("/library/objects-finalize", test_objects_finalize);
  g_test_add_func ("/legislation/finalize", test_legislation_finalize);
  g_test_add_func ("/legislation/register", test_legislation_register);
  g_test_add_func ("/legislation/register-citations", test_register_citations);
  g_test_add_func ("/legislation/replace", test_replace_outdated);
  g_test_add_func ("/legislation/lang-with-spaces", test_lang_with_spaces);
  g_test_add_func ("/library/builtin-reader", test_builtin_reader);
  g_test_add_func ("/library/builtin-as-any-file", test_builtin_as_any_file);

  return g_test_run ();
}
