/* polisi-recovery-flow.h: offering back the unsaved work a crash left
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-context.h"
#include "polisi-session.h"

G_BEGIN_DECLS

#define POLISI_TYPE_RECOVERY_FLOW (polisi_recovery_flow_get_type ())

G_DECLARE_FINAL_TYPE (PolisiRecoveryFlow, polisi_recovery_flow, POLISI, RECOVERY_FLOW, GObject)

PolisiRecoveryFlow *polisi_recovery_flow_new            (GtkWindow            *parent,
                                                         PolisiSession        *session,
                                                         PolisiContext        *context);
void                polisi_recovery_flow_recover        (PolisiRecoveryFlow   *self,
                                                         const char           *id);
void                polisi_recovery_flow_recover_async  (PolisiRecoveryFlow   *self,
                                                         const char           *id,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean            polisi_recovery_flow_recover_finish (PolisiRecoveryFlow   *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void                polisi_recovery_flow_ask            (PolisiRecoveryFlow   *self,
                                                         PolisiRecoveryInfo   *info);
void                polisi_recovery_flow_offer          (PolisiRecoveryFlow   *self,
                                                         const char           *id);
void                polisi_recovery_flow_discard        (PolisiRecoveryFlow   *self,
                                                         const char           *id);

G_END_DECLS
