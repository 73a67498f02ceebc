/* make-seeds.c: the seed corpus of the comment reader's fuzzer
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   make-seeds OUTPUT-FOLDER EXAMPLE.polisi...
 *
 * Each example is exported as a consultation draft in every layout and
 * annotated the way LibreOffice annotates (office:annotation with
 * dc:creator, dc:date to the nanosecond, meta:date-string and paragraphs;
 * a comment on a selection with its office:annotation-end), as
 * tests/import/test-comments.c does. Written for each: the returned ODT and its
 * content.xml alone. For the columns layout, also: the bookmarks renamed
 * and cut to 40 characters the way Word saves them, the bookmarks lost
 * (clauses found by number only), and a package whose content.xml is
 * stored rather than deflated, so that mutations of the package reach the
 * XML.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gsf/gsf-utils.h>

#include "polisi-assembler.h"
#include "polisi-context.h"
#include "polisi-export.h"
#include "polisi-returned-draft.h"
#include "polisi-odt.h"
#include "polisi-policy-io.h"
#include "polisi-test-odt.h"

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("make-seeds: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

/* A comment as LibreOffice writes one; @body is the XML of its
 * paragraphs. */
static char *
annotation (guint       number,
            const char *author,
            const char *date,
            const char *body)
{
  return g_strdup_printf ("<office:annotation office:name=\"__Annotation__%u_1764043722\">"
                          "<dc:creator>%s</dc:creator><dc:date>%s</dc:date>"
                          "<meta:date-string>01/02/2027, 10:15</meta:date-string>%s</office:annotation>",
                          number, author, date, body);
}

/* @content with @insert put right after the @n-th (from 0) @after, or
 * unchanged when there are fewer. */
static char *
insert_after (const char *content,
              const char *after,
              const char *close,
              guint       n,
              const char *insert)
{
  const char *at = strstr (content, after);

  for (guint i = 0; at != NULL && i < n; i++)
    at = strstr (at + 1, after);
  if (at == NULL)
    return g_strdup (content);
  at = strstr (at, close);
  if (at == NULL)
    return g_strdup (content);
  at += strlen (close);
  return g_strdup_printf ("%.*s%s%s", (int) (at - content), content, insert, at);
}

/* @content with @insert put right before the first @before past the
 * @n-th @after. */
static char *
insert_before (const char *content,
               const char *after,
               guint       n,
               const char *before,
               const char *insert)
{
  const char *at = strstr (content, after);

  for (guint i = 0; at != NULL && i < n; i++)
    at = strstr (at + 1, after);
  if (at == NULL || (at = strstr (at, before)) == NULL)
    return g_strdup (content);
  return g_strdup_printf ("%.*s%s%s", (int) (at - content), content, insert, at);
}

#define CLAUSE_START "<text:bookmark-start text:name=\"polisi-clause-"
#define CLAUSE_END "<text:bookmark-end text:name=\"polisi-clause-"

/* Comments where union representatives put them: at the start of a
 * clause, on a selection of one, with a list and spacing in the body, an
 * empty one, the same one twice, and one in a heading (no clause). */
static char *
annotate (const char *content)
{
  g_autofree char *first = annotation (1, "Siân Jones (UCAC)", "2027-02-01T10:15:00.123456789",
                                       "<text:p text:style-name=\"P1\"><text:span text:style-name=\"T1\">"
                                       "Dylai hyn enwi'r dirprwy ŵ ŷ.</text:span></text:p>");
  g_autofree char *ranged = g_strdup_printf ("<office:annotation office:name=\"__Annotation__2_1764043722\">"
                                             "<dc:creator>Tom Price (NEU)</dc:creator><dc:date>2027-02-02T09:00:00</dc:date>"
                                             "<text:p>Say &quot;online safety&quot; here<text:s text:c=\"3\"/>too.</text:p>"
                                             "</office:annotation>");
  g_autofree char *listed = annotation (3, "  Tom  Price\t(NEU) ", "2027-02-02T09:05:00",
                                        "<text:p>Two points:<text:line-break/>first<text:tab/>this</text:p>"
                                        "<text:list><text:list-item><text:p>one</text:p></text:list-item>"
                                        "<text:list-item><text:p>two <text:span>&amp; three</text:span></text:p>"
                                        "</text:list-item></text:list>");
  g_autofree char *empty = annotation (4, "", "", "<text:p/>");
  g_autofree char *heading = annotation (5, "Tom Price (NEU)", "2027-02-02T09:10:00",
                                         "<text:p>A general point about safeguarding.</text:p>");
  g_autofree char *a = insert_after (content, CLAUSE_START, "/>", 0, first);
  g_autofree char *b = insert_after (a, CLAUSE_START, "/>", 2, ranged);
  g_autofree char *c = insert_before (b, CLAUSE_START, 2, CLAUSE_END,
                                      "<office:annotation-end office:name=\"__Annotation__2_1764043722\"/>");
  g_autofree char *d = insert_after (c, CLAUSE_START, "/>", 9, listed);
  g_autofree char *e = insert_after (d, CLAUSE_START, "/>", 19, empty);
  g_autofree char *f = insert_after (e, CLAUSE_START, "/>", 29, first);

  return insert_after (f, "<text:h ", ">", 1, heading);
}

static void
write_seed (const char *folder,
            const char *name,
            const char *data,
            gsize       size)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, data, size, &error))
    die (path, error);
}

static void
write_package (const char *folder,
               const char *name,
               GBytes     *draft,
               const char *content,
               gboolean    store_content)
{
  g_autoptr(GBytes) package = polisi_test_odt_repack (draft, content, store_content);

  write_seed (folder, name, g_bytes_get_data (package, NULL), g_bytes_get_size (package));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiContext) context = NULL;
  const struct {
    PolisiLayout  layout;
    const char   *name;
  } layouts[] = {
    { POLISI_LAYOUT_COLUMNS, "columns" },
    { POLISI_LAYOUT_SEQUENTIAL, "sequential" },
    { POLISI_LAYOUT_CY, "cy" },
    { POLISI_LAYOUT_EN, "en" },
  };

  if (argc < 3)
    {
      g_printerr ("Usage: make-seeds OUTPUT-FOLDER EXAMPLE.polisi...\n");
      return 2;
    }

  gsf_init ();
  context = polisi_context_new_builtin (&error);
  if (context == NULL)
    die ("the built-in library", error);
  if (g_mkdir_with_parents (argv[1], 0755) != 0)
    die (argv[1], NULL);

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(PolisiPolicy) policy = polisi_policy_load (file, &error);
      g_autofree char *base = NULL;
      g_autoptr(PolisiDocument) document = NULL;

      if (policy == NULL)
        die (argv[i], error);
      base = g_file_get_basename (file);
      if (g_str_has_suffix (base, ".polisi"))
        base[strlen (base) - strlen (".polisi")] = '\0';
      document = polisi_assemble (policy, polisi_context_get_library (context), POLISI_ASSEMBLE_DEFAULT);

      for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
        {
          PolisiExportOptions options;
          g_autoptr(GBytes) draft = NULL;
          g_autoptr(GBytes) content = NULL;
          g_autofree char *text = NULL;
          g_autofree char *annotated = NULL;
          g_autofree char *name = NULL;

          polisi_export_options_init (&options, layouts[l].layout);
          draft = polisi_odt_write (document, &options, &error);
          if (draft == NULL)
            die (argv[i], error);
          content = polisi_returned_odt_unpack (draft, "draft.odt", &error);
          if (content == NULL)
            die (argv[i], error);
          text = g_strndup (g_bytes_get_data (content, NULL), g_bytes_get_size (content));
          annotated = annotate (text);

          name = g_strdup_printf ("%s-%s.odt", base, layouts[l].name);
          write_package (argv[1], name, draft, annotated, FALSE);
          g_free (name);
          name = g_strdup_printf ("%s-%s-content.xml", base, layouts[l].name);
          write_seed (argv[1], name, annotated, strlen (annotated));

          if (layouts[l].layout == POLISI_LAYOUT_COLUMNS)
            {
              g_autofree char *word = polisi_test_odt_rework_bookmarks (annotated, TRUE, 40);
              g_autofree char *lost = polisi_test_odt_rework_bookmarks (annotated, FALSE, 0);

              g_free (name);
              name = g_strdup_printf ("%s-word.odt", base);
              write_package (argv[1], name, draft, word, FALSE);
              g_free (name);
              name = g_strdup_printf ("%s-no-bookmarks.odt", base);
              write_package (argv[1], name, draft, lost, FALSE);
              g_free (name);
              name = g_strdup_printf ("%s-no-bookmarks-content.xml", base);
              write_seed (argv[1], name, lost, strlen (lost));
              g_free (name);
              name = g_strdup_printf ("%s-stored.odt", base);
              write_package (argv[1], name, draft, annotated, TRUE);
            }
        }
    }

  return 0;
}
