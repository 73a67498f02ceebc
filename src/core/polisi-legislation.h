/* polisi-legislation.h: the register of Acts and guidance a policy cites
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "polisi-types.h"
#include "polisi-welsh.h"

G_BEGIN_DECLS

#define POLISI_LEGISLATION_BUILTIN_RESOURCE "/cymru/polisi/Polisi/library/legislation.xml"

typedef struct {
  PolisiLang    lang;
  gboolean      any_nation;
  PolisiNation  nation;
  char         *text;
  char         *folded[4];  /* lower case, spaces collapsed; per PolisiMutation */
} PolisiOldName;

typedef struct {
  char      *id;
  char      *kind;          /* act, regulations, guidance, code */
  char      *jurisdiction;  /* uk, england-wales, wales, england */
  char      *status;        /* in-force, amended, partly-repealed, repealed */
  char      *checked;       /* YYYY-MM-DD */
  char      *name[POLISI_N_LANGS];
  char      *note[POLISI_N_LANGS];
  char      *url;
  GPtrArray *old_names;     /* PolisiOldName */
} PolisiInstrument;

/* An out-of-date name found in a text. */
typedef struct {
  const PolisiInstrument *instrument;
  const PolisiOldName    *old_name;
  gsize                   offset;   /* in bytes */
  gsize                   length;
  PolisiMutation          mutation; /* as written in Welsh text */
} PolisiOutdatedCitation;

#define POLISI_TYPE_LEGISLATION (polisi_legislation_get_type ())

G_DECLARE_FINAL_TYPE (PolisiLegislation, polisi_legislation, POLISI, LEGISLATION, GObject)

PolisiLegislation      *polisi_legislation_new_builtin      (GError            **error);
gboolean                polisi_legislation_is_builtin       (PolisiLegislation  *self);
PolisiLegislation      *polisi_legislation_new_from_bytes   (GBytes             *bytes,
                                                             const char         *display_name,
                                                             GError            **error);
const char             *polisi_legislation_get_version      (PolisiLegislation  *self);
const char             *polisi_legislation_get_checked      (PolisiLegislation  *self);
guint                   polisi_legislation_get_n_instruments (PolisiLegislation *self);
const PolisiInstrument *polisi_legislation_get_instrument   (PolisiLegislation  *self,
                                                             guint               index);
const PolisiInstrument *polisi_legislation_lookup           (PolisiLegislation  *self,
                                                             const char         *id);
GArray                 *polisi_legislation_find_outdated    (PolisiLegislation  *self,
                                                             const char         *text,
                                                             PolisiLang          lang,
                                                             PolisiNation        nation);
char                   *polisi_legislation_replace_outdated (PolisiLegislation  *self,
                                                             const char         *text,
                                                             PolisiLang          lang,
                                                             PolisiNation        nation,
                                                             guint              *n_replaced);

G_END_DECLS
