/* polisi-welcome-view.h: what the window shows before a policy is open
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-recovery.h"

G_BEGIN_DECLS

#define POLISI_TYPE_WELCOME_VIEW (polisi_welcome_view_get_type ())

G_DECLARE_FINAL_TYPE (PolisiWelcomeView, polisi_welcome_view, POLISI, WELCOME_VIEW, AdwBin)

GtkWidget *polisi_welcome_view_new                   (void);
void       polisi_welcome_view_refresh               (PolisiWelcomeView *self,
                                                      PolisiRecovery    *recovery);
guint      polisi_welcome_view_get_n_recovery_copies (PolisiWelcomeView *self);
guint      polisi_welcome_view_get_n_recent          (PolisiWelcomeView *self);
void       polisi_welcome_view_focus_first           (PolisiWelcomeView *self);

G_END_DECLS
