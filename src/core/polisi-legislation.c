/* polisi-legislation.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-error.h"
#include "polisi-legislation.h"
#include "polisi-text.h"
#include "polisi-xml-private.h"

#define LEGISLATION_NS "https://polisi.cymru/ns/legislation/1"
#define LEGISLATION_SCHEMA "/cymru/polisi/Polisi/schemas/legislation.rng"

struct _PolisiLegislation
{
  GObject    parent_instance;

  char      *version;
  char      *checked;
  GPtrArray *instruments;
  gboolean   builtin;
};

G_DEFINE_FINAL_TYPE (PolisiLegislation, polisi_legislation, G_TYPE_OBJECT)

static void
old_name_free (gpointer data)
{
  PolisiOldName *old_name = data;

  g_free (old_name->text);
  for (guint i = 0; i < G_N_ELEMENTS (old_name->folded); i++)
    g_free (old_name->folded[i]);
  g_free (old_name);
}

/* Lower case, white space collapsed: the form in which polisi_text_find_casefold()
 * compares, so that a plain strstr() can tell quickly that a name is not
 * in a text. One pass, as polisi_text_collapse_spaces() and then lowering
 * each character would give: every clause text of a policy is folded for
 * each check. */
static char *
fold (const char *text)
{
  /* a character lowered takes at most 4 bytes, and one that is not
   * ASCII at least 2: the result is at most twice as long */
  char *out = g_malloc (strlen (text) * 2 + 1);
  char *q = out;
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0';)
    {
      guchar byte = *p;
      gunichar c;

      /* most of a text is ASCII, and ASCII lowers as ASCII */
      if (byte < 0x80)
        {
          p++;
          if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' || byte == '\f')
            {
              space = q > out;
              continue;
            }
          if (space)
            *q++ = ' ';
          space = FALSE;
          *q++ = byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte;
          continue;
        }

      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      if (g_unichar_isspace (c))
        {
          space = q > out;
          continue;
        }
      if (space)
        *q++ = ' ';
      space = FALSE;
      /* a typographic apostrophe is a typewriter one to a search, as in
       * polisi_text_find_casefold() */
      if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
        *q++ = '\'';
      else
        q += g_unichar_to_utf8 (g_unichar_tolower (c), q);
    }
  *q = '\0';

  return out;
}

static void
instrument_free (gpointer data)
{
  PolisiInstrument *instrument = data;

  g_free (instrument->id);
  g_free (instrument->kind);
  g_free (instrument->jurisdiction);
  g_free (instrument->status);
  g_free (instrument->checked);
  g_free (instrument->url);
  for (guint i = 0; i < POLISI_N_LANGS; i++)
    {
      g_free (instrument->name[i]);
      g_free (instrument->note[i]);
    }
  g_ptr_array_unref (instrument->old_names);
  g_free (instrument);
}

static void
polisi_legislation_finalize (GObject *object)
{
  PolisiLegislation *self = (PolisiLegislation *) object;

  g_free (self->version);
  g_free (self->checked);
  g_clear_pointer (&self->instruments, g_ptr_array_unref);

  G_OBJECT_CLASS (polisi_legislation_parent_class)->finalize (object);
}

static void
polisi_legislation_class_init (PolisiLegislationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = polisi_legislation_finalize;
}

static void
polisi_legislation_init (PolisiLegislation *self)
{
  self->instruments = g_ptr_array_new_with_free_func (instrument_free);
}

static PolisiInstrument *
instrument_new_from_xml (xmlNode *node)
{
  PolisiInstrument *instrument = g_new0 (PolisiInstrument, 1);

  instrument->id = polisi_xml_get_prop (node, "id");
  instrument->kind = polisi_xml_get_prop (node, "kind");
  instrument->jurisdiction = polisi_xml_get_prop (node, "jurisdiction");
  instrument->status = polisi_xml_get_prop (node, "status");
  instrument->checked = polisi_xml_get_prop (node, "checked");
  instrument->old_names = g_ptr_array_new_with_free_func (old_name_free);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      int lang = POLISI_LANG_EN;
      gboolean has_lang;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      has_lang = polisi_xml_get_lang (child, &lang);

      if (polisi_xml_is (child, LEGISLATION_NS, "name") && has_lang)
        {
          g_free (instrument->name[lang]);
          instrument->name[lang] = polisi_xml_get_text (child);
        }
      else if (polisi_xml_is (child, LEGISLATION_NS, "note") && has_lang)
        {
          g_free (instrument->note[lang]);
          instrument->note[lang] = polisi_xml_get_text (child);
        }
      else if (polisi_xml_is (child, LEGISLATION_NS, "url"))
        {
          g_free (instrument->url);
          instrument->url = polisi_xml_get_text (child);
        }
      else if (polisi_xml_is (child, LEGISLATION_NS, "old-name") && has_lang)
        {
          PolisiOldName *old_name = g_new0 (PolisiOldName, 1);
          g_autofree char *nation = polisi_xml_get_prop (child, "nation");
          int value;

          old_name->lang = lang;
          old_name->text = polisi_xml_get_text (child);
          for (guint m = 0; m < POLISI_N_MUTATIONS; m++)
            {
              g_autofree char *mutated = m == POLISI_MUTATION_NONE ? NULL : polisi_welsh_mutate (old_name->text, m);

              if (m == POLISI_MUTATION_NONE)
                old_name->folded[m] = fold (old_name->text);
              else if (mutated != NULL && lang == POLISI_LANG_CY)
                old_name->folded[m] = fold (mutated);
            }
          old_name->any_nation = !polisi_enum_from_string (POLISI_TYPE_NATION, nation, &value);
          if (!old_name->any_nation)
            old_name->nation = value;
          g_ptr_array_add (instrument->old_names, old_name);
        }
    }

  return instrument;
}

/* @validated: the built-in register, checked against the schema when
 * Polisi was built (data/meson.build). */
static PolisiLegislation *
legislation_new (GBytes      *bytes,
                 const char  *display_name,
                 gboolean     validated,
                 GError     **error)
{
  g_autoptr(PolisiLegislation) self = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;

  doc = validated ? polisi_xml_parse_builtin (bytes, display_name, error)
                  : polisi_xml_parse (bytes, display_name, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (!polisi_xml_is (root, LEGISLATION_NS, "legislation"))
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                   _("“%s” is not a Polisi legislation register."), display_name);
      return NULL;
    }
  if (!validated && !polisi_xml_validate (doc, LEGISLATION_SCHEMA, display_name, error))
    return NULL;

  self = g_object_new (POLISI_TYPE_LEGISLATION, NULL);
  self->builtin = validated;
  self->version = polisi_xml_get_prop (root, "version");
  self->checked = polisi_xml_get_prop (root, "checked");
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (polisi_xml_is (child, LEGISLATION_NS, "instrument"))
      g_ptr_array_add (self->instruments, instrument_new_from_xml (child));

  return g_steal_pointer (&self);
}

/**
 * polisi_legislation_is_builtin:
 *
 * Whether this is the register that ships inside Polisi.
 */
gboolean
polisi_legislation_is_builtin (PolisiLegislation *self)
{
  g_return_val_if_fail (POLISI_IS_LEGISLATION (self), FALSE);
  return self->builtin;
}

PolisiLegislation *
polisi_legislation_new_from_bytes (GBytes      *bytes,
                                   const char  *display_name,
                                   GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  return legislation_new (bytes, display_name, FALSE, error);
}

PolisiLegislation *
polisi_legislation_new_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  polisi_core_ensure_resources ();
  bytes = g_resources_lookup_data (POLISI_LEGISLATION_BUILTIN_RESOURCE, 0, error);
  if (bytes == NULL)
    return NULL;
  /* Translators: stands for a file name in messages, in quotes */
  return legislation_new (bytes, _("built-in legislation register"), TRUE, error);
}

const char *
polisi_legislation_get_version (PolisiLegislation *self)
{
  g_return_val_if_fail (POLISI_IS_LEGISLATION (self), NULL);
  return self->version;
}

const char *
polisi_legislation_get_checked (PolisiLegislation *self)
{
  g_return_val_if_fail (POLISI_IS_LEGISLATION (self), NULL);
  return self->checked;
}

guint
polisi_legislation_get_n_instruments (PolisiLegislation *self)
{
  g_return_val_if_fail (POLISI_IS_LEGISLATION (self), 0);
  return self->instruments->len;
}

const PolisiInstrument *
polisi_legislation_get_instrument (PolisiLegislation *self,
                                   guint              index)
{
  g_return_val_if_fail (POLISI_IS_LEGISLATION (self), NULL);
  g_return_val_if_fail (index < self->instruments->len, NULL);
  return g_ptr_array_index (self->instruments, index);
}

const PolisiInstrument *
polisi_legislation_lookup (PolisiLegislation *self,
                           const char        *id)
{
  g_return_val_if_fail (POLISI_IS_LEGISLATION (self), NULL);

  for (guint i = 0; i < self->instruments->len; i++)
    {
      const PolisiInstrument *instrument = g_ptr_array_index (self->instruments, i);

      if (g_strcmp0 (instrument->id, id) == 0)
        return instrument;
    }
  return NULL;
}

static gboolean
is_word_char_before (const char *text,
                     const char *p)
{
  if (p == text)
    return FALSE;
  return g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
}

static gboolean
is_word_char_at (const char *p)
{
  return *p != '\0' && g_unichar_isalnum (g_utf8_get_char (p));
}

static int
compare_citations (gconstpointer a,
                   gconstpointer b)
{
  const PolisiOutdatedCitation *ca = a;
  const PolisiOutdatedCitation *cb = b;

  if (ca->offset != cb->offset)
    return ca->offset < cb->offset ? -1 : 1;
  /* The longer match first, so that it wins over one it contains. */
  return ca->length > cb->length ? -1 : (ca->length < cb->length ? 1 : 0);
}

/**
 * polisi_legislation_find_outdated:
 * @text: a clause text in @lang
 * @nation: where the policy applies, for names flagged in one nation only
 *
 * Finds every out-of-date name of an instrument in @text, as a whole
 * phrase, ignoring case, and in Welsh in any of its mutated forms.
 * Overlapping matches keep the longest.
 *
 * Returns: (transfer full) (element-type PolisiOutdatedCitation): the
 *   matches, in order
 */
GArray *
polisi_legislation_find_outdated (PolisiLegislation *self,
                                  const char        *text,
                                  PolisiLang         lang,
                                  PolisiNation       nation)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (PolisiOutdatedCitation));
  g_autoptr(GArray) kept = NULL;
  g_autofree char *folded_text = NULL;

  g_return_val_if_fail (POLISI_IS_LEGISLATION (self), found);

  if (text == NULL)
    return found;
  folded_text = fold (text);

  for (guint i = 0; i < self->instruments->len; i++)
    {
      const PolisiInstrument *instrument = g_ptr_array_index (self->instruments, i);

      for (guint j = 0; j < instrument->old_names->len; j++)
        {
          const PolisiOldName *old_name = g_ptr_array_index (instrument->old_names, j);

          if (old_name->lang != lang || (!old_name->any_nation && old_name->nation != nation))
            continue;

          /* In Welsh, "Deddf ..." may stand as "Ddeddf", "Neddf" ... */
          for (guint m = 0; m < POLISI_N_MUTATIONS; m++)
            {
              g_autofree char *mutated = NULL;
              const char *needle;
              const char *from = text;
              const char *match;
              gsize length;

              /* most names are in no text: a plain search says so fast */
              if (old_name->folded[m] == NULL || strstr (folded_text, old_name->folded[m]) == NULL)
                continue;

              mutated = m == POLISI_MUTATION_NONE ? NULL : polisi_welsh_mutate (old_name->text, m);
              needle = m == POLISI_MUTATION_NONE ? old_name->text : mutated;
              if (needle == NULL)
                continue;

              while ((match = polisi_text_find_casefold (from, needle, &length)) != NULL)
                {
                  if (!is_word_char_before (text, match) && !is_word_char_at (match + length))
                    {
                      PolisiOutdatedCitation citation = { instrument, old_name, match - text, length, m };
                      g_array_append_val (found, citation);
                    }
                  from = g_utf8_next_char (match);
                }
            }
        }
    }

  g_array_sort (found, compare_citations);

  kept = g_array_new (FALSE, FALSE, sizeof (PolisiOutdatedCitation));
  for (guint i = 0; i < found->len; i++)
    {
      PolisiOutdatedCitation *citation = &g_array_index (found, PolisiOutdatedCitation, i);

      if (kept->len > 0)
        {
          PolisiOutdatedCitation *last = &g_array_index (kept, PolisiOutdatedCitation, kept->len - 1);

          if (citation->offset < last->offset + last->length)
            continue;
        }
      g_array_append_val (kept, *citation);
    }
  g_array_unref (found);

  return g_steal_pointer (&kept);
}

/**
 * polisi_legislation_replace_outdated:
 * @n_replaced: (out) (optional): how many names were replaced
 *
 * Returns: (transfer full): @text with every out-of-date name replaced by
 *   the instrument's current name in @lang, mutated as the old one was
 */
char *
polisi_legislation_replace_outdated (PolisiLegislation *self,
                                     const char        *text,
                                     PolisiLang         lang,
                                     PolisiNation       nation,
                                     guint             *n_replaced)
{
  g_autoptr(GArray) found = polisi_legislation_find_outdated (self, text, lang, nation);
  GString *out = g_string_new (NULL);
  gsize position = 0;

  for (guint i = 0; i < found->len; i++)
    {
      PolisiOutdatedCitation *citation = &g_array_index (found, PolisiOutdatedCitation, i);

      const char *current = citation->instrument->name[lang];
      g_autofree char *mutated = current != NULL ? polisi_welsh_mutate (current, citation->mutation) : NULL;

      g_string_append_len (out, text + position, citation->offset - position);
      /* the schema gives every instrument a name in both languages; with
       * none, the old name stays */
      if (current == NULL)
        g_string_append_len (out, text + citation->offset, citation->length);
      else
        g_string_append (out, mutated != NULL ? mutated : current);
      position = citation->offset + citation->length;
    }
  if (text != NULL)
    g_string_append (out, text + position);

  if (n_replaced != NULL)
    *n_replaced = found->len;

  return g_string_free (out, FALSE);
}
