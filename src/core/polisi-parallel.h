/* polisi-parallel.h: a piece of work shared with a second thread
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PolisiParallelFunc:
 * @data: the work, shared by both threads
 * @helper: %TRUE in the second thread
 *
 * Takes items of the work until there are none left (each thread takes the
 * next from a common counter: polisi_parallel_next()).
 */
typedef void (*PolisiParallelFunc) (gpointer data,
                                    gboolean helper);

guint polisi_parallel_run  (PolisiParallelFunc  func,
                            gpointer            data,
                            gsize               helper_heap);
guint polisi_parallel_next (int                *counter);
void  polisi_parallel_enter (void);
void  polisi_parallel_leave (void);

G_END_DECLS
