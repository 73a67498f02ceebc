/* test-recovery-flow.c: taking back, or throwing away, the work a crash left
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "polisi-error.h"
#include "polisi-gui-test-main.h"
#include "polisi-recovery-flow.h"

static PolisiRecoveryFlow *
new_flow (GtkWidget     *parent,
          PolisiSession *session)
{
  return polisi_recovery_flow_new (GTK_WINDOW (parent), session, polisi_application_get_context (app));
}

static void
test_create_destroy (void)
{
  GtkWidget *parent = gtk_window_new ();
  g_autoptr(PolisiRecovery) recovery = polisi_recovery_new_default ();
  g_autoptr(PolisiSession) session = polisi_session_new (recovery);
  PolisiRecoveryFlow *flow = new_flow (parent, session);

  g_assert_true (POLISI_IS_RECOVERY_FLOW (flow));
  gtk_window_destroy (GTK_WINDOW (parent));
  g_assert_finalize_object (flow);
}

static void
count (GObject *object,
       guint   *n)
{
  (*n)++;
}

typedef struct {
  gboolean  done;
  gboolean  recovered;
  GError   *error;
} Result;

static void
on_recovered (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Result *out = data;

  out->recovered = polisi_recovery_flow_recover_finish (POLISI_RECOVERY_FLOW (source), result, &out->error);
  out->done = TRUE;
}

/* A recovery copy written by one session (which then "crashes": it is
 * let go without closing), recovered by another, or discarded. */
static char *
leave_copy (PolisiRecovery *recovery,
            const char     *name)
{
  g_autoptr(PolisiSession) session = polisi_session_new (recovery);
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (
      polisi_context_get_library (polisi_application_get_context (app)), POLISI_LANGUAGE_CATEGORY_DUAL);
  g_autoptr(GError) error = NULL;

  polisi_session_set_policy (session, policy);
  polisi_policy_set_name (policy, POLISI_LANG_CY, name);
  g_assert_true (polisi_session_autosave_now (session, &error));
  g_assert_no_error (error);
  return g_strdup (polisi_session_get_recovery_id (session));
}

static void
test_recover_and_discard (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autoptr(PolisiRecovery) recovery = polisi_recovery_new (dir);
  g_autofree char *first = leave_copy (recovery, "Ysgol Ŵ Gyntaf");
  g_autofree char *second = leave_copy (recovery, "Ysgol Ŷ Ail");
  GtkWidget *parent = gtk_window_new ();
  g_autoptr(PolisiSession) session = polisi_session_new (recovery);
  g_autoptr(PolisiRecoveryFlow) flow = new_flow (parent, session);
  g_autoptr(GPtrArray) left = NULL;
  AdwMessageDialog *dialog;
  guint recovered = 0, discarded = 0;
  Result missing = { 0 }, offered = { 0 };

  gtk_window_present (GTK_WINDOW (parent));
  g_signal_connect (flow, "recovered", G_CALLBACK (count), &recovered);
  g_signal_connect (flow, "discarded", G_CALLBACK (count), &discarded);

  /* a copy nobody can read is explained, and nothing is recovered */
  polisi_recovery_flow_recover_async (flow, "no-such-copy", NULL, on_recovered, &missing);
  polisi_gui_test_wait_for (&missing.done, 30000);
  g_assert_false (missing.recovered);
  g_assert_error (missing.error, POLISI_ERROR, POLISI_ERROR_IO);
  g_clear_error (&missing.error);
  dialog = polisi_gui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Unsaved Work Could Not Be Recovered");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (recovered, ==, 0);

  /* read in a worker thread: nothing changes until the main loop runs */
  polisi_recovery_flow_recover_async (flow, first, NULL, on_recovered, &offered);
  g_assert_cmpuint (recovered, ==, 0);
  g_assert_null (polisi_session_get_policy (session));
  polisi_gui_test_wait_for (&offered.done, 30000);
  g_assert_no_error (offered.error);
  g_assert_true (offered.recovered);
  g_assert_cmpuint (recovered, ==, 1);
  g_assert_cmpstr (polisi_session_get_recovery_id (session), ==, first);
  g_assert_cmpstr (polisi_policy_get_name (polisi_session_get_policy (session), POLISI_LANG_CY), ==, "Ysgol Ŵ Gyntaf");
  g_assert_true (polisi_session_get_modified (session));

  polisi_recovery_flow_discard (flow, second);
  g_assert_cmpuint (discarded, ==, 1);
  left = polisi_recovery_list_orphans (recovery);
  for (guint i = 0; i < left->len; i++)
    g_assert_cmpstr (((PolisiRecoveryInfo *) left->pdata[i])->id, !=, second);

  polisi_session_close (session);
  gtk_window_destroy (GTK_WINDOW (parent));
  polisi_gui_test_pump (10);
  polisi_test_remove_tree (dir);
}

static void
add_tests (void)
{
  g_test_add_func ("/recovery-flow/create-destroy", test_create_destroy);
  g_test_add_func ("/recovery-flow/recover-and-discard", test_recover_and_discard);
}

POLISI_GUI_TEST_MAIN (add_tests)
