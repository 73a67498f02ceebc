/* polisi-types.h: the small enumerations shared by the whole core
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Welsh comes first, everywhere: in arrays, in files, in output. */
typedef enum {
  POLISI_LANG_CY = 0,
  POLISI_LANG_EN = 1,
} PolisiLang;

#define POLISI_N_LANGS 2
#define POLISI_LANG_OTHER(lang) ((lang) == POLISI_LANG_CY ? POLISI_LANG_EN : POLISI_LANG_CY)

typedef enum {
  POLISI_STATUS_DRAFT,
  POLISI_STATUS_CONSULTATION,
  POLISI_STATUS_ADOPTED,
} PolisiStatus;

typedef enum {
  POLISI_NATION_WALES,
  POLISI_NATION_ENGLAND,
} PolisiNation;

/* The statutory school language categories of the Welsh Language and
 * Education (Wales) Act 2025, and English-medium settings outside Wales. */
typedef enum {
  POLISI_LANGUAGE_CATEGORY_WELSH,                /* primarily Welsh language */
  POLISI_LANGUAGE_CATEGORY_DUAL,                 /* dual language */
  POLISI_LANGUAGE_CATEGORY_ENGLISH_PARTLY_WELSH, /* primarily English, partly Welsh */
  POLISI_LANGUAGE_CATEGORY_ENGLISH,              /* English medium */
} PolisiLanguageCategory;

typedef enum {
  POLISI_ORGANISATION_NURSERY,
  POLISI_ORGANISATION_PRIMARY,
  POLISI_ORGANISATION_SECONDARY,
  POLISI_ORGANISATION_ALL_AGE,
  POLISI_ORGANISATION_SPECIAL,
  POLISI_ORGANISATION_PUPIL_REFERRAL_UNIT,
  POLISI_ORGANISATION_COLLEGE,
  POLISI_ORGANISATION_TRUST,
  POLISI_ORGANISATION_LOCAL_AUTHORITY,
  POLISI_ORGANISATION_OTHER,
} PolisiOrganisationType;

typedef enum {
  POLISI_CLAUSE_REQUIRED,
  POLISI_CLAUSE_RECOMMENDED,
  POLISI_CLAUSE_OPTIONAL,
} PolisiClauseDefault;

/* The output layouts of reference/bilingual.md. */
typedef enum {
  POLISI_LAYOUT_CY,
  POLISI_LAYOUT_EN,
  POLISI_LAYOUT_COLUMNS,
  POLISI_LAYOUT_SEQUENTIAL,
  POLISI_LAYOUT_SEPARATE,
} PolisiLayout;

/* What makes a policy due for review before its cycle ends. */
typedef enum {
  POLISI_TRIGGER_LEGISLATION,   /* new or amended legislation */
  POLISI_TRIGGER_GUIDANCE,      /* new statutory or official guidance */
  POLISI_TRIGGER_CASE_LAW,      /* a court or tribunal decision */
  POLISI_TRIGGER_INCIDENT,      /* a significant incident */
} PolisiTriggerKind;

GType polisi_lang_get_type (void) G_GNUC_CONST;
GType polisi_status_get_type (void) G_GNUC_CONST;
GType polisi_nation_get_type (void) G_GNUC_CONST;
GType polisi_language_category_get_type (void) G_GNUC_CONST;
GType polisi_organisation_type_get_type (void) G_GNUC_CONST;
GType polisi_clause_default_get_type (void) G_GNUC_CONST;
GType polisi_layout_get_type (void) G_GNUC_CONST;
GType polisi_trigger_kind_get_type (void) G_GNUC_CONST;

#define POLISI_TYPE_LANG                  (polisi_lang_get_type ())
#define POLISI_TYPE_STATUS                (polisi_status_get_type ())
#define POLISI_TYPE_NATION                (polisi_nation_get_type ())
#define POLISI_TYPE_LANGUAGE_CATEGORY     (polisi_language_category_get_type ())
#define POLISI_TYPE_ORGANISATION_TYPE     (polisi_organisation_type_get_type ())
#define POLISI_TYPE_CLAUSE_DEFAULT        (polisi_clause_default_get_type ())
#define POLISI_TYPE_LAYOUT                (polisi_layout_get_type ())
#define POLISI_TYPE_TRIGGER_KIND          (polisi_trigger_kind_get_type ())

/* The names used in files and on the command line ("cy", "draft",
 * "primarily-welsh" ...). They are the GEnum nicks. */
const char *polisi_enum_to_string   (GType        enum_type,
                                     int          value);
gboolean    polisi_enum_from_string (GType        enum_type,
                                     const char  *string,
                                     int         *value);
char       *polisi_enum_list_nicks  (GType        enum_type,
                                     const char  *separator);

const char *polisi_lang_to_code       (PolisiLang lang);
const char *polisi_lang_to_tag        (PolisiLang lang);  /* "cy-GB" */
const char *polisi_lang_to_country    (PolisiLang lang);  /* "GB" */
gboolean    polisi_lang_from_code     (const char *code,
                                       PolisiLang *lang);

/* Human-readable names in the user's interface language. */
const char *polisi_status_get_label            (PolisiStatus status);
const char *polisi_status_get_name             (PolisiStatus status,
                                                PolisiLang   lang);
const char *polisi_language_category_get_label (PolisiLanguageCategory category);
const char *polisi_organisation_type_get_label (PolisiOrganisationType type);
const char *polisi_layout_get_label            (PolisiLayout layout);
const char *polisi_trigger_kind_get_label      (PolisiTriggerKind kind);

PolisiLayout polisi_language_category_get_default_layout (PolisiLanguageCategory category);

G_END_DECLS
