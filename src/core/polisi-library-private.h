/* polisi-library-private.h: how the library reader builds its objects
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "polisi-clause.h"
#include "polisi-placeholder.h"
#include "polisi-section.h"
#include "polisi-xml-private.h"

G_BEGIN_DECLS

#define POLISI_LIBRARY_NS "https://polisi.cymru/ns/library/1"

/* Replaces *@field with @value, which it takes. */
static inline void
polisi_take_str (char **field,
                 char  *value)
{
  g_free (*field);
  *field = value;
}

PolisiPlaceholder *_polisi_placeholder_new_from_xml (xmlNode       *node);
PolisiClause      *_polisi_clause_new_from_xml      (xmlNode       *node,
                                                     PolisiSection *section);
PolisiSection     *_polisi_section_new_from_xml     (xmlNode       *node,
                                                     guint          position);

G_END_DECLS
