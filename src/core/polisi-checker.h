/* polisi-checker.h: is the policy complete and current?
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "polisi-context.h"
#include "polisi-legislation.h"
#include "polisi-library.h"
#include "polisi-policy.h"

G_BEGIN_DECLS

typedef enum {
  POLISI_SEVERITY_ERROR,    /* must be fixed before the policy is issued */
  POLISI_SEVERITY_WARNING,  /* should be looked at */
  POLISI_SEVERITY_INFO,
} PolisiSeverity;

typedef enum {
  POLISI_FINDING_MISSING_NAME,
  POLISI_FINDING_UNFILLED_PLACEHOLDER,
  POLISI_FINDING_PENDING_DATE,
  POLISI_FINDING_UNKNOWN_PLACEHOLDER,
  POLISI_FINDING_MISSING_TEXT,
  POLISI_FINDING_STALE_TRANSLATION,
  POLISI_FINDING_OUTDATED_LEGISLATION,
  POLISI_FINDING_REQUIRED_EXCLUDED,
  POLISI_FINDING_OTHER_NATION,
  POLISI_FINDING_REVIEW_OVERDUE,
  POLISI_FINDING_REVIEW_DUE,
  POLISI_FINDING_NO_CLOSING_DATE,
  POLISI_FINDING_LIBRARY_UPDATED,
  POLISI_FINDING_NO_PENDING_SUMMARY,
  POLISI_FINDING_DIFFERENT_WORDINGS,
  POLISI_FINDING_INVALID_DATE,
} PolisiFindingKind;

typedef struct {
  PolisiSeverity     severity;
  PolisiFindingKind  kind;
  char              *clause_id;    /* nullable */
  char              *placeholder;  /* nullable */
  int                lang;         /* a PolisiLang, or -1 */
  char              *message;      /* in the interface language */
} PolisiFinding;

GPtrArray *polisi_check              (PolisiPolicy      *policy,
                                      PolisiLibrary     *library,
                                      PolisiLegislation *legislation,
                                      const GDate       *today);
GPtrArray *polisi_check_adoption     (PolisiPolicy      *policy,
                                      PolisiLibrary     *library,
                                      PolisiLegislation *legislation,
                                      const GDate       *today);
guint      polisi_check_count        (GPtrArray         *findings,
                                      PolisiSeverity     severity);

G_END_DECLS
