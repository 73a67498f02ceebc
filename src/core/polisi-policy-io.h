/* polisi-policy-io.h: reading and writing .polisi files
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "polisi-policy.h"

G_BEGIN_DECLS

#define POLISI_POLICY_NS "https://polisi.cymru/ns/policy/1"
#define POLISI_POLICY_FORMAT 2
#define POLISI_POLICY_MIME_TYPE "application/x-polisi"
#define POLISI_POLICY_SUFFIX ".polisi"

PolisiPolicy *polisi_policy_load            (GFile         *file,
                                             GError       **error);
PolisiPolicy *polisi_policy_load_bytes      (GBytes        *bytes,
                                             const char    *display_name,
                                             GError       **error);
GBytes       *polisi_policy_to_bytes        (PolisiPolicy  *policy);
gboolean      polisi_policy_file_is_policy  (GFile         *file);
GBytes       *polisi_policy_to_file_bytes   (PolisiPolicy  *policy,
                                             const char    *display_name,
                                             GError       **error);
gboolean      polisi_policy_save            (PolisiPolicy  *policy,
                                             GFile         *file,
                                             GError       **error);

G_END_DECLS
