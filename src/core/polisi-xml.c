/* polisi-xml.c: reading untrusted XML safely
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every XML file Polisi reads may come from someone else: a colleague, a
 * union, an e-mail. The rules, for every reader:
 *  - a size limit, checked before and while reading;
 *  - UTF-8 only, checked before parsing, with the line and column of the
 *    first bad byte;
 *  - no network, no DTD loading, no entity substitution, and a document
 *    type declaration stops the parser at once, so that neither external
 *    entities nor entity bombs are ever looked at;
 *  - libxml2's default depth limit (256) stands: no XML_PARSE_HUGE;
 *  - every error names the file, the line and column, and what to do.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "polisi-core-resources.h"
#include "polisi-error.h"
#include "polisi-text.h"
#include "polisi-types.h"
#include "polisi-xml-private.h"

/* The core's resources (the built-in library, the schemas) live in a
 * static library; referring to them here makes sure the linker keeps them,
 * and with them the constructor that registers them. */
void
polisi_core_ensure_resources (void)
{
  (void) polisi_core_get_resource ();
}

char *
polisi_xml_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return g_filename_display_name (path);
  return g_file_get_parse_name (file);
}

/**
 * polisi_xml_load_file:
 *
 * Reads @file whole, refusing it when it is larger than @max_size.
 */
GBytes *
polisi_xml_load_file (GFile   *file,
                      gsize    max_size,
                      GError **error)
{
  g_autofree char *name = polisi_xml_display_name (file);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) data = NULL;
  guint8 buffer[64 * 1024];

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                     _("“%s” does not exist. Check the name and the folder."), name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                     _("“%s” is a folder, not a file."), name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                     _("You do not have permission to read “%s”. Ask whoever manages the computer, or copy the file to your own folder."),
                     name);
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                     _("“%s” cannot be read: %s"), name, local_error->message);
      return NULL;
    }

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      (guint64) g_file_info_get_size (info) > max_size)
    goto too_large;

  data = g_byte_array_new ();
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, &local_error);

      if (n < 0)
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                       _("“%s” cannot be read: %s"), name, local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      if (data->len + (gsize) n > max_size)
        goto too_large;
      g_byte_array_append (data, buffer, n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));

too_large:
  g_set_error (error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE,
               _("“%s” is larger than %u MB, too large to be a Polisi file. Check that you chose the right file."),
               name, (guint) (max_size / (1024 * 1024)));
  return NULL;
}

typedef struct {
  gboolean doctype;
} ParseGuard;

static void
refuse_internal_subset (void          *ctx,
                        const xmlChar *name,
                        const xmlChar *external_id,
                        const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = ctx;
  ParseGuard *guard = ctxt->_private;

  guard->doctype = TRUE;
  xmlStopParser (ctxt);
}

static void
refuse_entity_decl (void          *ctx,
                    const xmlChar *name,
                    int            type,
                    const xmlChar *public_id,
                    const xmlChar *system_id,
                    xmlChar       *content)
{
  refuse_internal_subset (ctx, name, public_id, system_id);
}

static void
refuse_external_subset (void          *ctx,
                        const xmlChar *name,
                        const xmlChar *external_id,
                        const xmlChar *system_id)
{
  refuse_internal_subset (ctx, name, external_id, system_id);
}

static xmlParserInputPtr
refuse_external_entity (const char    *url,
                        const char    *id,
                        xmlParserCtxt *ctxt)
{
  if (ctxt != NULL)
    {
      ParseGuard *guard = ctxt->_private;

      if (guard != NULL)
        guard->doctype = TRUE;
      xmlStopParser (ctxt);
    }
  return NULL;
}

static void
silence (void       *ctx,
         const char *msg,
         ...)
{
}

static void
silence_structured (void        *ctx,
                    xmlErrorPtr  error)
{
}

/* Line and column (1-based, in characters) of @offset in @data. */
static void
locate_offset (const char *data,
               gsize       offset,
               int        *line,
               int        *column)
{
  const char *line_start = data;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        (*line)++;
        line_start = data + i + 1;
      }

  *column = 1;
  for (const char *p = line_start; p < data + offset; p++)
    if (((guchar) *p & 0xc0) != 0x80)
      (*column)++;
}

static char *
trim_message (const char *message)
{
  g_autofree char *copy = g_strdup (message != NULL ? message : "");

  /* libxml2's own words name an option of its own: say what it means */
  if (g_str_has_prefix (copy, "Excessive depth in document"))
    return g_strdup (_("elements nested too deeply"));
  return g_strdup (g_strstrip (copy));
}


/* libxml2 checks each attribute of an element against all the others
 * before it: an element with 200,000 attributes takes minutes. No file
 * Polisi reads has an element with more than a few dozen. */
#define POLISI_XML_MAX_ATTRIBUTES 256

/* The first start tag in @data with more than POLISI_XML_MAX_ATTRIBUTES
 * attributes, or NULL: one pass over the bytes, before parsing. Comments,
 * CDATA sections and processing instructions are passed over; quoted
 * values may hold anything. */
static const char *
find_crowded_element (const char *data,
                      gsize       size)
{
  const char *end = data + size;
  const char *p = data;

  while (p < end)
    {
      const char *tag;
      guint attributes = 0;
      char quote = 0;

      p = memchr (p, '<', end - p);
      if (p == NULL)
        return NULL;
      tag = p++;
      if (p < end && *p == '!')
        {
          const char *close;

          if (end - p >= 3 && memcmp (p, "!--", 3) == 0)
            close = g_strstr_len (p, end - p, "-->");
          else if (end - p >= 8 && memcmp (p, "![CDATA[", 8) == 0)
            close = g_strstr_len (p, end - p, "]]>");
          else
            continue;  /* a declaration: the parser refuses it itself */
          if (close == NULL)
            return NULL;
          p = close + 3;
          continue;
        }
      if (p < end && *p == '?')
        {
          const char *close = g_strstr_len (p, end - p, "?>");
          if (close == NULL)
            return NULL;
          p = close + 2;
          continue;
        }
      if (p < end && *p == '/')
        continue;
      for (; p < end; p++)
        {
          if (quote != 0)
            {
              if (*p == quote)
                quote = 0;
            }
          else if (*p == '"' || *p == '\'')
            quote = *p;
          else if (*p == '=')
            {
              if (++attributes > POLISI_XML_MAX_ATTRIBUTES)
                return tag;
            }
          else if (*p == '>')
            break;
        }
    }
  return NULL;
}

/* @display_name: the file's name, for messages; %NULL when the bytes are
 * part of another file (a returned ODT's content.xml): the message then
 * says only what is wrong, for the caller to name the file and say what to
 * do. */
/* The program's own resources ------------------------------------------ */

/* The built-in library is most of what a command reads at start-up, and
 * libxml2 reads its text character by character. The build has checked it
 * with xmllint (well-formed, valid, UTF-8), so it is read here by a plain
 * reader of the XML it is written in: elements in one default namespace,
 * attributes (xml:lang among them), text, comments, the five named
 * entities and character references. Anything else (a DOCTYPE, CDATA, a
 * processing instruction, another namespace, a carriage return, an
 * attribute value with a tab or a line end) is left to libxml2, so that the
 * tree is always the one libxml2 would make (test-library compares the two
 * on the built-in library). */

typedef struct {
  const char *p;
  const char *end;
} Reader;

static gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* The text from @start to @end with its references replaced; %NULL for
 * anything this reader leaves to libxml2. */
/* Whether the text from @start to @end is one this reader leaves to
 * libxml2. */
static gboolean
is_refused (const char *start,
            const char *end,
            gboolean    attribute)
{
  gsize length = end - start;

  if (memchr (start, '\r', length) != NULL ||
      (attribute && (memchr (start, '\n', length) != NULL || memchr (start, '\t', length) != NULL ||
                     memchr (start, '<', length) != NULL)))
    return TRUE;
  /* "]]>" may not stand in text */
  for (const char *q = memchr (start, ']', length); q != NULL; q = memchr (q + 1, ']', end - q - 1))
    if (end - q >= 3 && q[1] == ']' && q[2] == '>')
      return TRUE;
  return FALSE;
}

static char *
decode_text (const char *start,
             const char *end,
             gboolean    attribute)
{
  gsize length = end - start;
  const char *amp;
  GString *out;

  if (is_refused (start, end, attribute))
    return NULL;
  amp = memchr (start, '&', length);
  if (amp == NULL)
    return g_strndup (start, length);

  out = g_string_sized_new (length);
  for (const char *p = start; p < end;)
    {
      const char *semicolon;

      g_string_append_len (out, p, amp - p);
      semicolon = memchr (amp, ';', end - amp);
      if (semicolon == NULL || semicolon - amp > 12)
        goto refuse;
      if (semicolon - amp == 4 && memcmp (amp, "&amp", 4) == 0)
        g_string_append_c (out, '&');
      else if (semicolon - amp == 3 && memcmp (amp, "&lt", 3) == 0)
        g_string_append_c (out, '<');
      else if (semicolon - amp == 3 && memcmp (amp, "&gt", 3) == 0)
        g_string_append_c (out, '>');
      else if (semicolon - amp == 5 && memcmp (amp, "&quot", 5) == 0)
        g_string_append_c (out, '"');
      else if (semicolon - amp == 5 && memcmp (amp, "&apos", 5) == 0)
        g_string_append_c (out, '\'');
      else if (amp[1] == '#')
        {
          gboolean hex = amp[2] == 'x';
          const char *digits = amp + (hex ? 3 : 2);
          guint64 value = 0;

          if (digits == semicolon)
            goto refuse;
          for (const char *d = digits; d < semicolon; d++)
            {
              if (!(hex ? g_ascii_isxdigit (*d) : g_ascii_isdigit (*d)))
                goto refuse;
              value = value * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*d) : g_ascii_digit_value (*d));
            }
          /* what XML allows: no controls but tab and line ends, no
           * surrogates, no U+FFFE or U+FFFF; carriage returns and the
           * white space of attributes are libxml2's to handle */
          if (value > 0x10FFFF || (value < 0x20 && value != '\t' && value != '\n') || value == '\r' ||
              (value >= 0xD800 && value <= 0xDFFF) || value == 0xFFFE || value == 0xFFFF ||
              (attribute && (value == '\t' || value == '\n')))
            goto refuse;
          g_string_append_unichar (out, (gunichar) value);
        }
      else
        goto refuse;
      p = semicolon + 1;
      amp = memchr (p, '&', end - p);
      if (amp == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
    }
  return g_string_free (out, FALSE);

refuse:
  g_string_free (out, TRUE);
  return NULL;
}

/* A name: letters, digits, '-', '_', '.' and at most the "xml:" prefix. */
static const char *
read_name (Reader *r)
{
  const char *start = r->p;

  while (r->p < r->end && (g_ascii_isalnum (*r->p) || *r->p == '-' || *r->p == '_' || *r->p == '.' || *r->p == ':'))
    r->p++;
  return r->p > start && !g_ascii_isdigit (*start) && *start != '-' && *start != '.' ? start : NULL;
}

static void
skip_space (Reader *r)
{
  while (r->p < r->end && is_xml_space (*r->p))
    r->p++;
}

static gboolean
is_blank (const char *p,
          const char *end)
{
  for (; p < end; p++)
    if (!is_xml_space (*p))
      return FALSE;
  return TRUE;
}

static xmlDoc *
parse_own (const char *data,
           gsize       size)
{
  static const char declaration[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  Reader reader = { data, data + size };
  Reader *r = &reader;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  xmlNs *ns = NULL;
  gboolean done = FALSE;

  if (size < sizeof declaration - 1 || memcmp (data, declaration, sizeof declaration - 1) != 0 ||
      memchr (data, '\0', size) != NULL)
    return NULL;
  r->p += sizeof declaration - 1;
  doc = xmlNewDoc ((const xmlChar *) "1.0");
  doc->encoding = xmlStrdup ((const xmlChar *) "UTF-8");
  /* element and attribute names held once, as libxml2's own parser holds
   * them: not copied for each element, nor freed one by one */
  doc->dict = xmlDictCreate ();

  while (r->p < r->end)
    {
      const char *lt = memchr (r->p, '<', r->end - r->p);
      const char *text_end = lt != NULL ? lt : r->end;
      xmlNode *parent = open->len > 0 ? open->pdata[open->len - 1] : NULL;

      /* the text up to the next tag */
      if (text_end > r->p)
        {
          if (parent == NULL)
            {
              for (const char *q = r->p; q < text_end; q++)
                if (!is_xml_space (*q) || *q == '\r')
                  return NULL;
            }
          else if (is_blank (r->p, text_end))
            {
              /* the indentation between elements: the built-in files'
               * schemas have no mixed content, and every text is read
               * with its white space collapsed, so white space alone
               * says nothing (half of the built-in library's text nodes) */
            }
          else if (memchr (r->p, '&', text_end - r->p) == NULL)
            {
              /* most text: copied once, as it stands */
              if (is_refused (r->p, text_end, FALSE))
                return NULL;
              xmlAddChild (parent, xmlNewDocTextLen (doc, (const xmlChar *) r->p, text_end - r->p));
            }
          else
            {
              g_autofree char *text = decode_text (r->p, text_end, FALSE);

              if (text == NULL)
                return NULL;
              xmlAddChild (parent, xmlNewDocText (doc, (const xmlChar *) text));
            }
        }
      r->p = text_end;
      if (lt == NULL)
        break;
      r->p++;

      if (r->p < r->end && *r->p == '/')
        {
          const char *name;

          r->p++;
          name = read_name (r);
          if (parent == NULL || name == NULL || strlen ((const char *) parent->name) != (gsize) (r->p - name) ||
              memcmp (parent->name, name, r->p - name) != 0)
            return NULL;
          skip_space (r);
          if (r->p >= r->end || *r->p != '>')
            return NULL;
          r->p++;
          g_ptr_array_set_size (open, open->len - 1);
          if (open->len == 0)
            done = TRUE;
          continue;
        }
      if (r->end - r->p >= 3 && memcmp (r->p, "!--", 3) == 0)
        {
          const char *start = r->p + 3;
          const char *close = g_strstr_len (start, r->end - start, "--");
          g_autofree char *comment = NULL;

          if (close == NULL || close + 2 >= r->end || close[2] != '>' || memchr (start, '\r', close - start) != NULL)
            return NULL;
          comment = g_strndup (start, close - start);
          if (parent != NULL)
            xmlAddChild (parent, xmlNewDocComment (doc, (const xmlChar *) comment));
          else
            return NULL;   /* a comment beside the root: libxml2's */
          r->p = close + 3;
          continue;
        }

      /* a start tag */
      {
        const char *name = read_name (r);
        const xmlChar *element;
        xmlNode *node;

        if (name == NULL || done || memchr (name, ':', r->p - name) != NULL)
          return NULL;
        element = xmlDictLookup (doc->dict, (const xmlChar *) name, r->p - name);
        if (element == NULL)
          return NULL;
        node = xmlNewDocNodeEatName (doc, NULL, (xmlChar *) element, NULL);
        if (parent == NULL)
          xmlDocSetRootElement (doc, node);
        else
          xmlAddChild (parent, node);

        for (;;)
          {
            const char *attribute;
            const char *key;
            g_autofree char *value = NULL;
            const char *value_end;
            char quote;

            skip_space (r);
            if (r->p >= r->end)
              return NULL;
            if (*r->p == '>' || *r->p == '/')
              break;
            attribute = read_name (r);
            if (attribute == NULL)
              return NULL;
            key = (const char *) xmlDictLookup (doc->dict, (const xmlChar *) attribute, r->p - attribute);
            if (key == NULL)
              return NULL;
            skip_space (r);
            if (r->p >= r->end || *r->p != '=')
              return NULL;
            r->p++;
            skip_space (r);
            if (r->p >= r->end || (*r->p != '"' && *r->p != '\''))
              return NULL;
            quote = *r->p++;
            value_end = memchr (r->p, quote, r->end - r->p);
            if (value_end == NULL)
              return NULL;
            value = decode_text (r->p, value_end, TRUE);
            r->p = value_end + 1;
            if (value == NULL || xmlHasProp (node, (const xmlChar *) key) != NULL)
              return NULL;

            if (strcmp (key, "xmlns") == 0)
              {
                /* one default namespace, declared on the root */
                if (parent != NULL || ns != NULL || value[0] == '\0')
                  return NULL;
                ns = xmlNewNs (node, (const xmlChar *) value, NULL);
              }
            else if (g_str_has_prefix (key, "xml:") && strchr (key + 4, ':') == NULL && key[4] != '\0')
              {
                xmlNs *xml = xmlSearchNs (doc, node, (const xmlChar *) "xml");

                if (xml == NULL || xmlHasNsProp (node, (const xmlChar *) key + 4, XML_XML_NAMESPACE) != NULL)
                  return NULL;
                xmlNewNsProp (node, xml, (const xmlChar *) key + 4, (const xmlChar *) value);
              }
            else if (strchr (key, ':') != NULL)
              return NULL;
            else
              xmlNewProp (node, (const xmlChar *) key, (const xmlChar *) value);
          }
        xmlSetNs (node, ns);

        if (*r->p == '/')
          {
            r->p++;
            if (r->p >= r->end || *r->p != '>')
              return NULL;
            r->p++;
            if (parent == NULL)
              done = TRUE;
            continue;
          }
        r->p++;
        g_ptr_array_add (open, node);
      }
    }

  if (!done || open->len > 0)
    return NULL;
  return g_steal_pointer (&doc);
}

/* libxml2 is set up once a process, before any thread uses it: its own
 * set-up (xmlInitParser()) must not run in two threads at once, and a
 * policy file, the built-in library and a schema are read in three. The
 * loader of external entities is libxml2's one for the whole process: it
 * is set once, to refuse, and never set back, so that files read in two
 * threads at once never find it set back by the other. Polisi reads
 * nothing through it. */
/* Compiling a RELAX NG schema while another thread parses a file made
 * that file's attributes come out wrong now and then (a policy "without
 * its format version", about once in a thousand reads with a schema
 * compiled in a third thread): files are parsed under this lock's reader
 * side, any number at once, and a schema is compiled under its writer
 * side, alone. A schema is compiled once a process. */
static GRWLock parse_lock;

static void
init_libxml2 (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&done, 1);
    }
}

/**
 * polisi_xml_init:
 *
 * Sets libxml2 up now (see above); polisi_core_init() calls it in the
 * program's main thread, which libxml2 then takes as its own.
 */
void
polisi_xml_init (void)
{
  init_libxml2 ();
}

/* @builtin: the bytes are one of the program's own resources, which the
 * build checked with xmllint against their schemas (data/meson.build):
 * well-formed UTF-8 with no crowded element, so the checks made before
 * libxml2 sees hostile input are not made again. */
static xmlDoc *
parse (GBytes      *bytes,
       const char  *display_name,
       gboolean     builtin,
       GError     **error)
{
  gboolean part = display_name == NULL;
  ParseGuard guard = { FALSE };
  xmlParserCtxt *ctxt;
  xmlDoc *doc;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *bad = NULL;

  init_libxml2 ();

  if (size == 0)
    {
      if (part)
        g_set_error_literal (error, POLISI_ERROR, POLISI_ERROR_MALFORMED, _("it is empty"));
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_MALFORMED,
                     _("“%s” is empty. It may not have been saved completely: open an earlier copy."),
                     display_name);
      return NULL;
    }

  if (size > G_MAXINT || size > POLISI_XML_MAX_SIZE)
    {
      if (part)
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE,
                     _("it is larger than %u MB"), (guint) (POLISI_XML_MAX_SIZE / (1024 * 1024)));
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE,
                     _("“%s” is larger than %u MB, too large to be a Polisi file. Check that you chose the right file."),
                     display_name, (guint) (POLISI_XML_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (builtin)
    {
      g_rw_lock_reader_lock (&parse_lock);
      doc = parse_own (data, size);
      g_rw_lock_reader_unlock (&parse_lock);
      if (doc != NULL)
        return doc;
    }

  if (!builtin && !g_utf8_validate (data, size, &bad))
    {
      int line, column;

      locate_offset (data, bad - data, &line, &column);
      if (part)
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_ENCODING,
                     _("it contains characters that are not UTF-8 text (line %d, column %d)"), line, column);
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_ENCODING,
                   _("“%s” is not a valid Polisi file: it contains characters that are not UTF-8 text (line %d, column %d). "
                     "It may be damaged, or another program may have saved it in another encoding. Open an earlier copy."),
                   display_name, line, column);
      return NULL;
    }

  bad = builtin ? NULL : find_crowded_element (data, size);
  if (bad != NULL)
    {
      int line, column;

      locate_offset (data, bad - data, &line, &column);
      if (part)
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_UNSAFE,
                     _("an element has more than %d attributes (line %d, column %d)"),
                     POLISI_XML_MAX_ATTRIBUTES, line, column);
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_UNSAFE,
                     _("“%s” was refused: an element on line %d, column %d has more than %d attributes, which no "
                       "Polisi file has. It is damaged, or was not made by Polisi: open an earlier copy."),
                     display_name, line, column, POLISI_XML_MAX_ATTRIBUTES);
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_FAILED, _("Out of memory reading “%s”."),
                   part ? "content.xml" : display_name);
      return NULL;
    }

  ctxt->_private = &guard;
  ctxt->sax->internalSubset = refuse_internal_subset;
  ctxt->sax->externalSubset = refuse_external_subset;
  ctxt->sax->entityDecl = refuse_entity_decl;
  ctxt->sax->error = silence;
  ctxt->sax->warning = silence;
  ctxt->sax->serror = silence_structured;
  ctxt->sax->initialized = XML_SAX2_MAGIC;
  ctxt->vctxt.error = silence;
  ctxt->vctxt.warning = silence;

  g_rw_lock_reader_lock (&parse_lock);
  doc = xmlCtxtReadMemory (ctxt, data, (int) size, NULL, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  g_rw_lock_reader_unlock (&parse_lock);

  if (guard.doctype)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      if (part)
        g_set_error_literal (error, POLISI_ERROR, POLISI_ERROR_UNSAFE,
                             _("it contains a document type declaration (DOCTYPE)"));
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_UNSAFE,
                   _("“%s” was refused: it contains a document type declaration (DOCTYPE), which Polisi files never have "
                     "and which can be used to read other files on this computer. Ask whoever sent it for a new copy, "
                     "exported from Polisi."),
                   display_name);
    }
  else if (doc == NULL || !ctxt->wellFormed)
    {
      const xmlError *xml_error = &ctxt->lastError;
      g_autofree char *detail = trim_message (xml_error->message);

      g_clear_pointer (&doc, xmlFreeDoc);
      if (part && xml_error->line > 0)
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_MALFORMED,
                     _("line %d, column %d: %s"), xml_error->line, MAX (xml_error->int2, 1), detail);
      else if (part)
        g_set_error_literal (error, POLISI_ERROR, POLISI_ERROR_MALFORMED, detail);
      else if (xml_error->line > 0)
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_MALFORMED,
                     _("“%s” is damaged or incomplete (line %d, column %d: %s). "
                       "Open an earlier copy, or its recovery copy, or ask whoever sent it for a new copy."),
                     display_name, xml_error->line, MAX (xml_error->int2, 1), detail);
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_MALFORMED,
                     _("“%s” is damaged or incomplete (%s). "
                       "Open an earlier copy, or its recovery copy, or ask whoever sent it for a new copy."),
                     display_name, detail);
    }

  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);

  return doc;
}

/**
 * polisi_xml_parse:
 * @display_name: the file's name, for messages
 *
 * Parses @bytes under the rules at the top of this file.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
xmlDoc *
polisi_xml_parse (GBytes      *bytes,
                  const char  *display_name,
                  GError     **error)
{
  g_return_val_if_fail (display_name != NULL, NULL);
  return parse (bytes, display_name, FALSE, error);
}

/**
 * polisi_xml_parse_builtin:
 *
 * Parses @bytes, one of the program's own resources (the built-in library
 * or register), which the build has already checked against its schema.
 * Anything else is parsed with polisi_xml_parse(). The tree is libxml2's
 * but for text that is only white space, which is left out: the built-in
 * files' schemas have no mixed content, and their texts are read with
 * white space collapsed.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
xmlDoc *
polisi_xml_parse_builtin (GBytes      *bytes,
                          const char  *display_name,
                          GError     **error)
{
  g_return_val_if_fail (display_name != NULL, NULL);
  return parse (bytes, display_name, TRUE, error);
}

/**
 * polisi_xml_parse_part:
 *
 * Parses @bytes, a part of another file (a returned ODT's content.xml),
 * as polisi_xml_parse() does; the error says only what is wrong with it,
 * for the caller to name the file and say what to do.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
xmlDoc *
polisi_xml_parse_part (GBytes  *bytes,
                       GError **error)
{
  return parse (bytes, NULL, FALSE, error);
}

typedef struct {
  int   line;
  char *message;
} FirstError;

static void
collect_first_error (void        *data,
                     xmlErrorPtr  xml_error)
{
  FirstError *first = data;

  if (first->message != NULL)
    return;
  first->line = xml_error->line;
  first->message = trim_message (xml_error->message);
}

static xmlRelaxNG *
load_schema (const char *resource)
{
  static GMutex lock;
  static GHashTable *schemas;
  xmlRelaxNG *schema;

  polisi_core_ensure_resources ();
  init_libxml2 ();
  g_mutex_lock (&lock);
  if (schemas == NULL)
    schemas = g_hash_table_new (g_str_hash, g_str_equal);

  schema = g_hash_table_lookup (schemas, resource);
  if (schema == NULL)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
      xmlRelaxNGParserCtxt *parser;
      gsize size;
      const char *data;

      if (bytes == NULL)
        {
          g_mutex_unlock (&lock);
          g_critical ("Schema %s is missing from the resources", resource);
          return NULL;
        }
      data = g_bytes_get_data (bytes, &size);
      parser = xmlRelaxNGNewMemParserCtxt (data, (int) size);
      xmlRelaxNGSetParserStructuredErrors (parser, silence_structured, NULL);
      g_rw_lock_writer_lock (&parse_lock);
      schema = xmlRelaxNGParse (parser);
      g_rw_lock_writer_unlock (&parse_lock);
      xmlRelaxNGFreeParserCtxt (parser);
      if (schema == NULL)
        {
          g_mutex_unlock (&lock);
          g_critical ("Schema %s does not compile", resource);
          return NULL;
        }
      g_hash_table_insert (schemas, (gpointer) g_intern_string (resource), schema);
    }
  g_mutex_unlock (&lock);

  return schema;
}

/**
 * polisi_xml_validate:
 * @schema_resource: the GResource path of a RELAX NG schema
 *
 * Returns: %TRUE when @doc is valid
 */
gboolean
polisi_xml_validate (xmlDoc      *doc,
                     const char  *schema_resource,
                     const char  *display_name,
                     GError     **error)
{
  xmlRelaxNG *schema = load_schema (schema_resource);
  xmlRelaxNGValidCtxt *validator;
  FirstError first = { 0, NULL };
  int result;

  if (schema == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_FAILED,
                   _("Polisi is not installed correctly: the schema %s is missing."), schema_resource);
      return FALSE;
    }

  validator = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (validator, collect_first_error, &first);
  result = xmlRelaxNGValidateDoc (validator, doc);
  xmlRelaxNGFreeValidCtxt (validator);

  if (result != 0)
    {
      if (first.line > 0)
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID,
                     _("“%s” has parts that are missing or not as Polisi expects (line %d: %s). "
                       "It may have been edited by another program. Open an earlier copy."),
                     display_name, first.line, first.message != NULL ? first.message : "");
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID,
                     _("“%s” has parts that are missing or not as Polisi expects (%s). "
                       "It may have been edited by another program. Open an earlier copy."),
                     display_name, first.message != NULL ? first.message : "");
      g_free (first.message);
      return FALSE;
    }

  g_free (first.message);
  return TRUE;
}

gboolean
polisi_xml_is (xmlNode    *node,
               const char *ns,
               const char *name)
{
  return node != NULL &&
         node->type == XML_ELEMENT_NODE &&
         node->ns != NULL &&
         strcmp ((const char *) node->ns->href, ns) == 0 &&
         strcmp ((const char *) node->name, name) == 0;
}

xmlNode *
polisi_xml_next_element (xmlNode *node)
{
  for (node = node != NULL ? node->next : NULL; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      return node;
  return NULL;
}

xmlNode *
polisi_xml_first_child (xmlNode    *node,
                        const char *ns,
                        const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (polisi_xml_is (child, ns, name))
      return child;
  return NULL;
}

/* Returns a g_malloc'ed copy of the attribute, or NULL. */
char *
polisi_xml_get_prop (xmlNode    *node,
                     const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

gboolean
polisi_xml_get_lang (xmlNode *node,
                     int     *lang)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) "lang", XML_XML_NAMESPACE);
  g_autofree char *code = NULL;
  PolisiLang found;
  gboolean ok;

  if (value == NULL)
    return FALSE;
  /* The schemas compare the value as a token, spaces around it dropped:
   * read it the same way, so that what validates reads as it validated. */
  code = g_strstrip (g_strdup ((const char *) value));
  xmlFree (value);
  ok = polisi_lang_from_code (code, &found);
  if (ok)
    *lang = found;
  return ok;
}

void
polisi_xml_set_lang (xmlNode *node,
                     int      lang)
{
  xmlNs *xml_ns = xmlSearchNsByHref (node->doc, node, XML_XML_NAMESPACE);

  xmlSetNsProp (node, xml_ns, (const xmlChar *) "lang",
                (const xmlChar *) polisi_lang_to_code ((PolisiLang) lang));
}

/* The element's text, sanitised, with white space collapsed. */
char *
polisi_xml_get_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = polisi_text_sanitize_collapsed ((const char *) content);

  xmlFree (content);
  return text;
}

/* The <p> and <item> children of @node as clause markup. */
char *
polisi_xml_get_blocks (xmlNode *node)
{
  GString *out = g_string_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;
      gboolean item;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (strcmp ((const char *) child->name, "p") == 0)
        item = FALSE;
      else if (strcmp ((const char *) child->name, "item") == 0)
        item = TRUE;
      else
        continue;

      text = polisi_xml_get_text (child);
      if (text[0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (item)
        g_string_append (out, "- ");
      g_string_append (out, text);
    }

  return g_string_free (out, FALSE);
}

xmlNode *
polisi_xml_add_text_child (xmlNode    *parent,
                           xmlNs      *ns,
                           const char *name,
                           const char *text)
{
  /* xmlNewTextChild escapes the text; nothing here is built by hand. */
  return xmlNewTextChild (parent, ns, (const xmlChar *) name, (const xmlChar *) (text != NULL ? text : ""));
}

void
polisi_xml_add_blocks (xmlNode    *parent,
                       xmlNs      *ns,
                       const char *markup)
{
  g_autoptr(GPtrArray) blocks = polisi_text_parse_blocks (markup);

  for (guint i = 0; i < blocks->len; i++)
    {
      PolisiTextBlock *block = g_ptr_array_index (blocks, i);

      polisi_xml_add_text_child (parent, ns, block->item ? "item" : "p", block->text);
    }
}
