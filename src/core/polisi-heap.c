/* polisi-heap.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * glibc gives each thread that allocates its own arena, a heap it makes
 * readable a page at a time as it grows: one mprotect() system call for
 * each few kilobytes. A thread that builds the clause library allocates
 * about 4 MB, so it made a thousand such calls, about a tenth of what
 * `polisi --check` cost. A worker thread that will allocate much calls
 * polisi_heap_reserve() first: its heap is grown in a few steps and given
 * back at once (the memory is not kept), and growing it again later within
 * that size needs no system call. Elsewhere it does nothing.
 */
#include "config.h"

#include <stdlib.h>

#include "polisi-heap.h"

/* Below glibc's threshold for allocating by mmap() (128 KiB to begin
 * with), so that each block comes from the thread's heap. */
#define STEP (120 * 1024)

/**
 * polisi_heap_reserve:
 * @bytes: about how much the calling thread will allocate
 *
 * Grows the calling thread's heap to @bytes in a few steps, and frees what
 * it took: see above.
 */
void
polisi_heap_reserve (gsize bytes)
{
#ifdef __GLIBC__
  gsize n = MIN (bytes / STEP + 1, 256);
  g_autofree void **blocks = g_new (void *, n);

  for (gsize i = 0; i < n; i++)
    blocks[i] = malloc (STEP);
  /* the lowest first: the blocks join one another and then the top of
   * the heap in one piece, which is given back in one call */
  for (gsize i = 0; i < n; i++)
    free (blocks[i]);
#endif
}
