/* polisi-steps.h: the steps of the wizard, in order
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "polisi-context.h"
#include "polisi-policy.h"
#include "polisi-spell-checker.h"
#include "polisi-step.h"

G_BEGIN_DECLS

/* The spell checker the section steps share, made when first needed. */
typedef PolisiSpellChecker *(*PolisiSpellCheckerFunc) (gpointer user_data);

#define POLISI_TYPE_ORGANISATION_STEP (polisi_organisation_step_get_type ())
G_DECLARE_FINAL_TYPE (PolisiOrganisationStep, polisi_organisation_step, POLISI, ORGANISATION_STEP, GObject)
#define POLISI_TYPE_SECTION_STEP (polisi_section_step_get_type ())
G_DECLARE_FINAL_TYPE (PolisiSectionStep, polisi_section_step, POLISI, SECTION_STEP, GObject)
#define POLISI_TYPE_REVIEW_STEP (polisi_review_step_get_type ())
G_DECLARE_FINAL_TYPE (PolisiReviewStep, polisi_review_step, POLISI, REVIEW_STEP, GObject)
#define POLISI_TYPE_CONSULTATION_STEP (polisi_consultation_step_get_type ())
G_DECLARE_FINAL_TYPE (PolisiConsultationStep, polisi_consultation_step, POLISI, CONSULTATION_STEP, GObject)
#define POLISI_TYPE_FINISH_STEP (polisi_finish_step_get_type ())
G_DECLARE_FINAL_TYPE (PolisiFinishStep, polisi_finish_step, POLISI, FINISH_STEP, GObject)

PolisiStep *polisi_organisation_step_new (PolisiPolicy           *policy,
                                          PolisiContext          *context);
PolisiStep *polisi_section_step_new      (PolisiPolicy           *policy,
                                          PolisiContext          *context,
                                          PolisiSection          *section,
                                          PolisiSpellCheckerFunc  spell_checker,
                                          gpointer                user_data);
PolisiStep *polisi_review_step_new       (PolisiPolicy           *policy,
                                          PolisiContext          *context);
PolisiStep *polisi_consultation_step_new (PolisiPolicy           *policy,
                                          PolisiContext          *context);
PolisiStep *polisi_finish_step_new       (PolisiPolicy           *policy,
                                          PolisiContext          *context);

GPtrArray  *polisi_steps_new             (PolisiPolicy           *policy,
                                          PolisiContext          *context,
                                          PolisiSpellCheckerFunc  spell_checker,
                                          gpointer                user_data);

G_END_DECLS
