/* fuzz-policy.c: the .polisi reader, with hostile bytes
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the bytes, reading must not crash, leak or trip a sanitizer.
 * A file that reads is then assembled, checked and written back, and what
 * is written must read again as the same policy.
 */
#include "config.h"

#include "fuzz-common.h"
#include "polisi-assembler.h"
#include "polisi-checker.h"
#include "polisi-context.h"
#include "polisi-dates.h"
#include "polisi-policy-io.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static PolisiContext *context;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiPolicy) policy = NULL;
  g_autoptr(PolisiDocument) document = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(PolisiPolicy) again = NULL;
  GDate today;

  if (context == NULL)
    {
      polisi_fuzz_make_warnings_fatal ();
      context = polisi_context_new_builtin (NULL);
      g_assert (context != NULL);
    }

  policy = polisi_policy_load_bytes (bytes, "fuzz.polisi", &error);
  if (policy == NULL)
    {
      g_assert (error != NULL && error->message != NULL);
      return 0;
    }

  document = polisi_assemble (policy, polisi_context_get_library (context), POLISI_ASSEMBLE_DEFAULT);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 21, 11, 2026);
  findings = polisi_check (policy, polisi_context_get_library (context), polisi_context_get_legislation (context), &today);

  written = polisi_policy_to_bytes (policy);
  again = polisi_policy_load_bytes (written, "again.polisi", &error);
  if (again == NULL)
    g_error ("a policy that read did not read again after writing: %s", error->message);
  if (!polisi_policy_equal (policy, again))
    g_error ("a policy changed on its way through a file");

  return 0;
}
