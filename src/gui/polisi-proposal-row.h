/* polisi-proposal-row.h: a change a reviewer proposed, to accept or reject
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-proposal.h"

G_BEGIN_DECLS

#define POLISI_TYPE_PROPOSAL_ROW (polisi_proposal_row_get_type ())

G_DECLARE_FINAL_TYPE (PolisiProposalRow, polisi_proposal_row, POLISI, PROPOSAL_ROW, AdwActionRow)

GtkWidget      *polisi_proposal_row_new          (PolisiProposal    *proposal,
                                                  const char        *clause_label,
                                                  PolisiLang         ui);
PolisiProposal *polisi_proposal_row_get_proposal (PolisiProposalRow *self);

G_END_DECLS
