/* polisi-step.h: what every step of the wizard is, for the window
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "polisi-checker.h"
#include "polisi-section.h"

G_BEGIN_DECLS

#define POLISI_TYPE_STEP (polisi_step_get_type ())

G_DECLARE_INTERFACE (PolisiStep, polisi_step, POLISI, STEP, GObject)

struct _PolisiStepInterface
{
  GTypeInterface parent_iface;

  /* what the step shows */
  const char    *(*get_name)          (PolisiStep          *self);
  char          *(*get_title)         (PolisiStep          *self);
  const char    *(*get_help_page)     (PolisiStep          *self);
  PolisiSection *(*get_section)       (PolisiStep          *self);
  const char    *(*get_preview_block) (PolisiStep          *self);   /* where the preview goes */
  GtkWidget     *(*get_page)          (PolisiStep          *self);
  void           (*create_page)       (PolisiStep          *self);   /* keeps it for get_page() */

  /* what it checks: the findings fixed on this step */
  gboolean       (*owns_finding_kind) (PolisiStep          *self,
                                       PolisiFindingKind    kind);
  gboolean       (*is_complete)       (PolisiStep          *self,
                                       GPtrArray           *findings,
                                       gboolean             has_own_findings);
  void           (*show_findings)     (PolisiStep          *self,
                                       GPtrArray           *findings);
  void           (*reveal)            (PolisiStep          *self,
                                       const char          *clause_id,
                                       const char          *placeholder,
                                       int                  lang);
};

const char    *polisi_step_get_name          (PolisiStep        *self);
char          *polisi_step_get_title         (PolisiStep        *self);
const char    *polisi_step_get_help_page     (PolisiStep        *self);
PolisiSection *polisi_step_get_section       (PolisiStep        *self);
const char    *polisi_step_get_preview_block (PolisiStep        *self);
GtkWidget     *polisi_step_get_page          (PolisiStep        *self);
GtkWidget     *polisi_step_ensure_page       (PolisiStep        *self);
gboolean       polisi_step_owns_finding_kind (PolisiStep        *self,
                                              PolisiFindingKind  kind);
gboolean       polisi_step_is_complete       (PolisiStep        *self,
                                              GPtrArray         *findings,
                                              gboolean           has_own_findings);
gboolean       polisi_step_shows_findings    (PolisiStep        *self);
void           polisi_step_show_findings     (PolisiStep        *self,
                                              GPtrArray         *findings);
void           polisi_step_reveal            (PolisiStep        *self,
                                              const char        *clause_id,
                                              const char        *placeholder,
                                              int                lang);
void           polisi_step_emit_go_to        (PolisiStep        *self,
                                              const char        *clause_id,
                                              const char        *placeholder,
                                              int                lang,
                                              PolisiFindingKind  kind);

G_END_DECLS
