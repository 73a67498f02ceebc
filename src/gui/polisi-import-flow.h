/* polisi-import-flow.h: importing the comments of a returned consultation draft into the window's policy
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-context.h"
#include "polisi-returned-draft.h"
#include "polisi-session.h"

G_BEGIN_DECLS

#define POLISI_TYPE_IMPORT_FLOW (polisi_import_flow_get_type ())

G_DECLARE_FINAL_TYPE (PolisiImportFlow, polisi_import_flow, POLISI, IMPORT_FLOW, GObject)

PolisiImportFlow *polisi_import_flow_new                 (GtkWindow                  *parent,
                                                          PolisiSession              *session,
                                                          PolisiContext              *context,
                                                          GSettings                  *settings);
gboolean          polisi_import_flow_import              (PolisiImportFlow           *self,
                                                          GFile                      *file,
                                                          PolisiReturnedImportFlags   flags,
                                                          guint                      *n_added,
                                                          GError                    **error);
GtkWidget        *polisi_import_flow_ask_earlier_version (PolisiImportFlow           *self,
                                                          GFile                      *file,
                                                          const char                 *message);
void              polisi_import_flow_import_or_ask       (PolisiImportFlow           *self,
                                                          GFile                      *file);
void              polisi_import_flow_choose_file         (PolisiImportFlow           *self);

G_END_DECLS
