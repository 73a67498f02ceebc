/* test-hostile-xml.c: every XML reader refuses hostile files clearly, and
 * none crashes
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The readers: the policy (.polisi), the clause library (an organisation
 * may load its own) and the legislation register. For each, the same
 * hostile inputs: external entities (a local file, a network address), a
 * DOCTYPE, the billion laughs, quadratic blowup, nesting 100,000 deep,
 * invalid UTF-8, the wrong namespace, and a 100 MB file.
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "polisi-error.h"
#include "polisi-legislation.h"
#include "polisi-library.h"
#include "polisi-policy-io.h"
#include "polisi-test-utils.h"

typedef struct {
  const char *name;
  const char *root;     /* the root element, with its namespace */
  const char *close;
} Reader;

static const Reader readers[] = {
  { "policy", "<policy xmlns=\"https://polisi.cymru/ns/policy/1\" format=\"1\">", "</policy>" },
  { "library", "<library xmlns=\"https://polisi.cymru/ns/library/1\" id=\"x\" version=\"2026.1\" date=\"2026-01-01\">", "</library>" },
  { "legislation", "<legislation xmlns=\"https://polisi.cymru/ns/legislation/1\" version=\"2026.1\" checked=\"2026-01-01\">", "</legislation>" },
};

/* Reads @bytes with reader @r; returns the error. */
static GError *
read_bytes (const Reader *r,
            GBytes       *bytes)
{
  GError *error = NULL;

  if (g_str_equal (r->name, "policy"))
    {
      g_autoptr(PolisiPolicy) policy = polisi_policy_load_bytes (bytes, "hostile.xml", &error);
      g_assert_null (policy);
    }
  else if (g_str_equal (r->name, "library"))
    {
      g_autoptr(PolisiLibrary) library = polisi_library_new_from_bytes (bytes, "hostile.xml", &error);
      g_assert_null (library);
    }
  else
    {
      g_autoptr(PolisiLegislation) legislation = polisi_legislation_new_from_bytes (bytes, "hostile.xml", &error);
      g_assert_null (legislation);
    }

  g_assert_nonnull (error);
  g_assert_true (error->domain == POLISI_ERROR);
  g_assert_nonnull (strstr (error->message, "hostile.xml"));
  g_test_message ("%s: %s", r->name, error->message);
  return error;
}

static void
expect (const Reader *r,
        const char   *text,
        gssize        length,
        int           code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length >= 0 ? (gsize) length : strlen (text));
  g_autoptr(GError) error = read_bytes (r, bytes);

  g_assert_error (error, POLISI_ERROR, code);
}

static char *
with_doctype (const Reader *r,
              const char   *doctype,
              const char   *body)
{
  return g_strdup_printf ("<?xml version=\"1.0\"?>\n%s\n%s%s%s\n", doctype, r->root, body, r->close);
}

static void
test_external_entities (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autofree char *file = with_doctype (&readers[i], "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;");
      g_autofree char *net = with_doctype (&readers[i], "<!DOCTYPE x [<!ENTITY e SYSTEM \"http://192.0.2.1/x\">]>", "&e;");
      g_autofree char *dtd = with_doctype (&readers[i], "<!DOCTYPE x SYSTEM \"http://192.0.2.1/x.dtd\">", "");
      g_autofree char *plain = with_doctype (&readers[i], "<!DOCTYPE x>", "");
      g_autofree char *parameter = with_doctype (&readers[i], "<!DOCTYPE x [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>", "");

      expect (&readers[i], file, -1, POLISI_ERROR_UNSAFE);
      expect (&readers[i], net, -1, POLISI_ERROR_UNSAFE);
      expect (&readers[i], dtd, -1, POLISI_ERROR_UNSAFE);
      expect (&readers[i], plain, -1, POLISI_ERROR_UNSAFE);
      expect (&readers[i], parameter, -1, POLISI_ERROR_UNSAFE);
    }
}

static void
test_billion_laughs (void)
{
  g_autoptr(GString) entities = g_string_new ("<!DOCTYPE x [\n<!ENTITY l0 \"lol\">\n");

  for (guint i = 1; i < 10; i++)
    {
      g_string_append_printf (entities, "<!ENTITY l%u \"", i);
      for (guint j = 0; j < 10; j++)
        g_string_append_printf (entities, "&l%u;", i - 1);
      g_string_append (entities, "\">\n");
    }
  g_string_append (entities, "]>");

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autofree char *bomb = with_doctype (&readers[i], entities->str, "&l9;");
      expect (&readers[i], bomb, -1, POLISI_ERROR_UNSAFE);
    }
}

static void
test_quadratic_blowup (void)
{
  g_autoptr(GString) entity = g_string_new ("<!DOCTYPE x [<!ENTITY a \"");
  g_autoptr(GString) body = g_string_new (NULL);

  {
    g_autofree char *a = g_strnfill (60000, 'a');
    g_string_append (entity, a);
  }
  g_string_append (entity, "\">]>");
  for (guint i = 0; i < 60000; i++)
    g_string_append (body, "&a;");

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autofree char *bomb = with_doctype (&readers[i], entity->str, body->str);
      expect (&readers[i], bomb, -1, POLISI_ERROR_UNSAFE);
    }
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint i = 0; i < 100000; i++)
    g_string_append (body, "<a>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (body, "</a>");

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autofree char *deep = with_doctype (&readers[i], "", body->str);
      expect (&readers[i], deep, -1, POLISI_ERROR_MALFORMED);
    }
}

static void
test_invalid_utf8 (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autofree char *text = with_doctype (&readers[i], "", "<x>Si\xe2n \xff\xfe\xc0\x80</x>");
      g_autofree char *nul = NULL;
      gsize length;

      expect (&readers[i], text, -1, POLISI_ERROR_ENCODING);
      /* a NUL byte in the middle */
      nul = with_doctype (&readers[i], "", "<x>ab</x>");
      length = strlen (nul);
      nul[length - 10] = '\0';
      expect (&readers[i], nul, length, POLISI_ERROR_ENCODING);
    }
}

static void
test_wrong_namespace (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      g_string_append_printf (text, "<?xml version=\"1.0\"?>\n%s%s\n", readers[i].root, readers[i].close);
      g_string_replace (text, "https://polisi.cymru/ns/", "https://example.com/ns/", 0);
      expect (&readers[i], text->str, -1, POLISI_ERROR_NOT_POLICY);

      /* no namespace at all */
      g_string_truncate (text, 0);
      g_string_append_printf (text, "<?xml version=\"1.0\"?>\n%s%s\n", readers[i].root, readers[i].close);
      g_string_replace (text, " xmlns=\"https://polisi.cymru/ns/", " data-ns=\"", 0);
      expect (&readers[i], text->str, -1, POLISI_ERROR_NOT_POLICY);
    }
}

/* A 100 MB file is refused before it is read: a sparse file, so that the
 * test itself writes nothing much. */
static void
test_hundred_megabytes (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.polisi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) policy_error = NULL;
  g_autoptr(GError) library_error = NULL;
  g_autoptr(PolisiPolicy) policy = NULL;
  g_autoptr(PolisiLibrary) library = NULL;
  int fd = open (path, O_CREAT | O_WRONLY, 0644);
  const char *start = "<?xml version=\"1.0\"?>\n<policy xmlns=\"https://polisi.cymru/ns/policy/1\" format=\"1\">";
  gint64 before = g_get_monotonic_time ();

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, start, strlen (start)), ==, (gssize) strlen (start));
  g_assert_cmpint (ftruncate (fd, 100 * 1024 * 1024), ==, 0);
  close (fd);

  policy = polisi_policy_load (file, &policy_error);
  g_assert_null (policy);
  g_assert_error (policy_error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (policy_error->message, "huge.polisi"));

  library = polisi_library_new_from_file (file, &library_error);
  g_assert_null (library);
  g_assert_error (library_error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE);

  /* refused from its size, not after reading it */
  g_assert_cmpint (g_get_monotonic_time () - before, <, 2 * G_USEC_PER_SEC);

  /* the same in memory, for the readers of bytes */
  {
    gsize size = 100 * 1024 * 1024;
    g_autofree char *huge = g_malloc (size);

    memset (huge, ' ', size);
    memcpy (huge, start, strlen (start));
    for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
      expect (&readers[i], huge, size, POLISI_ERROR_TOO_LARGE);
  }

  polisi_test_remove_tree (dir);
}

static void
test_truncated_everywhere (void)
{
  /* every prefix of a real file is refused cleanly */
  g_autofree char *path = polisi_test_example_path ("secondary-wales.polisi");
  gsize length;
  g_autofree char *contents = polisi_test_read_file (path, &length);

  for (gsize cut = 0; cut < length; cut += 1 + length / 300)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (contents, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(PolisiPolicy) policy = polisi_policy_load_bytes (bytes, "cut.polisi", &error);

      g_assert_null (policy);
      g_assert_nonnull (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile-xml/external-entities", test_external_entities);
  g_test_add_func ("/hostile-xml/billion-laughs", test_billion_laughs);
  g_test_add_func ("/hostile-xml/quadratic-blowup", test_quadratic_blowup);
  g_test_add_func ("/hostile-xml/deep-nesting", test_deep_nesting);
  g_test_add_func ("/hostile-xml/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/hostile-xml/wrong-namespace", test_wrong_namespace);
  g_test_add_func ("/hostile-xml/hundred-megabytes", test_hundred_megabytes);
  g_test_add_func ("/hostile-xml/truncated-everywhere", test_truncated_everywhere);

  return g_test_run ();
}
