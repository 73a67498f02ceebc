/* polisi-diff.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A word-level comparison, as a reviewer reads one: which words were taken
 * out and which put in. A text is cut into tokens:
 *
 *  - a word: letters, digits and combining marks, with an apostrophe or a
 *    hyphen inside it ("wedi'i", "Nodau'r", "ar-lein", "cyn-ddysgwr") and a
 *    full stop or comma between digits ("2.1", "1,000");
 *  - a placeholder, "{organisation}";
 *  - a run of spaces or tabs;
 *  - a paragraph break ("\n");
 *  - any other character on its own (punctuation).
 *
 * The shortest edit script between the two token lists is found with
 * Myers' O(ND) algorithm in linear space (the "middle snake" division, as
 * GNU diff does it), so a clause of a few hundred words takes microseconds
 * and the whole library a few milliseconds. When two long texts have
 * almost nothing in common the search stops early and takes a good split
 * rather than the best one: the result is still a correct comparison.
 *
 * Then a clean-up for people: spaces alone between two changes join them,
 * so "the quick brown fox" against "the slow red fox" reads as "quick
 * brown" replaced by "slow red", not as two replacements with a space
 * kept between them. In each change the deleted text comes first.
 */
#include "config.h"

#include <string.h>

#include "polisi-diff.h"
#include "polisi-text.h"

/* Beyond this many steps of the search, a long comparison settles for a
 * good split (see above). */
#define COST_LIMIT 1024
#define COST_LIMIT_MIN_SIZE 4000

typedef struct {
  const char *start;
  gsize       length;
  int         id;
} Token;

static void
span_free (gpointer data)
{
  PolisiDiffSpan *span = data;

  g_free (span->text);
  g_free (span);
}

/* a word's letters and what joins its parts: polisi-text's rule */
#define is_word_char polisi_text_is_word_char
#define is_joiner polisi_text_is_joiner

static gboolean
is_blank (gunichar c)
{
  return c != '\n' && g_unichar_isspace (c);
}

/* The length in bytes of a placeholder "{name}" at @p, or 0. */
static gsize
placeholder_length (const char *p)
{
  const char *q = p + 1;

  if (*p != '{' || !g_ascii_islower (*q))
    return 0;
  while (g_ascii_islower (*q) || g_ascii_isdigit (*q) || *q == '_')
    q++;
  return *q == '}' ? (gsize) (q + 1 - p) : 0;
}

static void
tokenize (const char *text,
          GArray     *tokens)
{
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *end = g_utf8_next_char (p);
      Token token;
      gsize length;

      if (c == '\n')
        ;
      else if ((length = placeholder_length (p)) > 0)
        end = p + length;
      else if (is_blank (c))
        {
          while (*end != '\0' && is_blank (g_utf8_get_char (end)))
            end = g_utf8_next_char (end);
        }
      else if (is_word_char (c))
        {
          for (;;)
            {
              gunichar next = g_utf8_get_char (end);

              if (*end != '\0' && is_word_char (next))
                {
                  end = g_utf8_next_char (end);
                  continue;
                }
              /* "wedi'i", "ar-lein", "2.1": a joiner with word characters
               * on both sides */
              if (*end != '\0')
                {
                  const char *after = g_utf8_next_char (end);
                  gunichar before = g_utf8_get_char (g_utf8_prev_char (end));
                  gunichar following = *after != '\0' ? g_utf8_get_char (after) : 0;

                  if (is_joiner (next) && following != 0 && is_word_char (following))
                    {
                      end = after;
                      continue;
                    }
                  if ((next == '.' || next == ',') && g_unichar_isdigit (before) &&
                      following != 0 && g_unichar_isdigit (following))
                    {
                      end = after;
                      continue;
                    }
                }
              break;
            }
        }

      token.start = p;
      token.length = end - p;
      token.id = 0;
      g_array_append_val (tokens, token);
      p = end;
    }
}

/* Gives equal tokens of both texts the same number, so that the search
 * compares integers. */
static void
number_tokens (GArray *a,
               GArray *b)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *lists[2] = { a, b };

  for (guint l = 0; l < 2; l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        Token *token = &g_array_index (lists[l], Token, i);
        g_autofree char *key = g_strndup (token->start, token->length);
        gpointer value;

        if (!g_hash_table_lookup_extended (ids, key, NULL, &value))
          {
            value = GINT_TO_POINTER (g_hash_table_size (ids) + 1);
            g_hash_table_insert (ids, g_steal_pointer (&key), value);
          }
        token->id = GPOINTER_TO_INT (value);
      }
}

typedef struct {
  const int *x;       /* token ids of the old text */
  const int *y;       /* ... and of the new one */
  gboolean  *deleted; /* per old token */
  gboolean  *inserted;/* per new token */
  int       *fd;      /* furthest x on each diagonal, forward */
  int       *bd;      /* ... and backward */
} Search;

/* Finds where to split the comparison of x[xoff, xlim) and y[yoff, ylim):
 * the middle of a shortest edit script, or, when that takes too long, the
 * point the forward search has got furthest to. */
static void
find_split (Search *s,
            int     xoff,
            int     xlim,
            int     yoff,
            int     ylim,
            int    *xmid,
            int    *ymid)
{
  int *fd = s->fd;
  int *bd = s->bd;
  const int *x = s->x;
  const int *y = s->y;
  const int dmin = xoff - ylim;
  const int dmax = xlim - yoff;
  const int fmid = xoff - yoff;
  const int bmid = xlim - ylim;
  int fmin = fmid, fmax = fmid;
  int bmin = bmid, bmax = bmid;
  const gboolean odd = ((fmid - bmid) & 1) != 0;
  const gboolean limited = (xlim - xoff) + (ylim - yoff) > COST_LIMIT_MIN_SIZE;

  fd[fmid] = xoff;
  bd[bmid] = xlim;

  for (int cost = 1;; cost++)
    {
      /* one more step forward */
      if (fmin > dmin)
        fd[--fmin - 1] = -1;
      else
        fmin++;
      if (fmax < dmax)
        fd[++fmax + 1] = -1;
      else
        fmax--;
      for (int d = fmax; d >= fmin; d -= 2)
        {
          int low = fd[d - 1];
          int high = fd[d + 1];
          int px = low >= high ? low + 1 : high;
          int py = px - d;

          while (px < xlim && py < ylim && x[px] == y[py])
            px++, py++;
          fd[d] = px;
          if (odd && bmin <= d && d <= bmax && bd[d] <= px)
            {
              *xmid = px;
              *ymid = py;
              return;
            }
        }

      /* one more step backward */
      if (bmin > dmin)
        bd[--bmin - 1] = G_MAXINT;
      else
        bmin++;
      if (bmax < dmax)
        bd[++bmax + 1] = G_MAXINT;
      else
        bmax--;
      for (int d = bmax; d >= bmin; d -= 2)
        {
          int low = bd[d - 1];
          int high = bd[d + 1];
          int px = low < high ? low : high - 1;
          int py = px - d;

          while (px > xoff && py > yoff && x[px - 1] == y[py - 1])
            px--, py--;
          bd[d] = px;
          if (!odd && fmin <= d && d <= fmax && px <= fd[d])
            {
              *xmid = px;
              *ymid = py;
              return;
            }
        }

      if (limited && cost >= COST_LIMIT)
        {
          /* Settle for the forward point that has got furthest. */
          int best = -1;

          for (int d = fmax; d >= fmin; d -= 2)
            {
              int px = MIN (fd[d], xlim);
              int py = px - d;

              if (py < yoff || py > ylim)
                continue;
              if (px + py > best && !(px == xlim && py == ylim) && !(px == xoff && py == yoff))
                {
                  best = px + py;
                  *xmid = px;
                  *ymid = py;
                }
            }
          if (best < 0)
            {
              *xmid = xoff + (xlim - xoff) / 2;
              *ymid = yoff + (ylim - yoff + 1) / 2;
            }
          return;
        }
    }
}

static void
compare (Search *s,
         int     xoff,
         int     xlim,
         int     yoff,
         int     ylim)
{
  /* what both start and end with is equal */
  while (xoff < xlim && yoff < ylim && s->x[xoff] == s->y[yoff])
    xoff++, yoff++;
  while (xlim > xoff && ylim > yoff && s->x[xlim - 1] == s->y[ylim - 1])
    xlim--, ylim--;

  if (xoff == xlim)
    {
      while (yoff < ylim)
        s->inserted[yoff++] = TRUE;
    }
  else if (yoff == ylim)
    {
      while (xoff < xlim)
        s->deleted[xoff++] = TRUE;
    }
  else
    {
      int xmid, ymid;

      find_split (s, xoff, xlim, yoff, ylim, &xmid, &ymid);
      compare (s, xoff, xmid, yoff, ymid);
      compare (s, xmid, xlim, ymid, ylim);
    }
}

/* A region of the result: equal text, or a change (deleted and inserted
 * text). */
typedef struct {
  gboolean  change;
  GString  *deleted;   /* or the equal text */
  GString  *inserted;
  gboolean  blank;     /* equal text of spaces and tabs only */
} Region;

static void
region_clear (gpointer data)
{
  Region *region = data;

  if (region->deleted != NULL)
    g_string_free (region->deleted, TRUE);
  if (region->inserted != NULL)
    g_string_free (region->inserted, TRUE);
}

static void
append_tokens (GString *out,
               GArray  *tokens,
               guint    from,
               guint    to)
{
  for (guint i = from; i < to; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);
      g_string_append_len (out, token->start, token->length);
    }
}

static gboolean
is_blank_text (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_blank (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* How good a place for the edge of a change the point between @before and
 * @after is: a paragraph break best, then the end of a sentence, a space,
 * punctuation; inside a word worst. */
static int
boundary_score (const char *before_end,
                const char *before_start,
                const char *after)
{
  gunichar a, b;

  if (before_end == before_start || *after == '\0')
    return 6;
  a = g_utf8_get_char (g_utf8_prev_char (before_end));
  b = g_utf8_get_char (after);
  if (a == '\n' || b == '\n')
    return 4;
  if ((a == '.' || a == '!' || a == '?' || a == ':' || a == ';') && g_unichar_isspace (b))
    return 3;
  if (g_unichar_isspace (a) || g_unichar_isspace (b))
    return 2;
  if (!is_word_char (a) || !is_word_char (b))
    return 1;
  return 0;
}

/* The last character of @s (of @length bytes), as a byte count. */
static gsize
last_char_length (const char *s,
                  gsize       length)
{
  return length - (g_utf8_prev_char (s + length) - s);
}

/* A change that only inserts or only deletes can often stand in more than
 * one place: "Para one.\nPara [-two.\nPara -]three." says the same as
 * "Para one.\n[-Para two.\n-]Para three.". Each such change moves to the
 * place whose edges score best, so that whole paragraphs and words come
 * and go. */
static void
slide_to_boundaries (GArray *regions)
{
  for (guint r = 0; r < regions->len; r++)
    {
      Region *region = &g_array_index (regions, Region, r);
      Region *before = r > 0 ? &g_array_index (regions, Region, r - 1) : NULL;
      Region *after = r + 1 < regions->len ? &g_array_index (regions, Region, r + 1) : NULL;
      GString *edit;
      g_autoptr(GString) a = NULL;
      g_autoptr(GString) x = NULL;
      g_autoptr(GString) b = NULL;
      g_autoptr(GString) best_a = NULL;
      g_autoptr(GString) best_x = NULL;
      g_autoptr(GString) best_b = NULL;
      int best;

      if (!region->change || (region->deleted->len > 0 && region->inserted->len > 0))
        continue;
      if ((before != NULL && before->change) || (after != NULL && after->change))
        continue;
      edit = region->deleted->len > 0 ? region->deleted : region->inserted;

      a = g_string_new (before != NULL ? before->deleted->str : "");
      x = g_string_new (edit->str);
      b = g_string_new (after != NULL ? after->deleted->str : "");

      /* as far left as it goes */
      while (a->len > 0 && x->len > 0)
        {
          gsize la = last_char_length (a->str, a->len);
          gsize lx = last_char_length (x->str, x->len);

          if (la != lx || memcmp (a->str + a->len - la, x->str + x->len - lx, la) != 0)
            break;
          g_string_prepend_len (b, x->str + x->len - lx, lx);
          g_string_truncate (x, x->len - lx);
          g_string_prepend_len (x, a->str + a->len - la, la);
          g_string_truncate (a, a->len - la);
        }

      /* then right, one character at a time, keeping the best place */
      best = boundary_score (a->str + a->len, a->str, x->str) + boundary_score (x->str + x->len, x->str, b->str);
      best_a = g_string_new (a->str);
      best_x = g_string_new (x->str);
      best_b = g_string_new (b->str);
      while (x->len > 0 && b->len > 0)
        {
          gsize lx = g_utf8_next_char (x->str) - x->str;
          gsize lb = g_utf8_next_char (b->str) - b->str;
          int score;

          if (lx != lb || memcmp (x->str, b->str, lx) != 0)
            break;
          g_string_append_len (a, x->str, lx);
          g_string_erase (x, 0, lx);
          g_string_append_len (x, b->str, lb);
          g_string_erase (b, 0, lb);

          score = boundary_score (a->str + a->len, a->str, x->str) + boundary_score (x->str + x->len, x->str, b->str);
          if (score >= best)
            {
              best = score;
              g_string_assign (best_a, a->str);
              g_string_assign (best_x, x->str);
              g_string_assign (best_b, b->str);
            }
        }

      g_string_assign (edit, best_x->str);
      if (before != NULL)
        g_string_assign (before->deleted, best_a->str);
      if (after != NULL)
        g_string_assign (after->deleted, best_b->str);

      /* equal text now before a change at the start, or after one at the
       * end, is a region of its own; an equal region left empty goes */
      if (after == NULL && best_b->len > 0)
        {
          Region tail = { FALSE, g_string_new (best_b->str), NULL, FALSE };
          g_array_insert_val (regions, r + 1, tail);
        }
      else if (after != NULL && best_b->len == 0)
        g_array_remove_index (regions, r + 1);

      if (before == NULL && best_a->len > 0)
        {
          Region head = { FALSE, g_string_new (best_a->str), NULL, FALSE };
          g_array_insert_val (regions, r, head);
          r++;
        }
      else if (before != NULL && best_a->len == 0)
        {
          g_array_remove_index (regions, r - 1);
          r--;
        }
    }
}

static void
add_span (GPtrArray    *spans,
          PolisiDiffOp  op,
          const char   *text,
          gsize         length)
{
  PolisiDiffSpan *span;

  if (length == 0)
    return;
  span = g_new0 (PolisiDiffSpan, 1);
  span->op = op;
  span->text = g_strndup (text, length);
  g_ptr_array_add (spans, span);
}

/**
 * polisi_diff_texts:
 * @old_text: (nullable): the text before
 * @new_text: (nullable): the text after
 *
 * Compares two texts word by word (see the top of this file).
 *
 * Returns: (transfer container) (element-type PolisiDiffSpan): the spans,
 *   in order: joined, the equal and deleted ones give @old_text, the equal
 *   and inserted ones @new_text. Within a change, the deletion comes first.
 */
GPtrArray *
polisi_diff_texts (const char *old_text,
                   const char *new_text)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func (span_free);
  g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GArray) regions = g_array_new (FALSE, TRUE, sizeof (Region));
  g_autofree int *x = NULL;
  g_autofree int *y = NULL;
  g_autofree int *diagonals = NULL;
  g_autofree gboolean *deleted = NULL;
  g_autofree gboolean *inserted = NULL;
  Search search;
  guint n, m, i, j;

  g_array_set_clear_func (regions, region_clear);

  tokenize (old_text, a);
  tokenize (new_text, b);
  number_tokens (a, b);
  n = a->len;
  m = b->len;

  x = g_new (int, n + 1);
  y = g_new (int, m + 1);
  for (i = 0; i < n; i++)
    x[i] = g_array_index (a, Token, i).id;
  for (j = 0; j < m; j++)
    y[j] = g_array_index (b, Token, j).id;
  deleted = g_new0 (gboolean, n + 1);
  inserted = g_new0 (gboolean, m + 1);
  /* diagonals run from -(m + 1) to n + 1 */
  diagonals = g_new (int, 2 * ((gsize) n + m + 3));

  search.x = x;
  search.y = y;
  search.deleted = deleted;
  search.inserted = inserted;
  search.fd = diagonals + m + 1;
  search.bd = diagonals + (n + m + 3) + m + 1;
  compare (&search, 0, n, 0, m);

  /* The edit script as regions of equal text and changes. */
  i = j = 0;
  while (i < n || j < m)
    {
      Region region = { 0 };

      if ((i < n && deleted[i]) || (j < m && inserted[j]))
        {
          guint i0 = i, j0 = j;

          while (i < n && deleted[i])
            i++;
          while (j < m && inserted[j])
            j++;
          region.change = TRUE;
          region.deleted = g_string_new (NULL);
          region.inserted = g_string_new (NULL);
          append_tokens (region.deleted, a, i0, i);
          append_tokens (region.inserted, b, j0, j);
        }
      else
        {
          guint i0 = i;

          while (i < n && j < m && !deleted[i] && !inserted[j])
            i++, j++;
          g_assert (i > i0);
          region.deleted = g_string_new (NULL);
          append_tokens (region.deleted, a, i0, i);
          region.blank = is_blank_text (region.deleted->str);
        }
      g_array_append_val (regions, region);
    }

  /* Spaces alone between two changes join them. */
  for (guint r = 1; r + 1 < regions->len;)
    {
      Region *before = &g_array_index (regions, Region, r - 1);
      Region *middle = &g_array_index (regions, Region, r);
      Region *after = &g_array_index (regions, Region, r + 1);

      if (!before->change || middle->change || !middle->blank || !after->change)
        {
          r++;
          continue;
        }
      g_string_append (before->deleted, middle->deleted->str);
      g_string_append (before->deleted, after->deleted->str);
      g_string_append (before->inserted, middle->deleted->str);
      g_string_append (before->inserted, after->inserted->str);
      g_array_remove_range (regions, r, 2);
    }

  slide_to_boundaries (regions);

  for (guint r = 0; r < regions->len; r++)
    {
      Region *region = &g_array_index (regions, Region, r);

      if (!region->change)
        add_span (spans, POLISI_DIFF_EQUAL, region->deleted->str, region->deleted->len);
      else
        {
          add_span (spans, POLISI_DIFF_DELETE, region->deleted->str, region->deleted->len);
          add_span (spans, POLISI_DIFF_INSERT, region->inserted->str, region->inserted->len);
        }
    }

  return spans;
}

/* Whether the two texts were the same. */
gboolean
polisi_diff_is_equal (GPtrArray *diff)
{
  g_return_val_if_fail (diff != NULL, TRUE);

  for (guint i = 0; i < diff->len; i++)
    if (((PolisiDiffSpan *) diff->pdata[i])->op != POLISI_DIFF_EQUAL)
      return FALSE;
  return TRUE;
}

/* The number of changes: runs of deleted and inserted text between equal
 * text. */
guint
polisi_diff_count_changes (GPtrArray *diff)
{
  guint count = 0;
  gboolean in_change = FALSE;

  g_return_val_if_fail (diff != NULL, 0);

  for (guint i = 0; i < diff->len; i++)
    {
      gboolean change = ((PolisiDiffSpan *) diff->pdata[i])->op != POLISI_DIFF_EQUAL;

      if (change && !in_change)
        count++;
      in_change = change;
    }
  return count;
}

static char *
join (GPtrArray    *diff,
      PolisiDiffOp  skip)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < diff->len; i++)
    {
      PolisiDiffSpan *span = diff->pdata[i];

      if (span->op != skip)
        g_string_append (out, span->text);
    }
  return g_string_free (out, FALSE);
}

/* The text before. */
char *
polisi_diff_get_old (GPtrArray *diff)
{
  g_return_val_if_fail (diff != NULL, NULL);
  return join (diff, POLISI_DIFF_INSERT);
}

/* The text after. */
char *
polisi_diff_get_new (GPtrArray *diff)
{
  g_return_val_if_fail (diff != NULL, NULL);
  return join (diff, POLISI_DIFF_DELETE);
}

/**
 * polisi_diff_format:
 *
 * The comparison as one text, each deletion and insertion between the
 * given marks: with "[-", "-]", "{+", "+}", the way "git diff --word-diff"
 * writes it.
 *
 * Returns: (transfer full): the text
 */
char *
polisi_diff_format (GPtrArray  *diff,
                    const char *delete_open,
                    const char *delete_close,
                    const char *insert_open,
                    const char *insert_close)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (diff != NULL, NULL);

  for (guint i = 0; i < diff->len; i++)
    {
      PolisiDiffSpan *span = diff->pdata[i];

      switch (span->op)
        {
        case POLISI_DIFF_DELETE:
          g_string_append_printf (out, "%s%s%s", delete_open, span->text, delete_close);
          break;
        case POLISI_DIFF_INSERT:
          g_string_append_printf (out, "%s%s%s", insert_open, span->text, insert_close);
          break;
        case POLISI_DIFF_EQUAL:
        default:
          g_string_append (out, span->text);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

/* Builds the paragraphs of polisi_diff_to_blocks(). */
typedef struct {
  GPtrArray       *blocks;
  PolisiTextBlock *current;
  GString         *text;
  GArray          *marks;
  PolisiDiffSplit  split;
} BlockBuilder;

static void
builder_add (BlockBuilder *builder,
             PolisiDiffOp  op,
             const char   *text,
             gsize         length)
{
  PolisiTextMark mark;

  if (length == 0)
    return;
  mark.start = builder->text->len;
  g_string_append_len (builder->text, text, length);
  mark.end = builder->text->len;
  if (op == POLISI_DIFF_EQUAL)
    return;
  mark.kind = op == POLISI_DIFF_DELETE ? POLISI_MARK_DELETED : POLISI_MARK_INSERTED;
  g_array_append_val (builder->marks, mark);
}

/* The mark covering byte @position, or NULL. */
static PolisiTextMark *
mark_at (GArray *marks,
         gsize   position)
{
  for (guint i = 0; i < marks->len; i++)
    {
      PolisiTextMark *mark = &g_array_index (marks, PolisiTextMark, i);

      if (mark->start <= position && position < mark->end)
        return mark;
    }
  return NULL;
}

/* Takes bytes [@position, @position + @length) out of the paragraph being
 * built, moving the marks. */
static void
builder_remove (BlockBuilder *builder,
                gsize         position,
                gsize         length)
{
  g_string_erase (builder->text, position, length);
  for (guint i = 0; i < builder->marks->len;)
    {
      PolisiTextMark *mark = &g_array_index (builder->marks, PolisiTextMark, i);

      if (mark->start >= position + length)
        mark->start -= length;
      else if (mark->start > position)
        mark->start = position;
      if (mark->end >= position + length)
        mark->end -= length;
      else if (mark->end > position)
        mark->end = position;
      if (mark->end <= mark->start)
        g_array_remove_index (builder->marks, i);
      else
        i++;
    }
}

/* Ends the paragraph being built. A "- " at its start makes it a list
 * item: showing both versions, unless the "- " was deleted (the old
 * version's item is then seen in the deleted text); for the new version's
 * paragraphs, when the new text starts with it, after any deleted text,
 * and a deleted "- " goes, since the new text is not an item there. */
static void
builder_finish (BlockBuilder *builder,
                gboolean      break_inserted)
{
  PolisiTextBlock *block;
  gboolean item = FALSE;

  if (builder->split == POLISI_DIFF_SPLIT_ALL)
    {
      PolisiTextMark *mark = mark_at (builder->marks, 0);

      if (g_str_has_prefix (builder->text->str, "- ") &&
          (mark == NULL || mark->kind != POLISI_MARK_DELETED) &&
          ((mark = mark_at (builder->marks, 1)) == NULL || mark->kind != POLISI_MARK_DELETED))
        {
          builder_remove (builder, 0, 2);
          item = TRUE;
        }
    }
  else
    {
      PolisiTextMark *first = builder->marks->len > 0 ? &g_array_index (builder->marks, PolisiTextMark, 0) : NULL;
      gsize start = first != NULL && first->start == 0 && first->kind == POLISI_MARK_DELETED ? first->end : 0;
      PolisiTextMark *at;

      if (strncmp (builder->text->str + start, "- ", 2) == 0 &&
          ((at = mark_at (builder->marks, start)) == NULL || at->kind != POLISI_MARK_DELETED) &&
          ((at = mark_at (builder->marks, start + 1)) == NULL || at->kind != POLISI_MARK_DELETED))
        {
          builder_remove (builder, start, 2);
          item = TRUE;
        }
      else if (first != NULL && start >= 2 && g_str_has_prefix (builder->text->str, "- "))
        builder_remove (builder, 0, 2);
    }

  if (builder->text->len == 0 && !break_inserted)
    {
      /* nothing left to show: a "- " alone */
      g_array_set_size (builder->marks, 0);
      return;
    }

  block = polisi_text_block_new (item, builder->text->str);
  for (guint i = 0; i < builder->marks->len; i++)
    {
      PolisiTextMark *mark = &g_array_index (builder->marks, PolisiTextMark, i);

      polisi_text_block_add_mark (block, mark->start, mark->end, mark->kind);
    }
  block->break_inserted = break_inserted;
  g_ptr_array_add (builder->blocks, block);

  g_string_truncate (builder->text, 0);
  g_array_set_size (builder->marks, 0);
}

/**
 * polisi_diff_to_blocks:
 *
 * Cuts a comparison of two clause texts into paragraphs and list items,
 * each with its inserted and deleted text marked, for a document (see
 * #PolisiDiffSplit).
 *
 * Returns: (transfer container) (element-type PolisiTextBlock): the
 *   paragraphs
 */
GPtrArray *
polisi_diff_to_blocks (GPtrArray       *diff,
                       PolisiDiffSplit  split)
{
  BlockBuilder builder = { 0 };

  g_return_val_if_fail (diff != NULL, NULL);

  builder.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) polisi_text_block_free);
  builder.text = g_string_new (NULL);
  builder.marks = g_array_new (FALSE, FALSE, sizeof (PolisiTextMark));
  builder.split = split;

  for (guint i = 0; i < diff->len; i++)
    {
      PolisiDiffSpan *span = diff->pdata[i];
      gboolean cuts = split == POLISI_DIFF_SPLIT_ALL || span->op != POLISI_DIFF_DELETE;
      const char *p = span->text;
      const char *newline;

      while (cuts && (newline = strchr (p, '\n')) != NULL)
        {
          builder_add (&builder, span->op, p, newline - p);
          builder_finish (&builder, split == POLISI_DIFF_SPLIT_NEW && span->op == POLISI_DIFF_INSERT);
          p = newline + 1;
        }
      builder_add (&builder, span->op, p, strlen (p));
    }
  if (builder.text->len > 0)
    builder_finish (&builder, FALSE);

  g_string_free (builder.text, TRUE);
  g_array_unref (builder.marks);
  return builder.blocks;
}
