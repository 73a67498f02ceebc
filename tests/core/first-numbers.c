/* first-numbers.c: a helper of test-context
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   first-numbers init|no-init N
 *
 * Starts N processes in which two threads read their first number at the
 * same moment, as the command line's two threads read the library and the
 * policy, with or without polisi_core_init() first, and prints how many
 * processes had a valid number refused. This program reads no number
 * before it starts them: each starts as a fresh program does.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "polisi-context.h"

static volatile int go;

static gpointer
read_number (gpointer data)
{
  guint64 number;

  g_atomic_int_inc ((int *) data);
  while (!g_atomic_int_get (&go))
    ;
  return GINT_TO_POINTER (g_ascii_string_to_unsigned ("12", 10, 0, 100, &number, NULL));
}

int
main (int   argc,
      char *argv[])
{
  gboolean init = argc > 2 && strcmp (argv[1], "init") == 0;
  int n = argc > 2 ? atoi (argv[2]) : 0;
  int refused = 0;

  for (int i = 0; i < n; i++)
    {
      pid_t pid = fork ();
      int status;

      if (pid < 0)
        return 2;
      if (pid == 0)
        {
          int ready = 0;
          guint64 number;
          GThread *other;
          gboolean ok;

          if (init)
            polisi_core_init ();
          other = g_thread_new ("first-numbers", read_number, &ready);
          while (!g_atomic_int_get (&ready))
            ;
          g_atomic_int_set (&go, 1);
          ok = g_ascii_string_to_unsigned ("1", 10, 1, G_MAXUINT32, &number, NULL);
          ok &= GPOINTER_TO_INT (g_thread_join (other));
          _exit (ok ? 0 : 1);
        }
      if (waitpid (pid, &status, 0) != pid || !WIFEXITED (status))
        return 2;
      refused += WEXITSTATUS (status) != 0;
    }
  printf ("%d\n", refused);
  return 0;
}
