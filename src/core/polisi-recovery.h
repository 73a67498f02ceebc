/* polisi-recovery.h: autosaved recovery copies, for the work a crash left
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "polisi-policy.h"

G_BEGIN_DECLS

/* A recovery copy left by an earlier session. */
typedef struct {
  char      *id;
  char      *path;        /* the copy's .polisi file */
  char      *original;    /* the file it is a copy of, or NULL (never saved) */
  char      *title;       /* the organisation's name, for the list */
  char      *base;        /* SHA-256 of the original the copy started from, or NULL */
  GDateTime *saved;
} PolisiRecoveryInfo;

void       polisi_recovery_info_free   (PolisiRecoveryInfo *info);
gboolean   polisi_recovery_info_is_superseded (const PolisiRecoveryInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PolisiRecoveryInfo, polisi_recovery_info_free)

#define POLISI_TYPE_RECOVERY (polisi_recovery_get_type ())

G_DECLARE_FINAL_TYPE (PolisiRecovery, polisi_recovery, POLISI, RECOVERY, GObject)

PolisiRecovery *polisi_recovery_new            (const char    *folder);
PolisiRecovery *polisi_recovery_new_default    (void);
const char   *polisi_recovery_get_folder     (PolisiRecovery  *self);
char         *polisi_recovery_new_id         (PolisiRecovery  *self);
gboolean      polisi_recovery_save           (PolisiRecovery  *self,
                                            const char    *id,
                                            PolisiPolicy  *policy,
                                            GFile         *original,
                                            const char    *base,
                                            GError       **error);
gboolean      polisi_recovery_claim          (PolisiRecovery  *self,
                                            const char    *id,
                                            GError       **error);
void          polisi_recovery_release        (PolisiRecovery  *self,
                                            const char    *id);
void          polisi_recovery_discard        (PolisiRecovery  *self,
                                            const char    *id);
GPtrArray    *polisi_recovery_list_orphans   (PolisiRecovery  *self);
PolisiRecoveryInfo *polisi_recovery_find_for_file (PolisiRecovery *self,
                                            GFile         *original);
PolisiPolicy *polisi_recovery_load           (PolisiRecovery  *self,
                                            const char    *id,
                                            GFile        **original,
                                            GError       **error);
char         *polisi_recovery_read_base      (PolisiRecovery  *self,
                                            const char    *id);

G_END_DECLS
