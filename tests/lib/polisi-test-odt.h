/* polisi-test-odt.h: ODT packages as a reader returns them, for the tests
 * and for the fuzzers' seeds
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *polisi_test_odt_replace_content (GBytes     *package,
                                         const char *content);
GBytes *polisi_test_odt_repack          (GBytes     *package,
                                         const char *content,
                                         gboolean    store_content);
char   *polisi_test_odt_member          (GBytes     *package,
                                         const char *name);
char   *polisi_test_odt_rework_bookmarks (const char *content,
                                          gboolean    rename,
                                          guint      max_name);

GHashTable *polisi_test_package_unpack (GBytes     *package,
                                        const char *dir);

G_END_DECLS
