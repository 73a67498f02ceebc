/* fuzz-library.c: the clause library and legislation register readers
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An organisation may load its own library file: whatever its bytes,
 * reading must not crash. A library that reads is verified and used to
 * make a policy, which is assembled.
 */
#include "config.h"

#include "fuzz-common.h"
#include "polisi-assembler.h"
#include "polisi-legislation.h"
#include "polisi-library.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) legislation_error = NULL;
  g_autoptr(PolisiLibrary) library = NULL;
  g_autoptr(PolisiLegislation) legislation = NULL;

  polisi_fuzz_make_warnings_fatal ();

  library = polisi_library_new_from_bytes (bytes, "fuzz-library.xml", &error);
  if (library != NULL)
    {
      g_autoptr(GPtrArray) problems = polisi_library_verify (library);
      g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
      g_autoptr(PolisiDocument) document = polisi_assemble (policy, library, POLISI_ASSEMBLE_DEFAULT);

      g_assert (problems != NULL && document != NULL);
    }
  else
    g_assert (error != NULL);

  /* the same bytes as a legislation register */
  legislation = polisi_legislation_new_from_bytes (bytes, "fuzz-legislation.xml", &legislation_error);
  if (legislation != NULL)
    {
      g_autoptr(GArray) found = NULL;
      g_autofree char *replaced = NULL;

      found = polisi_legislation_find_outdated (legislation, "Deddf Rheoleiddio Pwerau Ymchwilio 2000, GDPR 2018",
                                                POLISI_LANG_CY, POLISI_NATION_WALES);
      replaced = polisi_legislation_replace_outdated (legislation, "Data Protection Act 1998",
                                                      POLISI_LANG_EN, POLISI_NATION_WALES, NULL);
    }

  return 0;
}
