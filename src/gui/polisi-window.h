/* polisi-window.h
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-application.h"
#include "polisi-clause-editor.h"
#include "polisi-export.h"
#include "polisi-compare-flow.h"
#include "polisi-export-flow.h"
#include "polisi-import-flow.h"
#include "polisi-recovery-flow.h"
#include "polisi-save-flow.h"
#include "polisi-finish-page.h"
#include "polisi-organisation-page.h"
#include "polisi-policy.h"
#include "polisi-preview.h"
#include "polisi-session.h"
#include "polisi-step-list.h"
#include "polisi-returned-draft.h"

G_BEGIN_DECLS

#define POLISI_TYPE_WINDOW (polisi_window_get_type ())

G_DECLARE_FINAL_TYPE (PolisiWindow, polisi_window, POLISI, WINDOW, AdwApplicationWindow)

PolisiWindow       *polisi_window_new                  (PolisiApplication *application);
void                polisi_window_new_policy           (PolisiWindow      *self);
void                polisi_window_open_file            (PolisiWindow      *self,
                                                        GFile             *file);
void                polisi_window_reload               (PolisiWindow      *self);
void                polisi_window_open_file_async      (PolisiWindow        *self,
                                                        GFile               *file,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean            polisi_window_open_file_finish     (PolisiWindow      *self,
                                                        GAsyncResult      *result,
                                                        GError           **error);
gboolean            polisi_window_is_blank             (PolisiWindow      *self);
PolisiPolicy       *polisi_window_get_policy           (PolisiWindow      *self);
GFile              *polisi_window_get_file             (PolisiWindow      *self);
gboolean            polisi_window_get_modified         (PolisiWindow      *self);
PolisiSession      *polisi_window_get_session          (PolisiWindow      *self);
gboolean            polisi_window_save_to_file         (PolisiWindow      *self,
                                                        GFile             *file,
                                                        GError           **error);
gboolean            polisi_window_export_to_file       (PolisiWindow      *self,
                                                        GFile             *file,
                                                        PolisiFormat       format,
                                                        PolisiLayout       layout,
                                                        gboolean           final,
                                                        gboolean           english_first,
                                                        GError           **error);
guint               polisi_window_get_n_steps          (PolisiWindow      *self);
guint               polisi_window_get_step             (PolisiWindow      *self);
void                polisi_window_go_to_step           (PolisiWindow      *self,
                                                        guint              step);
int                 polisi_window_get_step_state       (PolisiWindow      *self,
                                                        guint              step);
PolisiClauseEditor *polisi_window_get_clause_editor    (PolisiWindow      *self,
                                                        const char        *clause_id);
PolisiOrganisationPage *polisi_window_get_organisation_page (PolisiWindow *self);
PolisiFinishPage   *polisi_window_get_finish_page      (PolisiWindow      *self);
PolisiPreview      *polisi_window_get_preview          (PolisiWindow      *self);
PolisiSaveFlow     *polisi_window_get_save_flow        (PolisiWindow      *self);
PolisiExportFlow   *polisi_window_get_export_flow      (PolisiWindow      *self);
PolisiCompareFlow  *polisi_window_get_compare_flow     (PolisiWindow      *self);
PolisiImportFlow   *polisi_window_get_import_flow      (PolisiWindow      *self);
PolisiRecoveryFlow *polisi_window_get_recovery_flow    (PolisiWindow      *self);
gboolean            polisi_window_get_preview_visible  (PolisiWindow      *self);
void                polisi_window_set_preview_visible  (PolisiWindow      *self,
                                                        gboolean           visible);
const char         *polisi_window_get_recovery_id      (PolisiWindow      *self);
void                polisi_window_recover_copy         (PolisiWindow      *self,
                                                        const char        *id);
void                polisi_window_refresh_welcome      (PolisiWindow      *self);
const char         *polisi_window_get_help_page        (PolisiWindow      *self);
void                polisi_window_check_now            (PolisiWindow      *self);
guint               polisi_window_get_n_toasts         (PolisiWindow      *self);
void                polisi_window_dismiss_toasts       (PolisiWindow      *self);
void                polisi_window_dismiss_review_toast (PolisiWindow      *self);
gboolean            polisi_window_export_comparison    (PolisiWindow      *self,
                                                        PolisiPolicy      *old_policy,
                                                        GFile             *file,
                                                        PolisiFormat       format,
                                                        gboolean           tracked,
                                                        GError           **error);
GtkWidget          *polisi_window_ask_comparison       (PolisiWindow      *self,
                                                        PolisiPolicy      *old_policy,
                                                        GFile             *old_file);
gboolean            polisi_window_import_comments      (PolisiWindow      *self,
                                                        GFile             *file,
                                                        guint             *n_added,
                                                        GError           **error);
gboolean            polisi_window_import_returned_draft (PolisiWindow               *self,
                                                         GFile                      *file,
                                                         PolisiReturnedImportFlags   flags,
                                                         guint                      *n_added,
                                                         GError                    **error);
GtkWidget          *polisi_window_ask_earlier_version  (PolisiWindow      *self,
                                                        GFile             *file,
                                                        const char        *message);
GtkWidget          *polisi_window_get_step_page        (PolisiWindow      *self,
                                                        guint              step);
guint               polisi_window_find_step            (PolisiWindow      *self,
                                                        const char        *name);


G_END_DECLS
