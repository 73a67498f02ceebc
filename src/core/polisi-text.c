/* polisi-text.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-error.h"
#include "polisi-text.h"
#include "polisi-types.h"

PolisiTextBlock *
polisi_text_block_new (gboolean    item,
                       const char *text)
{
  PolisiTextBlock *block = g_new0 (PolisiTextBlock, 1);

  block->item = item;
  block->text = g_strdup (text != NULL ? text : "");
  return block;
}

void
polisi_text_block_free (PolisiTextBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->text);
  g_clear_pointer (&block->marks, g_array_unref);
  g_free (block);
}

static void
text_block_free (gpointer data)
{
  polisi_text_block_free (data);
}

/**
 * polisi_text_block_add_mark:
 *
 * Marks bytes [@start, @end) of the block's text as inserted or deleted.
 * Marks are added in order; one that touches the previous mark of the same
 * kind extends it.
 */
void
polisi_text_block_add_mark (PolisiTextBlock *block,
                            guint            start,
                            guint            end,
                            PolisiMarkKind   kind)
{
  PolisiTextMark mark = { start, end, kind };

  g_return_if_fail (block != NULL);
  g_return_if_fail (start <= end && end <= strlen (block->text));

  if (start == end)
    return;
  if (block->marks == NULL)
    block->marks = g_array_new (FALSE, FALSE, sizeof (PolisiTextMark));
  if (block->marks->len > 0)
    {
      PolisiTextMark *last = &g_array_index (block->marks, PolisiTextMark, block->marks->len - 1);

      g_return_if_fail (last->end <= start);
      if (last->end == start && last->kind == kind)
        {
          last->end = end;
          return;
        }
    }
  g_array_append_val (block->marks, mark);
}

gboolean
polisi_text_block_has_marks (const PolisiTextBlock *block)
{
  return block != NULL && ((block->marks != NULL && block->marks->len > 0) || block->break_inserted);
}

/* Characters that XML 1.0 cannot carry, or that only cause trouble in a
 * document: C0 and C1 controls (but tab and newline), the non-characters
 * and stray surrogates. */
static gboolean
is_unwanted (gunichar c)
{
  if (c == '\n' || c == '\t')
    return FALSE;
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
    return TRUE;
  /* the non-characters: U+FDD0..U+FDEF, and the last two code points of
   * every plane (U+FFFE, U+1FFFF ... U+10FFFF). XML may carry some of
   * them, but pango refuses them all, so no PDF could be made. */
  if ((c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe)
    return TRUE;
  if (c >= 0xd800 && c <= 0xdfff)
    return TRUE;
  return FALSE;
}

/**
 * polisi_text_sanitize:
 * @text: (nullable): text from a person or a file
 *
 * Makes @text fit to store and print: valid UTF-8, composed (NFC, so that
 * "ŵ" is one character however it was typed), line ends as "\n", and no
 * control characters.
 *
 * Returns: (transfer full): the clean text; "" for %NULL
 */
/* Whether normalising to NFC might change text holding @c. Letters up to
 * U+02FF, Latin Extended Additional (ẁ ẃ ẅ ỳ and their capitals) and the
 * punctuation and symbols Polisi's texts use are precomposed or stand
 * alone: NFC leaves them, and what follows them, as they are. Anything
 * else (combining marks, Hangul, Greek, Indic scripts) goes the long way. */
static gboolean
may_need_composing (gunichar c)
{
  if (c < 0x300)
    return FALSE;
  if (c >= 0x1e00 && c <= 0x1eff)
    return FALSE;
  if (c >= 0x2000 && c <= 0x20cf)
    return FALSE;
  if (c >= 0x2100 && c <= 0x2bff && c != 0x2126 && c != 0x212a && c != 0x212b)
    return FALSE;
  return TRUE;
}

/* Whether a character that is not ASCII can stay as it is. */
static gboolean
is_clean_char (gunichar c)
{
  return c != (gunichar) -1 && c != (gunichar) -2 && !is_unwanted (c) && !may_need_composing (c);
}

/* Whether @text is already as polisi_text_sanitize() would leave it, for
 * the common case (a library or a policy being read) that need not be
 * copied character by character. */
static gboolean
is_clean (const char *text)
{
  /* validated as it is read: one pass, not two */
  for (const guchar *p = (const guchar *) text; *p != '\0';)
    {
      if (*p < 0x80)
        {
          if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
            return FALSE;
          p++;
          continue;
        }
      {
        gunichar c = g_utf8_get_char_validated ((const char *) p, -1);

        if (!is_clean_char (c))
          return FALSE;
        p = (const guchar *) g_utf8_next_char ((const char *) p);
      }
    }
  return TRUE;
}

char *
polisi_text_sanitize (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *composed = NULL;
  GString *clean;

  if (text == NULL)
    return g_strdup ("");
  if (is_clean (text))
    return g_strdup (text);

  valid = g_utf8_make_valid (text, -1);
  composed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  clean = g_string_sized_new (strlen (composed));

  for (const char *p = composed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (clean, '\n');
          continue;
        }
      if (is_unwanted (c))
        continue;
      g_string_append_unichar (clean, c);
    }

  return g_string_free (clean, FALSE);
}

/**
 * polisi_text_check_length:
 * @what: what the text is, for the message ("the organisation’s name")
 *
 * Whether @text is at most @max_chars characters long; if not, an error
 * that says how long it may be.
 */
gboolean
polisi_text_check_length (const char  *text,
                          gsize        max_chars,
                          const char  *what,
                          GError     **error)
{
  glong length;

  if (text == NULL)
    return TRUE;
  /* cheap first: a character is at most 4 bytes */
  if (strlen (text) <= max_chars)
    return TRUE;
  length = g_utf8_strlen (text, -1);
  if ((gsize) length <= max_chars)
    return TRUE;

  g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
               /* Translators: the first %s is what the text is, such as “the value of “organisation””;
                * then two numbers of characters */
               _("Too long (%s): %ld characters, where Polisi keeps at most %u. Shorten it; nothing has been changed."),
               what, length, (guint) max_chars);
  return FALSE;
}

/* @text, cut after @max_chars characters (whole characters). */
char *
polisi_text_truncate (const char *text,
                      gsize       max_chars)
{
  const char *end = text;

  if (text == NULL)
    return NULL;
  for (gsize n = 0; n < max_chars && *end != '\0'; n++)
    end = g_utf8_next_char (end);
  return g_strndup (text, end - text);
}

/* Whether a line may break after @c, for polisi_text_break_long_runs():
 * white space, hyphens and dashes, slashes. Deliberately simple: a run
 * this finds too long might have had another place to break, and then it
 * only gets one more. */
static gboolean
is_break_after (gunichar c)
{
  return g_unichar_isspace (c) || c == '-' || c == '/' || c == 0x2010 || c == 0x2013 || c == 0x2014 ||
         c == 0x200b;
}

/**
 * polisi_text_break_long_runs:
 *
 * Puts a zero-width space (a place a line may break, invisible) into every
 * run of more than @max_run characters with nowhere to break: an address,
 * or a name typed without spaces. Line breaking then costs time linear in
 * the text's length however it was typed, and a long word wraps instead of
 * running off the page.
 *
 * Returns: (transfer full): the text, or a copy with the breaks added
 */
char *
polisi_text_break_long_runs (const char *text,
                             gsize       max_run)
{
  return polisi_text_break_long_runs_full (text, max_run, NULL);
}

/**
 * polisi_text_break_long_runs_full:
 * @inserted: (out) (optional): where the breaks went, as byte offsets
 *   into @text (each break is inserted before that byte), or %NULL
 *
 * polisi_text_break_long_runs(), and where the breaks went, so that byte
 * offsets into @text (marks, links) can be moved with them.
 */
char *
polisi_text_break_long_runs_full (const char  *text,
                                  gsize        max_run,
                                  GArray     **inserted)
{
  GString *out;
  gsize run = 0;

  if (inserted != NULL)
    *inserted = g_array_new (FALSE, FALSE, sizeof (guint));
  if (text == NULL)
    return NULL;

  /* most text has nothing to break: a copy */
  {
    const char *p;

    for (p = text; *p != '\0'; p = g_utf8_next_char (p))
      {
        run = is_break_after (g_utf8_get_char (p)) ? 0 : run + 1;
        if (run > max_run)
          break;
      }
    if (*p == '\0')
      return g_strdup (text);
    run = 0;
  }

  out = g_string_sized_new (strlen (text) + 16);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (run >= max_run && !is_break_after (c))
        {
          g_string_append_unichar (out, 0x200b);
          if (inserted != NULL)
            {
              guint offset = p - text;
              g_array_append_val (*inserted, offset);
            }
          run = 0;
        }
      g_string_append_unichar (out, c);
      run = is_break_after (c) ? 0 : run + 1;
    }
  return g_string_free (out, FALSE);
}

/**
 * polisi_text_clean_line:
 *
 * A one-line field (a name, an answer, who approved a version) made fit to
 * keep: polisi_text_sanitize(), runs of white space as one space, the ends
 * trimmed, and at most %POLISI_TEXT_MAX_LINE characters (where the text
 * came in, a longer one was refused with polisi_text_check_length(); this
 * is the limit for what has no one to tell).
 *
 * Returns: (transfer full): the field
 */
char *
polisi_text_clean_line (const char *text)
{
  g_autofree char *collapsed = polisi_text_sanitize_collapsed (text);

  return polisi_text_truncate (collapsed, POLISI_TEXT_MAX_LINE);
}

/**
 * polisi_text_sanitize_collapsed:
 * @text: (nullable): text from a person or a file
 *
 * What polisi_text_collapse_spaces() makes of what polisi_text_sanitize()
 * makes of @text, in one pass and one copy when @text is already clean, as
 * the texts of a library or a policy being read nearly all are: valid
 * UTF-8, nothing to compose, no control character (tab and newline are
 * white space). Anything else goes the long way, through both.
 *
 * Returns: (transfer full): the clean text, one line; "" for %NULL
 */
char *
polisi_text_sanitize_collapsed (const char *text)
{
  char *out;
  char *q;
  gboolean space = FALSE;
  const guchar *p;

  if (text == NULL)
    return g_strdup ("");

  out = g_malloc (strlen (text) + 1);
  q = out;
  for (p = (const guchar *) text; *p != '\0';)
    {
      /* the common run: printable ASCII */
      if (*p > 0x20 && *p < 0x7f)
        {
          if (space)
            *q++ = ' ';
          space = FALSE;
          do
            *q++ = *p++;
          while (*p > 0x20 && *p < 0x7f);
          continue;
        }
      if (*p == ' ' || *p == '\n' || *p == '\t')
        {
          space = q > out;
          p++;
          continue;
        }
      if (*p < 0x80)
        goto long_way;   /* a control character, or a carriage return */
      {
        gunichar c = g_utf8_get_char_validated ((const char *) p, -1);
        const guchar *next;

        if (!is_clean_char (c))
          goto long_way;
        next = (const guchar *) g_utf8_next_char ((const char *) p);
        if (g_unichar_isspace (c))
          {
            space = q > out;
            p = next;
            continue;
          }
        if (space)
          *q++ = ' ';
        space = FALSE;
        while (p < next)
          *q++ = *p++;
      }
    }
  *q = '\0';
  return out;

long_way:
  g_free (out);
  {
    g_autofree char *clean = polisi_text_sanitize (text);

    return polisi_text_collapse_spaces (clean);
  }
}

/* Runs of white space become one space; the ends are trimmed. One pass,
 * into a buffer the size of @text (the result is never longer): reading a
 * library or a policy collapses every text it holds. */
char *
polisi_text_collapse_spaces (const char *text)
{
  char *out;
  char *q;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  out = g_malloc (strlen (text) + 1);
  q = out;
  for (const char *p = text; *p != '\0';)
    {
      guchar byte = *p;
      guint length;

      if (byte < 0x80)
        {
          if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' || byte == '\f')
            {
              space = q > out;
              p++;
              continue;
            }
          if (space)
            *q++ = ' ';
          space = FALSE;
          *q++ = *p++;
          continue;
        }
      else
        {
          length = g_utf8_skip[byte];
          if (g_unichar_isspace (g_utf8_get_char (p)))
            {
              space = q > out;
              for (guint i = 0; i < length && *p != '\0'; i++)
                p++;
              continue;
            }
        }
      if (space)
        *q++ = ' ';
      space = FALSE;
      for (guint i = 0; i < length && *p != '\0'; i++)
        *q++ = *p++;
    }
  *q = '\0';

  return out;
}

static const char *
item_prefix_end (const char *line)
{
  if (g_str_has_prefix (line, "- ") || g_str_has_prefix (line, "* "))
    return line + 2;
  if (g_str_has_prefix (line, "• "))
    return line + strlen ("• ");
  if (strcmp (line, "-") == 0 || strcmp (line, "•") == 0)
    return line + strlen (line);
  return NULL;
}

/**
 * polisi_text_block_keeps_with_next:
 * @blocks: (element-type PolisiTextBlock): the paragraphs of a clause in
 *   one language
 * @index: one of them
 *
 * The one rule of keeping a paragraph with the next, for the page layout
 * and the editable formats alike: a paragraph that introduces a list
 * ("Staff must:", the paragraph after it the list's first item) never
 * ends a page without the first lines of its list.
 *
 * Returns: whether @blocks[@index] keeps with the paragraph after it
 */
gboolean
polisi_text_block_keeps_with_next (GPtrArray *blocks,
                                   guint      index)
{
  g_return_val_if_fail (blocks != NULL, FALSE);

  return index + 1 < blocks->len &&
         !((PolisiTextBlock *) blocks->pdata[index])->item &&
         ((PolisiTextBlock *) blocks->pdata[index + 1])->item;
}

/**
 * polisi_text_parse_blocks:
 * @markup: a clause text
 *
 * Returns: (transfer container) (element-type PolisiTextBlock): its
 *   paragraphs and list items, empty lines dropped
 */
GPtrArray *
polisi_text_parse_blocks (const char *markup)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func (text_block_free);
  g_auto(GStrv) lines = NULL;

  if (markup == NULL)
    return blocks;

  lines = g_strsplit (markup, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = polisi_text_collapse_spaces (lines[i]);
      const char *body = item_prefix_end (line);
      PolisiTextBlock *block;

      if (line[0] == '\0')
        continue;

      block = g_new0 (PolisiTextBlock, 1);
      block->item = body != NULL;
      block->text = body != NULL ? polisi_text_collapse_spaces (body) : g_strdup (line);
      if (block->text[0] == '\0' && block->item)
        {
          text_block_free (block);
          continue;
        }
      g_ptr_array_add (blocks, block);
    }

  return blocks;
}

/**
 * polisi_text_normalize:
 *
 * Returns: (transfer full): @markup in its canonical form: one block per
 *   line, items as "- ", spaces collapsed, no empty lines
 */
/* Whether @markup is already in the canonical form polisi_text_normalize()
 * gives: every line non-empty, its spaces single ' ' between words, an
 * item written "- ". A text read from a file or the library almost always
 * is, and is then copied without being taken apart. */
static gboolean
is_line_end (const char *p)
{
  return *p == '\0' || *p == '\n';
}

static gboolean
is_normal (const char *markup)
{
  const char *p = markup;
  const gsize bullet = strlen ("•");

  if (*p == '\0')
    return TRUE;
  for (;;)
    {
      /* a line item_prefix_end() reads as an item is written "- " */
      if (p[0] == '-' && p[1] == ' ')
        p += 2;
      else if (g_str_has_prefix (p, "* ") || g_str_has_prefix (p, "• ") ||
               (p[0] == '-' && is_line_end (p + 1)) ||
               (strncmp (p, "•", bullet) == 0 && is_line_end (p + bullet)))
        return FALSE;

      /* what is left of the line: not empty, one space between words and
       * no other white space */
      if (is_line_end (p) || *p == ' ')
        return FALSE;
      while (!is_line_end (p))
        {
          guchar byte = *p;

          if (byte == ' ')
            {
              if (p[1] == ' ' || is_line_end (p + 1))
                return FALSE;
              p++;
            }
          else if (byte == '\t' || byte == '\r' || byte == '\f')
            return FALSE;
          else if (byte < 0x80)
            p++;
          else
            {
              if (g_unichar_isspace (g_utf8_get_char (p)))
                return FALSE;
              p = g_utf8_next_char (p);
            }
        }
      if (*p == '\0')
        return TRUE;
      p++;
    }
}

char *
polisi_text_normalize (const char *markup)
{
  g_autoptr(GPtrArray) blocks = NULL;

  if (markup != NULL && is_normal (markup))
    return g_strdup (markup);

  blocks = polisi_text_parse_blocks (markup);
  return polisi_text_join_blocks (blocks);
}

/**
 * polisi_text_join_blocks:
 * @blocks: (element-type PolisiTextBlock): paragraphs and list items
 *
 * Clause markup of @blocks: one line each, items as "- ", marks left out
 * (the inverse of polisi_text_parse_blocks() for normal text).
 *
 * Returns: (transfer full): the markup
 */
char *
polisi_text_join_blocks (GPtrArray *blocks)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      PolisiTextBlock *block = g_ptr_array_index (blocks, i);

      if (i > 0)
        g_string_append_c (out, '\n');
      if (block->item)
        g_string_append (out, "- ");
      g_string_append (out, block->text);
    }
  return g_string_free (out, FALSE);
}

gboolean
polisi_text_equal (const char *a,
                   const char *b)
{
  g_autofree char *na = polisi_text_normalize (a);
  g_autofree char *nb = polisi_text_normalize (b);

  return g_strcmp0 (na, nb) == 0;
}

gboolean
polisi_text_is_placeholder_id (const char *id)
{
  if (id == NULL || !g_ascii_islower (id[0]))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

/* Finds the next "{name}" at or after @p; sets @id_start and @id_len. */
static const char *
next_placeholder (const char  *p,
                  const char **id_start,
                  gsize       *id_len)
{
  for (; (p = strchr (p, '{')) != NULL; p++)
    {
      const char *end = p + 1;

      if (!g_ascii_islower (*end))
        continue;
      while (g_ascii_islower (*end) || g_ascii_isdigit (*end) || *end == '_')
        end++;
      if (*end != '}')
        continue;

      *id_start = p + 1;
      *id_len = end - (p + 1);
      return p;
    }

  return NULL;
}

/**
 * polisi_text_get_placeholders:
 *
 * Returns: (transfer container) (element-type utf8): the placeholders
 *   @text uses, each once, in order of first use
 */
GPtrArray *
polisi_text_get_placeholders (const char *text)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;
  const char *id;
  gsize len;

  while (p != NULL && (p = next_placeholder (p, &id, &len)) != NULL)
    {
      g_autofree char *name = g_strndup (id, len);

      if (!g_ptr_array_find_with_equal_func (ids, name, g_str_equal, NULL))
        g_ptr_array_add (ids, g_steal_pointer (&name));
      p = id + len + 1;
    }

  return ids;
}

/**
 * polisi_text_fill:
 * @func: returns the text for a placeholder, or %NULL to leave it as it is
 *
 * Returns: (transfer full): @text with its placeholders replaced
 */
char *
polisi_text_fill (const char            *text,
                  PolisiPlaceholderFunc  func,
                  gpointer               user_data)
{
  GString *out = g_string_new (NULL);
  const char *p = text;
  const char *start;
  const char *id;
  gsize len;

  if (text == NULL)
    return g_string_free (out, FALSE);

  while ((start = next_placeholder (p, &id, &len)) != NULL)
    {
      g_autofree char *name = g_strndup (id, len);
      g_autofree char *value = func (name, user_data);

      g_string_append_len (out, p, start - p);
      if (value != NULL)
        g_string_append (out, value);
      else
        g_string_append_len (out, start, len + 2);
      p = id + len + 1;
    }
  g_string_append (out, p);

  return g_string_free (out, FALSE);
}

/* Whether a quotation mark after @before (0 at the start) opens a quote:
 * at the start of the text, after white space or an opening bracket or
 * quotation mark. */
static gboolean
opens_quote (gunichar before)
{
  return before == 0 || g_unichar_isspace (before) || before == '(' || before == '[' ||
         before == 0x201C || before == 0x2018 || before == 0x2014 || before == 0x2013;
}

/**
 * polisi_text_typographic:
 *
 * @text with typewriter apostrophes and quotation marks made typographic,
 * as the clause library is written: an apostrophe, and a single quotation
 * mark that closes, is "’" (Welsh "i’r", "a’r", English "staff’s"); one
 * that opens is "‘"; double quotation marks are "“" and "”". Nothing
 * else changes.
 *
 * Returns: (transfer full): the text
 */
char *
polisi_text_typographic (const char *text)
{
  GString *out;
  gunichar before = 0;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 16);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar after = g_utf8_get_char (g_utf8_next_char (p));

      if (c == '\'')
        c = opens_quote (before) && after != 0 && !g_unichar_isspace (after) ? 0x2018 : 0x2019;
      else if (c == '"')
        c = opens_quote (before) ? 0x201C : 0x201D;
      g_string_append_unichar (out, c);
      before = c;
    }
  return g_string_free (out, FALSE);
}

/* Apostrophes and single quotation marks, typewriter or typographic, are
 * the same character to a search. */
static gunichar
fold_quote (gunichar c)
{
  if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
    return '\'';
  return g_unichar_tolower (c);
}

/**
 * polisi_text_find_casefold:
 * @match_len: (out): the length of the match in @haystack, in bytes
 *
 * Finds @needle in @haystack ignoring case, with white space in either
 * counted as equal to any run of white space, and a typewriter apostrophe
 * as equal to a typographic one ("Gyda'n" finds "Gyda’n").
 *
 * Returns: (nullable): where the match starts in @haystack
 */
const char *
polisi_text_find_casefold (const char *haystack,
                           const char *needle,
                           gsize      *match_len)
{
  for (const char *start = haystack; *start != '\0'; start = g_utf8_next_char (start))
    {
      const char *h = start;
      const char *n = needle;

      while (*n != '\0' && *h != '\0')
        {
          gunichar hc = g_utf8_get_char (h);
          gunichar nc = g_utf8_get_char (n);

          if (g_unichar_isspace (nc) && g_unichar_isspace (hc))
            {
              while (*h != '\0' && g_unichar_isspace (g_utf8_get_char (h)))
                h = g_utf8_next_char (h);
              while (*n != '\0' && g_unichar_isspace (g_utf8_get_char (n)))
                n = g_utf8_next_char (n);
              continue;
            }
          if (fold_quote (hc) != fold_quote (nc))
            break;
          h = g_utf8_next_char (h);
          n = g_utf8_next_char (n);
        }

      if (*n == '\0')
        {
          *match_len = h - start;
          return start;
        }
    }

  return NULL;
}

/* Where a line must not break ----------------------------------------- */

static const char *month_words[] = {
  "ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf", "awst", "medi",
  "hydref", "tachwedd", "rhagfyr",
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december",
};

/* Words a number follows: a version, a clause, a section, an appendix, a
 * page, a line; in Welsh with their mutated forms ("gymal 3.2", "yng
 * nghymal 3.2", "a chymal 3.2"). */
static const char *reference_words[] = {
  "fersiwn", "version", "versions",
  "cymal", "gymal", "nghymal", "chymal", "cymalau", "gymalau", "clause", "clauses",
  "adran", "hadran", "section", "sections",
  "atodiad", "hatodiad", "appendix",
  "paragraff", "baragraff", "mharagraff", "pharagraff", "paragraph",
  "rhan", "ran", "part",
  "tudalen", "dudalen", "nhudalen", "thudalen", "page",
  "llinell", "linell", "line",
  "rheoliad", "reoliad", "regulation", "erthygl", "herthygl", "article", "rhif", "rif", "no.",
};

/* The word from @start to the next space, without the punctuation around
 * it, folded to lower case. */
static char *
bare_word (const char *start,
           const char *end)
{
  while (start < end && strchr ("(\"'\xe2", *start) != NULL && !g_ascii_isalnum (*start))
    {
      if ((guchar) *start == 0xe2 && end - start >= 3)   /* ‘ “ */
        start += 3;
      else
        start++;
    }
  while (end > start && strchr (",.;:)!?\"'", end[-1]) != NULL)
    end--;
  /* most words are ASCII, which lowers as ASCII */
  for (const char *p = start; p < end; p++)
    if ((guchar) *p >= 0x80)
      return g_utf8_strdown (start, end - start);
  {
    char *word = g_strndup (start, end - start);

    for (char *p = word; *p != '\0'; p++)
      *p = g_ascii_tolower (*p);
    return word;
  }
}

static gboolean
in_list (const char  *word,
         const char **list,
         gsize        n)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_day (const char *word)
{
  gsize length = strlen (word);
  guint64 day;

  if (length == 0 || length > 2 || !g_ascii_isdigit (word[0]) || (length == 2 && !g_ascii_isdigit (word[1])))
    return FALSE;
  day = g_ascii_strtoull (word, NULL, 10);
  return day >= 1 && day <= 31;
}

static gboolean
is_year (const char *word)
{
  return strlen (word) == 4 && g_ascii_isdigit (word[0]) && g_ascii_isdigit (word[1]) &&
         g_ascii_isdigit (word[2]) && g_ascii_isdigit (word[3]) &&
         (g_str_has_prefix (word, "1") || g_str_has_prefix (word, "20"));
}

/* Whether the word from @start to @end, as it stands, is what follows a
 * reference word: "3", "3.2", "A", "A.1", "1.2,". */
static gboolean
is_reference_between (const char *start,
                      const char *end)
{
  if (start >= end)
    return FALSE;
  if (g_ascii_isdigit (start[0]))
    return TRUE;
  return g_ascii_isalpha (start[0]) && (end - start == 1 || start[1] == '.');
}

/**
 * polisi_text_find_unbreakable_spaces:
 *
 * The one rule for where a line must not break, used by every format:
 * inside a date ("26 Chwefror 2027", "February 2027"), between a
 * reference word and its number ("fersiwn 1.2", "clause 3.2", "yng
 * nghymal 4", "Atodiad A"), and before the year of an Act or other
 * named instrument ("Deddf Diogelu Data 2018", "(Cymru) 2016"): the
 * year is kept with the word before it when that word has a capital or
 * ends a bracket.
 *
 * Returns: (transfer full) (element-type guint): the byte offsets of the
 *   spaces (U+0020) of @text that must not break, in order
 */
GArray *
polisi_text_find_unbreakable_spaces (const char *text)
{
  GArray *spaces = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *word = text;
  /* each word is the word after one space and the word before the next:
   * it is made bare once */
  g_autofree char *last_after = NULL;
  const char *last_after_start = NULL;

  if (text == NULL)
    return spaces;

  while (*word != '\0')
    {
      const char *space = strchr (word, ' ');
      const char *next_end;
      g_autofree char *before = NULL;
      char *after;
      gboolean keep = FALSE;

      if (space == NULL)
        break;
      if (space == word || space[1] == ' ' || space[1] == '\0')
        {
          word = space + 1;
          continue;
        }
      next_end = strchr (space + 1, ' ');
      if (next_end == NULL)
        next_end = space + 1 + strlen (space + 1);

      if (last_after != NULL && last_after_start == word)
        before = g_steal_pointer (&last_after);
      else
        before = bare_word (word, space);
      g_clear_pointer (&last_after, g_free);
      after = last_after = bare_word (space + 1, next_end);
      last_after_start = space + 1;

      /* the cheap tests first: most pairs of words are none of these */
      if (is_day (before) && in_list (after, month_words, G_N_ELEMENTS (month_words)))
        keep = TRUE;
      else if (is_year (after) && g_ascii_isupper (*word) &&
               in_list (before, month_words, G_N_ELEMENTS (month_words)))
        keep = TRUE;
      else if (is_reference_between (space + 1, next_end) &&
               in_list (before, reference_words, G_N_ELEMENTS (reference_words)))
        keep = TRUE;
      else if (is_year (after) && (g_unichar_isupper (g_utf8_get_char (word)) || space[-1] == ')') &&
               /* after a reference word, only a reference is kept with it */
               !in_list (before, reference_words, G_N_ELEMENTS (reference_words)))
        keep = TRUE;

      if (keep)
        {
          guint offset = space - text;
          g_array_append_val (spaces, offset);
        }
      word = space + 1;
    }

  return spaces;
}

/**
 * polisi_text_find_unbreakable_ranges:
 *
 * The words polisi_text_find_unbreakable_spaces() keeps together, as byte
 * ranges for a line layout that is told where not to break: from the
 * start of the word before each such space to the end of the word after
 * it.
 *
 * Returns: (transfer full) (element-type gint): start and end of each
 *   range, in order
 */
GArray *
polisi_text_find_unbreakable_ranges (const char *text)
{
  g_autoptr(GArray) spaces = polisi_text_find_unbreakable_spaces (text);
  GArray *ranges = g_array_sized_new (FALSE, FALSE, sizeof (int), spaces->len * 2);

  for (guint i = 0; i < spaces->len; i++)
    {
      guint offset = g_array_index (spaces, guint, i);
      const char *start = text + offset;
      const char *end = strchr (text + offset + 1, ' ');
      int bounds[2];

      while (start > text && start[-1] != ' ')
        start--;
      bounds[0] = start - text;
      bounds[1] = end != NULL ? (int) (end - text) : (int) strlen (text);
      g_array_append_vals (ranges, bounds, 2);
    }
  return ranges;
}

/**
 * polisi_text_keep_together:
 *
 * @text with the spaces polisi_text_find_unbreakable_spaces() finds made
 * no-break spaces (U+00A0), for writers whose readers break lines
 * themselves (ODT, DOCX, HTML). Reading a text back
 * (polisi_text_collapse_spaces()) makes them ordinary spaces again.
 *
 * Returns: (transfer full): the text
 */
char *
polisi_text_keep_together (const char *text)
{
  g_autoptr(GArray) spaces = polisi_text_find_unbreakable_spaces (text);
  GString *out;
  gsize done = 0;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text) + spaces->len);
  for (guint i = 0; i < spaces->len; i++)
    {
      guint offset = g_array_index (spaces, guint, i);

      g_string_append_len (out, text + done, offset - done);
      g_string_append (out, "\xc2\xa0");
      done = offset + 1;
    }
  g_string_append (out, text + done);
  return g_string_free (out, FALSE);
}

/* Which language a short text is in ------------------------------------- */

static const char *welsh_words[] = {
  "y", "yr", "ac", "yn", "ar", "mae", "ein", "eu", "hwn", "hon", "dylai", "gyda", "ddim", "nid", "bod",
  "fod", "am", "at", "gan", "hefyd", "ond", "neu", "wedi", "sy", "sydd", "yw", "cymal", "polisi", "ydy",
  "hyn", "ni", "chi", "fel", "os", "dim", "pan", "rhaid", "angen", "diolch",
};
static const char *english_words[] = {
  "the", "and", "of", "to", "is", "in", "that", "we", "please", "this", "for", "with", "be", "it",
  "should", "are", "on", "not", "or", "who", "what", "clause", "policy", "would", "could", "there",
  "our", "you", "about", "welcome", "thank",
};

/**
 * polisi_text_guess_language:
 *
 * Which of Welsh and English a short text (a comment) is written in, by
 * the little words each language cannot do without.
 *
 * Returns: a #PolisiLang, or -1 when the text does not say
 */
int
polisi_text_guess_language (const char *text)
{
  g_auto(GStrv) words = NULL;
  guint welsh = 0, english = 0;

  if (text == NULL)
    return -1;
  words = g_regex_split_simple ("[^\\p{L}’']+", text, 0, 0);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_utf8_strdown (words[i], -1);

      /* "i'r", "a'r", "Mae'r": only Welsh elides so */
      if (g_str_has_suffix (word, "'r") || g_str_has_suffix (word, "’r"))
        welsh++;
      else if (in_list (word, welsh_words, G_N_ELEMENTS (welsh_words)))
        welsh++;
      else if (in_list (word, english_words, G_N_ELEMENTS (english_words)))
        english++;
    }

  if (welsh > english)
    return POLISI_LANG_CY;
  if (english > welsh)
    return POLISI_LANG_EN;
  return -1;
}

/**
 * polisi_text_is_word_char:
 *
 * Whether @c belongs to a word: a letter, a digit, or a mark that goes
 * with one (a circumflex written as a combining character, "w" and
 * U+0302 for "ŵ"). The one definition of a word's letters, for the
 * comparison of texts and for the spell checker.
 */
gboolean
polisi_text_is_word_char (gunichar c)
{
  GUnicodeType type;

  if (g_unichar_isalnum (c))
    return TRUE;
  type = g_unichar_type (c);
  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK;
}

/**
 * polisi_text_is_joiner:
 *
 * Whether @c joins the parts of one word when it stands between them: an
 * apostrophe (straight or typographic: "mae'r", "i’w") or a hyphen
 * ("ar-lein", "cyn-ddysgwr").
 */
gboolean
polisi_text_is_joiner (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 || c == 0x2011;
}
