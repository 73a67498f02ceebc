/* test-context.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "polisi-context.h"

static void
test_create_destroy (void)
{
  g_autoptr(GError) error = NULL;
  PolisiContext *context = polisi_context_new_builtin (&error);
  g_autoptr(PolisiLibrary) library = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (context);
  library = g_object_ref (polisi_context_get_library (context));
  g_assert_true (POLISI_IS_LEGISLATION (polisi_context_get_legislation (context)));
  g_assert_cmpuint (polisi_library_get_n_sections (library), >, 0);
  g_assert_finalize_object (context);
  /* the library outlives the context that held it */
  g_assert_true (POLISI_IS_LIBRARY (library));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n)
{
  (*n)++;
}

/* The interface language starts as the locale's (English under C.UTF-8),
 * notifies once per real change, and is the property's value. */
static void
test_interface_language (void)
{
  g_autoptr(GError) error = NULL;
  PolisiContext *context = polisi_context_new_builtin (&error);
  PolisiLang lang;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_cmpint (polisi_interface_lang (), ==, POLISI_LANG_EN);
  g_assert_cmpint (polisi_context_get_interface_language (context), ==, POLISI_LANG_EN);
  g_signal_connect (context, "notify::interface-language", G_CALLBACK (count_notify), &n);

  polisi_context_set_interface_language (context, POLISI_LANG_CY);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (polisi_context_get_interface_language (context), ==, POLISI_LANG_CY);
  polisi_context_set_interface_language (context, POLISI_LANG_CY);
  g_assert_cmpuint (n, ==, 1);

  g_object_set (context, "interface-language", POLISI_LANG_EN, NULL);
  g_assert_cmpuint (n, ==, 2);
  g_object_get (context, "interface-language", &lang, NULL);
  g_assert_cmpint (lang, ==, POLISI_LANG_EN);
  g_assert_finalize_object (context);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/context/create-destroy", test_create_destroy);
  g_test_add_func ("/context/interface-language", test_interface_language);

  return g_test_run ();
}
