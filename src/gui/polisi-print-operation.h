/* polisi-print-operation.h: printing, with the pages of the PDF
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "polisi-document.h"
#include "polisi-export.h"

G_BEGIN_DECLS

#define POLISI_TYPE_PRINT_OPERATION (polisi_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (PolisiPrintOperation, polisi_print_operation, POLISI, PRINT_OPERATION, GtkPrintOperation)

PolisiPrintOperation *polisi_print_operation_new (PolisiDocument            *document,
                                                  const PolisiExportOptions *options);

G_END_DECLS
