/* polisi-context.h: what every part of Polisi shares, handed down
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "polisi-legislation.h"
#include "polisi-library.h"

G_BEGIN_DECLS

#define POLISI_TYPE_CONTEXT (polisi_context_get_type ())

G_DECLARE_FINAL_TYPE (PolisiContext, polisi_context, POLISI, CONTEXT, GObject)

PolisiContext     *polisi_context_new             (PolisiLibrary      *library,
                                                   PolisiLegislation  *legislation);
PolisiContext     *polisi_context_new_builtin     (GError            **error);
PolisiContext     *polisi_context_new_with_library_file (GFile       *library_file,
                                                         GError     **error);
PolisiLibrary     *polisi_context_get_library     (PolisiContext      *self);
PolisiLegislation *polisi_context_get_legislation (PolisiContext      *self);
PolisiLang         polisi_context_get_interface_language (PolisiContext *self);
void               polisi_context_set_interface_language (PolisiContext *self,
                                                          PolisiLang     lang);

PolisiLang         polisi_interface_lang          (void);

void               polisi_core_init               (void);

G_END_DECLS
