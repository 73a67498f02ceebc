/* polisi-gui-test-utils.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "polisi-recovery.h"
#include "polisi-gui-test-utils.h"

/* The application the widget tests drive: registered and activated as
 * when Polisi starts, without the first window activation made (the
 * tests make their own windows). */
PolisiApplication *
polisi_gui_test_new_app (void)
{
  PolisiApplication *app = polisi_application_new ();
  GtkWindow *first;

  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  first = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (first != NULL)
    gtk_window_destroy (first);
  return app;
}

/* Types @text at the end of @buffer. */
void
polisi_gui_test_append_text (GtkTextBuffer *buffer,
                             const char    *text)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text, -1);
}

/* Runs the main loop for @milliseconds (at least once). */
void
polisi_gui_test_pump (guint milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * 1000;

  do
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      if (milliseconds > 0)
        g_usleep (2000);
    }
  while (g_get_monotonic_time () < until);
}

/* Runs the main loop until *@flag is set (by a callback or a signal
 * handler), failing the test after @timeout_ms: for work done in a worker
 * thread, whose result comes back through the main loop. */
void
polisi_gui_test_wait_for (const gboolean *flag,
                          guint           timeout_ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!*flag && g_get_monotonic_time () < until)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      if (!*flag)
        g_usleep (1000);
    }
  g_assert_true (*flag);
}

static void
on_window_recovered (gboolean *recovered)
{
  *recovered = TRUE;
}

/* Before a recovery starts (an action, a dialog's answer): sets
 * *@recovered when @window's recovery flow has recovered a copy. */
gulong
polisi_gui_test_watch_recovery (PolisiWindow *window,
                                gboolean     *recovered)
{
  *recovered = FALSE;
  return g_signal_connect_swapped (polisi_window_get_recovery_flow (window), "recovered",
                                   G_CALLBACK (on_window_recovered), recovered);
}

/* Waits until the recovery watched with @handler is done (it reads in a
 * worker thread), and stops watching. */
void
polisi_gui_test_wait_for_recovery (PolisiWindow *window,
                                   gulong        handler,
                                   gboolean     *recovered)
{
  polisi_gui_test_wait_for (recovered, 30000);
  g_signal_handler_disconnect (polisi_window_get_recovery_flow (window), handler);
  polisi_gui_test_pump (0);
}

/* Recovers copy @id in @window as the window does, and waits until the
 * window shows it. */
void
polisi_gui_test_recover (PolisiWindow *window,
                         const char   *id)
{
  gboolean recovered;
  gulong handler = polisi_gui_test_watch_recovery (window, &recovered);

  polisi_window_recover_copy (window, id);
  polisi_gui_test_wait_for_recovery (window, handler, &recovered);
}

/* A window for a test, shown. */
PolisiWindow *
polisi_gui_test_new_window (PolisiApplication *app)
{
  PolisiWindow *window = polisi_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  polisi_gui_test_pump (50);
  return window;
}

/* Closes a test's window, with no recovery copy left behind. */
void
polisi_gui_test_destroy_window (PolisiWindow *window)
{
  polisi_recovery_discard (polisi_recovery_new_default (), polisi_window_get_recovery_id (window));
  gtk_window_destroy (GTK_WINDOW (window));
  polisi_gui_test_pump (10);
}

/* The first widget of @type under @widget, after @skip others. */
GtkWidget *
polisi_gui_test_find_child (GtkWidget *widget,
                            GType      type,
                            guint      skip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          if (skip == 0)
            return child;
          skip--;
        }
      found = polisi_gui_test_find_child (child, type, 0);
      if (found != NULL)
        {
          if (skip == 0)
            return found;
          skip--;
        }
    }
  return NULL;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

/* The @n-th widget of @type under @widget, in the order they are drawn. */
gpointer
polisi_gui_test_nth_child (GtkWidget *widget,
                           GType      type,
                           guint      n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, type, found);
  g_assert_cmpuint (n, <, found->len);
  return found->pdata[n];
}

/* The button labelled @label under @widget. */
GtkWidget *
polisi_gui_test_find_button (GtkWidget  *widget,
                             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = polisi_gui_test_find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The message dialog on show, if any. */
AdwMessageDialog *
polisi_gui_test_find_message_dialog (void)
{
  return polisi_gui_test_find_dialog_with_heading (NULL);
}

/* The shown message dialog with @heading (any, when %NULL); one that was
 * answered may still be on its way out. */
AdwMessageDialog *
polisi_gui_test_find_dialog_with_heading (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (heading == NULL ||
           g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  int *state = data;

  *state = polisi_window_open_file_finish (POLISI_WINDOW (source), result, NULL) ? 1 : 0;
}

/* Opens @file in @window as the user would (read in the background) and
 * waits until it is open or refused. */
gboolean
polisi_gui_test_open_file (PolisiWindow *window,
                           GFile        *file)
{
  int state = -1;

  polisi_window_open_file_async (window, file, NULL, on_opened, &state);
  while (state < 0)
    g_main_context_iteration (NULL, TRUE);
  return state == 1;
}
