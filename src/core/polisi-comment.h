/* polisi-comment.h: a consultation comment on the policy, and its answer
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define POLISI_TYPE_COMMENT (polisi_comment_get_type ())

G_DECLARE_FINAL_TYPE (PolisiComment, polisi_comment, POLISI, COMMENT, GObject)

/* The fields may be read; they change only through the policy that holds
 * the comment (polisi_policy_set_comment_response()), which notifies the
 * properties of the same names. */
struct _PolisiComment
{
  GObject  parent_instance;

  char    *id;                 /* "c1", unique in the policy */
  char    *clause_id;          /* NULL: on the policy as a whole */
  char    *version;            /* the version of the draft commented on */
  int      lang;               /* the language of the text commented on, or -1 */
  char    *author;
  char    *date;               /* YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS */
  char    *body;               /* clause markup */
  char    *response;           /* clause markup, or NULL */
  char    *response_author;
  char    *response_date;      /* YYYY-MM-DD */
};

void _polisi_comment_set_response (PolisiComment *self,
                                   const char    *response,
                                   const char    *author,
                                   const char    *date);

G_END_DECLS
