/* polisi-proposal.h: a change a reviewer proposed with track changes on
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "polisi-types.h"

G_BEGIN_DECLS

typedef enum {
  POLISI_PROPOSAL_INSERTION,
  POLISI_PROPOSAL_DELETION,
} PolisiProposalKind;

/* The most of the text either side of a change kept to find its place. */
#define POLISI_PROPOSAL_CONTEXT_CHARS 60

#define POLISI_TYPE_PROPOSAL (polisi_proposal_get_type ())

G_DECLARE_FINAL_TYPE (PolisiProposal, polisi_proposal, POLISI, PROPOSAL, GObject)

PolisiProposal     *polisi_proposal_new            (PolisiProposalKind  kind,
                                                    const char         *clause_id,
                                                    PolisiLang          lang,
                                                    const char         *text,
                                                    const char         *before,
                                                    const char         *after);
const char         *polisi_proposal_get_id         (PolisiProposal     *self);
void                polisi_proposal_set_id         (PolisiProposal     *self,
                                                    const char         *id);
PolisiProposalKind  polisi_proposal_get_kind       (PolisiProposal     *self);
const char         *polisi_proposal_get_clause_id  (PolisiProposal     *self);
PolisiLang          polisi_proposal_get_lang       (PolisiProposal     *self);
const char         *polisi_proposal_get_text       (PolisiProposal     *self);
const char         *polisi_proposal_get_before     (PolisiProposal     *self);
const char         *polisi_proposal_get_after      (PolisiProposal     *self);
const char         *polisi_proposal_get_author     (PolisiProposal     *self);
void                polisi_proposal_set_author     (PolisiProposal     *self,
                                                    const char         *author);
const char         *polisi_proposal_get_date       (PolisiProposal     *self);
void                polisi_proposal_set_date       (PolisiProposal     *self,
                                                    const char         *date);
const char         *polisi_proposal_get_version    (PolisiProposal     *self);
void                polisi_proposal_set_version    (PolisiProposal     *self,
                                                    const char         *version);
gboolean            polisi_proposal_equal          (PolisiProposal     *a,
                                                    PolisiProposal     *b);
char               *polisi_proposal_apply          (PolisiProposal     *self,
                                                    const char         *text);

G_END_DECLS
