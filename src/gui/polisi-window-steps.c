/* polisi-window-steps.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's steps (see polisi-window-private.h): a sidebar of steps
 * (polisi-step-list, each step a PolisiStep of polisi-steps), the page of
 * the current one, made when first shown, and the check that runs a
 * moment after each change and sets the state of every step.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-assembler.h"
#include "polisi-checker.h"
#include "polisi-dates.h"
#include "polisi-finish-page.h"
#include "polisi-organisation-page.h"
#include "polisi-section-page.h"
#include "polisi-steps.h"
#include "polisi-window-actions.h"
#include "polisi-window-private.h"

#define CHECK_DELAY_MS 400

/* Steps (polisi-step-list) ------------------------------------------------- */

static guint
n_steps (PolisiWindow *self)
{
  return polisi_step_list_get_n_steps (self->steps);
}

guint
_polisi_window_step_named (PolisiWindow *self,
                           const char   *name)
{
  return polisi_step_list_find_own (self->steps, name);
}

/**
 * polisi_window_check_now:
 *
 * Runs the checker and updates the steps' states and the findings list.
 */
void
polisi_window_check_now (PolisiWindow *self)
{
  g_autoptr(GPtrArray) findings = NULL;
  GDate today;

  g_return_if_fail (POLISI_IS_WINDOW (self));

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->policy == NULL)
    return;

  polisi_date_set_today (&today);
  findings = polisi_check (self->policy, polisi_context_get_library (self->context),
                           polisi_context_get_legislation (self->context), &today);
  polisi_step_list_show_findings (self->steps, polisi_context_get_library (self->context), findings);
}

static gboolean
check_timeout (gpointer data)
{
  PolisiWindow *self = data;

  self->check_id = 0;
  polisi_window_check_now (self);
  return G_SOURCE_REMOVE;
}

void
_polisi_window_schedule_check (PolisiWindow *self)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (CHECK_DELAY_MS, check_timeout, self);
}


PolisiExportFlow *
_polisi_window_get_export_flow (PolisiWindow *self)
{
  _polisi_window_get_context (self);
  return self->export_flow;
}

/* The page of a step, made and put in place on the first visit. */
static GtkWidget *
ensure_step_page (PolisiWindow *self,
                  guint         index)
{
  gboolean made;
  GtkWidget *page = polisi_step_list_ensure_page (self->steps, index, &made);

  if (!made)
    return page;
  /* the finish page shows the export choices the export flow holds */
  if (POLISI_IS_FINISH_PAGE (page))
    polisi_finish_page_set_export_flow (POLISI_FINISH_PAGE (page), _polisi_window_get_export_flow (self));
  if (polisi_step_shows_findings (polisi_step_list_get_step (self->steps, index)))
    polisi_window_check_now (self);
  return page;
}

void
polisi_window_go_to_step (PolisiWindow *self,
                          guint         index)
{
  g_autofree char *label = NULL;
  const char *block;

  g_return_if_fail (POLISI_IS_WINDOW (self));
  g_return_if_fail (index < n_steps (self));

  ensure_step_page (self, index);
  self->current_step = index;
  /* a step looked at for the first time: its state is checked again */
  if (polisi_step_list_show (self->steps, index))
    _polisi_window_schedule_check (self);
  /* the preview shows the step's place in the document */
  block = polisi_step_get_preview_block (polisi_step_list_get_step (self->steps, index));
  if (block != NULL)
    polisi_preview_pane_follow (self->preview_pane, block);

  label = g_strdup_printf (_("Step %u of %u"), index + 1, n_steps (self));
  gtk_label_set_label (self->step_label, label);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  polisi_window_actions_update (self);
}

void
_polisi_window_on_step_activated (PolisiWindow  *self,
                                  GtkListBoxRow *row)
{
  polisi_window_go_to_step (self, gtk_list_box_row_get_index (row));
}

void
_polisi_window_on_back_to_steps (PolisiWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Following a finding, or a step's request, to its place. */
static void
on_step_go_to (PolisiWindow *self,
               const char   *clause_id,
               const char   *placeholder,
               int           lang,
               int           kind,
               PolisiStep   *from)
{
  guint index = polisi_step_list_find_finding (self->steps, polisi_context_get_library (self->context), kind, clause_id);
  PolisiStep *step = polisi_step_list_get_step (self->steps, index);

  polisi_window_go_to_step (self, index);
  polisi_step_reveal (step, clause_id, placeholder, lang);
  if (clause_id != NULL && polisi_step_get_section (step) != NULL)
    polisi_preview_pane_follow (self->preview_pane, clause_id);
}

/* The section steps share one spell checker, made when first needed. */
static PolisiSpellChecker *
get_spell_checker (gpointer data)
{
  PolisiWindow *self = data;

  if (self->spell_checker == NULL)
    self->spell_checker = polisi_spell_checker_new (polisi_context_get_library (self->context));
  return self->spell_checker;
}

void
_polisi_window_build_steps (PolisiWindow *self,
                            gboolean      existing)
{
  g_autoptr(GPtrArray) steps = polisi_steps_new (self->policy, self->context, get_spell_checker, self);

  /* an existing policy has been through every step before */
  polisi_step_list_set_steps (self->steps, steps, existing);
  for (guint i = 0; i < steps->len; i++)
    g_signal_connect_object (steps->pdata[i], "go-to", G_CALLBACK (on_step_go_to), self, G_CONNECT_SWAPPED);
  polisi_window_go_to_step (self, 0);
}

/* The steps, for the actions and the tests ---------------------------------- */

guint
polisi_window_get_n_steps (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), 0);
  return n_steps (self);
}

guint
polisi_window_get_step (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), 0);
  return self->current_step;
}

int
polisi_window_get_step_state (PolisiWindow *self,
                              guint         index)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), POLISI_STEP_NOT_STARTED);
  g_return_val_if_fail (index < n_steps (self), POLISI_STEP_NOT_STARTED);
  return polisi_step_list_get_state (self->steps, index);
}

PolisiClauseEditor *
polisi_window_get_clause_editor (PolisiWindow *self,
                                 const char   *clause_id)
{
  const char *section;
  guint index;

  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);

  section = polisi_assemble_section_of (polisi_context_get_library (self->context), clause_id);
  if (section == NULL || (index = polisi_step_list_find_section (self->steps, section)) == G_MAXUINT)
    return NULL;
  return polisi_section_page_get_editor (POLISI_SECTION_PAGE (ensure_step_page (self, index)), clause_id);
}

PolisiOrganisationPage *
polisi_window_get_organisation_page (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return POLISI_ORGANISATION_PAGE (ensure_step_page (self, _polisi_window_step_named (self, "organisation")));
}

PolisiFinishPage *
polisi_window_get_finish_page (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return POLISI_FINISH_PAGE (ensure_step_page (self, _polisi_window_step_named (self, "finish")));
}

/* The page of a step, made if it was not yet. */
GtkWidget *
polisi_window_get_step_page (PolisiWindow *self,
                             guint         index)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  g_return_val_if_fail (index < n_steps (self), NULL);

  return ensure_step_page (self, index);
}

/**
 * polisi_window_find_step:
 * @name: "organisation", "review", "consultation", "finish" (the
 *   window's own steps), or a section's id
 *
 * Returns: the index of the step, or G_MAXUINT
 */
guint
polisi_window_find_step (PolisiWindow *self,
                         const char   *name)
{
  guint index;

  g_return_val_if_fail (POLISI_IS_WINDOW (self), G_MAXUINT);

  /* the steps of the window first: the library has a section "review" */
  index = _polisi_window_step_named (self, name);
  return index != G_MAXUINT ? index : polisi_step_list_find_section (self->steps, name);
}

/* The help page (help/C/PAGE.page) for what the window shows. */
const char *
polisi_window_get_help_page (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), "index");

  if (self->policy == NULL || n_steps (self) == 0)
    return "index";
  return polisi_step_get_help_page (polisi_step_list_get_step (self->steps, self->current_step));
}
