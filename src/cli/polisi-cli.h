/* polisi-cli.h: everything Polisi does without a window
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit statuses. */
enum {
  POLISI_EXIT_OK = 0,
  POLISI_EXIT_MUST_FIX = 1,   /* --check found something that must be fixed */
  POLISI_EXIT_BAD_FILE = 2,   /* a file could not be read or written */
  POLISI_EXIT_USAGE = 3,      /* wrong options or values */
};
/* --batch: 0 when every row was made; 3 when a value or the CSV's header
 * was wrong; else 2 when the CSV could not be read or a row's files could
 * not be written. */

const GOptionEntry *polisi_cli_get_option_entries (void);
void                polisi_cli_add_options        (GApplication *application);
gboolean            polisi_cli_wants_handling     (GVariantDict *options);
int                 polisi_cli_run                (GVariantDict *options);
int                 polisi_cli_check_arguments    (int           argc,
                                                   char        **argv);

G_END_DECLS
