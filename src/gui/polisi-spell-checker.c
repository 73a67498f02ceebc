/* polisi-spell-checker.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spell checking for the clause editors, with enchant: the Welsh text
 * against a Welsh dictionary (aspell-cy, or a Hunspell Welsh dictionary),
 * the English against British English. Misspelled words are underlined;
 * a right click offers suggestions and "Add to Dictionary".
 *
 * A text view is checked by its PolisiSpellBuffer (polisi-spell-buffer.c),
 * which never blocks typing.
 *
 * The words of the clause library itself are all correct (the tests check
 * its Welsh against a Welsh dictionary and a reviewed list): they are added
 * to the session's dictionaries, so that the model text is never marked,
 * whatever dictionary the computer has.
 *
 * Welsh joins words with an apostrophe ("mae'r", "i'w", "a'i"): the parts
 * after an apostrophe that are clitics are not words of their own, so
 * only the word before them is checked. Placeholders ({head_teacher}) and
 * web addresses are never checked.
 */
#include "config.h"

#include <string.h>

#include <enchant.h>

#include "polisi-spell-checker.h"
#include "polisi-text.h"


struct _PolisiSpellChecker
{
  GObject        parent_instance;

  EnchantBroker *broker;
  EnchantDict   *dicts[POLISI_N_LANGS];
};

G_DEFINE_FINAL_TYPE (PolisiSpellChecker, polisi_spell_checker, G_TYPE_OBJECT)

static const char *clitics[] = { "r", "n", "w", "i", "m", "th", "u", "ch", "ni", "ti", "y", "ng", "mh", "nh", NULL };


static void
polisi_spell_checker_finalize (GObject *object)
{
  PolisiSpellChecker *self = (PolisiSpellChecker *) object;

  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    if (self->dicts[lang] != NULL)
      enchant_broker_free_dict (self->broker, self->dicts[lang]);
  if (self->broker != NULL)
    enchant_broker_free (self->broker);

  G_OBJECT_CLASS (polisi_spell_checker_parent_class)->finalize (object);
}

static void
polisi_spell_checker_class_init (PolisiSpellCheckerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = polisi_spell_checker_finalize;
}

static EnchantDict *
request (EnchantBroker      *broker,
         const char * const *tags)
{
  for (guint i = 0; tags[i] != NULL; i++)
    if (enchant_broker_dict_exists (broker, tags[i]))
      return enchant_broker_request_dict (broker, tags[i]);
  return NULL;
}

static void
polisi_spell_checker_init (PolisiSpellChecker *self)
{
}

typedef struct {
  PolisiSpellChecker *self;
  PolisiLang          lang;
  GHashTable         *seen;
} SessionWords;

static void
add_session_word (const char *line,
                  gsize       start,
                  gsize       end,
                  gpointer    user_data)
{
  SessionWords *words = user_data;
  g_autofree char *word = g_strndup (line + start, end - start);
  EnchantDict *dict = words->self->dicts[words->lang];

  if (g_hash_table_contains (words->seen, word))
    return;
  if (enchant_dict_check (dict, word, strlen (word)) != 0)
    enchant_dict_add_to_session (dict, word, strlen (word));
  g_hash_table_add (words->seen, g_steal_pointer (&word));
}

static void
add_text (SessionWords *words,
          const char   *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    polisi_spell_checker_for_each_word (lines[i], words->lang, add_session_word, words);
}

/* The words of the library are all correct: they go in the session's
 * dictionaries. */
static void
add_library_words (PolisiSpellChecker *self,
                   PolisiLibrary      *library)
{
  if (library == NULL)
    return;

  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      SessionWords words = { self, lang, NULL };

      if (self->dicts[lang] == NULL)
        continue;
      words.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint s = 0; s < polisi_library_get_n_sections (library); s++)
        {
          PolisiSection *section = polisi_library_get_section (library, s);

          for (guint c = 0; c < polisi_section_get_n_clauses (section); c++)
            {
              PolisiClause *clause = polisi_section_get_clause (section, c);

              for (guint a = 0; a < polisi_clause_get_n_alternatives (clause); a++)
                add_text (&words, polisi_clause_get_alternative (clause, a)->text[lang]);
            }
        }
      g_hash_table_unref (words.seen);
    }
}

static const char *welsh_tags[] = { "cy_GB", "cy", NULL };
static const char *english_tags[] = { "en_GB", "en", "en_US", NULL };

/**
 * polisi_spell_checker_new_full:
 * @welsh: the dictionaries to try for Welsh, in order ("cy_GB", "cy")
 * @english: the same for English
 *
 * As polisi_spell_checker_new(), with the dictionaries to look for.
 */
PolisiSpellChecker *
polisi_spell_checker_new_full (PolisiLibrary      *library,
                               const char * const *welsh,
                               const char * const *english)
{
  PolisiSpellChecker *self = g_object_new (POLISI_TYPE_SPELL_CHECKER, NULL);

  self->broker = enchant_broker_init ();
  if (self->broker != NULL)
    {
      self->dicts[POLISI_LANG_CY] = request (self->broker, welsh);
      self->dicts[POLISI_LANG_EN] = request (self->broker, english);
    }
  if (self->dicts[POLISI_LANG_CY] == NULL)
    g_debug ("No Welsh dictionary: Welsh text is not spell checked");
  if (self->dicts[POLISI_LANG_EN] == NULL)
    g_debug ("No English dictionary: English text is not spell checked");
  add_library_words (self, library);
  return self;
}

/**
 * polisi_spell_checker_new:
 * @library: (nullable): the clause library, whose words are all correct
 */
PolisiSpellChecker *
polisi_spell_checker_new (PolisiLibrary *library)
{
  return polisi_spell_checker_new_full (library, welsh_tags, english_tags);
}

gboolean
polisi_spell_checker_has_language (PolisiSpellChecker *self,
                                   PolisiLang          lang)
{
  g_return_val_if_fail (POLISI_IS_SPELL_CHECKER (self), FALSE);
  return self->dicts[lang] != NULL;
}

/* Whether @word is spelled right (or cannot be checked). */
gboolean
polisi_spell_checker_check_word (PolisiSpellChecker *self,
                                 PolisiLang          lang,
                                 const char         *word)
{
  g_return_val_if_fail (POLISI_IS_SPELL_CHECKER (self), TRUE);

  if (self->dicts[lang] == NULL || word == NULL || word[0] == '\0')
    return TRUE;
  return enchant_dict_check (self->dicts[lang], word, strlen (word)) == 0;
}

GStrv
polisi_spell_checker_suggest (PolisiSpellChecker *self,
                              PolisiLang          lang,
                              const char         *word)
{
  GPtrArray *result = g_ptr_array_new ();
  char **suggestions;
  size_t n = 0;

  g_return_val_if_fail (POLISI_IS_SPELL_CHECKER (self), NULL);

  if (self->dicts[lang] != NULL)
    {
      suggestions = enchant_dict_suggest (self->dicts[lang], word, strlen (word), &n);
      for (size_t i = 0; i < n && i < 6; i++)
        g_ptr_array_add (result, g_strdup (suggestions[i]));
      if (suggestions != NULL)
        enchant_dict_free_string_list (self->dicts[lang], suggestions);
    }
  g_ptr_array_add (result, NULL);
  return (GStrv) g_ptr_array_free (result, FALSE);
}

void
polisi_spell_checker_add_word (PolisiSpellChecker *self,
                               PolisiLang          lang,
                               const char         *word)
{
  g_return_if_fail (POLISI_IS_SPELL_CHECKER (self));

  if (self->dicts[lang] != NULL)
    enchant_dict_add (self->dicts[lang], word, strlen (word));
}

/* Words --------------------------------------------------------------------- */

/* a word runs on through what joins its parts ("mae'r", "ar-lein"):
 * polisi-text's rule, as the comparison of texts reads words */
static gboolean
is_word_char (gunichar c)
{
  return polisi_text_is_word_char (c) || polisi_text_is_joiner (c);
}

static gboolean
is_clitic (const char *start,
           const char *end)
{
  for (guint i = 0; clitics[i] != NULL; i++)
    if ((gsize) (end - start) == strlen (clitics[i]) && g_ascii_strncasecmp (start, clitics[i], end - start) == 0)
      return TRUE;
  return FALSE;
}

/* Calls @func for each word of @line to check: bytes [start, end). */
void
polisi_spell_checker_for_each_word (const char *line,
               PolisiLang  lang,
               void      (*func) (const char *, gsize, gsize, gpointer),
               gpointer    user_data)
{
  const char *p = line;

  while (*p != '\0')
    {
      const char *start, *end;
      gunichar c = g_utf8_get_char (p);

      /* placeholders and addresses are not words */
      if (c == '{')
        {
          const char *close = strchr (p, '}');
          p = close != NULL ? close + 1 : p + 1;
          continue;
        }
      if (g_str_has_prefix (p, "http") || g_str_has_prefix (p, "www."))
        {
          while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          continue;
        }
      if (!g_unichar_isalpha (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      start = p;
      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      end = p;
      /* no trailing apostrophes or hyphens */
      while (end > start && (end[-1] == '\'' || end[-1] == '-'))
        end--;
      if (end > start + 2 && (guchar) end[-1] == 0x99 && (guchar) end[-2] == 0x80 && (guchar) end[-3] == 0xe2)
        end -= 3;

      if (lang != POLISI_LANG_CY)
        {
          func (line, start - line, end - line, user_data);
          continue;
        }

      /* Welsh: "mae'r" is "mae" and a clitic; each piece between
       * apostrophes that is not a clitic is checked on its own */
      {
        const char *piece = start;
        gboolean several = FALSE;

        for (const char *q = start; q < end; q = g_utf8_next_char (q))
          if (g_utf8_get_char (q) == '\'' || g_utf8_get_char (q) == 0x2019)
            several = TRUE;

        while (piece < end)
          {
            const char *piece_end = piece;

            while (piece_end < end && g_utf8_get_char (piece_end) != '\'' && g_utf8_get_char (piece_end) != 0x2019)
              piece_end = g_utf8_next_char (piece_end);
            if (piece_end > piece && !(several && is_clitic (piece, piece_end)))
              func (line, piece - line, piece_end - line, user_data);
            piece = piece_end < end ? g_utf8_next_char (piece_end) : end;
          }
      }
    }
}

