/* polisi-batch.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One policy per school, from a spreadsheet saved as CSV:
 *
 *   polisi --batch=schools.csv --library=model.xml --export=pdf,odt --output-dir=policies
 *
 * The first row names the columns: "file" (the policy's file name) and
 * keys of --set (name-cy, name-en, language-category, head_teacher ...).
 * Each further row is one school. An empty cell leaves the model's value.
 *
 * The library is loaded once and shared, read only, by a pool of workers,
 * one per processor; each worker makes its row's policy, its documents
 * and every file in memory, and only then writes them. A worker takes
 * next a row with the same layout as its last one where there is one,
 * else one with a layout no other worker is on: each worker keeps the
 * paragraphs it laid out (the page layout's shaped-text cache, one per
 * thread), which rows of one layout share, so that the workers do not
 * each keep the paragraphs of every layout.
 * A row's .polisi and exports are written all or nothing. A bad row is reported with its row number and
 * column and the other rows go on. Exit status: 0 when every row was made;
 * 3 (POLISI_EXIT_USAGE) when a value or the CSV's header was wrong; 2
 * (POLISI_EXIT_BAD_FILE) when the CSV could not be read or a row's files
 * could not be written.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "polisi-assembler.h"
#include "polisi-cli.h"
#include "polisi-cli-private.h"
#include "polisi-error.h"
#include "polisi-export.h"
#include "polisi-parallel.h"
#include "polisi-file.h"
#include "polisi-policy-io.h"
#include "polisi-text.h"

/* A council's list of every school in Wales is some hundreds of kilobytes. */
#define BATCH_MAX_SIZE (16 * 1024 * 1024)
#define BATCH_MAX_ROWS 100000
#define BATCH_MAX_COLUMNS 1000
#define FILE_COLUMN "file"

typedef struct {
  guint      number;   /* the row in the spreadsheet: the header is row 1 */
  GPtrArray *cells;    /* char *, raw bytes (UTF-8 is checked per cell) */
} CsvRow;

static void
csv_row_free (CsvRow *row)
{
  g_ptr_array_unref (row->cells);
  g_free (row);
}

/* RFC 4180: fields separated by commas, rows by CRLF or LF; a field in
 * double quotes may hold commas, line ends and "" for a quote. A byte
 * order mark at the start is passed over. */
static GPtrArray *
csv_parse (const char  *data,
           gsize        length,
           const char  *display_name,
           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) csv_row_free);
  const char *p = data;
  const char *end = data + length;
  guint number = 0;
  guint line = 1;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      CsvRow *row = g_new0 (CsvRow, 1);
      gboolean row_done = FALSE;

      row->number = ++number;
      row->cells = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (rows, row);
      if (rows->len > BATCH_MAX_ROWS)
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE,
                       _("“%s” has more than %u rows. Split it into smaller files and make each batch in turn."),
                       display_name, BATCH_MAX_ROWS);
          return NULL;
        }

      while (!row_done)
        {
          GString *cell = g_string_new (NULL);

          if (p < end && *p == '"')
            {
              guint opened = line;

              p++;
              for (;;)
                {
                  if (p >= end)
                    {
                      g_string_free (cell, TRUE);
                      g_set_error (error, POLISI_ERROR, POLISI_ERROR_MALFORMED,
                                   _("“%s”, line %u: a quoted value is never closed. Check that every \" that opens a "
                                     "value has a \" to close it, and write a \" inside a value as \"\"."),
                                   display_name, opened);
                      return NULL;
                    }
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          g_string_append_c (cell, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }
                  if (*p == '\n')
                    line++;
                  g_string_append_c (cell, *p++);
                }
              /* anything between the closing quote and the comma is kept,
               * as spreadsheets do */
            }
          while (p < end && *p != ',' && *p != '\n' && *p != '\r')
            g_string_append_c (cell, *p++);

          g_ptr_array_add (row->cells, g_string_free (cell, FALSE));
          if (row->cells->len > BATCH_MAX_COLUMNS)
            {
              g_set_error (error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE,
                           _("“%s”, line %u: more than %u columns. Check that the file is a CSV file of schools."),
                           display_name, line, BATCH_MAX_COLUMNS);
              return NULL;
            }

          if (p >= end)
            row_done = TRUE;
          else if (*p == ',')
            p++;
          else
            {
              if (*p == '\r')
                p++;
              if (p < end && *p == '\n')
                p++;
              line++;
              row_done = TRUE;
            }
        }
    }

  return g_steal_pointer (&rows);
}

static gboolean
row_is_blank (CsvRow *row)
{
  for (guint i = 0; i < row->cells->len; i++)
    {
      const char *cell = row->cells->pdata[i];

      for (const char *c = cell; *c != '\0'; c++)
        if (!g_ascii_isspace (*c))
          return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */

typedef struct {
  PolisiContext *context;
  GPtrArray     *header;      /* char *: the keys */
  guint          file_column;
  GFile         *output_dir;
  PolisiFormat   formats[N_POLISI_FORMATS];
  guint          n_formats;
  gboolean       has_layout;
  int            layout;
  gboolean       english_first;
  gboolean       final;
  gboolean       overwrite;

  GMutex         lock;
  GQueue         pending;     /* Job *, in the order of the rows */
  guint          on_layout[POLISI_LAYOUT_SEPARATE + 1];  /* workers on rows of each layout */
  GHashTable    *claimed;     /* file name → the row that writes it */
  guint          n_done;
  guint          n_rows;
  gboolean       progress;
} Batch;

typedef enum {
  ROW_PENDING,
  ROW_OK,
  ROW_BAD_VALUE,
  ROW_NOT_WRITTEN,
} RowStatus;

typedef struct {
  CsvRow     *row;
  char       *file_name;  /* the file column, checked */
  int         layout;     /* the row's layout, as far as its cells say; -1 unknown */
  RowStatus   status;
  char       *message;
  guint       n_files;
} Job;

typedef struct {
  GFile  *file;
  GBytes *bytes;
  GBytes *old;      /* what was there, with --overwrite */
  gboolean existed;
  gboolean written;
} Output;

static void
output_clear (Output *output)
{
  g_clear_object (&output->file);
  g_clear_pointer (&output->bytes, g_bytes_unref);
  g_clear_pointer (&output->old, g_bytes_unref);
}

static void
job_fail (Job        *job,
          RowStatus   status,
          const char *message)
{
  job->status = status;
  job->message = g_strdup (message);
}

/* "school.polisi" with the extension of @format, and -cy or -en for one
 * of two separate files. */
static char *
export_name (const char   *policy_name,
             PolisiFormat  format,
             int           lang)
{
  const char *insert = lang < 0 ? NULL : (lang == POLISI_LANG_CY ? "-cy" : "-en");

  return polisi_format_replace_extension (policy_name, POLISI_POLICY_SUFFIX, insert, format);
}

static gboolean
build_outputs (Batch         *batch,
               Job           *job,
               PolisiPolicy  *policy,
               GArray        *outputs,
               GError       **error)
{
  PolisiLibrary *library = polisi_context_get_library (batch->context);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(PolisiDocument) document = NULL;
  Output output = { 0 };
  int layout;

  polisi_policy_set_modified (policy, stamp);
  output.file = g_file_get_child (batch->output_dir, job->file_name);
  output.bytes = polisi_policy_to_file_bytes (policy, job->file_name, error);
  if (output.bytes == NULL)
    {
      output_clear (&output);
      return FALSE;
    }
  g_array_append_val (outputs, output);

  if (batch->n_formats == 0)
    return TRUE;

  layout = batch->has_layout ? batch->layout
                             : (int) polisi_language_category_get_default_layout (polisi_policy_get_language_category (policy));
  document = polisi_assemble (policy, library, batch->final ? POLISI_ASSEMBLE_FINAL : POLISI_ASSEMBLE_DEFAULT);

  for (guint f = 0; f < batch->n_formats; f++)
    {
      PolisiFormat format = batch->formats[f];
      /* a web page is in one language: HTML is always two files */
      int format_layout = polisi_format_get_layout (format, layout);
      guint n_parts = format_layout == POLISI_LAYOUT_SEPARATE ? POLISI_N_LANGS : 1;

      for (guint part = 0; part < n_parts; part++)
        {
          PolisiExportOptions options;
          g_autofree char *name = NULL;
          g_autofree char *other = NULL;

          if (format_layout == POLISI_LAYOUT_SEPARATE)
            {
              name = export_name (job->file_name, format, part);
              other = export_name (job->file_name, format, POLISI_LANG_OTHER (part));
              polisi_export_options_init (&options, part == POLISI_LANG_CY ? POLISI_LAYOUT_CY : POLISI_LAYOUT_EN);
              options.other_file = other;
              options.english_first = batch->english_first;
            }
          else
            {
              name = export_name (job->file_name, format, -1);
              polisi_export_options_init (&options, format_layout);
              options.english_first = batch->english_first;
            }

          memset (&output, 0, sizeof output);
          output.file = g_file_get_child (batch->output_dir, name);
          output.bytes = polisi_export_to_bytes (document, format, &options, error);
          if (output.bytes == NULL)
            {
              output_clear (&output);
              return FALSE;
            }
          g_array_append_val (outputs, output);
        }
    }
  return TRUE;
}

/* Every file of the row, or none: what was written is taken back when a
 * later file fails (removed, or what was there put back). */
static gboolean
write_outputs (Batch   *batch,
               Job     *job,
               GArray  *outputs,
               GError **error)
{
  /* two rows never write the same file ("x" in two separate files is
   * x-cy.pdf, which a row called "x-cy" writes too) */
  g_mutex_lock (&batch->lock);
  for (guint i = 0; i < outputs->len; i++)
    {
      Output *output = &g_array_index (outputs, Output, i);
      g_autofree char *path = g_file_get_path (output->file);
      Job *other = g_hash_table_lookup (batch->claimed, path);

      if (other != NULL && other != job)
        {
          g_autofree char *name = g_file_get_parse_name (output->file);

          g_mutex_unlock (&batch->lock);
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                       _("“%s” is written for row %u as well. Change the file name of one of the two rows."),
                       name, other->row->number);
          return FALSE;
        }
    }
  for (guint i = 0; i < outputs->len; i++)
    {
      Output *output = &g_array_index (outputs, Output, i);

      g_hash_table_insert (batch->claimed, g_file_get_path (output->file), job);
    }
  g_mutex_unlock (&batch->lock);

  for (guint i = 0; i < outputs->len; i++)
    {
      Output *output = &g_array_index (outputs, Output, i);
      g_autofree char *name = g_file_get_parse_name (output->file);

      output->existed = g_file_query_exists (output->file, NULL);
      if (output->existed && !batch->overwrite)
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                       _("“%s” already exists and was left as it was. Move it away, or run the batch again with "
                         "--overwrite to replace the files it made before."),
                       name);
          return FALSE;
        }
      /* an export never replaces a policy */
      if (i > 0 && output->existed && polisi_policy_file_is_policy (output->file))
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                       _("“%s” is a Polisi policy, and an export never replaces one: it was left as it was. "
                         "Give this row another file name."), name);
          return FALSE;
        }
      if (output->existed)
        {
          char *contents = NULL;
          gsize length = 0;

          if (!g_file_load_contents (output->file, NULL, &contents, &length, NULL, error))
            return FALSE;
          output->old = g_bytes_new_take (contents, length);
        }
    }

  for (guint i = 0; i < outputs->len; i++)
    {
      Output *output = &g_array_index (outputs, Output, i);
      gsize size;
      const void *data = g_bytes_get_data (output->bytes, &size);

      if (polisi_file_replace (output->file, data, size, error))
        {
          output->written = TRUE;
          continue;
        }
      for (guint j = 0; j < i; j++)
        {
          Output *done = &g_array_index (outputs, Output, j);

          if (done->old != NULL)
            {
              gsize old_size;
              const void *old_data = g_bytes_get_data (done->old, &old_size);

              polisi_file_replace (done->file, old_data, old_size, NULL);
            }
          else
            g_file_delete (done->file, NULL, NULL);
        }
      return FALSE;
    }
  return TRUE;
}

static void
run_row (Job   *job,
         Batch *batch)
{
  PolisiLibrary *library = polisi_context_get_library (batch->context);
  g_autoptr(PolisiPolicy) policy = NULL;
  g_autoptr(GArray) outputs = g_array_new (FALSE, TRUE, sizeof (Output));
  g_autoptr(GError) error = NULL;
  CsvRow *row = job->row;

  g_array_set_clear_func (outputs, (GDestroyNotify) output_clear);

  policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  for (guint c = 0; c < row->cells->len; c++)
    {
      const char *value = row->cells->pdata[c];
      const char *key = batch->header->pdata[c];
      g_autofree char *setting = NULL;
      const char *v = value;

      while (g_ascii_isspace (*v))
        v++;
      if (c == batch->file_column || *v == '\0')
        continue;
      if (key[0] == '\0')
        {
          g_autofree char *message = g_strdup_printf (_("row %u, column %u: this column has no name in the first row, "
                                                        "so Polisi does not know what the value is. Name the column with "
                                                        "a key of “polisi --set help”."),
                                                      row->number, c + 1);
          job_fail (job, ROW_BAD_VALUE, message);
          return;
        }
      setting = g_strconcat (key, "=", value, NULL);
      if (!polisi_cli_apply_setting (policy, library, setting, &error))
        {
          /* Translators: row 4, column 3 (“head_teacher”): the reason */
          g_autofree char *message = g_strdup_printf (_("row %u, column %u (“%s”): %s"), row->number, c + 1, key,
                                                      error->message);
          job_fail (job, ROW_BAD_VALUE, message);
          return;
        }
    }

  if (!build_outputs (batch, job, policy, outputs, &error))
    {
      g_autofree char *message = g_strdup_printf (_("row %u: %s"), row->number, error->message);
      job_fail (job, ROW_BAD_VALUE, message);
      return;
    }
  if (!write_outputs (batch, job, outputs, &error))
    {
      /* Translators: row 4: the reason; nothing of the row is written */
      g_autofree char *message = g_strdup_printf (_("row %u: %s No file of this row was written."), row->number,
                                                  error->message);
      job_fail (job, ROW_NOT_WRITTEN, message);
      return;
    }
  job->n_files = outputs->len;
  job->status = ROW_OK;
}

/* The next row for a worker whose last row had @layout: the first pending
 * row with that layout, else the first with a layout no worker is on,
 * else the first. Called with the lock held. */
static Job *
take_job (Batch *batch,
          int    layout)
{
  GList *other = NULL;

  for (GList *l = batch->pending.head; l != NULL; l = l->next)
    {
      Job *job = l->data;

      if (layout >= 0 && job->layout == layout)
        {
          other = l;
          break;
        }
      if (other == NULL && job->layout >= 0 && batch->on_layout[job->layout] == 0)
        other = l;
    }
  if (other == NULL)
    other = batch->pending.head;
  if (other == NULL)
    return NULL;
  {
    Job *job = other->data;

    g_queue_delete_link (&batch->pending, other);
    return job;
  }
}

/* The layout a row will be exported in, as far as its cells say (the
 * language category's, unless --layout says): -1 when it cannot tell. */
static int
row_layout (Batch  *batch,
            CsvRow *row,
            int     category_column)
{
  g_autofree char *value = NULL;
  int category = POLISI_LANGUAGE_CATEGORY_DUAL;   /* the model's, as run_row() starts */

  if (batch->has_layout)
    return batch->layout >= 0 && batch->layout <= POLISI_LAYOUT_SEPARATE ? batch->layout : -1;
  if (category_column >= 0)
    {
      value = g_strstrip (g_strdup (row->cells->pdata[category_column]));
      if (value[0] != '\0' && !polisi_enum_from_string (POLISI_TYPE_LANGUAGE_CATEGORY, value, &category))
        return -1;
    }
  return polisi_language_category_get_default_layout (category);
}

static gpointer
worker (gpointer data)
{
  Batch *batch = data;
  int layout = -1;

  /* one worker a processor: none is left for a second thread */
  polisi_parallel_enter ();
  for (;;)
    {
      Job *job;

      g_mutex_lock (&batch->lock);
      if (layout >= 0)
        batch->on_layout[layout]--;
      job = take_job (batch, layout);
      layout = job != NULL ? job->layout : -1;
      if (layout >= 0)
        batch->on_layout[layout]++;
      g_mutex_unlock (&batch->lock);
      if (job == NULL)
        break;

      run_row (job, batch);

      g_mutex_lock (&batch->lock);
      batch->n_done++;
      if (batch->progress)
        {
          /* Translators: the progress of a batch on a terminal: "12 of 150 rows" */
          fputc ('\r', stderr);
          fprintf (stderr, _("%u of %u rows"), batch->n_done, batch->n_rows);
          fflush (stderr);
        }
      g_mutex_unlock (&batch->lock);
    }
  polisi_parallel_leave ();
  return NULL;
}

/* ------------------------------------------------------------------------ */

static const char *
lookup_filename (GVariantDict *options,
                 const char   *name)
{
  const char *value = NULL;

  if (!g_variant_dict_lookup (options, name, "^&ay", &value))
    return NULL;
  return value;
}

static gboolean
parse_formats (Batch        *batch,
               GVariantDict *options)
{
  const char *list = NULL;
  g_auto(GStrv) names = NULL;

  if (!g_variant_dict_lookup (options, "export", "&s", &list))
    return TRUE;
  names = g_strsplit (list, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      PolisiFormat format;
      gboolean seen = FALSE;

      g_strstrip (names[i]);
      if (!polisi_format_from_name (names[i], &format))
        {
          g_autofree char *known = polisi_format_list_names (", ");
          /* Translators: the second %s lists the formats: "odt, pdf" */
          g_autofree char *message = g_strdup_printf (_("“%s” is not a format Polisi exports. With --batch, give "
                                                        "--export= one or more of %s, separated by commas."),
                                                      names[i], known);
          polisi_cli_print_error (message);
          return FALSE;
        }
      for (guint f = 0; f < batch->n_formats; f++)
        seen |= batch->formats[f] == format;
      if (!seen)
        batch->formats[batch->n_formats++] = format;
    }
  return TRUE;
}

/* The file column names a file in the output folder: a plain name, with
 * .polisi added when it has no extension of its own. */
static char *
check_file_name (const char  *cell,
                 CsvRow      *row,
                 guint        column,
                 GError     **error)
{
  g_autofree char *name = g_strstrip (g_strdup (cell));

  if (name[0] == '\0')
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("row %u, column %u (“%s”): no file name. Give each school the name of its policy file, "
                     "such as ysgol-y-berllan.polisi."),
                   row->number, column + 1, FILE_COLUMN);
      return NULL;
    }
  if (strchr (name, '/') != NULL || strchr (name, '\\') != NULL || name[0] == '.' || strlen (name) > 200)
    {
      g_autofree char *shown = g_strescape (name, NULL);

      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("row %u, column %u (“%s”): “%s” is not a plain file name. Give a name without folders and "
                     "not starting with a dot, such as ysgol-y-berllan.polisi; choose the folder with --output-dir."),
                   row->number, column + 1, FILE_COLUMN, shown);
      return NULL;
    }
  if (!g_str_has_suffix (name, POLISI_POLICY_SUFFIX))
    return g_strconcat (name, POLISI_POLICY_SUFFIX, NULL);
  return g_steal_pointer (&name);
}

/* Whether @key is one --set knows, tried on a policy of its own: an
 * unknown column is the header's fault, not every row's. */
static gboolean
key_is_known (PolisiPolicy  *scratch,
              PolisiLibrary *library,
              const char    *key)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *setting = g_strconcat (key, "=", NULL);

  polisi_cli_apply_setting (scratch, library, setting, &error);
  return !g_error_matches (error, POLISI_ERROR, POLISI_ERROR_UNKNOWN_KEY);
}

int
polisi_batch_run (PolisiContext *context,
                  GVariantDict  *options)
{
  const char *csv_path = lookup_filename (options, "batch");
  const char *dir_path = lookup_filename (options, "output-dir");
  const char *layout_name = NULL;
  g_autoptr(GFile) csv_file = g_file_new_for_commandline_arg (csv_path);
  g_autofree char *csv_name = g_file_get_parse_name (csv_file);
  g_autofree char *csv_basename = g_file_get_basename (csv_file);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) jobs = g_ptr_array_new ();
  g_autoptr(GHashTable) file_rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiPolicy) scratch = polisi_policy_new_from_library (polisi_context_get_library (context),
                                                                    POLISI_LANGUAGE_CATEGORY_DUAL);
  g_autofree char *contents = NULL;
  g_autofree char *dir_name = NULL;
  g_autoptr(GPtrArray) workers = g_ptr_array_new ();
  int category_column = -1;
  CsvRow *header_row;
  Batch batch = { 0 };
  gsize length = 0;
  guint n_ok = 0, n_files = 0, n_bad_value = 0, n_not_written = 0;
  int status = POLISI_EXIT_OK;

  batch.context = context;
  batch.file_column = G_MAXUINT;
  batch.overwrite = g_variant_dict_contains (options, "overwrite");
  batch.english_first = g_variant_dict_contains (options, "english-first");
  batch.final = g_variant_dict_contains (options, "final");
  if (!parse_formats (&batch, options))
    return POLISI_EXIT_USAGE;
  if (g_variant_dict_lookup (options, "layout", "&s", &layout_name))
    {
      if (!polisi_enum_from_string (POLISI_TYPE_LAYOUT, layout_name, &batch.layout))
        {
          g_autofree char *nicks = polisi_enum_list_nicks (POLISI_TYPE_LAYOUT, ", ");
          g_autofree char *message = g_strdup_printf (_("“%s” is not a layout. Use one of: %s."), layout_name, nicks);

          polisi_cli_print_error (message);
          return POLISI_EXIT_USAGE;
        }
      batch.has_layout = TRUE;
    }

  /* the CSV: read whole, within a limit */
  {
    g_autoptr(GFileInfo) info = g_file_query_info (csv_file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                                   NULL, &error);

    if (info != NULL && g_file_info_get_size (info) > BATCH_MAX_SIZE)
      {
        g_autofree char *limit = g_format_size (BATCH_MAX_SIZE);
        g_autofree char *message = g_strdup_printf (_("“%s” is larger than %s, too large for a list of schools. "
                                                      "Check that it is the right file, or split it."),
                                                    csv_name, limit);
        polisi_cli_print_error (message);
        return POLISI_EXIT_BAD_FILE;
      }
    if (info == NULL || !g_file_load_contents (csv_file, NULL, &contents, &length, NULL, &error))
      {
        g_autofree char *message = g_strdup_printf (_("“%s” could not be read: %s"), csv_name, error->message);
        polisi_cli_print_error (message);
        return POLISI_EXIT_BAD_FILE;
      }
  }
  rows = csv_parse (contents, length, csv_name, &error);
  if (rows == NULL)
    {
      polisi_cli_print_error (error->message);
      return POLISI_EXIT_BAD_FILE;
    }
  if (rows->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is empty. Its first row names the columns (“file”, "
                                                    "“name-cy”, “name-en” …) and each further row is one school."), csv_name);
      polisi_cli_print_error (message);
      return POLISI_EXIT_BAD_FILE;
    }

  /* the header: every column a key --set knows, and one "file" */
  header_row = rows->pdata[0];
  batch.header = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < header_row->cells->len; c++)
    {
      const char *cell = header_row->cells->pdata[c];
      char *key;

      if (!g_utf8_validate (cell, -1, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("“%s”, row 1, column %u: the name of the column is not valid text "
                                                        "(UTF-8). Save the spreadsheet as “CSV UTF-8”."),
                                                      csv_name, c + 1);
          polisi_cli_print_error (message);
          g_ptr_array_unref (batch.header);
          return POLISI_EXIT_BAD_FILE;
        }
      key = g_strstrip (g_strdup (cell));
      g_ptr_array_add (batch.header, key);
      if (g_str_equal (key, FILE_COLUMN))
        {
          if (batch.file_column != G_MAXUINT)
            {
              g_autofree char *message = g_strdup_printf (_("“%s”, row 1: there are two “%s” columns (%u and %u). "
                                                            "Keep one."),
                                                          csv_name, FILE_COLUMN, batch.file_column + 1, c + 1);
              polisi_cli_print_error (message);
              g_ptr_array_unref (batch.header);
              return POLISI_EXIT_USAGE;
            }
          batch.file_column = c;
          continue;
        }
      /* An unknown or unnamed column is said once here; each row with a
       * value in it is then refused (by --set's own check), and a row that
       * leaves it empty is made: nothing is dropped without a word. */
      if (key[0] == '\0' || !key_is_known (scratch, polisi_context_get_library (context), key))
        {
          g_autofree char *shown = g_strescape (key, NULL);
          g_autofree char *message = NULL;

          if (key[0] == '\0')
            message = g_strdup_printf (_("“%s”, row 1, column %u: the column has no name. A row with a value in this "
                                         "column is not made. Name the column with a key of “polisi --set help”."),
                                       csv_basename, c + 1);
          else
            message = g_strdup_printf (_("“%s”, row 1, column %u: “%s” is not a key Polisi knows. A row with a value in "
                                         "this column is not made. Name each column with a key of “polisi --set help” "
                                         "(with --library, of that library), or “%s” for the file name."),
                                       csv_basename, c + 1, shown, FILE_COLUMN);
          /* Translators: the prefix of a warning on the command line */
          g_printerr ("%s %s\n", _("polisi: warning:"), message);
        }
    }
  if (batch.file_column == G_MAXUINT)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” has no “%s” column. Add a column called “%s” to its first row, "
                                                    "with the name of each school’s policy file, such as "
                                                    "ysgol-y-berllan.polisi."),
                                                  csv_name, FILE_COLUMN, FILE_COLUMN);
      polisi_cli_print_error (message);
      g_ptr_array_unref (batch.header);
      return POLISI_EXIT_USAGE;
    }

  /* the folder */
  if (dir_path != NULL)
    batch.output_dir = g_file_new_for_commandline_arg (dir_path);
  else
    batch.output_dir = g_file_get_parent (csv_file);
  dir_name = g_file_get_parse_name (batch.output_dir);
  if (!g_file_make_directory_with_parents (batch.output_dir, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *message = g_strdup_printf (_("The folder “%s” could not be made: %s"), dir_name, error->message);
      polisi_cli_print_error (message);
      g_ptr_array_unref (batch.header);
      g_object_unref (batch.output_dir);
      return POLISI_EXIT_BAD_FILE;
    }
  g_clear_error (&error);

  /* the rows: what can be checked before any work */
  for (guint r = 1; r < rows->len; r++)
    {
      CsvRow *row = rows->pdata[r];
      Job *job;

      if (row_is_blank (row))
        continue;
      job = g_new0 (Job, 1);
      job->row = row;
      g_ptr_array_add (jobs, job);

      if (row->cells->len > batch.header->len)
        {
          g_autofree char *message = g_strdup_printf (_("row %u, column %u: the row has %u values, more than the %u columns "
                                                        "the first row names. Check for a comma inside a value that "
                                                        "is not in double quotes."),
                                                      row->number, batch.header->len + 1, row->cells->len,
                                                      batch.header->len);
          job_fail (job, ROW_BAD_VALUE, message);
          continue;
        }
      for (guint c = 0; c < row->cells->len && job->status == ROW_PENDING; c++)
        if (!g_utf8_validate (row->cells->pdata[c], -1, NULL))
          {
            g_autofree char *message = g_strdup_printf (_("row %u, column %u (“%s”): the value is not valid text (UTF-8). "
                                                          "Save the spreadsheet as “CSV UTF-8”."),
                                                        row->number, c + 1, (char *) batch.header->pdata[c]);
            job_fail (job, ROW_BAD_VALUE, message);
          }
      if (job->status != ROW_PENDING)
        continue;
      /* a short row: the cells left off are empty */
      while (row->cells->len < batch.header->len)
        g_ptr_array_add (row->cells, g_strdup (""));

      job->file_name = check_file_name (row->cells->pdata[batch.file_column], row, batch.file_column, &error);
      if (job->file_name == NULL)
        {
          job_fail (job, ROW_BAD_VALUE, error->message);
          g_clear_error (&error);
          continue;
        }
      if (g_hash_table_contains (file_rows, job->file_name))
        {
          Job *first = g_hash_table_lookup (file_rows, job->file_name);
          g_autofree char *message = g_strdup_printf (_("row %u, column %u (“%s”): row %u has the same file name, “%s”. "
                                                        "Give each school a file of its own."),
                                                      row->number, batch.file_column + 1, FILE_COLUMN,
                                                      first->row->number, job->file_name);
          job_fail (job, ROW_BAD_VALUE, message);
          continue;
        }
      g_hash_table_insert (file_rows, job->file_name, job);
    }

  /* the work, on every processor */
  batch.n_rows = jobs->len;
  batch.progress = isatty (STDERR_FILENO);
  g_mutex_init (&batch.lock);
  batch.claimed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint c = 0; c < batch.header->len; c++)
    if (g_strcmp0 (batch.header->pdata[c], "language-category") == 0)
      category_column = c;
  g_queue_init (&batch.pending);
  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = jobs->pdata[i];

      if (job->status == ROW_PENDING)
        {
          job->layout = row_layout (&batch, job->row, category_column);
          g_queue_push_tail (&batch.pending, job);
        }
      else
        batch.n_done++;
    }
  for (guint i = 0; i < MAX (1, g_get_num_processors ()); i++)
    {
      GThread *thread = g_thread_try_new ("polisi-batch", worker, &batch, NULL);

      if (thread == NULL)
        break;
      g_ptr_array_add (workers, thread);
    }
  /* with no thread to be had, this one does the work */
  if (workers->len == 0)
    worker (&batch);
  for (guint i = 0; i < workers->len; i++)
    g_thread_join (workers->pdata[i]);
  g_mutex_clear (&batch.lock);
  g_hash_table_unref (batch.claimed);
  if (batch.progress)
    fprintf (stderr, "\r\033[K");

  /* the report, in the order of the rows */
  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = jobs->pdata[i];

      switch (job->status)
        {
        case ROW_OK:
          n_ok++;
          n_files += job->n_files;
          break;
        case ROW_BAD_VALUE:
        case ROW_NOT_WRITTEN:
          {
            /* Translators: “schools.csv”, row 3, column 4 (“type”): the reason */
            g_autofree char *message = g_strdup_printf (_("“%s”, %s"), csv_basename, job->message);

            if (job->status == ROW_BAD_VALUE)
              n_bad_value++;
            else
              n_not_written++;
            polisi_cli_print_error (message);
          }
          break;
        case ROW_PENDING:
        default:
          g_assert_not_reached ();
        }
      g_free (job->file_name);
      g_free (job->message);
      g_free (job);
    }
  g_ptr_array_set_size (jobs, 0);

  {
    g_autofree char *made = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u policy of %u made", "%u policies of %u made",
                                                          n_ok), n_ok, batch.n_rows);
    g_autofree char *written = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file written in %s",
                                                             "%u files written in %s", n_files), n_files, dir_name);
    g_autofree char *failed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row failed", "%u rows failed",
                                                            n_bad_value + n_not_written), n_bad_value + n_not_written);

    /* Translators: "Batch: 3 policies of 4 made, 9 files written in DIR, 1 row failed." */
    g_print (_("Batch: %s, %s, %s.\n"), made, written, failed);
  }

  if (n_bad_value > 0)
    status = POLISI_EXIT_USAGE;
  else if (n_not_written > 0)
    status = POLISI_EXIT_BAD_FILE;

  g_ptr_array_unref (batch.header);
  g_object_unref (batch.output_dir);
  return status;
}
