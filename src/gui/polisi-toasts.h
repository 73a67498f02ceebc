/* polisi-toasts.h: the toasts a window shows, kept to be dismissed
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-policy.h"

G_BEGIN_DECLS

#define POLISI_TYPE_TOASTS (polisi_toasts_get_type ())

G_DECLARE_FINAL_TYPE (PolisiToasts, polisi_toasts, POLISI, TOASTS, GObject)

PolisiToasts *polisi_toasts_new                (AdwToastOverlay *overlay);
void          polisi_toasts_add                (PolisiToasts    *self,
                                                AdwToast        *toast);
void          polisi_toasts_show               (PolisiToasts    *self,
                                                const char      *title);
guint         polisi_toasts_get_n              (PolisiToasts    *self);
void          polisi_toasts_dismiss_all        (PolisiToasts    *self);
gboolean      polisi_toasts_tell_review_due    (PolisiToasts    *self,
                                                PolisiPolicy    *policy,
                                                PolisiLang       ui);
void          polisi_toasts_dismiss_review_due (PolisiToasts    *self);

G_END_DECLS
