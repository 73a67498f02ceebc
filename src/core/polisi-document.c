/* polisi-document.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one document every writer reads: the preview, print, PDF and ODT.
 * It is built by the assembler and not changed afterwards, so a writer in
 * another thread can hold a reference safely.
 */
#include "config.h"

#include <string.h>

#include "polisi-document.h"
#include "polisi-text.h"

enum {
  FIELD_TITLE,
  FIELD_ORGANISATION,
  FIELD_SUBJECT,
  FIELD_KEYWORDS,
  FIELD_STATUS,
  FIELD_DATE,
  FIELD_REVIEW,
  FIELD_CLOSING,
  FIELD_WATERMARK,
  FIELD_COMMENTS_FIXED,
  N_FIELDS
};

static const char *field_names[N_FIELDS] = {
  "title", "organisation", "subject", "keywords", "status", "date", "review", "closing", "watermark",
  "comments-fixed",
};

struct _PolisiDocument
{
  GObject       parent_instance;

  char         *fields[N_FIELDS][POLISI_N_LANGS];
  char         *version;
  char         *policy_uid;
  PolisiStatus  status;
  char         *created_iso;
  char         *date_iso;
  gboolean      line_numbers;
  PolisiNation  nation;
  GPtrArray    *blocks;
};

G_DEFINE_FINAL_TYPE (PolisiDocument, polisi_document, G_TYPE_OBJECT)

static void
text_block_free (gpointer data)
{
  polisi_text_block_free (data);
}

static void
block_free (gpointer data)
{
  PolisiBlock *block = data;

  g_free (block->id);
  g_free (block->number);
  g_free (block->old_number);
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      g_clear_pointer (&block->paras[lang], g_ptr_array_unref);
      g_clear_pointer (&block->cells[lang], g_ptr_array_unref);
    }
  g_clear_pointer (&block->row_changes, g_array_unref);
  g_clear_pointer (&block->column_shares, g_array_unref);
  g_clear_pointer (&block->row_langs, g_array_unref);
  g_free (block);
}

static void
polisi_document_finalize (GObject *object)
{
  PolisiDocument *self = (PolisiDocument *) object;

  for (guint i = 0; i < N_FIELDS; i++)
    for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
      g_free (self->fields[i][lang]);
  g_free (self->version);
  g_free (self->policy_uid);
  g_free (self->created_iso);
  g_free (self->date_iso);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (polisi_document_parent_class)->finalize (object);
}

static void
polisi_document_class_init (PolisiDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = polisi_document_finalize;
}

static void
polisi_document_init (PolisiDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
}

PolisiDocument *
polisi_document_new (void)
{
  return g_object_new (POLISI_TYPE_DOCUMENT, NULL);
}

static const char *
get_field (PolisiDocument *self,
           guint           field,
           PolisiLang      lang)
{
  g_return_val_if_fail (POLISI_IS_DOCUMENT (self), NULL);
  return self->fields[field][lang];
}

const char *
polisi_document_get_title (PolisiDocument *self, PolisiLang lang)
{
  return get_field (self, FIELD_TITLE, lang);
}

const char *
polisi_document_get_organisation (PolisiDocument *self, PolisiLang lang)
{
  return get_field (self, FIELD_ORGANISATION, lang);
}

const char *
polisi_document_get_subject (PolisiDocument *self, PolisiLang lang)
{
  return get_field (self, FIELD_SUBJECT, lang);
}

const char *
polisi_document_get_keywords (PolisiDocument *self, PolisiLang lang)
{
  return get_field (self, FIELD_KEYWORDS, lang);
}

const char *
polisi_document_get_status_text (PolisiDocument *self, PolisiLang lang)
{
  return get_field (self, FIELD_STATUS, lang);
}

const char *
polisi_document_get_date_text (PolisiDocument *self, PolisiLang lang)
{
  return get_field (self, FIELD_DATE, lang);
}

const char *
polisi_document_get_review_text (PolisiDocument *self, PolisiLang lang)
{
  return get_field (self, FIELD_REVIEW, lang);
}

const char *
polisi_document_get_closing_text (PolisiDocument *self, PolisiLang lang)
{
  return get_field (self, FIELD_CLOSING, lang);
}

/* NULL when the document carries no watermark. */
const char *
polisi_document_get_watermark (PolisiDocument *self, PolisiLang lang)
{
  return get_field (self, FIELD_WATERMARK, lang);
}

/* How to comment, for a format no one can write in (PDF, a web page): the
 * text of the block "comments-intro" without the word of any menu. NULL
 * when the document has no comments appendix. */
const char *
polisi_document_get_comments_fixed (PolisiDocument *self, PolisiLang lang)
{
  return get_field (self, FIELD_COMMENTS_FIXED, lang);
}

/**
 * polisi_document_set_text:
 * @field: "title", "organisation", "subject", "keywords", "status", "date",
 *   "review", "closing", "watermark" or "comments-fixed"
 */
void
polisi_document_set_text (PolisiDocument *self,
                          const char     *field,
                          PolisiLang      lang,
                          const char     *text)
{
  g_return_if_fail (POLISI_IS_DOCUMENT (self));

  for (guint i = 0; i < N_FIELDS; i++)
    if (strcmp (field_names[i], field) == 0)
      {
        g_free (self->fields[i][lang]);
        self->fields[i][lang] = g_strdup (text);
        return;
      }

  g_return_if_reached ();
}

const char *
polisi_document_get_version (PolisiDocument *self)
{
  g_return_val_if_fail (POLISI_IS_DOCUMENT (self), NULL);
  return self->version;
}

void
polisi_document_set_version (PolisiDocument *self,
                             const char     *version)
{
  g_return_if_fail (POLISI_IS_DOCUMENT (self));
  g_free (self->version);
  self->version = g_strdup (version);
}

/* The identity of the policy the document was made from (see
 * polisi_policy_get_uid()), or NULL. */
const char *
polisi_document_get_policy_uid (PolisiDocument *self)
{
  g_return_val_if_fail (POLISI_IS_DOCUMENT (self), NULL);
  return self->policy_uid;
}

void
polisi_document_set_policy_uid (PolisiDocument *self,
                                const char     *uid)
{
  g_return_if_fail (POLISI_IS_DOCUMENT (self));
  g_free (self->policy_uid);
  self->policy_uid = g_strdup (uid);
}

PolisiStatus
polisi_document_get_status (PolisiDocument *self)
{
  g_return_val_if_fail (POLISI_IS_DOCUMENT (self), POLISI_STATUS_DRAFT);
  return self->status;
}

void
polisi_document_set_status (PolisiDocument *self,
                            PolisiStatus    status)
{
  g_return_if_fail (POLISI_IS_DOCUMENT (self));
  self->status = status;
}

const char *
polisi_document_get_date_iso (PolisiDocument *self)
{
  g_return_val_if_fail (POLISI_IS_DOCUMENT (self), NULL);
  return self->date_iso;
}

const char *
polisi_document_get_created_iso (PolisiDocument *self)
{
  g_return_val_if_fail (POLISI_IS_DOCUMENT (self), NULL);
  return self->created_iso;
}

void
polisi_document_set_dates (PolisiDocument *self,
                           const char     *created_iso,
                           const char     *date_iso)
{
  g_return_if_fail (POLISI_IS_DOCUMENT (self));
  g_free (self->created_iso);
  g_free (self->date_iso);
  self->created_iso = g_strdup (created_iso);
  self->date_iso = g_strdup (date_iso);
}

gboolean
polisi_document_get_line_numbers (PolisiDocument *self)
{
  g_return_val_if_fail (POLISI_IS_DOCUMENT (self), FALSE);
  return self->line_numbers;
}

void
polisi_document_set_line_numbers (PolisiDocument *self,
                                  gboolean        line_numbers)
{
  g_return_if_fail (POLISI_IS_DOCUMENT (self));
  self->line_numbers = line_numbers;
}

/* Where the policy applies: a policy for Wales is published in both
 * languages, so a one-language export says the other exists. */
PolisiNation
polisi_document_get_nation (PolisiDocument *self)
{
  g_return_val_if_fail (POLISI_IS_DOCUMENT (self), POLISI_NATION_WALES);
  return self->nation;
}

void
polisi_document_set_nation (PolisiDocument *self,
                            PolisiNation    nation)
{
  g_return_if_fail (POLISI_IS_DOCUMENT (self));
  self->nation = nation;
}

guint
polisi_document_get_n_blocks (PolisiDocument *self)
{
  g_return_val_if_fail (POLISI_IS_DOCUMENT (self), 0);
  return self->blocks->len;
}

PolisiBlock *
polisi_document_get_block (PolisiDocument *self,
                           guint           index)
{
  g_return_val_if_fail (POLISI_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return g_ptr_array_index (self->blocks, index);
}

PolisiBlock *
polisi_document_add_block (PolisiDocument  *self,
                           PolisiBlockKind  kind,
                           const char      *id,
                           const char      *number)
{
  g_return_val_if_fail (POLISI_IS_DOCUMENT (self), NULL);

  return polisi_document_insert_block (self, self->blocks->len, kind, id, number);
}

/**
 * polisi_document_insert_block:
 * @index: where the new block goes; the blocks from there on move down
 *
 * Returns: (transfer none): the new block
 */
PolisiBlock *
polisi_document_insert_block (PolisiDocument  *self,
                              guint            index,
                              PolisiBlockKind  kind,
                              const char      *id,
                              const char      *number)
{
  PolisiBlock *block;

  g_return_val_if_fail (POLISI_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index <= self->blocks->len, NULL);

  block = g_new0 (PolisiBlock, 1);
  block->kind = kind;
  block->lang_column = -1;
  block->id = g_strdup (id);
  block->number = g_strdup (number);
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      block->paras[lang] = g_ptr_array_new_with_free_func (text_block_free);
      block->cells[lang] = g_ptr_array_new_with_free_func (g_free);
    }
  g_ptr_array_insert (self->blocks, (int) index, block);

  return block;
}

/* The index of the first block of @kind with @id, or -1. */
int
polisi_document_find_block (PolisiDocument  *self,
                            PolisiBlockKind  kind,
                            const char      *id)
{
  g_return_val_if_fail (POLISI_IS_DOCUMENT (self), -1);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      PolisiBlock *block = self->blocks->pdata[i];

      if (block->kind == kind && g_strcmp0 (block->id, id) == 0)
        return (int) i;
    }
  return -1;
}

/* Whether any block, row or paragraph is marked as inserted or deleted:
 * a document that compares two versions. */
gboolean
polisi_document_has_changes (PolisiDocument *self)
{
  g_return_val_if_fail (POLISI_IS_DOCUMENT (self), FALSE);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      PolisiBlock *block = self->blocks->pdata[i];

      if (block->change != POLISI_CHANGE_NONE)
        return TRUE;
      if (block->row_changes != NULL)
        for (guint r = 0; r < block->row_changes->len; r++)
          if (g_array_index (block->row_changes, PolisiChange, r) != POLISI_CHANGE_NONE)
            return TRUE;
      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        for (guint p = 0; p < block->paras[lang]->len; p++)
          if (polisi_text_block_has_marks (block->paras[lang]->pdata[p]))
            return TRUE;
    }
  return FALSE;
}

void
polisi_block_set_text (PolisiBlock *block,
                       PolisiLang   lang,
                       const char  *markup)
{
  g_return_if_fail (block != NULL);

  g_ptr_array_unref (block->paras[lang]);
  block->paras[lang] = polisi_text_parse_blocks (markup);
}

/**
 * polisi_block_take_paras:
 * @paras: (transfer full) (element-type PolisiTextBlock): the paragraphs,
 *   made with a free function of polisi_text_block_free()
 */
void
polisi_block_take_paras (PolisiBlock *block,
                         PolisiLang   lang,
                         GPtrArray   *paras)
{
  g_return_if_fail (block != NULL);
  g_return_if_fail (paras != NULL);

  g_ptr_array_unref (block->paras[lang]);
  block->paras[lang] = paras;
}

/* The block's text in @lang as clause markup: one line per paragraph,
 * items as "- ". */
char *
polisi_block_get_markup (PolisiBlock *block,
                         PolisiLang   lang)
{
  g_return_val_if_fail (block != NULL, NULL);
  return polisi_text_join_blocks (block->paras[lang]);
}

void
polisi_block_set_row_change (PolisiBlock  *block,
                             guint         row,
                             PolisiChange  change)
{
  g_return_if_fail (block != NULL && block->kind == POLISI_BLOCK_TABLE);

  if (block->row_changes == NULL)
    block->row_changes = g_array_new (FALSE, TRUE, sizeof (PolisiChange));
  if (row >= block->row_changes->len)
    g_array_set_size (block->row_changes, row + 1);
  g_array_index (block->row_changes, PolisiChange, row) = change;
}

PolisiChange
polisi_block_get_row_change (PolisiBlock *block,
                             guint        row)
{
  g_return_val_if_fail (block != NULL, POLISI_CHANGE_NONE);

  if (block->row_changes == NULL || row >= block->row_changes->len)
    return POLISI_CHANGE_NONE;
  return g_array_index (block->row_changes, PolisiChange, row);
}

void
polisi_block_add_row (PolisiBlock        *block,
                      PolisiLang          lang,
                      const char * const *cells)
{
  g_return_if_fail (block != NULL && block->kind == POLISI_BLOCK_TABLE);
  g_return_if_fail (block->n_columns > 0);

  for (guint i = 0; i < block->n_columns; i++)
    g_ptr_array_add (block->cells[lang], g_strdup (cells[i] != NULL ? cells[i] : ""));
}

/**
 * polisi_block_set_cell_lang:
 * @lang: a #PolisiLang, or -1 for the table's own
 *
 * Says that a cell is written in @lang whatever the table's language: one
 * column of a table may have such cells (a comment, as its author wrote
 * it).
 */
void
polisi_block_set_cell_lang (PolisiBlock *block,
                            guint        row,
                            guint        column,
                            int          lang)
{
  g_return_if_fail (block != NULL && block->kind == POLISI_BLOCK_TABLE);
  g_return_if_fail (block->lang_column < 0 || block->lang_column == (int) column);

  block->lang_column = column;
  if (block->row_langs == NULL)
    block->row_langs = g_array_new (FALSE, FALSE, sizeof (int));
  while (block->row_langs->len <= row)
    {
      int none = -1;
      g_array_append_val (block->row_langs, none);
    }
  g_array_index (block->row_langs, int, row) = lang;
}

/* The language of a cell when it is not the table's, or -1. */
int
polisi_block_get_cell_lang (PolisiBlock *block,
                            guint        row,
                            guint        column)
{
  g_return_val_if_fail (block != NULL, -1);

  if (block->row_langs == NULL || block->lang_column != (int) column || row >= block->row_langs->len)
    return -1;
  return g_array_index (block->row_langs, int, row);
}

guint
polisi_block_get_n_rows (PolisiBlock *block)
{
  g_return_val_if_fail (block != NULL, 0);
  if (block->n_columns == 0)
    return 0;
  return MAX (block->cells[POLISI_LANG_CY]->len, block->cells[POLISI_LANG_EN]->len) / block->n_columns;
}

const char *
polisi_block_get_cell (PolisiBlock *block,
                       PolisiLang   lang,
                       guint        row,
                       guint        column)
{
  guint index;

  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (column < block->n_columns, NULL);

  index = row * block->n_columns + column;
  if (index >= block->cells[lang]->len)
    return "";
  return g_ptr_array_index (block->cells[lang], index);
}

/* The text of a heading (its first paragraph), "" when there is none. */
const char *
polisi_block_get_heading_text (PolisiBlock *block,
                               PolisiLang   lang)
{
  g_return_val_if_fail (block != NULL, NULL);

  if (block->paras[lang]->len == 0)
    return "";
  return ((PolisiTextBlock *) g_ptr_array_index (block->paras[lang], 0))->text;
}

/**
 * polisi_block_set_column_shares:
 * @shares: (array length=n_shares): per column, the least share of the
 *   table's width it takes, from 0 to 1
 *
 * For a table people write in: its columns are wide enough to write in
 * even while their cells are empty.
 */
void
polisi_block_set_column_shares (PolisiBlock  *block,
                                const double *shares,
                                guint         n_shares)
{
  g_return_if_fail (block != NULL);

  g_clear_pointer (&block->column_shares, g_array_unref);
  if (shares == NULL || n_shares == 0)
    return;
  block->column_shares = g_array_sized_new (FALSE, FALSE, sizeof (double), n_shares);
  g_array_append_vals (block->column_shares, shares, n_shares);
}

/**
 * polisi_block_get_column_widths:
 * @langs: (array length=n_langs): the languages shown
 * @available: the width of the table, in characters of its text
 * @padding: the room a cell takes besides its text, in characters
 * @widths: (out caller-allocates) (array): the width of each of the
 *   block's columns, in characters, adding up to @available
 *
 * The widths of a table's columns, the same in every language shown: each
 * at least as wide as its longest word (a word longer than 25 characters
 * breaks anyway), and the rest of the width shared by how much text each
 * column holds (up to 80 characters a cell); no column narrower than its
 * share (polisi_block_set_column_shares()). The ODT and the PDF use the
 * same widths, so a version history or a comments table looks the same in
 * both.
 */
void
polisi_block_get_column_widths (PolisiBlock      *block,
                                const PolisiLang *langs,
                                guint             n_langs,
                                double            available,
                                double            padding,
                                double           *widths)
{
  guint n_rows;
  g_autofree double *least = NULL;
  g_autofree double *wanted = NULL;
  double sum_least = 0;
  double sum_wanted = 0;

  g_return_if_fail (block != NULL && block->n_columns > 0);
  g_return_if_fail (widths != NULL);

  n_rows = polisi_block_get_n_rows (block);
  least = g_new0 (double, block->n_columns);
  wanted = g_new0 (double, block->n_columns);

  for (guint c = 0; c < block->n_columns; c++)
    {
      glong longest_word = 0;
      glong longest_text = 0;

      for (guint r = 0; r < n_rows; r++)
        for (guint l = 0; l < n_langs; l++)
          {
            const char *cell = polisi_block_get_cell (block, langs[l], r, c);
            /* a date, a version or an Act's year does not break
             * (polisi_text_find_unbreakable_spaces()): it is one word */
            g_autoptr(GArray) kept = polisi_text_find_unbreakable_spaces (cell);
            guint next_kept = 0;
            glong word = 0;

            longest_text = MAX (longest_text, g_utf8_strlen (cell, -1));
            for (const char *p = cell; *p != '\0'; p = g_utf8_next_char (p))
              {
                guint offset = (guint) (p - cell);
                gboolean breaks = g_unichar_isspace (g_utf8_get_char (p));

                while (next_kept < kept->len && g_array_index (kept, guint, next_kept) < offset)
                  next_kept++;
                if (breaks && next_kept < kept->len && g_array_index (kept, guint, next_kept) == offset)
                  breaks = FALSE;
                word = breaks ? 0 : word + 1;
                longest_word = MAX (longest_word, word);
              }
          }
      least[c] = MIN (longest_word, 25) + padding;
      if (block->column_shares != NULL && c < block->column_shares->len)
        least[c] = MAX (least[c], available * g_array_index (block->column_shares, double, c));
      wanted[c] = MAX (least[c], MIN (longest_text, 80) + padding);
      sum_least += least[c];
      sum_wanted += wanted[c];
    }

  for (guint c = 0; c < block->n_columns; c++)
    {
      if (sum_wanted <= available)
        widths[c] = wanted[c] * available / sum_wanted;
      else if (sum_least >= available)
        widths[c] = least[c] * available / sum_least;
      else
        widths[c] = least[c] + (available - sum_least) * (wanted[c] - least[c]) / (sum_wanted - sum_least);
    }
}
