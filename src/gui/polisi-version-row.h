/* polisi-version-row.h: a row of the version history
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-version.h"

G_BEGIN_DECLS

#define POLISI_TYPE_VERSION_ROW (polisi_version_row_get_type ())

G_DECLARE_FINAL_TYPE (PolisiVersionRow, polisi_version_row, POLISI, VERSION_ROW, AdwActionRow)

GtkWidget     *polisi_version_row_new         (PolisiVersion    *version,
                                               PolisiLang        ui);
PolisiVersion *polisi_version_row_get_version (PolisiVersionRow *self);
void           polisi_version_row_set_version (PolisiVersionRow *self,
                                               PolisiVersion    *version);

G_END_DECLS
