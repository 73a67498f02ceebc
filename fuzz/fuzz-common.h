/* fuzz-common.h: what every harness shares
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdlib.h>

#include <glib.h>

/* A critical or a warning reached from a file is a bug. They abort, not
 * trap: g_log_set_always_fatal() stops the process with SIGTRAP, which
 * libFuzzer does not catch, so the input would be lost. With an abort,
 * libFuzzer keeps the input as a crash. */
static GLogWriterOutput
polisi_fuzz_log_writer (GLogLevelFlags   level,
                        const GLogField *fields,
                        gsize            n_fields,
                        gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_standard_streams (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return output;
}

static inline void
polisi_fuzz_make_warnings_fatal (void)
{
  static gboolean done;

  if (!done)
    {
      g_log_set_writer_func (polisi_fuzz_log_writer, NULL, NULL);
      done = TRUE;
    }
}
