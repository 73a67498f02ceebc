/* polisi-parallel.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A few pieces of work are long, made of items independent of each other,
 * and wait for nothing but the processor: laying out the paragraphs of a
 * long document, finishing the pages of its PDF. polisi_parallel_run()
 * does such a piece in the calling thread and, on a machine with more
 * than one processor, in a second thread started for it, both taking the
 * next item from a common counter until none is left; it returns when
 * both have finished, so the caller then has every item done and nothing
 * running behind it. The caller decides whether the work is long enough
 * to pay for starting a thread (a few hundred microseconds).
 *
 * Where the program already keeps every processor busy with threads of
 * its own (a batch's workers, one per processor), a second thread would
 * only take turns with them and cost its start: such threads say so with
 * polisi_parallel_enter() and polisi_parallel_leave(), and
 * polisi_parallel_run() starts a second thread only while a processor is
 * left for it (counting the second threads already running).
 */
#include "config.h"

#include "polisi-heap.h"
#include "polisi-parallel.h"

/* threads keeping a processor busy: the workers that said so, and the
 * second threads running */
static int busy_threads;

typedef struct {
  PolisiParallelFunc func;
  gpointer           data;
  gsize              heap;
} Helper;

static gpointer
run_helper (gpointer user_data)
{
  Helper *helper = user_data;

  if (helper->heap > 0)
    polisi_heap_reserve (helper->heap);
  helper->func (helper->data, TRUE);
  return NULL;
}

/**
 * polisi_parallel_run:
 * @func: does items of the work until none is left
 * @data: the work
 * @helper_heap: about how much the second thread will allocate
 *   (polisi_heap_reserve()), or 0
 *
 * Runs @func in this thread and, if a processor is free for it, in a
 * second thread at the same time; returns when both have returned.
 *
 * Returns: how many threads ran @func: 2, or 1 when no processor was free
 *   (one processor, or all busy: polisi_parallel_enter()) or no thread
 *   could be started
 */
guint
polisi_parallel_run (PolisiParallelFunc func,
                     gpointer           data,
                     gsize              helper_heap)
{
  Helper helper = { func, data, helper_heap };
  GThread *thread = NULL;

  /* this thread's processor and one more */
  if (g_atomic_int_add (&busy_threads, 1) + 2 <= (int) g_get_num_processors ())
    thread = g_thread_try_new ("polisi-helper", run_helper, &helper, NULL);
  if (thread == NULL)
    g_atomic_int_add (&busy_threads, -1);
  func (data, FALSE);
  if (thread == NULL)
    return 1;
  g_thread_join (thread);
  g_atomic_int_add (&busy_threads, -1);
  return 2;
}

/**
 * polisi_parallel_enter:
 *
 * Says that the calling thread will keep a processor busy until
 * polisi_parallel_leave(): one of a batch's workers.
 */
void
polisi_parallel_enter (void)
{
  g_atomic_int_inc (&busy_threads);
}

void
polisi_parallel_leave (void)
{
  g_atomic_int_add (&busy_threads, -1);
}

/**
 * polisi_parallel_next:
 * @counter: the work's counter, 0 to begin with
 *
 * Returns: the index of the next item to do, for whichever thread asks
 */
guint
polisi_parallel_next (int *counter)
{
  return (guint) g_atomic_int_add (counter, 1);
}
