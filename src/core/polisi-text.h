/* polisi-text.h: clause text, its light markup and its placeholders
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A clause text is plain text, one block per line: a line that starts with
 * "- " (or "• ") is a list item, any other line a paragraph. Placeholders
 * are written {name}. In the XML files the same blocks are <p> and <item>
 * elements, so that the files can be indented freely.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A marked range of a paragraph's text, in bytes: text that a comparison
 * found inserted or deleted. See polisi-diff.h. */
typedef enum {
  POLISI_MARK_INSERTED,
  POLISI_MARK_DELETED,
} PolisiMarkKind;

typedef struct {
  guint          start;
  guint          end;
  PolisiMarkKind kind;
} PolisiTextMark;

typedef struct {
  gboolean  item;
  char     *text;
  /* Only in a comparison: the inserted and deleted ranges of @text, in
   * order and not overlapping (NULL when there are none), and whether the
   * paragraph break after this paragraph is itself new. Deleted text may
   * hold "\n" where a paragraph break was taken out. */
  GArray   *marks;            /* PolisiTextMark */
  gboolean  break_inserted;
} PolisiTextBlock;

typedef char *(*PolisiPlaceholderFunc) (const char *id,
                                        gpointer    user_data);

PolisiTextBlock *polisi_text_block_new  (gboolean               item,
                                          const char            *text);
void       polisi_text_block_free        (PolisiTextBlock       *block);
void       polisi_text_block_add_mark    (PolisiTextBlock       *block,
                                          guint                  start,
                                          guint                  end,
                                          PolisiMarkKind         kind);
gboolean   polisi_text_block_has_marks   (const PolisiTextBlock *block);

/* How long one field may be, in characters: a line (a name, an author, an
 * answer, who approved a version) and a text of paragraphs (a clause, a
 * comment, a response, a summary of changes). What is longer is refused
 * where it comes in (polisi_text_check_length()), and cut where there is
 * nobody to tell (a setter given more, a returned draft). */
#define POLISI_TEXT_MAX_LINE    1000
#define POLISI_TEXT_MAX_BLOCKS  100000

/* A run of this many characters with nowhere to break a line is broken
 * where it must be, so that laying it out stays linear in its length. */
#define POLISI_TEXT_MAX_UNBROKEN 64

char      *polisi_text_sanitize          (const char            *text);
gboolean   polisi_text_check_length      (const char            *text,
                                          gsize                  max_chars,
                                          const char            *what,
                                          GError               **error);
char      *polisi_text_clean_line        (const char            *text);
char      *polisi_text_truncate          (const char            *text,
                                          gsize                  max_chars);
char      *polisi_text_break_long_runs   (const char            *text,
                                          gsize                  max_run);
char      *polisi_text_break_long_runs_full (const char         *text,
                                          gsize                  max_run,
                                          GArray               **inserted);
GPtrArray *polisi_text_parse_blocks      (const char            *markup);
gboolean   polisi_text_block_keeps_with_next (GPtrArray         *blocks,
                                          guint                  index);
char      *polisi_text_join_blocks       (GPtrArray             *blocks);
char      *polisi_text_normalize         (const char            *markup);
gboolean   polisi_text_equal             (const char            *a,
                                          const char            *b);
GPtrArray *polisi_text_get_placeholders  (const char            *text);
char      *polisi_text_fill              (const char            *text,
                                          PolisiPlaceholderFunc  func,
                                          gpointer               user_data);
gboolean   polisi_text_is_placeholder_id (const char            *id);
gboolean   polisi_text_is_word_char      (gunichar               c);
gboolean   polisi_text_is_joiner         (gunichar               c);
char      *polisi_text_collapse_spaces   (const char            *text);
char      *polisi_text_sanitize_collapsed (const char           *text);
char      *polisi_text_typographic       (const char            *text);
GArray    *polisi_text_find_unbreakable_spaces (const char       *text);
GArray    *polisi_text_find_unbreakable_ranges (const char       *text);
char      *polisi_text_keep_together     (const char            *text);
int        polisi_text_guess_language    (const char            *text);
const char *polisi_text_find_casefold    (const char            *haystack,
                                          const char            *needle,
                                          gsize                 *match_len);

G_END_DECLS
