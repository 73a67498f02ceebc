/* polisi-drafts.h: autosaved drafts, for recovery after a crash
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "polisi-policy.h"

G_BEGIN_DECLS

/* A draft left by an earlier session. */
typedef struct {
  char      *id;
  char      *path;        /* the draft's .polisi file */
  char      *original;    /* the file it is a draft of, or NULL (never saved) */
  char      *title;       /* the organisation's name, for the list */
  char      *base;        /* SHA-256 of the original the draft started from, or NULL */
  GDateTime *saved;
} PolisiDraftInfo;

void       polisi_draft_info_free   (PolisiDraftInfo *info);
gboolean   polisi_draft_info_is_superseded (const PolisiDraftInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PolisiDraftInfo, polisi_draft_info_free)

#define POLISI_TYPE_DRAFTS (polisi_drafts_get_type ())

G_DECLARE_FINAL_TYPE (PolisiDrafts, polisi_drafts, POLISI, DRAFTS, GObject)

PolisiDrafts *polisi_drafts_new            (const char    *folder);
PolisiDrafts *polisi_drafts_new_default    (void);
const char   *polisi_drafts_get_folder     (PolisiDrafts  *self);
char         *polisi_drafts_new_id         (PolisiDrafts  *self);
gboolean      polisi_drafts_save           (PolisiDrafts  *self,
                                            const char    *id,
                                            PolisiPolicy  *policy,
                                            GFile         *original,
                                            const char    *base,
                                            GError       **error);
gboolean      polisi_drafts_claim          (PolisiDrafts  *self,
                                            const char    *id,
                                            GError       **error);
void          polisi_drafts_release        (PolisiDrafts  *self,
                                            const char    *id);
void          polisi_drafts_discard        (PolisiDrafts  *self,
                                            const char    *id);
GPtrArray    *polisi_drafts_list_orphans   (PolisiDrafts  *self);
PolisiDraftInfo *polisi_drafts_find_for_file (PolisiDrafts *self,
                                            GFile         *original);
PolisiPolicy *polisi_drafts_load           (PolisiDrafts  *self,
                                            const char    *id,
                                            GFile        **original,
                                            GError       **error);

G_END_DECLS
