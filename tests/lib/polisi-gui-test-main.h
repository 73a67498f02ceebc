/* polisi-gui-test-main.h: the start and end every small widget test shares
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Include once, in a test program: it defines the application the tests
 * use (app), and POLISI_GUI_TEST_MAIN (ADD_TESTS), the program's main(),
 * which gives the tests a data folder of their own (the recovery copies)
 * and the application, calls ADD_TESTS () and runs them.
 */
#pragma once

#include <adwaita.h>

#include "polisi-application.h"
#include "polisi-gui-test-utils.h"
#include "polisi-test-utils.h"

static PolisiApplication *app;

#define POLISI_GUI_TEST_MAIN(add_tests)                                         \
int                                                                             \
main (int   argc,                                                               \
      char *argv[])                                                             \
{                                                                               \
  g_autofree char *data_home = polisi_test_make_temp_dir ();                    \
  int status;                                                                   \
                                                                                \
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);                                  \
  gtk_test_init (&argc, &argv, NULL);                                           \
  adw_init ();                                                                  \
  app = polisi_application_new ();                                              \
  g_application_register (G_APPLICATION (app), NULL, NULL);                     \
  add_tests ();                                                                 \
  status = g_test_run ();                                                       \
  g_clear_object (&app);                                                        \
  polisi_test_remove_tree (data_home);                                          \
  return status;                                                                \
}
