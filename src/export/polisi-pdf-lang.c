/* polisi-pdf-lang.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every paragraph of a Polisi PDF carries its language, so that screen
 * readers speak Welsh as Welsh and English as English, and the document
 * says it is tagged. cairo 1.16 writes the structure tree but can say
 * neither, so the PDF writer finishes the file here, with an incremental
 * update appended to cairo's output:
 *
 *  - the catalogue gains /Lang (the language read first), /MarkInfo
 *    << /Marked true >> and /ViewerPreferences << /DisplayDocTitle true >>;
 *  - each top-level structure element in the other language gains /Lang;
 *    its children inherit it.
 *
 * Which element is in which language comes from the page drawing, which
 * logs every structure element it begins. cairo builds the structure tree
 * in that order, so a walk of the tree from its root meets the elements
 * in the order of the log. The walk checks every element's type against
 * the log; if anything differs, only the catalogue is updated.
 *
 * cairo 1.16 writes a classic cross-reference table and no object
 * streams, which is what this reader expects; anything else leaves the
 * file as cairo wrote it.
 */
#define _GNU_SOURCE 1  /* memmem */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "polisi-pdf-lang.h"

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

typedef struct {
  Pdf          *pdf;
  GArray       *log;
  guint         next;        /* the next log entry to meet */
  gboolean      failed;
  GArray       *top_level;   /* guint: object numbers */
  GArray       *top_langs;   /* PolisiLang */
} Walk;

static void
walk_element (Walk     *walk,
              guint     number,
              gboolean  top)
{
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
  walk->next++;

  if (top)
    {
      g_array_append_val (walk->top_level, number);
      g_array_append_val (walk->top_langs, entry->lang);
    }

  kids = kids_of (dict);
  for (guint i = 0; i < kids->len; i++)
    walk_element (walk, g_array_index (kids, guint, i), FALSE);
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

/**
 * polisi_pdf_mark_languages:
 * @log: (element-type PolisiStructureEntry): the structure elements the
 *   drawing began, in order
 * @first: the language read first, the document's language
 *
 * Returns: (transfer full): @pdf with the languages marked, or @pdf itself
 *   when it is not laid out as expected
 */
GBytes *
polisi_pdf_mark_languages (GBytes     *bytes,
                           GArray     *log,
                           PolisiLang  first)
{
  g_autoptr(GString) update = NULL;
  g_autoptr(GArray) offsets = NULL;
  g_autoptr(GArray) numbers = NULL;
  g_autofree char *trailer = NULL;
  g_autofree char *root_dict = NULL;
  g_autofree char *tree = NULL;
  g_autofree char *amended = NULL;
  g_autoptr(GByteArray) result = NULL;
  const char *startxref, *trailer_start, *tree_ref;
  guint root, info, size, tree_number = 0;
  guint64 previous;
  Pdf pdf = { 0 };
  Walk walk = { 0 };

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

  /* Walk the structure tree against the log. */
  tree_ref = dict_value (root_dict, "/StructTreeRoot");
  walk.pdf = &pdf;
  walk.log = log;
  walk.top_level = g_array_new (FALSE, FALSE, sizeof (guint));
  walk.top_langs = g_array_new (FALSE, FALSE, sizeof (PolisiLang));
  if (tree_ref != NULL)
    {
      tree_number = (guint) g_ascii_strtoull (tree_ref, NULL, 10);
      tree = object_text (&pdf, tree_number);
    }
  if (tree != NULL)
    {
      g_autoptr(GArray) kids = kids_of (tree);

      for (guint i = 0; i < kids->len && !walk.failed; i++)
        walk_element (&walk, g_array_index (kids, guint, i), TRUE);
      if (walk.next != log->len)
        walk.failed = TRUE;
    }
  else
    walk.failed = TRUE;

  /* The incremental update. */
  update = g_string_new ("\n");
  offsets = g_array_new (FALSE, FALSE, sizeof (guint64));
  numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  {
    g_autofree char *addition = g_strdup_printf ("/Lang (%s) /MarkInfo << /Marked true >> "
                                                 "/ViewerPreferences << /DisplayDocTitle true >>",
                                                 polisi_lang_to_tag (first));
    guint64 offset = pdf.size + update->len;

    amended = amend_dict (root_dict, addition);
    g_string_append_printf (update, "%u 0 obj\n%s\nendobj\n", root, amended);
    g_array_append_val (offsets, offset);
    g_array_append_val (numbers, root);
  }

  if (!walk.failed)
    for (guint i = 0; i < walk.top_level->len; i++)
      {
        guint number = g_array_index (walk.top_level, guint, i);
        PolisiLang lang = g_array_index (walk.top_langs, PolisiLang, i);
        g_autofree char *dict = NULL;
        g_autofree char *addition = NULL;
        g_autofree char *element = NULL;
        guint64 offset;

        if (lang == first)
          continue;
        dict = object_text (&pdf, number);
        addition = g_strdup_printf ("/Lang (%s) ", polisi_lang_to_tag (lang));
        element = amend_dict (dict, addition);
        offset = pdf.size + update->len;
        g_string_append_printf (update, "%u 0 obj\n%s\nendobj\n", number, element);
        g_array_append_val (offsets, offset);
        g_array_append_val (numbers, number);
      }

  /* The cross-reference section: one subsection per object. */
  {
    guint64 xref_offset = pdf.size + update->len;

    g_string_append (update, "xref\n");
    for (guint i = 0; i < numbers->len; i++)
      g_string_append_printf (update, "%u 1\n%010" G_GUINT64_FORMAT " 00000 n \n",
                              g_array_index (numbers, guint, i), g_array_index (offsets, guint64, i));
    g_string_append_printf (update, "trailer\n<< /Size %u /Root %u 0 R", size, root);
    if (info != 0)
      g_string_append_printf (update, " /Info %u 0 R", info);
    g_string_append_printf (update, " /Prev %" G_GUINT64_FORMAT " >>\nstartxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n",
                            previous, xref_offset);
  }

  result = g_byte_array_sized_new (pdf.size + update->len);
  g_byte_array_append (result, (const guint8 *) pdf.data, pdf.size);
  g_byte_array_append (result, (const guint8 *) update->str, update->len);

  g_clear_pointer (&pdf.objects, g_hash_table_unref);
  g_clear_pointer (&walk.top_level, g_array_unref);
  g_clear_pointer (&walk.top_langs, g_array_unref);
  return g_byte_array_free_to_bytes (g_steal_pointer (&result));

unchanged:
  g_clear_pointer (&pdf.objects, g_hash_table_unref);
  g_clear_pointer (&walk.top_level, g_array_unref);
  g_clear_pointer (&walk.top_langs, g_array_unref);
  return g_bytes_ref (bytes);
}
