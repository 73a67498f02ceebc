/* polisi-welsh.h: initial consonant mutation of Welsh words
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  POLISI_MUTATION_NONE,
  POLISI_MUTATION_SOFT,      /* Deddf -> Ddeddf ("dan Ddeddf") */
  POLISI_MUTATION_NASAL,     /* Deddf -> Neddf ("yn Neddf") */
  POLISI_MUTATION_ASPIRATE,  /* Cod -> Chod ("a Chod") */
} PolisiMutation;

#define POLISI_N_MUTATIONS 4

char *polisi_welsh_mutate (const char     *phrase,
                           PolisiMutation  mutation);

G_END_DECLS
