/* polisi-compare-flow.h: comparing the window's policy with an earlier version
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-context.h"
#include "polisi-export.h"
#include "polisi-preview.h"
#include "polisi-session.h"

G_BEGIN_DECLS

#define POLISI_TYPE_COMPARE_FLOW (polisi_compare_flow_get_type ())

G_DECLARE_FINAL_TYPE (PolisiCompareFlow, polisi_compare_flow, POLISI, COMPARE_FLOW, GObject)

PolisiCompareFlow *polisi_compare_flow_new          (GtkWindow          *parent,
                                                     PolisiSession      *session,
                                                     PolisiContext      *context,
                                                     GSettings          *settings,
                                                     PolisiPreview      *preview);
gboolean           polisi_compare_flow_export       (PolisiCompareFlow  *self,
                                                     PolisiPolicy       *old_policy,
                                                     GFile              *file,
                                                     PolisiFormat        format,
                                                     gboolean            tracked,
                                                     GError            **error);
GtkWidget         *polisi_compare_flow_ask          (PolisiCompareFlow  *self,
                                                     PolisiPolicy       *old_policy,
                                                     GFile              *old_file);
void               polisi_compare_flow_choose_file  (PolisiCompareFlow  *self);
void               polisi_compare_flow_open_file    (PolisiCompareFlow  *self,
                                                     GFile              *file);
void               polisi_compare_flow_with_version (PolisiCompareFlow  *self,
                                                     const char         *version);

G_END_DECLS
