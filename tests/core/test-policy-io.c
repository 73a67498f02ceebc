/* test-policy-io.c: every kind of bad .polisi file is refused clearly,
 * and nothing is ever lost
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "polisi-error.h"
#include "polisi-policy-io.h"
#include "polisi-test-utils.h"

typedef struct {
  char          *dir;
  PolisiLibrary *library;
  char          *valid;      /* a valid policy file's text */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PolisiPolicy) policy = NULL;
  g_autoptr(GBytes) bytes = NULL;

  fixture->dir = polisi_test_make_temp_dir ();
  fixture->library = polisi_test_load_mini_library ();
  policy = polisi_policy_new_from_library (fixture->library, POLISI_LANGUAGE_CATEGORY_DUAL);
  polisi_policy_set_name (policy, POLISI_LANG_EN, "Ysgol y Berllan");
  polisi_policy_set_answer (policy, "head_teacher", "Mrs Siân Hughes");
  bytes = polisi_policy_to_bytes (policy);
  fixture->valid = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  polisi_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->valid);
  g_clear_object (&fixture->library);
}

/* Writes @contents as a file, tries to load it, and checks the error: its
 * code, that it names the file, and (when @where) that it gives a line.
 * The file must be unchanged afterwards. */
static void
assert_refused (Fixture    *fixture,
                const char *contents,
                gssize      length,
                int         code,
                gboolean    where)
{
  g_autofree char *path = g_build_filename (fixture->dir, "bad école.polisi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiPolicy) policy = NULL;
  g_autofree char *after = NULL;
  gsize after_length;

  if (length < 0)
    length = strlen (contents);
  polisi_test_write_file (path, contents, length);

  policy = polisi_policy_load (file, &error);
  g_assert_null (policy);
  g_assert_error (error, POLISI_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "bad école.polisi"));
  if (where)
    g_assert_nonnull (strstr (error->message, "line "));

  after = polisi_test_read_file (path, &after_length);
  g_assert_cmpmem (after, after_length, contents, length);
  g_assert_cmpuint (polisi_test_count_entries (fixture->dir), ==, 1);
}

static void
test_valid_loads (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new (fixture->valid, strlen (fixture->valid));
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiPolicy) policy = polisi_policy_load_bytes (bytes, "valid.polisi", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (polisi_policy_get_name (policy, POLISI_LANG_EN), ==, "Ysgol y Berllan");
}

static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (fixture->valid);

  g_string_replace (text, "</properties>", "</propertie>", 1);
  assert_refused (fixture, text->str, -1, POLISI_ERROR_MALFORMED, TRUE);
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  assert_refused (fixture, fixture->valid, strlen (fixture->valid) * 2 / 3, POLISI_ERROR_MALFORMED, TRUE);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  assert_refused (fixture, "", 0, POLISI_ERROR_MALFORMED, FALSE);
}

static void
test_not_a_policy (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) wrong_ns = g_string_new (fixture->valid);

  assert_refused (fixture, "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", -1,
                  POLISI_ERROR_NOT_POLICY, FALSE);
  g_string_replace (wrong_ns, "https://polisi.cymru/ns/policy/1", "https://example.com/policy", 1);
  assert_refused (fixture, wrong_ns->str, -1, POLISI_ERROR_NOT_POLICY, FALSE);
  /* an ODT or a PDF chosen by mistake */
  assert_refused (fixture, "PK\003\004\024\000\000\000mimetypeapplication/vnd.oasis.opendocument.text", 50,
                  POLISI_ERROR_NOT_POLICY, FALSE);
  assert_refused (fixture, "%PDF-1.5\n%\xe2\xe3\xcf\xd3\n", -1, POLISI_ERROR_NOT_POLICY, FALSE);
}

static void
test_newer_format (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (fixture->valid);

  g_string_replace (text, "format=\"2\"", "format=\"3\"", 1);
  assert_refused (fixture, text->str, -1, POLISI_ERROR_NEWER_FORMAT, FALSE);
}

static void
test_missing_parts (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) no_properties = g_string_new (fixture->valid);
  g_autoptr(GString) no_format = g_string_new (fixture->valid);
  g_autoptr(GString) bad_status = g_string_new (fixture->valid);
  g_autoptr(GString) duplicate = g_string_new (fixture->valid);
  const char *start = strstr (fixture->valid, "<properties>");
  const char *end = strstr (fixture->valid, "</properties>") + strlen ("</properties>");
  g_autofree char *properties = g_strndup (start, end - start);
  const char *clause = strstr (fixture->valid, "<clause ");
  const char *clause_end = strstr (clause, "</clause>") + strlen ("</clause>");
  g_autofree char *one_clause = g_strndup (clause, clause_end - clause);
  g_autofree char *twice = g_strconcat (one_clause, one_clause, NULL);

  g_string_replace (no_properties, properties, "", 1);
  assert_refused (fixture, no_properties->str, -1, POLISI_ERROR_INVALID, TRUE);

  g_string_replace (no_format, " format=\"2\"", "", 1);
  assert_refused (fixture, no_format->str, -1, POLISI_ERROR_INVALID, TRUE);

  g_string_replace (bad_status, "<status>draft</status>", "<status>finished</status>", 1);
  assert_refused (fixture, bad_status->str, -1, POLISI_ERROR_INVALID, TRUE);

  g_string_replace (duplicate, one_clause, twice, 1);
  assert_refused (fixture, duplicate->str, -1, POLISI_ERROR_INVALID, TRUE);
}

static void
test_invalid_utf8 (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (fixture->valid);

  g_string_replace (text, "Ysgol y Berllan", "Ysgol \xff\xfe Berllan", 1);
  assert_refused (fixture, text->str, -1, POLISI_ERROR_ENCODING, TRUE);

  /* a policy saved by another program as Latin-1 */
  g_string_assign (text, fixture->valid);
  g_string_replace (text, "Siân", "Si\xe2n", 1);
  assert_refused (fixture, text->str, -1, POLISI_ERROR_ENCODING, TRUE);
}

static void
test_doctype_and_entities (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *cases[] = {
    /* an external entity reading a local file */
    "<?xml version=\"1.0\"?>\n<!DOCTYPE policy [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
    "<policy xmlns=\"https://polisi.cymru/ns/policy/1\" format=\"1\">&x;</policy>\n",
    /* a network address */
    "<?xml version=\"1.0\"?>\n<!DOCTYPE policy [<!ENTITY x SYSTEM \"http://192.0.2.1/steal\">]>\n"
    "<policy xmlns=\"https://polisi.cymru/ns/policy/1\" format=\"1\">&x;</policy>\n",
    /* an external DTD */
    "<?xml version=\"1.0\"?>\n<!DOCTYPE policy SYSTEM \"http://192.0.2.1/policy.dtd\">\n"
    "<policy xmlns=\"https://polisi.cymru/ns/policy/1\" format=\"1\"/>\n",
    /* a harmless-looking DOCTYPE is refused too */
    "<?xml version=\"1.0\"?>\n<!DOCTYPE policy>\n<policy xmlns=\"https://polisi.cymru/ns/policy/1\" format=\"1\"/>\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused (fixture, cases[i], -1, POLISI_ERROR_UNSAFE, FALSE);
}

static void
test_billion_laughs (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GString) bomb = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE policy [\n <!ENTITY lol0 \"lol\">\n");

  for (guint i = 1; i < 10; i++)
    {
      g_string_append_printf (bomb, " <!ENTITY lol%u \"", i);
      for (guint j = 0; j < 10; j++)
        g_string_append_printf (bomb, "&lol%u;", i - 1);
      g_string_append (bomb, "\">\n");
    }
  g_string_append (bomb, "]>\n<policy xmlns=\"https://polisi.cymru/ns/policy/1\" format=\"1\">&lol9;</policy>\n");

  assert_refused (fixture, bomb->str, -1, POLISI_ERROR_UNSAFE, FALSE);
}

static void
test_quadratic_blowup (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GString) bomb = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE policy [<!ENTITY a \"");

  for (guint i = 0; i < 50000; i++)
    g_string_append_c (bomb, 'a');
  g_string_append (bomb, "\">]>\n<policy xmlns=\"https://polisi.cymru/ns/policy/1\" format=\"1\">");
  for (guint i = 0; i < 50000; i++)
    g_string_append (bomb, "&a;");
  g_string_append (bomb, "</policy>\n");

  assert_refused (fixture, bomb->str, -1, POLISI_ERROR_UNSAFE, FALSE);
}

static void
test_deep_nesting (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) deep = g_string_new ("<?xml version=\"1.0\"?>\n<policy xmlns=\"https://polisi.cymru/ns/policy/1\" format=\"1\">");

  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "<a>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "</a>");
  g_string_append (deep, "</policy>\n");

  assert_refused (fixture, deep->str, -1, POLISI_ERROR_MALFORMED, TRUE);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  gsize size = (16 * 1024 * 1024) + 1;
  g_autofree char *big = g_malloc (size);

  memset (big, ' ', size);
  memcpy (big, "<?xml version=\"1.0\"?>\n<policy", strlen ("<?xml version=\"1.0\"?>\n<policy"));
  assert_refused (fixture, big, size, POLISI_ERROR_TOO_LARGE, FALSE);
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "nowhere.polisi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_null (polisi_policy_load (file, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "nowhere.polisi"));
}

/* Saving ---------------------------------------------------------------- */

static PolisiPolicy *
make_policy (Fixture *fixture)
{
  g_autoptr(GBytes) bytes = g_bytes_new (fixture->valid, strlen (fixture->valid));
  g_autoptr(GError) error = NULL;
  PolisiPolicy *policy = polisi_policy_load_bytes (bytes, "valid.polisi", &error);

  g_assert_no_error (error);
  return policy;
}

static void
test_save_missing_folder (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PolisiPolicy) policy = make_policy (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "no such folder", "x.polisi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (polisi_policy_save (policy, file, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "no such folder"));
  g_assert_cmpuint (polisi_test_count_entries (fixture->dir), ==, 0);
}

static void
test_save_unwritable_folder (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PolisiPolicy) policy = make_policy (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  /* root may write anywhere it can chmod; /proc refuses everyone */
  if (geteuid () == 0)
    folder = g_strdup ("/proc/self");
  else
    {
      folder = g_build_filename (fixture->dir, "read-only", NULL);
      g_mkdir (folder, 0555);
    }
  path = g_build_filename (folder, "x.polisi", NULL);
  file = g_file_new_for_path (path);

  g_assert_false (polisi_policy_save (policy, file, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A full disk, made with a file size limit in a child process: the save
 * fails with a clear message, the old file is untouched and nothing is
 * left beside it. */
static void
test_save_disk_full (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "policy.polisi", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  int status;
  pid_t pid;

  polisi_test_write_file (path, fixture->valid, -1);
  before = polisi_test_read_file (path, &before_length);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      int code = 0;

      /* in a block, so that everything is freed before _exit () (and
       * valgrind finds nothing lost in the child) */
      {
        g_autoptr(PolisiPolicy) policy = make_policy (fixture);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(GError) error = NULL;
        struct rlimit limit = { 512, 512 };

        /* make the new file much larger than the limit */
        for (guint i = 0; i < 200; i++)
          {
            g_autofree char *key = g_strdup_printf ("answer_%u", i);
            polisi_policy_set_answer (policy, key, "Lorem ipsum dolor sit amet, consectetur adipiscing elit ŵ ŷ");
          }
        signal (SIGXFSZ, SIG_IGN);
        setrlimit (RLIMIT_FSIZE, &limit);
        if (polisi_policy_save (policy, file, &error))
          code = 10;
        else if (!g_error_matches (error, POLISI_ERROR, POLISI_ERROR_IO) || strstr (error->message, "space") == NULL)
          code = 11;
      }
      g_clear_pointer (&before, g_free);
      g_clear_pointer (&path, g_free);
      _exit (code);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  after = polisi_test_read_file (path, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_cmpuint (polisi_test_count_entries (fixture->dir), ==, 1);
}

static void
test_save_keeps_permissions (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PolisiPolicy) policy = make_policy (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "policy.polisi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  polisi_test_write_file (path, "old", -1);
  g_chmod (path, 0640);
  g_assert_true (polisi_policy_save (policy, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpuint (polisi_test_count_entries (fixture->dir), ==, 1);
}

/* A format 1 file whose front matter names another approver than its
 * last version (found by fuzz-roundtrip): the version's text takes the
 * version's own, so that the policy is the same once written and read
 * back, and writing it again gives the same bytes. */
static void
test_format_1_front_matter (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = polisi_test_example_path ("secondary-wales-adopted.polisi");
  gsize length;
  g_autofree char *contents = polisi_test_read_file (path, &length);
  g_autoptr(GString) edited = g_string_new (contents);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(PolisiPolicy) policy = NULL;
  g_autoptr(PolisiPolicy) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_string_replace (edited, "<approved-by>Pwyllgor Staffio'r Corff Llywodraethu</approved-by>",
                                      "<approved-by>Pwyllgor Staffio'r Corfb Llywodraethu</approved-by>", 1), ==, 1);
  bytes = g_bytes_new (edited->str, edited->len);
  policy = polisi_policy_load_bytes (bytes, "edited.polisi", &error);
  g_assert_no_error (error);
  written = polisi_policy_to_file_bytes (policy, "edited.polisi", &error);
  g_assert_no_error (error);
  again = polisi_policy_load_bytes (written, "edited.polisi", &error);
  g_assert_no_error (error);
  g_assert_true (polisi_policy_equal (policy, again));
  rewritten = polisi_policy_to_file_bytes (again, "edited.polisi", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (written, rewritten));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/policy-io/valid", test_valid_loads);
  ADD ("/policy-io/refuse/malformed", test_malformed);
  ADD ("/policy-io/refuse/truncated", test_truncated);
  ADD ("/policy-io/refuse/empty", test_empty);
  ADD ("/policy-io/refuse/not-a-policy", test_not_a_policy);
  ADD ("/policy-io/refuse/newer-format", test_newer_format);
  ADD ("/policy-io/refuse/missing-parts", test_missing_parts);
  ADD ("/policy-io/refuse/invalid-utf8", test_invalid_utf8);
  ADD ("/policy-io/refuse/doctype-and-entities", test_doctype_and_entities);
  ADD ("/policy-io/refuse/billion-laughs", test_billion_laughs);
  ADD ("/policy-io/refuse/quadratic-blowup", test_quadratic_blowup);
  ADD ("/policy-io/refuse/deep-nesting", test_deep_nesting);
  ADD ("/policy-io/refuse/too-large", test_too_large);
  ADD ("/policy-io/refuse/missing-file", test_missing_file);
  ADD ("/policy-io/save/missing-folder", test_save_missing_folder);
  ADD ("/policy-io/save/unwritable-folder", test_save_unwritable_folder);
  ADD ("/policy-io/save/disk-full", test_save_disk_full);
  ADD ("/policy-io/save/keeps-permissions", test_save_keeps_permissions);
  ADD ("/policy-io/format-1-front-matter", test_format_1_front_matter);

  return g_test_run ();
}
