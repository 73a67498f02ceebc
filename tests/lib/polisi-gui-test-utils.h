/* polisi-gui-test-utils.h: shared by the widget tests
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-application.h"
#include "polisi-window.h"

G_BEGIN_DECLS

PolisiApplication *polisi_gui_test_new_app           (void);
void              polisi_gui_test_pump               (guint              milliseconds);
void              polisi_gui_test_wait_for           (const gboolean    *flag,
                                                      guint              timeout_ms);
gulong            polisi_gui_test_watch_recovery     (PolisiWindow      *window,
                                                      gboolean          *recovered);
void              polisi_gui_test_wait_for_recovery  (PolisiWindow      *window,
                                                      gulong             handler,
                                                      gboolean          *recovered);
void              polisi_gui_test_recover            (PolisiWindow      *window,
                                                      const char        *id);
void              polisi_gui_test_append_text        (GtkTextBuffer     *buffer,
                                                      const char        *text);
PolisiWindow     *polisi_gui_test_new_window         (PolisiApplication *app);
void              polisi_gui_test_destroy_window     (PolisiWindow      *window);
GtkWidget        *polisi_gui_test_find_child         (GtkWidget         *widget,
                                                      GType              type,
                                                      guint              skip);
gpointer          polisi_gui_test_nth_child          (GtkWidget         *widget,
                                                      GType              type,
                                                      guint              n);
GtkWidget        *polisi_gui_test_find_button        (GtkWidget         *widget,
                                                      const char        *label);
AdwMessageDialog *polisi_gui_test_find_message_dialog (void);
AdwMessageDialog *polisi_gui_test_find_dialog_with_heading (const char *heading);
gboolean          polisi_gui_test_open_file          (PolisiWindow      *window,
                                                      GFile             *file);

G_END_DECLS
