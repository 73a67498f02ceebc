/* polisi-comment.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A consultation comment as an object, so that a list of them
 * (polisi_policy_get_comments()) can be a GListModel the window binds to,
 * and a row can follow its response as it is answered. Its fields are read
 * as they always were; it is made and changed by its policy.
 */
#include "config.h"

#include "polisi-comment.h"

G_DEFINE_FINAL_TYPE (PolisiComment, polisi_comment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RESPONSE,
  PROP_RESPONSE_AUTHOR,
  PROP_RESPONSE_DATE,
  PROP_ID,
  PROP_CLAUSE_ID,
  PROP_VERSION,
  PROP_LANG,
  PROP_AUTHOR,
  PROP_DATE,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
polisi_comment_finalize (GObject *object)
{
  PolisiComment *self = POLISI_COMMENT (object);

  g_free (self->id);
  g_free (self->clause_id);
  g_free (self->version);
  g_free (self->author);
  g_free (self->date);
  g_free (self->body);
  g_free (self->response);
  g_free (self->response_author);
  g_free (self->response_date);
  G_OBJECT_CLASS (polisi_comment_parent_class)->finalize (object);
}

static void
polisi_comment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PolisiComment *self = POLISI_COMMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CLAUSE_ID:
      g_value_set_string (value, self->clause_id);
      break;
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    case PROP_LANG:
      g_value_set_int (value, self->lang);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_RESPONSE:
      g_value_set_string (value, self->response);
      break;
    case PROP_RESPONSE_AUTHOR:
      g_value_set_string (value, self->response_author);
      break;
    case PROP_RESPONSE_DATE:
      g_value_set_string (value, self->response_date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_comment_class_init (PolisiCommentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = polisi_comment_finalize;
  object_class->get_property = polisi_comment_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_CLAUSE_ID] = g_param_spec_string ("clause-id", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, flags);
  properties[PROP_LANG] = g_param_spec_int ("lang", NULL, NULL, -1, 1, -1, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, flags);
  properties[PROP_RESPONSE] = g_param_spec_string ("response", NULL, NULL, NULL, flags);
  properties[PROP_RESPONSE_AUTHOR] = g_param_spec_string ("response-author", NULL, NULL, NULL, flags);
  properties[PROP_RESPONSE_DATE] = g_param_spec_string ("response-date", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
polisi_comment_init (PolisiComment *self)
{
  self->lang = -1;
}

/* The policy has changed the response: say so. */
void
_polisi_comment_notify_response (PolisiComment *self)
{
  g_return_if_fail (POLISI_IS_COMMENT (self));

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONSE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONSE_AUTHOR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONSE_DATE]);
  g_object_thaw_notify (G_OBJECT (self));
}
