/* polisi-clause-state.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A clause state holds the text of a clause as this policy adopts it, in
 * both languages, so that a policy file stands alone and can be compared
 * with a newer library. It also keeps the translation state: when someone
 * edits one language, the other is marked as needing an update until
 * someone confirms it, which is how translated policies stay tied to their
 * master text.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-clause-state.h"
#include "polisi-error.h"
#include "polisi-text.h"

struct _PolisiClauseState
{
  GObject   parent_instance;

  char     *id;
  gboolean  included;
  char     *alternative;
  guint     library_version;
  char     *text[POLISI_N_LANGS];
  gboolean  edited[POLISI_N_LANGS];
  gboolean  needs_update[POLISI_N_LANGS];
  /* The text of a language as it was when an edit of it marked the other
   * language out of date (NULL: none): if the author takes the edit back,
   * the other language is in step again. */
  char     *in_step[POLISI_N_LANGS];
  /* The review of library updates: the library's version of this clause
   * that the author declined (0: none), and whether the author keeps it
   * although the library withdrew it. */
  guint     declined_version;
  gboolean  kept_withdrawn;
  /* A clause the school wrote itself, not one of the library's. */
  gboolean  own;
  /* The clause's title as the policy gives it: an own clause's title, or
   * a model clause renamed (NULL: the library's title). */
  char     *title[POLISI_N_LANGS];
};

G_DEFINE_FINAL_TYPE (PolisiClauseState, polisi_clause_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_INCLUDED,
  PROP_ALTERNATIVE,
  PROP_TEXT_CY,
  PROP_TEXT_EN,
  PROP_NEEDS_UPDATE_CY,
  PROP_NEEDS_UPDATE_EN,
  PROP_DECLINED_VERSION,
  PROP_KEPT_WITHDRAWN,
  PROP_OWN,
  PROP_TITLE_CY,
  PROP_TITLE_EN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const int text_props[POLISI_N_LANGS] = { PROP_TEXT_CY, PROP_TEXT_EN };
static const int needs_update_props[POLISI_N_LANGS] = { PROP_NEEDS_UPDATE_CY, PROP_NEEDS_UPDATE_EN };
static const int title_props[POLISI_N_LANGS] = { PROP_TITLE_CY, PROP_TITLE_EN };

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
polisi_clause_state_finalize (GObject *object)
{
  PolisiClauseState *self = (PolisiClauseState *) object;

  g_free (self->id);
  g_free (self->alternative);
  for (guint i = 0; i < POLISI_N_LANGS; i++)
    {
      g_free (self->text[i]);
      g_free (self->in_step[i]);
      g_free (self->title[i]);
    }

  G_OBJECT_CLASS (polisi_clause_state_parent_class)->finalize (object);
}

static void
polisi_clause_state_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PolisiClauseState *self = POLISI_CLAUSE_STATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_INCLUDED:
      g_value_set_boolean (value, self->included);
      break;
    case PROP_ALTERNATIVE:
      g_value_set_string (value, self->alternative);
      break;
    case PROP_TEXT_CY:
      g_value_set_string (value, self->text[POLISI_LANG_CY]);
      break;
    case PROP_TEXT_EN:
      g_value_set_string (value, self->text[POLISI_LANG_EN]);
      break;
    case PROP_NEEDS_UPDATE_CY:
      g_value_set_boolean (value, self->needs_update[POLISI_LANG_CY]);
      break;
    case PROP_NEEDS_UPDATE_EN:
      g_value_set_boolean (value, self->needs_update[POLISI_LANG_EN]);
      break;
    case PROP_DECLINED_VERSION:
      g_value_set_uint (value, self->declined_version);
      break;
    case PROP_KEPT_WITHDRAWN:
      g_value_set_boolean (value, self->kept_withdrawn);
      break;
    case PROP_OWN:
      g_value_set_boolean (value, self->own);
      break;
    case PROP_TITLE_CY:
      g_value_set_string (value, self->title[POLISI_LANG_CY]);
      break;
    case PROP_TITLE_EN:
      g_value_set_string (value, self->title[POLISI_LANG_EN]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_clause_state_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PolisiClauseState *self = POLISI_CLAUSE_STATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_INCLUDED:
      polisi_clause_state_set_included (self, g_value_get_boolean (value));
      break;
    case PROP_TEXT_CY:
      polisi_clause_state_set_text (self, POLISI_LANG_CY, g_value_get_string (value));
      break;
    case PROP_TEXT_EN:
      polisi_clause_state_set_text (self, POLISI_LANG_EN, g_value_get_string (value));
      break;
    case PROP_OWN:
      self->own = g_value_get_boolean (value);
      break;
    case PROP_TITLE_CY:
      polisi_clause_state_set_title (self, POLISI_LANG_CY, g_value_get_string (value));
      break;
    case PROP_TITLE_EN:
      polisi_clause_state_set_title (self, POLISI_LANG_EN, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* An edit notifies each property it changed at once, when it thaws the
 * notifications: ::changed then says once that the state changed, and
 * whether that was its text (or a language waiting for an update) or
 * anything else. */
static void
polisi_clause_state_dispatch_properties_changed (GObject     *object,
                                                 guint        n_pspecs,
                                                 GParamSpec **pspecs)
{
  gboolean text = FALSE;
  gboolean other = FALSE;

  for (guint i = 0; i < n_pspecs; i++)
    {
      if (g_str_has_prefix (pspecs[i]->name, "text-") || g_str_has_prefix (pspecs[i]->name, "needs-update-"))
        text = TRUE;
      else
        other = TRUE;
    }
  if (text || other)
    g_signal_emit (object, signals[CHANGED], 0, text, other);

  G_OBJECT_CLASS (polisi_clause_state_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);
}

static void
polisi_clause_state_class_init (PolisiClauseStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispatch_properties_changed = polisi_clause_state_dispatch_properties_changed;
  object_class->finalize = polisi_clause_state_finalize;
  object_class->get_property = polisi_clause_state_get_property;
  object_class->set_property = polisi_clause_state_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCLUDED] =
    g_param_spec_boolean ("included", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALTERNATIVE] =
    g_param_spec_string ("alternative", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT_CY] =
    g_param_spec_string ("text-cy", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT_EN] =
    g_param_spec_string ("text-en", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEEDS_UPDATE_CY] =
    g_param_spec_boolean ("needs-update-cy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEEDS_UPDATE_EN] =
    g_param_spec_boolean ("needs-update-en", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DECLINED_VERSION] =
    g_param_spec_uint ("declined-version", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEPT_WITHDRAWN] =
    g_param_spec_boolean ("kept-withdrawn", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWN] =
    g_param_spec_boolean ("own", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE_CY] =
    g_param_spec_string ("title-cy", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE_EN] =
    g_param_spec_string ("title-en", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PolisiClauseState::changed:
   * @text: the text of a language changed, or whether a language waits
   *   for an update
   * @other: anything else changed (taken in or out, the wording, the title,
   *   a library update decided)
   *
   * Emitted once for each edit, however many properties it changed, before
   * their notifications.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_BOOLEAN);
}

static void
polisi_clause_state_init (PolisiClauseState *self)
{
  for (guint i = 0; i < POLISI_N_LANGS; i++)
    self->text[i] = g_strdup ("");
}

PolisiClauseState *
polisi_clause_state_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (POLISI_TYPE_CLAUSE_STATE, "id", id, NULL);
}

/**
 * polisi_clause_state_new_own:
 * @id: an id for which polisi_clause_id_is_own() holds
 *
 * A clause the school writes itself: included, no library wording, no
 * text yet.
 */
PolisiClauseState *
polisi_clause_state_new_own (const char *id)
{
  PolisiClauseState *self;

  g_return_val_if_fail (polisi_clause_id_is_own (id), NULL);

  self = g_object_new (POLISI_TYPE_CLAUSE_STATE, "id", id, "own", TRUE, NULL);
  self->included = TRUE;
  return self;
}

/**
 * polisi_clause_id_is_own:
 *
 * Whether @id is the id of a school's own clause: "SECTION.own-" and 8 to
 * 32 lower-case hexadecimal digits, SECTION being a library section's id
 * (lower-case letters, digits and hyphens). The library refuses clause
 * ids of this form, so an own clause never takes a model clause's id.
 */
gboolean
polisi_clause_id_is_own (const char *id)
{
  const char *dot, *p;
  gsize digits;

  if (id == NULL || (dot = strchr (id, '.')) == NULL || dot == id || dot - id > 64)
    return FALSE;
  for (p = id; p < dot; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  if (!g_str_has_prefix (dot + 1, POLISI_OWN_CLAUSE_MARK))
    return FALSE;
  p = dot + 1 + strlen (POLISI_OWN_CLAUSE_MARK);
  for (digits = 0; p[digits] != '\0'; digits++)
    if (!g_ascii_isdigit (p[digits]) && !(p[digits] >= 'a' && p[digits] <= 'f'))
      return FALSE;
  return digits >= 8 && digits <= 32;
}

/**
 * polisi_clause_new_own_id:
 *
 * Returns: (transfer full): a new id for an own clause in @section_id
 */
char *
polisi_clause_new_own_id (const char *section_id)
{
  g_return_val_if_fail (section_id != NULL, NULL);

  /* 48 random bits, as twelve hexadecimal digits */
  return g_strdup_printf ("%s.%s%04x%08x", section_id, POLISI_OWN_CLAUSE_MARK,
                          (guint) g_random_int_range (0, 0x10000), (guint) g_random_int ());
}

/**
 * polisi_clause_state_new_from_library:
 *
 * The state a new policy starts with: required and recommended clauses
 * included, the default wording for @nation, its text copied.
 */
PolisiClauseState *
polisi_clause_state_new_from_library (PolisiClause *clause,
                                      PolisiNation  nation)
{
  PolisiClauseState *self;

  g_return_val_if_fail (POLISI_IS_CLAUSE (clause), NULL);

  self = polisi_clause_state_new (polisi_clause_get_id (clause));
  self->included = polisi_clause_get_default (clause) != POLISI_CLAUSE_OPTIONAL;
  polisi_clause_state_use_alternative (self, clause, polisi_clause_get_default_alternative (clause, nation));

  return self;
}

const char *
polisi_clause_state_get_id (PolisiClauseState *self)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (self), NULL);
  return self->id;
}

gboolean
polisi_clause_state_get_included (PolisiClauseState *self)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (self), FALSE);
  return self->included;
}

void
polisi_clause_state_set_included (PolisiClauseState *self,
                                  gboolean           included)
{
  g_return_if_fail (POLISI_IS_CLAUSE_STATE (self));

  included = !!included;
  if (self->included == included)
    return;

  self->included = included;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDED]);
}

/**
 * polisi_clause_state_include:
 * @clause: (nullable): the clause in the library, if it is there
 * @lang: the language of the message
 *
 * Includes the clause or leaves it out, by the one rule for required
 * clauses: a clause the library marks required stays in. The command
 * line's --set exclude= and the clause editor's switch both come here.
 *
 * Returns: %FALSE, with an error giving the reason the clause is
 *   required, when leaving it out is refused
 */
gboolean
polisi_clause_state_include (PolisiClauseState  *self,
                             PolisiClause       *clause,
                             gboolean            included,
                             PolisiLang          lang,
                             GError            **error)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (self), FALSE);

  if (!included && clause != NULL && polisi_clause_get_default (clause) == POLISI_CLAUSE_REQUIRED)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("The clause “%s” is required and cannot be left out: %s"), polisi_clause_get_id (clause),
                   polisi_clause_get_reason (clause, lang));
      return FALSE;
    }
  polisi_clause_state_set_included (self, included);
  return TRUE;
}

const char *
polisi_clause_state_get_alternative (PolisiClauseState *self)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (self), NULL);
  return self->alternative;
}

guint
polisi_clause_state_get_library_version (PolisiClauseState *self)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (self), 0);
  return self->library_version;
}

const char *
polisi_clause_state_get_text (PolisiClauseState *self,
                              PolisiLang         lang)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (self), NULL);
  return self->text[lang];
}

static void
set_needs_update (PolisiClauseState *self,
                  PolisiLang         lang,
                  gboolean           needs_update)
{
  if (self->needs_update[lang] == needs_update)
    return;
  self->needs_update[lang] = needs_update;
  /* in step again, however: what the other language was is no longer
   * a way back */
  if (!needs_update)
    g_clear_pointer (&self->in_step[POLISI_LANG_OTHER (lang)], g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[needs_update_props[lang]]);
}

/**
 * polisi_clause_state_set_text:
 *
 * An author's edit of one language. Unless @lang is itself waiting for an
 * update, the other language is then marked as needing an update, until
 * polisi_clause_state_confirm_translation().
 *
 * Returns: %TRUE if the text changed
 */
gboolean
polisi_clause_state_set_text (PolisiClauseState *self,
                              PolisiLang         lang,
                              const char        *text)
{
  return polisi_clause_state_replace_text (self, lang, text, TRUE);
}

gboolean
polisi_clause_state_get_edited (PolisiClauseState *self,
                                PolisiLang         lang)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (self), FALSE);
  return self->edited[lang];
}

gboolean
polisi_clause_state_get_needs_update (PolisiClauseState *self,
                                      PolisiLang         lang)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (self), FALSE);
  return self->needs_update[lang];
}

/* Someone has checked @lang against the other language and it says the
 * same. */
void
polisi_clause_state_confirm_translation (PolisiClauseState *self,
                                         PolisiLang         lang)
{
  g_return_if_fail (POLISI_IS_CLAUSE_STATE (self));
  set_needs_update (self, lang, FALSE);
}

/**
 * polisi_clause_state_use_alternative:
 *
 * Takes the wording @alternative of @clause, in both languages, replacing
 * any edits.
 */
void
polisi_clause_state_use_alternative (PolisiClauseState       *self,
                                     PolisiClause            *clause,
                                     const PolisiAlternative *alternative)
{
  g_return_if_fail (POLISI_IS_CLAUSE_STATE (self));
  g_return_if_fail (POLISI_IS_CLAUSE (clause));
  g_return_if_fail (alternative != NULL);

  g_object_freeze_notify (G_OBJECT (self));

  if (g_strcmp0 (self->alternative, alternative->id) != 0)
    {
      g_free (self->alternative);
      self->alternative = g_strdup (alternative->id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALTERNATIVE]);
    }
  self->library_version = polisi_clause_get_version (clause);
  if (self->declined_version != 0)
    {
      self->declined_version = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECLINED_VERSION]);
    }
  if (self->kept_withdrawn)
    {
      self->kept_withdrawn = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEPT_WITHDRAWN]);
    }

  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      g_autofree char *normal = polisi_text_normalize (alternative->text[lang]);

      self->edited[lang] = FALSE;
      set_needs_update (self, lang, FALSE);
      if (g_strcmp0 (normal, self->text[lang]) != 0)
        {
          g_free (self->text[lang]);
          self->text[lang] = g_steal_pointer (&normal);
          g_object_notify_by_pspec (G_OBJECT (self), properties[text_props[lang]]);
        }
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * polisi_clause_state_replace_text:
 * @other_needs_update: whether the other language should be marked as
 *   needing an update
 *
 * A correction made on the author's behalf (an out-of-date name of an Act
 * replaced, for instance): the text of @lang becomes @text and counts as
 * edited; the other language is marked as needing an update only when
 * @other_needs_update says so, because a correction may leave both
 * languages saying the same thing.
 *
 * Returns: %TRUE if the text changed
 */
gboolean
polisi_clause_state_replace_text (PolisiClauseState *self,
                                  PolisiLang         lang,
                                  const char        *text,
                                  gboolean           other_needs_update)
{
  g_autofree char *clean = NULL;
  g_autofree char *normal = NULL;

  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (self), FALSE);

  clean = polisi_text_sanitize (text);
  normal = polisi_text_normalize (clean);
  if (g_strcmp0 (normal, self->text[lang]) == 0)
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  /* Editing a language that is catching up with the other is translation
   * work: it stays marked until someone confirms it, and the other
   * language's way back is gone. Any other edit makes this language the
   * master and the other one out of date; taking that edit back (undo)
   * brings the two into step again. */
  if (self->needs_update[lang])
    g_clear_pointer (&self->in_step[POLISI_LANG_OTHER (lang)], g_free);
  else if (other_needs_update && !self->needs_update[POLISI_LANG_OTHER (lang)])
    {
      set_needs_update (self, POLISI_LANG_OTHER (lang), TRUE);
      g_free (self->in_step[lang]);
      self->in_step[lang] = g_strdup (self->text[lang]);
    }
  else if (self->in_step[lang] != NULL && g_strcmp0 (normal, self->in_step[lang]) == 0)
    set_needs_update (self, POLISI_LANG_OTHER (lang), FALSE);

  g_free (self->text[lang]);
  self->text[lang] = g_steal_pointer (&normal);
  self->edited[lang] = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[text_props[lang]]);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

gboolean
polisi_clause_state_get_own (PolisiClauseState *self)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (self), FALSE);
  return self->own;
}

/**
 * polisi_clause_state_get_title:
 *
 * Returns: (nullable): the title this policy gives the clause in @lang:
 *   an own clause's, or a model clause's new name; %NULL for a model
 *   clause that keeps the library's title (see
 *   polisi_policy_get_clause_title())
 */
const char *
polisi_clause_state_get_title (PolisiClauseState *self,
                               PolisiLang         lang)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (self), NULL);
  return self->title[lang];
}

/**
 * polisi_clause_state_set_title:
 * @title: (nullable): the title, one line; empty or %NULL takes the
 *   library's title back
 *
 * Returns: %TRUE if the title changed
 */
gboolean
polisi_clause_state_set_title (PolisiClauseState *self,
                               PolisiLang         lang,
                               const char        *title)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (self), FALSE);

  clean = title != NULL ? polisi_text_clean_line (title) : NULL;
  if (clean != NULL && clean[0] == '\0')
    g_clear_pointer (&clean, g_free);
  if (g_strcmp0 (clean, self->title[lang]) == 0)
    return FALSE;
  g_free (self->title[lang]);
  self->title[lang] = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[title_props[lang]]);
  return TRUE;
}

/**
 * polisi_clause_state_rename:
 * @clause: (nullable): the clause in the library, if it is there
 * @title: (nullable): the new title in @lang, one line; empty or %NULL
 *   gives a model clause back its library title
 *
 * The one rule for naming a clause: a model clause renamed to its library
 * title keeps no name of its own; an own clause keeps a title in at least
 * one language; a title is at most POLISI_TEXT_MAX_LINE characters.
 *
 * Returns: %FALSE, with @error set, when refused
 */
gboolean
polisi_clause_state_rename (PolisiClauseState  *self,
                            PolisiClause       *clause,
                            PolisiLang          lang,
                            const char         *title,
                            GError            **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (self), FALSE);

  if (!polisi_text_check_length (title, POLISI_TEXT_MAX_LINE,
                                 lang == POLISI_LANG_CY ? _("the clause’s Welsh title") : _("the clause’s English title"),
                                 error))
    return FALSE;

  clean = polisi_text_clean_line (title != NULL ? title : "");
  if (self->own && clean[0] == '\0' && self->title[POLISI_LANG_OTHER (lang)] == NULL)
    {
      g_set_error_literal (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                           _("Your clause needs a title, in Welsh, in English or in both."));
      return FALSE;
    }
  if (!self->own && clause != NULL && g_strcmp0 (clean, polisi_clause_get_title (clause, lang)) == 0)
    g_clear_pointer (&clean, g_free);

  polisi_clause_state_set_title (self, lang, clean);
  return TRUE;
}

/**
 * polisi_clause_state_get_display_title:
 * @clause: (nullable): the clause in the library, if it is there
 *
 * The title to show for the clause in @lang: the policy's own (an own
 * clause's, or a model clause's new name), else the library's, else the
 * policy's in the other language.
 *
 * Returns: (nullable): the title
 */
const char *
polisi_clause_state_get_display_title (PolisiClauseState *self,
                                       PolisiClause      *clause,
                                       PolisiLang         lang)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (self), NULL);

  if (self->title[lang] != NULL)
    return self->title[lang];
  if (clause != NULL)
    return polisi_clause_get_title (clause, lang);
  return self->title[POLISI_LANG_OTHER (lang)];
}

guint
polisi_clause_state_get_declined_version (PolisiClauseState *self)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (self), 0);
  return self->declined_version;
}

/* The author declined the library's version @version of this clause: it
 * is not offered again until the library has a newer one. */
void
polisi_clause_state_set_declined_version (PolisiClauseState *self,
                                          guint              version)
{
  g_return_if_fail (POLISI_IS_CLAUSE_STATE (self));

  if (self->declined_version == version)
    return;
  self->declined_version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECLINED_VERSION]);
}

gboolean
polisi_clause_state_get_kept_withdrawn (PolisiClauseState *self)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (self), FALSE);
  return self->kept_withdrawn;
}

/* The author keeps this clause although the library withdrew it. */
void
polisi_clause_state_set_kept_withdrawn (PolisiClauseState *self,
                                        gboolean           kept)
{
  g_return_if_fail (POLISI_IS_CLAUSE_STATE (self));

  kept = !!kept;
  if (self->kept_withdrawn == kept)
    return;
  self->kept_withdrawn = kept;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEPT_WITHDRAWN]);
}

gboolean
polisi_clause_state_equal (PolisiClauseState *a,
                           PolisiClauseState *b)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (a), FALSE);
  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (b), FALSE);

  if (g_strcmp0 (a->id, b->id) != 0 ||
      a->included != b->included ||
      g_strcmp0 (a->alternative, b->alternative) != 0 ||
      a->library_version != b->library_version ||
      a->declined_version != b->declined_version ||
      a->kept_withdrawn != b->kept_withdrawn ||
      a->own != b->own)
    return FALSE;

  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    if (g_strcmp0 (a->text[lang], b->text[lang]) != 0 ||
        g_strcmp0 (a->title[lang], b->title[lang]) != 0 ||
        a->edited[lang] != b->edited[lang] ||
        a->needs_update[lang] != b->needs_update[lang])
      return FALSE;

  return TRUE;
}

void
_polisi_clause_state_restore (PolisiClauseState *self,
                              gboolean           included,
                              const char        *alternative,
                              guint              library_version)
{
  self->included = included;
  g_free (self->alternative);
  self->alternative = g_strdup (alternative);
  self->library_version = library_version;
}

void
_polisi_clause_state_restore_review (PolisiClauseState *self,
                                     guint              declined_version,
                                     gboolean           kept_withdrawn)
{
  self->declined_version = declined_version;
  self->kept_withdrawn = kept_withdrawn;
}

/* For the file reader and the policy: @text is clean already (each block
 * read with polisi_xml_get_blocks(), which sanitizes it, or a text a
 * clause state holds); it is only put in its canonical form. */
void
_polisi_clause_state_restore_text (PolisiClauseState *self,
                                   PolisiLang         lang,
                                   const char        *text,
                                   gboolean           edited,
                                   gboolean           needs_update)
{
  g_free (self->text[lang]);
  self->text[lang] = polisi_text_normalize (text);
  self->edited[lang] = edited;
  self->needs_update[lang] = needs_update;
}

/* For the file reader: an own clause's title or a model clause's new
 * name, as saved (cleaned as any one-line text). */
void
_polisi_clause_state_restore_title (PolisiClauseState *self,
                                    PolisiLang         lang,
                                    const char        *title)
{
  g_autofree char *clean = title != NULL ? polisi_text_clean_line (title) : NULL;

  g_free (self->title[lang]);
  self->title[lang] = clean != NULL && clean[0] != '\0' ? g_steal_pointer (&clean) : NULL;
}

/* An independent copy of @self, its text already clean: for the text each
 * adopted version keeps (polisi-policy.c), without cleaning it again. */
PolisiClauseState *
_polisi_clause_state_dup (PolisiClauseState *self)
{
  PolisiClauseState *copy;

  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (self), NULL);

  copy = g_object_new (POLISI_TYPE_CLAUSE_STATE, "id", self->id, "own", self->own, NULL);
  copy->included = self->included;
  copy->alternative = g_strdup (self->alternative);
  copy->library_version = self->library_version;
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      g_free (copy->text[lang]);
      copy->text[lang] = g_strdup (self->text[lang]);
      copy->edited[lang] = self->edited[lang];
      copy->needs_update[lang] = self->needs_update[lang];
      copy->title[lang] = g_strdup (self->title[lang]);
    }
  copy->declined_version = self->declined_version;
  copy->kept_withdrawn = self->kept_withdrawn;
  return copy;
}
