/* polisi-toasts.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The toasts of a window: each toast shown through here is kept until it
 * is dismissed, so that the window can say how many are on show and take
 * them away (for screenshots and tests), and the toast that says a
 * policy's review is due can go once the review is shown.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-dates.h"
#include "polisi-toasts.h"

/* libadwaita 1.2 frees a toast twice when it is dismissed while it is still
 * sliding in; a toast is dismissed only once it is surely in place. */
#define TOAST_SHOW_TIME 500

/* the action of the toast that says the review is due */
#define REVIEW_ACTION "win.show-review"

struct _PolisiToasts
{
  GObject          parent_instance;

  AdwToastOverlay *overlay;     /* weak: the window's */
  GPtrArray       *toasts;      /* shown and not yet dismissed */
  guint            review_id;   /* the review toast's dismissal, waiting */
};

G_DEFINE_FINAL_TYPE (PolisiToasts, polisi_toasts, G_TYPE_OBJECT)

static void
on_dismissed (AdwToast     *toast,
              PolisiToasts *self)
{
  g_ptr_array_remove (self->toasts, toast);
}

/**
 * polisi_toasts_add:
 * @toast: (transfer full): a new toast
 *
 * Shows @toast and keeps it until it is dismissed.
 */
void
polisi_toasts_add (PolisiToasts *self,
                   AdwToast     *toast)
{
  g_return_if_fail (POLISI_IS_TOASTS (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_ptr_array_add (self->toasts, g_object_ref (toast));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_dismissed), self, 0);
  if (self->overlay != NULL)
    adw_toast_overlay_add_toast (self->overlay, toast);
  else
    g_object_unref (toast);
}

void
polisi_toasts_show (PolisiToasts *self,
                    const char   *title)
{
  polisi_toasts_add (self, adw_toast_new (title));
}

/**
 * polisi_toasts_get_n:
 *
 * Returns: how many toasts are on show
 */
guint
polisi_toasts_get_n (PolisiToasts *self)
{
  g_return_val_if_fail (POLISI_IS_TOASTS (self), 0);
  return self->toasts->len;
}

/**
 * polisi_toasts_dismiss_all:
 *
 * Takes away the toasts on show.
 */
void
polisi_toasts_dismiss_all (PolisiToasts *self)
{
  g_autoptr(GPtrArray) toasts = NULL;

  g_return_if_fail (POLISI_IS_TOASTS (self));

  /* dismissing one takes it out of self->toasts */
  toasts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->toasts->len; i++)
    g_ptr_array_add (toasts, g_object_ref (self->toasts->pdata[i]));
  for (guint i = 0; i < toasts->len; i++)
    adw_toast_dismiss (toasts->pdata[i]);
}

/**
 * polisi_toasts_tell_review_due:
 * @ui: the interface language, the date's
 *
 * When @policy's review is due within 60 days, or was due, says so, with a
 * button to the review (win.show-review).
 *
 * Returns: whether it said so
 */
gboolean
polisi_toasts_tell_review_due (PolisiToasts *self,
                               PolisiPolicy *policy,
                               PolisiLang    ui)
{
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  AdwToast *toast;
  GDate due, today;
  int days;

  g_return_val_if_fail (POLISI_IS_TOASTS (self), FALSE);
  g_return_val_if_fail (POLISI_IS_POLICY (policy), FALSE);

  if (!polisi_policy_get_review_due (policy, &due, NULL))
    return FALSE;
  polisi_date_set_today (&today);
  days = g_date_days_between (&today, &due);
  if (days > 60)
    return FALSE;
  when = polisi_date_format (&due, ui);
  title = days < 0 ? g_strdup_printf (_("The review of this policy was due on %s"), when) :
                     g_strdup_printf (_("The review of this policy is due on %s"), when);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Review"));
  adw_toast_set_action_name (toast, REVIEW_ACTION);
  adw_toast_set_timeout (toast, 10);
  polisi_toasts_add (self, toast);
  return TRUE;
}

static gboolean
dismiss_review_due (gpointer data)
{
  PolisiToasts *self = data;

  self->review_id = 0;
  for (guint i = self->toasts->len; i > 0; i--)
    {
      AdwToast *toast = self->toasts->pdata[i - 1];

      if (g_strcmp0 (adw_toast_get_action_name (toast), REVIEW_ACTION) == 0)
        adw_toast_dismiss (toast);
    }
  return G_SOURCE_REMOVE;
}

/**
 * polisi_toasts_dismiss_review_due:
 *
 * The toast that says the review is due has done its work once the review
 * is shown, however that came (its button, the keyboard, a test): it goes,
 * once it is surely in place.
 */
void
polisi_toasts_dismiss_review_due (PolisiToasts *self)
{
  g_return_if_fail (POLISI_IS_TOASTS (self));

  if (self->review_id == 0)
    self->review_id = g_timeout_add (TOAST_SHOW_TIME, dismiss_review_due, self);
}

static void
polisi_toasts_dispose (GObject *object)
{
  PolisiToasts *self = POLISI_TOASTS (object);

  g_clear_handle_id (&self->review_id, g_source_remove);
  g_clear_weak_pointer (&self->overlay);
  G_OBJECT_CLASS (polisi_toasts_parent_class)->dispose (object);
}

static void
polisi_toasts_finalize (GObject *object)
{
  PolisiToasts *self = POLISI_TOASTS (object);

  g_ptr_array_unref (self->toasts);
  G_OBJECT_CLASS (polisi_toasts_parent_class)->finalize (object);
}

static void
polisi_toasts_class_init (PolisiToastsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = polisi_toasts_dispose;
  object_class->finalize = polisi_toasts_finalize;
}

static void
polisi_toasts_init (PolisiToasts *self)
{
  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * polisi_toasts_new:
 * @overlay: where the toasts are shown; not kept alive by the toasts
 */
PolisiToasts *
polisi_toasts_new (AdwToastOverlay *overlay)
{
  PolisiToasts *self;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), NULL);

  self = g_object_new (POLISI_TYPE_TOASTS, NULL);
  g_set_weak_pointer (&self->overlay, overlay);
  return self;
}
