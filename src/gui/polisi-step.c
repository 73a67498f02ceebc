/* polisi-step.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A step of the wizard, as the window sees it: its name, its title in the
 * sidebar, its help page, the page it shows (made on the first visit), the
 * findings of the checker that are fixed on it, whether it is complete,
 * and how to take the user to a finding on it. The window keeps a list of
 * steps (polisi-steps) and never asks which kind a step is: adding a step
 * is a class in polisi-steps.c and a line in its list.
 *
 * A step asks the window to go somewhere with the "go-to" signal, as the
 * findings list and the review page's out-of-date names do.
 */
#include "config.h"

#include "polisi-step.h"

G_DEFINE_INTERFACE (PolisiStep, polisi_step, G_TYPE_OBJECT)

enum {
  GO_TO,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static PolisiSection *
default_get_section (PolisiStep *self)
{
  return NULL;
}

/* the start of the step's section, if it has one */
static const char *
default_get_preview_block (PolisiStep *self)
{
  PolisiSection *section = polisi_step_get_section (self);

  return section != NULL ? polisi_section_get_id (section) : NULL;
}

static gboolean
default_owns_finding_kind (PolisiStep        *self,
                           PolisiFindingKind  kind)
{
  return FALSE;
}

static gboolean
default_is_complete (PolisiStep *self,
                     GPtrArray  *findings,
                     gboolean    has_own_findings)
{
  return !has_own_findings;
}

static void
default_reveal (PolisiStep *self,
                const char *clause_id,
                const char *placeholder,
                int         lang)
{
}

static void
polisi_step_default_init (PolisiStepInterface *iface)
{
  iface->get_section = default_get_section;
  iface->get_preview_block = default_get_preview_block;
  iface->owns_finding_kind = default_owns_finding_kind;
  iface->is_complete = default_is_complete;
  iface->reveal = default_reveal;

  /**
   * PolisiStep::go-to:
   * @clause_id: (nullable): the clause to show
   * @placeholder: (nullable): the answer to show
   * @lang: the language, or -1
   * @kind: the kind of finding (a #PolisiFindingKind)
   *
   * The step asks to show a place: a finding, or a clause.
   */
  signals[GO_TO] = g_signal_new ("go-to", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT);
}

const char *
polisi_step_get_name (PolisiStep *self)
{
  g_return_val_if_fail (POLISI_IS_STEP (self), NULL);
  return POLISI_STEP_GET_IFACE (self)->get_name (self);
}

char *
polisi_step_get_title (PolisiStep *self)
{
  g_return_val_if_fail (POLISI_IS_STEP (self), NULL);
  return POLISI_STEP_GET_IFACE (self)->get_title (self);
}

const char *
polisi_step_get_help_page (PolisiStep *self)
{
  g_return_val_if_fail (POLISI_IS_STEP (self), NULL);
  return POLISI_STEP_GET_IFACE (self)->get_help_page (self);
}

/**
 * polisi_step_get_preview_block:
 *
 * Where the preview goes when the step is shown: the id of a block of the
 * document (the start of the step's section by default), or
 * %POLISI_PREVIEW_FIRST_PAGE.
 *
 * Returns: (nullable): a block id, or %NULL to leave the preview where it is
 */
const char *
polisi_step_get_preview_block (PolisiStep *self)
{
  g_return_val_if_fail (POLISI_IS_STEP (self), NULL);
  return POLISI_STEP_GET_IFACE (self)->get_preview_block (self);
}

/**
 * polisi_step_get_section:
 *
 * Returns: (transfer none) (nullable): the section of the library the step
 *   shows, or %NULL for a step of the window's own
 */
PolisiSection *
polisi_step_get_section (PolisiStep *self)
{
  g_return_val_if_fail (POLISI_IS_STEP (self), NULL);
  return POLISI_STEP_GET_IFACE (self)->get_section (self);
}

/**
 * polisi_step_get_page:
 *
 * Returns: (transfer none) (nullable): the page, if it was made
 */
GtkWidget *
polisi_step_get_page (PolisiStep *self)
{
  g_return_val_if_fail (POLISI_IS_STEP (self), NULL);
  return POLISI_STEP_GET_IFACE (self)->get_page (self);
}

/**
 * polisi_step_ensure_page:
 *
 * Returns: (transfer none): the page, made now if it was not yet
 */
GtkWidget *
polisi_step_ensure_page (PolisiStep *self)
{
  GtkWidget *page;

  g_return_val_if_fail (POLISI_IS_STEP (self), NULL);

  page = polisi_step_get_page (self);
  if (page == NULL)
    {
      POLISI_STEP_GET_IFACE (self)->create_page (self);
      page = polisi_step_get_page (self);
    }
  return page;
}

gboolean
polisi_step_owns_finding_kind (PolisiStep        *self,
                               PolisiFindingKind  kind)
{
  g_return_val_if_fail (POLISI_IS_STEP (self), FALSE);
  return POLISI_STEP_GET_IFACE (self)->owns_finding_kind (self, kind);
}

/**
 * polisi_step_is_complete:
 * @findings: everything the checker found
 * @has_own_findings: whether a finding to fix is on this step
 *
 * Whether the step needs no attention: by default, when nothing to fix is
 * on it.
 */
gboolean
polisi_step_is_complete (PolisiStep *self,
                         GPtrArray  *findings,
                         gboolean    has_own_findings)
{
  g_return_val_if_fail (POLISI_IS_STEP (self), FALSE);
  return POLISI_STEP_GET_IFACE (self)->is_complete (self, findings, has_own_findings);
}

/* Whether the step lists the checker's findings (the window then checks
 * as soon as its page is made). */
gboolean
polisi_step_shows_findings (PolisiStep *self)
{
  g_return_val_if_fail (POLISI_IS_STEP (self), FALSE);
  return POLISI_STEP_GET_IFACE (self)->show_findings != NULL;
}

void
polisi_step_show_findings (PolisiStep *self,
                           GPtrArray  *findings)
{
  g_return_if_fail (POLISI_IS_STEP (self));
  if (POLISI_STEP_GET_IFACE (self)->show_findings != NULL && polisi_step_get_page (self) != NULL)
    POLISI_STEP_GET_IFACE (self)->show_findings (self, findings);
}

/* Shows the place of a finding on the step's page, which is made. */
void
polisi_step_reveal (PolisiStep *self,
                    const char *clause_id,
                    const char *placeholder,
                    int         lang)
{
  g_return_if_fail (POLISI_IS_STEP (self));
  polisi_step_ensure_page (self);
  POLISI_STEP_GET_IFACE (self)->reveal (self, clause_id, placeholder, lang);
}

void
polisi_step_emit_go_to (PolisiStep        *self,
                        const char        *clause_id,
                        const char        *placeholder,
                        int                lang,
                        PolisiFindingKind  kind)
{
  g_return_if_fail (POLISI_IS_STEP (self));
  g_signal_emit (self, signals[GO_TO], 0, clause_id, placeholder, lang, (int) kind);
}
