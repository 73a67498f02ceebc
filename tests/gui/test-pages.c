/* test-pages.c: the step pages as a head teacher meets them, under Xvfb
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "polisi-application.h"
#include "polisi-clause-editor.h"
#include "polisi-consultation-page.h"
#include "polisi-context.h"
#include "polisi-date-row.h"
#include "polisi-gui-test-utils.h"
#include "polisi-library-update.h"
#include "polisi-organisation-page.h"
#include "polisi-review-page.h"
#include "polisi-section-page.h"
#include "polisi-spell-checker.h"
#include "polisi-test-utils.h"
#include "polisi-window.h"

static PolisiApplication *app;
static char *data_home;

static PolisiWindow *
new_policy_window (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);

  polisi_window_new_policy (window);
  polisi_gui_test_pump (20);
  return window;
}

/* The width a label asks for to show its whole text on one line, and the
 * width it was given: a label shown whole is given what it needs, or
 * wraps. */
static void
assert_label_whole (GtkWidget  *widget,
                    const char *text)
{
  GtkWidget *child;

  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));

      g_assert_true (gtk_widget_get_mapped (widget));
      g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (widget)), ==, PANGO_ELLIPSIZE_NONE);
      g_assert_false (pango_layout_is_ellipsized (layout));
      g_assert_cmpstr (pango_layout_get_text (layout), ==, text);
      return;
    }
  for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    assert_label_whole (child, text);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  GtkWidget *child;

  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* The language categories are shown whole at the window's smallest width,
 * and chosen through the page's action as by a click. */
static void
test_language_category (void)
{
  PolisiWindow *window = new_policy_window ();
  PolisiPolicy *policy = polisi_window_get_policy (window);
  PolisiOrganisationPage *page = polisi_window_get_organisation_page (window);
  const PolisiLanguageCategory categories[] = {
    POLISI_LANGUAGE_CATEGORY_WELSH, POLISI_LANGUAGE_CATEGORY_DUAL,
    POLISI_LANGUAGE_CATEGORY_ENGLISH_PARTLY_WELSH, POLISI_LANGUAGE_CATEGORY_ENGLISH,
  };

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  polisi_gui_test_pump (200);

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      const char *label = polisi_language_category_get_label (categories[i]);

      g_assert_true (has_label (GTK_WIDGET (page), label));
      assert_label_whole (GTK_WIDGET (page), label);
    }

  g_assert_true (gtk_check_button_get_active (polisi_organisation_page_get_category_check (page, polisi_policy_get_language_category (policy))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.set-language-category", "s", "primarily-welsh"));
  g_assert_cmpint (polisi_policy_get_language_category (policy), ==, POLISI_LANGUAGE_CATEGORY_WELSH);
  g_assert_true (gtk_check_button_get_active (polisi_organisation_page_get_category_check (page, POLISI_LANGUAGE_CATEGORY_WELSH)));
  g_assert_false (gtk_check_button_get_active (polisi_organisation_page_get_category_check (page, POLISI_LANGUAGE_CATEGORY_DUAL)));
  g_assert_true (polisi_window_get_modified (window));

  /* outside Wales: the wording for England follows */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.set-language-category", "s", "english"));
  g_assert_cmpint (polisi_policy_get_language_category (policy), ==, POLISI_LANGUAGE_CATEGORY_ENGLISH);
  g_assert_cmpint (polisi_policy_get_nation (policy), ==, POLISI_NATION_ENGLAND);

  polisi_gui_test_destroy_window (window);
}

/* The closing date: typed in either language or as numbers, or picked in
 * the calendar, and shown as the interface writes dates. */
static void
test_date_row (void)
{
  PolisiWindow *window = new_policy_window ();
  PolisiPolicy *policy = polisi_window_get_policy (window);
  guint step = polisi_window_find_step (window, "consultation");
  PolisiConsultationPage *page;
  PolisiDateRow *row;
  g_autoptr(GDateTime) picked = NULL;

  polisi_window_go_to_step (window, step);
  page = POLISI_CONSULTATION_PAGE (polisi_window_get_step_page (window, step));
  polisi_gui_test_pump (20);
  polisi_consultation_page_set_consultation (page, TRUE);
  row = POLISI_DATE_ROW (polisi_gui_test_find_child (GTK_WIDGET (page), POLISI_TYPE_DATE_ROW, 0));
  g_assert_nonnull (row);
  g_assert_null (polisi_policy_get_closing_date (policy));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  /* typed as a head teacher writes it, in Welsh */
  gtk_editable_set_text (GTK_EDITABLE (row), "31 Mawrth 2027");
  g_assert_cmpstr (polisi_policy_get_closing_date (policy), ==, "2027-03-31");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  /* left as typed while typing; written out as the interface writes dates after */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "31 Mawrth 2027");
  g_signal_emit_by_name (row, "entry-activated");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "31 March 2027");

  /* day first, as numbers */
  gtk_editable_set_text (GTK_EDITABLE (row), "15/4/2027");
  g_assert_cmpstr (polisi_policy_get_closing_date (policy), ==, "2027-04-15");

  /* what is not a date is not taken, and says so */
  gtk_editable_set_text (GTK_EDITABLE (row), "next Friday");
  g_assert_null (polisi_policy_get_closing_date (policy));
  g_assert_false (polisi_date_row_get_valid (row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  /* the calendar opens on the date shown, or today; a day picked is taken */
  polisi_date_row_pick_day (row, "2027-05-20");
  polisi_gui_test_pump (50);
  g_assert_cmpstr (polisi_policy_get_closing_date (policy), ==, "2027-05-20");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "20 May 2027");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  picked = gtk_calendar_get_date (polisi_date_row_get_calendar (row));
  g_assert_cmpint (g_date_time_get_year (picked), ==, 2027);
  g_assert_cmpint (g_date_time_get_month (picked), ==, 5);
  g_assert_cmpint (g_date_time_get_day_of_month (picked), ==, 20);

  /* a date set from elsewhere (a file, the command line) shows the same way */
  polisi_consultation_page_set_closing_date (page, "2027-01-29");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "29 January 2027");
  g_assert_cmpstr (polisi_policy_get_closing_date (policy), ==, "2027-01-29");

  polisi_gui_test_destroy_window (window);
}

static void
fill (PolisiWindow *window,
      const char   *key,
      const char   *text)
{
  GtkEditable *entry = polisi_organisation_page_get_entry (polisi_window_get_organisation_page (window), key);

  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, text);
}

/* A tick means the step is complete by its own check: nothing on it to fix
 * (and, in a new policy, opened). After reopening a file, a step is ticked
 * only where that is true. */
static void
test_ticks (void)
{
  PolisiWindow *window = new_policy_window ();
  PolisiWindow *again;
  PolisiPolicy *policy = polisi_window_get_policy (window);
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "ticks.polisi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint organisation = polisi_window_find_step (window, "organisation");
  guint consultation = polisi_window_find_step (window, "consultation");
  const char *comment;

  g_assert_cmpuint (organisation, ==, 0);
  g_assert_cmpuint (consultation, <, polisi_window_get_n_steps (window));

  /* a new policy: the organisation has no name yet; the steps not opened are not ticked */
  polisi_window_check_now (window);
  g_assert_cmpint (polisi_window_get_step_state (window, organisation), ==, POLISI_STEP_NEEDS_ATTENTION);
  g_assert_cmpint (polisi_window_get_step_state (window, 1), ==, POLISI_STEP_NOT_STARTED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-step", NULL));
  polisi_window_check_now (window);
  g_assert_cmpint (polisi_window_get_step_state (window, 1), ==, POLISI_STEP_DONE);
  g_assert_cmpint (polisi_window_get_step_state (window, 2), ==, POLISI_STEP_NOT_STARTED);

  /* a consultation draft with a comment not yet answered */
  fill (window, "name.cy", "Ysgol Ŵyn");
  fill (window, "name.en", "Wyn School");
  polisi_policy_set_status (policy, POLISI_STATUS_CONSULTATION);
  polisi_policy_set_closing_date (policy, "2027-03-31");
  comment = polisi_policy_add_comment (policy, "scope.people", POLISI_LANG_EN, "NEU", "2027-03-01", "Say who this covers.");
  g_assert_nonnull (comment);
  g_assert_true (polisi_window_save_to_file (window, file, &error));
  g_assert_no_error (error);

  again = polisi_gui_test_new_window (app);
  g_assert_true (polisi_gui_test_open_file (again, file));
  polisi_window_check_now (again);
  /* the answers the clauses need are still to give; the comment waits for its response */
  g_assert_cmpint (polisi_window_get_step_state (again, organisation), ==, POLISI_STEP_NEEDS_ATTENTION);
  g_assert_cmpint (polisi_window_get_step_state (again, consultation), ==, POLISI_STEP_NEEDS_ATTENTION);
  /* a section with nothing to fix, gone through before, keeps its tick */
  g_assert_cmpint (polisi_window_get_step_state (again, 1), ==, POLISI_STEP_DONE);

  /* answered, the step is complete */
  g_assert_true (polisi_policy_set_comment_response (polisi_window_get_policy (again), comment,
                                                     "We have added the list.", "HR", "2027-03-05"));
  polisi_window_check_now (again);
  g_assert_cmpint (polisi_window_get_step_state (again, consultation), ==, POLISI_STEP_DONE);

  polisi_gui_test_destroy_window (again);
  polisi_gui_test_destroy_window (window);
  polisi_test_remove_tree (dir);
}

static int
natural_height (GtkWidget *widget,
                int        width)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
  return natural;
}

/* A clause card is as tall as what it shows: the note that the other
 * language needs an update takes room only while it is shown. */
static void
test_card_size (void)
{
  PolisiWindow *window = new_policy_window ();
  PolisiClauseEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  int plain, with_note;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  polisi_window_go_to_step (window, 1);
  editor = polisi_window_get_clause_editor (window, "purpose.benefits");
  g_assert_nonnull (editor);
  polisi_gui_test_pump (300);
  plain = natural_height (GTK_WIDGET (editor), 600);

  buffer = polisi_clause_editor_get_buffer (editor, POLISI_LANG_EN);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " We review this every year.", -1);
  g_assert_true (polisi_clause_state_get_needs_update (polisi_clause_editor_get_state (editor), POLISI_LANG_CY));
  /* typed on the step shown: the note waits until typing pauses, so that
   * no keystroke waits for the step's layout; typing on puts it off */
  g_assert_false (polisi_clause_editor_is_update_shown (editor, POLISI_LANG_CY));
  polisi_gui_test_pump (300);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " Ŵ", -1);
  polisi_gui_test_pump (300);
  g_assert_false (polisi_clause_editor_is_update_shown (editor, POLISI_LANG_CY));
  polisi_gui_test_pump (500);
  g_assert_true (polisi_clause_editor_is_update_shown (editor, POLISI_LANG_CY));
  polisi_gui_test_pump (400);
  with_note = natural_height (GTK_WIDGET (editor), 600);
  /* the note and its button under the Welsh: more than a line of text taller */
  g_assert_cmpint (with_note, >, plain + 40);

  polisi_clause_state_confirm_translation (polisi_clause_editor_get_state (editor), POLISI_LANG_CY);
  g_assert_false (polisi_clause_editor_is_update_shown (editor, POLISI_LANG_CY));
  polisi_gui_test_pump (600);
  /* the English gained a few words, which may take a line more */
  g_assert_cmpint (natural_height (GTK_WIDGET (editor), 600), <, with_note - 40);

  polisi_gui_test_destroy_window (window);
}

/* A section none of whose clauses the policy has (made before the model
 * clauses gained it) says so and leads to the review. */
static void
test_empty_section (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "secondary-wales.polisi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint step;
  GtkWidget *page;
  GtkWidget *button;

  g_assert_true (polisi_gui_test_open_file (window, file));
  step = polisi_window_find_step (window, "ai");
  g_assert_cmpuint (step, <, polisi_window_get_n_steps (window));
  polisi_window_go_to_step (window, step);
  page = polisi_window_get_step_page (window, step);
  g_assert_null (polisi_gui_test_find_child (page, POLISI_TYPE_CLAUSE_EDITOR, 0));
  g_assert_true (has_label (page, "This policy has none of this section’s clauses: they were added to the model "
                                  "clauses after the policy was made. Add them in Review and Versions."));
  button = polisi_gui_test_find_button (page, "_Review");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (polisi_window_get_step (window), ==, polisi_window_find_step (window, "review"));

  polisi_gui_test_destroy_window (window);
}

/* With no Welsh dictionary, a step of clauses says Welsh is not checked,
 * until the notice is closed; then no page shows it again. */
static void
test_dictionary_notice (void)
{
  static const char *none[] = { "xx_NONE", NULL };
  static const char *english[] = { "en_GB", "en", "en_US", NULL };
  PolisiContext *context = polisi_application_get_context (app);
  PolisiLibrary *library = polisi_context_get_library (context);
  g_autoptr(PolisiSpellChecker) without = polisi_spell_checker_new_full (NULL, none, english);
  g_autoptr(PolisiSpellChecker) with = polisi_spell_checker_new (NULL);
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_WELSH);
  g_autoptr(GSettings) settings = g_settings_new ("cymru.polisi.Polisi");
  PolisiSection *section = polisi_library_get_section (library, 0);
  GtkWidget *window = gtk_window_new ();
  PolisiSectionPage *page, *again;
  GtkWidget *notice;

  g_assert_false (polisi_spell_checker_has_language (without, POLISI_LANG_CY));
  g_settings_reset (settings, "welsh-dictionary-notice-dismissed");

  page = polisi_section_page_new (section, policy, context, without);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  polisi_gui_test_pump (50);
  notice = polisi_section_page_get_dictionary_notice (page);
  g_assert_nonnull (notice);
  g_assert_true (gtk_widget_get_mapped (notice));
  g_assert_true (has_label (notice, "Welsh Text Is Not Spell Checked"));
  g_assert_nonnull (polisi_gui_test_find_button (notice, "_How to Install"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "section.dismiss-dictionary-notice", NULL));
  g_assert_false (gtk_widget_get_visible (notice));
  g_assert_true (g_settings_get_boolean (settings, "welsh-dictionary-notice-dismissed"));

  /* remembered: another page keeps it hidden */
  again = polisi_section_page_new (polisi_library_get_section (library, 1), policy, context, without);
  g_assert_false (gtk_widget_get_visible (polisi_section_page_get_dictionary_notice (again)));
  g_object_ref_sink (again);
  g_object_unref (again);

  /* with a Welsh dictionary (where the computer has one), no notice */
  if (polisi_spell_checker_has_language (with, POLISI_LANG_CY))
    {
      again = polisi_section_page_new (section, policy, context, with);
      g_assert_null (polisi_section_page_get_dictionary_notice (again));
      g_object_ref_sink (again);
      g_object_unref (again);
    }

  g_settings_reset (settings, "welsh-dictionary-notice-dismissed");
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_editors (GtkWidget *widget)
{
  guint n = POLISI_IS_CLAUSE_EDITOR (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_editors (child);
  return n;
}

/* A step of clauses shows its first cards at once and makes the others
 * after it is drawn; asking for any clause's editor makes it at once. */
static void
test_cards_in_slices (void)
{
  PolisiWindow *window = new_policy_window ();
  PolisiPolicy *policy = polisi_window_get_policy (window);
  guint step = polisi_window_find_step (window, "personal-use");
  PolisiSection *section;
  GtkWidget *page;
  guint n_clauses = 0;
  const char *last = NULL;

  polisi_window_go_to_step (window, step);
  page = polisi_window_get_step_page (window, step);
  section = polisi_section_page_get_section (POLISI_SECTION_PAGE (page));
  for (guint c = 0; c < polisi_section_get_n_clauses (section); c++)
    if (polisi_policy_lookup_clause (policy, polisi_clause_get_id (polisi_section_get_clause (section, c))) != NULL)
      {
        n_clauses++;
        last = polisi_clause_get_id (polisi_section_get_clause (section, c));
      }
  g_assert_cmpuint (n_clauses, >, 5);
  g_assert_cmpuint (count_editors (page), ==, 3);

  /* after the step is drawn, every card comes */
  polisi_gui_test_pump (1500);
  g_assert_cmpuint (count_editors (page), ==, n_clauses);

  /* another step, asked for its last clause at once */
  step = polisi_window_find_step (window, "breaches");
  polisi_window_go_to_step (window, step);
  page = polisi_window_get_step_page (window, step);
  section = polisi_section_page_get_section (POLISI_SECTION_PAGE (page));
  last = polisi_clause_get_id (polisi_section_get_clause (section, polisi_section_get_n_clauses (section) - 1));
  if (polisi_policy_lookup_clause (policy, last) != NULL)
    g_assert_nonnull (polisi_window_get_clause_editor (window, last));

  polisi_gui_test_destroy_window (window);
}

/* Whether @clause_id has an update of the model clauses or an old name of
 * an Act: the review step shows those clauses' texts. */
static gboolean
review_shows_clause (PolisiPolicy *policy,
                     const char   *clause_id)
{
  PolisiContext *context = polisi_application_get_context (app);
  g_autoptr(GPtrArray) updates = polisi_library_update_list (policy, polisi_context_get_library (context));
  g_autoptr(GPtrArray) citations = polisi_library_update_list_citations (policy, polisi_context_get_legislation (context));

  for (guint i = 0; i < updates->len; i++)
    if (g_str_equal (((PolisiLibraryUpdate *) updates->pdata[i])->clause_id, clause_id))
      return TRUE;
  for (guint i = 0; i < citations->len; i++)
    if (g_str_equal (((PolisiCitationFix *) citations->pdata[i])->clause_id, clause_id))
      return TRUE;
  return FALSE;
}

static void
show_step (PolisiWindow *window,
           const char   *name)
{
  polisi_window_go_to_step (window, polisi_window_find_step (window, name));
  polisi_gui_test_pump (400);
}

/* Typing in a clause builds nothing again on the steps that do not show
 * it: the organisation step does not work out its questions, the
 * consultation step keeps its rows of comments and proposals, the review
 * step its rows of updates and old names, while typing and when they are
 * shown again. What they do show still follows: a new comment, a proposal
 * taken. */
static void
test_typing_builds_nothing_elsewhere (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "review-due.polisi", NULL);
  g_autofree char *path = g_build_filename (dir, "polisi.polisi", NULL);
  g_autofree char *contents = polisi_test_read_file (source, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PolisiProposal) proposal = NULL;
  PolisiOrganisationPage *organisation;
  PolisiConsultationPage *consultation;
  PolisiReviewPage *review;
  PolisiClauseEditor *editor = NULL;
  PolisiPolicy *policy;
  GtkTextBuffer *response;
  GtkWidget *update_row;
  const char *typed = NULL;
  const char *comment;
  g_autofree char *later = NULL;
  const char *whole;
  GtkWidget *first_row;
  int first_index;
  const char *proposal_id;
  guint questions, consultation_builds, review_builds, n_updates, n_comments;

  polisi_test_write_file (path, contents, -1);
  g_assert_true (polisi_gui_test_open_file (window, file));
  policy = polisi_window_get_policy (window);

  /* a clause the review step does not show, and comments and a proposal
   * on another */
  for (guint i = 0; i < polisi_policy_get_n_clauses (policy) && typed == NULL; i++)
    {
      PolisiClauseState *state = polisi_policy_get_clause (policy, i);

      if (polisi_clause_state_get_included (state) && !polisi_clause_state_get_own (state) &&
          !review_shows_clause (policy, polisi_clause_state_get_id (state)) &&
          i > 0 && polisi_clause_state_get_included (polisi_policy_get_clause (policy, 0)))
        typed = polisi_clause_state_get_id (state);
    }
  g_assert_nonnull (typed);
  polisi_policy_set_status (policy, POLISI_STATUS_CONSULTATION);
  comment = polisi_policy_add_comment (policy, polisi_clause_state_get_id (polisi_policy_get_clause (policy, 0)),
                                       POLISI_LANG_CY, "Undeb", NULL, "Sylw ar ŵyl a ŷd.");
  proposal = polisi_proposal_new (POLISI_PROPOSAL_DELETION, polisi_clause_state_get_id (polisi_policy_get_clause (policy, 0)),
                                  POLISI_LANG_EN, "x", NULL, NULL);
  proposal_id = polisi_policy_add_proposal (policy, proposal);

  /* each step built and shown once */
  show_step (window, "organisation");
  organisation = polisi_window_get_organisation_page (window);
  show_step (window, "consultation");
  consultation = POLISI_CONSULTATION_PAGE (polisi_window_get_step_page (window, polisi_window_find_step (window, "consultation")));
  n_comments = polisi_consultation_page_get_n_comments (consultation);
  g_assert_cmpuint (n_comments, >=, 1);
  g_assert_cmpuint (polisi_consultation_page_get_n_proposals (consultation), ==, 1);
  response = polisi_consultation_page_get_response_buffer (consultation, comment);
  g_assert_nonnull (response);
  show_step (window, "review");
  review = POLISI_REVIEW_PAGE (polisi_window_get_step_page (window, polisi_window_find_step (window, "review")));
  n_updates = polisi_review_page_get_n_updates (review);
  g_assert_cmpuint (n_updates, >, 0);
  update_row = polisi_gui_test_find_child (GTK_WIDGET (review), ADW_TYPE_EXPANDER_ROW, 0);
  g_assert_nonnull (update_row);
  g_object_add_weak_pointer (G_OBJECT (update_row), (gpointer *) &update_row);

  questions = polisi_organisation_page_get_n_question_updates (organisation);
  consultation_builds = polisi_consultation_page_get_n_builds (consultation);
  review_builds = polisi_review_page_get_n_builds (review);

  /* typing in the clause, a keystroke at a time */
  editor = polisi_window_get_clause_editor (window, typed);
  g_assert_nonnull (editor);
  polisi_gui_test_pump (200);
  for (const char *c = " Ŵyl"; *c != '\0'; c = g_utf8_next_char (c))
    {
      char key[8] = { 0 };

      memcpy (key, c, g_utf8_next_char (c) - c);
      polisi_gui_test_append_text (polisi_clause_editor_get_buffer (editor, POLISI_LANG_CY), key);
      polisi_gui_test_pump (30);
    }
  g_assert_true (g_str_has_suffix (polisi_clause_state_get_text (polisi_policy_lookup_clause (policy, typed), POLISI_LANG_CY), " Ŵyl"));
  polisi_gui_test_pump (600);

  g_assert_cmpuint (polisi_organisation_page_get_n_question_updates (organisation), ==, questions);
  g_assert_cmpuint (polisi_consultation_page_get_n_builds (consultation), ==, consultation_builds);
  g_assert_cmpuint (polisi_review_page_get_n_builds (review), ==, review_builds);

  /* shown again: the same rows */
  show_step (window, "review");
  g_assert_cmpuint (polisi_review_page_get_n_builds (review), ==, review_builds);
  g_assert_cmpuint (polisi_review_page_get_n_updates (review), ==, n_updates);
  g_assert_true (update_row == polisi_gui_test_find_child (GTK_WIDGET (review), ADW_TYPE_EXPANDER_ROW, 0));
  show_step (window, "consultation");
  g_assert_cmpuint (polisi_consultation_page_get_n_builds (consultation), ==, consultation_builds);
  g_assert_true (polisi_consultation_page_get_response_buffer (consultation, comment) == response);
  /* the organisation step works its questions out once, when shown */
  show_step (window, "organisation");
  g_assert_cmpuint (polisi_organisation_page_get_n_question_updates (organisation), ==, questions + 1);

  /* what a step shows still follows: a proposal rejected takes its row
   * away, and nothing else; a new comment shows */
  show_step (window, "consultation");
  g_assert_true (polisi_policy_reject_proposal (policy, proposal_id, NULL));
  g_assert_cmpuint (polisi_consultation_page_get_n_proposals (consultation), ==, 0);
  first_row = polisi_consultation_page_get_comment_row (consultation, comment);
  g_assert_nonnull (first_row);
  g_object_add_weak_pointer (G_OBJECT (first_row), (gpointer *) &first_row);
  first_index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (first_row));
  later = g_strdup (polisi_policy_add_comment (policy, typed, POLISI_LANG_EN, "Union", NULL, "Another comment."));
  polisi_gui_test_pump (600);
  g_assert_cmpuint (polisi_consultation_page_get_n_comments (consultation), ==, n_comments + 1);
  /* only the new comment's row is made, after the first clause's: the row
   * already there stays, with the response typed in it */
  g_assert_cmpuint (polisi_consultation_page_get_n_builds (consultation), ==, consultation_builds);
  g_assert_true (polisi_consultation_page_get_comment_row (consultation, comment) == first_row);
  g_assert_true (polisi_consultation_page_get_response_buffer (consultation, comment) == response);
  g_assert_nonnull (polisi_consultation_page_get_comment_row (consultation, later));
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (polisi_consultation_page_get_comment_row (consultation, later))),
                   >, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (first_row)));
  /* a comment on the policy as a whole comes first, before the rows there */
  whole = polisi_policy_add_comment (policy, NULL, POLISI_LANG_CY, "Undeb", NULL, "Sylw ar y polisi cyfan.");
  polisi_gui_test_pump (600);
  g_assert_cmpuint (polisi_consultation_page_get_n_comments (consultation), ==, n_comments + 2);
  g_assert_cmpuint (polisi_consultation_page_get_n_builds (consultation), ==, consultation_builds);
  g_assert_true (polisi_consultation_page_get_comment_row (consultation, comment) == first_row);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (polisi_consultation_page_get_comment_row (consultation, whole))),
                   <, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (first_row)));
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (first_row)), ==, first_index + 1);
  /* a comment removed takes its row away, and nothing else */
  g_assert_true (polisi_policy_remove_comment (policy, later));
  polisi_gui_test_pump (600);
  g_assert_cmpuint (polisi_consultation_page_get_n_comments (consultation), ==, n_comments + 1);
  g_assert_cmpuint (polisi_consultation_page_get_n_builds (consultation), ==, consultation_builds);
  g_assert_null (polisi_consultation_page_get_comment_row (consultation, later));
  g_assert_true (polisi_consultation_page_get_comment_row (consultation, comment) == first_row);
  g_object_remove_weak_pointer (G_OBJECT (first_row), (gpointer *) &first_row);

  g_object_remove_weak_pointer (G_OBJECT (update_row), (gpointer *) &update_row);
  polisi_gui_test_destroy_window (window);
}

/* The interface language is the context's, not the locale's: under the
 * tests' English locale, a context set to Welsh gives pages built from it
 * Welsh section titles, labels and dates. A page is built in its context's
 * language and does not follow a later change: the rest of what it shows
 * is gettext's, whose language is the process's, chosen at start-up (the
 * application sets the context's from it once). */
static void
test_interface_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiContext) context = polisi_context_new_builtin (&error);
  PolisiLibrary *library;
  g_autoptr(PolisiPolicy) policy = NULL;
  PolisiSection *section;
  PolisiSectionPage *section_page;
  PolisiOrganisationPage *organisation_page;
  PolisiConsultationPage *consultation_page;
  PolisiDateRow *row;
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_no_error (error);
  g_assert_cmpint (polisi_interface_lang (), ==, POLISI_LANG_EN);
  polisi_context_set_interface_language (context, POLISI_LANG_CY);
  library = polisi_context_get_library (context);
  policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  polisi_policy_set_closing_date (policy, "2027-03-31");
  section = polisi_library_get_section (library, 0);
  g_assert_cmpstr (polisi_section_get_title (section, POLISI_LANG_CY), !=, polisi_section_get_title (section, POLISI_LANG_EN));

  section_page = g_object_ref_sink (polisi_section_page_new (section, policy, context, NULL));
  g_assert_true (has_label (GTK_WIDGET (section_page), polisi_section_get_title (section, POLISI_LANG_CY)));
  g_assert_false (has_label (GTK_WIDGET (section_page), polisi_section_get_title (section, POLISI_LANG_EN)));
  g_assert_finalize_object (section_page);

  organisation_page = g_object_ref_sink (polisi_organisation_page_new (policy, context));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (polisi_organisation_page_get_entry (organisation_page, "name-cy"))),
                   ==, "Enw yn Gymraeg");
  g_assert_finalize_object (organisation_page);

  consultation_page = g_object_ref_sink (polisi_consultation_page_new (policy, context));
  row = POLISI_DATE_ROW (polisi_gui_test_find_child (GTK_WIDGET (consultation_page), POLISI_TYPE_DATE_ROW, 0));
  g_assert_nonnull (row);
  g_assert_cmpint (polisi_date_row_get_interface_language (row), ==, POLISI_LANG_CY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "31 Mawrth 2027");
  g_assert_finalize_object (consultation_page);

  /* a date row given another language writes its date again in it */
  row = POLISI_DATE_ROW (g_object_ref_sink (polisi_date_row_new (POLISI_LANG_CY)));
  polisi_date_row_set_date (row, "2027-03-31");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "31 Mawrth 2027");
  polisi_test_assert_explicit_notify (POLISI_TYPE_DATE_ROW);
  g_value_init (&value, POLISI_TYPE_LANG);
  g_value_set_enum (&value, POLISI_LANG_EN);
  polisi_test_check_property (G_OBJECT (row), "interface-language", &value);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "31 March 2027");
  g_assert_finalize_object (row);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  data_home = polisi_test_make_temp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = polisi_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  {
    /* activate made the first window; the tests make their own */
    GtkWindow *first = gtk_application_get_active_window (GTK_APPLICATION (app));
    if (first != NULL)
      gtk_window_destroy (first);
  }

  g_test_add_func ("/pages/language-category", test_language_category);
  g_test_add_func ("/pages/date-row", test_date_row);
  g_test_add_func ("/pages/interface-language", test_interface_language);
  g_test_add_func ("/pages/ticks", test_ticks);
  g_test_add_func ("/pages/card-size", test_card_size);
  g_test_add_func ("/pages/empty-section", test_empty_section);
  g_test_add_func ("/pages/dictionary-notice", test_dictionary_notice);
  g_test_add_func ("/pages/cards-in-slices", test_cards_in_slices);
  g_test_add_func ("/pages/typing-builds-nothing-elsewhere", test_typing_builds_nothing_elsewhere);

  status = g_test_run ();

  g_clear_object (&app);
  polisi_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
