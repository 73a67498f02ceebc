/* polisi-policy.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policy is the author's work: the organisation, the answers to the
 * library's questions, and what happens to each clause. It never needs the
 * library to be read or written: every included clause carries its text.
 *
 * Any change emits ::changed once, with a detail that names what changed
 * ("changed::clause-text", "changed::comments"...; see the signal): the
 * session follows every change (the modified state, the autosave) and so
 * does the preview, while each step page follows only what it shows.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-assembler.h"
#include "polisi-context.h"
#include "polisi-dates.h"
#include "polisi-error.h"
#include "polisi-policy.h"
#include "polisi-text.h"
#include "polisi-version-number.h"
#include "polisi-version.h"

typedef struct {
  char *value[POLISI_N_LANGS];
} Answer;

struct _PolisiPolicy
{
  GObject                 parent_instance;

  char                   *uid;            /* the policy's identity: a UUID for its whole life */
  char                   *name[POLISI_N_LANGS];
  PolisiOrganisationType  organisation_type;
  PolisiLanguageCategory  language_category;
  PolisiStatus            status;
  char                   *version;
  char                   *created;
  char                   *modified;
  char                   *adoption_date;
  char                   *approved_by;
  char                   *closing_date;
  char                   *pending_summary[POLISI_N_LANGS];  /* clause markup, or NULL */
  guint                   review_cycle;
  char                   *review_date;
  char                   *library_id;
  char                   *library_version;

  GHashTable             *answers;        /* key -> Answer */
  GPtrArray              *clauses;        /* PolisiClauseState */
  GHashTable             *clause_index;   /* id -> PolisiClauseState (unowned) */
  GListStore             *history;        /* PolisiVersion, in the order adopted */
  GListStore             *triggers;       /* PolisiTrigger, in date order */
  GPtrArray              *comments;       /* PolisiComment */
  GListStore             *comment_model;  /* the same, as a list model */
  guint                   next_comment;
  GListStore             *proposals;      /* PolisiProposal: tracked changes from a consultation */
  guint                   next_proposal;

  guint                   restoring;      /* the file reader is at work: no rules */
  gboolean                in_status_rule; /* the status rule is changing the policy */
  gboolean                auto_draft;     /* a change made the adopted policy a draft */
  char                   *opened_from;    /* the adopted version open_draft() made the
                                           * draft of the next from, while the policy is
                                           * open; not kept in the file */
};

G_DEFINE_FINAL_TYPE (PolisiPolicy, polisi_policy, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME_CY,
  PROP_NAME_EN,
  PROP_ORGANISATION_TYPE,
  PROP_LANGUAGE_CATEGORY,
  PROP_STATUS,
  PROP_VERSION,
  PROP_ADOPTION_DATE,
  PROP_CLOSING_DATE,
  PROP_REVIEW_CYCLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

/* The details of ::changed: what a change is to */
typedef enum {
  CHANGE_ORGANISATION,
  CHANGE_STATUS,
  CHANGE_SUMMARY,
  CHANGE_ANSWERS,
  CHANGE_CLAUSES,
  CHANGE_CLAUSE_TEXT,
  CHANGE_VERSIONS,
  CHANGE_TRIGGERS,
  CHANGE_COMMENTS,
  CHANGE_PROPOSALS,
  N_CHANGES
} Change;

static const char * const change_names[N_CHANGES] = {
  [CHANGE_ORGANISATION] = POLISI_POLICY_CHANGED_ORGANISATION,
  [CHANGE_STATUS] = POLISI_POLICY_CHANGED_STATUS,
  [CHANGE_SUMMARY] = POLISI_POLICY_CHANGED_SUMMARY,
  [CHANGE_ANSWERS] = POLISI_POLICY_CHANGED_ANSWERS,
  [CHANGE_CLAUSES] = POLISI_POLICY_CHANGED_CLAUSES,
  [CHANGE_CLAUSE_TEXT] = POLISI_POLICY_CHANGED_CLAUSE_TEXT,
  [CHANGE_VERSIONS] = POLISI_POLICY_CHANGED_VERSIONS,
  [CHANGE_TRIGGERS] = POLISI_POLICY_CHANGED_TRIGGERS,
  [CHANGE_COMMENTS] = POLISI_POLICY_CHANGED_COMMENTS,
  [CHANGE_PROPOSALS] = POLISI_POLICY_CHANGED_PROPOSALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GQuark change_quarks[N_CHANGES];

static void
answer_free (gpointer data)
{
  Answer *answer = data;

  for (guint i = 0; i < POLISI_N_LANGS; i++)
    g_free (answer->value[i]);
  g_free (answer);
}

static void
emit_changed (PolisiPolicy *self,
              Change        change)
{
  g_signal_emit (self, signals[CHANGED], change_quarks[change]);
}

static void apply_status_rule (PolisiPolicy *self);
static gboolean answers_equal (GHashTable *a,
                               GHashTable *b);

/* A change to what the policy says: the front matter, the answers or a
 * clause. Emits ::changed after the status rule has had its say (which
 * emits its own "changed::status" when it changes the status). */
static void
emit_content_changed (PolisiPolicy *self,
                      Change        change)
{
  apply_status_rule (self);
  emit_changed (self, change);
}

/* Sets a string field to a sanitised copy of @value; notifies and emits
 * ::changed with @change only when the value really changes. */
static gboolean
set_string_full (PolisiPolicy *self,
                 char        **field,
                 const char   *value,
                 int           prop_id,
                 Change        change,
                 gboolean      content)
{
  g_autofree char *collapsed = NULL;

  if (value != NULL)
    {
      collapsed = polisi_text_clean_line (value);
      if (collapsed[0] == '\0')
        g_clear_pointer (&collapsed, g_free);
    }

  if (g_strcmp0 (*field, collapsed) == 0)
    return FALSE;

  g_free (*field);
  *field = g_steal_pointer (&collapsed);
  if (prop_id > PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (content)
    emit_content_changed (self, change);
  else
    emit_changed (self, change);
  return TRUE;
}

/* The fields of the policy's life (status, version, dates, library) */
static gboolean
set_string (PolisiPolicy *self,
            char        **field,
            const char   *value,
            int           prop_id)
{
  return set_string_full (self, field, value, prop_id, CHANGE_STATUS, FALSE);
}

static void
polisi_policy_finalize (GObject *object)
{
  PolisiPolicy *self = (PolisiPolicy *) object;

  g_free (self->uid);
  for (guint i = 0; i < POLISI_N_LANGS; i++)
    g_free (self->name[i]);
  g_free (self->version);
  g_free (self->opened_from);
  g_free (self->created);
  g_free (self->modified);
  g_free (self->adoption_date);
  g_free (self->approved_by);
  g_free (self->closing_date);
  for (guint i = 0; i < POLISI_N_LANGS; i++)
    g_free (self->pending_summary[i]);
  g_free (self->review_date);
  g_free (self->library_id);
  g_free (self->library_version);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->clause_index, g_hash_table_unref);
  g_clear_object (&self->history);
  g_clear_object (&self->triggers);
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  g_clear_object (&self->comment_model);
  g_clear_object (&self->proposals);

  G_OBJECT_CLASS (polisi_policy_parent_class)->finalize (object);
}

static void
polisi_policy_dispose (GObject *object)
{
  PolisiPolicy *self = (PolisiPolicy *) object;

  if (self->clauses != NULL)
    {
      for (guint i = 0; i < self->clauses->len; i++)
        g_signal_handlers_disconnect_by_data (self->clauses->pdata[i], self);
      g_clear_pointer (&self->clauses, g_ptr_array_unref);
    }

  G_OBJECT_CLASS (polisi_policy_parent_class)->dispose (object);
}

static void
polisi_policy_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PolisiPolicy *self = POLISI_POLICY (object);

  switch (prop_id)
    {
    case PROP_NAME_CY:
      g_value_set_string (value, self->name[POLISI_LANG_CY]);
      break;
    case PROP_NAME_EN:
      g_value_set_string (value, self->name[POLISI_LANG_EN]);
      break;
    case PROP_ORGANISATION_TYPE:
      g_value_set_enum (value, self->organisation_type);
      break;
    case PROP_LANGUAGE_CATEGORY:
      g_value_set_enum (value, self->language_category);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    case PROP_ADOPTION_DATE:
      g_value_set_string (value, self->adoption_date);
      break;
    case PROP_CLOSING_DATE:
      g_value_set_string (value, self->closing_date);
      break;
    case PROP_REVIEW_CYCLE:
      g_value_set_uint (value, self->review_cycle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_policy_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PolisiPolicy *self = POLISI_POLICY (object);

  switch (prop_id)
    {
    case PROP_NAME_CY:
      polisi_policy_set_name (self, POLISI_LANG_CY, g_value_get_string (value));
      break;
    case PROP_NAME_EN:
      polisi_policy_set_name (self, POLISI_LANG_EN, g_value_get_string (value));
      break;
    case PROP_ORGANISATION_TYPE:
      polisi_policy_set_organisation_type (self, g_value_get_enum (value));
      break;
    case PROP_LANGUAGE_CATEGORY:
      polisi_policy_set_language_category (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      polisi_policy_set_status (self, g_value_get_enum (value));
      break;
    case PROP_VERSION:
      polisi_policy_set_version (self, g_value_get_string (value));
      break;
    case PROP_ADOPTION_DATE:
      polisi_policy_set_adoption_date (self, g_value_get_string (value));
      break;
    case PROP_CLOSING_DATE:
      polisi_policy_set_closing_date (self, g_value_get_string (value));
      break;
    case PROP_REVIEW_CYCLE:
      polisi_policy_set_review_cycle (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_policy_class_init (PolisiPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = polisi_policy_dispose;
  object_class->finalize = polisi_policy_finalize;
  object_class->get_property = polisi_policy_get_property;
  object_class->set_property = polisi_policy_set_property;

  properties[PROP_NAME_CY] = g_param_spec_string ("name-cy", NULL, NULL, NULL, flags);
  properties[PROP_NAME_EN] = g_param_spec_string ("name-en", NULL, NULL, NULL, flags);
  properties[PROP_ORGANISATION_TYPE] =
    g_param_spec_enum ("organisation-type", NULL, NULL,
                       POLISI_TYPE_ORGANISATION_TYPE, POLISI_ORGANISATION_PRIMARY, flags);
  properties[PROP_LANGUAGE_CATEGORY] =
    g_param_spec_enum ("language-category", NULL, NULL,
                       POLISI_TYPE_LANGUAGE_CATEGORY, POLISI_LANGUAGE_CATEGORY_DUAL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, POLISI_TYPE_STATUS, POLISI_STATUS_DRAFT, flags);
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, flags);
  properties[PROP_ADOPTION_DATE] = g_param_spec_string ("adoption-date", NULL, NULL, NULL, flags);
  properties[PROP_CLOSING_DATE] = g_param_spec_string ("closing-date", NULL, NULL, NULL, flags);
  properties[PROP_REVIEW_CYCLE] =
    g_param_spec_uint ("review-cycle", NULL, NULL, 1, 120, POLISI_DEFAULT_REVIEW_CYCLE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PolisiPolicy::changed:
   *
   * Something in the policy changed: emitted once for each change, with a
   * detail that names what it changed, so that "changed::comments" is
   * called only for the comments, while a handler of plain "changed" is
   * called for every change (the session's modified state and autosave,
   * the window's check, the preview). The details:
   *
   * - "organisation": the organisation's names, its kind, its language
   *   category, the review cycle (what the organisation step sets besides
   *   the answers)
   * - "status": the status, the version number, the dates (made, adopted,
   *   consultation closing, a review date set by hand), who approved it,
   *   the library it was made from
   * - "summary": the pending summary of changes
   * - "answers": an answer to a question of the library
   * - "clauses": a clause taken in or out, added or removed (the school's
   *   own), its wording chosen, its title, a library update decided
   * - "clause-text": a clause's text in either language, and whether a
   *   language waits for an update: what typing in a clause changes
   * - "versions": the version history (an adoption)
   * - "triggers": the review triggers
   * - "comments": a comment added or removed, or its response
   * - "proposals": a proposed change added, accepted or rejected
   *
   * A change that makes an adopted policy a draft (the status rule) emits
   * "changed::status" as well, before the change that caused it.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  for (guint i = 0; i < N_CHANGES; i++)
    change_quarks[i] = g_quark_from_static_string (change_names[i]);
}

static void
polisi_policy_init (PolisiPolicy *self)
{
  GDate today;

  self->uid = g_uuid_string_random ();
  self->organisation_type = POLISI_ORGANISATION_PRIMARY;
  self->language_category = POLISI_LANGUAGE_CATEGORY_DUAL;
  self->status = POLISI_STATUS_DRAFT;
  self->version = g_strdup ("0.1");
  self->review_cycle = POLISI_DEFAULT_REVIEW_CYCLE;
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, answer_free);
  self->clauses = g_ptr_array_new_with_free_func (g_object_unref);
  self->clause_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->history = g_list_store_new (POLISI_TYPE_VERSION);
  self->triggers = g_list_store_new (POLISI_TYPE_TRIGGER);
  self->comments = g_ptr_array_new_with_free_func (g_object_unref);
  self->comment_model = g_list_store_new (POLISI_TYPE_COMMENT);
  self->next_comment = 1;
  self->proposals = g_list_store_new (POLISI_TYPE_PROPOSAL);
  self->next_proposal = 1;

  polisi_date_set_today (&today);
  self->created = polisi_date_to_iso (&today);
}

PolisiPolicy *
polisi_policy_new (void)
{
  return g_object_new (POLISI_TYPE_POLICY, NULL);
}

/**
 * polisi_policy_new_from_library:
 *
 * A new policy holding every clause of @library, with the required and
 * recommended ones included, in the wording that suits @category's
 * nation.
 */
PolisiPolicy *
polisi_policy_new_from_library (PolisiLibrary          *library,
                                PolisiLanguageCategory  category)
{
  PolisiPolicy *self;

  g_return_val_if_fail (POLISI_IS_LIBRARY (library), NULL);

  self = polisi_policy_new ();
  self->language_category = category;
  polisi_policy_set_library (self, polisi_library_get_id (library), polisi_library_get_version (library));

  for (guint s = 0; s < polisi_library_get_n_sections (library); s++)
    {
      PolisiSection *section = polisi_library_get_section (library, s);

      for (guint c = 0; c < polisi_section_get_n_clauses (section); c++)
        {
          g_autoptr(PolisiClauseState) state =
            polisi_clause_state_new_from_library (polisi_section_get_clause (section, c),
                                                  polisi_policy_get_nation (self));
          polisi_policy_add_clause (self, state);
        }
    }

  return self;
}

/**
 * polisi_policy_get_uid:
 *
 * The policy's identity: a UUID given when the policy is made and kept in
 * its file for its whole life, through every version. Exported consultation
 * drafts carry it, so that a returned draft can be matched to its policy.
 */
const char *
polisi_policy_get_uid (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  return self->uid;
}

/* For the file reader: the identity saved in the file. */
void
_polisi_policy_restore_uid (PolisiPolicy *self,
                            const char   *uid)
{
  g_return_if_fail (POLISI_IS_POLICY (self));
  g_return_if_fail (uid != NULL && g_uuid_string_is_valid (uid));
  g_free (self->uid);
  self->uid = g_ascii_strdown (uid, -1);
}

const char *
polisi_policy_get_name (PolisiPolicy *self,
                        PolisiLang    lang)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  return self->name[lang];
}

void
polisi_policy_set_name (PolisiPolicy *self,
                        PolisiLang    lang,
                        const char   *name)
{
  g_return_if_fail (POLISI_IS_POLICY (self));
  set_string_full (self, &self->name[lang], name, lang == POLISI_LANG_CY ? PROP_NAME_CY : PROP_NAME_EN,
                   CHANGE_ORGANISATION, TRUE);
}

PolisiOrganisationType
polisi_policy_get_organisation_type (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), POLISI_ORGANISATION_OTHER);
  return self->organisation_type;
}

void
polisi_policy_set_organisation_type (PolisiPolicy           *self,
                                     PolisiOrganisationType  type)
{
  g_return_if_fail (POLISI_IS_POLICY (self));

  if (self->organisation_type == type)
    return;
  self->organisation_type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION_TYPE]);
  emit_content_changed (self, CHANGE_ORGANISATION);
}

PolisiLanguageCategory
polisi_policy_get_language_category (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), POLISI_LANGUAGE_CATEGORY_DUAL);
  return self->language_category;
}

void
polisi_policy_set_language_category (PolisiPolicy           *self,
                                     PolisiLanguageCategory  category)
{
  g_return_if_fail (POLISI_IS_POLICY (self));

  if (self->language_category == category)
    return;
  self->language_category = category;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE_CATEGORY]);
  emit_content_changed (self, CHANGE_ORGANISATION);
}

/* Every school in Wales has one of the three statutory language
 * categories; "English medium" means a setting outside Wales. */
PolisiNation
polisi_policy_get_nation (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), POLISI_NATION_WALES);
  return self->language_category == POLISI_LANGUAGE_CATEGORY_ENGLISH ? POLISI_NATION_ENGLAND : POLISI_NATION_WALES;
}

PolisiStatus
polisi_policy_get_status (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), POLISI_STATUS_DRAFT);
  return self->status;
}

void
polisi_policy_set_status (PolisiPolicy *self,
                          PolisiStatus  status)
{
  g_return_if_fail (POLISI_IS_POLICY (self));

  if (self->status == status)
    return;
  self->status = status;
  if (!self->in_status_rule)
    self->auto_draft = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  emit_changed (self, CHANGE_STATUS);
}

/**
 * polisi_policy_open_draft:
 * @status: %POLISI_STATUS_DRAFT or %POLISI_STATUS_CONSULTATION
 *
 * Gives the policy @status. An adopted policy that becomes a draft again
 * is the draft of its next version: when its version is the one adopted
 * last, it becomes the next (1.2 after 1.1), so that the draft and its
 * comments are not taken for the version in force.
 *
 * Returns: %TRUE if the version changed
 */
gboolean
polisi_policy_open_draft (PolisiPolicy *self,
                          PolisiStatus  status)
{
  const char *adopted;
  gboolean bumped = FALSE;

  g_return_val_if_fail (POLISI_IS_POLICY (self), FALSE);
  g_return_val_if_fail (status != POLISI_STATUS_ADOPTED, FALSE);

  adopted = polisi_policy_get_last_adopted_version (self);
  g_object_freeze_notify (G_OBJECT (self));
  if (self->status == POLISI_STATUS_ADOPTED && adopted != NULL && g_strcmp0 (self->version, adopted) == 0)
    {
      g_autofree char *next = polisi_policy_suggest_version (self, FALSE);

      g_free (self->opened_from);
      self->opened_from = g_strdup (self->version);
      polisi_policy_set_version (self, next);
      bumped = TRUE;
    }
  polisi_policy_set_status (self, status);
  g_object_thaw_notify (G_OBJECT (self));
  return bumped;
}

/**
 * polisi_policy_close_draft:
 *
 * Takes a consultation draft out of consultation, as a switch turned off
 * again does. A draft that polisi_policy_open_draft() made of the adopted
 * version while the policy was open, and whose text is still exactly that
 * version's, is the adopted version again, with its number; any other is a
 * draft, with its number. A draft read from a file is never taken for the
 * adopted version: what it was opened from is not in the file.
 *
 * Returns: %TRUE if the policy is the adopted version again
 */
gboolean
polisi_policy_close_draft (PolisiPolicy *self)
{
  gboolean adopted = FALSE;

  g_return_val_if_fail (POLISI_IS_POLICY (self), FALSE);

  if (self->status != POLISI_STATUS_CONSULTATION)
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->opened_from != NULL && !polisi_policy_get_content_changed (self) &&
      g_strcmp0 (self->opened_from, polisi_policy_get_last_adopted_version (self)) == 0)
    {
      polisi_policy_set_version (self, self->opened_from);
      polisi_policy_set_status (self, POLISI_STATUS_ADOPTED);
      g_clear_pointer (&self->opened_from, g_free);
      adopted = TRUE;
    }
  else
    polisi_policy_set_status (self, POLISI_STATUS_DRAFT);
  g_object_thaw_notify (G_OBJECT (self));
  return adopted;
}

const char *
polisi_policy_get_version (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  return self->version;
}

void
polisi_policy_set_version (PolisiPolicy *self,
                           const char   *version)
{
  g_return_if_fail (POLISI_IS_POLICY (self));
  set_string (self, &self->version, version, PROP_VERSION);
}

const char *
polisi_policy_get_created (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  return self->created;
}

void
polisi_policy_set_created (PolisiPolicy *self,
                           const char   *date)
{
  g_return_if_fail (POLISI_IS_POLICY (self));
  set_string (self, &self->created, date, PROP_0);
}

const char *
polisi_policy_get_modified (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  return self->modified;
}

/* The time of the last save. Not a change to the policy's content, so it
 * does not emit ::changed. */
void
polisi_policy_set_modified (PolisiPolicy *self,
                            const char   *date_time)
{
  g_return_if_fail (POLISI_IS_POLICY (self));
  g_free (self->modified);
  self->modified = g_strdup (date_time);
}

const char *
polisi_policy_get_adoption_date (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  return self->adoption_date;
}

void
polisi_policy_set_adoption_date (PolisiPolicy *self,
                                 const char   *date)
{
  g_return_if_fail (POLISI_IS_POLICY (self));
  set_string (self, &self->adoption_date, date, PROP_ADOPTION_DATE);
}

const char *
polisi_policy_get_approved_by (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  return self->approved_by;
}

void
polisi_policy_set_approved_by (PolisiPolicy *self,
                               const char   *approved_by)
{
  g_return_if_fail (POLISI_IS_POLICY (self));
  set_string (self, &self->approved_by, approved_by, PROP_0);
}

const char *
polisi_policy_get_closing_date (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  return self->closing_date;
}

void
polisi_policy_set_closing_date (PolisiPolicy *self,
                                const char   *date)
{
  g_return_if_fail (POLISI_IS_POLICY (self));
  set_string (self, &self->closing_date, date, PROP_CLOSING_DATE);
}

/**
 * polisi_policy_get_pending_summary:
 *
 * The pending summary: the summary of changes of the next version, the
 * version being drafted, as it will be
 * recorded when the version is adopted: consultation drafts show it, and
 * adoption takes it as the summary of changes.
 *
 * Returns: (nullable): clause markup, or %NULL when there is none
 */
const char *
polisi_policy_get_pending_summary (PolisiPolicy *self,
                                   PolisiLang    lang)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  g_return_val_if_fail (lang < POLISI_N_LANGS, NULL);
  return self->pending_summary[lang];
}

static char *clean_markup (const char *text);

void
polisi_policy_set_pending_summary (PolisiPolicy *self,
                                   PolisiLang    lang,
                                   const char   *summary)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (POLISI_IS_POLICY (self));
  g_return_if_fail (lang < POLISI_N_LANGS);

  clean = clean_markup (summary);
  if (g_strcmp0 (clean, self->pending_summary[lang]) == 0)
    return;
  g_free (self->pending_summary[lang]);
  self->pending_summary[lang] = g_steal_pointer (&clean);
  emit_changed (self, CHANGE_SUMMARY);
}

guint
polisi_policy_get_review_cycle (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), POLISI_DEFAULT_REVIEW_CYCLE);
  return self->review_cycle;
}

void
polisi_policy_set_review_cycle (PolisiPolicy *self,
                                guint         months)
{
  g_return_if_fail (POLISI_IS_POLICY (self));
  g_return_if_fail (months >= 1 && months <= 120);

  if (self->review_cycle == months)
    return;
  self->review_cycle = months;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_CYCLE]);
  emit_content_changed (self, CHANGE_ORGANISATION);
}

const char *
polisi_policy_get_review_date_override (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  return self->review_date;
}

void
polisi_policy_set_review_date_override (PolisiPolicy *self,
                                        const char   *date)
{
  g_return_if_fail (POLISI_IS_POLICY (self));
  set_string (self, &self->review_date, date, PROP_0);
}

/**
 * polisi_policy_get_review_due:
 * @date: (out): the date the next review is due
 * @trigger: (out) (optional) (nullable): the review trigger that brought
 *   the review forward, or %NULL when the date is the planned one
 *
 * The planned review falls one review cycle after adoption, or on a date
 * set by hand. A review trigger dated after the last adoption (new
 * legislation, say) makes the review due from the trigger's date, when
 * that is earlier.
 *
 * Returns: %FALSE when there is no date yet (a draft never adopted)
 */
gboolean
polisi_policy_get_review_due (PolisiPolicy               *self,
                              GDate                      *date,
                              const PolisiReviewTrigger **trigger)
{
  const PolisiReviewTrigger *pending;
  GDate adopted;
  GDate when;

  g_return_val_if_fail (POLISI_IS_POLICY (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (trigger != NULL)
    *trigger = NULL;

  if (!polisi_date_parse_iso (self->adoption_date, &adopted))
    {
      /* A date set by hand stands even before adoption. */
      return polisi_date_parse_iso (self->review_date, date);
    }

  if (!polisi_date_parse_iso (self->review_date, date))
    {
      *date = adopted;
      polisi_date_add_months (date, self->review_cycle);
    }

  pending = polisi_policy_get_pending_trigger (self);
  if (pending != NULL && polisi_date_parse_iso (pending->date, &when) && g_date_compare (&when, date) < 0)
    {
      *date = when;
      if (trigger != NULL)
        *trigger = pending;
    }

  return TRUE;
}

/**
 * polisi_policy_get_review_date:
 * @date: (out): the date the next review is due
 *
 * See polisi_policy_get_review_due().
 *
 * Returns: %FALSE when there is no date yet (a draft never adopted)
 */
gboolean
polisi_policy_get_review_date (PolisiPolicy *self,
                               GDate        *date)
{
  return polisi_policy_get_review_due (self, date, NULL);
}

const char *
polisi_policy_get_library_id (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  return self->library_id;
}

const char *
polisi_policy_get_library_version (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  return self->library_version;
}

void
polisi_policy_set_library (PolisiPolicy *self,
                           const char   *id,
                           const char   *version)
{
  g_return_if_fail (POLISI_IS_POLICY (self));

  set_string (self, &self->library_id, id, PROP_0);
  set_string (self, &self->library_version, version, PROP_0);
}

const char *
polisi_policy_get_answer (PolisiPolicy *self,
                          const char   *key,
                          PolisiLang    lang)
{
  Answer *answer;

  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);

  answer = g_hash_table_lookup (self->answers, key);
  return answer != NULL ? answer->value[lang] : NULL;
}

/**
 * polisi_policy_set_answer_lang:
 * @value: (nullable): the answer; %NULL or "" clears it
 *
 * Sets the answer to the placeholder @key in one language.
 */
void
polisi_policy_set_answer_lang (PolisiPolicy *self,
                               const char   *key,
                               PolisiLang    lang,
                               const char   *value)
{
  Answer *answer;
  g_autofree char *collapsed = NULL;

  g_return_if_fail (POLISI_IS_POLICY (self));
  g_return_if_fail (polisi_text_is_placeholder_id (key));

  collapsed = polisi_text_clean_line (value);
  if (collapsed[0] == '\0')
    g_clear_pointer (&collapsed, g_free);

  answer = g_hash_table_lookup (self->answers, key);
  if (answer == NULL)
    {
      if (collapsed == NULL)
        return;
      answer = g_new0 (Answer, 1);
      g_hash_table_insert (self->answers, g_strdup (key), answer);
    }

  if (g_strcmp0 (answer->value[lang], collapsed) == 0)
    return;

  g_free (answer->value[lang]);
  answer->value[lang] = g_steal_pointer (&collapsed);

  if (answer->value[POLISI_LANG_CY] == NULL && answer->value[POLISI_LANG_EN] == NULL)
    g_hash_table_remove (self->answers, key);

  emit_content_changed (self, CHANGE_ANSWERS);
}

/* Sets the same answer for both languages: a person's name, an address. */
void
polisi_policy_set_answer (PolisiPolicy *self,
                          const char   *key,
                          const char   *value)
{
  g_return_if_fail (POLISI_IS_POLICY (self));

  polisi_policy_set_answer_lang (self, key, POLISI_LANG_CY, value);
  polisi_policy_set_answer_lang (self, key, POLISI_LANG_EN, value);
}

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * polisi_policy_list_answers:
 *
 * Returns: (transfer container) (element-type utf8): the keys that have an
 *   answer, sorted
 */
GPtrArray *
polisi_policy_list_answers (PolisiPolicy *self)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (POLISI_IS_POLICY (self), keys);

  g_hash_table_iter_init (&iter, self->answers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);

  return keys;
}

guint
polisi_policy_get_n_clauses (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), 0);
  return self->clauses->len;
}

PolisiClauseState *
polisi_policy_get_clause (PolisiPolicy *self,
                          guint         index)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  g_return_val_if_fail (index < self->clauses->len, NULL);
  return g_ptr_array_index (self->clauses, index);
}

PolisiClauseState *
polisi_policy_lookup_clause (PolisiPolicy *self,
                             const char   *id)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->clause_index, id) : NULL;
}

/* A clause's text, and whether a language waits for an update, change as
 * the author types: "clause-text". Anything else of a clause (taken in or
 * out, its wording, its title, a library update decided) changes what is
 * numbered, listed or offered: "clauses". One edit emits each at most once
 * (the clause state's ::changed comes once per edit). */
static void
on_clause_changed (PolisiClauseState *state,
                   gboolean           text,
                   gboolean           other,
                   PolisiPolicy      *self)
{
  if (other)
    emit_content_changed (self, CHANGE_CLAUSES);
  if (text)
    emit_content_changed (self, CHANGE_CLAUSE_TEXT);
}

void
polisi_policy_add_clause (PolisiPolicy      *self,
                          PolisiClauseState *state)
{
  g_return_if_fail (POLISI_IS_POLICY (self));

  polisi_policy_insert_clause (self, self->clauses->len, state);
}

/**
 * polisi_policy_insert_clause:
 * @index: the position among the policy's clauses; the clauses from there
 *   on move down
 */
void
polisi_policy_insert_clause (PolisiPolicy      *self,
                             guint              index,
                             PolisiClauseState *state)
{
  const char *id;

  g_return_if_fail (POLISI_IS_POLICY (self));
  g_return_if_fail (POLISI_IS_CLAUSE_STATE (state));
  g_return_if_fail (index <= self->clauses->len);

  id = polisi_clause_state_get_id (state);
  g_return_if_fail (!g_hash_table_contains (self->clause_index, id));

  g_ptr_array_insert (self->clauses, (int) index, g_object_ref (state));
  g_hash_table_insert (self->clause_index, (gpointer) id, state);
  g_signal_connect_object (state, "changed", G_CALLBACK (on_clause_changed), self, 0);
  emit_content_changed (self, CHANGE_CLAUSES);
}

/* The index of @state among the policy's clauses, or -1. */
static int
clause_position (PolisiPolicy      *self,
                 PolisiClauseState *state)
{
  guint index;

  return state != NULL && g_ptr_array_find (self->clauses, state, &index) ? (int) index : -1;
}

/**
 * polisi_policy_add_own_clause:
 * @section_id: the library section the clause goes in
 * @after_id: (nullable): the clause of that section it follows (a model
 *   clause or another own clause); %NULL puts it first in the section
 * @title_cy, @title_en, @text_cy, @text_en: (nullable): its title and
 *   text; at least one title and one text
 *
 * Adds a clause the school writes itself. It is included, numbered with
 * the clauses around it, checked, compared and commented on as any
 * clause; library updates never touch it. A language left empty is
 * reported by the check until it is written.
 *
 * Returns: (transfer none): the new clause, or %NULL with @error set
 */
PolisiClauseState *
polisi_policy_add_own_clause (PolisiPolicy  *self,
                              PolisiLibrary *library,
                              const char    *section_id,
                              const char    *after_id,
                              const char    *title_cy,
                              const char    *title_en,
                              const char    *text_cy,
                              const char    *text_en,
                              GError       **error)
{
  const char *titles[POLISI_N_LANGS] = { title_cy, title_en };
  const char *texts[POLISI_N_LANGS] = { text_cy, text_en };
  /* filled in the languages' order, so that each is a NULL-terminated
   * vector whatever is refused half way */
  g_auto(GStrv) clean_titles = g_new0 (char *, POLISI_N_LANGS + 1);
  g_auto(GStrv) clean_texts = g_new0 (char *, POLISI_N_LANGS + 1);
  g_autoptr(PolisiClauseState) state = NULL;
  g_autofree char *id = NULL;
  PolisiSection *section;
  int position = -1;

  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  section = section_id != NULL ? polisi_library_lookup_section (library, section_id) : NULL;
  if (section == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("There is no section “%s” to add a clause to. Give the id of one of the policy’s sections, "
                     "such as “%s”."),
                   section_id != NULL ? section_id : "",
                   polisi_section_get_id (polisi_library_get_section (library, 0)));
      return NULL;
    }
  if (polisi_policy_count_own_clauses (self) >= POLISI_MAX_OWN_CLAUSES)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("The policy already has %u clauses of its own, as many as it can hold. "
                     "Remove one you no longer need first."),
                   (guint) POLISI_MAX_OWN_CLAUSES);
      return NULL;
    }

  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      if (!polisi_text_check_length (titles[lang], POLISI_TEXT_MAX_LINE,
                            lang == POLISI_LANG_CY ? _("the clause’s Welsh title") : _("the clause’s English title"), error) ||
          !polisi_text_check_length (texts[lang], POLISI_TEXT_MAX_BLOCKS,
                            lang == POLISI_LANG_CY ? _("the clause’s Welsh text") : _("the clause’s English text"), error))
        return NULL;
      clean_titles[lang] = polisi_text_clean_line (titles[lang] != NULL ? titles[lang] : "");
      {
        g_autofree char *sanitized = polisi_text_sanitize (texts[lang] != NULL ? texts[lang] : "");
        clean_texts[lang] = polisi_text_normalize (sanitized);
      }
    }
  if (clean_titles[POLISI_LANG_CY][0] == '\0' && clean_titles[POLISI_LANG_EN][0] == '\0')
    {
      g_set_error_literal (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                           _("Your clause needs a title, in Welsh, in English or in both."));
      return NULL;
    }
  if (clean_texts[POLISI_LANG_CY][0] == '\0' && clean_texts[POLISI_LANG_EN][0] == '\0')
    {
      g_set_error_literal (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                           _("Your clause needs some text, in Welsh, in English or in both."));
      return NULL;
    }

  if (after_id != NULL)
    {
      PolisiClauseState *after = polisi_policy_lookup_clause (self, after_id);

      if (after == NULL || g_strcmp0 (polisi_policy_get_clause_section (self, library, after_id), section_id) != 0)
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                       _("The section “%s” has no clause “%s” to put the new clause after. "
                         "Give the id of a clause in that section, or none to put the new clause first."),
                       section_id, after_id);
          return NULL;
        }
      position = clause_position (self, after) + 1;
    }
  else
    {
      /* before the first clause of the section */
      for (guint i = 0; i < self->clauses->len && position < 0; i++)
        if (g_strcmp0 (polisi_policy_get_clause_section (self, library,
                                                         polisi_clause_state_get_id (self->clauses->pdata[i])),
                       section_id) == 0)
          position = (int) i;
      if (position < 0)
        position = (int) self->clauses->len;
    }

  do
    {
      g_free (id);
      id = polisi_clause_new_own_id (section_id);
    }
  while (g_hash_table_contains (self->clause_index, id));

  state = polisi_clause_state_new_own (id);
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      _polisi_clause_state_restore_title (state, lang, clean_titles[lang]);
      _polisi_clause_state_restore_text (state, lang, clean_texts[lang], TRUE, FALSE);
    }
  polisi_policy_insert_clause (self, (guint) position, state);
  return state;
}

/**
 * polisi_policy_remove_own_clause:
 *
 * Removes a clause the school wrote itself. Model clauses are left out,
 * never removed: the policy keeps them for the review of library updates.
 *
 * Returns: %FALSE, with @error set, when @id is not an own clause of the
 *   policy
 */
gboolean
polisi_policy_remove_own_clause (PolisiPolicy  *self,
                                 const char    *id,
                                 GError       **error)
{
  PolisiClauseState *state;
  g_autoptr(PolisiClauseState) removed = NULL;

  g_return_val_if_fail (POLISI_IS_POLICY (self), FALSE);

  state = polisi_policy_lookup_clause (self, id);
  if (state == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("The policy has no clause “%s”. List the clauses to find its id."), id != NULL ? id : "");
      return FALSE;
    }
  if (!polisi_clause_state_get_own (state))
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("“%s” is one of the model clauses, which cannot be removed. Leave it out of the policy instead."),
                   id);
      return FALSE;
    }

  removed = g_object_ref (state);
  g_signal_handlers_disconnect_by_func (state, on_clause_changed, self);
  g_hash_table_remove (self->clause_index, id);
  g_ptr_array_remove (self->clauses, state);
  emit_content_changed (self, CHANGE_CLAUSES);
  return TRUE;
}

/**
 * polisi_policy_rename_clause:
 * @title: (nullable): the new title in @lang; empty or %NULL gives a model
 *   clause back its library title
 *
 * Gives a clause a title of the school's own in one language: a model
 * clause keeps the new name through library updates; an own clause must
 * keep a title in at least one language.
 *
 * Returns: %FALSE, with @error set, when refused
 */
gboolean
polisi_policy_rename_clause (PolisiPolicy  *self,
                             PolisiLibrary *library,
                             const char    *id,
                             PolisiLang     lang,
                             const char    *title,
                             GError       **error)
{
  PolisiClauseState *state;

  g_return_val_if_fail (POLISI_IS_POLICY (self), FALSE);
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), FALSE);

  state = polisi_policy_lookup_clause (self, id);
  if (state == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("The policy has no clause “%s”. List the clauses to find its id."), id != NULL ? id : "");
      return FALSE;
    }
  return polisi_clause_state_rename (state, polisi_library_lookup_clause (library, id), lang, title, error);
}

/**
 * polisi_policy_get_clause_title:
 *
 * The title of a clause as the policy shows it everywhere: its own title
 * or new name in @lang, else the library's, else (an own clause titled in
 * the other language only) the other language's.
 *
 * Returns: (nullable): the title, %NULL for a clause neither the policy
 *   nor the library names
 */
const char *
polisi_policy_get_clause_title (PolisiPolicy  *self,
                                PolisiLibrary *library,
                                const char    *id,
                                PolisiLang     lang)
{
  PolisiClauseState *state;
  PolisiClause *clause;

  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);

  state = polisi_policy_lookup_clause (self, id);
  clause = library != NULL && id != NULL ? polisi_library_lookup_clause (library, id) : NULL;
  if (state != NULL)
    return polisi_clause_state_get_display_title (state, clause, lang);
  return clause != NULL ? polisi_clause_get_title (clause, lang) : NULL;
}

/**
 * polisi_policy_get_clause_section:
 *
 * The library section a clause of the policy belongs to: a model
 * clause's, or the section an own clause was added to (its id says which).
 *
 * Returns: (nullable): the section's id
 */
const char *
polisi_policy_get_clause_section (PolisiPolicy  *self,
                                  PolisiLibrary *library,
                                  const char    *id)
{
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), NULL);

  return id != NULL ? polisi_assemble_section_of (library, id) : NULL;
}

/**
 * polisi_policy_get_last_clause_of_section:
 *
 * The last clause of @section_id in the policy's order (a model clause or
 * one of the school's own, included or not): a new clause put after it is
 * at the end of the section.
 *
 * Returns: (nullable): its id, %NULL when the section has none
 */
const char *
polisi_policy_get_last_clause_of_section (PolisiPolicy  *self,
                                          PolisiLibrary *library,
                                          const char    *section_id)
{
  const char *last = NULL;

  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);

  for (guint i = 0; i < self->clauses->len; i++)
    {
      const char *id = polisi_clause_state_get_id (self->clauses->pdata[i]);

      if (g_strcmp0 (polisi_policy_get_clause_section (self, library, id), section_id) == 0)
        last = id;
    }
  return last;
}

/**
 * polisi_policy_count_own_clauses:
 *
 * Returns: how many clauses the school wrote itself
 */
guint
polisi_policy_count_own_clauses (PolisiPolicy *self)
{
  guint n = 0;

  g_return_val_if_fail (POLISI_IS_POLICY (self), 0);

  for (guint i = 0; i < self->clauses->len; i++)
    n += polisi_clause_state_get_own (self->clauses->pdata[i]) ? 1 : 0;
  return n;
}

/**
 * polisi_policy_choose_alternative:
 *
 * Switches a clause to another wording of the library, replacing its text
 * in both languages.
 *
 * Returns: %FALSE when the clause or the alternative does not exist
 */
gboolean
polisi_policy_choose_alternative (PolisiPolicy  *self,
                                  PolisiLibrary *library,
                                  const char    *clause_id,
                                  const char    *alternative_id)
{
  PolisiClauseState *state;
  PolisiClause *clause;
  const PolisiAlternative *alternative;

  g_return_val_if_fail (POLISI_IS_POLICY (self), FALSE);
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), FALSE);

  state = polisi_policy_lookup_clause (self, clause_id);
  clause = polisi_library_lookup_clause (library, clause_id);
  if (state == NULL || clause == NULL)
    return FALSE;

  alternative = polisi_clause_lookup_alternative (clause, alternative_id);
  if (alternative == NULL)
    return FALSE;

  polisi_clause_state_use_alternative (state, clause, alternative);
  return TRUE;
}

/**
 * polisi_policy_apply_nation:
 *
 * After the nation changed (through the language category), moves every
 * unedited clause whose wording belongs to the other nation to the
 * wording for this one. Edited clauses are left for the author, and the
 * checker points at them.
 *
 * Returns: the number of clauses changed
 */
guint
polisi_policy_apply_nation (PolisiPolicy  *self,
                            PolisiLibrary *library)
{
  PolisiNation nation;
  guint changed = 0;

  g_return_val_if_fail (POLISI_IS_POLICY (self), 0);
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), 0);

  nation = polisi_policy_get_nation (self);
  for (guint i = 0; i < self->clauses->len; i++)
    {
      PolisiClauseState *state = self->clauses->pdata[i];
      PolisiClause *clause = polisi_library_lookup_clause (library, polisi_clause_state_get_id (state));
      const PolisiAlternative *current;

      if (clause == NULL)
        continue;
      current = polisi_clause_lookup_alternative (clause, polisi_clause_state_get_alternative (state));
      if (current == NULL || polisi_clause_alternative_applies (current, nation))
        continue;
      if (polisi_clause_state_get_edited (state, POLISI_LANG_CY) ||
          polisi_clause_state_get_edited (state, POLISI_LANG_EN))
        continue;

      polisi_clause_state_use_alternative (state, clause, polisi_clause_get_default_alternative (clause, nation));
      changed++;
    }

  return changed;
}

guint
polisi_policy_get_n_versions (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->history));
}

/* The store holds a reference: the item outlives the one dropped here. */
static PolisiVersion *
version_at (PolisiPolicy *self,
            guint         index)
{
  g_autoptr(PolisiVersion) version = g_list_model_get_item (G_LIST_MODEL (self->history), index);

  return version;
}

const PolisiVersionRecord *
polisi_policy_get_version_record (PolisiPolicy *self,
                                  guint         index)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  g_return_val_if_fail (index < polisi_policy_get_n_versions (self), NULL);
  return polisi_version_get_record (version_at (self, index));
}

/**
 * polisi_policy_get_versions:
 *
 * The version history, in the order the versions were adopted, for a list
 * to bind to: a row is added at each adoption.
 *
 * Returns: (transfer none): a #GListModel of #PolisiVersion
 */
GListModel *
polisi_policy_get_versions (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  return G_LIST_MODEL (self->history);
}

/**
 * polisi_policy_lookup_version:
 *
 * Returns: (transfer none) (nullable): the adopted version @number
 */
PolisiVersion *
polisi_policy_lookup_version (PolisiPolicy *self,
                              const char   *number)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);

  for (guint i = 0; number != NULL && i < polisi_policy_get_n_versions (self); i++)
    {
      PolisiVersion *version = version_at (self, i);

      if (g_strcmp0 (polisi_version_get_number (version), number) == 0)
        return version;
    }
  return NULL;
}

void
polisi_policy_add_version_record (PolisiPolicy *self,
                                  const char   *version,
                                  const char   *date,
                                  const char   *approved_by,
                                  const char   *summary_cy,
                                  const char   *summary_en)
{
  g_autoptr(PolisiVersion) record = NULL;

  g_return_if_fail (POLISI_IS_POLICY (self));
  g_return_if_fail (version != NULL && date != NULL);

  record = polisi_version_new (version, date, approved_by, summary_cy, summary_en);
  g_list_store_append (self->history, record);

  emit_changed (self, CHANGE_VERSIONS);
}

/* For the file reader: a version as saved, with its text if it has one. */
void
_polisi_policy_restore_version (PolisiPolicy  *self,
                                PolisiVersion *version)
{
  g_return_if_fail (POLISI_IS_POLICY (self));
  g_return_if_fail (POLISI_IS_VERSION (version));

  g_list_store_append (self->history, version);
}

static void
copy_answers (GHashTable *from,
              GHashTable *to)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Answer *answer = value;
      Answer *copy = g_new0 (Answer, 1);

      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        copy->value[lang] = g_strdup (answer->value[lang]);
      g_hash_table_insert (to, g_strdup (key), copy);
    }
}

/* For the file reader and the versions: an independent copy of a clause,
 * its text, flags and review decisions. */
PolisiClauseState *
_polisi_clause_state_copy (PolisiClauseState *state)
{
  return _polisi_clause_state_dup (state);
}

/**
 * _polisi_policy_copy_text:
 *
 * What a version keeps of the policy when it is adopted: the front matter
 * (names, organisation, language category, version, dates, review cycle,
 * the library), the answers and every clause in both languages. Not the
 * review triggers, the comments or the pending summary, which belong to
 * the file's life rather than to the text adopted; the version history up
 * to this version, without texts, so that the version prints as it was.
 *
 * Returns: (transfer full): a new policy with the same identity
 */
PolisiPolicy *
_polisi_policy_copy_text (PolisiPolicy *self)
{
  PolisiPolicy *copy;

  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);

  copy = polisi_policy_new ();
  copy->restoring++;
  g_free (copy->uid);
  copy->uid = g_strdup (self->uid);
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    copy->name[lang] = g_strdup (self->name[lang]);
  copy->organisation_type = self->organisation_type;
  copy->language_category = self->language_category;
  copy->status = self->status;
  g_free (copy->version);
  copy->version = g_strdup (self->version);
  g_free (copy->created);
  copy->created = g_strdup (self->created);
  copy->adoption_date = g_strdup (self->adoption_date);
  copy->approved_by = g_strdup (self->approved_by);
  copy->review_cycle = self->review_cycle;
  copy->library_id = g_strdup (self->library_id);
  copy->library_version = g_strdup (self->library_version);
  copy_answers (self->answers, copy->answers);
  for (guint i = 0; i < self->clauses->len; i++)
    {
      g_autoptr(PolisiClauseState) clause = _polisi_clause_state_copy (self->clauses->pdata[i]);

      polisi_policy_add_clause (copy, clause);
    }
  for (guint i = 0; i < polisi_policy_get_n_versions (self); i++)
    {
      const PolisiVersionRecord *record = polisi_policy_get_version_record (self, i);
      g_autoptr(PolisiVersion) version = polisi_version_new (record->version, record->date, record->approved_by,
                                                             record->summary[POLISI_LANG_CY],
                                                             record->summary[POLISI_LANG_EN]);

      g_list_store_append (copy->history, version);
    }
  copy->restoring--;
  return copy;
}

/**
 * polisi_policy_content_equal:
 *
 * Whether @a and @b say the same: the organisation's names, type and
 * language category, the review cycle, the answers, and every clause
 * (included or not, its wording, its text in both languages). This is
 * what adoption approves; the status, the dates and the records of the
 * policy's life are not part of it.
 */
gboolean
polisi_policy_content_equal (PolisiPolicy *a,
                             PolisiPolicy *b)
{
  g_return_val_if_fail (POLISI_IS_POLICY (a), FALSE);
  g_return_val_if_fail (POLISI_IS_POLICY (b), FALSE);

  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    if (g_strcmp0 (a->name[lang], b->name[lang]) != 0)
      return FALSE;
  if (a->organisation_type != b->organisation_type ||
      a->language_category != b->language_category ||
      a->review_cycle != b->review_cycle ||
      !answers_equal (a->answers, b->answers) ||
      a->clauses->len != b->clauses->len)
    return FALSE;

  for (guint i = 0; i < a->clauses->len; i++)
    {
      PolisiClauseState *ca = a->clauses->pdata[i];
      PolisiClauseState *cb = b->clauses->pdata[i];

      if (g_strcmp0 (polisi_clause_state_get_id (ca), polisi_clause_state_get_id (cb)) != 0 ||
          polisi_clause_state_get_included (ca) != polisi_clause_state_get_included (cb) ||
          g_strcmp0 (polisi_clause_state_get_alternative (ca), polisi_clause_state_get_alternative (cb)) != 0)
        return FALSE;
      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        if (g_strcmp0 (polisi_clause_state_get_text (ca, lang), polisi_clause_state_get_text (cb, lang)) != 0 ||
            g_strcmp0 (polisi_clause_state_get_title (ca, lang), polisi_clause_state_get_title (cb, lang)) != 0)
          return FALSE;
    }
  return TRUE;
}

/**
 * polisi_policy_dup_version_text:
 * @number: an adopted version, such as "1.0"
 *
 * The text of an adopted version, as it was adopted, to compare with
 * another version or with the current draft.
 *
 * Returns: (transfer full) (nullable): a new policy holding that version,
 *   or %NULL with @error set when no such version was adopted, or when the
 *   file does not keep its text (versions adopted before file format 2)
 */
PolisiPolicy *
polisi_policy_dup_version_text (PolisiPolicy  *self,
                                const char    *number,
                                GError       **error)
{
  PolisiVersion *version;
  PolisiPolicy *text;

  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);

  version = polisi_policy_lookup_version (self, number);
  if (version == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; i < polisi_policy_get_n_versions (self); i++)
        {
          if (known->len > 0)
            g_string_append (known, ", ");
          g_string_append (known, polisi_policy_get_version_record (self, i)->version);
        }
      if (known->len == 0)
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                     _("This policy has no version %s: it has not been adopted yet, so there is no earlier version "
                       "to compare with."),
                     number != NULL ? number : "");
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                     _("This policy has no version %s. The versions adopted are: %s."),
                     number != NULL ? number : "", known->str);
      return NULL;
    }

  text = _polisi_version_get_text (version);
  if (text == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("The file does not keep the text of version %s: it was adopted with an earlier Polisi, which "
                     "kept only the summary of changes. Compare with a copy of the file saved at the time instead "
                     "(--compare=OLD.polisi)."),
                   number);
      return NULL;
    }

  return _polisi_policy_copy_text (text);
}

/* The last adopted version, as an object. */
static PolisiVersion *
last_version (PolisiPolicy *self)
{
  const PolisiVersionRecord *last = polisi_policy_get_last_adoption (self);

  return last != NULL ? polisi_policy_lookup_version (self, last->version) : NULL;
}

/**
 * polisi_policy_get_content_changed:
 *
 * Whether what the policy says differs from the text of the version
 * adopted last. %TRUE for a policy never adopted, and for one whose last
 * adopted text the file does not keep but which is no longer adopted.
 */
gboolean
polisi_policy_get_content_changed (PolisiPolicy *self)
{
  PolisiVersion *last;
  PolisiPolicy *text;

  g_return_val_if_fail (POLISI_IS_POLICY (self), TRUE);

  last = last_version (self);
  if (last == NULL)
    return TRUE;
  text = _polisi_version_get_text (last);
  if (text == NULL)
    return self->status != POLISI_STATUS_ADOPTED;
  return !polisi_policy_content_equal (self, text);
}

/* The one rule of honest status. Any change to what an adopted policy says
 * makes it the draft of its next version (1.1 after 1.0), so that nothing
 * prints a changed text as the version the governing body approved; when
 * the change is undone, and the text is again exactly the one adopted, it
 * is the adopted version again. A draft opened on purpose (for a
 * consultation, or with the status set by hand) stays a draft. */
static void
apply_status_rule (PolisiPolicy *self)
{
  PolisiVersion *last;
  PolisiPolicy *text;
  gboolean equal;

  if (self->restoring > 0 || self->in_status_rule)
    return;

  last = last_version (self);
  if (last == NULL)
    return;
  text = _polisi_version_get_text (last);
  equal = text != NULL && polisi_policy_content_equal (self, text);

  self->in_status_rule = TRUE;
  g_object_freeze_notify (G_OBJECT (self));
  if (self->status == POLISI_STATUS_ADOPTED && !equal &&
      g_strcmp0 (self->version, polisi_version_get_number (last)) == 0)
    {
      polisi_policy_open_draft (self, POLISI_STATUS_DRAFT);
      self->auto_draft = TRUE;
    }
  else if (self->auto_draft && self->status == POLISI_STATUS_DRAFT && equal)
    {
      polisi_policy_set_version (self, polisi_version_get_number (last));
      polisi_policy_set_status (self, POLISI_STATUS_ADOPTED);
      self->auto_draft = FALSE;
    }
  g_object_thaw_notify (G_OBJECT (self));
  self->in_status_rule = FALSE;
}

/**
 * polisi_policy_get_draft_by_change:
 *
 * Whether the policy is a draft because its adopted text was changed
 * (rather than opened as a draft on purpose): undoing the change makes it
 * the adopted version again.
 */
gboolean
polisi_policy_get_draft_by_change (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), FALSE);
  return self->auto_draft && self->status == POLISI_STATUS_DRAFT;
}

void
_polisi_policy_restore_draft_by_change (PolisiPolicy *self,
                                        gboolean      by_change)
{
  g_return_if_fail (POLISI_IS_POLICY (self));
  self->auto_draft = by_change;
}

/* For the file reader: no rule applies to what is being read. */
void
_polisi_policy_begin_restore (PolisiPolicy *self)
{
  g_return_if_fail (POLISI_IS_POLICY (self));
  self->restoring++;
}

void
_polisi_policy_end_restore (PolisiPolicy *self)
{
  g_return_if_fail (POLISI_IS_POLICY (self));
  g_return_if_fail (self->restoring > 0);
  self->restoring--;
}

/**
 * polisi_policy_get_last_adoption:
 *
 * Returns: (nullable): the record of the highest version adopted so far,
 *   or %NULL when the policy was never adopted
 */
const PolisiVersionRecord *
polisi_policy_get_last_adoption (PolisiPolicy *self)
{
  const PolisiVersionRecord *last = NULL;

  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);

  for (guint i = 0; i < polisi_policy_get_n_versions (self); i++)
    {
      const PolisiVersionRecord *record = polisi_policy_get_version_record (self, i);

      if (last == NULL || polisi_version_number_compare (record->version, last->version) > 0)
        last = record;
    }
  return last;
}

/* The highest version adopted so far, or NULL. */
const char *
polisi_policy_get_last_adopted_version (PolisiPolicy *self)
{
  const PolisiVersionRecord *last = polisi_policy_get_last_adoption (self);

  return last != NULL ? last->version : NULL;
}

/**
 * polisi_policy_suggest_version:
 * @major: %TRUE for a major change (2.0 after 1.3), %FALSE for a minor
 *   one (1.4 after 1.3)
 *
 * The number the next adoption should carry: the policy's own version when
 * it is already ahead of the last one adopted (a draft 1.1 that went out
 * for consultation), else the next one after the last adopted; 1.0 for a
 * first adoption.
 *
 * Returns: (transfer full): a version number
 */
char *
polisi_policy_suggest_version (PolisiPolicy *self,
                               gboolean      major)
{
  const char *last;
  guint own_major;
  char *next;

  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);

  last = polisi_policy_get_last_adopted_version (self);
  if (polisi_version_number_parse (self->version, &own_major, NULL) && own_major >= 1 &&
      (last == NULL || polisi_version_number_compare (self->version, last) > 0))
    return g_strdup (self->version);

  /* after 9999.9999 there is no higher number: the adoption says so */
  next = polisi_version_number_next (last, major);
  return next != NULL ? next : g_strdup (last);
}

/**
 * polisi_policy_set_draft_version:
 *
 * Sets the number of the version being drafted, by the one rule for
 * version numbers (polisi-version): a version number, and, once a version
 * was adopted, a higher one, so that adopting the draft can take it. The
 * number of an adopted policy is in its history and is not changed.
 *
 * Returns: %FALSE, with an error saying what to write, when refused
 */
gboolean
polisi_policy_set_draft_version (PolisiPolicy  *self,
                                 const char    *version,
                                 GError       **error)
{
  g_autofree char *number = NULL;
  const char *last;

  g_return_val_if_fail (POLISI_IS_POLICY (self), FALSE);

  number = g_strstrip (g_strdup (version != NULL ? version : ""));
  if (!polisi_version_number_check (number, error))
    return FALSE;

  last = polisi_policy_get_last_adopted_version (self);
  if (self->status == POLISI_STATUS_ADOPTED && last != NULL && g_strcmp0 (number, self->version) != 0)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("Version %s is adopted, and its number is in the version history. To number the next version, "
                     "make the policy a draft first (status=draft)."),
                   self->version);
      return FALSE;
    }
  if (self->status != POLISI_STATUS_ADOPTED && last != NULL && polisi_version_number_compare (number, last) <= 0)
    {
      g_autofree char *next = polisi_version_number_next (last, FALSE);
      g_autofree char *next_major = polisi_version_number_next (last, TRUE);

      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("Version %s was adopted already. The draft of the next version needs a higher number, "
                     "such as %s for small changes or %s for large ones."),
                   last, next != NULL ? next : last, next_major != NULL ? next_major : last);
      return FALSE;
    }

  polisi_policy_set_version (self, number);
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *normal = NULL;

  if (text == NULL)
    return TRUE;
  normal = polisi_text_normalize (text);
  return normal[0] == '\0';
}

static gboolean
validate_adoption (PolisiPolicy  *self,
                   const char    *version,
                   const char    *date,
                   const char    *approved_by,
                   const char    *summary_cy,
                   const char    *summary_en,
                   char         **number_out,
                   char         **when_out,
                   char         **who_out,
                   GError       **error)
{
  const PolisiVersionRecord *last;
  g_autofree char *number = NULL;
  g_autofree char *when = NULL;
  g_autofree char *who = NULL;
  guint major;
  GDate day;

  last = polisi_policy_get_last_adoption (self);

  number = version != NULL ? g_strstrip (g_strdup (version)) : polisi_policy_suggest_version (self, FALSE);
  if (!polisi_version_number_check (number, error))
    return FALSE;
  polisi_version_number_parse (number, &major, NULL);
  if (major == 0)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("Version %s is a draft number. An adopted policy starts at version 1.0."), number);
      return FALSE;
    }
  if (last != NULL && polisi_version_number_compare (number, last->version) <= 0)
    {
      g_autofree char *next = polisi_version_number_next (last->version, FALSE);
      g_autofree char *next_major = polisi_version_number_next (last->version, TRUE);
      g_autofree char *when = NULL;
      GDate adopted;

      when = polisi_date_parse_iso (last->date, &adopted) ? polisi_date_format (&adopted, polisi_interface_lang ()) : g_strdup (last->date);
      if (polisi_version_number_compare (number, last->version) == 0)
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                     _("Version %s was adopted on %s already. Give the new version a higher number, "
                       "such as %s for small changes or %s for large ones."),
                     number, when, next != NULL ? next : last->version, next_major != NULL ? next_major : last->version);
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                     _("Version %s is lower than version %s, adopted on %s. Give the new version a higher number, "
                       "such as %s for small changes or %s for large ones."),
                     number, last->version, when, next != NULL ? next : last->version,
                     next_major != NULL ? next_major : last->version);
      return FALSE;
    }

  if (date != NULL)
    {
      if (!polisi_date_parse_iso (date, &day))
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                       _("“%s” is not a valid date of adoption. Write it as YYYY-MM-DD, for example 2027-03-31."), date);
          return FALSE;
        }
    }
  else
    polisi_date_set_today (&day);
  when = polisi_date_to_iso (&day);
  if (last != NULL)
    {
      GDate before;

      if (polisi_date_parse_iso (last->date, &before) && g_date_compare (&day, &before) < 0)
        {
          g_autofree char *this_day = polisi_date_format (&day, polisi_interface_lang ());
          g_autofree char *that_day = polisi_date_format (&before, polisi_interface_lang ());

          g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                       _("The date of adoption, %s, is before the adoption of version %s on %s. Check the date, "
                         "and give it as YYYY-MM-DD."),
                       this_day, last->version, that_day);
          return FALSE;
        }
    }

  if (approved_by != NULL)
    {
      who = polisi_text_clean_line (approved_by);
    }
  if (who == NULL || who[0] == '\0')
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("Say who approved version %s, for example the governing body or its committee."), number);
      return FALSE;
    }

  if (is_blank (summary_en))
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("The summary of changes in English is empty. Write what changed in version %s, "
                     "even if only “First version” or “Annual review: no changes”."), number);
      return FALSE;
    }
  if (polisi_policy_get_nation (self) == POLISI_NATION_WALES && is_blank (summary_cy))
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("The summary of changes in Welsh is empty. A policy in Wales is published in Welsh and English: "
                     "write the summary of changes in Welsh too."));
      return FALSE;
    }

  *number_out = g_steal_pointer (&number);
  *when_out = g_steal_pointer (&when);
  *who_out = g_steal_pointer (&who);
  return TRUE;
}

/**
 * polisi_policy_can_adopt:
 *
 * Whether polisi_policy_adopt() with these values would succeed, without
 * changing the policy: for a dialog that says what is wrong as the values
 * are typed.
 *
 * Returns: %FALSE with @error set to the reason polisi_policy_adopt()
 *   would give
 */
gboolean
polisi_policy_can_adopt (PolisiPolicy  *self,
                         const char    *version,
                         const char    *date,
                         const char    *approved_by,
                         const char    *summary_cy,
                         const char    *summary_en,
                         GError       **error)
{
  g_autofree char *number = NULL;
  g_autofree char *when = NULL;
  g_autofree char *who = NULL;

  g_return_val_if_fail (POLISI_IS_POLICY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate_adoption (self, version, date, approved_by, summary_cy, summary_en, &number, &when, &who, error);
}

/**
 * polisi_policy_adopt:
 * @version: (nullable): the version adopted; %NULL for
 *   polisi_policy_suggest_version()
 * @date: (nullable): the date of adoption, YYYY-MM-DD; %NULL for today
 * @approved_by: who approved it: the governing body, a committee
 * @summary_cy: (nullable): the summary of changes in Welsh (clause markup)
 * @summary_en: (nullable): the summary of changes in English
 *
 * Records the adoption of a version: the policy becomes adopted on @date
 * with that version, and the version history gains a row. The version must
 * be higher than every version adopted before, the date no earlier than
 * the last adoption, and the summary of changes written: in both languages
 * for a policy in Wales, which publishes in both, in English at least
 * elsewhere. A consultation's closing date and a review date set by hand
 * belonged to the cycle that ends here, and go; comments stay, with the
 * version they were made on.
 *
 * Returns: %FALSE with @error set, and the policy unchanged, when the
 *   adoption cannot be recorded
 */
gboolean
polisi_policy_adopt (PolisiPolicy  *self,
                     const char    *version,
                     const char    *date,
                     const char    *approved_by,
                     const char    *summary_cy,
                     const char    *summary_en,
                     GError       **error)
{
  g_autofree char *number = NULL;
  g_autofree char *when = NULL;
  g_autofree char *who = NULL;

  g_return_val_if_fail (POLISI_IS_POLICY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_adoption (self, version, date, approved_by, summary_cy, summary_en, &number, &when, &who, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  polisi_policy_set_version (self, number);
  polisi_policy_set_adoption_date (self, when);
  polisi_policy_set_approved_by (self, who);
  polisi_policy_set_closing_date (self, NULL);
  polisi_policy_set_review_date_override (self, NULL);
  polisi_policy_set_status (self, POLISI_STATUS_ADOPTED);
  polisi_policy_add_version_record (self, number, when, who, summary_cy, summary_en);
  {
    /* the version keeps the text adopted */
    g_autoptr(PolisiPolicy) text = _polisi_policy_copy_text (self);

    _polisi_version_set_text (version_at (self, polisi_policy_get_n_versions (self) - 1), text);
  }
  self->auto_draft = FALSE;
  /* the pending summary is the history's now */
  polisi_policy_set_pending_summary (self, POLISI_LANG_CY, NULL);
  polisi_policy_set_pending_summary (self, POLISI_LANG_EN, NULL);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

/* Review triggers --------------------------------------------------------- */

guint
polisi_policy_get_n_review_triggers (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->triggers));
}

/* The store holds a reference: the item outlives the one dropped here. */
static PolisiTrigger *
trigger_at (PolisiPolicy *self,
            guint         index)
{
  g_autoptr(PolisiTrigger) trigger = g_list_model_get_item (G_LIST_MODEL (self->triggers), index);

  return trigger;
}

const PolisiReviewTrigger *
polisi_policy_get_review_trigger (PolisiPolicy *self,
                                  guint         index)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  g_return_val_if_fail (index < polisi_policy_get_n_review_triggers (self), NULL);
  return polisi_trigger_get_record (trigger_at (self, index));
}

/**
 * polisi_policy_get_review_triggers:
 *
 * The review triggers in date order, for a list to bind to.
 *
 * Returns: (transfer none): a #GListModel of #PolisiTrigger
 */
GListModel *
polisi_policy_get_review_triggers (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  return G_LIST_MODEL (self->triggers);
}

static int
compare_triggers (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return g_strcmp0 (polisi_trigger_get_date ((PolisiTrigger *) a), polisi_trigger_get_date ((PolisiTrigger *) b));
}

static void
on_trigger_notify (PolisiTrigger *trigger,
                   GParamSpec    *pspec,
                   PolisiPolicy  *self)
{
  emit_changed (self, CHANGE_TRIGGERS);
}

void
_polisi_policy_restore_trigger (PolisiPolicy      *self,
                                PolisiTriggerKind  kind,
                                const char        *date,
                                const char        *note)
{
  g_autoptr(PolisiTrigger) trigger = polisi_trigger_new (kind, date, note);
  guint position = polisi_policy_get_n_review_triggers (self);

  /* in date order; triggers of one day stay in the order they came */
  while (position > 0 && compare_triggers (trigger_at (self, position - 1), trigger, NULL) > 0)
    position--;
  g_list_store_insert (self->triggers, position, trigger);
  g_signal_connect_object (trigger, "notify", G_CALLBACK (on_trigger_notify), self, 0);
}

/**
 * polisi_policy_add_review_trigger:
 * @date: when it arose (legislation came into force, guidance was
 *   published, the incident happened), YYYY-MM-DD
 * @note: (nullable): what it was
 *
 * Records something that calls for a review before the cycle ends. A
 * trigger dated after the last adoption makes the review due from its
 * date; one dated before was dealt with by that adoption, and stays as a
 * record.
 *
 * Returns: %FALSE with @error set when @date is not a date
 */
gboolean
polisi_policy_add_review_trigger (PolisiPolicy       *self,
                                  PolisiTriggerKind   kind,
                                  const char         *date,
                                  const char         *note,
                                  GError            **error)
{
  GDate day;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (POLISI_IS_POLICY (self), FALSE);
  g_return_val_if_fail (kind <= POLISI_TRIGGER_INCIDENT, FALSE);

  if (!polisi_date_parse_iso (date, &day))
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("“%s” is not a valid date for a review trigger. Write it as YYYY-MM-DD, for example 2026-10-01."),
                   date != NULL ? date : "");
      return FALSE;
    }

  iso = polisi_date_to_iso (&day);
  _polisi_policy_restore_trigger (self, kind, iso, note);
  emit_changed (self, CHANGE_TRIGGERS);
  return TRUE;
}

void
polisi_policy_remove_review_trigger (PolisiPolicy *self,
                                     guint         index)
{
  g_return_if_fail (POLISI_IS_POLICY (self));
  g_return_if_fail (index < polisi_policy_get_n_review_triggers (self));

  g_list_store_remove (self->triggers, index);
  emit_changed (self, CHANGE_TRIGGERS);
}

/**
 * polisi_policy_get_pending_trigger:
 *
 * Returns: (nullable): the earliest review trigger dated after the last
 *   adoption, or %NULL (none, or a policy never adopted)
 */
const PolisiReviewTrigger *
polisi_policy_get_pending_trigger (PolisiPolicy *self)
{
  GDate adopted;

  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);

  if (!polisi_date_parse_iso (self->adoption_date, &adopted))
    return NULL;

  /* the triggers are in date order */
  for (guint i = 0; i < polisi_policy_get_n_review_triggers (self); i++)
    {
      const PolisiReviewTrigger *trigger = polisi_policy_get_review_trigger (self, i);
      GDate when;

      if (polisi_date_parse_iso (trigger->date, &when) && g_date_compare (&when, &adopted) > 0)
        return trigger;
    }
  return NULL;
}

/* Comments ----------------------------------------------------------------- */

guint
polisi_policy_get_n_comments (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), 0);
  return self->comments->len;
}

/**
 * polisi_policy_get_comments:
 *
 * Returns: (transfer none): every comment (PolisiComment), on every
 *   version, in the order they came; it changes as comments come and go
 */
GListModel *
polisi_policy_get_comments (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  return G_LIST_MODEL (self->comment_model);
}

const PolisiComment *
polisi_policy_get_comment (PolisiPolicy *self,
                           guint         index)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  g_return_val_if_fail (index < self->comments->len, NULL);
  return self->comments->pdata[index];
}

static PolisiComment *
find_comment (PolisiPolicy *self,
              const char   *id)
{
  for (guint i = 0; i < self->comments->len; i++)
    {
      PolisiComment *comment = self->comments->pdata[i];

      if (g_strcmp0 (comment->id, id) == 0)
        return comment;
    }
  return NULL;
}

const PolisiComment *
polisi_policy_lookup_comment (PolisiPolicy *self,
                              const char   *id)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  return id != NULL ? find_comment (self, id) : NULL;
}

/**
 * polisi_policy_list_comments:
 * @version: (nullable): the version of the draft the comments were made
 *   on; %NULL for the policy's current version, "" for every version
 * @clause_id: (nullable): only the comments on this clause; "" for the
 *   comments on the policy as a whole; %NULL for all
 *
 * Returns: (transfer container) (element-type PolisiComment): the
 *   comments, in the order they came
 */
GPtrArray *
polisi_policy_list_comments (PolisiPolicy *self,
                             const char   *version,
                             const char   *clause_id)
{
  GPtrArray *list = g_ptr_array_new ();

  g_return_val_if_fail (POLISI_IS_POLICY (self), list);

  if (version == NULL)
    version = self->version;

  for (guint i = 0; i < self->comments->len; i++)
    {
      PolisiComment *comment = self->comments->pdata[i];

      if (version[0] != '\0' && g_strcmp0 (comment->version, version) != 0)
        continue;
      if (clause_id != NULL && g_strcmp0 (comment->clause_id != NULL ? comment->clause_id : "", clause_id) != 0)
        continue;
      g_ptr_array_add (list, comment);
    }
  return list;
}

static char *
clean_line (const char *text)
{
  char *collapsed = polisi_text_sanitize_collapsed (text);

  if (collapsed[0] == '\0')
    g_clear_pointer (&collapsed, g_free);
  return collapsed;
}

static char *
clean_markup (const char *text)
{
  g_autofree char *clean = polisi_text_sanitize (text);
  char *normal = polisi_text_normalize (clean);

  if (normal[0] == '\0')
    g_clear_pointer (&normal, g_free);
  return normal;
}

void
_polisi_policy_restore_comment (PolisiPolicy        *self,
                                const PolisiComment *source)
{
  PolisiComment *comment = g_object_new (POLISI_TYPE_COMMENT, NULL);
  guint64 number;

  comment->id = g_strdup (source->id);
  comment->clause_id = g_strdup (source->clause_id);
  comment->version = g_strdup (source->version);
  comment->lang = source->lang;
  comment->author = clean_line (source->author);
  comment->date = polisi_date_normalize_timestamp (source->date);
  comment->body = clean_markup (source->body);
  if (comment->body == NULL)
    comment->body = g_strdup ("");
  comment->response = clean_markup (source->response);
  comment->response_author = clean_line (source->response_author);
  comment->response_date = polisi_date_normalize_timestamp (source->response_date);
  if (comment->response_date != NULL && strlen (comment->response_date) > 10)
    comment->response_date[10] = '\0';
  g_ptr_array_add (self->comments, comment);
  g_list_store_append (self->comment_model, comment);

  /* ids made here are "c" and a number: the next is past every one seen */
  if (comment->id != NULL && comment->id[0] == 'c' &&
      g_ascii_string_to_unsigned (comment->id + 1, 10, 1, G_MAXUINT32 - 1, &number, NULL))
    self->next_comment = MAX (self->next_comment, (guint) number + 1);
}

/**
 * polisi_policy_add_comment:
 * @clause_id: (nullable): the clause commented on; %NULL for the policy as
 *   a whole
 * @lang: the language of the text commented on, or -1
 * @author: (nullable): who made it
 * @date: (nullable): when, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS
 * @body: the comment (clause markup)
 *
 * Adds a comment on the policy's current version.
 *
 * Returns: (transfer none): the new comment's id
 */
const char *
polisi_policy_add_comment (PolisiPolicy *self,
                           const char   *clause_id,
                           int           lang,
                           const char   *author,
                           const char   *date,
                           const char   *body)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);

  return polisi_policy_add_comment_on_version (self, clause_id, NULL, lang, author, date, body);
}

/**
 * polisi_policy_add_comment_on_version:
 * @version: (nullable): the version of the draft commented on; %NULL for
 *   the policy's current version
 *
 * As polisi_policy_add_comment(), for a comment made on a draft of another
 * version (an earlier consultation draft returned late).
 *
 * Returns: (transfer none): the new comment's id
 */
const char *
polisi_policy_add_comment_on_version (PolisiPolicy *self,
                                      const char   *clause_id,
                                      const char   *version,
                                      int           lang,
                                      const char   *author,
                                      const char   *date,
                                      const char   *body)
{
  PolisiComment comment = { 0 };
  g_autofree char *id = NULL;

  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  g_return_val_if_fail (lang >= -1 && lang < POLISI_N_LANGS, NULL);

  do
    {
      g_free (id);
      id = g_strdup_printf ("c%u", self->next_comment++);
    }
  while (find_comment (self, id) != NULL);

  comment.id = id;
  comment.clause_id = (char *) clause_id;
  comment.version = (char *) (version != NULL ? version : self->version);
  comment.lang = lang;
  comment.author = (char *) author;
  comment.date = (char *) date;
  comment.body = (char *) body;
  _polisi_policy_restore_comment (self, &comment);
  emit_changed (self, CHANGE_COMMENTS);

  return ((PolisiComment *) self->comments->pdata[self->comments->len - 1])->id;
}

/**
 * polisi_policy_set_comment_response:
 * @response: (nullable): the answer (clause markup); %NULL or "" clears it
 * @author: (nullable): who answers
 * @date: (nullable): when, YYYY-MM-DD; %NULL for today
 *
 * Returns: %FALSE when there is no comment @id, or @date is not a date
 */
gboolean
polisi_policy_set_comment_response (PolisiPolicy *self,
                                    const char   *id,
                                    const char   *response,
                                    const char   *author,
                                    const char   *date)
{
  PolisiComment *comment;
  g_autofree char *text = NULL;
  g_autofree char *who = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (POLISI_IS_POLICY (self), FALSE);

  comment = id != NULL ? find_comment (self, id) : NULL;
  if (comment == NULL)
    return FALSE;

  text = clean_markup (response);
  if (text != NULL)
    {
      GDate day;

      who = clean_line (author);
      if (date != NULL)
        {
          if (!polisi_date_parse_iso (date, &day))
            return FALSE;
          when = g_strdup (date);
        }
      else
        {
          GDate today;

          polisi_date_set_today (&today);
          when = polisi_date_to_iso (&today);
        }
    }

  if (g_strcmp0 (comment->response, text) == 0 &&
      g_strcmp0 (comment->response_author, who) == 0 &&
      g_strcmp0 (comment->response_date, when) == 0)
    return TRUE;

  _polisi_comment_set_response (comment, text, who, when);
  emit_changed (self, CHANGE_COMMENTS);
  return TRUE;
}

gboolean
polisi_policy_remove_comment (PolisiPolicy *self,
                              const char   *id)
{
  PolisiComment *comment;

  g_return_val_if_fail (POLISI_IS_POLICY (self), FALSE);

  comment = id != NULL ? find_comment (self, id) : NULL;
  if (comment == NULL)
    return FALSE;
  {
    guint position;

    if (g_list_store_find (self->comment_model, comment, &position))
      g_list_store_remove (self->comment_model, position);
  }
  g_ptr_array_remove (self->comments, comment);
  emit_changed (self, CHANGE_COMMENTS);
  return TRUE;
}

/* Proposed changes ---------------------------------------------------------- */

/**
 * polisi_policy_get_proposals:
 *
 * Returns: (transfer none): the changes reviewers proposed with track
 *   changes on (PolisiProposal), in the order they came
 */
GListModel *
polisi_policy_get_proposals (PolisiPolicy *self)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  return G_LIST_MODEL (self->proposals);
}

PolisiProposal *
polisi_policy_lookup_proposal (PolisiPolicy *self,
                               const char   *id)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);

  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->proposals)); i++)
    {
      g_autoptr(PolisiProposal) proposal = g_list_model_get_item (G_LIST_MODEL (self->proposals), i);

      if (g_strcmp0 (polisi_proposal_get_id (proposal), id) == 0)
        return proposal;
    }
  return NULL;
}

/**
 * polisi_policy_add_proposal:
 * @proposal: on a clause of the policy
 *
 * Adds @proposal, giving it an id ("p1") unless it has one no other
 * proposal has.
 *
 * Returns: (transfer none): its id
 */
const char *
polisi_policy_add_proposal (PolisiPolicy   *self,
                            PolisiProposal *proposal)
{
  g_return_val_if_fail (POLISI_IS_POLICY (self), NULL);
  g_return_val_if_fail (POLISI_IS_PROPOSAL (proposal), NULL);

  if (polisi_proposal_get_id (proposal) == NULL ||
      polisi_policy_lookup_proposal (self, polisi_proposal_get_id (proposal)) != NULL)
    {
      g_autofree char *id = NULL;

      do
        {
          g_free (id);
          id = g_strdup_printf ("p%u", self->next_proposal++);
        }
      while (polisi_policy_lookup_proposal (self, id) != NULL);
      polisi_proposal_set_id (proposal, id);
    }
  g_list_store_append (self->proposals, proposal);
  emit_changed (self, CHANGE_PROPOSALS);
  return polisi_proposal_get_id (proposal);
}

static gboolean
remove_proposal (PolisiPolicy   *self,
                 PolisiProposal *proposal)
{
  guint position;

  if (!g_list_store_find (self->proposals, proposal, &position))
    return FALSE;
  g_list_store_remove (self->proposals, position);
  emit_changed (self, CHANGE_PROPOSALS);
  return TRUE;
}

static PolisiProposal *
find_proposal (PolisiPolicy  *self,
               const char    *id,
               GError       **error)
{
  PolisiProposal *proposal = polisi_policy_lookup_proposal (self, id);

  if (proposal == NULL)
    g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                 _("There is no proposed change “%s”. List them with --comments."), id);
  return proposal;
}

/**
 * polisi_policy_accept_proposal:
 *
 * Makes the change in the clause's text, as an edit of its language (the
 * other language is then marked as needing an update), and removes the
 * proposal.
 *
 * Returns: %FALSE with @error set, and nothing changed, when there is no
 *   such proposal or its place is no longer in the clause
 */
gboolean
polisi_policy_accept_proposal (PolisiPolicy  *self,
                               const char    *id,
                               GError       **error)
{
  g_autoptr(PolisiProposal) proposal = NULL;
  PolisiClauseState *state;
  g_autofree char *text = NULL;

  g_return_val_if_fail (POLISI_IS_POLICY (self), FALSE);

  proposal = find_proposal (self, id, error);
  if (proposal == NULL)
    return FALSE;
  g_object_ref (proposal);
  state = polisi_policy_lookup_clause (self, polisi_proposal_get_clause_id (proposal));
  if (state != NULL)
    text = polisi_proposal_apply (proposal, polisi_clause_state_get_text (state, polisi_proposal_get_lang (proposal)));
  if (text == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID,
                   _("The proposed change %s cannot be made: the text around it is no longer in clause “%s” as it "
                     "was in the draft (the clause may have been edited since). Nothing was changed. Make the change "
                     "by hand, then reject the proposal."),
                   id, polisi_proposal_get_clause_id (proposal));
      return FALSE;
    }
  polisi_clause_state_set_text (state, polisi_proposal_get_lang (proposal), text);
  remove_proposal (self, proposal);
  return TRUE;
}

/**
 * polisi_policy_reject_proposal:
 *
 * Removes the proposal; the clause stays as it is.
 */
gboolean
polisi_policy_reject_proposal (PolisiPolicy  *self,
                               const char    *id,
                               GError       **error)
{
  PolisiProposal *proposal;

  g_return_val_if_fail (POLISI_IS_POLICY (self), FALSE);

  proposal = find_proposal (self, id, error);
  if (proposal == NULL)
    return FALSE;
  return remove_proposal (self, proposal);
}

static gboolean
proposals_equal (GListModel *a,
                 GListModel *b)
{
  if (g_list_model_get_n_items (a) != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(PolisiProposal) x = g_list_model_get_item (a, i);
      g_autoptr(PolisiProposal) y = g_list_model_get_item (b, i);

      if (!polisi_proposal_equal (x, y) || g_strcmp0 (polisi_proposal_get_id (x), polisi_proposal_get_id (y)) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
answers_equal (GHashTable *a,
               GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Answer *answer_a = value;
      Answer *answer_b = g_hash_table_lookup (b, key);

      if (answer_b == NULL)
        return FALSE;
      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        if (g_strcmp0 (answer_a->value[lang], answer_b->value[lang]) != 0)
          return FALSE;
    }

  return TRUE;
}

/**
 * polisi_policy_equal:
 *
 * Whether @a and @b hold the same policy: everything the file stores but
 * the time of the last save.
 */
gboolean
polisi_policy_equal (PolisiPolicy *a,
                     PolisiPolicy *b)
{
  g_return_val_if_fail (POLISI_IS_POLICY (a), FALSE);
  g_return_val_if_fail (POLISI_IS_POLICY (b), FALSE);

  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    if (g_strcmp0 (a->name[lang], b->name[lang]) != 0)
      return FALSE;

  if (a->organisation_type != b->organisation_type ||
      a->language_category != b->language_category ||
      a->status != b->status ||
      a->review_cycle != b->review_cycle ||
      g_strcmp0 (a->version, b->version) != 0 ||
      g_strcmp0 (a->created, b->created) != 0 ||
      g_strcmp0 (a->adoption_date, b->adoption_date) != 0 ||
      g_strcmp0 (a->approved_by, b->approved_by) != 0 ||
      g_strcmp0 (a->closing_date, b->closing_date) != 0 ||
      g_strcmp0 (a->pending_summary[POLISI_LANG_CY], b->pending_summary[POLISI_LANG_CY]) != 0 ||
      g_strcmp0 (a->pending_summary[POLISI_LANG_EN], b->pending_summary[POLISI_LANG_EN]) != 0 ||
      g_strcmp0 (a->review_date, b->review_date) != 0 ||
      g_strcmp0 (a->library_id, b->library_id) != 0 ||
      g_strcmp0 (a->library_version, b->library_version) != 0)
    return FALSE;

  if (!answers_equal (a->answers, b->answers))
    return FALSE;

  if (a->clauses->len != b->clauses->len)
    return FALSE;
  for (guint i = 0; i < a->clauses->len; i++)
    if (!polisi_clause_state_equal (a->clauses->pdata[i], b->clauses->pdata[i]))
      return FALSE;

  if (polisi_policy_get_n_versions (a) != polisi_policy_get_n_versions (b))
    return FALSE;
  for (guint i = 0; i < polisi_policy_get_n_versions (a); i++)
    {
      const PolisiVersionRecord *ra = polisi_policy_get_version_record (a, i);
      const PolisiVersionRecord *rb = polisi_policy_get_version_record (b, i);
      PolisiPolicy *text_a = _polisi_version_get_text (version_at (a, i));
      PolisiPolicy *text_b = _polisi_version_get_text (version_at (b, i));

      if ((text_a == NULL) != (text_b == NULL) ||
          (text_a != NULL && !polisi_policy_equal (text_a, text_b)))
        return FALSE;

      if (g_strcmp0 (ra->version, rb->version) != 0 ||
          g_strcmp0 (ra->date, rb->date) != 0 ||
          g_strcmp0 (ra->approved_by, rb->approved_by) != 0 ||
          g_strcmp0 (ra->summary[0], rb->summary[0]) != 0 ||
          g_strcmp0 (ra->summary[1], rb->summary[1]) != 0)
        return FALSE;
    }

  if (polisi_policy_get_n_review_triggers (a) != polisi_policy_get_n_review_triggers (b))
    return FALSE;
  for (guint i = 0; i < polisi_policy_get_n_review_triggers (a); i++)
    {
      const PolisiReviewTrigger *ta = polisi_policy_get_review_trigger (a, i);
      const PolisiReviewTrigger *tb = polisi_policy_get_review_trigger (b, i);

      if (ta->kind != tb->kind || g_strcmp0 (ta->date, tb->date) != 0 || g_strcmp0 (ta->note, tb->note) != 0)
        return FALSE;
    }

  if (a->comments->len != b->comments->len)
    return FALSE;
  for (guint i = 0; i < a->comments->len; i++)
    {
      PolisiComment *ca = a->comments->pdata[i];
      PolisiComment *cb = b->comments->pdata[i];

      if (g_strcmp0 (ca->id, cb->id) != 0 ||
          g_strcmp0 (ca->clause_id, cb->clause_id) != 0 ||
          g_strcmp0 (ca->version, cb->version) != 0 ||
          ca->lang != cb->lang ||
          g_strcmp0 (ca->author, cb->author) != 0 ||
          g_strcmp0 (ca->date, cb->date) != 0 ||
          g_strcmp0 (ca->body, cb->body) != 0 ||
          g_strcmp0 (ca->response, cb->response) != 0 ||
          g_strcmp0 (ca->response_author, cb->response_author) != 0 ||
          g_strcmp0 (ca->response_date, cb->response_date) != 0)
        return FALSE;
    }

  return proposals_equal (G_LIST_MODEL (a->proposals), G_LIST_MODEL (b->proposals));
}

void
polisi_placeholder_use_free (PolisiPlaceholderUse *use)
{
  if (use == NULL)
    return;
  g_free (use->id);
  g_free (use->clause_id);
  g_free (use);
}

/**
 * polisi_policy_list_placeholders_in_use:
 *
 * The placeholders the included clauses use, each once, where it is first
 * used (clause by clause, Welsh before English): what the organisation
 * page asks for and what the check wants answered. The one home of this
 * rule.
 *
 * Returns: (transfer container) (element-type PolisiPlaceholderUse): the
 *   placeholders in use
 */
GPtrArray *
polisi_policy_list_placeholders_in_use (PolisiPolicy *self)
{
  GPtrArray *uses = g_ptr_array_new_with_free_func ((GDestroyNotify) polisi_placeholder_use_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (POLISI_IS_POLICY (self), uses);

  for (guint i = 0; i < polisi_policy_get_n_clauses (self); i++)
    {
      PolisiClauseState *state = polisi_policy_get_clause (self, i);

      if (!polisi_clause_state_get_included (state))
        continue;
      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        {
          g_autoptr(GPtrArray) ids = polisi_text_get_placeholders (polisi_clause_state_get_text (state, lang));

          for (guint j = 0; j < ids->len; j++)
            {
              PolisiPlaceholderUse *use;

              if (g_hash_table_contains (seen, ids->pdata[j]))
                continue;
              use = g_new0 (PolisiPlaceholderUse, 1);
              use->id = g_strdup (ids->pdata[j]);
              use->clause_id = g_strdup (polisi_clause_state_get_id (state));
              use->lang = lang;
              g_hash_table_add (seen, use->id);
              g_ptr_array_add (uses, use);
            }
        }
    }
  return uses;
}
