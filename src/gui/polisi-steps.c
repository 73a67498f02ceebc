/* polisi-steps.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The steps of the wizard (PolisiStep), each a small class that knows its
 * title, its help page, the page it makes, and the findings fixed on it:
 * the organisation, one step per section of the library, the review and
 * versions, the consultation, and checking and exporting.
 * polisi_steps_new() lists them in order; a new step is a class here and a
 * line in that list, and the window does not change.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-consultation-page.h"
#include "polisi-finish-page.h"
#include "polisi-organisation-page.h"
#include "polisi-review-page.h"
#include "polisi-section-page.h"
#include "polisi-preview.h"
#include "polisi-steps.h"

/* What every step holds: the policy, the context, and its page once made. */
typedef struct {
  PolisiPolicy  *policy;
  PolisiContext *context;
  GtkWidget     *page;
} StepCommon;

static void
step_common_init (StepCommon    *common,
                  PolisiPolicy  *policy,
                  PolisiContext *context)
{
  common->policy = g_object_ref (policy);
  common->context = g_object_ref (context);
}

static void
step_common_clear (StepCommon *common)
{
  g_clear_object (&common->page);
  g_clear_object (&common->policy);
  g_clear_object (&common->context);
}

static void
step_common_set_page (StepCommon *common,
                      GtkWidget  *page)
{
  common->page = g_object_ref_sink (page);
}

/* The organisation --------------------------------------------------------- */

struct _PolisiOrganisationStep
{
  GObject     parent_instance;
  StepCommon  common;
};

static void organisation_step_iface_init (PolisiStepInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PolisiOrganisationStep, polisi_organisation_step, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (POLISI_TYPE_STEP, organisation_step_iface_init))

static void
polisi_organisation_step_dispose (GObject *object)
{
  step_common_clear (&POLISI_ORGANISATION_STEP (object)->common);
  G_OBJECT_CLASS (polisi_organisation_step_parent_class)->dispose (object);
}

static void
polisi_organisation_step_class_init (PolisiOrganisationStepClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = polisi_organisation_step_dispose;
}

static void
polisi_organisation_step_init (PolisiOrganisationStep *self)
{
}

static const char *
organisation_get_preview_block (PolisiStep *step)
{
  /* the names and answers show first on the title page */
  return POLISI_PREVIEW_FIRST_PAGE;
}

static const char *
organisation_get_name (PolisiStep *step)
{
  return "organisation";
}

static char *
organisation_get_title (PolisiStep *step)
{
  return g_strdup (_("Organisation"));
}

static const char *
organisation_get_help_page (PolisiStep *step)
{
  return "start-policy";
}

static GtkWidget *
organisation_get_page (PolisiStep *step)
{
  return POLISI_ORGANISATION_STEP (step)->common.page;
}

static void
organisation_create_page (PolisiStep *step)
{
  StepCommon *common = &POLISI_ORGANISATION_STEP (step)->common;

  step_common_set_page (common, GTK_WIDGET (polisi_organisation_page_new (common->policy, common->context)));
}

/* names and answers are given here */
static gboolean
organisation_owns_finding_kind (PolisiStep        *step,
                                PolisiFindingKind  kind)
{
  return kind == POLISI_FINDING_MISSING_NAME || kind == POLISI_FINDING_UNFILLED_PLACEHOLDER ||
         kind == POLISI_FINDING_PENDING_DATE;
}

static void
organisation_reveal (PolisiStep *step,
                     const char *clause_id,
                     const char *placeholder,
                     int         lang)
{
  polisi_organisation_page_focus_answer (POLISI_ORGANISATION_PAGE (organisation_get_page (step)), placeholder, lang);
}

static void
organisation_step_iface_init (PolisiStepInterface *iface)
{
  iface->get_name = organisation_get_name;
  iface->get_preview_block = organisation_get_preview_block;
  iface->get_title = organisation_get_title;
  iface->get_help_page = organisation_get_help_page;
  iface->get_page = organisation_get_page;
  iface->create_page = organisation_create_page;
  iface->owns_finding_kind = organisation_owns_finding_kind;
  iface->reveal = organisation_reveal;
}

PolisiStep *
polisi_organisation_step_new (PolisiPolicy  *policy,
                              PolisiContext *context)
{
  PolisiOrganisationStep *self = g_object_new (POLISI_TYPE_ORGANISATION_STEP, NULL);

  step_common_init (&self->common, policy, context);
  return POLISI_STEP (self);
}

/* A section of the library ------------------------------------------------- */

struct _PolisiSectionStep
{
  GObject                 parent_instance;
  StepCommon              common;
  PolisiSection          *section;
  PolisiSpellCheckerFunc  spell_checker;
  gpointer                spell_checker_data;
};

static void section_step_iface_init (PolisiStepInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PolisiSectionStep, polisi_section_step, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (POLISI_TYPE_STEP, section_step_iface_init))

static void
polisi_section_step_dispose (GObject *object)
{
  PolisiSectionStep *self = POLISI_SECTION_STEP (object);

  step_common_clear (&self->common);
  g_clear_object (&self->section);
  G_OBJECT_CLASS (polisi_section_step_parent_class)->dispose (object);
}

static void
polisi_section_step_class_init (PolisiSectionStepClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = polisi_section_step_dispose;
}

static void
polisi_section_step_init (PolisiSectionStep *self)
{
}

static const char *
section_get_name (PolisiStep *step)
{
  return polisi_section_get_id (POLISI_SECTION_STEP (step)->section);
}

static char *
section_get_title (PolisiStep *step)
{
  PolisiSectionStep *self = POLISI_SECTION_STEP (step);

  return g_strdup (polisi_section_get_title (self->section, polisi_context_get_interface_language (self->common.context)));
}

static const char *
section_get_help_page (PolisiStep *step)
{
  return "clauses";
}

static PolisiSection *
section_get_section (PolisiStep *step)
{
  return POLISI_SECTION_STEP (step)->section;
}

static GtkWidget *
section_get_page (PolisiStep *step)
{
  return POLISI_SECTION_STEP (step)->common.page;
}

static void
section_create_page (PolisiStep *step)
{
  PolisiSectionStep *self = POLISI_SECTION_STEP (step);

  step_common_set_page (&self->common,
                        GTK_WIDGET (polisi_section_page_new (self->section, self->common.policy, self->common.context,
                                                             self->spell_checker (self->spell_checker_data))));
}

static void
section_reveal (PolisiStep *step,
                const char *clause_id,
                const char *placeholder,
                int         lang)
{
  PolisiClauseEditor *editor;

  if (clause_id == NULL)
    return;
  editor = polisi_section_page_get_editor (POLISI_SECTION_PAGE (section_get_page (step)), clause_id);
  if (editor != NULL)
    polisi_clause_editor_reveal (editor, lang);
}

static void
section_step_iface_init (PolisiStepInterface *iface)
{
  iface->get_name = section_get_name;
  iface->get_title = section_get_title;
  iface->get_help_page = section_get_help_page;
  iface->get_section = section_get_section;
  iface->get_page = section_get_page;
  iface->create_page = section_create_page;
  iface->reveal = section_reveal;
}

PolisiStep *
polisi_section_step_new (PolisiPolicy           *policy,
                         PolisiContext          *context,
                         PolisiSection          *section,
                         PolisiSpellCheckerFunc  spell_checker,
                         gpointer                user_data)
{
  PolisiSectionStep *self = g_object_new (POLISI_TYPE_SECTION_STEP, NULL);

  g_return_val_if_fail (spell_checker != NULL, POLISI_STEP (self));

  step_common_init (&self->common, policy, context);
  self->section = g_object_ref (section);
  self->spell_checker = spell_checker;
  self->spell_checker_data = user_data;
  return POLISI_STEP (self);
}

/* Review and versions ---------------------------------------------------------- */

struct _PolisiReviewStep
{
  GObject     parent_instance;
  StepCommon  common;
};

static void review_step_iface_init (PolisiStepInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PolisiReviewStep, polisi_review_step, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (POLISI_TYPE_STEP, review_step_iface_init))

static void
polisi_review_step_dispose (GObject *object)
{
  step_common_clear (&POLISI_REVIEW_STEP (object)->common);
  G_OBJECT_CLASS (polisi_review_step_parent_class)->dispose (object);
}

static void
polisi_review_step_class_init (PolisiReviewStepClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = polisi_review_step_dispose;
}

static void
polisi_review_step_init (PolisiReviewStep *self)
{
}

static const char *
review_get_preview_block (PolisiStep *step)
{
  /* the version history */
  return "history";
}

static const char *
review_get_name (PolisiStep *step)
{
  return "review";
}

static char *
review_get_title (PolisiStep *step)
{
  return g_strdup (_("Review and Versions"));
}

static const char *
review_get_help_page (PolisiStep *step)
{
  return "review";
}

static GtkWidget *
review_get_page (PolisiStep *step)
{
  return POLISI_REVIEW_STEP (step)->common.page;
}

/* From an out-of-date name to its clause. */
static void
on_review_go_to_clause (PolisiStep       *step,
                        const char       *clause_id,
                        int               lang,
                        PolisiReviewPage *page)
{
  polisi_step_emit_go_to (step, clause_id, NULL, lang, POLISI_FINDING_OUTDATED_LEGISLATION);
}

static void
on_review_go_to_finding (PolisiStep       *step,
                         const char       *clause_id,
                         const char       *placeholder,
                         int               lang,
                         int               kind,
                         PolisiReviewPage *page)
{
  polisi_step_emit_go_to (step, clause_id, placeholder, lang, kind);
}

static void
review_create_page (PolisiStep *step)
{
  StepCommon *common = &POLISI_REVIEW_STEP (step)->common;

  step_common_set_page (common, GTK_WIDGET (polisi_review_page_new (common->policy, common->context)));
  g_signal_connect_object (common->page, "go-to-clause", G_CALLBACK (on_review_go_to_clause), step, G_CONNECT_SWAPPED);
  /* what blocks an adoption, chosen in the adoption dialog */
  g_signal_connect_object (common->page, "go-to-finding", G_CALLBACK (on_review_go_to_finding), step, G_CONNECT_SWAPPED);
}

/* the review date, the versions and the model clauses' updates */
static gboolean
review_owns_finding_kind (PolisiStep        *step,
                          PolisiFindingKind  kind)
{
  return kind == POLISI_FINDING_REVIEW_OVERDUE || kind == POLISI_FINDING_REVIEW_DUE ||
         kind == POLISI_FINDING_LIBRARY_UPDATED || kind == POLISI_FINDING_NO_PENDING_SUMMARY;
}

static void
review_step_iface_init (PolisiStepInterface *iface)
{
  iface->get_name = review_get_name;
  iface->get_preview_block = review_get_preview_block;
  iface->get_title = review_get_title;
  iface->get_help_page = review_get_help_page;
  iface->get_page = review_get_page;
  iface->create_page = review_create_page;
  iface->owns_finding_kind = review_owns_finding_kind;
}

PolisiStep *
polisi_review_step_new (PolisiPolicy  *policy,
                        PolisiContext *context)
{
  PolisiReviewStep *self = g_object_new (POLISI_TYPE_REVIEW_STEP, NULL);

  step_common_init (&self->common, policy, context);
  return POLISI_STEP (self);
}

/* Consultation -------------------------------------------------------------- */

struct _PolisiConsultationStep
{
  GObject     parent_instance;
  StepCommon  common;
};

static void consultation_step_iface_init (PolisiStepInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PolisiConsultationStep, polisi_consultation_step, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (POLISI_TYPE_STEP, consultation_step_iface_init))

static void
polisi_consultation_step_dispose (GObject *object)
{
  step_common_clear (&POLISI_CONSULTATION_STEP (object)->common);
  G_OBJECT_CLASS (polisi_consultation_step_parent_class)->dispose (object);
}

static void
polisi_consultation_step_class_init (PolisiConsultationStepClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = polisi_consultation_step_dispose;
}

static void
polisi_consultation_step_init (PolisiConsultationStep *self)
{
}

static const char *
consultation_get_preview_block (PolisiStep *step)
{
  /* the appendix of comments and responses */
  return "comments";
}

static const char *
consultation_get_name (PolisiStep *step)
{
  return "consultation";
}

static char *
consultation_get_title (PolisiStep *step)
{
  return g_strdup (_("Consultation"));
}

static const char *
consultation_get_help_page (PolisiStep *step)
{
  return "consultation";
}

static GtkWidget *
consultation_get_page (PolisiStep *step)
{
  return POLISI_CONSULTATION_STEP (step)->common.page;
}

static void
consultation_create_page (PolisiStep *step)
{
  StepCommon *common = &POLISI_CONSULTATION_STEP (step)->common;

  step_common_set_page (common, GTK_WIDGET (polisi_consultation_page_new (common->policy, common->context)));
}

static gboolean
consultation_owns_finding_kind (PolisiStep        *step,
                                PolisiFindingKind  kind)
{
  return kind == POLISI_FINDING_NO_CLOSING_DATE;
}

/* Complete when the closing date is given and, during a consultation,
 * every comment on the version consulted on has its response. */
static gboolean
consultation_is_complete (PolisiStep *step,
                          GPtrArray  *findings,
                          gboolean    has_own_findings)
{
  StepCommon *common = &POLISI_CONSULTATION_STEP (step)->common;
  g_autoptr(GPtrArray) comments = NULL;

  if (has_own_findings)
    return FALSE;
  if (polisi_policy_get_status (common->policy) != POLISI_STATUS_CONSULTATION)
    return TRUE;
  comments = polisi_policy_list_comments (common->policy, NULL, NULL);
  for (guint i = 0; i < comments->len; i++)
    if (((PolisiComment *) comments->pdata[i])->response == NULL)
      return FALSE;
  return TRUE;
}

static void
consultation_step_iface_init (PolisiStepInterface *iface)
{
  iface->get_name = consultation_get_name;
  iface->get_preview_block = consultation_get_preview_block;
  iface->get_title = consultation_get_title;
  iface->get_help_page = consultation_get_help_page;
  iface->get_page = consultation_get_page;
  iface->create_page = consultation_create_page;
  iface->owns_finding_kind = consultation_owns_finding_kind;
  iface->is_complete = consultation_is_complete;
}

PolisiStep *
polisi_consultation_step_new (PolisiPolicy  *policy,
                              PolisiContext *context)
{
  PolisiConsultationStep *self = g_object_new (POLISI_TYPE_CONSULTATION_STEP, NULL);

  step_common_init (&self->common, policy, context);
  return POLISI_STEP (self);
}

/* Check and export ----------------------------------------------------------- */

struct _PolisiFinishStep
{
  GObject     parent_instance;
  StepCommon  common;
};

static void finish_step_iface_init (PolisiStepInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PolisiFinishStep, polisi_finish_step, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (POLISI_TYPE_STEP, finish_step_iface_init))

static void
polisi_finish_step_dispose (GObject *object)
{
  step_common_clear (&POLISI_FINISH_STEP (object)->common);
  G_OBJECT_CLASS (polisi_finish_step_parent_class)->dispose (object);
}

static void
polisi_finish_step_class_init (PolisiFinishStepClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = polisi_finish_step_dispose;
}

static void
polisi_finish_step_init (PolisiFinishStep *self)
{
}

static const char *
finish_get_name (PolisiStep *step)
{
  return "finish";
}

static char *
finish_get_title (PolisiStep *step)
{
  return g_strdup (_("Check and Export"));
}

static const char *
finish_get_help_page (PolisiStep *step)
{
  return "export";
}

static GtkWidget *
finish_get_page (PolisiStep *step)
{
  return POLISI_FINISH_STEP (step)->common.page;
}

static void
on_finish_go_to (PolisiStep       *step,
                 const char       *clause_id,
                 const char       *placeholder,
                 int               lang,
                 int               kind,
                 PolisiFinishPage *page)
{
  polisi_step_emit_go_to (step, clause_id, placeholder, lang, kind);
}

static void
finish_create_page (PolisiStep *step)
{
  StepCommon *common = &POLISI_FINISH_STEP (step)->common;
  PolisiFinishPage *page = polisi_finish_page_new ();

  /* the export choices it shows are the window's export flow's, which
   * starts them from the preferences (polisi_finish_page_set_export_flow()) */
  step_common_set_page (common, GTK_WIDGET (page));
  g_signal_connect_object (page, "go-to", G_CALLBACK (on_finish_go_to), step, G_CONNECT_SWAPPED);
}

/* complete when nothing must be fixed, wherever it is */
static gboolean
finish_is_complete (PolisiStep *step,
                    GPtrArray  *findings,
                    gboolean    has_own_findings)
{
  return polisi_check_count (findings, POLISI_SEVERITY_ERROR) == 0;
}

static void
finish_show_findings (PolisiStep *step,
                      GPtrArray  *findings)
{
  StepCommon *common = &POLISI_FINISH_STEP (step)->common;

  polisi_finish_page_set_findings (POLISI_FINISH_PAGE (common->page), findings,
                                   polisi_context_get_library (common->context));
}

static void
finish_step_iface_init (PolisiStepInterface *iface)
{
  iface->get_name = finish_get_name;
  iface->get_title = finish_get_title;
  iface->get_help_page = finish_get_help_page;
  iface->get_page = finish_get_page;
  iface->create_page = finish_create_page;
  iface->is_complete = finish_is_complete;
  iface->show_findings = finish_show_findings;
}

PolisiStep *
polisi_finish_step_new (PolisiPolicy  *policy,
                        PolisiContext *context)
{
  PolisiFinishStep *self = g_object_new (POLISI_TYPE_FINISH_STEP, NULL);

  step_common_init (&self->common, policy, context);
  return POLISI_STEP (self);
}

/* The list --------------------------------------------------------------------- */

/**
 * polisi_steps_new:
 * @spell_checker: gives the spell checker the section steps share
 *
 * The steps of the wizard for @policy, in order.
 *
 * Returns: (transfer container) (element-type PolisiStep): the steps
 */
GPtrArray *
polisi_steps_new (PolisiPolicy           *policy,
                  PolisiContext          *context,
                  PolisiSpellCheckerFunc  spell_checker,
                  gpointer                user_data)
{
  PolisiLibrary *library = polisi_context_get_library (context);
  GPtrArray *steps = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (steps, polisi_organisation_step_new (policy, context));
  for (guint i = 0; i < polisi_library_get_n_sections (library); i++)
    g_ptr_array_add (steps, polisi_section_step_new (policy, context, polisi_library_get_section (library, i),
                                                     spell_checker, user_data));
  g_ptr_array_add (steps, polisi_review_step_new (policy, context));
  g_ptr_array_add (steps, polisi_consultation_step_new (policy, context));
  g_ptr_array_add (steps, polisi_finish_step_new (policy, context));
  return steps;
}
