/* polisi-session.h: one open policy, its file and its recovery copy
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "polisi-recovery.h"
#include "polisi-policy.h"

G_BEGIN_DECLS

typedef enum {
  POLISI_LOAD_DEFAULT = 0,
  POLISI_LOAD_LOCK    = 1 << 0,   /* hold the file's lock until the session lets go */
} PolisiLoadFlags;

typedef enum {
  POLISI_SAVE_DEFAULT         = 0,
  POLISI_SAVE_REPLACE_CHANGED = 1 << 0,   /* replace a file someone else changed since */
  POLISI_SAVE_SPLIT_LINKS     = 1 << 1,   /* give a hard-linked file a file of its own */
} PolisiSaveFlags;

#define POLISI_TYPE_SESSION (polisi_session_get_type ())

G_DECLARE_FINAL_TYPE (PolisiSession, polisi_session, POLISI, SESSION, GObject)

PolisiSession   *polisi_session_new                   (PolisiRecovery      *recovery);
PolisiPolicy    *polisi_session_get_policy            (PolisiSession       *self);
GFile           *polisi_session_get_file              (PolisiSession       *self);
gboolean         polisi_session_get_modified          (PolisiSession       *self);
gboolean         polisi_session_get_read_only         (PolisiSession       *self);
gboolean         polisi_session_get_changed_on_disk   (PolisiSession       *self);
gboolean         polisi_session_get_saving            (PolisiSession       *self);
guint            polisi_session_get_autosave_interval (PolisiSession       *self);
void             polisi_session_set_autosave_interval (PolisiSession       *self,
                                                       guint                seconds);
const char      *polisi_session_get_recovery_id       (PolisiSession       *self);
PolisiRecovery  *polisi_session_get_recovery          (PolisiSession       *self);
guint            polisi_session_get_lock_timeout      (PolisiSession       *self);
void             polisi_session_set_lock_timeout      (PolisiSession       *self,
                                                       guint                milliseconds);
gboolean         polisi_session_get_watch_disk        (PolisiSession       *self);
void             polisi_session_set_watch_disk        (PolisiSession       *self,
                                                       gboolean             watch);

void             polisi_session_set_policy            (PolisiSession       *self,
                                                       PolisiPolicy        *policy);
gboolean         polisi_session_load                  (PolisiSession       *self,
                                                       GFile               *file,
                                                       PolisiLoadFlags      flags,
                                                       GError             **error);
void             polisi_session_load_async            (PolisiSession       *self,
                                                       GFile               *file,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean         polisi_session_load_finish           (PolisiSession       *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
gboolean         polisi_session_save                  (PolisiSession       *self,
                                                       GFile               *file,
                                                       PolisiSaveFlags      flags,
                                                       GError             **error);
void             polisi_session_save_async            (PolisiSession       *self,
                                                       GFile               *file,
                                                       PolisiSaveFlags      flags,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean         polisi_session_save_finish           (PolisiSession       *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
gboolean         polisi_session_check_disk            (PolisiSession       *self);
void             polisi_session_unlock                (PolisiSession       *self);
void             polisi_session_close                 (PolisiSession       *self);
gboolean         polisi_session_autosave_now          (PolisiSession       *self,
                                                       GError             **error);

PolisiRecoveryInfo *polisi_session_find_recovery_copy (PolisiSession        *self,
                                                       gboolean             *older);
gboolean            polisi_session_recover            (PolisiSession        *self,
                                                       const char           *id,
                                                       GError              **error);
void                polisi_session_recover_async      (PolisiSession        *self,
                                                       const char           *id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean            polisi_session_recover_finish     (PolisiSession        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
