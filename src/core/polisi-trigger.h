/* polisi-trigger.h: something that makes a policy due for review early
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "polisi-types.h"

G_BEGIN_DECLS

/* Something that makes the policy due for review before its cycle ends:
 * from @date on, if that is after the last adoption. */
typedef struct {
  PolisiTriggerKind  kind;
  char              *date;   /* YYYY-MM-DD */
  char              *note;   /* what happened, or NULL */
} PolisiReviewTrigger;

#define POLISI_TYPE_TRIGGER (polisi_trigger_get_type ())

G_DECLARE_FINAL_TYPE (PolisiTrigger, polisi_trigger, POLISI, TRIGGER, GObject)

PolisiTrigger             *polisi_trigger_new        (PolisiTriggerKind  kind,
                                                      const char        *date,
                                                      const char        *note);
PolisiTriggerKind          polisi_trigger_get_kind   (PolisiTrigger     *self);
const char                *polisi_trigger_get_date   (PolisiTrigger     *self);
const char                *polisi_trigger_get_note   (PolisiTrigger     *self);
void                       polisi_trigger_set_note   (PolisiTrigger     *self,
                                                      const char        *note);
const PolisiReviewTrigger *polisi_trigger_get_record (PolisiTrigger     *self);

G_END_DECLS
