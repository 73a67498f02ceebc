/* polisi-disk-bar.h: says that another program changed the open file
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "polisi-session.h"

G_BEGIN_DECLS

#define POLISI_TYPE_DISK_BAR (polisi_disk_bar_get_type ())

G_DECLARE_FINAL_TYPE (PolisiDiskBar, polisi_disk_bar, POLISI, DISK_BAR, GtkWidget)

GtkWidget     *polisi_disk_bar_new         (void);
PolisiSession *polisi_disk_bar_get_session (PolisiDiskBar *self);
void           polisi_disk_bar_set_session (PolisiDiskBar *self,
                                            PolisiSession *session);
gboolean       polisi_disk_bar_get_shown   (PolisiDiskBar *self);

G_END_DECLS
