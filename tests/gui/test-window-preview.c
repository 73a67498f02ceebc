/* test-window-preview.c: the preview follows the step and the clause being
 * edited, and stays as the user left it (F9) when the window narrows and
 * widens, all through the window's actions
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "polisi-gui-test-main.h"
#include "polisi-assembler.h"
#include "polisi-clause-editor.h"
#include "polisi-preview-page.h"
#include "polisi-preview-pane.h"
#include "polisi-section-page.h"
#include "polisi-window-actions.h"

static void
set_width (PolisiWindow *window,
           int           width)
{
  int before = gtk_widget_get_width (GTK_WIDGET (window));

  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  /* until the window has been resized (a busy machine takes a while),
   * then a little more for the pane to follow */
  for (guint i = 0; i < 200 && gtk_widget_get_width (GTK_WIDGET (window)) == before; i++)
    polisi_gui_test_pump (10);
  polisi_gui_test_pump (30);
}

static void
test_visibility (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  polisi_window_new_policy (window);
  polisi_gui_test_pump (20);
  g_assert_true (polisi_window_get_preview_visible (window));

  /* narrowed: hidden to give the text room; widened: back */
  set_width (window, 800);
  g_assert_false (polisi_window_get_preview_visible (window));
  set_width (window, 1300);
  g_assert_true (polisi_window_get_preview_visible (window));

  /* F9 hides it: it stays hidden after narrowing and widening */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preview", NULL));
  g_assert_false (polisi_window_get_preview_visible (window));
  g_assert_false (g_settings_get_boolean (settings, "preview-visible"));
  set_width (window, 800);
  set_width (window, 1300);
  g_assert_false (polisi_window_get_preview_visible (window));

  /* F9 in a narrow window shows it all the same, and it is kept */
  set_width (window, 800);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preview", NULL));
  g_assert_true (polisi_window_get_preview_visible (window));
  set_width (window, 1300);
  g_assert_true (polisi_window_get_preview_visible (window));
  g_assert_true (g_settings_get_boolean (settings, "preview-visible"));

  /* the choice outlives the window */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preview", NULL));
  polisi_gui_test_destroy_window (window);
  window = polisi_gui_test_new_window (app);
  polisi_window_new_policy (window);
  polisi_gui_test_pump (20);
  g_assert_false (polisi_window_get_preview_visible (window));
  g_settings_reset (settings, "preview-visible");
  polisi_gui_test_destroy_window (window);
}

static void
wait_for_preview (PolisiWindow *window)
{
  PolisiPreview *preview = polisi_window_get_preview (window);

  for (guint i = 0; i < 500 && !polisi_preview_is_current (preview); i++)
    polisi_gui_test_pump (10);
  g_assert_true (polisi_preview_is_current (preview));
  polisi_gui_test_pump (50);
}

/* Next step (Alt+Page Down) to a section: the preview shows the page
 * where the section starts; a clause's editor focused: its page. */
static void
test_follows (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);
  PolisiPreview *preview = polisi_window_get_preview (window);
  PolisiPageLayout *layout;
  PolisiClauseEditor *editor = NULL;
  guint step;
  int page;

  polisi_window_new_policy (window);
  wait_for_preview (window);

  /* the last section the policy includes: its first page is not the
   * first page */
  layout = polisi_preview_get_page_layout (preview);
  page = -1;
  for (step = polisi_window_get_n_steps (window) - 1; step > 1 && page <= 0; step--)
    {
      GtkWidget *page_widget = polisi_window_get_step_page (window, step);

      if (!POLISI_IS_SECTION_PAGE (page_widget))
        continue;
      editor = POLISI_CLAUSE_EDITOR (polisi_gui_test_nth_child (page_widget, POLISI_TYPE_CLAUSE_EDITOR, 0));
      page = polisi_page_layout_find_block_page (layout, polisi_assemble_section_of (
          polisi_context_get_library (polisi_application_get_context (app)),
          polisi_clause_get_id (polisi_clause_editor_get_clause (editor))));
    }
  step++;
  g_assert_cmpint (page, >, 0);

  polisi_window_go_to_step (window, step - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-step", NULL));
  g_assert_cmpuint (polisi_window_get_step (window), ==, step);
  wait_for_preview (window);
  g_assert_cmpint (polisi_preview_get_shown_page (preview), ==, page);
  for (guint i = 0; i < 100 && polisi_preview_get_top_page (preview) != page; i++)
    polisi_gui_test_pump (10);
  g_assert_cmpint (polisi_preview_get_top_page (preview), ==, page);
  /* and the page scrolled to is drawn, not left blank as it was while out
   * of view */
  {
    PolisiPreviewPage *shown = POLISI_PREVIEW_PAGE (polisi_gui_test_nth_child (GTK_WIDGET (preview),
                                                                               POLISI_TYPE_PREVIEW_PAGE, page));

    for (guint i = 0; i < 100 && polisi_preview_page_is_pending (shown); i++)
      polisi_gui_test_pump (10);
    g_assert_false (polisi_preview_page_is_pending (shown));
  }

  /* the last clause editor of the step takes the focus */
  {
    GtkWidget *page_widget = polisi_window_get_step_page (window, step);
    PolisiClauseEditor *last = NULL;

    GtkWidget *found;

    for (guint i = 0; (found = polisi_gui_test_find_child (page_widget, POLISI_TYPE_CLAUSE_EDITOR, i)) != NULL; i++)
      last = POLISI_CLAUSE_EDITOR (found);
    editor = last;
  }
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_FORWARD));
  polisi_gui_test_pump (30);
  page = polisi_page_layout_find_block_page (polisi_preview_get_page_layout (preview),
                                             polisi_clause_get_id (polisi_clause_editor_get_clause (editor)));
  g_assert_cmpint (page, >=, 0);
  g_assert_cmpint (polisi_preview_get_shown_page (preview), ==, page);

  /* the organisation step: the title page, where its names and answers
   * show first */
  polisi_window_go_to_step (window, polisi_window_find_step (window, "organisation"));
  wait_for_preview (window);
  g_assert_cmpint (polisi_preview_get_shown_page (preview), ==, 0);
  for (guint i = 0; i < 100 && polisi_preview_get_top_page (preview) != 0; i++)
    polisi_gui_test_pump (10);
  g_assert_cmpint (polisi_preview_get_top_page (preview), ==, 0);
  /* a new policy has no version history yet: the preview stays */
  polisi_window_go_to_step (window, polisi_window_find_step (window, "review"));
  wait_for_preview (window);
  g_assert_cmpint (polisi_page_layout_find_block_page (polisi_preview_get_page_layout (preview), "history"), ==, -1);
  g_assert_cmpint (polisi_preview_get_top_page (preview), ==, 0);

  polisi_gui_test_destroy_window (window);
}

static void
test_pane_create_destroy (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *layouts = gtk_drop_down_new (NULL, NULL);
  GtkWidget *preview = GTK_WIDGET (polisi_preview_new ());
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PolisiPreviewPane *pane;

  gtk_box_append (GTK_BOX (box), layouts);
  gtk_box_append (GTK_BOX (box), preview);
  gtk_box_append (GTK_BOX (box), button);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 400);
  pane = polisi_preview_pane_new (GTK_WINDOW (window), box, GTK_TOGGLE_BUTTON (button), GTK_DROP_DOWN (layouts),
                                  POLISI_PREVIEW (preview), settings);
  /* narrow from the start: hidden, though chosen */
  g_assert_false (polisi_preview_pane_get_visible (pane));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (layouts))), ==, 4);
  polisi_preview_pane_set_visible (pane, TRUE);
  g_assert_true (polisi_preview_pane_get_visible (pane));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (pane);
}

/* The main menu's popover is made when the menu first opens (not before
 * the first frame), with the application's menu. */
static void
test_menu_on_open (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);
  GtkWidget *button = polisi_gui_test_find_child (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, 0);
  GMenuModel *model;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  polisi_gui_test_pump (20);
  model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (model);
  g_assert_cmpint (g_menu_model_get_n_items (model), >, 0);
  g_assert_nonnull (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  /* the shortcuts window too, when asked for */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  polisi_gui_test_pump (20);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *shortcuts = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
          shortcuts = toplevel;
      }
    g_assert_nonnull (shortcuts);
    g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
    gtk_window_destroy (shortcuts);
  }
  polisi_gui_test_destroy_window (window);
}

/* Every shortcut is in one table: each parses, and the application's
 * accelerators are its entries. */
static void
test_shortcuts (void)
{
  guint n;
  const PolisiShortcut *shortcuts = polisi_window_actions_shortcuts (&n);

  g_assert_cmpuint (n, >, 10);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), shortcuts[i].action);
      guint key = 0, set_key = 0;
      GdkModifierType modifiers = 0, set_modifiers = 0;

      g_assert_true (gtk_accelerator_parse (shortcuts[i].accel, &key, &modifiers));
      g_assert_cmpuint (g_strv_length (accels), ==, 1);
      g_assert_true (gtk_accelerator_parse (accels[0], &set_key, &set_modifiers));
      g_assert_cmpuint (set_key, ==, key);
      g_assert_cmpuint (set_modifiers, ==, modifiers);
    }
}

static void
add_tests (void)
{
  g_test_add_func ("/window/shortcuts", test_shortcuts);
  g_test_add_func ("/window/menu-made-on-open", test_menu_on_open);
  g_test_add_func ("/preview-pane/create-destroy", test_pane_create_destroy);
  g_test_add_func ("/window-preview/visibility", test_visibility);
  g_test_add_func ("/window-preview/follows", test_follows);
}

POLISI_GUI_TEST_MAIN (add_tests)
