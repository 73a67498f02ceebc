/* polisi-window.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-window.h"

struct _PolisiWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (PolisiWindow, polisi_window, ADW_TYPE_APPLICATION_WINDOW)

static void
polisi_window_class_init (PolisiWindowClass *klass)
{
}

static void
polisi_window_init (PolisiWindow *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Polisi"));
}

PolisiWindow *
polisi_window_new (PolisiApplication *application)
{
  return g_object_new (POLISI_TYPE_WINDOW, "application", application, NULL);
}

void
polisi_window_open_file (PolisiWindow *self,
                         GFile        *file)
{
}
