/* polisi-export-flow.h: the window's export and print: the choices, the file chooser, the files written
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-context.h"
#include "polisi-export.h"
#include "polisi-session.h"

G_BEGIN_DECLS

#define POLISI_TYPE_EXPORT_FLOW (polisi_export_flow_get_type ())

G_DECLARE_FINAL_TYPE (PolisiExportFlow, polisi_export_flow, POLISI, EXPORT_FLOW, GObject)

PolisiExportFlow *polisi_export_flow_new             (GtkWindow         *parent,
                                                      PolisiSession     *session,
                                                      PolisiContext     *context,
                                                      GSettings         *settings);
void              polisi_export_flow_reset_choices   (PolisiExportFlow  *self);
PolisiFormat      polisi_export_flow_get_format      (PolisiExportFlow  *self);
PolisiLayout      polisi_export_flow_get_layout      (PolisiExportFlow  *self);
gboolean          polisi_export_flow_get_final       (PolisiExportFlow  *self);
gboolean          polisi_export_flow_get_english_first (PolisiExportFlow *self);
GFile            *polisi_export_flow_get_last_export (PolisiExportFlow  *self);
PolisiDocument   *polisi_export_flow_assemble_for_print (PolisiExportFlow    *self,
                                                        PolisiExportOptions *options);
gboolean          polisi_export_flow_export_to_file  (PolisiExportFlow  *self,
                                                      GFile             *file,
                                                      PolisiFormat       format,
                                                      PolisiLayout       layout,
                                                      gboolean           final,
                                                      gboolean           english_first,
                                                      GError           **error);
void              polisi_export_flow_choose_file     (PolisiExportFlow  *self);
void              polisi_export_flow_print           (PolisiExportFlow  *self);

G_END_DECLS
