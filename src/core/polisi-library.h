/* polisi-library.h: the clause library
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "polisi-clause.h"
#include "polisi-placeholder.h"
#include "polisi-section.h"
#include "polisi-types.h"

G_BEGIN_DECLS

#define POLISI_LIBRARY_BUILTIN_RESOURCE "/cymru/polisi/Polisi/library/library.xml"

#define POLISI_TYPE_LIBRARY (polisi_library_get_type ())

G_DECLARE_FINAL_TYPE (PolisiLibrary, polisi_library, POLISI, LIBRARY, GObject)

PolisiLibrary     *polisi_library_new_builtin          (GError        **error);
gboolean           polisi_library_is_builtin           (PolisiLibrary  *self);
PolisiLibrary     *polisi_library_new_from_file        (GFile          *file,
                                                        GError        **error);
PolisiLibrary     *polisi_library_new_from_bytes       (GBytes         *bytes,
                                                        const char     *display_name,
                                                        GError        **error);

const char        *polisi_library_get_id               (PolisiLibrary  *self);
const char        *polisi_library_get_version          (PolisiLibrary  *self);
const char        *polisi_library_get_date             (PolisiLibrary  *self);
const char        *polisi_library_get_title            (PolisiLibrary  *self,
                                                        PolisiLang      lang);
guint              polisi_library_get_n_sections       (PolisiLibrary  *self);
PolisiSection     *polisi_library_get_section          (PolisiLibrary  *self,
                                                        guint           index);
PolisiSection     *polisi_library_lookup_section       (PolisiLibrary  *self,
                                                        const char     *id);
guint              polisi_library_get_n_clauses        (PolisiLibrary  *self);
PolisiClause      *polisi_library_lookup_clause        (PolisiLibrary  *self,
                                                        const char     *id);
guint              polisi_library_get_n_placeholders   (PolisiLibrary  *self);
PolisiPlaceholder *polisi_library_get_placeholder      (PolisiLibrary  *self,
                                                        guint           index);
PolisiPlaceholder *polisi_library_lookup_placeholder   (PolisiLibrary  *self,
                                                        const char     *id);
const char        *polisi_library_get_source_title     (PolisiLibrary  *self,
                                                        const char     *source_id,
                                                        PolisiLang      lang);
GPtrArray         *polisi_library_verify               (PolisiLibrary  *self);

int                polisi_library_compare_versions     (const char     *a,
                                                        const char     *b);

G_END_DECLS
