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

#include <stdlib.h>

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

/* Runs first-numbers: how many of @n fresh processes had a valid number
 * refused. */
static int
refused_first_numbers (const char *mode,
                       int         n)
{
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "core", "first-numbers", NULL);
  g_autofree char *count = g_strdup_printf ("%d", n);
  const char *argv[] = { helper, mode, count, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return atoi (out);
}

/* GLib 2.74 can refuse a valid number when two threads of a process read
 * their first at once (polisi_core_init()); after polisi_core_init(),
 * never. Without it, first-numbers' processes refused one 10 times in
 * 3,000 (a program without Polisi's libraries, 60 in 3,000): if the
 * set-up stopped working, 1,000 processes would fail this test about 19
 * times in 20. */
static void
test_first_numbers (void)
{
  g_assert_cmpint (refused_first_numbers ("init", 1000), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/context/new-and-finalize", test_new_and_finalize);
  g_test_add_func ("/context/without-legislation", test_without_legislation);
  g_test_add_func ("/context/interface-language", test_interface_language);
  g_test_add_func ("/context/first-numbers", test_first_numbers);

  return g_test_run ();
}
