/* fuzz-set.c: the --set values, as a spreadsheet's script passes them
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each line of the input is one --set KEY=VALUE on an example policy, run
 * through the command line as it is run (polisi_cli_run()). Whatever the
 * values: no crash; a refusal leaves the file byte for byte as it was; a
 * success leaves a file that reads again and exports.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "fuzz-common.h"
#include "polisi-cli.h"
#include "polisi-policy-io.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *example;
static char *work_path;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GVariantDict) options = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  const char *files[] = { NULL, NULL };
  int status;

  if (example == NULL)
    {
      g_autofree char *folder = g_dir_make_tmp ("polisi-fuzz-set-XXXXXX", NULL);

      polisi_fuzz_make_warnings_fatal ();
      g_assert (g_file_get_contents (POLISI_FUZZ_POLICY, &example, NULL, NULL));
      work_path = g_build_filename (folder, "school.polisi", NULL);
    }
  g_assert (g_file_set_contents (work_path, example, -1, NULL));
  file = g_file_new_for_path (work_path);
  before = g_file_load_bytes (file, NULL, NULL, NULL);

  /* the option parser hands over only valid UTF-8 as a string */
  lines = g_strsplit (text, "\n", 16);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_utf8_validate (lines[i], -1, NULL))
      return 0;

  options = g_variant_dict_new (NULL);
  g_variant_dict_insert_value (options, "set", g_variant_new_strv ((const char * const *) lines, -1));
  files[0] = work_path;
  g_variant_dict_insert_value (options, G_OPTION_REMAINING, g_variant_new_bytestring_array (files, 1));

  status = polisi_cli_run (options);
  after = g_file_load_bytes (file, NULL, NULL, NULL);
  if (status != 0)
    {
      if (!g_bytes_equal (before, after))
        g_error ("--set refused (status %d) but the file changed", status);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PolisiPolicy) policy = polisi_policy_load_bytes (after, "school.polisi", &error);

      if (policy == NULL)
        g_error ("--set saved a file that does not read: %s", error->message);
    }
  return 0;
}
