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
#include "polisi-fields-private.h"

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

/* Each property is the field of the same name. */
static const PolisiField fields[N_PROPS] = {
  [PROP_RESPONSE] = POLISI_FIELD_STRING (PolisiComment, response, "response"),
  [PROP_RESPONSE_AUTHOR] = POLISI_FIELD_STRING (PolisiComment, response_author, "response-author"),
  [PROP_RESPONSE_DATE] = POLISI_FIELD_STRING (PolisiComment, response_date, "response-date"),
  [PROP_ID] = POLISI_FIELD_STRING (PolisiComment, id, "id"),
  [PROP_CLAUSE_ID] = POLISI_FIELD_STRING (PolisiComment, clause_id, "clause-id"),
  [PROP_VERSION] = POLISI_FIELD_STRING (PolisiComment, version, "version"),
  [PROP_LANG] = POLISI_FIELD_INT (PolisiComment, lang, "lang", -1, 1, -1),
  [PROP_AUTHOR] = POLISI_FIELD_STRING (PolisiComment, author, "author"),
  [PROP_DATE] = POLISI_FIELD_STRING (PolisiComment, date, "date"),
  [PROP_BODY] = POLISI_FIELD_STRING (PolisiComment, body, "body"),
};

static void
polisi_comment_finalize (GObject *object)
{
  _polisi_fields_free (object, fields, N_PROPS);
  G_OBJECT_CLASS (polisi_comment_parent_class)->finalize (object);
}

static void
polisi_comment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  _polisi_fields_get_property (object, fields, N_PROPS, prop_id, value, pspec);
}

static void
polisi_comment_class_init (PolisiCommentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = polisi_comment_finalize;
  object_class->get_property = polisi_comment_get_property;

  _polisi_fields_install (object_class, fields, N_PROPS, properties);
}

static void
polisi_comment_init (PolisiComment *self)
{
  self->lang = -1;
}

/**
 * _polisi_comment_set_response:
 *
 * The policy answers the comment (polisi_policy_set_comment_response()):
 * each of the response, its author and its date notifies when it changes,
 * and only then.
 */
void
_polisi_comment_set_response (PolisiComment *self,
                              const char    *response,
                              const char    *author,
                              const char    *date)
{
  g_return_if_fail (POLISI_IS_COMMENT (self));

  g_object_freeze_notify (G_OBJECT (self));
  _polisi_fields_set_string (G_OBJECT (self), fields, properties, PROP_RESPONSE, response);
  _polisi_fields_set_string (G_OBJECT (self), fields, properties, PROP_RESPONSE_AUTHOR, author);
  _polisi_fields_set_string (G_OBJECT (self), fields, properties, PROP_RESPONSE_DATE, date);
  g_object_thaw_notify (G_OBJECT (self));
}
