/* test-parallel.c: work shared with a second thread
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "polisi-parallel.h"

#define N_ITEMS 20000

typedef struct {
  int      next;
  int      done[N_ITEMS];      /* how many times each item was done */
  GThread *threads[N_ITEMS];   /* which thread did it */
  int      helper_items;
} Work;

static void
do_items (gpointer data,
          gboolean helper)
{
  Work *work = data;

  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&work->next, 1);

      if (i >= N_ITEMS)
        break;
      g_atomic_int_inc (&work->done[i]);
      work->threads[i] = g_thread_self ();
      if (helper)
        g_atomic_int_inc (&work->helper_items);
      /* now and then a pause, so that both threads take items */
      if (i % 500 == 0)
        g_usleep (100);
    }
}

/* The second thread and the caller share the work; once joined, every
 * item is done once. */
static guint
run (Work *work)
{
  PolisiParallel *helper = polisi_parallel_start (do_items, work, 1024 * 1024);

  do_items (work, FALSE);
  return polisi_parallel_join (helper);
}

/* Every item is done once, by one of two threads where there are two
 * processors. */
static void
test_every_item_once (void)
{
  g_autofree Work *work = g_new0 (Work, 1);
  guint n_threads = run (work);

  g_assert_cmpuint (n_threads, ==, g_get_num_processors () > 1 ? 2 : 1);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_assert_cmpint (work->done[i], ==, 1);
      if (n_threads == 1)
        g_assert_true (work->threads[i] == g_thread_self ());
    }
  if (n_threads == 1)
    g_assert_cmpint (work->helper_items, ==, 0);
  /* the counter went past the end once for each thread */
  g_assert_cmpint (work->next, ==, N_ITEMS + (int) n_threads);
}

/* Where every processor is kept busy already (a batch's workers), no
 * second thread is started; once they leave, it is again. */
static void
test_busy_processors (void)
{
  guint n_processors = g_get_num_processors ();
  g_autofree Work *work = g_new0 (Work, 1);

  for (guint i = 0; i < n_processors; i++)
    polisi_parallel_enter ();
  g_assert_null (polisi_parallel_start (do_items, work, 0));
  g_assert_cmpuint (run (work), ==, 1);
  for (guint i = 0; i < N_ITEMS; i++)
    g_assert_true (work->threads[i] == g_thread_self ());
  g_assert_cmpint (work->helper_items, ==, 0);
  for (guint i = 0; i < n_processors; i++)
    polisi_parallel_leave ();

  memset (work, 0, sizeof *work);
  g_assert_cmpuint (run (work), ==, n_processors > 1 ? 2 : 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parallel/every-item-once", test_every_item_once);
  g_test_add_func ("/parallel/busy-processors", test_busy_processors);

  return g_test_run ();
}
