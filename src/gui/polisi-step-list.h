/* polisi-step-list.h: the wizard's steps as the window shows them: the sidebar rows, the pages, their states
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-checker.h"
#include "polisi-step.h"

G_BEGIN_DECLS

/* States of a step in the sidebar. */
enum {
  POLISI_STEP_NOT_STARTED,
  POLISI_STEP_DONE,
  POLISI_STEP_NEEDS_ATTENTION,
};

#define POLISI_TYPE_STEP_LIST (polisi_step_list_get_type ())

G_DECLARE_FINAL_TYPE (PolisiStepList, polisi_step_list, POLISI, STEP_LIST, GObject)

PolisiStepList *polisi_step_list_new              (GtkListBox       *rows,
                                                   GtkStack         *pages);
void            polisi_step_list_set_steps        (PolisiStepList   *self,
                                                   GPtrArray        *steps,
                                                   gboolean          visited);
guint           polisi_step_list_get_n_steps      (PolisiStepList   *self);
PolisiStep     *polisi_step_list_get_step         (PolisiStepList   *self,
                                                   guint             index);
int             polisi_step_list_get_state        (PolisiStepList   *self,
                                                   guint             index);
GtkWidget      *polisi_step_list_ensure_page      (PolisiStepList   *self,
                                                   guint             index,
                                                   gboolean         *made);
gboolean        polisi_step_list_show             (PolisiStepList   *self,
                                                   guint             index);
guint           polisi_step_list_find_own         (PolisiStepList   *self,
                                                   const char       *name);
guint           polisi_step_list_find_section     (PolisiStepList   *self,
                                                   const char       *section_id);
guint           polisi_step_list_find_finding     (PolisiStepList   *self,
                                                   PolisiLibrary    *library,
                                                   PolisiFindingKind kind,
                                                   const char       *clause_id);
void            polisi_step_list_show_findings    (PolisiStepList   *self,
                                                   PolisiLibrary    *library,
                                                   GPtrArray        *findings);

G_END_DECLS
