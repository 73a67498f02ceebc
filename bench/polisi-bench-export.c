/* polisi-bench-export.c: how fast Polisi exports, and in how much memory
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports the full clause library (every clause included, every question
 * answered) in each layout and format, repeatedly, and prints the median
 * time of each, the peak memory of the process, and, as the reference,
 * the time LibreOffice takes to turn the same ODT into a PDF.
 *
 *   polisi-bench-export [--runs N] [--no-libreoffice]
 *
 * Targets (docs/benchmarks.md): the columns PDF under 50 ms, the ODT under
 * 10 ms, the PDF at least 20 times faster than LibreOffice's conversion,
 * peak memory under 40 MB.
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "polisi-assembler.h"
#include "polisi-context.h"
#include "polisi-export.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static PolisiPolicy *
full_policy (PolisiLibrary *library)
{
  PolisiPolicy *policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);

  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol Gyfun Gymraeg Cwm Derwen");
  polisi_policy_set_name (policy, POLISI_LANG_EN, "Ysgol Gyfun Gymraeg Cwm Derwen");
  for (guint i = 0; i < polisi_library_get_n_placeholders (library); i++)
    {
      PolisiPlaceholder *placeholder = polisi_library_get_placeholder (library, i);

      if (polisi_placeholder_get_derived (placeholder) == POLISI_DERIVED_NONE)
        polisi_policy_set_answer (policy, polisi_placeholder_get_id (placeholder), "Siân Ŵyn Hughes");
    }
  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    polisi_clause_state_set_included (polisi_policy_get_clause (policy, i), TRUE);
  polisi_policy_add_version_record (policy, "1.0", "2026-09-01", "Y Corff Llywodraethu",
                                    "Polisi newydd.", "New policy.");
  return policy;
}

/* LibreOffice's conversion of @odt to PDF, wall-clock seconds. */
static double
libreoffice_seconds (const char *odt,
                     const char *dir)
{
  g_autofree char *profile = g_strdup_printf ("-env:UserInstallation=file://%s/lo-profile", dir);
  const char *argv[] = { "soffice", "--headless", "--norestore", profile, "--convert-to", "pdf",
                         "--outdir", dir, odt, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) || !g_spawn_check_wait_status (status, NULL))
    return -1;
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *name; PolisiLayout layout; } layouts[] = {
    { "cy", POLISI_LAYOUT_CY },
    { "en", POLISI_LAYOUT_EN },
    { "columns", POLISI_LAYOUT_COLUMNS },
    { "sequential", POLISI_LAYOUT_SEQUENTIAL },
  };
  int runs = 15;
  gboolean libreoffice = TRUE;
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiContext) context = NULL;
  g_autoptr(PolisiPolicy) policy = NULL;
  g_autoptr(PolisiDocument) document = NULL;
  g_autoptr(GArray) assemble_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  double columns_pdf = 0, columns_odt_bytes_ms = 0;
  struct rusage usage;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each export (default 15)", "N" },
    { "no-libreoffice", 0, G_OPTION_FLAG_REVERSE, G_OPTION_ARG_NONE, &libreoffice, "Skip the LibreOffice reference", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("- measure Polisi's exports");

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  runs = MAX (runs, 3);

  context = polisi_context_new_builtin (&error);
  if (context == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  policy = full_policy (polisi_context_get_library (context));

  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(PolisiDocument) assembled = polisi_assemble (policy, polisi_context_get_library (context), 0);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (assemble_times, ms);
      g_set_object (&document, assembled);
    }

  g_print ("Polisi %s export benchmark: the full library, %u clauses in both languages, %d runs each\n\n",
           PACKAGE_VERSION, polisi_library_get_n_clauses (polisi_context_get_library (context)), runs);
  g_print ("The first run of each export lays out text the process has not laid out before at that width;\n"
           "later runs reuse the layouts, as the window does after each keystroke and for each export.\n\n");
  g_print ("%-12s %-6s %12s %12s %12s\n", "layout", "format", "first (ms)", "median (ms)", "size (KB)");
  g_print ("%-12s %-6s %12s %12.2f\n", "(assemble)", "-", "", median (assemble_times));

  dir = g_dir_make_tmp ("polisi-bench-XXXXXX", NULL);

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    for (PolisiFormat format = POLISI_FORMAT_ODT; format <= POLISI_FORMAT_PDF; format++)
      {
        g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr(GBytes) bytes = NULL;
        PolisiExportOptions export_options;
        double ms;

        gint64 first_start;
        double first_ms;

        polisi_export_options_init (&export_options, layouts[l].layout);
        /* the first run, reported apart */
        first_start = g_get_monotonic_time ();
        bytes = polisi_export_to_bytes (document, format, &export_options, &error);
        first_ms = (g_get_monotonic_time () - first_start) / 1000.0;
        if (bytes == NULL)
          {
            g_printerr ("%s %s: %s\n", layouts[l].name, format == POLISI_FORMAT_ODT ? "odt" : "pdf", error->message);
            return 1;
          }

        for (int i = 0; i < runs; i++)
          {
            gint64 start = g_get_monotonic_time ();

            g_clear_pointer (&bytes, g_bytes_unref);
            bytes = polisi_export_to_bytes (document, format, &export_options, NULL);
            ms = (g_get_monotonic_time () - start) / 1000.0;
            g_array_append_val (times, ms);
          }

        ms = median (times);
        g_print ("%-12s %-6s %12.2f %12.2f %12.1f\n", layouts[l].name, format == POLISI_FORMAT_ODT ? "odt" : "pdf",
                 first_ms, ms, g_bytes_get_size (bytes) / 1024.0);

        if (layouts[l].layout == POLISI_LAYOUT_COLUMNS)
          {
            if (format == POLISI_FORMAT_PDF)
              columns_pdf = ms;
            else
              {
                g_autofree char *path = g_build_filename (dir, "columns.odt", NULL);

                columns_odt_bytes_ms = ms;
                g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
              }
          }
      }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("\npeak memory (maximum resident set size): %.1f MB\n", usage.ru_maxrss / 1024.0);

  if (libreoffice)
    {
      g_autofree char *soffice = g_find_program_in_path ("soffice");
      g_autofree char *odt = g_build_filename (dir, "columns.odt", NULL);

      if (soffice == NULL)
        g_print ("LibreOffice reference: skipped (soffice is not installed)\n");
      else
        {
          g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

          /* the first start makes LibreOffice's profile; not counted */
          libreoffice_seconds (odt, dir);
          for (int i = 0; i < 3; i++)
            {
              double seconds = libreoffice_seconds (odt, dir);
              if (seconds > 0)
                g_array_append_val (times, seconds);
            }
          if (times->len > 0)
            {
              double lo_ms = median (times) * 1000;
              g_print ("LibreOffice headless, the columns ODT to PDF (median of %u): %.0f ms\n", times->len, lo_ms);
              g_print ("Polisi's columns PDF is %.0f times faster\n", lo_ms / columns_pdf);
            }
          else
            g_print ("LibreOffice reference: the conversion failed\n");
        }
    }

  g_print ("\ntargets: columns PDF < 50 ms (%s), ODT < 10 ms (%s), peak memory < 40 MB (%s)\n",
           columns_pdf < 50 ? "met" : "NOT MET",
           columns_odt_bytes_ms < 10 ? "met" : "NOT MET",
           usage.ru_maxrss / 1024.0 < 40 ? "met" : "NOT MET");

  remove_tree (dir);

  return 0;
}
