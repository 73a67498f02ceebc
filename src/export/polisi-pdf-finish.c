/* polisi-pdf-finish.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finishing a Polisi PDF to PDF/UA-1 (ISO 14289-1). cairo 1.16 writes the
 * structure tree, links and fonts, but cannot say everything PDF/UA asks
 * for, so the PDF writer finishes the file here, with one incremental
 * update appended to cairo's output:
 *
 *  - the catalogue gains /Lang (the language read first), /MarkInfo
 *    << /Marked true >>, /ViewerPreferences << /DisplayDocTitle true >>
 *    and /Metadata: an XMP stream with dc:title and pdfuaid:part 1;
 *  - the structure tree gains a Document root holding every element;
 *  - each structure element whose language differs from the one around it
 *    (the document's, or its parent's) gains /Lang; its children inherit
 *    it;
 *  - elements the drawing gave an alternative description (links, inserted
 *    and deleted words of a comparison) gain /Alt, and each link
 *    annotation the same text as /Contents;
 *  - table header cells gain /Scope /Column;
 *  - every page's content that is in no structure element (the running
 *    header and footer, rules, the watermark, line numbers) is marked as
 *    an artifact, and pages with annotations gain /Tabs /S;
 *  - CID fonts gain /CIDToGIDMap /Identity (cairo's subsets number their
 *    glyphs in CID order).
 *
 * Which element is which comes from the page drawing, which logs every
 * structure element it begins. cairo builds the structure tree in that
 * order, so a walk of the tree from its root meets the elements in the
 * order of the log. The walk checks every element's type against the log;
 * if anything differs, the elements are left as they are and only the
 * rest of the finishing is done.
 *
 * cairo 1.16 writes a classic cross-reference table and no object
 * streams, which is what this reader expects; anything else leaves the
 * file as cairo wrote it.
 */
#define _GNU_SOURCE 1  /* memmem */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "polisi-parallel.h"
#include "polisi-pdf-finish.h"

typedef struct {
  const char *data;
  gsize       size;
  GHashTable *objects;   /* object number -> ObjectSpan */
} Pdf;

typedef struct {
  gsize start;   /* just after "N 0 obj" */
  gsize end;     /* at "endobj" */
} ObjectSpan;

static const char *
find (const char *data,
      gsize       size,
      gsize       from,
      const char *needle)
{
  gsize length = strlen (needle);

  if (from >= size)
    return NULL;
  return memmem (data + from, size - from, needle, length);
}

static const char *
find_last (const char *data,
           gsize       size,
           const char *needle)
{
  gsize length = strlen (needle);

  for (gsize i = size >= length ? size - length + 1 : 0; i-- > 0;)
    if (memcmp (data + i, needle, length) == 0)
      return data + i;
  return NULL;
}

/* Indexes every "N 0 obj ... endobj" of the file. */
static gboolean
index_objects (Pdf *pdf)
{
  gsize position = 0;

  pdf->objects = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (;;)
    {
      const char *mark = find (pdf->data, pdf->size, position, " 0 obj");
      const char *number_start;
      const char *end;
      ObjectSpan *span;
      guint64 number;

      if (mark == NULL)
        break;

      number_start = mark;
      while (number_start > pdf->data && g_ascii_isdigit (number_start[-1]))
        number_start--;
      position = mark - pdf->data + strlen (" 0 obj");

      if (number_start == mark || (number_start > pdf->data && number_start[-1] != '\n' && number_start[-1] != '\r'))
        continue;

      end = find (pdf->data, pdf->size, position, "endobj");
      if (end == NULL)
        return FALSE;

      number = g_ascii_strtoull (number_start, NULL, 10);
      span = g_new (ObjectSpan, 1);
      span->start = position;
      span->end = end - pdf->data;
      g_hash_table_insert (pdf->objects, GUINT_TO_POINTER ((guint) number), span);
      position = span->end;
    }

  return g_hash_table_size (pdf->objects) > 0;
}

static char *
object_text (Pdf   *pdf,
             guint  number)
{
  ObjectSpan *span = g_hash_table_lookup (pdf->objects, GUINT_TO_POINTER (number));

  if (span == NULL)
    return NULL;
  return g_strstrip (g_strndup (pdf->data + span->start, span->end - span->start));
}

/* The value of "/Key" in a dictionary's text, up to the next key or the
 * end; enough for /S, /K and the trailer's entries. */
static const char *
dict_value (const char *dict,
            const char *key)
{
  const char *p = dict;
  gsize length = strlen (key);

  while ((p = strstr (p, key)) != NULL)
    {
      const char *after = p + length;

      if (!g_ascii_isalnum (*after))
        {
          while (*after == ' ' || *after == '\n' || *after == '\r')
            after++;
          return after;
        }
      p = after;
    }
  return NULL;
}

/* The references "N 0 R" in the value of /K, in order. */
static GArray *
kids_of (const char *dict)
{
  GArray *kids = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *value = dict_value (dict, "/K");
  const char *end;

  if (value == NULL)
    return kids;

  if (*value == '[')
    {
      int depth = 0;

      for (end = value; *end != '\0'; end++)
        {
          if (*end == '[')
            depth++;
          else if (*end == ']' && --depth == 0)
            break;
        }
    }
  else
    end = value + strcspn (value, "/>");

  for (const char *p = value; p < end; p++)
    {
      char *after;
      guint64 number, generation;

      if (!g_ascii_isdigit (*p) || (p > value && g_ascii_isdigit (p[-1])))
        continue;
      number = g_ascii_strtoull (p, &after, 10);
      if (*after != ' ')
        continue;
      generation = g_ascii_strtoull (after + 1, &after, 10);
      if (generation == 0 && strncmp (after, " R", 2) == 0)
        {
          guint n = (guint) number;
          g_array_append_val (kids, n);
          p = after + 1;
        }
    }

  return kids;
}

/* Inserts @addition after the "<<" that opens @dict. */
static char *
amend_dict (const char *dict,
            const char *addition)
{
  const char *open = strstr (dict, "<<");

  if (open == NULL)
    return NULL;
  return g_strdup_printf ("%.*s<< %s%s", (int) (open - dict), dict, addition, open + 2);
}

static guint
trailer_number (const char *trailer,
                const char *key)
{
  const char *value = dict_value (trailer, key);

  return value != NULL ? (guint) g_ascii_strtoull (value, NULL, 10) : 0;
}

/* The raw bytes of a stream object's data, inflated when the stream is
 * compressed. */
static GBytes *
stream_data (Pdf   *pdf,
             guint  number)
{
  ObjectSpan *span = g_hash_table_lookup (pdf->objects, GUINT_TO_POINTER (number));
  g_autofree char *dict = NULL;
  const char *stream, *value, *data;
  guint64 length;

  if (span == NULL)
    return NULL;
  stream = find (pdf->data, span->end, span->start, "stream");
  if (stream == NULL)
    return NULL;
  dict = g_strndup (pdf->data + span->start, stream - (pdf->data + span->start));
  value = dict_value (dict, "/Length");
  if (value == NULL)
    return NULL;
  length = g_ascii_strtoull (value, (char **) &value, 10);
  if (strncmp (value, " 0 R", 4) == 0)
    {
      g_autofree char *indirect = object_text (pdf, (guint) length);

      if (indirect == NULL)
        return NULL;
      length = g_ascii_strtoull (indirect, NULL, 10);
    }
  data = stream + strlen ("stream");
  if (*data == '\r')
    data++;
  if (*data == '\n')
    data++;
  if ((gsize) (data - pdf->data) + length > span->end)
    return NULL;

  if (strstr (dict, "/FlateDecode") != NULL)
    {
      g_autoptr(GConverter) inflater = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      g_autoptr(GByteArray) out = g_byte_array_new ();
      gsize in_offset = 0;

      for (;;)
        {
          guint8 buffer[16384];
          gsize read = 0, written = 0;
          GConverterResult result;

          result = g_converter_convert (inflater, data + in_offset, length - in_offset,
                                        buffer, sizeof buffer, G_CONVERTER_INPUT_AT_END,
                                        &read, &written, NULL);
          if (result == G_CONVERTER_ERROR)
            return NULL;
          in_offset += read;
          g_byte_array_append (out, buffer, written);
          if (result == G_CONVERTER_FINISHED)
            break;
          if (read == 0 && written == 0)
            return NULL;
        }
      return g_byte_array_free_to_bytes (g_steal_pointer (&out));
    }

  return g_bytes_new (data, length);
}

/* Each page's content compressed again once its artifacts are marked: at
 * zlib's fastest level, which makes the full library's columns PDF 1.5 %
 * larger than the default level and saves a fifth of the export's time. */
static GBytes *
deflate_data (const char *data,
              gsize       length)
{
  g_autoptr(GConverter) deflater = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 1));
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize in_offset = 0;

  for (;;)
    {
      guint8 buffer[16384];
      gsize read = 0, written = 0;
      GConverterResult result;

      result = g_converter_convert (deflater, data + in_offset, length - in_offset,
                                    buffer, sizeof buffer, G_CONVERTER_INPUT_AT_END,
                                    &read, &written, NULL);
      if (result == G_CONVERTER_ERROR)
        return NULL;
      in_offset += read;
      g_byte_array_append (out, buffer, written);
      if (result == G_CONVERTER_FINISHED)
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* Content streams ---------------------------------------------------------- */

static gboolean
is_delimiter (char c)
{
  return strchr ("()<>[]{}/%", c) != NULL;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

/* Skips one operand or operator token from @p; returns where it ends, and
 * sets @is_operator. Returns NULL at a syntax it does not know. */
static const char *
skip_token (const char *p,
            const char *end,
            gboolean   *is_operator)
{
  *is_operator = FALSE;

  if (*p == '(')
    {
      int depth = 0;

      for (; p < end; p++)
        {
          if (*p == '\\')
            p++;
          else if (*p == '(')
            depth++;
          else if (*p == ')' && --depth == 0)
            return p + 1;
        }
      return NULL;
    }
  if (*p == '<' && p + 1 < end && p[1] == '<')
    {
      int depth = 0;

      while (p < end)
        {
          if (*p == '(')
            {
              gboolean op;
              p = skip_token (p, end, &op);
              if (p == NULL)
                return NULL;
              continue;
            }
          if (*p == '<' && p + 1 < end && p[1] == '<')
            {
              depth++;
              p += 2;
              continue;
            }
          if (*p == '>' && p + 1 < end && p[1] == '>')
            {
              p += 2;
              if (--depth == 0)
                return p;
              continue;
            }
          p++;
        }
      return NULL;
    }
  if (*p == '<')
    {
      const char *close = memchr (p, '>', end - p);
      return close != NULL ? close + 1 : NULL;
    }
  if (*p == '[' || *p == ']')
    return p + 1;
  if (*p == '/')
    {
      p++;
      while (p < end && !is_space (*p) && !is_delimiter (*p))
        p++;
      return p;
    }
  if (g_ascii_isdigit (*p) || *p == '-' || *p == '+' || *p == '.')
    {
      while (p < end && !is_space (*p) && !is_delimiter (*p))
        p++;
      return p;
    }
  if (g_ascii_isalpha (*p) || *p == '\'' || *p == '"' || *p == '*')
    {
      *is_operator = TRUE;
      while (p < end && !is_space (*p) && !is_delimiter (*p))
        p++;
      return p;
    }
  return NULL;
}

static gboolean
operator_is (const char *op,
             gsize       length,
             const char *name)
{
  return strlen (name) == length && memcmp (op, name, length) == 0;
}

/* Wraps everything of a page's content that is in no marked-content
 * sequence in "/Artifact BMC ... EMC". A run of such operations is
 * wrapped whole; runs end only where a tagged sequence begins. Returns
 * NULL for content it cannot read (inline images, unbalanced marks). */
static GString *
mark_artifacts (const char *data,
                gsize       length)
{
  g_autoptr(GString) out = g_string_sized_new (length + length / 8);
  const char *p = data, *end = data + length;
  const char *operation = NULL;   /* the start of the current operation */
  int depth = 0;
  gboolean in_artifact = FALSE;
  gboolean in_text = FALSE;

  while (p < end)
    {
      const char *token_end;
      gboolean is_operator;

      if (is_space (*p))
        {
          p++;
          continue;
        }
      if (*p == '%')
        {
          while (p < end && *p != '\n' && *p != '\r')
            p++;
          continue;
        }
      if (operation == NULL)
        operation = p;
      token_end = skip_token (p, end, &is_operator);
      if (token_end == NULL || token_end == p)
        return NULL;
      if (is_operator)
        {
          gsize op_length = token_end - p;
          gboolean opens = operator_is (p, op_length, "BDC") || operator_is (p, op_length, "BMC");
          gboolean closes = operator_is (p, op_length, "EMC");

          if (operator_is (p, op_length, "BI"))
            return NULL;
          if (depth == 0 && !opens && !closes && !in_artifact)
            {
              g_string_append (out, "/Artifact BMC\n");
              in_artifact = TRUE;
            }
          else if (depth == 0 && opens && in_artifact && !in_text)
            {
              /* a span inside a text object (cairo's ActualText of an
               * ellipsis) stays inside the artifact it is part of */
              g_string_append (out, "EMC\n");
              in_artifact = FALSE;
            }
          if (operator_is (p, op_length, "BT"))
            in_text = TRUE;
          else if (operator_is (p, op_length, "ET"))
            in_text = FALSE;
          if (opens)
            depth++;
          else if (closes && --depth < 0)
            return NULL;
          g_string_append_len (out, operation, token_end - operation);
          g_string_append_c (out, '\n');
          operation = NULL;
        }
      p = token_end;
    }
  if (depth != 0 || operation != NULL)
    return NULL;
  if (in_artifact)
    g_string_append (out, "EMC\n");

  return g_steal_pointer (&out);
}

/* Text ---------------------------------------------------------------------- */

/* A PDF text string: UTF-16BE with its byte order mark, in hex. */
static char *
text_string (const char *utf8)
{
  g_autofree gunichar2 *utf16 = NULL;
  glong n_units = 0;
  GString *out = g_string_new ("<FEFF");

  utf16 = g_utf8_to_utf16 (utf8, -1, NULL, &n_units, NULL);
  for (glong i = 0; utf16 != NULL && i < n_units; i++)
    g_string_append_printf (out, "%04X", utf16[i]);
  g_string_append_c (out, '>');
  return g_string_free (out, FALSE);
}

static char *
xml_escape (const char *text)
{
  return g_markup_escape_text (text, -1);
}

static char *
make_xmp (const char *title,
          const char *lang_tag)
{
  g_autofree char *escaped_title = xml_escape (title);

  /* what the document information dictionary says too, and nothing that
   * changes from one export of the same policy to the next */
  return g_strdup_printf ("<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                          "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                          " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                          "  <rdf:Description rdf:about=\"\"\n"
                          "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                          "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                          "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
                          "   <dc:format>application/pdf</dc:format>\n"
                          "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n"
                          "   <dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n"
                          "   <xmp:CreatorTool>Polisi " PACKAGE_VERSION "</xmp:CreatorTool>\n"
                          "   <pdfuaid:part>1</pdfuaid:part>\n"
                          "  </rdf:Description>\n"
                          " </rdf:RDF>\n"
                          "</x:xmpmeta>\n"
                          "<?xpacket end=\"w\"?>", escaped_title, lang_tag);
}

/* The structure walk ---------------------------------------------------------- */

typedef struct {
  Pdf          *pdf;
  GArray       *log;
  guint         next;        /* the next log entry to meet */
  gboolean      failed;
  GArray       *top_level;   /* guint: object numbers */
  GArray       *elements;    /* guint: object number of each log entry */
  GArray       *parents;     /* int: the log entry of each entry's parent, or -1 */
} Walk;

static void
walk_element (Walk     *walk,
              guint     number,
              int       parent)
{
  gboolean top = parent < 0;
  int self_index;
  g_autofree char *dict = object_text (walk->pdf, number);
  g_autoptr(GArray) kids = NULL;
  const char *type;
  PolisiStructureEntry *entry;
  gsize length;

  if (walk->failed || dict == NULL || strstr (dict, "/Type /StructElem") == NULL)
    return;

  type = dict_value (dict, "/S");
  if (type == NULL || *type != '/' || walk->next >= walk->log->len)
    {
      walk->failed = TRUE;
      return;
    }
  type++;
  length = strcspn (type, " \n\r/>[");
  entry = &g_array_index (walk->log, PolisiStructureEntry, walk->next);
  if (strlen (entry->tag) != length || strncmp (entry->tag, type, length) != 0)
    {
      walk->failed = TRUE;
      return;
    }
  self_index = walk->next++;
  g_array_append_val (walk->elements, number);
  g_array_append_val (walk->parents, parent);

  if (top)
    g_array_append_val (walk->top_level, number);

  kids = kids_of (dict);
  for (guint i = 0; i < kids->len; i++)
    walk_element (walk, g_array_index (kids, guint, i), self_index);
}

/* Replaces the value "N 0 R" of /P (the parent) in a structure element. */
static char *
replace_parent (const char *dict,
                guint       parent)
{
  const char *p = dict;

  while ((p = strstr (p, "/P ")) != NULL)
    {
      if (g_ascii_isdigit (p[3]))
        {
          const char *end = strstr (p, " R");

          if (end == NULL)
            break;
          return g_strdup_printf ("%.*s/P %u 0 R%s", (int) (p - dict), dict, parent, end + 2);
        }
      p += 3;
    }
  return g_strdup (dict);
}

/* The object number of the annotation an element's /K refers to with an
 * OBJR, or 0. */
static guint
objr_target (const char *dict)
{
  const char *objr = strstr (dict, "/OBJR");
  const char *obj;

  if (objr == NULL)
    return 0;
  /* cairo writes << /Type /OBJR /Obj N 0 R >>; either order is read */
  obj = strstr (dict, "/Obj ");
  if (obj == NULL)
    return 0;
  return (guint) g_ascii_strtoull (obj + 5, NULL, 10);
}

typedef struct {
  GString *update;
  GArray  *offsets;
  GArray  *numbers;
  gsize    base;
} Update;

static void
update_object (Update     *update,
               guint       number,
               const char *text)
{
  guint64 offset = update->base + update->update->len;

  if (text == NULL)
    return;
  /* one new version of an object per update; cairo keeps the objects
   * amended here apart, so a second one is a mistake of this file */
  for (guint i = 0; i < update->numbers->len; i++)
    g_return_if_fail (g_array_index (update->numbers, guint, i) != number);
  g_string_append_printf (update->update, "%u 0 obj\n%s\nendobj\n", number, text);
  g_array_append_val (update->offsets, offset);
  g_array_append_val (update->numbers, number);
}

static void
update_stream (Update     *update,
               guint       number,
               const char *dict_entries,
               GBytes     *data)
{
  guint64 offset = update->base + update->update->len;
  gsize length;
  const char *bytes = g_bytes_get_data (data, &length);

  g_string_append_printf (update->update, "%u 0 obj\n<< %s /Length %" G_GSIZE_FORMAT " >>\nstream\n",
                          number, dict_entries, length);
  g_string_append_len (update->update, bytes, length);
  g_string_append (update->update, "\nendstream\nendobj\n");
  g_array_append_val (update->offsets, offset);
  g_array_append_val (update->numbers, number);
}

/* Every object whose dictionary holds @marker, in number order. */
static GArray *
objects_with (Pdf        *pdf,
              const char *marker)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, pdf->objects);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ObjectSpan *span = value;
      const char *stream = find (pdf->data, span->end, span->start, "stream");
      gsize end = stream != NULL ? (gsize) (stream - pdf->data) : span->end;
      guint number = GPOINTER_TO_UINT (key);

      if (find (pdf->data, end, span->start, marker) != NULL)
        g_array_append_val (found, number);
    }
  return found;
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

/* @dict with each name of its /XObject dictionary once, or NULL when no
 * name was there twice. */
static char *
deduplicate_xobjects (const char *dict)
{
  const char *start = strstr (dict, "/XObject <<");
  const char *p, *end;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) out = NULL;
  gboolean changed = FALSE;

  if (start == NULL)
    return NULL;
  p = start + strlen ("/XObject <<");
  end = strstr (p, ">>");
  if (end == NULL)
    return NULL;

  out = g_string_new (NULL);
  g_string_append_len (out, dict, p - dict);
  while (p < end)
    {
      const char *name, *name_end, *ref_end;

      while (p < end && is_space (*p))
        p++;
      if (p >= end)
        break;
      if (*p != '/')
        return NULL;
      name = p;
      name_end = name + 1;
      while (name_end < end && !is_space (*name_end) && !is_delimiter (*name_end))
        name_end++;
      ref_end = strstr (name_end, " R");
      if (ref_end == NULL || ref_end > end)
        return NULL;
      ref_end += 2;
      if (g_hash_table_add (seen, g_strndup (name, name_end - name)))
        {
          g_string_append_c (out, ' ');
          g_string_append_len (out, name, ref_end - name);
        }
      else
        changed = TRUE;
      p = ref_end;
    }
  g_string_append_c (out, ' ');
  g_string_append (out, end);

  return changed ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* Whether a page dictionary's text is a page (not the page tree). */
static gboolean
is_page (const char *dict)
{
  const char *type = strstr (dict, "/Type /Page");

  return type != NULL && type[strlen ("/Type /Page")] != 's';
}

/* Marking the artifacts of each page's content is most of the finishing,
 * and each page's is its own: a long document's pages are shared with a
 * second thread (polisi_parallel_run()), from MARK_THREAD_MIN pages. */
#define MARK_THREAD_MIN 8

typedef struct {
  guint   number;    /* the content stream's object */
  GBytes *marked;    /* its new data, compressed; NULL: unchanged */
} PageContent;

static void
page_content_clear (gpointer data)
{
  g_clear_pointer (&((PageContent *) data)->marked, g_bytes_unref);
}

typedef struct {
  Pdf    *pdf;        /* read only, while shared */
  GArray *contents;   /* PageContent */
  int     next;
} MarkWork;

static void
mark_pages (gpointer data,
            gboolean helper)
{
  MarkWork *work = data;

  for (;;)
    {
      guint i = polisi_parallel_next (&work->next);
      PageContent *content;
      g_autoptr(GBytes) inflated = NULL;
      g_autoptr(GString) marked = NULL;
      gsize length;
      const char *bytes;

      if (i >= work->contents->len)
        break;
      content = &g_array_index (work->contents, PageContent, i);
      inflated = stream_data (work->pdf, content->number);
      if (inflated == NULL)
        continue;
      bytes = g_bytes_get_data (inflated, &length);
      marked = mark_artifacts (bytes, length);
      if (marked != NULL)
        content->marked = deflate_data (marked->str, marked->len);
    }
}

/**
 * polisi_pdf_finish:
 * @log: (element-type PolisiStructureEntry): the structure elements the
 *   drawing began, in order
 * @first: the language read first, the document's language
 * @title: the document's title, as in its metadata
 *
 * Returns: (transfer full): @pdf finished to PDF/UA-1, or @pdf itself
 *   when it is not laid out as expected
 */
GBytes *
polisi_pdf_finish (GBytes     *bytes,
                   GArray     *log,
                   PolisiLang  first,
                   const char *title)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(GArray) offsets = NULL;
  g_autoptr(GArray) numbers = NULL;
  g_autoptr(GArray) fonts = NULL;
  g_autoptr(GArray) pages = NULL;
  g_autoptr(GArray) contents = NULL;
  g_autoptr(GHashTable) annotation_alt = NULL;
  g_autofree char *trailer = NULL;
  g_autofree char *root_dict = NULL;
  g_autofree char *tree = NULL;
  g_autoptr(GByteArray) result = NULL;
  const char *startxref, *trailer_start, *tree_ref;
  guint root, info, size, tree_number = 0, next_number;
  guint64 previous;
  Pdf pdf = { 0 };
  Walk walk = { 0 };
  Update update = { 0 };

  pdf.data = g_bytes_get_data (bytes, &pdf.size);

  startxref = find_last (pdf.data, pdf.size, "startxref");
  trailer_start = find_last (pdf.data, pdf.size, "trailer");
  if (startxref == NULL || trailer_start == NULL || trailer_start > startxref ||
      find (pdf.data, pdf.size, 0, "/ObjStm") != NULL || !index_objects (&pdf))
    goto unchanged;

  previous = g_ascii_strtoull (startxref + strlen ("startxref"), NULL, 10);
  trailer = g_strndup (trailer_start, startxref - trailer_start);
  root = trailer_number (trailer, "/Root");
  info = trailer_number (trailer, "/Info");
  size = trailer_number (trailer, "/Size");
  root_dict = object_text (&pdf, root);
  if (root == 0 || size == 0 || root_dict == NULL || strstr (root_dict, "/Type /Catalog") == NULL)
    goto unchanged;
  next_number = size;

  /* Walk the structure tree against the log. */
  tree_ref = dict_value (root_dict, "/StructTreeRoot");
  walk.pdf = &pdf;
  walk.log = log;
  walk.top_level = g_array_new (FALSE, FALSE, sizeof (guint));
  walk.elements = g_array_new (FALSE, FALSE, sizeof (guint));
  walk.parents = g_array_new (FALSE, FALSE, sizeof (int));
  if (tree_ref != NULL)
    {
      tree_number = (guint) g_ascii_strtoull (tree_ref, NULL, 10);
      tree = object_text (&pdf, tree_number);
    }
  if (tree != NULL)
    {
      g_autoptr(GArray) kids = kids_of (tree);

      for (guint i = 0; i < kids->len && !walk.failed; i++)
        walk_element (&walk, g_array_index (kids, guint, i), -1);
      if (walk.next != log->len)
        walk.failed = TRUE;
    }
  else
    walk.failed = TRUE;

  text = g_string_new ("\n");
  offsets = g_array_new (FALSE, FALSE, sizeof (guint64));
  numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  update = (Update) { text, offsets, numbers, pdf.size };

  /* The catalogue and its metadata. */
  {
    g_autofree char *xmp = make_xmp (title, polisi_lang_to_tag (first));
    g_autoptr(GBytes) xmp_bytes = g_bytes_new (xmp, strlen (xmp));
    guint metadata = next_number++;
    g_autofree char *addition = g_strdup_printf ("/Lang (%s) /MarkInfo << /Marked true >> "
                                                 "/ViewerPreferences << /DisplayDocTitle true >> "
                                                 "/Metadata %u 0 R",
                                                 polisi_lang_to_tag (first), metadata);
    g_autofree char *amended = amend_dict (root_dict, addition);

    update_object (&update, root, amended);
    update_stream (&update, metadata, "/Type /Metadata /Subtype /XML", xmp_bytes);
  }

  /* The structure: a Document root, languages, alternative descriptions,
   * header scope. */
  annotation_alt = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  if (!walk.failed && walk.top_level->len > 0)
    {
      guint document = next_number++;
      g_autoptr(GString) kids = g_string_new (NULL);
      g_autofree char *document_dict = NULL;
      g_autofree char *new_tree = NULL;
      const char *k = dict_value (tree, "/K");
      const char *k_end;

      for (guint i = 0; i < walk.top_level->len; i++)
        g_string_append_printf (kids, "%u 0 R ", g_array_index (walk.top_level, guint, i));
      document_dict = g_strdup_printf ("<< /Type /StructElem /S /Document /P %u 0 R /K [ %s] >>",
                                       tree_number, kids->str);
      update_object (&update, document, document_dict);

      /* the tree root's /K becomes the Document alone */
      k_end = *k == '[' ? strchr (k, ']') + 1 : k + strcspn (k, "/>");
      new_tree = g_strdup_printf ("%.*s%u 0 R\n%s", (int) (k - tree), tree, document, k_end);
      update_object (&update, tree_number, new_tree);

      for (guint i = 0; i < walk.elements->len; i++)
        {
          guint number = g_array_index (walk.elements, guint, i);
          PolisiStructureEntry *entry = &g_array_index (log, PolisiStructureEntry, i);
          g_autofree char *dict = object_text (&pdf, number);
          g_autoptr(GString) addition = g_string_new (NULL);
          gboolean top = FALSE;

          for (guint t = 0; t < walk.top_level->len && !top; t++)
            top = g_array_index (walk.top_level, guint, t) == number;

          /* the language where it differs from the one around it: the
           * document's for a top-level element, its parent's otherwise (a
           * comment in its own language in the other language's table) */
          {
            int parent = g_array_index (walk.parents, int, i);
            PolisiLang around = parent < 0 ? first : g_array_index (log, PolisiStructureEntry, parent).lang;

            if (entry->lang != around)
              g_string_append_printf (addition, "/Lang (%s) ", polisi_lang_to_tag (entry->lang));
          }
          if (entry->alt != NULL)
            {
              g_autofree char *alt = text_string (entry->alt);
              guint annotation = objr_target (dict);

              g_string_append_printf (addition, "/Alt %s ", alt);
              if (annotation != 0)
                g_hash_table_insert (annotation_alt, GUINT_TO_POINTER (annotation), g_strdup (alt));
            }
          if (g_str_equal (entry->tag, "TH"))
            g_string_append (addition, "/A << /O /Table /Scope /Column >> ");

          if (top || addition->len > 0)
            {
              g_autofree char *reparented = top ? replace_parent (dict, document) : g_strdup (dict);
              g_autofree char *element = addition->len > 0 ? amend_dict (reparented, addition->str)
                                                           : g_strdup (reparented);

              update_object (&update, number, element);
            }
        }
    }

  /* Link annotations: their text. */
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, annotation_alt);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        g_autofree char *dict = object_text (&pdf, GPOINTER_TO_UINT (key));
        g_autofree char *addition = NULL;
        g_autofree char *amended = NULL;

        if (dict == NULL || strstr (dict, "/Annot") == NULL || strstr (dict, "/Contents") != NULL)
          continue;
        addition = g_strdup_printf ("/Contents %s ", (const char *) value);
        amended = amend_dict (dict, addition);
        update_object (&update, GPOINTER_TO_UINT (key), amended);
      }
  }

  /* Pages: artifacts, and the tab order of their annotations. */
  pages = objects_with (&pdf, "/Type /Page");
  g_array_sort (pages, compare_numbers);
  contents = g_array_new (FALSE, TRUE, sizeof (PageContent));
  g_array_set_clear_func (contents, page_content_clear);
  for (guint i = 0; i < pages->len; i++)
    {
      guint number = g_array_index (pages, guint, i);
      g_autofree char *dict = object_text (&pdf, number);
      const char *value;
      PageContent content = { 0 };

      if (!is_page (dict))
        continue;
      if (strstr (dict, "/Annots") != NULL && strstr (dict, "/Tabs") == NULL)
        {
          g_autofree char *amended = amend_dict (dict, "/Tabs /S ");
          update_object (&update, number, amended);
        }

      value = dict_value (dict, "/Contents");
      if (value == NULL || !g_ascii_isdigit (*value))
        continue;
      content.number = (guint) g_ascii_strtoull (value, NULL, 10);
      g_array_append_val (contents, content);
    }
  {
    MarkWork work = { &pdf, contents, 0 };

    if (contents->len >= MARK_THREAD_MIN)
      polisi_parallel_run (mark_pages, &work, 0);
    else
      mark_pages (&work, FALSE);
  }
  for (guint i = 0; i < contents->len; i++)
    {
      PageContent *content = &g_array_index (contents, PageContent, i);

      if (content->marked != NULL)
        update_stream (&update, content->number, "/Filter /FlateDecode", content->marked);
    }

  /* Resources: cairo 1.16 names a form again each time a page paints it
   * (the digits of the line numbers); each name once is enough. */
  {
    g_autoptr(GArray) resources = objects_with (&pdf, "/XObject <<");

    g_array_sort (resources, compare_numbers);
    for (guint i = 0; i < resources->len; i++)
      {
        guint number = g_array_index (resources, guint, i);
        g_autofree char *dict = object_text (&pdf, number);
        g_autofree char *deduplicated = deduplicate_xobjects (dict);

        if (deduplicated != NULL)
          update_object (&update, number, deduplicated);
      }
  }

  /* CID fonts: the glyph of each CID. */
  fonts = objects_with (&pdf, "/CIDFontType2");
  g_array_sort (fonts, compare_numbers);
  for (guint i = 0; i < fonts->len; i++)
    {
      guint number = g_array_index (fonts, guint, i);
      g_autofree char *dict = object_text (&pdf, number);
      g_autofree char *amended = NULL;

      if (strstr (dict, "/CIDToGIDMap") != NULL || strstr (dict, "/Type /Font") == NULL)
        continue;
      amended = amend_dict (dict, "/CIDToGIDMap /Identity ");
      update_object (&update, number, amended);
    }

  /* The cross-reference section: one subsection per object. */
  {
    guint64 xref_offset = pdf.size + text->len;

    g_string_append (text, "xref\n");
    for (guint i = 0; i < numbers->len; i++)
      g_string_append_printf (text, "%u 1\n%010" G_GUINT64_FORMAT " 00000 n \n",
                              g_array_index (numbers, guint, i), g_array_index (offsets, guint64, i));
    g_string_append_printf (text, "trailer\n<< /Size %u /Root %u 0 R", next_number, root);
    if (info != 0)
      g_string_append_printf (text, " /Info %u 0 R", info);
    g_string_append_printf (text, " /Prev %" G_GUINT64_FORMAT " >>\nstartxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n",
                            previous, xref_offset);
  }

  result = g_byte_array_sized_new (pdf.size + text->len);
  g_byte_array_append (result, (const guint8 *) pdf.data, pdf.size);
  g_byte_array_append (result, (const guint8 *) text->str, text->len);

  g_clear_pointer (&pdf.objects, g_hash_table_unref);
  g_clear_pointer (&walk.top_level, g_array_unref);
  g_clear_pointer (&walk.elements, g_array_unref);
  g_clear_pointer (&walk.parents, g_array_unref);
  return g_byte_array_free_to_bytes (g_steal_pointer (&result));

unchanged:
  g_clear_pointer (&pdf.objects, g_hash_table_unref);
  g_clear_pointer (&walk.top_level, g_array_unref);
  g_clear_pointer (&walk.elements, g_array_unref);
  g_clear_pointer (&walk.parents, g_array_unref);
  return g_bytes_ref (bytes);
}
