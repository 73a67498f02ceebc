/* polisi-word-lines.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lines by words: a paragraph of plain text laid out the way Pango lays it
 * out, from words shaped once each. Laying out text was most of a cold
 * export (docs/benchmarks.md), and most of Pango's work there is redone
 * for every paragraph: finding where lines may break (the Unicode line
 * breaking algorithm, character by character), and shaping the rest of a
 * paragraph again after every line it ends. A policy's paragraphs use a
 * few thousand distinct words; each is shaped here once per font and
 * thread, with the space before and after it, and lines are filled from
 * their advances.
 *
 * The layout must break where Pango breaks, to the glyph: the preview,
 * printing and the PDF draw what Pango would have drawn, and the ODT and
 * DOCX are measured against the PDF's pages. So it takes only text whose
 * every line break opportunity the rules below give as Pango's do
 * (polisi_word_lines_can_break()), and leaves the rest to Pango:
 *
 *  - letters of the Latin script, digits, single spaces between words and
 *    the common punctuation; anything else (another script, a symbol, a
 *    dash joined to a word, two spaces, a tab) goes to Pango;
 *  - a line may break after a space, and after a hyphen between a letter
 *    or digit and a letter ("ar-|lein", "19-|year"; not "x-1");
 *  - no break where Polisi keeps words together
 *    (polisi_text_find_unbreakable_spaces());
 *  - the pairs of characters with no space between them that may follow
 *    one another are those the Unicode rules never break between (a
 *    letter and a bracket, a full stop and a letter, a quotation mark and
 *    anything); any other pair goes to Pango.
 *
 * And it measures a line as Pango does. Pango first finds the last break
 * at which the line fits with the widths of the paragraph as shaped whole,
 * where a space is kerned with the letter after it and the space at the
 * break is not counted; then it shapes the line alone, in which that
 * space is kerned with nothing, and takes away the space's width as it was
 * in the whole paragraph. A line must fit both ways: Liberation Sans kerns
 * a space before an "A", so a line that ends before "Addysg" is taken as
 * 0.55 pt wider than its text. A word longer than a line (broken between
 * letters) goes to Pango.
 *
 * Each line is one run of glyphs, as Pango's are when a paragraph is in
 * one font: the glyphs of its words as shaped with their spaces, and the
 * space it ends with as a glyph of no width.
 */
#include "config.h"

#include <string.h>

#include <hb.h>
#include <pango/pangocairo.h>

#include "polisi-word-lines.h"

/* Character classes: the line breaking classes of UAX #14 that plain text
 * uses here. */
typedef enum {
  CLASS_OTHER,    /* anything else: Pango lays the text out */
  CLASS_LETTER,   /* AL: Latin letters, & @ * */
  CLASS_DIGIT,    /* NU */
  CLASS_SPACE,    /* SP: U+0020 only */
  CLASS_HYPHEN,   /* HY: U+002D */
  CLASS_INFIX,    /* IS: , . : ; */
  CLASS_EXCLAIM,  /* EX: ! ? */
  CLASS_OPEN,     /* OP: ( [ */
  CLASS_CLOSE,    /* CP: ) ] */
  CLASS_QUOTE,    /* QU: ' " ‘ ’ “ ” */
  CLASS_PREFIX,   /* PR: £ $ € # */
  CLASS_POSTFIX,  /* PO: % */
  CLASS_DASH,     /* – — between spaces: a word of its own */
} CharClass;

static CharClass
char_class (gunichar c)
{
  if (c < 0x80)
    {
      if (g_ascii_isalpha (c) || c == '&' || c == '@' || c == '*')
        return CLASS_LETTER;
      if (g_ascii_isdigit (c))
        return CLASS_DIGIT;
      switch (c)
        {
        case ' ': return CLASS_SPACE;
        case '-': return CLASS_HYPHEN;
        case ',': case '.': case ':': case ';': return CLASS_INFIX;
        case '!': case '?': return CLASS_EXCLAIM;
        case '(': case '[': return CLASS_OPEN;
        case ')': case ']': return CLASS_CLOSE;
        case '\'': case '"': return CLASS_QUOTE;
        case '$': case '#': return CLASS_PREFIX;
        case '%': return CLASS_POSTFIX;
        default: return CLASS_OTHER;
        }
    }
  switch (c)
    {
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: return CLASS_QUOTE;
    case 0x00A3: case 0x20AC: return CLASS_PREFIX;
    case 0x2013: case 0x2014: return CLASS_DASH;
    default: break;
    }
  if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN && g_unichar_isalpha (c) &&
      g_unichar_break_type (c) == G_UNICODE_BREAK_ALPHABETIC)
    return CLASS_LETTER;
  return CLASS_OTHER;
}

/* Whether the Unicode rules never break between @a and @b, with nothing
 * between them. */
static gboolean
never_breaks_between (CharClass a,
                      CharClass b,
                      CharClass before_a)
{
  gboolean word_a = a == CLASS_LETTER || a == CLASS_DIGIT;

  if (a == CLASS_QUOTE || b == CLASS_QUOTE)        /* LB19 */
    return TRUE;
  if (a == CLASS_OPEN)                             /* LB14 */
    return TRUE;
  if (b == CLASS_CLOSE || b == CLASS_INFIX || b == CLASS_EXCLAIM || b == CLASS_HYPHEN)  /* LB13, LB21 */
    return TRUE;
  if (word_a && (b == CLASS_LETTER || b == CLASS_DIGIT || b == CLASS_OPEN ||
                 b == CLASS_PREFIX || b == CLASS_POSTFIX))  /* LB23, LB24, LB28, LB30 */
    return TRUE;
  if (a == CLASS_CLOSE && (b == CLASS_LETTER || b == CLASS_DIGIT))  /* LB30 */
    return TRUE;
  if (a == CLASS_INFIX && b == CLASS_LETTER)       /* LB29 */
    return TRUE;
  if (a == CLASS_INFIX && b == CLASS_DIGIT && before_a == CLASS_DIGIT)  /* LB25: 3.2 */
    return TRUE;
  if (a == CLASS_HYPHEN && b == CLASS_DIGIT)       /* LB25 */
    return TRUE;
  if ((a == CLASS_PREFIX || a == CLASS_POSTFIX) &&
      (b == CLASS_LETTER || b == CLASS_DIGIT || b == CLASS_OPEN))  /* LB24, LB25 */
    return TRUE;
  return FALSE;
}

/* Whether the first @length bytes of @text are for polisi_word_lines_break(). */
static gboolean
can_break (const char *text,
           gsize       length)
{
  CharClass before = CLASS_SPACE, previous = CLASS_OTHER;
  gunichar previous_char = 0;
  const char *p = text;
  const char *text_end = text + length;

  if (length == 0 || *text == ' ')
    return FALSE;

  while (p < text_end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      CharClass class = char_class (c);

      if (class == CLASS_OTHER)
        return FALSE;
      if (p > text)
        {
          if (class == CLASS_SPACE)
            {
              /* LB14, LB15b, and no space at the end or twice */
              if (previous == CLASS_OPEN || previous_char == 0x2018 || previous_char == 0x201C ||
                  next == text_end || *next == ' ')
                return FALSE;
            }
          else if (previous == CLASS_SPACE)
            {
              /* LB13, LB15, LB15b, LB20a: where a space does not end a line */
              if (class == CLASS_CLOSE || class == CLASS_INFIX || class == CLASS_EXCLAIM ||
                  class == CLASS_HYPHEN || c == 0x2019 || c == 0x201D ||
                  (class == CLASS_OPEN && before == CLASS_QUOTE))
                return FALSE;
            }
          else if (previous == CLASS_DASH || class == CLASS_DASH)
            return FALSE;    /* a dash joined to a word */
          else if (previous == CLASS_HYPHEN)
            {
              /* the hyphens a line may break after, and x-1 */
              if (!(before == CLASS_LETTER || before == CLASS_DIGIT) ||
                  !(class == CLASS_LETTER || class == CLASS_DIGIT))
                return FALSE;
            }
          else if (!never_breaks_between (previous, class, before))
            return FALSE;
        }
      else if (class == CLASS_DASH || class == CLASS_HYPHEN)
        return FALSE;
      if (class == CLASS_DASH && (next == text_end || *next != ' '))
        return FALSE;

      before = previous;
      previous = class;
      previous_char = c;
      p = next;
    }
  return previous != CLASS_SPACE && previous != CLASS_HYPHEN;
}

/**
 * polisi_word_lines_can_break:
 *
 * Returns: whether the line break opportunities of @text are all where
 *   polisi_word_lines_break() finds them (the rules at the top of this
 *   file)
 */
gboolean
polisi_word_lines_can_break (const char *text)
{
  return text != NULL && can_break (text, strlen (text));
}

/* Shaped words ------------------------------------------------------------ */

/* A piece of text shaped on its own: a word or part of one, with the space
 * before it and the space after it when it has them. The lines that use it
 * hold a reference, as the cache does: lines laid out in a thread that has
 * ended still draw. */
typedef struct {
  guint32  glyph;
  gint32   advance;
  guint16  cluster;          /* byte offset in the piece */
  guint16  cluster_start;
} PieceGlyph;

typedef struct {
  int        ref_count;      /* atomic */
  int        width;          /* of its glyphs, less a space at its end */
  int        lead;           /* the space before it, kerned with its first letter; 0 if none */
  guint      last_used;      /* its cache's generation when last asked for */
  guint      n_glyphs;
  gint32    *offsets;        /* each glyph's x and y offset (as Pango's), or NULL when all are 0 */
  PieceGlyph glyphs[];
} Piece;

/* A piece's text, not copied to look it up. */
typedef struct {
  const char *text;
  gsize       length;
} PieceKey;

static guint
piece_key_hash (gconstpointer data)
{
  const PieceKey *key = data;
  guint32 hash = 2166136261u;   /* FNV-1a */

  for (gsize i = 0; i < key->length; i++)
    hash = (hash ^ (guchar) key->text[i]) * 16777619u;
  return hash;
}

static gboolean
piece_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const PieceKey *x = a, *y = b;

  return x->length == y->length && memcmp (x->text, y->text, x->length) == 0;
}

typedef struct {
  PangoFont   *font;
  hb_font_t   *hb_font;
  hb_buffer_t *buffer;
  GHashTable  *pieces;     /* PieceKey (its text owned) → Piece */
  int          space;      /* the advance of a space kerned with nothing */
} FontWords;

typedef struct {
  GHashTable *fonts;       /* PangoFont → FontWords */
  guint       generation;  /* polisi_word_lines_next_generation() */
} WordCache;

/* Bounds what a thread keeps: a policy uses a few thousand distinct words
 * per font. */
#define PIECES_LIMIT 40000

static Piece *
piece_ref (Piece *piece)
{
  g_atomic_int_inc (&piece->ref_count);
  return piece;
}

static void
piece_unref (gpointer data)
{
  Piece *piece = data;

  if (!g_atomic_int_dec_and_test (&piece->ref_count))
    return;
  g_free (piece->offsets);
  g_free (piece);
}

static void
font_words_free (gpointer data)
{
  FontWords *words = data;

  g_hash_table_unref (words->pieces);
  hb_buffer_destroy (words->buffer);
  g_object_unref (words->font);
  g_free (words);
}

static void
word_cache_free (gpointer data)
{
  WordCache *cache = data;

  g_hash_table_unref (cache->fonts);
  g_free (cache);
}

static GPrivate word_cache = G_PRIVATE_INIT (word_cache_free);

static Piece *shape_piece (FontWords *words, PangoLanguage *language, const char *text, gsize length);

static WordCache *
get_word_cache (void)
{
  WordCache *cache = g_private_get (&word_cache);

  if (cache == NULL)
    {
      cache = g_new0 (WordCache, 1);
      cache->fonts = g_hash_table_new_full (NULL, NULL, NULL, font_words_free);
      g_private_set (&word_cache, cache);
    }
  return cache;
}

/**
 * polisi_word_lines_next_generation:
 * @keep: how many generations a word not asked for is kept
 *
 * A pagination starts in this thread: the words no pagination of the last
 * @keep asked for are dropped from its cache (lines still drawn keep
 * theirs). A batch's schools each bring names of their own; the words they
 * share stay.
 */
void
polisi_word_lines_next_generation (guint keep)
{
  WordCache *cache = get_word_cache ();
  GHashTableIter fonts;
  gpointer value;

  cache->generation++;
  g_hash_table_iter_init (&fonts, cache->fonts);
  while (g_hash_table_iter_next (&fonts, NULL, &value))
    {
      FontWords *words = value;
      GHashTableIter pieces;
      gpointer piece;

      g_hash_table_iter_init (&pieces, words->pieces);
      while (g_hash_table_iter_next (&pieces, NULL, &piece))
        if (cache->generation - ((Piece *) piece)->last_used > keep)
          g_hash_table_iter_remove (&pieces);
    }
}

/* This thread's words in @font. The cache holds a reference to the font,
 * so that no other font takes its place in memory while it is a key. */
static FontWords *
get_font_words (PangoFont     *font,
                PangoLanguage *language)
{
  WordCache *cache = get_word_cache ();
  FontWords *words;

  words = g_hash_table_lookup (cache->fonts, font);
  if (words == NULL)
    {
      Piece *space;

      words = g_new0 (FontWords, 1);
      words->font = g_object_ref (font);
      words->hb_font = pango_font_get_hb_font (font);
      words->buffer = hb_buffer_create ();
      words->pieces = g_hash_table_new_full (piece_key_hash, piece_key_equal, g_free, piece_unref);
      g_hash_table_insert (cache->fonts, font, words);
      space = shape_piece (words, language, " ", 1);
      words->space = space->glyphs[0].advance;
    }
  return words;
}

/* The piece @text, shaped as Pango shapes a run of one font (pango_shape()
 * with metric hinting off and positions not rounded). */
static Piece *
shape_piece (FontWords     *words,
             PangoLanguage *language,
             const char    *text,
             gsize          length)
{
  PieceKey lookup = { text, length };
  Piece *piece = g_hash_table_lookup (words->pieces, &lookup);
  guint generation = get_word_cache ()->generation;
  hb_buffer_t *buffer = words->buffer;
  PieceKey *key;
  hb_glyph_info_t *infos;
  hb_glyph_position_t *positions;
  unsigned int n;

  if (piece != NULL)
    {
      piece->last_used = generation;
      return piece;
    }

  hb_buffer_clear_contents (buffer);
  hb_buffer_set_direction (buffer, HB_DIRECTION_LTR);
  hb_buffer_set_script (buffer, HB_SCRIPT_LATIN);
  hb_buffer_set_language (buffer, hb_language_from_string (pango_language_to_string (language), -1));
  hb_buffer_add_utf8 (buffer, text, (int) length, 0, (int) length);
  hb_shape (words->hb_font, buffer, NULL, 0);
  infos = hb_buffer_get_glyph_infos (buffer, &n);
  positions = hb_buffer_get_glyph_positions (buffer, NULL);

  /* a piece is a word: far shorter than the 64 KB its clusters can say */
  g_assert (length <= G_MAXUINT16);
  piece = g_malloc0 (sizeof (Piece) + n * sizeof (PieceGlyph));
  piece->ref_count = 1;   /* the cache's */
  piece->last_used = generation;
  piece->n_glyphs = n;
  for (unsigned int i = 0; i < n; i++)
    {
      piece->glyphs[i].glyph = infos[i].codepoint;
      piece->glyphs[i].advance = positions[i].x_advance;
      piece->glyphs[i].cluster = (guint16) infos[i].cluster;
      piece->glyphs[i].cluster_start = i == 0 || infos[i].cluster != infos[i - 1].cluster;
      piece->width += positions[i].x_advance;
      if ((positions[i].x_offset != 0 || positions[i].y_offset != 0) && piece->offsets == NULL)
        piece->offsets = g_new0 (gint32, 2 * n);
      if (piece->offsets != NULL)
        {
          piece->offsets[2 * i] = positions[i].x_offset;
          piece->offsets[2 * i + 1] = -positions[i].y_offset;
        }
    }
  if (length > 1 && text[length - 1] == ' ' && n > 0)
    piece->width -= positions[n - 1].x_advance;
  if (length > 1 && text[0] == ' ' && n > 0)
    piece->lead = positions[0].x_advance;

  if (g_hash_table_size (words->pieces) >= PIECES_LIMIT)
    g_hash_table_remove_all (words->pieces);
  /* the key and its text in one block */
  key = g_malloc (sizeof (PieceKey) + length);
  key->text = memcpy ((char *) (key + 1), text, length);
  key->length = length;
  g_hash_table_insert (words->pieces, key, piece);
  return piece;
}

/* Breaking ---------------------------------------------------------------- */

/* A word between spaces, and the places in it a line may break after a
 * hyphen. */
typedef struct {
  int    start;
  int    end;
  guint  first_hyphen;   /* into Breaker.hyphens: the byte offsets just after each */
  guint  n_hyphens;
  Piece *whole[2];       /* the whole word's piece without and with the space before it, once asked for */
} Word;

typedef struct {
  FontWords     *words;
  PangoLanguage *language;
  const char    *text;
  int            length;    /* of the text, in bytes */
  GArray        *list;      /* Word */
  GArray        *hyphens;   /* int */
} Breaker;

/* The piece from @start to @end of @word: with the space before it if
 * @lead, and the space after it if it ends the word and one follows. */
static Piece *
get_piece (Breaker *breaker,
           Word    *word,
           int      start,
           int      end,
           gboolean lead)
{
  gboolean trail = end == word->end && breaker->text[end] == ' ';
  gboolean whole = start == word->start && end == word->end;
  int from = lead ? start - 1 : start;
  Piece *piece;

  if (whole && word->whole[lead] != NULL)
    return word->whole[lead];
  piece = shape_piece (breaker->words, breaker->language, breaker->text + from, end + (trail ? 1 : 0) - from);
  if (whole)
    word->whole[lead] = piece;
  return piece;
}

/* The advance of @piece's glyphs before the byte @offset of the piece. */
static int
piece_width_before (const Piece *piece,
                    int          offset)
{
  int width = 0;

  for (guint i = 0; i < piece->n_glyphs && piece->glyphs[i].cluster < offset; i++)
    width += piece->glyphs[i].advance;
  return width;
}

static gboolean
is_unbreakable (const GArray *ranges,
                int           position)
{
  for (guint i = 0; ranges != NULL && i < ranges->len; i += 2)
    if (position > g_array_index (ranges, int, i) && position < g_array_index (ranges, int, i + 1))
      return TRUE;
  return FALSE;
}

/* Where the line that starts at @start (a word, and a byte offset in it)
 * ends: the last break at which it fits both ways (top of this file).
 * Returns FALSE when its first word does not fit: Pango then breaks it
 * between letters. */
static gboolean
find_line_end (Breaker      *breaker,
               const GArray *unbreakable,
               int           width,
               guint         start_word,
               int           start,
               guint        *end_word,
               int          *end)
{
  int x = 0;
  gboolean found = FALSE;

  for (guint w = start_word; w < breaker->list->len; w++)
    {
      Word *word = &g_array_index (breaker->list, Word, w);
      int from = w == start_word ? start : word->start;
      gboolean lead = w > start_word;
      Piece *whole = get_piece (breaker, word, from, word->end, lead);
      int lead_offset = lead ? 1 : 0;
      int x_end = x + whole->width;

      /* after a hyphen */
      for (guint h = 0; h < word->n_hyphens; h++)
        {
          int after = g_array_index (breaker->hyphens, int, word->first_hyphen + h);
          Piece *part;

          if (after <= from || is_unbreakable (unbreakable, after))
            continue;
          if (x + piece_width_before (whole, after - from + lead_offset) > width)
            break;
          part = get_piece (breaker, word, from, after, lead);
          if (x + part->width > width)
            continue;
          *end_word = w;
          *end = after;
          found = TRUE;
        }

      /* the paragraph's end: a break that fits there is the last */
      if (w + 1 == breaker->list->len)
        {
          if (x_end > width)
            return found;
          *end_word = w + 1;
          *end = breaker->length;
          return TRUE;
        }
      if (x_end > width)
        return found;
      if (!is_unbreakable (unbreakable, word->end + 1))
        {
          Word *next = &g_array_index (breaker->list, Word, w + 1);
          Piece *next_piece = get_piece (breaker, next, next->start, next->end, TRUE);

          if (x_end + breaker->words->space - next_piece->lead <= width)
            {
              *end_word = w + 1;
              *end = next->start;
              found = TRUE;
            }
        }
      x = x_end;
    }
  return found;
}

/* The glyphs of a piece a line shows: all but a space at its end that the
 * next piece on the line shows (kerned with its own first letter). */
typedef struct {
  Piece   *piece;
  int      offset;        /* of the piece's text in the paragraph */
  guint16  n_glyphs;
  gboolean final_space;   /* its last glyph is the space the line wrapped after: no width */
} PieceRef;

/* A line of a paragraph laid out by words. */
typedef struct {
  int   start;            /* byte offset in the text */
  int   length;           /* in bytes, with the space it ends with */
  guint first_ref;        /* its pieces, in PolisiWordLines.refs */
  guint n_refs;
  int   n_glyphs;
} Line;

struct _PolisiWordLines {
  PangoFont *font;
  GArray    *lines;       /* Line */
  GArray    *refs;        /* PieceRef */
};

/* Adds the line from @start (in word @start_word) to @end (in word
 * @end_word) to @lines. */
static void
add_line (Breaker         *breaker,
          PolisiWordLines *lines,
          guint            start_word,
          int              start,
          guint            end_word,
          int              end)
{
  Line line = { start, end - start, lines->refs->len, 0, 0 };
  int length = breaker->length;
  guint last_word;

  /* the line ends with the paragraph, after a space or after a hyphen */
  if (end_word == breaker->list->len)
    last_word = end_word - 1;
  else if (end == g_array_index (breaker->list, Word, end_word).start)
    last_word = end_word - 1;
  else
    last_word = end_word;

  for (guint w = start_word; w <= last_word; w++)
    {
      Word *word = &g_array_index (breaker->list, Word, w);
      int from = w == start_word ? start : word->start;
      int to = w == last_word && end < word->end ? end : word->end;
      gboolean lead = w > start_word;
      gboolean trail = to == word->end && breaker->text[to] == ' ';
      Piece *piece = get_piece (breaker, word, from, to, lead);
      PieceRef ref = { piece_ref (piece), lead ? from - 1 : from, (guint16) piece->n_glyphs, FALSE };

      if (trail && w != last_word)
        ref.n_glyphs--;
      /* the space a wrapped line ends with has no width, as in Pango's;
       * one that ends the paragraph keeps it */
      ref.final_space = w == last_word && trail && end < length;
      g_array_append_val (lines->refs, ref);
      line.n_refs++;
      line.n_glyphs += ref.n_glyphs;
    }
  g_array_append_val (lines->lines, line);
}

/**
 * polisi_word_lines_free:
 */
void
polisi_word_lines_free (PolisiWordLines *lines)
{
  if (lines == NULL)
    return;
  for (guint i = 0; i < lines->refs->len; i++)
    piece_unref (g_array_index (lines->refs, PieceRef, i).piece);
  g_array_unref (lines->refs);
  g_array_unref (lines->lines);
  g_object_unref (lines->font);
  g_free (lines);
}

guint
polisi_word_lines_get_n_lines (const PolisiWordLines *lines)
{
  return lines->lines->len;
}


/**
 * polisi_word_lines_get_line:
 * @start: (out): the line's first byte in the text
 * @length: (out): its length in bytes, with the space it ends with
 */
void
polisi_word_lines_get_line (const PolisiWordLines *lines,
                            guint                  index,
                            int                   *start,
                            int                   *length)
{
  const Line *line = &g_array_index (lines->lines, Line, index);

  *start = line->start;
  *length = line->length;
}

/**
 * polisi_word_lines_get_font:
 *
 * Returns: (transfer none): the font the lines are laid out in
 */
PangoFont *
polisi_word_lines_get_font (const PolisiWordLines *lines)
{
  return lines->font;
}

/**
 * polisi_word_lines_foreach_glyph:
 * @func: called for each glyph of line @index, in order, with its place in
 *   the line's text (bytes from the line's start) and its advance (in
 *   Pango units; 0 for the space a wrapped line ends with)
 */
void
polisi_word_lines_foreach_glyph (const PolisiWordLines *lines,
                                 guint                  index,
                                 PolisiWordGlyphFunc    func,
                                 gpointer               data)
{
  const Line *line = &g_array_index (lines->lines, Line, index);

  for (guint r = 0; r < line->n_refs; r++)
    {
      const PieceRef *ref = &g_array_index (lines->refs, PieceRef, line->first_ref + r);

      for (guint g = 0; g < ref->n_glyphs; g++)
        {
          const PieceGlyph *stored = &ref->piece->glyphs[g];
          gboolean last = ref->final_space && g + 1 == ref->n_glyphs;
          PangoGlyphInfo glyph = { stored->glyph, { stored->advance, 0, 0 }, { stored->cluster_start, 0 } };

          if (ref->piece->offsets != NULL)
            {
              glyph.geometry.x_offset = ref->piece->offsets[2 * g];
              glyph.geometry.y_offset = ref->piece->offsets[2 * g + 1];
            }
          func (&glyph, ref->offset + stored->cluster - line->start, last ? 0 : stored->advance, data);
        }
    }
}

static void
add_to_glyph_string (const PangoGlyphInfo *glyph,
                     int                   cluster,
                     int                   advance,
                     gpointer              data)
{
  PangoGlyphString *glyphs = data;
  int at = glyphs->num_glyphs++;

  glyphs->glyphs[at] = *glyph;
  glyphs->glyphs[at].geometry.width = advance;
  if (advance == 0)
    glyphs->glyphs[at].geometry.x_offset = 0;
  glyphs->log_clusters[at] = cluster;
}

/**
 * polisi_word_lines_get_run:
 *
 * Line @index as a run of glyphs, as Pango's line would hold it (the space
 * a wrapped line ends with a glyph of no width).
 *
 * Returns: (transfer full): the run
 */
PangoGlyphItem *
polisi_word_lines_get_run (const PolisiWordLines *lines,
                           const char            *text,
                           guint                  index)
{
  const Line *line = &g_array_index (lines->lines, Line, index);
  PangoGlyphItem *run = g_slice_new0 (PangoGlyphItem);
  PangoItem *item = pango_item_new ();
  PangoGlyphString *glyphs = pango_glyph_string_new ();

  pango_glyph_string_set_size (glyphs, line->n_glyphs);
  glyphs->num_glyphs = 0;
  polisi_word_lines_foreach_glyph (lines, index, add_to_glyph_string, glyphs);

  item->offset = line->start;
  item->length = line->length;
  item->num_chars = (int) g_utf8_strlen (text + line->start, line->length);
  item->analysis.font = g_object_ref (lines->font);
  item->analysis.gravity = PANGO_GRAVITY_SOUTH;
  item->analysis.script = PANGO_SCRIPT_LATIN;
  run->item = item;
  run->glyphs = glyphs;
  return run;
}

/**
 * polisi_word_lines_break:
 * @font: the font, which has a glyph for every character of @text
 * @width: in Pango units; -1 for one line, which may end with a space
 * @unbreakable: (nullable): byte ranges (start, end pairs) inside which no
 *   line breaks, as the page layout's attributes say to Pango
 *
 * Lays out @text in lines no wider than @width, as Pango would.
 *
 * Returns: (transfer full) (nullable): the lines, or %NULL when @text is
 *   for Pango to lay out: it has what
 *   polisi_word_lines_can_break() refuses, a character @font has no glyph
 *   for, or a word longer than a line
 */
PolisiWordLines *
polisi_word_lines_break (PangoFont     *font,
                         PangoLanguage *language,
                         const char    *text,
                         int            width,
                         const GArray  *unbreakable)
{
  g_autoptr(GArray) list = NULL;
  g_autoptr(GArray) hyphens = NULL;
  PolisiWordLines *lines;
  Breaker breaker;
  hb_font_t *hb_font;
  guint word = 0;
  int start = 0;
  int length = (int) strlen (text);
  /* one line may end with a space, which keeps its width (a clause's
   * number and the space after it) */
  gboolean one_line = width < 0;
  gsize checked = one_line && length > 1 && text[length - 1] == ' ' ? (gsize) length - 1 : (gsize) length;

  /* a piece's clusters are 16-bit: a longer paragraph is Pango's */
  if (length > G_MAXUINT16 || !can_break (text, checked))
    return NULL;
  if (one_line)
    width = G_MAXINT;

  hb_font = pango_font_get_hb_font (font);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      hb_codepoint_t glyph;

      if ((guchar) *p >= 0x80 || p == text)
        if (!hb_font_get_nominal_glyph (hb_font, g_utf8_get_char (p), &glyph))
          return NULL;
    }

  list = g_array_new (FALSE, FALSE, sizeof (Word));
  hyphens = g_array_new (FALSE, FALSE, sizeof (int));
  for (const char *p = text; *p != '\0';)
    {
      const char *space = strchr (p, ' ');
      Word w = { (int) (p - text), space != NULL ? (int) (space - text) : length, hyphens->len, 0, { NULL, NULL } };

      /* polisi_word_lines_can_break() took only hyphens between letters
       * and digits; a line breaks after one unless a digit follows */
      for (int k = w.start + 1; k + 1 < w.end; k++)
        if (text[k] == '-' && !g_ascii_isdigit (text[k + 1]))
          {
            int after = k + 1;

            g_array_append_val (hyphens, after);
            w.n_hyphens++;
          }
      g_array_append_val (list, w);
      p = text + w.end + (space != NULL ? 1 : 0);
    }

  breaker.words = get_font_words (font, language);
  breaker.language = language;
  breaker.text = text;
  breaker.length = length;
  breaker.list = list;
  breaker.hyphens = hyphens;

  lines = g_new0 (PolisiWordLines, 1);
  lines->font = g_object_ref (font);
  lines->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  lines->refs = g_array_new (FALSE, FALSE, sizeof (PieceRef));
  while (start < length)
    {
      guint end_word;
      int end;

      if (!find_line_end (&breaker, unbreakable, width, word, start, &end_word, &end))
        {
          polisi_word_lines_free (lines);
          return NULL;
        }
      add_line (&breaker, lines, word, start, end_word, end);
      word = end_word;
      start = end;
    }
  return lines;
}

typedef struct {
  cairo_glyph_t *glyphs;
  int           *clusters;   /* each glyph's byte offset in the line */
  int            n;
  int            x_position;
  double         x;
  double         y;
} Placing;

static void
place_glyph (const PangoGlyphInfo *glyph,
             int                   cluster,
             int                   advance,
             gpointer              data)
{
  Placing *placing = data;
  cairo_glyph_t *out = &placing->glyphs[placing->n];
  int x_offset = advance == 0 ? 0 : glyph->geometry.x_offset;

  out->index = glyph->glyph;
  out->x = placing->x + (double) (placing->x_position + x_offset) / PANGO_SCALE;
  out->y = glyph->geometry.y_offset == 0 ? placing->y : placing->y + (double) glyph->geometry.y_offset / PANGO_SCALE;
  placing->clusters[placing->n++] = cluster;
  placing->x_position += advance;
}

/**
 * polisi_word_lines_show:
 * @text: the paragraph's text
 * @index: the line
 * @x: where the line starts, in user space
 * @y: its baseline
 *
 * Draws a line as Pango's cairo renderer draws a run (pango_cairo_show_layout()
 * and pango_cairo_show_layout_line()), call for call: the same glyphs, the
 * same clusters of text for a PDF's text, the same positions to the bit.
 * Pango places a layout's line from the current point, which cairo keeps
 * to 1/256 of a unit, and its glyphs from there without rounding; the
 * caller gives that point, and this adds nothing cairo would round.
 */
void
polisi_word_lines_show (cairo_t               *cr,
                        const char            *text,
                        const PolisiWordLines *lines,
                        guint                  index,
                        double                 x,
                        double                 y)
{
  const Line *line = &g_array_index (lines->lines, Line, index);
  const char *line_text = text + line->start;
  cairo_glyph_t stack_glyphs[96];
  int stack_offsets[96];
  cairo_text_cluster_t stack_clusters[96];
  gboolean small = line->n_glyphs <= (int) G_N_ELEMENTS (stack_glyphs);
  Placing placing = { small ? stack_glyphs : g_new (cairo_glyph_t, line->n_glyphs),
                      small ? stack_offsets : g_new (int, line->n_glyphs), 0, 0, x, y };
  cairo_text_cluster_t *clusters = small ? stack_clusters : g_new (cairo_text_cluster_t, line->n_glyphs);

  polisi_word_lines_foreach_glyph (lines, index, place_glyph, &placing);

  cairo_save (cr);
  cairo_set_scaled_font (cr, pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (lines->font)));
  if (cairo_surface_has_show_text_glyphs (cairo_get_target (cr)))
    {
      /* one cluster per run of glyphs with the same text, in order */
      int n_clusters = 0;

      for (int i = 0; i < placing.n; i++)
        {
          int start = placing.clusters[i];
          int end = line->length;

          if (i > 0 && start == placing.clusters[i - 1])
            {
              clusters[n_clusters - 1].num_glyphs++;
              continue;
            }
          for (int j = i + 1; j < placing.n; j++)
            if (placing.clusters[j] != start)
              {
                end = placing.clusters[j];
                break;
              }
          clusters[n_clusters].num_bytes = end - start;
          clusters[n_clusters].num_glyphs = 1;
          n_clusters++;
        }
      cairo_show_text_glyphs (cr, line_text, line->length, placing.glyphs, placing.n, clusters, n_clusters, 0);
    }
  else
    cairo_show_glyphs (cr, placing.glyphs, placing.n);
  cairo_restore (cr);

  if (!small)
    {
      g_free (placing.glyphs);
      g_free (placing.clusters);
      g_free (clusters);
    }
}
