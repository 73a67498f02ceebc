/* polisi-window-private.h: what the window's own files share
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is one class in three files, each on one of its tasks:
 * polisi-window.c (the policy it shows, the preview, its life cycle),
 * polisi-window-steps.c (the steps: building them, going to one, the
 * check that sets their state) and polisi-window-files.c (opening,
 * saving, exporting, comparing, importing, recovering and closing, which
 * it hands to its flows, and files dropped on it). Only those files
 * include this header.
 */
#pragma once

#include "polisi-compare-flow.h"
#include "polisi-disk-bar.h"
#include "polisi-export-flow.h"
#include "polisi-import-flow.h"
#include "polisi-preview-pane.h"
#include "polisi-preview.h"
#include "polisi-recovery-flow.h"
#include "polisi-save-flow.h"
#include "polisi-session.h"
#include "polisi-spell-checker.h"
#include "polisi-step-list.h"
#include "polisi-toasts.h"
#include "polisi-welcome-view.h"
#include "polisi-window.h"

G_BEGIN_DECLS

struct _PolisiWindow
{
  AdwApplicationWindow  parent_instance;

  PolisiContext        *context;
  PolisiSpellChecker   *spell_checker;
  GSettings            *settings;
  PolisiSession        *session;
  PolisiPolicy         *policy;        /* the session's, as the steps were built for it */
  guint                 check_id;
  gulong                changed_id;
  PolisiStepList       *steps;
  guint                 current_step;
  PolisiToasts         *toasts;        /* those on show (polisi-toasts) */
  GCancellable         *open_cancellable;  /* the file being opened */
  PolisiPreviewPane    *preview_pane;

  PolisiSaveFlow       *save_flow;
  PolisiExportFlow     *export_flow;   /* these four made with the context */
  PolisiCompareFlow    *compare_flow;
  PolisiImportFlow     *import_flow;
  PolisiRecoveryFlow   *recovery_flow;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  PolisiWelcomeView    *welcome_view;
  AdwLeaflet           *leaflet;
  GtkListBox           *steps_list;
  AdwWindowTitle       *window_title;
  PolisiDiskBar        *disk_bar;
  GtkToggleButton      *preview_button;
  GtkPaned             *paned;
  GtkStack             *steps_stack;
  GtkLabel             *step_label;
  GtkWidget            *preview_box;
  GtkDropDown          *preview_layout;
  GMenuModel           *primary_menu;
  GtkMenuButton        *welcome_menu_button;
  GtkMenuButton        *sidebar_menu_button;
  GtkMenuButton        *content_menu_button;
  PolisiPreview        *preview;
};

void              _polisi_window_build_steps         (PolisiWindow  *self,
                                                      gboolean       existing);
PolisiContext *   _polisi_window_get_context         (PolisiWindow  *self);
PolisiExportFlow *_polisi_window_get_export_flow     (PolisiWindow  *self);
void              _polisi_window_on_back_to_steps    (PolisiWindow  *self);
gboolean          _polisi_window_on_drop             (GtkDropTarget *target,
                                                      const GValue  *value,
                                                      double         x,
                                                      double         y,
                                                      PolisiWindow  *self);
void              _polisi_window_on_imported         (PolisiWindow  *self);
void              _polisi_window_on_recovered        (PolisiWindow  *self);
void              _polisi_window_on_step_activated   (PolisiWindow  *self,
                                                      GtkListBoxRow *row);
gboolean          _polisi_window_close_request       (GtkWindow     *window);
void              _polisi_window_schedule_check      (PolisiWindow  *self);
void              _polisi_window_show_error          (PolisiWindow  *self,
                                                      const char    *heading,
                                                      const char    *message);
void              _polisi_window_show_session_policy (PolisiWindow  *self,
                                                      gboolean       existing);
void              _polisi_window_show_toast          (PolisiWindow  *self,
                                                      const char    *title);
guint             _polisi_window_step_named          (PolisiWindow  *self,
                                                      const char    *name);

G_END_DECLS
