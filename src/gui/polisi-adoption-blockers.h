/* polisi-adoption-blockers.h: what stops a version from being adopted
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define POLISI_TYPE_ADOPTION_BLOCKERS (polisi_adoption_blockers_get_type ())

G_DECLARE_FINAL_TYPE (PolisiAdoptionBlockers, polisi_adoption_blockers, POLISI, ADOPTION_BLOCKERS, AdwMessageDialog)

GtkWidget *polisi_adoption_blockers_new         (GtkWindow              *parent,
                                                 const char             *version,
                                                 GPtrArray              *blockers);
guint      polisi_adoption_blockers_get_n_rows  (PolisiAdoptionBlockers *self);
void       polisi_adoption_blockers_activate    (PolisiAdoptionBlockers *self,
                                                 guint                   index);

G_END_DECLS
