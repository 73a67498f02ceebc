/* polisi-export-options.h: how a document is exported, for every writer
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one home of the export options. The writers (polisi-odt.h,
 * polisi-pdf.h, polisi-docx.h, polisi-html.h) and the page layout include
 * this header alone; polisi-export.h includes the writers.
 */
#pragma once

#include <glib-object.h>

#include "polisi-types.h"

G_BEGIN_DECLS

#define POLISI_TYPE_EXPORT_OPTIONS (polisi_export_options_get_type ())

typedef struct {
  /* POLISI_LAYOUT_CY, _EN, _COLUMNS or _SEQUENTIAL. "Separate" is two
   * exports, one _CY and one _EN, each naming the other file. */
  PolisiLayout  layout;
  /* Columns and back to back put Welsh first; English first only when
   * asked for. */
  gboolean      english_first;
  /* For one of two separate files: the other file's name, or NULL. */
  const char   *other_file;
  /* ODT and DOCX (the editable formats): write the inserted and deleted text of a comparison (see
   * polisi_compare_tracked()) as tracked changes, by @change_author (NULL:
   * "Polisi") at @change_date (YYYY-MM-DDTHH:MM:SS; NULL: now). Otherwise
   * marks are drawn: insertions underlined and coloured, deletions struck
   * through. */
  gboolean      tracked_changes;
  const char   *change_author;
  const char   *change_date;
} PolisiExportOptions;

GType                polisi_export_options_get_type (void) G_GNUC_CONST;
void                 polisi_export_options_init     (PolisiExportOptions       *options,
                                                     PolisiLayout               layout);
PolisiExportOptions *polisi_export_options_copy     (const PolisiExportOptions *options);
void                 polisi_export_options_free     (PolisiExportOptions       *options);
guint                polisi_export_get_languages    (const PolisiExportOptions *options,
                                                     PolisiLang                 langs[POLISI_N_LANGS]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PolisiExportOptions, polisi_export_options_free)

G_END_DECLS
