/* test-hostile-xml.c: every XML reader refuses hostile files clearly, and
 * none crashes
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The readers: the policy (.polisi), the clause library (an organisation
 * may load its own), the legislation register, and the comments of a
 * returned consultation draft: its content.xml read on its own, and the
 * same content.xml inside an ODT package imported from a file, as Polisi
 * imports one. For each, the same hostile inputs: external entities (a
 * local file, a network address), a DOCTYPE, the billion laughs,
 * quadratic blowup, nesting 100,000 deep, invalid UTF-8, the wrong
 * namespace, and a 100 MB file (for the ODT: a 100 MB package, and one
 * whose content.xml unpacks to 100 MB, saying so or not). And every input
 * the fuzzers (fuzz/) once crashed on.
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-memory.h>

#include "polisi-returned-draft.h"
#include "polisi-assembler.h"
#include "polisi-context.h"
#include "polisi-error.h"
#include "polisi-export.h"
#include "polisi-legislation.h"
#include "polisi-library.h"
#include "polisi-policy-io.h"
#include "polisi-test-utils.h"

typedef enum {
  READ_POLICY,
  READ_LIBRARY,
  READ_LEGISLATION,
  READ_COMMENTS,   /* content.xml alone: polisi_returned_odt_read_content() */
  READ_ODT,        /* content.xml in a package: polisi_import_comments() */
} ReaderKind;

typedef struct {
  ReaderKind  kind;
  const char *name;
  const char *root;     /* the start, down to where the body goes, with the namespace */
  const char *close;
  const char *ns_uri;   /* the namespace, for test_wrong_namespace() */
  const char *ns_attr;  /* the attribute that declares it */
} Reader;

#define ODF_ROOT "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
                 "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
                 "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\"><office:body><office:text>"
#define ODF_CLOSE "</office:text></office:body></office:document-content>"
#define ODF_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

static const Reader readers[] = {
  { READ_POLICY, "policy", "<policy xmlns=\"https://polisi.cymru/ns/policy/1\" format=\"1\">", "</policy>",
    "https://polisi.cymru/ns/", " xmlns=\"" },
  { READ_LIBRARY, "library", "<library xmlns=\"https://polisi.cymru/ns/library/1\" id=\"x\" version=\"2026.1\" date=\"2026-01-01\">", "</library>",
    "https://polisi.cymru/ns/", " xmlns=\"" },
  { READ_LEGISLATION, "legislation", "<legislation xmlns=\"https://polisi.cymru/ns/legislation/1\" version=\"2026.1\" checked=\"2026-01-01\">", "</legislation>",
    "https://polisi.cymru/ns/", " xmlns=\"" },
  { READ_COMMENTS, "comments", ODF_ROOT, ODF_CLOSE, ODF_NS, " xmlns:office=\"" },
  { READ_ODT, "odt", ODF_ROOT, ODF_CLOSE, ODF_NS, " xmlns:office=\"" },
};

static struct {
  char          *dir;
  PolisiLibrary *library;
  PolisiPolicy  *policy;    /* what comments are imported into */
  GBytes        *saved;     /* ... as it was */
} fixture;

/* An ODT package as an office program writes it: the mimetype first and
 * stored, then content.xml (@content, @length bytes). */
static GBytes *
make_package (const char *content,
              gsize       length)
{
  const char *type = "application/vnd.oasis.opendocument.text";
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *out = g_object_new (GSF_OUTFILE_ZIP_TYPE, "sink", sink, "zip64", FALSE, NULL);
  GsfOutput *member = gsf_outfile_new_child_full (out, "mimetype", FALSE, "compression-level", GSF_ZIP_STORED, NULL);
  GBytes *bytes;

  gsf_output_write (member, strlen (type), (const guint8 *) type);
  gsf_output_close (member);
  g_object_unref (member);
  member = gsf_outfile_new_child (out, "content.xml", FALSE);
  g_assert_true (gsf_output_write (member, length, (const guint8 *) content));
  gsf_output_close (member);
  g_object_unref (member);
  gsf_output_close (GSF_OUTPUT (out));
  gsf_output_close (sink);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)), gsf_output_size (sink));
  g_object_unref (out);
  g_object_unref (sink);
  return bytes;
}

/* Imports @package from a file called @name, as Polisi imports a
 * returned draft; it must be refused, and the policy left as it was.
 * Returns: the error */
static GError *
import_package (GBytes     *package,
                const char *name)
{
  g_autofree char *path = g_build_filename (fixture.dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) after = NULL;
  PolisiReturnedImport result;
  GError *error = NULL;

  polisi_test_write_file (path, g_bytes_get_data (package, NULL), g_bytes_get_size (package));
  g_assert_false (polisi_returned_draft_import (fixture.policy, fixture.library, file, POLISI_RETURNED_IMPORT_DEFAULT, &result, &error));
  g_unlink (path);
  after = polisi_policy_to_bytes (fixture.policy);
  g_assert_true (g_bytes_equal (fixture.saved, after));
  return error;
}

/* What every refusal of a returned draft says: the file, that nothing
 * was imported, and what to do. */
static void
assert_comment_refusal (const GError *error,
                        const char   *name)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == POLISI_ERROR);
  if (strstr (error->message, name) == NULL ||
      strstr (error->message, "Nothing was imported") == NULL ||
      (strstr (error->message, "Ask ") == NULL && strstr (error->message, "Choose ") == NULL &&
       strstr (error->message, "Check ") == NULL))
    g_error ("“%s” does not name %s, say that nothing was imported and say what to do", error->message, name);
}

/* Reads @bytes with reader @r; returns the error. */
static GError *
read_bytes (const Reader *r,
            GBytes       *bytes)
{
  GError *error = NULL;

  switch (r->kind)
    {
    case READ_POLICY:
      {
        g_autoptr(PolisiPolicy) policy = polisi_policy_load_bytes (bytes, "hostile.xml", &error);
        g_assert_null (policy);
      }
      break;
    case READ_LIBRARY:
      {
        g_autoptr(PolisiLibrary) library = polisi_library_new_from_bytes (bytes, "hostile.xml", &error);
        g_assert_null (library);
      }
      break;
    case READ_LEGISLATION:
      {
        g_autoptr(PolisiLegislation) legislation = polisi_legislation_new_from_bytes (bytes, "hostile.xml", &error);
        g_assert_null (legislation);
      }
      break;
    case READ_COMMENTS:
      {
        g_autoptr(GPtrArray) annotations = polisi_returned_odt_read_content (bytes, "hostile.odt", fixture.policy, NULL, &error);
        g_assert_null (annotations);
        assert_comment_refusal (error, "hostile.odt");
      }
      break;
    case READ_ODT:
      {
        g_autoptr(GBytes) package = make_package (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

        error = import_package (package, "hostile.odt");
        assert_comment_refusal (error, "hostile.odt");
      }
      break;
    default:
      g_assert_not_reached ();
    }

  g_assert_nonnull (error);
  g_assert_true (error->domain == POLISI_ERROR);
  g_assert_nonnull (strstr (error->message, r->kind == READ_COMMENTS || r->kind == READ_ODT ? "hostile.odt" : "hostile.xml"));
  /* nothing of an entity made it into the message */
  g_assert_null (strstr (error->message, "root:"));
  /* nor libxml2's own advice to programmers */
  g_assert_null (strstr (error->message, "XML_PARSE"));
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
      g_string_replace (text, readers[i].ns_uri, "https://example.com/ns/", 0);
      expect (&readers[i], text->str, -1, POLISI_ERROR_NOT_POLICY);

      /* no namespace at all */
      g_string_truncate (text, 0);
      g_string_append_printf (text, "<?xml version=\"1.0\"?>\n%s%s\n", readers[i].root, readers[i].close);
      g_string_replace (text, readers[i].ns_attr, " data-ns=\"", 0);
      expect (&readers[i], text->str, -1, POLISI_ERROR_NOT_POLICY);
    }

  /* the OpenDocument namespace, but not its document-content at the root */
  {
    const char *styles = "<?xml version=\"1.0\"?>\n<office:document-styles xmlns:office=\"" ODF_NS "\">"
                         "<office:body><office:text/></office:body></office:document-styles>\n";

    for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
      if (readers[i].kind == READ_COMMENTS || readers[i].kind == READ_ODT)
        expect (&readers[i], styles, -1, POLISI_ERROR_NOT_POLICY);
  }
}

/* A 100 MB file is refused before it is read: a sparse file, so that the
 * test itself writes nothing much. */
static void
test_hundred_megabytes (void)
{
  g_autofree char *path = g_build_filename (fixture.dir, "huge.polisi", NULL);
  g_autofree char *odt_path = g_build_filename (fixture.dir, "huge.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) odt_file = g_file_new_for_path (odt_path);
  g_autoptr(GError) policy_error = NULL;
  g_autoptr(GError) library_error = NULL;
  g_autoptr(GError) odt_error = NULL;
  g_autoptr(PolisiPolicy) policy = NULL;
  g_autoptr(PolisiLibrary) library = NULL;
  PolisiReturnedImport result;
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

  /* a returned draft of 100 MB: a zip as far as its first bytes go */
  fd = open (odt_path, O_CREAT | O_WRONLY, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "PK\003\004", 4), ==, 4);
  g_assert_cmpint (ftruncate (fd, 100 * 1024 * 1024), ==, 0);
  close (fd);
  g_assert_false (polisi_returned_draft_import (fixture.policy, fixture.library, odt_file, POLISI_RETURNED_IMPORT_DEFAULT, &result, &odt_error));
  g_assert_error (odt_error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE);
  assert_comment_refusal (odt_error, "huge.odt");

  /* refused from its size, not after reading it */
  g_assert_cmpint (g_get_monotonic_time () - before, <, 2 * G_USEC_PER_SEC);
  g_unlink (path);
  g_unlink (odt_path);

  /* the same in memory, for the readers of bytes; for the ODT, this is a
   * package whose content.xml unpacks to 100 MB (a zip bomb, of about
   * 100 KB) */
  {
    gsize size = 100 * 1024 * 1024;
    g_autofree char *huge = g_malloc (size);
    g_autoptr(GBytes) package = NULL;
    g_autoptr(GError) error = NULL;

    memset (huge, ' ', size);
    memcpy (huge, start, strlen (start));
    for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
      expect (&readers[i], huge, size, POLISI_ERROR_TOO_LARGE);

    /* and the whole package of 100 MB, in memory */
    package = g_bytes_new_static (huge, size);
    memcpy (huge, "PK\003\004", 4);
    g_assert_null (polisi_returned_odt_unpack (package, "huge.odt", &error));
    g_assert_error (error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE);
    assert_comment_refusal (error, "huge.odt");
  }
}

/* Where content.xml's sizes are in a package made by make_package(): its
 * local header and its entry in the central directory. */
static void
find_content_sizes (guint8  *zip,
                    gsize    size,
                    guint8 **local,
                    guint8 **central)
{
  *local = *central = NULL;
  for (gsize i = 0; i + 46 + strlen ("content.xml") <= size; i++)
    {
      if (memcmp (zip + i, "PK\003\004", 4) == 0 && memcmp (zip + i + 30, "content.xml", 11) == 0)
        *local = zip + i;
      else if (memcmp (zip + i, "PK\001\002", 4) == 0 && memcmp (zip + i + 46, "content.xml", 11) == 0)
        *central = zip + i;
    }
  g_assert_nonnull (*local);
  g_assert_nonnull (*central);
}

static void
put_le32 (guint8  *at,
          guint32  value)
{
  at[0] = value & 0xff;
  at[1] = (value >> 8) & 0xff;
  at[2] = (value >> 16) & 0xff;
  at[3] = (value >> 24) & 0xff;
}

/* A zip bomb that lies: content.xml unpacks to 100 MB, but the package
 * says it is small, or says nothing believable. Only what the package
 * says is ever unpacked. */
static void
test_lying_zip_bomb (void)
{
  gsize size = 100 * 1024 * 1024;
  g_autofree char *huge = g_malloc (size);
  g_autoptr(GBytes) honest = NULL;
  const guint32 lies[] = { 4096, 0, 0xffffffff };

  memset (huge, ' ', size);
  memcpy (huge, "<?xml version=\"1.0\"?>\n" ODF_ROOT, strlen ("<?xml version=\"1.0\"?>\n" ODF_ROOT));
  honest = make_package (huge, size);
  g_test_message ("100 MB of content.xml packed into %" G_GSIZE_FORMAT " bytes", g_bytes_get_size (honest));
  g_assert_cmpuint (g_bytes_get_size (honest), <, 1024 * 1024);

  for (guint i = 0; i < G_N_ELEMENTS (lies); i++)
    {
      gsize length;
      g_autofree guint8 *zip = g_bytes_unref_to_data (g_bytes_ref (honest), &length);
      g_autoptr(GBytes) package = NULL;
      g_autoptr(GError) error = NULL;
      guint8 *local, *central;
      gint64 before = g_get_monotonic_time ();

      find_content_sizes (zip, length, &local, &central);
      put_le32 (local + 22, lies[i]);
      put_le32 (central + 24, lies[i]);
      package = g_bytes_new_take (g_steal_pointer (&zip), length);

      error = import_package (package, "bomb.odt");
      g_test_message ("%u: %s", lies[i], error->message);
      g_assert_true (g_error_matches (error, POLISI_ERROR, POLISI_ERROR_MALFORMED) ||
                     g_error_matches (error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE));
      assert_comment_refusal (error, "bomb.odt");
      g_assert_cmpint (g_get_monotonic_time () - before, <, 2 * G_USEC_PER_SEC);
    }
}

/* A package whose directory lists content.xml but whose local header for
 * it is damaged (fuzz-comments found this): refused as damaged, with
 * nothing on standard error on the way (libgsf would warn, and print the
 * header it found). */
static void
test_damaged_local_header (void)
{
  if (g_test_subprocess ())
    {
      const char *text = "<?xml version=\"1.0\"?>\n" ODF_ROOT "<text:p>x</text:p>" ODF_CLOSE;
      g_autoptr(GBytes) good = make_package (text, strlen (text));
      gsize length;
      g_autofree guint8 *zip = g_bytes_unref_to_data (g_bytes_ref (good), &length);
      g_autoptr(GBytes) package = NULL;
      g_autoptr(GError) error = NULL;
      guint8 *local, *central;

      find_content_sizes (zip, length, &local, &central);
      memcpy (local, "cont", 4);
      package = g_bytes_new_take (g_steal_pointer (&zip), length);

      error = import_package (package, "damaged.odt");
      g_assert_error (error, POLISI_ERROR, POLISI_ERROR_MALFORMED);
      assert_comment_refusal (error, "damaged.odt");
      g_assert_nonnull (strstr (error->message, "not a complete ODT package"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

/* A package whose directory gives its members impossible dates (month
 * 13, 31 February, minute 63; fuzz-comments found this): the dates do not
 * matter, the text is read, and libgsf reaches no critical. */
static void
test_impossible_dates (void)
{
  const char *text = "<?xml version=\"1.0\"?>\n" ODF_ROOT "<text:p>x</text:p>" ODF_CLOSE;
  g_autoptr(GBytes) good = make_package (text, strlen (text));
  /* DOS date and time: year-1980 << 25 | month << 21 | day << 16 | hour << 11 | minute << 5 | second / 2 */
  const guint32 impossible[] = { 46u << 25 | 13u << 21 | 1u << 16,
                                 46u << 25 | 2u << 21 | 31u << 16,
                                 46u << 25 | 1u << 21 | 1u << 16 | 63u << 5 };

  for (guint i = 0; i < G_N_ELEMENTS (impossible); i++)
    {
      gsize length;
      g_autofree guint8 *zip = g_bytes_unref_to_data (g_bytes_ref (good), &length);
      g_autoptr(GBytes) package = NULL;
      g_autoptr(GBytes) content = NULL;
      g_autoptr(GError) error = NULL;
      guint8 *local, *central;

      find_content_sizes (zip, length, &local, &central);
      put_le32 (central + 12, impossible[i]);
      /* the mimetype's entry, the first of the directory, too */
      g_assert_true (memcmp (central - 46 - strlen ("mimetype"), "PK\001\002", 4) == 0);
      put_le32 (central - 46 - strlen ("mimetype") + 12, impossible[i]);
      package = g_bytes_new_take (g_steal_pointer (&zip), length);

      content = polisi_returned_odt_unpack (package, "dates.odt", &error);
      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (content, NULL), g_bytes_get_size (content), text, strlen (text));
    }
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

/* @bytes, an input fuzz-comments once failed on: refused cleanly, or read
 * and imported as the harness imports it. */
static void
read_comments_regression (GBytes     *bytes,
                          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = polisi_returned_odt_unpack (bytes, name, &error);
  g_autoptr(GPtrArray) annotations = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (content == NULL)
    {
      assert_comment_refusal (error, name);
      if (size >= 4 && memcmp (data, "PK\003\004", 4) == 0)
        return;
      g_clear_error (&error);
      content = g_bytes_ref (bytes);
    }

  annotations = polisi_returned_odt_read_content (content, name, fixture.policy, NULL, &error);
  if (annotations == NULL)
    {
      assert_comment_refusal (error, name);
      return;
    }

  {
    g_autoptr(PolisiPolicy) copy = polisi_policy_load_bytes (fixture.saved, "copy.polisi", &error);
    g_autoptr(GBytes) written = NULL;
    g_autoptr(PolisiPolicy) again = NULL;
    PolisiReturnedImport result;

    g_assert_no_error (error);
    polisi_returned_comments_store (copy, annotations, &result);
    polisi_returned_import_clear (&result);
    written = polisi_policy_to_bytes (copy);
    again = polisi_policy_load_bytes (written, "again.polisi", &error);
    g_assert_no_error (error);
    g_assert_true (polisi_policy_equal (copy, again));
    polisi_returned_comments_store (again, annotations, &result);
    g_assert_cmpuint (result.n_added, ==, 0);
    polisi_returned_import_clear (&result);
  }
}

/* Every input a fuzzer once failed on (fuzz/regressions/FUZZER/, see
 * docs/fuzzing.md) now gives a clean error, or reads as it should. */
static void
test_fuzz_regressions (void)
{
  const char *fuzzers[] = { "fuzz-policy", "fuzz-library", "fuzz-comments" };
  guint n_inputs = 0;

  for (guint f = 0; f < G_N_ELEMENTS (fuzzers); f++)
    {
      g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "..", "fuzz", "regressions", fuzzers[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          gsize length;
          g_autofree char *contents = polisi_test_read_file (path, &length);
          /* as libFuzzer hands it over: no data at all when empty */
          g_autoptr(GBytes) bytes = g_bytes_new (length > 0 ? contents : NULL, length);
          g_autoptr(GError) error = NULL;

          g_test_message ("%s/%s", fuzzers[f], name);
          n_inputs++;
          if (f == 0)
            {
              g_autoptr(PolisiPolicy) policy = polisi_policy_load_bytes (bytes, name, &error);

              if (policy == NULL)
                g_assert_true (error->domain == POLISI_ERROR && strstr (error->message, name) != NULL);
            }
          else if (f == 1)
            {
              g_autoptr(PolisiLibrary) library = polisi_library_new_from_bytes (bytes, name, &error);
              g_autoptr(GError) legislation_error = NULL;
              g_autoptr(PolisiLegislation) legislation = polisi_legislation_new_from_bytes (bytes, name, &legislation_error);

              if (library == NULL)
                g_assert_true (error->domain == POLISI_ERROR && strstr (error->message, name) != NULL);
              if (legislation == NULL)
                g_assert_true (legislation_error->domain == POLISI_ERROR && strstr (legislation_error->message, name) != NULL);
            }
          else
            read_comments_regression (bytes, name);
        }
    }

  g_assert_cmpuint (n_inputs, >, 0);
}

/* What fuzz-docx found (fuzz/regressions/fuzz-docx/invalid-version.docx):
 * a draft whose "PolisiVersion" was not a version number ("1.tbl0") had
 * that version stored on the changes it brought back (and would have had it
 * stored on its comments), and the
 * policy then saved could not be opened again. Such a version is not kept:
 * the draft's version is unknown, and what it brings back is on the
 * policy's own version. */
static void
test_docx_invalid_version (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "fuzz", "regressions", "fuzz-docx",
                                                 "invalid-version.docx", NULL);
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  g_autoptr(PolisiPolicy) policy = polisi_test_load_example ("secondary-wales.polisi");
  g_autoptr(PolisiDocument) document = polisi_assemble (policy, polisi_context_get_library (context),
                                                        POLISI_ASSEMBLE_FINAL | POLISI_ASSEMBLE_NO_HISTORY);
  gsize length;
  g_autofree char *contents = polisi_test_read_file (path, &length);
  g_autoptr(GBytes) bytes = g_bytes_new (contents, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiReturnedDraft) draft = polisi_returned_draft_read (bytes, "invalid-version.docx", policy, document,
                                                                     &error);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(PolisiPolicy) again = NULL;
  PolisiReturnedImport result;

  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_cmpstr (draft->policy_uid, ==, polisi_policy_get_uid (policy));
  g_assert_null (draft->version);
  g_assert_cmpuint (draft->proposals->len, ==, 2);

  polisi_returned_draft_store (draft, policy, &result);
  g_assert_cmpuint (result.n_insertions + result.n_deletions, ==, 2);
  polisi_returned_import_clear (&result);
  for (guint i = 0; i < g_list_model_get_n_items (polisi_policy_get_proposals (policy)); i++)
    {
      g_autoptr(PolisiProposal) proposal = g_list_model_get_item (polisi_policy_get_proposals (policy), i);

      g_assert_cmpstr (polisi_proposal_get_version (proposal), ==, polisi_policy_get_version (policy));
    }

  written = polisi_policy_to_bytes (policy);
  again = polisi_policy_load_bytes (written, "again.polisi", &error);
  g_assert_no_error (error);
  g_assert_true (polisi_policy_equal (policy, again));
}

/* The first thing fuzz-comments found: an empty file, handed over as no
 * data at all, tripped a critical in polisi_returned_odt_unpack(). */
static void
test_empty_returned_draft (void)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = polisi_returned_odt_unpack (empty, "empty.odt", &error);
  g_autoptr(GPtrArray) annotations = NULL;

  g_assert_null (content);
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY);
  assert_comment_refusal (error, "empty.odt");
  g_clear_error (&error);

  annotations = polisi_returned_odt_read_content (empty, "empty.odt", fixture.policy, NULL, &error);
  g_assert_null (annotations);
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_MALFORMED);
  assert_comment_refusal (error, "empty.odt");
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  fixture.dir = polisi_test_make_temp_dir ();
  fixture.library = polisi_test_load_mini_library ();
  fixture.policy = polisi_policy_new_from_library (fixture.library, POLISI_LANGUAGE_CATEGORY_DUAL);
  fixture.saved = polisi_policy_to_bytes (fixture.policy);

  g_test_add_func ("/hostile-xml/external-entities", test_external_entities);
  g_test_add_func ("/hostile-xml/billion-laughs", test_billion_laughs);
  g_test_add_func ("/hostile-xml/quadratic-blowup", test_quadratic_blowup);
  g_test_add_func ("/hostile-xml/deep-nesting", test_deep_nesting);
  g_test_add_func ("/hostile-xml/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/hostile-xml/wrong-namespace", test_wrong_namespace);
  g_test_add_func ("/hostile-xml/hundred-megabytes", test_hundred_megabytes);
  g_test_add_func ("/hostile-xml/lying-zip-bomb", test_lying_zip_bomb);
  g_test_add_func ("/hostile-xml/damaged-local-header", test_damaged_local_header);
  g_test_add_func ("/hostile-xml/impossible-dates", test_impossible_dates);
  g_test_add_func ("/hostile-xml/truncated-everywhere", test_truncated_everywhere);
  g_test_add_func ("/hostile-xml/empty-returned-draft", test_empty_returned_draft);
  g_test_add_func ("/hostile-xml/fuzz-regressions", test_fuzz_regressions);
  g_test_add_func ("/hostile-xml/docx-invalid-version", test_docx_invalid_version);

  result = g_test_run ();

  g_clear_object (&fixture.policy);
  g_clear_object (&fixture.library);
  g_clear_pointer (&fixture.saved, g_bytes_unref);
  polisi_test_remove_tree (fixture.dir);
  g_free (fixture.dir);

  return result;
}
