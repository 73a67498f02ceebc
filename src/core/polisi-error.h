/* polisi-error.h
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define POLISI_ERROR (polisi_error_quark ())

typedef enum {
  POLISI_ERROR_FAILED,
  POLISI_ERROR_MALFORMED,       /* not well-formed XML, or cut short */
  POLISI_ERROR_NOT_POLICY,      /* well-formed, but some other kind of file */
  POLISI_ERROR_NEWER_FORMAT,    /* written by a newer Polisi */
  POLISI_ERROR_UNSAFE,          /* a DOCTYPE, entity declarations */
  POLISI_ERROR_TOO_LARGE,
  POLISI_ERROR_ENCODING,        /* not UTF-8 */
  POLISI_ERROR_INVALID,         /* missing or wrong parts */
  POLISI_ERROR_UNKNOWN_KEY,
  POLISI_ERROR_INVALID_VALUE,
  POLISI_ERROR_IO,
  POLISI_ERROR_CHANGED_ON_DISK, /* someone else changed the file since it was read */
  POLISI_ERROR_READ_ONLY,       /* the file may not be written */
  POLISI_ERROR_HARD_LINKED,     /* the file has other names that a save would split off */
  POLISI_ERROR_BUSY,            /* another Polisi is changing the file */
} PolisiError;

GQuark polisi_error_quark (void);

G_END_DECLS
