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

char      *polisi_text_sanitize          (const char            *text);
GPtrArray *polisi_text_parse_blocks      (const char            *markup);
char      *polisi_text_normalize         (const char            *markup);
gboolean   polisi_text_equal             (const char            *a,
                                          const char            *b);
GPtrArray *polisi_text_get_placeholders  (const char            *text);
char      *polisi_text_fill              (const char            *text,
                                          PolisiPlaceholderFunc  func,
                                          gpointer               user_data);
gboolean   polisi_text_is_placeholder_id (const char            *id);
char      *polisi_text_collapse_spaces   (const char            *text);
GArray    *polisi_text_find_unbreakable_spaces (const char       *text);
char      *polisi_text_keep_together     (const char            *text);
int        polisi_text_guess_language    (const char            *text);
const char *polisi_text_find_casefold    (const char            *haystack,
                                          const char            *needle,
                                          gsize                 *match_len);

G_END_DECLS
