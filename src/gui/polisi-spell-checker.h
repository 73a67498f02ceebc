/* polisi-spell-checker.h: Welsh checked in Welsh, English in English
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "polisi-library.h"
#include "polisi-types.h"

G_BEGIN_DECLS

#define POLISI_TYPE_SPELL_CHECKER (polisi_spell_checker_get_type ())

G_DECLARE_FINAL_TYPE (PolisiSpellChecker, polisi_spell_checker, POLISI, SPELL_CHECKER, GObject)

PolisiSpellChecker *polisi_spell_checker_new            (PolisiLibrary      *library);
PolisiSpellChecker *polisi_spell_checker_new_full       (PolisiLibrary      *library,
                                                         const char * const *welsh,
                                                         const char * const *english);
gboolean            polisi_spell_checker_has_language   (PolisiSpellChecker *self,
                                                         PolisiLang          lang);
gboolean            polisi_spell_checker_check_word     (PolisiSpellChecker *self,
                                                         PolisiLang          lang,
                                                         const char         *word);
GStrv               polisi_spell_checker_suggest        (PolisiSpellChecker *self,
                                                         PolisiLang          lang,
                                                         const char         *word);
void                polisi_spell_checker_add_word       (PolisiSpellChecker *self,
                                                         PolisiLang          lang,
                                                         const char         *word);
void                polisi_spell_checker_for_each_word  (const char         *line,
                                                         PolisiLang          lang,
                                                         void              (*func) (const char *, gsize, gsize, gpointer),
                                                         gpointer            user_data);

G_END_DECLS
