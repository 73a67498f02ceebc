/* polisi-returned-draft.h: what comes back from a consultation
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "polisi-document.h"
#include "polisi-library.h"
#include "polisi-policy.h"
#include "polisi-proposal.h"

G_BEGIN_DECLS

#define POLISI_IMPORT_ERROR (polisi_import_error_quark ())

/* Refusals that are not about a damaged or hostile file (those are
 * POLISI_ERROR codes): the file is a good draft, but not one to import. */
typedef enum {
  POLISI_IMPORT_ERROR_OTHER_POLICY,     /* a draft of another organisation's policy */
  POLISI_IMPORT_ERROR_EARLIER_VERSION,  /* a draft of another version, not asked for */
  POLISI_IMPORT_ERROR_NOTHING_RETURNED, /* no comment, no row, no tracked change */
} PolisiImportError;

GQuark polisi_import_error_quark (void);

/* At most this many comments (and rows) are read from one file. */
#define POLISI_RETURNED_MAX_COMMENTS 10000
/* A comment longer than this is cut: nobody writes a book in a margin. */
#define POLISI_RETURNED_MAX_BODY_CHARS 20000
/* An author's name longer than this is cut. */
#define POLISI_RETURNED_MAX_AUTHOR_CHARS 200

typedef enum {
  POLISI_RETURNED_FORMAT_ODT,
  POLISI_RETURNED_FORMAT_DOCX,
} PolisiReturnedFormat;

/* Where a comment was found. */
typedef enum {
  POLISI_RETURNED_ANCHORED,   /* a comment in the margin (Insert › Comment) */
  POLISI_RETURNED_TABLE_ROW,  /* a row filled in the draft's comments table */
} PolisiReturnedSource;

/* A comment found in a returned draft. */
typedef struct {
  PolisiReturnedSource  source;
  char                 *clause_id;  /* NULL: not in any clause */
  int                   lang;       /* the language of the text it is on, or -1 */
  char                 *author;     /* at most POLISI_RETURNED_MAX_AUTHOR_CHARS */
  char                 *date;       /* as the file says, or NULL */
  char                 *body;       /* clause markup, at most POLISI_RETURNED_MAX_BODY_CHARS */
  char                 *place;      /* the start of the text it sits in, for messages */
} PolisiReturnedComment;

/* Everything read from one returned draft, before anything is stored. */
typedef struct {
  PolisiReturnedFormat  format;
  char                 *policy_uid;    /* the identity it carries, or NULL */
  char                 *version;       /* the version it was made from, or NULL */
  char                 *organisation;  /* its organisation, for messages, or NULL */
  GPtrArray            *comments;      /* PolisiReturnedComment, in document order */
  GPtrArray            *proposals;     /* PolisiProposal: the tracked changes placed on a clause */
  GPtrArray            *unplaced;      /* char *: what could not be placed, and why */
  guint                 n_insertions;  /* tracked changes found, placed or not */
  guint                 n_deletions;
} PolisiReturnedDraft;

typedef enum {
  POLISI_RETURNED_IMPORT_DEFAULT         = 0,
  /* import a draft made from another version of this policy */
  POLISI_RETURNED_IMPORT_EARLIER_VERSION = 1 << 0,
} PolisiReturnedImportFlags;

/* What an import did. */
typedef struct {
  char      *version;        /* the version the comments were made on */
  guint      n_found;        /* comments and filled rows in the file */
  guint      n_added;        /* stored: n_anchored + n_table_rows */
  guint      n_anchored;     /* margin comments stored */
  guint      n_table_rows;   /* table rows stored */
  guint      n_general;      /* of those stored, in no clause */
  guint      n_duplicates;   /* already stored by an earlier import */
  guint      n_empty;        /* margin comments with no text: passed over */
  guint      n_insertions;   /* tracked changes stored as proposals */
  guint      n_deletions;
  guint      n_known_changes; /* tracked changes stored by an earlier import */
  GPtrArray *general;        /* PolisiReturnedComment: those in no clause */
  GPtrArray *unplaced;       /* char *: what could not be placed, and why */
} PolisiReturnedImport;

void                  polisi_returned_comment_free   (PolisiReturnedComment      *comment);
void                  polisi_returned_draft_free     (PolisiReturnedDraft        *draft);

PolisiReturnedDraft  *polisi_returned_draft_read     (GBytes                     *file_data,
                                                      const char                 *display_name,
                                                      PolisiPolicy               *policy,
                                                      PolisiDocument             *document,
                                                      GError                    **error);
GBytes               *polisi_returned_file_load      (GFile                      *file,
                                                      GError                    **error);
void                  polisi_returned_draft_store    (PolisiReturnedDraft        *draft,
                                                      PolisiPolicy               *policy,
                                                      PolisiReturnedImport       *result);
void                  polisi_returned_comments_store (PolisiPolicy               *policy,
                                                      GPtrArray                  *comments,
                                                      PolisiReturnedImport       *result);
gboolean              polisi_returned_draft_import   (PolisiPolicy               *policy,
                                                      PolisiLibrary              *library,
                                                      GFile                      *returned,
                                                      PolisiReturnedImportFlags   flags,
                                                      PolisiReturnedImport       *result,
                                                      GError                    **error);
void                  polisi_returned_import_clear   (PolisiReturnedImport       *result);

/* The parts of a returned ODT: content.xml, unpacked within bounds. */
GBytes               *polisi_returned_odt_unpack     (GBytes                     *package,
                                                      const char                 *display_name,
                                                      GError                    **error);
/* The comments of a content.xml, on their clauses. */
GPtrArray            *polisi_returned_odt_read_content (GBytes                   *content_xml,
                                                        const char               *display_name,
                                                        PolisiPolicy             *policy,
                                                        PolisiDocument           *document,
                                                        GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PolisiReturnedDraft, polisi_returned_draft_free)

G_END_DECLS
