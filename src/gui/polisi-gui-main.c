/* polisi-gui-main.c: the window's half of the polisi program
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The polisi program starts without GTK: a command (--check, --export,
 * --batch) needs no display, and mapping GTK, libadwaita and the libraries
 * they bring is most of what a command's start would otherwise cost. The
 * program loads this module (polisi-window.so) only when the window is
 * wanted. The module holds the interface alone; the core, export, import
 * and command-line code it calls are the program's own (exported from
 * it), so that every GObject type is registered once.
 */
#include "config.h"

#include "polisi-application.h"

G_MODULE_EXPORT int polisi_gui_main (int    argc,
                                     char **argv);

/**
 * polisi_gui_main:
 *
 * Runs the application with the command line the program was given, after
 * the program has found that it asks for the window.
 *
 * Returns: the exit status
 */
G_MODULE_EXPORT int
polisi_gui_main (int    argc,
                 char **argv)
{
  g_autoptr(PolisiApplication) app = polisi_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
