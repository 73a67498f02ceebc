/* polisi-print-operation.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing draws the same pages as the PDF and the preview, with the same
 * page layout: A4, in points, from the corner of the paper, so the
 * margins, headers and footers are where the PDF has them.
 */
#include "config.h"

#include "polisi-page-layout.h"
#include "polisi-print-operation.h"

struct _PolisiPrintOperation
{
  GtkPrintOperation  parent_instance;

  PolisiDocument    *document;
  PolisiExportOptions options;
  PolisiPageLayout  *layout;
};

G_DEFINE_FINAL_TYPE (PolisiPrintOperation, polisi_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
polisi_print_operation_begin_print (GtkPrintOperation *operation,
                                    GtkPrintContext   *context)
{
  PolisiPrintOperation *self = POLISI_PRINT_OPERATION (operation);

  g_clear_object (&self->layout);
  self->layout = polisi_page_layout_new (self->document, &self->options);
  polisi_page_layout_paginate (self->layout);
  gtk_print_operation_set_n_pages (operation, polisi_page_layout_get_n_pages (self->layout));
}

static void
polisi_print_operation_draw_page (GtkPrintOperation *operation,
                                  GtkPrintContext   *context,
                                  int                page)
{
  PolisiPrintOperation *self = POLISI_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  polisi_page_layout_draw_page (self->layout, cr, page);
}

static void
polisi_print_operation_end_print (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  PolisiPrintOperation *self = POLISI_PRINT_OPERATION (operation);

  g_clear_object (&self->layout);
}

static void
polisi_print_operation_dispose (GObject *object)
{
  PolisiPrintOperation *self = (PolisiPrintOperation *) object;

  g_clear_object (&self->layout);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (polisi_print_operation_parent_class)->dispose (object);
}

static void
polisi_print_operation_class_init (PolisiPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = polisi_print_operation_dispose;
  print_class->begin_print = polisi_print_operation_begin_print;
  print_class->draw_page = polisi_print_operation_draw_page;
  print_class->end_print = polisi_print_operation_end_print;
}

static void
polisi_print_operation_init (PolisiPrintOperation *self)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), FALSE);
}

PolisiPrintOperation *
polisi_print_operation_new (PolisiDocument            *document,
                            const PolisiExportOptions *options)
{
  PolisiPrintOperation *self;

  g_return_val_if_fail (POLISI_IS_DOCUMENT (document), NULL);

  self = g_object_new (POLISI_TYPE_PRINT_OPERATION, NULL);
  self->document = g_object_ref (document);
  self->options = *options;
  self->options.other_file = NULL;
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), polisi_document_get_title (document, POLISI_LANG_CY));

  return self;
}
