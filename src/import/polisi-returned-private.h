/* polisi-returned-private.h: the rules the readers of returned drafts share
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "polisi-returned-draft.h"

G_BEGIN_DECLS

/* A returned draft is some hundreds of kilobytes; with pictures pasted in,
 * a few megabytes. */
#define POLISI_RETURNED_MAX_FILE_SIZE (64 * 1024 * 1024)

void      polisi_returned_set_too_large (GError     **error,
                                         const char  *display_name);

/* A zip package (ODT or DOCX), its directory checked. */
typedef struct _PolisiPackage PolisiPackage;

PolisiPackage *polisi_package_open        (GBytes         *data,
                                           const char     *display_name,
                                           const char     *format_name,
                                           GError        **error);
gboolean       polisi_package_has         (PolisiPackage  *package,
                                           const char     *name);
gboolean       polisi_package_has_prefix  (PolisiPackage  *package,
                                           const char     *prefix);
GBytes        *polisi_package_read        (PolisiPackage  *package,
                                           const char     *name,
                                           gsize           max_size,
                                           gboolean        required,
                                           GError        **error);
void           polisi_package_free        (PolisiPackage  *package);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PolisiPackage, polisi_package_free)

/* The clauses of a policy, found by the anchors around them or by their
 * numbers. */
typedef struct _PolisiClauseIndex PolisiClauseIndex;

PolisiClauseIndex *polisi_clause_index_new        (PolisiPolicy       *policy,
                                                   PolisiDocument     *document);
gboolean           polisi_clause_index_anchor     (PolisiClauseIndex  *index,
                                                   const char         *name,
                                                   const char        **clause_id,
                                                   int                *lang);
const char        *polisi_clause_index_number     (PolisiClauseIndex  *index,
                                                   const char         *text);
const char        *polisi_clause_index_label      (PolisiClauseIndex  *index,
                                                   const char         *text,
                                                   gboolean           *general);
void               polisi_clause_index_free       (PolisiClauseIndex  *index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PolisiClauseIndex, polisi_clause_index_free)

char     *polisi_returned_clean_body    (const char  *raw);
char     *polisi_returned_clean_author  (const char  *raw);
char     *polisi_returned_clean_place   (const char  *raw);
gboolean  polisi_returned_add           (GPtrArray   *comments,
                                         PolisiReturnedComment *comment,
                                         const char  *display_name,
                                         GError     **error);
gboolean  polisi_returned_add_row       (GPtrArray          *comments,
                                         PolisiClauseIndex  *index,
                                         const char * const *cells,
                                         guint               n_cells,
                                         const char         *display_name,
                                         GError            **error);
char     *polisi_returned_organisation_of_subject (const char *subject);
void      polisi_returned_take_identity (PolisiReturnedDraft *draft,
                                         const char          *name,
                                         xmlNode             *property);
void      polisi_returned_add_change    (PolisiReturnedDraft *draft,
                                         PolisiProposalKind   kind,
                                         const char          *clause_id,
                                         int                  lang,
                                         const char          *text,
                                         const char          *before,
                                         const char          *after,
                                         const char          *author,
                                         const char          *date,
                                         const char          *why_not);
PolisiReturnedDraft *polisi_returned_draft_new (PolisiReturnedFormat format);

PolisiReturnedDraft *polisi_returned_docx_read (PolisiPackage   *package,
                                                const char      *display_name,
                                                PolisiPolicy    *policy,
                                                PolisiDocument  *document,
                                                GError         **error);
PolisiReturnedDraft *polisi_returned_odt_read  (PolisiPackage   *package,
                                                const char      *display_name,
                                                PolisiPolicy    *policy,
                                                PolisiDocument  *document,
                                                GError         **error);

G_END_DECLS
