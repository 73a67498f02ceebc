/* polisi-application.h
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-context.h"

G_BEGIN_DECLS

#define POLISI_TYPE_APPLICATION (polisi_application_get_type ())

G_DECLARE_FINAL_TYPE (PolisiApplication, polisi_application, POLISI, APPLICATION, AdwApplication)

PolisiApplication *polisi_application_new         (void);
PolisiContext     *polisi_application_get_context (PolisiApplication *self);
void               polisi_application_remember_library   (PolisiApplication *self,
                                                          GFile             *file);
GError            *polisi_application_take_library_error (PolisiApplication *self);

G_END_DECLS
