/* polisi-assembler.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The assembler turns a policy into the document every writer reads:
 * sections in the library's order, only the included clauses, numbered
 * (sections 1, 2, 3 ..., clauses 3.1, 3.2 ..., appendices A, B with
 * clauses A.1 ...), placeholders filled in each language, and the front
 * matter (title, organisation, version, status, dates, watermark).
 *
 * A placeholder with no answer is shown as its label in brackets,
 * "[Pennaeth]" or "[Head teacher]", so that a draft still reads; the
 * checker reports it.
 *
 * A consultation draft ends with an appendix for comments and responses:
 * how to comment, then a table of the comments already received on this
 * version (clause number, who and when, the comment, the response) with
 * empty rows to add more. The document always ends with the version
 * history, when there is one.
 */
#include "config.h"

#include <string.h>

#include "polisi-assembler.h"
#include "polisi-dates.h"

typedef struct {
  PolisiPolicy  *policy;
  PolisiLibrary *library;
  PolisiLang     lang;
  const char    *adopted_by;   /* in the adoption sentence: who approved the version */
} FillContext;

static const char *
first_non_empty (const char *a,
                 const char *b)
{
  if (a != NULL && a[0] != '\0')
    return a;
  if (b != NULL && b[0] != '\0')
    return b;
  return NULL;
}

/**
 * polisi_assemble_resolve:
 *
 * Returns: (transfer full) (nullable): the value of @placeholder in @lang,
 *   or %NULL when it has none yet
 */
char *
polisi_assemble_resolve (PolisiPolicy  *policy,
                         PolisiLibrary *library,
                         const char    *placeholder,
                         PolisiLang     lang)
{
  PolisiPlaceholder *declared = library != NULL ? polisi_library_lookup_placeholder (library, placeholder) : NULL;
  PolisiDerived derived = declared != NULL ? polisi_placeholder_get_derived (declared) : POLISI_DERIVED_NONE;
  const char *value;
  GDate date;

  switch (derived)
    {
    case POLISI_DERIVED_ORGANISATION_NAME:
      value = first_non_empty (polisi_policy_get_name (policy, lang),
                               polisi_policy_get_name (policy, POLISI_LANG_OTHER (lang)));
      return g_strdup (value);

    case POLISI_DERIVED_ADOPTION_DATE:
      if (!polisi_date_parse_iso (polisi_policy_get_adoption_date (policy), &date))
        return NULL;
      return polisi_date_format (&date, lang);

    case POLISI_DERIVED_REVIEW_DATE:
      if (!polisi_policy_get_review_date (policy, &date))
        return NULL;
      return polisi_date_format (&date, lang);

    case POLISI_DERIVED_REVIEW_CYCLE:
      return polisi_date_format_cycle (polisi_policy_get_review_cycle (policy), lang);

    case POLISI_DERIVED_NONE:
    default:
      break;
    }

  value = polisi_policy_get_answer (policy, placeholder, lang);
  if (value == NULL && (declared == NULL || !polisi_placeholder_is_bilingual (declared)))
    value = polisi_policy_get_answer (policy, placeholder, POLISI_LANG_OTHER (lang));
  if (value == NULL && declared != NULL && polisi_placeholder_is_bilingual (declared))
    value = polisi_policy_get_answer (policy, placeholder, POLISI_LANG_OTHER (lang));

  return g_strdup (value);
}

static char *
fill_one (const char *id,
          gpointer    user_data)
{
  FillContext *context = user_data;
  char *value = polisi_assemble_resolve (context->policy, context->library, id, context->lang);
  PolisiPlaceholder *declared;

  declared = context->library != NULL ? polisi_library_lookup_placeholder (context->library, id) : NULL;

  /* the adoption sentence names whoever the version history says
   * approved the version */
  if (context->adopted_by != NULL && g_str_equal (id, "governing_body"))
    {
      g_free (value);
      return g_strdup (context->adopted_by);
    }
  if (value != NULL)
    return value;

  /* a draft has no dates of its own yet: what is true of it */
  switch (declared != NULL ? polisi_placeholder_get_derived (declared) : POLISI_DERIVED_NONE)
    {
    case POLISI_DERIVED_REVIEW_DATE:
      {
        guint months = polisi_policy_get_review_cycle (context->policy);
        g_autofree char *cycle = polisi_date_format_cycle (months, context->lang);

        if (context->lang == POLISI_LANG_CY)
          return g_strdup_printf ("%s ar ôl ei fabwysiadu", cycle);
        return g_strdup_printf ("%s%s after its adoption", months == 1 || months == 12 ? "a " : "", cycle);
      }
    case POLISI_DERIVED_ADOPTION_DATE:
      return g_strdup (context->lang == POLISI_LANG_CY ? "y dyddiad y caiff ei fabwysiadu" : "the date it is adopted");
    case POLISI_DERIVED_ORGANISATION_NAME:
    case POLISI_DERIVED_REVIEW_CYCLE:
    case POLISI_DERIVED_NONE:
    default:
      break;
    }

  return g_strdup_printf ("[%s]", declared != NULL ? polisi_placeholder_get_label (declared, context->lang) : id);
}

/* The line of a text that says when and by whom the policy was adopted.
 * Adopted, it names who approved the version, as the version history
 * does; not yet adopted, it says what will happen instead. */
static char *
fill_adoption_line (FillContext *context,
                    const char  *line)
{
  PolisiPolicy *policy = context->policy;
  const PolisiVersionRecord *last = polisi_policy_get_last_adoption (policy);
  GDate date;

  if (!polisi_date_parse_iso (polisi_policy_get_adoption_date (policy), &date))
    {
      gboolean item = g_str_has_prefix (line, "- ");
      gboolean consultation = polisi_policy_get_status (policy) == POLISI_STATUS_CONSULTATION;
      const char *sentence;

      if (context->lang == POLISI_LANG_CY)
        sentence = consultation ? "Ar ôl yr ymgynghoriad, bydd {governing_body} yn ystyried mabwysiadu’r polisi hwn."
                                : "Nid yw {governing_body} wedi mabwysiadu’r polisi hwn eto.";
      else
        sentence = consultation ? "After the consultation, {governing_body} will consider adopting this policy."
                                : "This policy has not yet been adopted by {governing_body}.";
      {
        g_autofree char *draft = g_strconcat (item ? "- " : "", sentence, NULL);
        return polisi_text_fill (draft, fill_one, context);
      }
    }

  if (last != NULL && last->approved_by != NULL && last->approved_by[0] != '\0' &&
      g_strcmp0 (last->date, polisi_policy_get_adoption_date (policy)) == 0)
    {
      FillContext adopted = *context;
      adopted.adopted_by = last->approved_by;
      return polisi_text_fill (line, fill_one, &adopted);
    }

  return polisi_text_fill (line, fill_one, context);
}

/**
 * polisi_assemble_fill:
 *
 * Returns: (transfer full): @text in @lang with its placeholders filled
 */
char *
polisi_assemble_fill (PolisiPolicy  *policy,
                      PolisiLibrary *library,
                      const char    *text,
                      PolisiLang     lang)
{
  FillContext context = { policy, library, lang, NULL };

  if (text != NULL && strstr (text, "{adoption_date}") != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      g_autoptr(GString) out = g_string_new (NULL);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *filled = strstr (lines[i], "{adoption_date}") != NULL ?
                                    fill_adoption_line (&context, lines[i]) :
                                    polisi_text_fill (lines[i], fill_one, &context);

          if (i > 0)
            g_string_append_c (out, '\n');
          g_string_append (out, filled);
        }
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  return polisi_text_fill (text, fill_one, &context);
}

/* The id of the library section a clause belongs to: its own, or for a
 * clause the library no longer has, the section its id starts with. */
const char *
polisi_assemble_section_of (PolisiLibrary *library,
                            const char    *clause_id)
{
  PolisiClause *clause = polisi_library_lookup_clause (library, clause_id);
  const char *dot;

  if (clause != NULL)
    return polisi_section_get_id (polisi_clause_get_section (clause));

  dot = strchr (clause_id, '.');
  if (dot != NULL)
    {
      g_autofree char *prefix = g_strndup (clause_id, dot - clause_id);
      PolisiSection *section = polisi_library_lookup_section (library, prefix);

      if (section != NULL)
        return polisi_section_get_id (section);
    }

  return NULL;
}

static const char *appendix_word[POLISI_N_LANGS] = { "Atodiad", "Appendix" };

static char *
heading_text (PolisiSection *section,
              const char    *letter,
              PolisiLang     lang)
{
  const char *title = polisi_section_get_title (section, lang);
  const char *colon;

  if (letter == NULL)
    return g_strdup (title);

  /* "Atodiad: Canllawiau ..." becomes "Atodiad A: Canllawiau ..." */
  colon = strchr (title, ':');
  if (colon != NULL && g_ascii_strncasecmp (title, appendix_word[lang], strlen (appendix_word[lang])) == 0)
    title = colon + 1;
  while (*title == ' ')
    title++;

  /* headings are capitalised one way: a capital after the colon, as in
   * "Atodiad B: Sylwadau ac ymatebion" */
  {
    gunichar first = g_utf8_get_char (title);
    char upper[8] = { 0 };

    g_unichar_to_utf8 (g_unichar_toupper (first), upper);
    return g_strdup_printf ("%s %s: %s%s", appendix_word[lang], letter, upper,
                            *title != '\0' ? g_utf8_next_char (title) : "");
  }
}

/* A draft's pending summary (the summary of changes of the version being
 * drafted), before the clauses, so that a reader of a consultation draft
 * sees first what the new version changes. */
static void
add_pending_summary (PolisiDocument *document,
                     PolisiPolicy   *policy)
{
  PolisiBlock *heading;
  PolisiBlock *text;
  const char *version = polisi_policy_get_version (policy);

  heading = polisi_document_add_block (document, POLISI_BLOCK_HEADING, "pending-summary", NULL);
  text = polisi_document_add_block (document, POLISI_BLOCK_PARAGRAPH, "pending-summary-text", NULL);
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      g_autofree char *title = NULL;
      const char *summary = first_non_empty (polisi_policy_get_pending_summary (policy, lang),
                                             polisi_policy_get_pending_summary (policy, POLISI_LANG_OTHER (lang)));

      if (lang == POLISI_LANG_CY)
        title = version != NULL ? g_strdup_printf ("Crynodeb o’r newidiadau yn fersiwn %s", version)
                                : g_strdup ("Crynodeb o’r newidiadau");
      else
        title = version != NULL ? g_strdup_printf ("Summary of changes in version %s", version)
                                : g_strdup ("Summary of changes");
      polisi_block_set_text (heading, lang, title);
      polisi_block_set_text (text, lang, summary != NULL ? summary : "");
    }
}

static void
add_history (PolisiDocument *document,
             PolisiPolicy   *policy)
{
  static const char *header[POLISI_N_LANGS][4] = {
    { "Fersiwn", "Dyddiad", "Cymeradwywyd gan", "Crynodeb o’r newidiadau" },
    { "Version", "Date", "Approved by", "Summary of changes" },
  };
  PolisiBlock *heading;
  PolisiBlock *table;

  heading = polisi_document_add_block (document, POLISI_BLOCK_HEADING, "history", NULL);
  heading->appendix = TRUE;
  polisi_block_set_text (heading, POLISI_LANG_CY, "Hanes fersiynau");
  polisi_block_set_text (heading, POLISI_LANG_EN, "Version history");

  table = polisi_document_add_block (document, POLISI_BLOCK_TABLE, "history-table", NULL);
  table->appendix = TRUE;
  table->n_columns = 4;
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    polisi_block_add_row (table, lang, header[lang]);

  for (guint i = 0; i < polisi_policy_get_n_versions (policy); i++)
    {
      const PolisiVersionRecord *record = polisi_policy_get_version_record (policy, i);
      GDate date;

      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        {
          g_autofree char *when = polisi_date_parse_iso (record->date, &date) ?
                                  polisi_date_format (&date, lang) : g_strdup (record->date);
          g_autofree char *summary = g_strdup (first_non_empty (record->summary[lang], record->summary[POLISI_LANG_OTHER (lang)]));
          const char *row[4];

          /* A summary is clause markup: each line stays a line in its cell. */
          row[0] = record->version;
          row[1] = when;
          row[2] = record->approved_by != NULL ? record->approved_by : "";
          row[3] = summary != NULL ? summary : "";
          polisi_block_add_row (table, lang, row);
        }
    }
}

/* "2 Chwefror 2027" from "2027-02-02" or "2027-02-02T10:15:00"; a copy of
 * @iso when it is neither. */
static char *
format_day (const char *iso,
            PolisiLang  lang)
{
  g_autofree char *day = iso != NULL ? g_strndup (iso, 10) : NULL;
  GDate date;

  if (day != NULL && polisi_date_parse_iso (day, &date))
    return polisi_date_format (&date, lang);
  return g_strdup (iso != NULL ? iso : "");
}

#define COMMENT_ROOM_ROWS 5

static void
add_comments (PolisiDocument *document,
              PolisiPolicy   *policy,
              GHashTable     *numbers,
              const char     *letter)
{
  static const char *title[POLISI_N_LANGS] = { "Sylwadau ac ymatebion", "Comments and responses" };
  static const char *header[POLISI_N_LANGS][4] = {
    { "Cymal", "Awdur a dyddiad", "Sylw", "Ymateb" },
    { "Clause", "Author and date", "Comment", "Response" },
  };
  static const char *general[POLISI_N_LANGS] = { "Cyffredinol", "General" };
  g_autoptr(GPtrArray) comments = polisi_policy_list_comments (policy, NULL, NULL);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  PolisiBlock *heading, *intro, *table;
  GDate closing;
  gboolean has_closing = polisi_date_parse_iso (polisi_policy_get_closing_date (policy), &closing);

  heading = polisi_document_add_block (document, POLISI_BLOCK_HEADING, "comments", letter);
  heading->appendix = TRUE;
  intro = polisi_document_add_block (document, POLISI_BLOCK_PARAGRAPH, "comments-intro", NULL);
  intro->appendix = TRUE;
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      g_autofree char *text = g_strdup_printf ("%s %s: %s", appendix_word[lang], letter, title[lang]);
      g_autofree char *when = has_closing ? polisi_date_format (&closing, lang) : NULL;
      g_autofree char *how = NULL;

      polisi_block_set_text (heading, lang, text);
      if (lang == POLISI_LANG_CY)
        how = g_strdup_printf ("Ychwanegwch eich sylwadau at y cymalau eu hunain (Mewnosod › Sylw yn LibreOffice ac yn Word), "
                               "neu ysgrifennwch nhw yn y tabl isod, gan nodi rhif y cymal a rhif y llinell "
                               "(y rhifau wrth ochr y testun).%s%s%s "
                               "Bydd yr ymatebion yn cael eu hychwanegu at y tabl hwn.",
                               when != NULL ? " Y dyddiad cau ar gyfer sylwadau yw " : "",
                               when != NULL ? when : "", when != NULL ? "." : "");
      else
        how = g_strdup_printf ("Add your comments to the clauses themselves (Insert › Comment in LibreOffice and in Word), "
                               "or write them in the table below, giving the clause number and the line number "
                               "(the numbers beside the text).%s%s%s "
                               "The responses will be added to this table.",
                               when != NULL ? " The closing date for comments is " : "",
                               when != NULL ? when : "", when != NULL ? "." : "");
      polisi_block_set_text (intro, lang, how);

      /* the same, for a format no one writes in: no menu to use there */
      g_clear_pointer (&how, g_free);
      if (lang == POLISI_LANG_CY)
        how = g_strdup_printf ("Anfonwch eich sylwadau, gan nodi rhif y cymal a rhif y llinell "
                               "(y rhifau wrth ochr y testun), "
                               "neu ysgrifennwch nhw yn y tabl isod ar gopi wedi’i argraffu.%s%s%s "
                               "Bydd yr ymatebion yn cael eu hychwanegu at y tabl hwn.",
                               when != NULL ? " Y dyddiad cau ar gyfer sylwadau yw " : "",
                               when != NULL ? when : "", when != NULL ? "." : "");
      else
        how = g_strdup_printf ("Send your comments, giving the clause number and the line number "
                               "(the numbers beside the text), "
                               "or write them in the table below on a printed copy.%s%s%s "
                               "The responses will be added to this table.",
                               when != NULL ? " The closing date for comments is " : "",
                               when != NULL ? when : "", when != NULL ? "." : "");
      polisi_document_set_text (document, "comments-fixed", lang, how);
    }

  /* In the document's order: by clause, then those on the whole policy. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < polisi_document_get_n_blocks (document); i++)
      {
        PolisiBlock *block = polisi_document_get_block (document, i);

        if (pass == 1)
          {
            for (guint c = 0; c < comments->len; c++)
              if (!g_ptr_array_find (ordered, comments->pdata[c], NULL))
                g_ptr_array_add (ordered, comments->pdata[c]);
            break;
          }
        if (block->kind != POLISI_BLOCK_CLAUSE)
          continue;
        for (guint c = 0; c < comments->len; c++)
          if (g_strcmp0 (((PolisiComment *) comments->pdata[c])->clause_id, block->id) == 0)
            g_ptr_array_add (ordered, comments->pdata[c]);
      }

  table = polisi_document_add_block (document, POLISI_BLOCK_TABLE, "comments-table", NULL);
  /* room to write a comment and a response by hand */
  {
    static const double shares[] = { 0.08, 0.16, 0.32, 0.32 };

    polisi_block_set_column_shares (table, shares, G_N_ELEMENTS (shares));
  }
  table->appendix = TRUE;
  table->n_columns = 4;
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      polisi_block_add_row (table, lang, header[lang]);

      for (guint c = 0; c < ordered->len; c++)
        {
          const PolisiComment *comment = ordered->pdata[c];
          const char *number = comment->clause_id != NULL ? g_hash_table_lookup (numbers, comment->clause_id) : NULL;
          g_autofree char *day = format_day (comment->date, lang);
          g_autofree char *who = NULL;
          g_autofree char *response = NULL;
          const char *row[4];

          if (comment->author != NULL && day[0] != '\0')
            who = g_strdup_printf ("%s\n%s", comment->author, day);
          else
            who = g_strdup (comment->author != NULL ? comment->author : day);

          if (comment->response != NULL)
            {
              g_autofree char *answered = format_day (comment->response_date, lang);

              if (comment->response_author != NULL || answered[0] != '\0')
                response = g_strdup_printf ("%s\n— %s%s%s", comment->response,
                                            comment->response_author != NULL ? comment->response_author : "",
                                            comment->response_author != NULL && answered[0] != '\0' ? ", " : "",
                                            answered);
              else
                response = g_strdup (comment->response);
            }

          row[0] = number != NULL ? number : (comment->clause_id == NULL ? general[lang] : comment->clause_id);
          row[1] = who;
          row[2] = comment->body;
          row[3] = response != NULL ? response : "";
          polisi_block_add_row (table, lang, row);

          /* the comment in its own language, whatever the table's: as its
           * words say, else as the text it was made on */
          {
            int written = polisi_text_guess_language (comment->body);

            polisi_block_set_cell_lang (table, c + 1, 2, written >= 0 ? written : comment->lang);
          }
        }

      /* Room for more: empty rows, a few lines high on paper. */
      for (guint r = 0; r < COMMENT_ROOM_ROWS; r++)
        {
          const char *row[4] = { "\n\n", "", "", "" };
          polisi_block_add_row (table, lang, row);
        }
    }
}

static void
set_front_matter (PolisiDocument      *document,
                  PolisiPolicy        *policy,
                  PolisiLibrary       *library,
                  PolisiAssembleFlags  flags)
{
  static const char *fallback_title[POLISI_N_LANGS] = {
    "Polisi cyfryngau cymdeithasol staff", "Staff social media policy"
  };
  static const char *keywords[POLISI_N_LANGS] = {
    "cyfryngau cymdeithasol, diogelu, polisi staff, ymddygiad proffesiynol",
    "social media, safeguarding, staff policy, professional conduct",
  };
  static const char *watermarks[][POLISI_N_LANGS] = {
    [POLISI_STATUS_DRAFT] = { "DRAFFT", "DRAFT" },
    [POLISI_STATUS_CONSULTATION] = { "DRAFFT YMGYNGHORI", "CONSULTATION DRAFT" },
  };
  PolisiStatus status = polisi_policy_get_status (policy);
  g_autofree char *date_iso = NULL;
  GDate date;

  polisi_document_set_version (document, polisi_policy_get_version (policy));
  polisi_document_set_policy_uid (document, polisi_policy_get_uid (policy));
  polisi_document_set_status (document, status);
  polisi_document_set_nation (document, polisi_policy_get_nation (policy));

  if (polisi_date_parse_iso (polisi_policy_get_adoption_date (policy), &date) && status == POLISI_STATUS_ADOPTED)
    date_iso = g_strdup (polisi_policy_get_adoption_date (policy));
  else
    {
      polisi_date_set_today (&date);
      date_iso = polisi_date_to_iso (&date);
    }
  polisi_document_set_dates (document, polisi_policy_get_created (policy), date_iso);

  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      const char *title = library != NULL ? polisi_library_get_title (library, lang) : NULL;
      const char *organisation = first_non_empty (polisi_policy_get_name (policy, lang),
                                                  polisi_policy_get_name (policy, POLISI_LANG_OTHER (lang)));
      g_autofree char *subject = NULL;
      g_autofree char *date_text = polisi_date_format (&date, lang);
      GDate other;

      if (title == NULL)
        title = fallback_title[lang];
      subject = organisation != NULL ? g_strdup_printf ("%s: %s", organisation, title) : g_strdup (title);

      polisi_document_set_text (document, "title", lang, title);
      polisi_document_set_text (document, "organisation", lang, organisation != NULL ? organisation : "");
      polisi_document_set_text (document, "subject", lang, subject);
      polisi_document_set_text (document, "keywords", lang, keywords[lang]);
      polisi_document_set_text (document, "status", lang, polisi_status_get_name (status, lang));
      polisi_document_set_text (document, "date", lang, date_text);

      if (polisi_policy_get_review_date (policy, &other))
        {
          g_autofree char *review = polisi_date_format (&other, lang);
          polisi_document_set_text (document, "review", lang, review);
        }
      if (status == POLISI_STATUS_CONSULTATION &&
          polisi_date_parse_iso (polisi_policy_get_closing_date (policy), &other))
        {
          g_autofree char *closing = polisi_date_format (&other, lang);
          polisi_document_set_text (document, "closing", lang, closing);
        }
      if (status != POLISI_STATUS_ADOPTED && !(flags & POLISI_ASSEMBLE_FINAL))
        polisi_document_set_text (document, "watermark", lang, watermarks[status][lang]);
    }

  polisi_document_set_line_numbers (document, status == POLISI_STATUS_CONSULTATION && !(flags & POLISI_ASSEMBLE_FINAL));
}

/* The included clauses of @section, in the policy's order. */
static GPtrArray *
included_in_section (PolisiPolicy  *policy,
                     PolisiLibrary *library,
                     const char    *section_id)
{
  GPtrArray *clauses = g_ptr_array_new ();

  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    {
      PolisiClauseState *state = polisi_policy_get_clause (policy, i);

      if (polisi_clause_state_get_included (state) &&
          g_strcmp0 (polisi_assemble_section_of (library, polisi_clause_state_get_id (state)), section_id) == 0)
        g_ptr_array_add (clauses, state);
    }
  return clauses;
}

/**
 * polisi_assemble_clause_numbers:
 *
 * The number each included clause has in the policy ("5.4", "A.2"), by
 * clause id, without assembling a document: sections in the library's
 * order, numbered from 1 (appendices lettered from A), each counting only
 * its included clauses; clauses the library does not know last, in a
 * section of their own. polisi_assemble() numbers by this, so the window,
 * the command line and the comments table agree.
 *
 * Returns: (transfer full): clause id → number
 */
GHashTable *
polisi_assemble_clause_numbers (PolisiPolicy  *policy,
                                PolisiLibrary *library)
{
  GHashTable *numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint section_number = 0;
  guint appendix_number = 0;
  guint others = 0;
  g_autofree char *other_number = NULL;

  g_return_val_if_fail (POLISI_IS_POLICY (policy), numbers);
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), numbers);

  for (guint s = 0; s < polisi_library_get_n_sections (library); s++)
    {
      PolisiSection *section = polisi_library_get_section (library, s);
      g_autoptr(GPtrArray) clauses = included_in_section (policy, library, polisi_section_get_id (section));
      g_autofree char *number = NULL;

      if (clauses->len == 0)
        continue;
      if (polisi_section_is_appendix (section))
        number = g_strdup_printf ("%c", 'A' + (appendix_number++ % 26));
      else
        number = g_strdup_printf ("%u", ++section_number);
      for (guint i = 0; i < clauses->len; i++)
        g_hash_table_insert (numbers, g_strdup (polisi_clause_state_get_id (clauses->pdata[i])),
                             g_strdup_printf ("%s.%u", number, i + 1));
    }

  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    {
      PolisiClauseState *state = polisi_policy_get_clause (policy, i);
      const char *id = polisi_clause_state_get_id (state);

      if (!polisi_clause_state_get_included (state) || g_hash_table_contains (numbers, id))
        continue;
      if (other_number == NULL)
        other_number = g_strdup_printf ("%u", ++section_number);
      g_hash_table_insert (numbers, g_strdup (id), g_strdup_printf ("%s.%u", other_number, ++others));
    }
  return numbers;
}

/* "5" of "5.4" */
static char *
section_number_of (const char *clause_number)
{
  const char *dot = strrchr (clause_number, '.');

  return g_strndup (clause_number, dot - clause_number);
}

/**
 * polisi_assemble:
 *
 * Returns: (transfer full): the document for @policy
 */
PolisiDocument *
polisi_assemble (PolisiPolicy        *policy,
                 PolisiLibrary       *library,
                 PolisiAssembleFlags  flags)
{
  PolisiDocument *document;
  g_autoptr(GHashTable) numbers = NULL;
  guint appendix_number = 0;

  g_return_val_if_fail (POLISI_IS_POLICY (policy), NULL);
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), NULL);

  numbers = polisi_assemble_clause_numbers (policy, library);
  document = polisi_document_new ();
  set_front_matter (document, policy, library, flags);

  /* a draft says what it changes (adopted, it is in the history) */
  if (polisi_policy_get_status (policy) != POLISI_STATUS_ADOPTED && !(flags & POLISI_ASSEMBLE_FINAL) &&
      (polisi_policy_get_pending_summary (policy, POLISI_LANG_CY) != NULL ||
       polisi_policy_get_pending_summary (policy, POLISI_LANG_EN) != NULL))
    add_pending_summary (document, policy);

  for (guint s = 0; s < polisi_library_get_n_sections (library); s++)
    {
      PolisiSection *section = polisi_library_get_section (library, s);
      const char *section_id = polisi_section_get_id (section);
      g_autoptr(GPtrArray) clauses = included_in_section (policy, library, section_id);
      g_autofree char *number = NULL;
      g_autofree char *letter = NULL;
      PolisiBlock *heading;

      if (clauses->len == 0)
        continue;

      /* the numbers are polisi_assemble_clause_numbers()'s */
      number = section_number_of (g_hash_table_lookup (numbers, polisi_clause_state_get_id (clauses->pdata[0])));
      if (polisi_section_is_appendix (section))
        {
          appendix_number++;
          letter = g_strdup (number);
        }

      heading = polisi_document_add_block (document, POLISI_BLOCK_HEADING, section_id, number);
      heading->appendix = polisi_section_is_appendix (section);
      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        {
          g_autofree char *text = heading_text (section, letter, lang);
          polisi_block_set_text (heading, lang, text);
        }

      for (guint i = 0; i < clauses->len; i++)
        {
          PolisiClauseState *state = clauses->pdata[i];
          const char *clause_number = g_hash_table_lookup (numbers, polisi_clause_state_get_id (state));
          PolisiBlock *block = polisi_document_add_block (document, POLISI_BLOCK_CLAUSE,
                                                          polisi_clause_state_get_id (state), clause_number);

          block->appendix = polisi_section_is_appendix (section);
          for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
            {
              g_autofree char *filled = polisi_assemble_fill (policy, library,
                                                              polisi_clause_state_get_text (state, lang), lang);
              polisi_block_set_text (block, lang, filled);
            }
        }
    }

  /* Included clauses the library knows nothing of (a withdrawn clause, a
   * policy built on another library) still belong in the policy. */
  {
    PolisiBlock *heading = NULL;

    for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
      {
        PolisiClauseState *state = polisi_policy_get_clause (policy, i);
        const char *id = polisi_clause_state_get_id (state);
        const char *clause_number;
        PolisiBlock *block;

        /* placed in its section above */
        if (!polisi_clause_state_get_included (state) || polisi_assemble_section_of (library, id) != NULL)
          continue;

        clause_number = g_hash_table_lookup (numbers, id);
        if (heading == NULL)
          {
            g_autofree char *number = section_number_of (clause_number);

            heading = polisi_document_add_block (document, POLISI_BLOCK_HEADING, "other", number);
            polisi_block_set_text (heading, POLISI_LANG_CY, "Cymalau eraill");
            polisi_block_set_text (heading, POLISI_LANG_EN, "Other clauses");
          }

        block = polisi_document_add_block (document, POLISI_BLOCK_CLAUSE, id, clause_number);
        for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
          {
            g_autofree char *filled = polisi_assemble_fill (policy, library,
                                                            polisi_clause_state_get_text (state, lang), lang);
            polisi_block_set_text (block, lang, filled);
          }
      }
  }

  if (polisi_policy_get_status (policy) == POLISI_STATUS_CONSULTATION && !(flags & POLISI_ASSEMBLE_FINAL))
    {
      g_autofree char *letter = g_strdup_printf ("%c", 'A' + (appendix_number++ % 26));

      add_comments (document, policy, numbers, letter);
    }

  if (polisi_policy_get_n_versions (policy) > 0 && !(flags & POLISI_ASSEMBLE_NO_HISTORY))
    add_history (document, policy);

  return document;
}
