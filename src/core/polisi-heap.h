/* polisi-heap.h: a worker thread's heap, grown once
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void polisi_heap_reserve (gsize bytes);

G_END_DECLS
