/* polisi-version.h: one adopted version of a policy, and its text
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "polisi-types.h"

G_BEGIN_DECLS

/* One adopted version in the policy's history. */
typedef struct {
  char *version;                  /* "1.0" */
  char *date;                     /* YYYY-MM-DD */
  char *approved_by;
  char *summary[POLISI_N_LANGS];  /* clause markup */
} PolisiVersionRecord;

#define POLISI_TYPE_VERSION (polisi_version_get_type ())

G_DECLARE_FINAL_TYPE (PolisiVersion, polisi_version, POLISI, VERSION, GObject)

PolisiVersion             *polisi_version_new             (const char    *number,
                                                           const char    *date,
                                                           const char    *approved_by,
                                                           const char    *summary_cy,
                                                           const char    *summary_en);
const char                *polisi_version_get_number      (PolisiVersion *self);
const char                *polisi_version_get_date        (PolisiVersion *self);
const char                *polisi_version_get_approved_by (PolisiVersion *self);
const char                *polisi_version_get_summary     (PolisiVersion *self,
                                                           PolisiLang     lang);
const PolisiVersionRecord *polisi_version_get_record      (PolisiVersion *self);
gboolean                   polisi_version_get_has_text    (PolisiVersion *self);

/* The text of the version as adopted: a policy of its own, never changed
 * (see polisi_policy_dup_version_text()). */
struct _PolisiPolicy      *_polisi_version_get_text       (PolisiVersion *self);
void                       _polisi_version_set_text       (PolisiVersion *self,
                                                           struct _PolisiPolicy *text);

G_END_DECLS
