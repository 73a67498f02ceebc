/* polisi-section.h: a part of the library, such as "Safeguarding"
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "polisi-clause.h"
#include "polisi-types.h"

G_BEGIN_DECLS

#define POLISI_TYPE_SECTION (polisi_section_get_type ())

G_DECLARE_FINAL_TYPE (PolisiSection, polisi_section, POLISI, SECTION, GObject)

const char   *polisi_section_get_id          (PolisiSection *self);
guint         polisi_section_get_position    (PolisiSection *self);
gboolean      polisi_section_is_appendix     (PolisiSection *self);
const char   *polisi_section_get_title       (PolisiSection *self,
                                              PolisiLang     lang);
const char   *polisi_section_get_guidance    (PolisiSection *self,
                                              PolisiLang     lang);
guint         polisi_section_get_n_clauses   (PolisiSection *self);
PolisiClause *polisi_section_get_clause      (PolisiSection *self,
                                              guint          index);

G_END_DECLS
