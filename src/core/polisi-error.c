/* polisi-error.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "polisi-error.h"

G_DEFINE_QUARK (polisi-error-quark, polisi_error)
