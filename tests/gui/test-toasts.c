/* test-toasts.c: the toasts a window shows, kept until dismissed
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "polisi-gui-test-main.h"
#include "polisi-toasts.h"

static void
test_create_destroy (void)
{
  GtkWidget *overlay = g_object_ref_sink (adw_toast_overlay_new ());
  PolisiToasts *toasts = polisi_toasts_new (ADW_TOAST_OVERLAY (overlay));

  g_assert_true (POLISI_IS_TOASTS (toasts));
  g_assert_cmpuint (polisi_toasts_get_n (toasts), ==, 0);
  g_assert_finalize_object (toasts);
  g_assert_finalize_object (overlay);
}

/* Toasts are counted while on show, the review's comes only when the
 * review is near or past, and each goes when dismissed. */
static void
test_show_and_dismiss (void)
{
  PolisiLibrary *library = polisi_context_get_library (polisi_application_get_context (app));
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  PolisiToasts *toasts = polisi_toasts_new (ADW_TOAST_OVERLAY (overlay));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) last_year = g_date_time_add_years (now, -1);
  g_autoptr(GDateTime) this_month = g_date_time_add_days (now, -1);
  g_autofree char *long_ago = g_date_time_format (last_year, "%Y-%m-%d");
  g_autofree char *recent = g_date_time_format (this_month, "%Y-%m-%d");

  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));

  polisi_toasts_show (toasts, "Cadwyd ŵ ŷ");
  g_assert_cmpuint (polisi_toasts_get_n (toasts), ==, 1);

  /* a draft never adopted has no review date: nothing said */
  g_assert_false (polisi_toasts_tell_review_due (toasts, policy, POLISI_LANG_CY));
  g_assert_cmpuint (polisi_toasts_get_n (toasts), ==, 1);
  /* a review date set by hand a year ago: it was due */
  polisi_policy_set_review_date_override (policy, long_ago);
  g_assert_true (polisi_toasts_tell_review_due (toasts, policy, POLISI_LANG_CY));
  g_assert_cmpuint (polisi_toasts_get_n (toasts), ==, 2);
  /* due yesterday: said; due in 200 days: not yet */
  polisi_policy_set_review_date_override (policy, recent);
  g_assert_true (polisi_toasts_tell_review_due (toasts, policy, POLISI_LANG_EN));
  g_assert_cmpuint (polisi_toasts_get_n (toasts), ==, 3);
  {
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 200);
    g_autofree char *far = g_date_time_format (later, "%Y-%m-%d");

    polisi_policy_set_review_date_override (policy, far);
    g_assert_false (polisi_toasts_tell_review_due (toasts, policy, POLISI_LANG_EN));
  }

  /* once in place, the review's toasts go when the review is shown */
  polisi_gui_test_pump (600);
  polisi_toasts_dismiss_review_due (toasts);
  polisi_gui_test_pump (700);
  g_assert_cmpuint (polisi_toasts_get_n (toasts), ==, 1);

  polisi_toasts_dismiss_all (toasts);
  g_assert_cmpuint (polisi_toasts_get_n (toasts), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  polisi_gui_test_pump (10);
  g_assert_finalize_object (toasts);
}

static void
add_tests (void)
{
  g_test_add_func ("/toasts/create-destroy", test_create_destroy);
  g_test_add_func ("/toasts/show-and-dismiss", test_show_and_dismiss);
}

POLISI_GUI_TEST_MAIN (add_tests)
