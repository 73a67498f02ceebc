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
 * Takes items of the work until there are none left.
 */
typedef void (*PolisiParallelFunc) (gpointer data,
                                    gboolean helper);

typedef struct _PolisiParallel PolisiParallel;

PolisiParallel *polisi_parallel_start (PolisiParallelFunc  func,
                                       gpointer            data,
                                       gsize               helper_heap);
guint           polisi_parallel_join  (PolisiParallel     *parallel);
void            polisi_parallel_enter (void);
void            polisi_parallel_leave (void);

G_END_DECLS
