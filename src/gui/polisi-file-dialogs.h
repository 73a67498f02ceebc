/* polisi-file-dialogs.h: what the window's flows share about files
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-session.h"

G_BEGIN_DECLS

char                 *polisi_file_dialogs_display_name   (PolisiSession *session);
char                 *polisi_file_dialogs_suggested_name (PolisiSession *session,
                                                          const char    *suffix);
GtkFileFilter        *polisi_file_dialogs_policy_filter  (void);
GtkFileChooserNative *polisi_file_dialogs_new_chooser    (GtkWindow            *parent,
                                                          GSettings            *settings,
                                                          const char           *title,
                                                          GtkFileChooserAction  action,
                                                          const char           *accept_label,
                                                          GtkFileFilter        *filter);
void                  polisi_file_dialogs_remember_folder (GSettings    *settings,
                                                           GFile        *file);
void                  polisi_file_dialogs_remember_file  (GSettings     *settings,
                                                          GFile         *file);
AdwToast             *polisi_file_dialogs_exported_toast (GFile         *file);

G_END_DECLS
