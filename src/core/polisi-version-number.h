/* polisi-version-number.h: the numbers of a policy's versions
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The highest number either side of the dot. */
#define POLISI_VERSION_NUMBER_PART_MAX 9999

gboolean  polisi_version_number_parse     (const char  *text,
                                    guint       *major,
                                    guint       *minor);
gboolean  polisi_version_number_check     (const char  *text,
                                    GError     **error);
int       polisi_version_number_compare   (const char  *a,
                                    const char  *b);
char     *polisi_version_number_next      (const char  *version,
                                    gboolean     major);

G_END_DECLS
