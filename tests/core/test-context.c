/* test-context.c: the context handed down instead of globals
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A context is made from a library and a register, shows them as its
 * properties, holds them while it lives and lets them go when it is freed;
 * it holds the interface language too.
 */
#include "config.h"

#include "polisi-context.h"
#include "polisi-test-utils.h"

static void
test_new_and_finalize (void)
{
  PolisiLibrary *library = polisi_test_load_mini_library ();
  PolisiLegislation *legislation = polisi_test_load_mini_legislation ();
  PolisiContext *context = polisi_context_new (library, legislation);
  g_autoptr(PolisiLibrary) read_library = NULL;
  g_autoptr(PolisiLegislation) read_legislation = NULL;

  /* its properties are given once, when it is made */
  polisi_test_assert_explicit_notify (POLISI_TYPE_CONTEXT);
  g_object_get (context, "library", &read_library, "legislation", &read_legislation, NULL);
  g_assert_true (read_library == library);
  g_assert_true (read_legislation == legislation);
  g_clear_object (&read_library);
  g_clear_object (&read_legislation);
  g_assert_true (polisi_context_get_library (context) == library);
  g_assert_true (polisi_context_get_legislation (context) == legislation);

  g_assert_finalize_object (context);
  g_assert_finalize_object (library);
  g_assert_finalize_object (legislation);
}

/* A context without a register, and the built-in one. */
static void
test_without_legislation (void)
{
  PolisiLibrary *library = polisi_test_load_mini_library ();
  PolisiContext *context = polisi_context_new (library, NULL);
  PolisiContext *builtin = polisi_test_builtin_context ();

  g_assert_null (polisi_context_get_legislation (context));
  g_assert_cmpstr (polisi_library_get_id (polisi_context_get_library (context)), ==, "mini");
  g_assert_cmpstr (polisi_library_get_id (polisi_context_get_library (builtin)), ==, "polisi-staff-social-media");
  g_assert_nonnull (polisi_context_get_legislation (builtin));
  g_assert_finalize_object (context);
  g_assert_finalize_object (library);
  g_assert_finalize_object (builtin);
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

  g_test_add_func ("/context/new-and-finalize", test_new_and_finalize);
  g_test_add_func ("/context/without-legislation", test_without_legislation);
  g_test_add_func ("/context/interface-language", test_interface_language);

  return g_test_run ();
}
