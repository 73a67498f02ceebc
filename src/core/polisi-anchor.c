/* polisi-anchor.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The names of the anchors every editable export puts around each clause's
 * text, so that a comment or a change made on a returned draft can be
 * placed on its clause (the readers are in src/import).
 */
#include "config.h"

#include <string.h>

#include "polisi-anchor.h"

/**
 * polisi_anchor_bookmark_name:
 *
 * Returns: (transfer full): the name of the bookmark around @clause_id's
 *   text in @lang, in an exported ODT
 */
char *
polisi_anchor_bookmark_name (const char *clause_id,
                             PolisiLang  lang)
{
  return g_strconcat (POLISI_CLAUSE_BOOKMARK_PREFIX, polisi_lang_to_code (lang), "-", clause_id, NULL);
}

/**
 * polisi_anchor_name:
 *
 * The short name of the anchor (a bookmark) around @clause_id's text in
 * @lang, for formats whose readers cut or rewrite long names: Word keeps a
 * bookmark name of at most 40 characters, letters, digits and "_", starting
 * with a letter. "Polisi_cy_" and the first 16 hex digits of the SHA-1 of
 * the clause's id: 26 characters, the same in every file for the same clause.
 *
 * Returns: (transfer full): the anchor's name
 */
char *
polisi_anchor_name (const char *clause_id,
                    PolisiLang  lang)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, clause_id, -1);

  return g_strdup_printf ("Polisi_%s_%.16s", polisi_lang_to_code (lang), digest);
}

/**
 * polisi_anchor_part_name:
 * @part: which of the clause's rows in parallel columns, from 0
 *
 * In parallel columns a clause may be a row for each paragraph and its
 * translation (polisi_page_layout_count_pairs()): each row's text in each
 * language has an anchor of its own, so that a comment or a change in it
 * is placed in its clause and its language. The first row's is
 * polisi_anchor_name(); the others' add "_" and @part: "Polisi_cy_" and
 * 16 hex digits, "_2" (at most 37 characters, which Word keeps).
 *
 * Returns: (transfer full): the anchor's name
 */
char *
polisi_anchor_part_name (const char *clause_id,
                         PolisiLang  lang,
                         guint       part)
{
  g_autofree char *name = polisi_anchor_name (clause_id, lang);

  if (part == 0)
    return g_steal_pointer (&name);
  return g_strdup_printf ("%s_%u", name, part);
}
