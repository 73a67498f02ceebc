/* polisi-anchor.h: the anchors around each clause in editable exports
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "polisi-types.h"

G_BEGIN_DECLS

/* The name of the bookmark that spans each clause in an exported ODT:
 * "polisi-clause-cy-" and the clause's id. */
#define POLISI_CLAUSE_BOOKMARK_PREFIX "polisi-clause-"

char *polisi_anchor_bookmark_name (const char *clause_id,
                                   PolisiLang  lang);
char *polisi_anchor_name          (const char *clause_id,
                                   PolisiLang  lang);
char *polisi_anchor_part_name     (const char *clause_id,
                                   PolisiLang  lang,
                                   guint       part);

G_END_DECLS
