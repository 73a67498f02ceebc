/* polisi-comments.h: comments read back from a returned consultation draft
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "polisi-document.h"
#include "polisi-policy.h"

G_BEGIN_DECLS

/* The name of the bookmark that spans each clause in an exported ODT:
 * "polisi-clause-cy-" and the clause's id. */
#define POLISI_CLAUSE_BOOKMARK_PREFIX "polisi-clause-"

/* At most this many comments are read from one file. */
#define POLISI_COMMENTS_MAX 10000

/* A comment found in a returned document. */
typedef struct {
  char *clause_id;   /* NULL: not in any clause */
  int   lang;        /* the language of the text it is on, or -1 */
  char *author;
  char *date;        /* as the file says, or NULL */
  char *body;        /* clause markup */
  char *place;       /* the start of the text it sits in, for messages */
} PolisiAnnotation;

/* What an import did. */
typedef struct {
  guint      n_found;       /* comments in the file */
  guint      n_added;       /* new ones stored, general ones included */
  guint      n_duplicates;  /* already stored by an earlier import */
  guint      n_empty;       /* with no text: passed over */
  guint      n_general;     /* stored, but in no clause */
  GPtrArray *general;       /* PolisiAnnotation: those in no clause */
} PolisiCommentImport;

void       polisi_annotation_free          (PolisiAnnotation     *annotation);

char      *polisi_comments_bookmark_name   (const char           *clause_id,
                                            PolisiLang            lang);
char      *polisi_comments_anchor_name     (const char           *clause_id,
                                            PolisiLang            lang);
GPtrArray *polisi_comments_read_content    (GBytes               *content_xml,
                                            const char           *display_name,
                                            PolisiPolicy         *policy,
                                            PolisiDocument       *document,
                                            GError              **error);
void       polisi_comments_import          (PolisiPolicy         *policy,
                                            GPtrArray            *annotations,
                                            PolisiCommentImport  *result);
void       polisi_comment_import_clear     (PolisiCommentImport  *result);

G_END_DECLS
