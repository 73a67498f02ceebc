/* polisi-context.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The context holds the clause library and the legislation register. It
 * is made once (by the application, the command line or a test) and
 * handed to whatever needs it: there are no globals.
 *
 * It also holds the interface language (the language of Polisi's own
 * words: titles of clauses in messages, dates in the window), set once at
 * start-up by the application from the locale, and by tests as they
 * need. polisi_interface_lang() is the language of the translation the
 * locale chose; a context starts with it. Core functions that build a
 * gettext message without a context (polisi-policy's version and date
 * errors) call polisi_interface_lang() so that a date in a message is in
 * the message's own language.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "polisi-context.h"
#include "polisi-xml-private.h"

struct _PolisiContext
{
  GObject            parent_instance;

  PolisiLibrary     *library;
  PolisiLegislation *legislation;
  PolisiLang         interface_language;
};

G_DEFINE_FINAL_TYPE (PolisiContext, polisi_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_LEGISLATION,
  PROP_INTERFACE_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
polisi_context_dispose (GObject *object)
{
  PolisiContext *self = (PolisiContext *) object;

  g_clear_object (&self->library);
  g_clear_object (&self->legislation);

  G_OBJECT_CLASS (polisi_context_parent_class)->dispose (object);
}

static void
polisi_context_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PolisiContext *self = POLISI_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_LEGISLATION:
      g_value_set_object (value, self->legislation);
      break;
    case PROP_INTERFACE_LANGUAGE:
      g_value_set_enum (value, self->interface_language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_context_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PolisiContext *self = POLISI_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    case PROP_LEGISLATION:
      self->legislation = g_value_dup_object (value);
      break;
    case PROP_INTERFACE_LANGUAGE:
      polisi_context_set_interface_language (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_context_class_init (PolisiContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = polisi_context_dispose;
  object_class->get_property = polisi_context_get_property;
  object_class->set_property = polisi_context_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, POLISI_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEGISLATION] =
    g_param_spec_object ("legislation", NULL, NULL, POLISI_TYPE_LEGISLATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * PolisiContext:interface-language:
   *
   * The language of Polisi's own words. It starts as the locale's
   * (polisi_interface_lang()).
   */
  properties[PROP_INTERFACE_LANGUAGE] =
    g_param_spec_enum ("interface-language", NULL, NULL, POLISI_TYPE_LANG, POLISI_LANG_EN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
polisi_context_init (PolisiContext *self)
{
  self->interface_language = polisi_interface_lang ();
}

PolisiContext *
polisi_context_new (PolisiLibrary     *library,
                    PolisiLegislation *legislation)
{
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (legislation == NULL || POLISI_IS_LEGISLATION (legislation), NULL);

  return g_object_new (POLISI_TYPE_CONTEXT, "library", library, "legislation", legislation, NULL);
}

/**
 * polisi_context_new_builtin:
 *
 * A context with the library and register built into Polisi.
 */
PolisiContext *
polisi_context_new_builtin (GError **error)
{
  g_autoptr(PolisiLibrary) library = polisi_library_new_builtin (error);
  g_autoptr(PolisiLegislation) legislation = NULL;

  if (library == NULL)
    return NULL;
  legislation = polisi_legislation_new_builtin (error);
  if (legislation == NULL)
    return NULL;

  return polisi_context_new (library, legislation);
}

/**
 * polisi_context_new_with_library_file:
 * @library_file: a clause library an organisation supplies
 *
 * A context with the clause library in @library_file instead of the
 * built-in one, and the built-in register. The file is hostile input: it
 * is read under the XML safety rules and validated against the library
 * schema and what a schema cannot say; any fault is an error naming the
 * file, the line where known, and what to do.
 */
PolisiContext *
polisi_context_new_with_library_file (GFile   *library_file,
                                      GError **error)
{
  g_autoptr(PolisiLibrary) library = NULL;
  g_autoptr(PolisiLegislation) legislation = NULL;

  g_return_val_if_fail (G_IS_FILE (library_file), NULL);

  library = polisi_library_new_from_file (library_file, error);
  if (library == NULL)
    return NULL;
  legislation = polisi_legislation_new_builtin (error);
  if (legislation == NULL)
    return NULL;

  return polisi_context_new (library, legislation);
}

PolisiLibrary *
polisi_context_get_library (PolisiContext *self)
{
  g_return_val_if_fail (POLISI_IS_CONTEXT (self), NULL);
  return self->library;
}

PolisiLegislation *
polisi_context_get_legislation (PolisiContext *self)
{
  g_return_val_if_fail (POLISI_IS_CONTEXT (self), NULL);
  return self->legislation;
}

PolisiLang
polisi_context_get_interface_language (PolisiContext *self)
{
  g_return_val_if_fail (POLISI_IS_CONTEXT (self), POLISI_LANG_EN);
  return self->interface_language;
}

void
polisi_context_set_interface_language (PolisiContext *self,
                                       PolisiLang     lang)
{
  g_return_if_fail (POLISI_IS_CONTEXT (self));
  g_return_if_fail (lang == POLISI_LANG_CY || lang == POLISI_LANG_EN);

  if (self->interface_language == lang)
    return;
  self->interface_language = lang;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERFACE_LANGUAGE]);
}

/**
 * polisi_interface_lang:
 *
 * The language of the translation the locale chose: Welsh when Polisi
 * runs in Welsh. What a context's interface language starts as.
 *
 * Everyone with a context takes the language from it
 * (polisi_context_get_interface_language()): the window's pages and rows,
 * the command line. Only core code that builds a message and has no
 * context at hand calls this: the checker's findings (polisi_check()
 * takes a library and a register, not a context), the policy's refusals
 * (polisi_policy_can_adopt(), the status rule) and polisi_settable_apply()'s
 * refusal of a required clause. Their messages are gettext's, whose
 * language is the locale's anyway, so the dates and titles put in them
 * follow the same language as the words around them.
 */
PolisiLang
polisi_interface_lang (void)
{
  /* Translators: write "cy" here in the Welsh translation. It tells Polisi
   * to show the Welsh titles of clauses in messages. */
  const char *code = C_("interface-language", "en");

  return g_strcmp0 (code, "cy") == 0 ? POLISI_LANG_CY : POLISI_LANG_EN;
}

/**
 * polisi_core_init:
 *
 * What the process sets up once, done at the start of main(), before any
 * other thread runs:
 *  - GLib's C locale, which g_ascii_string_to_unsigned() and its kind make
 *    on their first call. GLib 2.74 reads errno after that call; when two
 *    threads make their first at once, the one that waits for the other's
 *    set-up finds errno set by the wait and refuses a valid number (27 of
 *    3,000 processes with two such threads). The command line reads the
 *    library in one thread while it reads the policy in another: about
 *    one run in 2,000 refused a good file, "does not say which version of
 *    the Polisi format it uses".
 *  - libxml2, whose "main thread" is the first to use it.
 */
void
polisi_core_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_ascii_strtoull ("0", NULL, 10);
      polisi_xml_init ();
      g_once_init_leave (&done, 1);
    }
}
