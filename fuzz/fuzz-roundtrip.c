/* fuzz-roundtrip.c: whatever loads, saves and loads again, the same
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A policy that reads is written as a file is saved
 * (polisi_policy_to_file_bytes(), the same gate as a save), read again,
 * and must be equal; written again, the bytes must not change. Inputs
 * whose first two bytes are 0xff are also grown (it takes seconds), by
 * their own text repeated in comments, up to and past the reader's size
 * limit: the gate must then refuse, never hand back a file the reader
 * would refuse. That is the fault where an imported comment made a
 * policy that could not be opened.
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "polisi-error.h"
#include "polisi-policy-io.h"
#include "polisi-xml-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
round_trip (PolisiPolicy *policy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) written = polisi_policy_to_file_bytes (policy, "fuzz.polisi", &error);
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(PolisiPolicy) again = NULL;

  if (written == NULL)
    {
      /* refused: only for being too large, and then clearly */
      g_assert (g_error_matches (error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE));
      return;
    }
  g_assert (g_bytes_get_size (written) <= POLISI_XML_MAX_SIZE);
  again = polisi_policy_load_bytes (written, "again.polisi", &error);
  if (again == NULL)
    g_error ("a policy Polisi wrote did not read again: %s", error->message);
  if (!polisi_policy_equal (policy, again))
    g_error ("a policy changed on its way through a file");
  rewritten = polisi_policy_to_file_bytes (again, "again.polisi", &error);
  g_assert (rewritten != NULL);
  if (!g_bytes_equal (written, rewritten))
    g_error ("writing a policy read back gave other bytes");
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiPolicy) policy = NULL;

  polisi_fuzz_make_warnings_fatal ();

  policy = polisi_policy_load_bytes (bytes, "fuzz.polisi", &error);
  if (policy == NULL)
    {
      g_assert (error != NULL && error->message != NULL);
      /* the bytes as text, grown towards the limit in a policy of its own */
      if (size > 2 && data[0] == 0xff && data[1] == 0xff)
        {
          g_autofree char *text = g_strndup ((const char *) data + 1, size - 1);
          g_autoptr(GString) body = g_string_new (NULL);
          g_autoptr(PolisiPolicy) grown = polisi_policy_new ();

          while (body->len < 200000 && strlen (text) > 0)
            g_string_append (body, text);
          for (guint i = 0; i < 100 && body->len > 0; i++)
            polisi_policy_add_comment (grown, NULL, -1, text, NULL, body->str);
          round_trip (grown);
        }
      return 0;
    }

  round_trip (policy);
  return 0;
}
