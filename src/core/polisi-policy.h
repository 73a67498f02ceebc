/* polisi-policy.h: the user's policy
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "polisi-clause-state.h"
#include "polisi-comment.h"
#include "polisi-library.h"
#include "polisi-proposal.h"
#include "polisi-trigger.h"
#include "polisi-types.h"
#include "polisi-version.h"

G_BEGIN_DECLS

/* A consultation comment on the policy, and the answer to it: PolisiComment,
 * in polisi-comment.h. */

#define POLISI_DEFAULT_REVIEW_CYCLE 12

/* The most clauses of its own a policy holds (the file reader refuses
 * more). */
#define POLISI_MAX_OWN_CLAUSES 1000

/* The details of PolisiPolicy::changed, what each change is to (see the
 * signal's documentation): connect to "changed::" POLISI_POLICY_CHANGED_CLAUSES
 * for one of them, to "changed" for every change. */
#define POLISI_POLICY_CHANGED_ORGANISATION "organisation"
#define POLISI_POLICY_CHANGED_STATUS       "status"
#define POLISI_POLICY_CHANGED_SUMMARY      "summary"
#define POLISI_POLICY_CHANGED_ANSWERS      "answers"
#define POLISI_POLICY_CHANGED_CLAUSES      "clauses"
#define POLISI_POLICY_CHANGED_CLAUSE_TEXT  "clause-text"
#define POLISI_POLICY_CHANGED_VERSIONS     "versions"
#define POLISI_POLICY_CHANGED_TRIGGERS     "triggers"
#define POLISI_POLICY_CHANGED_COMMENTS     "comments"
#define POLISI_POLICY_CHANGED_PROPOSALS    "proposals"

#define POLISI_TYPE_POLICY (polisi_policy_get_type ())

G_DECLARE_FINAL_TYPE (PolisiPolicy, polisi_policy, POLISI, POLICY, GObject)

PolisiPolicy           *polisi_policy_new                    (void);
PolisiPolicy           *polisi_policy_new_from_library       (PolisiLibrary          *library,
                                                              PolisiLanguageCategory  category);

const char             *polisi_policy_get_uid                (PolisiPolicy           *self);
const char             *polisi_policy_get_name               (PolisiPolicy           *self,
                                                              PolisiLang              lang);
void                    polisi_policy_set_name               (PolisiPolicy           *self,
                                                              PolisiLang              lang,
                                                              const char             *name);
PolisiOrganisationType  polisi_policy_get_organisation_type  (PolisiPolicy           *self);
void                    polisi_policy_set_organisation_type  (PolisiPolicy           *self,
                                                              PolisiOrganisationType  type);
PolisiLanguageCategory  polisi_policy_get_language_category  (PolisiPolicy           *self);
void                    polisi_policy_set_language_category  (PolisiPolicy           *self,
                                                              PolisiLanguageCategory  category);
PolisiNation            polisi_policy_get_nation             (PolisiPolicy           *self);
PolisiStatus            polisi_policy_get_status             (PolisiPolicy           *self);
void                    polisi_policy_set_status             (PolisiPolicy           *self,
                                                              PolisiStatus            status);
const char             *polisi_policy_get_pending_summary    (PolisiPolicy           *self,
                                                              PolisiLang              lang);
void                    polisi_policy_set_pending_summary    (PolisiPolicy           *self,
                                                              PolisiLang              lang,
                                                              const char             *summary);
gboolean                polisi_policy_open_draft             (PolisiPolicy           *self,
                                                              PolisiStatus            status);
gboolean                polisi_policy_close_draft            (PolisiPolicy           *self);
const char             *polisi_policy_get_version            (PolisiPolicy           *self);
void                    polisi_policy_set_version            (PolisiPolicy           *self,
                                                              const char             *version);
gboolean                polisi_policy_set_draft_version      (PolisiPolicy           *self,
                                                              const char             *version,
                                                              GError                **error);
const char             *polisi_policy_get_created            (PolisiPolicy           *self);
void                    polisi_policy_set_created            (PolisiPolicy           *self,
                                                              const char             *date);
const char             *polisi_policy_get_modified           (PolisiPolicy           *self);
void                    polisi_policy_set_modified           (PolisiPolicy           *self,
                                                              const char             *date_time);
const char             *polisi_policy_get_adoption_date      (PolisiPolicy           *self);
void                    polisi_policy_set_adoption_date      (PolisiPolicy           *self,
                                                              const char             *date);
const char             *polisi_policy_get_approved_by        (PolisiPolicy           *self);
void                    polisi_policy_set_approved_by        (PolisiPolicy           *self,
                                                              const char             *approved_by);
const char             *polisi_policy_get_closing_date       (PolisiPolicy           *self);
void                    polisi_policy_set_closing_date       (PolisiPolicy           *self,
                                                              const char             *date);
guint                   polisi_policy_get_review_cycle       (PolisiPolicy           *self);
void                    polisi_policy_set_review_cycle       (PolisiPolicy           *self,
                                                              guint                   months);
const char             *polisi_policy_get_review_date_override (PolisiPolicy         *self);
void                    polisi_policy_set_review_date_override (PolisiPolicy         *self,
                                                                const char           *date);
gboolean                polisi_policy_get_review_date        (PolisiPolicy           *self,
                                                              GDate                  *date);
gboolean                polisi_policy_get_review_due         (PolisiPolicy           *self,
                                                              GDate                  *date,
                                                              const PolisiReviewTrigger **trigger);
const char             *polisi_policy_get_library_id         (PolisiPolicy           *self);
const char             *polisi_policy_get_library_version    (PolisiPolicy           *self);
void                    polisi_policy_set_library            (PolisiPolicy           *self,
                                                              const char             *id,
                                                              const char             *version);

const char             *polisi_policy_get_answer             (PolisiPolicy           *self,
                                                              const char             *key,
                                                              PolisiLang              lang);
void                    polisi_policy_set_answer             (PolisiPolicy           *self,
                                                              const char             *key,
                                                              const char             *value);
void                    polisi_policy_set_answer_lang        (PolisiPolicy           *self,
                                                              const char             *key,
                                                              PolisiLang              lang,
                                                              const char             *value);
GPtrArray              *polisi_policy_list_answers           (PolisiPolicy           *self);

guint                   polisi_policy_get_n_clauses          (PolisiPolicy           *self);
PolisiClauseState      *polisi_policy_get_clause             (PolisiPolicy           *self,
                                                              guint                   index);
PolisiClauseState      *polisi_policy_lookup_clause          (PolisiPolicy           *self,
                                                              const char             *id);
void                    polisi_policy_add_clause             (PolisiPolicy           *self,
                                                              PolisiClauseState      *state);
void                    polisi_policy_insert_clause          (PolisiPolicy           *self,
                                                              guint                   index,
                                                              PolisiClauseState      *state);
PolisiClauseState      *polisi_policy_add_own_clause         (PolisiPolicy           *self,
                                                              PolisiLibrary          *library,
                                                              const char             *section_id,
                                                              const char             *after_id,
                                                              const char             *title_cy,
                                                              const char             *title_en,
                                                              const char             *text_cy,
                                                              const char             *text_en,
                                                              GError                **error);
gboolean                polisi_policy_remove_own_clause      (PolisiPolicy           *self,
                                                              const char             *id,
                                                              GError                **error);
gboolean                polisi_policy_rename_clause          (PolisiPolicy           *self,
                                                              PolisiLibrary          *library,
                                                              const char             *id,
                                                              PolisiLang              lang,
                                                              const char             *title,
                                                              GError                **error);
const char             *polisi_policy_get_clause_title       (PolisiPolicy           *self,
                                                              PolisiLibrary          *library,
                                                              const char             *id,
                                                              PolisiLang              lang);
const char             *polisi_policy_get_clause_section     (PolisiPolicy           *self,
                                                              PolisiLibrary          *library,
                                                              const char             *id);
const char             *polisi_policy_get_last_clause_of_section (PolisiPolicy       *self,
                                                              PolisiLibrary          *library,
                                                              const char             *section_id);
guint                   polisi_policy_count_own_clauses      (PolisiPolicy           *self);
gboolean                polisi_policy_choose_alternative     (PolisiPolicy           *self,
                                                              PolisiLibrary          *library,
                                                              const char             *clause_id,
                                                              const char             *alternative_id);
guint                   polisi_policy_apply_nation           (PolisiPolicy           *self,
                                                              PolisiLibrary          *library);

guint                   polisi_policy_get_n_versions         (PolisiPolicy           *self);
const PolisiVersionRecord *polisi_policy_get_version_record  (PolisiPolicy           *self,
                                                              guint                   index);
void                    polisi_policy_add_version_record     (PolisiPolicy           *self,
                                                              const char             *version,
                                                              const char             *date,
                                                              const char             *approved_by,
                                                              const char             *summary_cy,
                                                              const char             *summary_en);

GListModel             *polisi_policy_get_versions           (PolisiPolicy           *self);
PolisiVersion          *polisi_policy_lookup_version         (PolisiPolicy           *self,
                                                              const char             *number);
PolisiPolicy           *polisi_policy_dup_version_text       (PolisiPolicy           *self,
                                                              const char             *number,
                                                              GError                **error);
gboolean                polisi_policy_get_content_changed    (PolisiPolicy           *self);
gboolean                polisi_policy_get_draft_by_change    (PolisiPolicy           *self);
gboolean                polisi_policy_content_equal          (PolisiPolicy           *a,
                                                              PolisiPolicy           *b);

const char             *polisi_policy_get_last_adopted_version (PolisiPolicy         *self);
const PolisiVersionRecord *polisi_policy_get_last_adoption   (PolisiPolicy           *self);
char                   *polisi_policy_suggest_version        (PolisiPolicy           *self,
                                                              gboolean                major);
gboolean                polisi_policy_can_adopt              (PolisiPolicy           *self,
                                                              const char             *version,
                                                              const char             *date,
                                                              const char             *approved_by,
                                                              const char             *summary_cy,
                                                              const char             *summary_en,
                                                              GError                **error);
gboolean                polisi_policy_adopt                  (PolisiPolicy           *self,
                                                              const char             *version,
                                                              const char             *date,
                                                              const char             *approved_by,
                                                              const char             *summary_cy,
                                                              const char             *summary_en,
                                                              GError                **error);

GListModel             *polisi_policy_get_review_triggers    (PolisiPolicy           *self);
guint                   polisi_policy_get_n_review_triggers  (PolisiPolicy           *self);
const PolisiReviewTrigger *polisi_policy_get_review_trigger  (PolisiPolicy           *self,
                                                              guint                   index);
gboolean                polisi_policy_add_review_trigger     (PolisiPolicy           *self,
                                                              PolisiTriggerKind       kind,
                                                              const char             *date,
                                                              const char             *note,
                                                              GError                **error);
void                    polisi_policy_remove_review_trigger  (PolisiPolicy           *self,
                                                              guint                   index);
const PolisiReviewTrigger *polisi_policy_get_pending_trigger (PolisiPolicy           *self);

guint                   polisi_policy_get_n_comments         (PolisiPolicy           *self);
GListModel             *polisi_policy_get_comments           (PolisiPolicy           *self);
const PolisiComment    *polisi_policy_get_comment            (PolisiPolicy           *self,
                                                              guint                   index);
const PolisiComment    *polisi_policy_lookup_comment         (PolisiPolicy           *self,
                                                              const char             *id);
GPtrArray              *polisi_policy_list_comments          (PolisiPolicy           *self,
                                                              const char             *version,
                                                              const char             *clause_id);
const char             *polisi_policy_add_comment            (PolisiPolicy           *self,
                                                              const char             *clause_id,
                                                              int                     lang,
                                                              const char             *author,
                                                              const char             *date,
                                                              const char             *body);
const char             *polisi_policy_add_comment_on_version (PolisiPolicy           *self,
                                                              const char             *clause_id,
                                                              const char             *version,
                                                              int                     lang,
                                                              const char             *author,
                                                              const char             *date,
                                                              const char             *body);
GListModel             *polisi_policy_get_proposals          (PolisiPolicy           *self);
PolisiProposal         *polisi_policy_lookup_proposal        (PolisiPolicy           *self,
                                                              const char             *id);
const char             *polisi_policy_add_proposal           (PolisiPolicy           *self,
                                                              PolisiProposal         *proposal);
gboolean                polisi_policy_accept_proposal        (PolisiPolicy           *self,
                                                              const char             *id,
                                                              GError                **error);
gboolean                polisi_policy_reject_proposal        (PolisiPolicy           *self,
                                                              const char             *id,
                                                              GError                **error);
gboolean                polisi_policy_set_comment_response   (PolisiPolicy           *self,
                                                              const char             *id,
                                                              const char             *response,
                                                              const char             *author,
                                                              const char             *date);
gboolean                polisi_policy_remove_comment         (PolisiPolicy           *self,
                                                              const char             *id);

gboolean                polisi_policy_equal                  (PolisiPolicy           *a,
                                                              PolisiPolicy           *b);

/* For the file reader: restores what was saved, as it was. */
void                    _polisi_policy_restore_uid           (PolisiPolicy           *self,
                                                              const char             *uid);
void                    _polisi_policy_begin_restore         (PolisiPolicy           *self);
void                    _polisi_policy_end_restore           (PolisiPolicy           *self);
void                    _polisi_policy_restore_draft_by_change (PolisiPolicy         *self,
                                                                gboolean              by_change);
PolisiClauseState      *_polisi_clause_state_copy            (PolisiClauseState      *state);
PolisiPolicy           *_polisi_policy_copy_text             (PolisiPolicy           *self);
void                    _polisi_policy_restore_version       (PolisiPolicy           *self,
                                                              PolisiVersion          *version);
void                    _polisi_policy_restore_trigger       (PolisiPolicy           *self,
                                                              PolisiTriggerKind       kind,
                                                              const char             *date,
                                                              const char             *note);
void                    _polisi_policy_restore_comment       (PolisiPolicy           *self,
                                                              const PolisiComment    *comment);

/* A placeholder the included clauses use, where it is first used. */
typedef struct {
  char       *id;
  char       *clause_id;
  PolisiLang  lang;
} PolisiPlaceholderUse;

void                    polisi_placeholder_use_free          (PolisiPlaceholderUse   *use);
GPtrArray              *polisi_policy_list_placeholders_in_use (PolisiPolicy         *self);

G_END_DECLS
