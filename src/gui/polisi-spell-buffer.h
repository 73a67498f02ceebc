/* polisi-spell-buffer.h: the spell checking of one text view
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "polisi-spell-checker.h"

G_BEGIN_DECLS

#define POLISI_TYPE_SPELL_BUFFER (polisi_spell_buffer_get_type ())

G_DECLARE_FINAL_TYPE (PolisiSpellBuffer, polisi_spell_buffer, POLISI, SPELL_BUFFER, GObject)

PolisiSpellBuffer *polisi_spell_buffer_new        (PolisiSpellChecker *checker,
                                                   GtkTextView        *view,
                                                   PolisiLang          lang);
gboolean           polisi_spell_buffer_is_pending (PolisiSpellBuffer  *self);

G_END_DECLS
