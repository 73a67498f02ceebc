/* polisi-parallel.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A few pieces of work are long, made of items independent of each other,
 * and wait for nothing but the processor: laying out the paragraphs of a
 * long document. polisi_parallel_start() starts, on a machine with more
 * than one processor, a second thread for such a piece; the caller does
 * its own share alongside it (the work decides how its items are shared,
 * and when there are none left) and polisi_parallel_join() waits for the
 * second thread, so the caller then has every item done and nothing
 * running behind it. The caller decides whether the work is long enough
 * to pay for starting a thread (a few hundred microseconds).
 *
 * Where the program already keeps every processor busy with threads of
 * its own (a batch's workers, one per processor), a second thread would
 * only take turns with them and cost its start: such threads say so with
 * polisi_parallel_enter() and polisi_parallel_leave(), and
 * polisi_parallel_start() starts a second thread only while a processor is
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

struct _PolisiParallel {
  Helper   helper;
  GThread *thread;
};

/**
 * polisi_parallel_start:
 *
 * Starts @func (@data, %TRUE) in a second thread, when a processor is left
 * for it. The caller does its own share when it is ready, then calls
 * polisi_parallel_join().
 *
 * Returns: (nullable): the second thread, or %NULL when there is none
 */
PolisiParallel *
polisi_parallel_start (PolisiParallelFunc func,
                       gpointer           data,
                       gsize              helper_heap)
{
  PolisiParallel *parallel;

  if (g_atomic_int_add (&busy_threads, 1) + 2 > (int) g_get_num_processors ())
    {
      g_atomic_int_add (&busy_threads, -1);
      return NULL;
    }
  parallel = g_new0 (PolisiParallel, 1);
  parallel->helper = (Helper) { func, data, helper_heap };
  parallel->thread = g_thread_try_new ("polisi-helper", run_helper, &parallel->helper, NULL);
  if (parallel->thread == NULL)
    {
      g_atomic_int_add (&busy_threads, -1);
      g_free (parallel);
      return NULL;
    }
  return parallel;
}

/**
 * polisi_parallel_join:
 * @parallel: (transfer full) (nullable): what polisi_parallel_start() returned
 *
 * Waits for the second thread to finish.
 *
 * Returns: the threads that did the work: 2, or 1 when there was no second
 */
guint
polisi_parallel_join (PolisiParallel *parallel)
{
  if (parallel == NULL)
    return 1;
  g_thread_join (parallel->thread);
  g_atomic_int_add (&busy_threads, -1);
  g_free (parallel);
  return 2;
}
