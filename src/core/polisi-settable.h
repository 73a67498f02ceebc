/* polisi-settable.h: the keys of a policy a person sets, with their rules
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "polisi-library.h"
#include "polisi-policy.h"

G_BEGIN_DECLS

typedef enum {
  POLISI_SETTABLE_TEXT,        /* one line */
  POLISI_SETTABLE_PARAGRAPHS,  /* paragraphs and "- " items */
  POLISI_SETTABLE_CHOICE,      /* the nick of an enum value */
  POLISI_SETTABLE_DATE,        /* YYYY-MM-DD, or empty to clear */
  POLISI_SETTABLE_MONTHS,      /* 1 to 120 */
  POLISI_SETTABLE_VERSION,     /* a draft's number */
  POLISI_SETTABLE_CLAUSE,      /* a clause's id */
  POLISI_SETTABLE_TRIGGER,     /* KIND:YYYY-MM-DD:NOTE */
  POLISI_SETTABLE_ANSWER,      /* an answer to a question of the library */
} PolisiSettableKind;

/* Where the window sets a key (the command line sets them all). */
typedef enum {
  POLISI_SETTABLE_COMMAND_LINE,  /* nowhere else: several fields at once, or an action */
  POLISI_SETTABLE_ORGANISATION,  /* the organisation step */
  POLISI_SETTABLE_CONSULTATION,  /* the consultation step */
  POLISI_SETTABLE_REVIEW,        /* the review step and its adoption */
  POLISI_SETTABLE_CLAUSES,       /* the clause editors' switches */
} PolisiSettablePage;

typedef struct {
  char               *key;            /* as --set takes it: "name-cy", "head_teacher", "governing_body.cy" */
  PolisiSettableKind  kind;
  PolisiSettablePage  page;
  char               *label[2];       /* what the key is, in Welsh and in English */
  const char         *description;    /* for "--set help", untranslated (N_) */
  GType               choices;        /* the enum of a choice */
  PolisiPlaceholder  *placeholder;    /* the question of an answer (unowned) */
  int                 lang;           /* an answer's or a name's one language, or -1 */
} PolisiSettable;

GPtrArray            *polisi_settable_list   (PolisiLibrary         *library);
const PolisiSettable *polisi_settable_lookup (GPtrArray             *settables,
                                              const char            *key);
gboolean              polisi_settable_check  (const PolisiSettable  *settable,
                                              const char            *value,
                                              GError               **error);
gboolean              polisi_settable_apply  (const PolisiSettable  *settable,
                                              PolisiPolicy          *policy,
                                              PolisiLibrary         *library,
                                              const char            *value,
                                              GError               **error);

G_END_DECLS
