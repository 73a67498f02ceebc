/* polisi-recovery-flow.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recovery for the window: the unsaved work a crash left (the session's
 * recovery copies) taken back, asked about first when it would replace a
 * newer saved file (saying what differs, clause by clause), or discarded.
 * ::recovered says the session now holds the recovered policy; ::discarded
 * that the list of recovery copies changed. A copy is read in a worker
 * thread (polisi_session_recover_async()): the window stays responsive
 * while a large policy is read back.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-compare.h"
#include "polisi-gui-utils.h"
#include "polisi-policy-io.h"
#include "polisi-recovery-flow.h"

struct _PolisiRecoveryFlow
{
  GObject        parent_instance;

  GtkWindow     *parent;    /* weak */
  PolisiSession *session;
  PolisiContext *context;
};

G_DEFINE_FINAL_TYPE (PolisiRecoveryFlow, polisi_recovery_flow, G_TYPE_OBJECT)

enum {
  RECOVERED,
  DISCARDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_session_recovered (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  g_autoptr(GTask) task = data;
  PolisiRecoveryFlow *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!polisi_session_recover_finish (POLISI_SESSION (source), result, &error))
    {
      if (self->parent != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        polisi_gui_show_error (GTK_WIDGET (self->parent), _("The Unsaved Work Could Not Be Recovered"), error->message);
      g_task_return_error (task, error);
      return;
    }
  g_signal_emit (self, signals[RECOVERED], 0);
  g_task_return_boolean (task, TRUE);
}

/**
 * polisi_recovery_flow_recover_async:
 *
 * Opens the recovery copy @id as unsaved changes to the file it was made
 * from, reading it in a worker thread, and emits ::recovered. The copy
 * stays until the policy is saved or closed. A copy that cannot be read is
 * explained.
 */
void
polisi_recovery_flow_recover_async (PolisiRecoveryFlow  *self,
                                    const char          *id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (POLISI_IS_RECOVERY_FLOW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, polisi_recovery_flow_recover_async);
  polisi_session_recover_async (self->session, id, cancellable, on_session_recovered, task);
}

/**
 * polisi_recovery_flow_recover_finish:
 *
 * Returns: %TRUE when the copy was recovered (and ::recovered emitted)
 */
gboolean
polisi_recovery_flow_recover_finish (PolisiRecoveryFlow  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  g_return_val_if_fail (POLISI_IS_RECOVERY_FLOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * polisi_recovery_flow_recover:
 *
 * Starts recovering @id (polisi_recovery_flow_recover_async()), for those
 * who learn of the result through ::recovered or the error shown.
 */
void
polisi_recovery_flow_recover (PolisiRecoveryFlow *self,
                              const char         *id)
{
  polisi_recovery_flow_recover_async (self, id, NULL, NULL, NULL);
}

/* What recovering would change in the saved file, clause by clause, for
 * the question before it replaces what is shown. */
static char *
describe_changes (PolisiRecoveryFlow *self,
                  PolisiRecoveryInfo    *info)
{
  PolisiLibrary *library = polisi_context_get_library (self->context);
  g_autoptr(PolisiRecovery) recovery = g_object_ref (polisi_session_get_recovery (self->session));
  g_autoptr(PolisiPolicy) saved = NULL;
  g_autoptr(PolisiPolicy) copy = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GFile) original = NULL;
  g_autoptr(GString) numbers = g_string_new (NULL);

  if (info->original == NULL)
    return NULL;
  original = g_file_new_for_path (info->original);
  saved = polisi_policy_load (original, NULL);
  copy = polisi_recovery_load (recovery, info->id, NULL, NULL);
  if (saved == NULL || copy == NULL)
    return NULL;
  if (polisi_policy_equal (saved, copy))
    return g_strdup (_("It is the same as the saved file."));

  changes = polisi_compare_clauses (saved, copy, library);
  for (guint i = 0; i < changes->len; i++)
    {
      PolisiClauseComparison *change = changes->pdata[i];
      const char *number = change->new_number != NULL ? change->new_number : change->old_number;

      if (numbers->len > 0)
        g_string_append (numbers, ", ");
      g_string_append (numbers, number != NULL ? number : change->clause_id);
    }
  if (changes->len == 0)
    return g_strdup (_("Its clauses are those of the saved file; other details differ (the organisation, dates, comments or versions)."));
  /* Translators: %s is a list of clause numbers, "2.1, 4.3" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "It differs from the saved file in clause %s.",
                                       "It differs from the saved file in clauses %s.", changes->len),
                          numbers->str);
}

/* The question about one recovery copy. */
typedef struct {
  PolisiRecoveryFlow *self;
  char               *id;
} Question;

static void
question_free (gpointer  data,
               GClosure *closure)
{
  Question *question = data;

  g_clear_object (&question->self);
  g_free (question->id);
  g_free (question);
}

static void
on_recover_response (AdwMessageDialog *dialog,
                     const char       *response,
                     Question         *question)
{
  if (g_str_equal (response, "recover"))
    polisi_recovery_flow_recover (question->self, question->id);
  else if (g_str_equal (response, "discard"))
    polisi_recovery_flow_discard (question->self, question->id);
}

/**
 * polisi_recovery_flow_ask:
 *
 * Asks before a recovery copy replaces what the window shows: says when
 * the saved file is newer than the copy, and what differs.
 */
void
polisi_recovery_flow_ask (PolisiRecoveryFlow *self,
                          PolisiRecoveryInfo    *info)
{
  g_autofree char *name = NULL;
  g_autofree char *changes = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  gboolean superseded;
  AdwMessageDialog *dialog;
  Question *question;

  g_return_if_fail (POLISI_IS_RECOVERY_FLOW (self));
  g_return_if_fail (info != NULL);

  if (self->parent == NULL)
    return;
  name = info->original != NULL ? g_filename_display_basename (info->original) : g_strdup (_("Untitled Policy"));
  changes = describe_changes (self, info);
  local = g_date_time_to_local (info->saved);
  when = g_date_time_format (local, "%x %X");
  superseded = polisi_recovery_info_is_superseded (info);

  g_string_append_printf (body, _("Polisi kept unsaved changes to “%s” on %s, before it closed unexpectedly."), name, when);
  if (superseded)
    {
      g_string_append (body, " ");
      g_string_append (body, _("The file was saved after that, so these changes are older than the saved file: "
                               "recovering them replaces what was saved since."));
    }
  if (changes != NULL)
    {
      g_string_append (body, " ");
      g_string_append (body, changes);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent, _("Recover the Unsaved Work?"), NULL));
  adw_message_dialog_set_body (dialog, body->str);
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Use the Saved File"),
                                    "discard", _("_Discard the Changes"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", superseded ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, superseded ? "keep" : "recover");
  adw_message_dialog_set_close_response (dialog, "keep");
  question = g_new0 (Question, 1);
  question->self = g_object_ref (self);
  question->id = g_strdup (info->id);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_recover_response), question, question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * polisi_recovery_flow_offer:
 *
 * Recovers @id (from the welcome view), asking first when the copy is
 * older than its saved file: such a copy is never taken without asking.
 */
void
polisi_recovery_flow_offer (PolisiRecoveryFlow *self,
                            const char         *id)
{
  g_autoptr(GPtrArray) copies = NULL;

  g_return_if_fail (POLISI_IS_RECOVERY_FLOW (self));

  copies = polisi_recovery_list_orphans (polisi_session_get_recovery (self->session));
  for (guint i = 0; i < copies->len; i++)
    {
      PolisiRecoveryInfo *info = copies->pdata[i];

      if (g_strcmp0 (info->id, id) == 0 && polisi_recovery_info_is_superseded (info))
        {
          polisi_recovery_flow_ask (self, info);
          return;
        }
    }
  polisi_recovery_flow_recover (self, id);
}

void
polisi_recovery_flow_discard (PolisiRecoveryFlow *self,
                              const char         *id)
{
  g_return_if_fail (POLISI_IS_RECOVERY_FLOW (self));

  polisi_recovery_discard (polisi_session_get_recovery (self->session), id);
  g_signal_emit (self, signals[DISCARDED], 0);
}

static void
polisi_recovery_flow_dispose (GObject *object)
{
  PolisiRecoveryFlow *self = (PolisiRecoveryFlow *) object;

  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->session);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (polisi_recovery_flow_parent_class)->dispose (object);
}

static void
polisi_recovery_flow_class_init (PolisiRecoveryFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = polisi_recovery_flow_dispose;

  /**
   * PolisiRecoveryFlow::recovered:
   *
   * The session holds the recovered policy, as unsaved changes.
   */
  signals[RECOVERED] = g_signal_new ("recovered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 0);
  /**
   * PolisiRecoveryFlow::discarded:
   *
   * A recovery copy was thrown away.
   */
  signals[DISCARDED] = g_signal_new ("discarded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 0);
}

static void
polisi_recovery_flow_init (PolisiRecoveryFlow *self)
{
}

/**
 * polisi_recovery_flow_new:
 * @parent: the window the dialogs belong to (not referenced)
 */
PolisiRecoveryFlow *
polisi_recovery_flow_new (GtkWindow     *parent,
                          PolisiSession *session,
                          PolisiContext *context)
{
  PolisiRecoveryFlow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (POLISI_IS_SESSION (session), NULL);
  g_return_val_if_fail (POLISI_IS_CONTEXT (context), NULL);

  self = g_object_new (POLISI_TYPE_RECOVERY_FLOW, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->session = g_object_ref (session);
  self->context = g_object_ref (context);
  return self;
}
