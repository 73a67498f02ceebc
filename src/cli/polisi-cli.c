/* polisi-cli.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line works with no display: the application hands its
 * options here from handle-local-options, before GTK starts. It is also
 * how a trust or a local authority makes one policy per school from a
 * spreadsheet:
 *
 *   polisi --new --organisation="Ysgol y Berllan" --output=berllan.polisi
 *   polisi --set head_teacher="Mrs Siân Hughes" --set status=consultation berllan.polisi
 *   polisi --check berllan.polisi
 *
 * Messages go to stderr, reports to stdout, and the exit status says what
 * happened (polisi-cli.h).
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-assembler.h"
#include "polisi-checker.h"
#include "polisi-cli.h"
#include "polisi-context.h"
#include "polisi-dates.h"
#include "polisi-error.h"
#include "polisi-export.h"
#include "polisi-policy-io.h"
#include "polisi-text.h"

static const GOptionEntry option_entries[] = {
  { "new", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Make a new policy with the recommended clauses (needs --output)"), NULL },
  { "organisation", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The organisation’s name, with --new"), N_("NAME") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The file to write"), N_("PATH") },
  { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Change an answer or property and save (repeatable; --set help lists the keys)"), N_("KEY=VALUE") },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Report what is missing or out of date; exit status 1 when something must be fixed"), NULL },
  { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export the policy as odt or pdf"), N_("FORMAT") },
  { "layout", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: cy, en, columns, sequential or separate (default: from the language category)"), N_("LAYOUT") },
  { "english-first", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export: put English before Welsh (the Welsh Language Standards expect Welsh first)"), NULL },
  { "final", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export: no draft watermark"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE.polisi]") },
  { NULL }
};

const GOptionEntry *
polisi_cli_get_option_entries (void)
{
  return option_entries;
}

/* Whether the options ask for command-line work rather than the window. */
gboolean
polisi_cli_wants_handling (GVariantDict *options)
{
  static const char *commands[] = { "new", "set", "check", "export", NULL };

  for (guint i = 0; commands[i] != NULL; i++)
    if (g_variant_dict_contains (options, commands[i]))
      return TRUE;
  return FALSE;
}

static void
print_error (const char *message)
{
  /* Translators: the prefix of an error message on the command line */
  g_printerr ("%s %s\n", _("polisi: error:"), message);
}

static int
report_error (GError *error)
{
  print_error (error->message);
  return g_error_matches (error, POLISI_ERROR, POLISI_ERROR_UNKNOWN_KEY) ||
         g_error_matches (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE) ? POLISI_EXIT_USAGE : POLISI_EXIT_BAD_FILE;
}

/* --set ------------------------------------------------------------------ */

typedef enum {
  KEY_ORGANISATION,
  KEY_NAME_CY,
  KEY_NAME_EN,
  KEY_TYPE,
  KEY_LANGUAGE_CATEGORY,
  KEY_STATUS,
  KEY_VERSION,
  KEY_CLOSING_DATE,
  KEY_ADOPTION_DATE,
  KEY_APPROVED_BY,
  KEY_REVIEW_CYCLE,
  KEY_REVIEW_DATE,
  KEY_INCLUDE,
  KEY_EXCLUDE,
  N_KEYS
} PropertyKey;

typedef struct {
  const char *name;
  const char *description;
} KeyInfo;

static const KeyInfo property_keys[N_KEYS] = {
  [KEY_ORGANISATION] = { "organisation", N_("The organisation’s name, in both languages") },
  [KEY_NAME_CY] = { "name-cy", N_("The organisation’s name in Welsh") },
  [KEY_NAME_EN] = { "name-en", N_("The organisation’s name in English") },
  [KEY_TYPE] = { "type", N_("The kind of organisation") },
  [KEY_LANGUAGE_CATEGORY] = { "language-category", N_("The school’s language category (outside Wales: english)") },
  [KEY_STATUS] = { "status", N_("draft or consultation (adopting a policy records a version)") },
  [KEY_VERSION] = { "version", N_("The version number, such as 1.2") },
  [KEY_CLOSING_DATE] = { "closing-date", N_("The closing date for consultation comments, YYYY-MM-DD") },
  [KEY_ADOPTION_DATE] = { "adoption-date", N_("The date the policy was adopted, YYYY-MM-DD") },
  [KEY_APPROVED_BY] = { "approved-by", N_("Who approved the policy") },
  [KEY_REVIEW_CYCLE] = { "review-cycle", N_("Months between reviews (12 for yearly)") },
  [KEY_REVIEW_DATE] = { "review-date", N_("A review date that overrides the cycle, YYYY-MM-DD; empty to clear") },
  [KEY_INCLUDE] = { "include", N_("Include a clause, by its id") },
  [KEY_EXCLUDE] = { "exclude", N_("Leave out a clause, by its id") },
};

static void
print_set_help (PolisiLibrary *library)
{
  PolisiLang lang = polisi_interface_lang ();
  g_autofree char *types = polisi_enum_list_nicks (POLISI_TYPE_ORGANISATION_TYPE, ", ");
  g_autofree char *categories = polisi_enum_list_nicks (POLISI_TYPE_LANGUAGE_CATEGORY, ", ");

  g_print ("%s\n\n", _("Keys for --set KEY=VALUE:"));
  for (guint i = 0; i < N_KEYS; i++)
    {
      g_print ("  %-26s %s\n", property_keys[i].name, _(property_keys[i].description));
      if (i == KEY_TYPE)
        g_print ("  %-26s %s\n", "", types);
      else if (i == KEY_LANGUAGE_CATEGORY)
        g_print ("  %-26s %s\n", "", categories);
    }

  g_print ("\n%s\n\n", _("Answers to the questions of the clause library:"));
  for (guint i = 0; i < polisi_library_get_n_placeholders (library); i++)
    {
      PolisiPlaceholder *placeholder = polisi_library_get_placeholder (library, i);
      const char *id = polisi_placeholder_get_id (placeholder);

      if (polisi_placeholder_get_derived (placeholder) != POLISI_DERIVED_NONE)
        continue;
      g_print ("  %-26s %s\n", id, polisi_placeholder_get_label (placeholder, lang));
      if (polisi_placeholder_is_bilingual (placeholder))
        {
          g_autofree char *cy = g_strdup_printf ("%s.cy, .en", id);
          g_print ("  %-26s %s\n", cy, _("the same, in one language only"));
        }
    }

  g_print ("\n%s\n", _("Example: polisi --set head_teacher=\"Mrs Siân Hughes\" --set status=consultation --set closing-date=2027-03-31 policy.polisi"));
}

static gboolean
parse_enum (GType        type,
            const char  *key,
            const char  *value,
            int         *result,
            GError     **error)
{
  g_autofree char *nicks = NULL;

  if (polisi_enum_from_string (type, value, result))
    return TRUE;

  nicks = polisi_enum_list_nicks (type, ", ");
  g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
               _("“%s” is not a valid value for %s. Use one of: %s."), value, key, nicks);
  return FALSE;
}

static gboolean
parse_date (const char  *key,
            const char  *value,
            GError     **error)
{
  GDate date;

  if (polisi_date_parse_iso (value, &date))
    return TRUE;

  g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
               _("“%s” is not a valid date for %s. Write it as YYYY-MM-DD, for example 2027-03-31."), value, key);
  return FALSE;
}

static gboolean
is_version_number (const char *value)
{
  const char *dot = strchr (value, '.');

  if (dot == NULL || dot == value || dot[1] == '\0')
    return FALSE;
  for (const char *p = value; *p != '\0'; p++)
    if (p != dot && !g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* Placeholder keys may be written with - or _ ("head-teacher"). */
static char *
normalise_key (const char *key)
{
  char *copy = g_strdup (key);

  for (char *p = copy; *p != '\0'; p++)
    if (*p == '-')
      *p = '_';
  return copy;
}

static gboolean
apply_placeholder (PolisiPolicy   *policy,
                   PolisiLibrary  *library,
                   const char     *key,
                   const char     *value,
                   GError        **error)
{
  g_autofree char *normal = normalise_key (key);
  const char *dot = strrchr (normal, '.');
  g_autofree char *id = NULL;
  PolisiPlaceholder *placeholder;
  PolisiLang lang;
  gboolean one_lang = FALSE;

  if (dot != NULL && polisi_lang_from_code (dot + 1, &lang))
    {
      id = g_strndup (normal, dot - normal);
      one_lang = TRUE;
    }
  else
    id = g_strdup (normal);

  placeholder = polisi_library_lookup_placeholder (library, id);
  if (placeholder == NULL || polisi_placeholder_get_derived (placeholder) != POLISI_DERIVED_NONE)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_UNKNOWN_KEY,
                   _("“%s” is not a key Polisi knows. Run “polisi --set help” to list the keys."), key);
      return FALSE;
    }

  if (polisi_placeholder_get_kind (placeholder) == POLISI_PLACEHOLDER_DATE && value[0] != '\0' &&
      !parse_date (key, value, error))
    return FALSE;
  if (polisi_placeholder_get_kind (placeholder) == POLISI_PLACEHOLDER_EMAIL && value[0] != '\0' &&
      (strchr (value, '@') == NULL || strchr (value, ' ') != NULL))
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("“%s” is not an e-mail address (for %s)."), value, key);
      return FALSE;
    }

  if (one_lang)
    polisi_policy_set_answer_lang (policy, id, lang, value);
  else
    polisi_policy_set_answer (policy, id, value);
  return TRUE;
}

static gboolean
apply_setting (PolisiPolicy   *policy,
               PolisiLibrary  *library,
               const char     *setting,
               GError        **error)
{
  const char *equals = strchr (setting, '=');
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  int number;

  if (equals == NULL || equals == setting)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("“%s” is not of the form KEY=VALUE. Run “polisi --set help” to list the keys."), setting);
      return FALSE;
    }

  key = g_strstrip (g_strndup (setting, equals - setting));
  value = polisi_text_sanitize (equals + 1);
  g_strstrip (value);

  for (guint i = 0; i < N_KEYS; i++)
    {
      if (strcmp (key, property_keys[i].name) != 0)
        continue;

      switch ((PropertyKey) i)
        {
        case KEY_ORGANISATION:
          polisi_policy_set_name (policy, POLISI_LANG_CY, value);
          polisi_policy_set_name (policy, POLISI_LANG_EN, value);
          return TRUE;
        case KEY_NAME_CY:
          polisi_policy_set_name (policy, POLISI_LANG_CY, value);
          return TRUE;
        case KEY_NAME_EN:
          polisi_policy_set_name (policy, POLISI_LANG_EN, value);
          return TRUE;
        case KEY_TYPE:
          if (!parse_enum (POLISI_TYPE_ORGANISATION_TYPE, key, value, &number, error))
            return FALSE;
          polisi_policy_set_organisation_type (policy, number);
          return TRUE;
        case KEY_LANGUAGE_CATEGORY:
          if (!parse_enum (POLISI_TYPE_LANGUAGE_CATEGORY, key, value, &number, error))
            return FALSE;
          polisi_policy_set_language_category (policy, number);
          polisi_policy_apply_nation (policy, library);
          return TRUE;
        case KEY_STATUS:
          if (!parse_enum (POLISI_TYPE_STATUS, key, value, &number, error))
            return FALSE;
          if (number == POLISI_STATUS_ADOPTED)
            {
              g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                           _("A policy is adopted by recording a new version, with who approved it and a summary of changes. "
                             "Use --adopt with --approved-by and --summary-en (and --summary-cy)."));
              return FALSE;
            }
          polisi_policy_set_status (policy, number);
          return TRUE;
        case KEY_VERSION:
          if (!is_version_number (value))
            {
              g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                           _("“%s” is not a version number. Write it as two numbers with a dot, such as 1.0 or 2.1."), value);
              return FALSE;
            }
          polisi_policy_set_version (policy, value);
          return TRUE;
        case KEY_CLOSING_DATE:
          if (value[0] != '\0' && !parse_date (key, value, error))
            return FALSE;
          polisi_policy_set_closing_date (policy, value);
          return TRUE;
        case KEY_ADOPTION_DATE:
          if (value[0] != '\0' && !parse_date (key, value, error))
            return FALSE;
          polisi_policy_set_adoption_date (policy, value);
          return TRUE;
        case KEY_APPROVED_BY:
          polisi_policy_set_approved_by (policy, value);
          return TRUE;
        case KEY_REVIEW_CYCLE:
          {
            guint64 months;

            if (!g_ascii_string_to_unsigned (value, 10, 1, 120, &months, NULL))
              {
                g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                             _("“%s” is not a review cycle. Give the number of months between reviews, from 1 to 120 (12 for yearly)."),
                             value);
                return FALSE;
              }
            polisi_policy_set_review_cycle (policy, (guint) months);
            return TRUE;
          }
        case KEY_REVIEW_DATE:
          if (value[0] != '\0' && !parse_date (key, value, error))
            return FALSE;
          polisi_policy_set_review_date_override (policy, value);
          return TRUE;
        case KEY_INCLUDE:
        case KEY_EXCLUDE:
          {
            PolisiClauseState *state = polisi_policy_lookup_clause (policy, value);
            PolisiClause *clause = polisi_library_lookup_clause (library, value);

            if (state == NULL)
              {
                g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                             _("The policy has no clause called “%s”."), value);
                return FALSE;
              }
            if (i == KEY_EXCLUDE && clause != NULL && polisi_clause_get_default (clause) == POLISI_CLAUSE_REQUIRED)
              {
                g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                             _("The clause “%s” is required and cannot be left out: %s"), value,
                             polisi_clause_get_reason (clause, polisi_interface_lang ()));
                return FALSE;
              }
            polisi_clause_state_set_included (state, i == KEY_INCLUDE);
            return TRUE;
          }
        case N_KEYS:
        default:
          g_assert_not_reached ();
        }
    }

  return apply_placeholder (policy, library, key, value, error);
}

static gboolean
apply_settings (PolisiPolicy        *policy,
                PolisiLibrary       *library,
                const char * const  *settings,
                GError             **error)
{
  for (guint i = 0; settings != NULL && settings[i] != NULL; i++)
    if (!apply_setting (policy, library, settings[i], error))
      return FALSE;
  return TRUE;
}

/* --check ---------------------------------------------------------------- */

static int
run_check (PolisiContext *context,
           PolisiPolicy  *policy,
           const char    *name)
{
  PolisiLang lang = polisi_interface_lang ();
  g_autoptr(GPtrArray) findings = NULL;
  const char *organisation;
  GDate today;
  guint errors, warnings, notes;

  polisi_date_set_today (&today);
  findings = polisi_check (policy, polisi_context_get_library (context),
                           polisi_context_get_legislation (context), &today);

  organisation = polisi_policy_get_name (policy, lang);
  if (organisation == NULL)
    organisation = polisi_policy_get_name (policy, POLISI_LANG_OTHER (lang));
  /* Translators: "FILE: ORGANISATION, version 1.0 (Draft)" */
  g_print (_("%s: %s, version %s (%s)\n"), name, organisation != NULL ? organisation : "—",
           polisi_policy_get_version (policy), polisi_status_get_label (polisi_policy_get_status (policy)));

  for (guint i = 0; i < findings->len; i++)
    {
      PolisiFinding *finding = findings->pdata[i];
      const char *label;

      switch (finding->severity)
        {
        case POLISI_SEVERITY_ERROR:
          /* Translators: the label of a checker finding that must be fixed */
          label = _("Must fix:");
          break;
        case POLISI_SEVERITY_WARNING:
          /* Translators: the label of a checker finding that should be looked at */
          label = _("Check:");
          break;
        case POLISI_SEVERITY_INFO:
        default:
          /* Translators: the label of a checker finding for information */
          label = _("Note:");
          break;
        }
      g_print ("  %s %s\n", label, finding->message);
    }

  errors = polisi_check_count (findings, POLISI_SEVERITY_ERROR);
  warnings = polisi_check_count (findings, POLISI_SEVERITY_WARNING);
  notes = polisi_check_count (findings, POLISI_SEVERITY_INFO);

  if (findings->len == 0)
    g_print ("%s\n", _("Nothing to fix: the policy is complete."));
  else
    {
      g_autofree char *e = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to fix", "%u to fix", errors), errors);
      g_autofree char *w = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to check", "%u to check", warnings), warnings);
      g_autofree char *n = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", notes), notes);

      /* Translators: "Summary: 2 to fix, 1 to check, 3 notes." */
      g_print (_("Summary: %s, %s, %s.\n"), e, w, n);
    }

  return errors > 0 ? POLISI_EXIT_MUST_FIX : POLISI_EXIT_OK;
}

/* --export --------------------------------------------------------------- */

static const char *
lookup_filename (GVariantDict *options,
                 const char   *name);

/* PATH with "-cy" or "-en" before its extension. */
static char *
path_with_language (const char *path,
                    PolisiLang  lang)
{
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, G_DIR_SEPARATOR);

  if (dot == NULL || (slash != NULL && dot < slash))
    return g_strdup_printf ("%s-%s", path, polisi_lang_to_code (lang));
  return g_strdup_printf ("%.*s-%s%s", (int) (dot - path), path, polisi_lang_to_code (lang), dot);
}

/* Without --output, the export goes beside the policy: school.polisi
 * becomes school.pdf. */
static char *
default_output (const char   *policy_path,
                PolisiFormat  format)
{
  const char *extension = format == POLISI_FORMAT_ODT ? ".odt" : ".pdf";
  g_autofree char *base = g_str_has_suffix (policy_path, POLISI_POLICY_SUFFIX) ?
                          g_strndup (policy_path, strlen (policy_path) - strlen (POLISI_POLICY_SUFFIX)) :
                          g_strdup (policy_path);

  return g_strconcat (base, extension, NULL);
}

static int
run_export (PolisiContext *context,
            PolisiPolicy  *policy,
            GVariantDict  *options,
            const char    *policy_path)
{
  const char *format_name = NULL;
  const char *layout_name = NULL;
  const char *output = lookup_filename (options, "output");
  g_autoptr(PolisiDocument) document = NULL;
  g_autofree char *target = NULL;
  PolisiExportOptions export_options;
  PolisiFormat format;
  int layout;

  g_variant_dict_lookup (options, "export", "&s", &format_name);
  if (g_strcmp0 (format_name, "odt") == 0)
    format = POLISI_FORMAT_ODT;
  else if (g_strcmp0 (format_name, "pdf") == 0)
    format = POLISI_FORMAT_PDF;
  else
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a format Polisi exports. Use --export=odt or --export=pdf."),
                                                  format_name != NULL ? format_name : "");
      print_error (message);
      return POLISI_EXIT_USAGE;
    }

  if (g_variant_dict_lookup (options, "layout", "&s", &layout_name))
    {
      if (!polisi_enum_from_string (POLISI_TYPE_LAYOUT, layout_name, &layout))
        {
          g_autofree char *nicks = polisi_enum_list_nicks (POLISI_TYPE_LAYOUT, ", ");
          g_autofree char *message = g_strdup_printf (_("“%s” is not a layout. Use one of: %s."), layout_name, nicks);
          print_error (message);
          return POLISI_EXIT_USAGE;
        }
    }
  else
    layout = polisi_language_category_get_default_layout (polisi_policy_get_language_category (policy));

  document = polisi_assemble (policy, polisi_context_get_library (context),
                              g_variant_dict_contains (options, "final") ? POLISI_ASSEMBLE_FINAL : POLISI_ASSEMBLE_DEFAULT);
  target = output != NULL ? g_strdup (output) : default_output (policy_path, format);

  if (layout == POLISI_LAYOUT_SEPARATE)
    {
      g_autofree char *path_cy = path_with_language (target, POLISI_LANG_CY);
      g_autofree char *path_en = path_with_language (target, POLISI_LANG_EN);
      const char *paths[POLISI_N_LANGS] = { path_cy, path_en };

      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[lang]);
          g_autofree char *other = g_path_get_basename (paths[POLISI_LANG_OTHER (lang)]);
          g_autoptr(GError) error = NULL;

          polisi_export_options_init (&export_options, lang == POLISI_LANG_CY ? POLISI_LAYOUT_CY : POLISI_LAYOUT_EN);
          export_options.other_file = other;
          if (!polisi_export_to_file (document, format, &export_options, file, &error))
            {
              /* Both files or neither. */
              if (lang > 0)
                {
                  g_autoptr(GFile) first = g_file_new_for_commandline_arg (paths[0]);
                  g_file_delete (first, NULL, NULL);
                }
              return report_error (error);
            }
        }
      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        g_print (_("Exported %s\n"), paths[lang]);
      return POLISI_EXIT_OK;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (target);
    g_autoptr(GError) error = NULL;

    polisi_export_options_init (&export_options, layout);
    export_options.english_first = g_variant_dict_contains (options, "english-first");
    if (!polisi_export_to_file (document, format, &export_options, file, &error))
      return report_error (error);
    g_print (_("Exported %s\n"), target);
  }

  return POLISI_EXIT_OK;
}

/* ------------------------------------------------------------------------ */

static const char *
lookup_filename (GVariantDict *options,
                 const char   *name)
{
  const char *value = NULL;

  if (!g_variant_dict_lookup (options, name, "^&ay", &value))
    return NULL;
  return value;
}

static int
run_new (PolisiContext       *context,
         GVariantDict        *options,
         const char * const  *settings)
{
  g_autoptr(PolisiPolicy) policy = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *output = lookup_filename (options, "output");
  const char *organisation = NULL;

  if (output == NULL)
    {
      print_error (_("--new needs --output=FILE.polisi, the file to create."));
      return POLISI_EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (output);
  name = g_file_get_parse_name (file);
  if (g_file_query_exists (file, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” already exists. Choose another name, or move the file away first; "
                                                    "Polisi does not overwrite a policy with a new one."), name);
      print_error (message);
      return POLISI_EXIT_USAGE;
    }

  policy = polisi_policy_new_from_library (polisi_context_get_library (context), POLISI_LANGUAGE_CATEGORY_DUAL);
  if (g_variant_dict_lookup (options, "organisation", "&s", &organisation))
    {
      polisi_policy_set_name (policy, POLISI_LANG_CY, organisation);
      polisi_policy_set_name (policy, POLISI_LANG_EN, organisation);
    }

  if (!apply_settings (policy, polisi_context_get_library (context), settings, &error) ||
      !polisi_policy_save (policy, file, &error))
    return report_error (error);

  g_print (_("Created %s\n"), name);
  return POLISI_EXIT_OK;
}

int
polisi_cli_run (GVariantDict *options)
{
  g_autoptr(PolisiContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree const char **files = NULL;
  g_autofree const char **settings = NULL;
  g_autoptr(PolisiPolicy) policy = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  gboolean set_help = FALSE;
  int status = POLISI_EXIT_OK;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  g_variant_dict_lookup (options, "set", "^a&s", &settings);
  for (guint i = 0; settings != NULL && settings[i] != NULL; i++)
    if (strcmp (settings[i], "help") == 0)
      set_help = TRUE;

  context = polisi_context_new_builtin (&error);
  if (context == NULL)
    return report_error (error);

  if (set_help)
    {
      print_set_help (polisi_context_get_library (context));
      return POLISI_EXIT_OK;
    }

  if (g_variant_dict_contains (options, "new"))
    return run_new (context, options, settings);

  if (files == NULL || files[0] == NULL)
    {
      print_error (_("Name the policy file to work on, for example: polisi --check policy.polisi"));
      return POLISI_EXIT_USAGE;
    }
  if (files[1] != NULL)
    {
      print_error (_("Give one policy file at a time."));
      return POLISI_EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (files[0]);
  name = g_file_get_parse_name (file);
  policy = polisi_policy_load (file, &error);
  if (policy == NULL)
    return report_error (error);

  if (settings != NULL)
    {
      /* All or nothing: one bad value and the file is not touched. */
      if (!apply_settings (policy, polisi_context_get_library (context), settings, &error) ||
          !polisi_policy_save (policy, file, &error))
        return report_error (error);
      g_print (_("Saved %s\n"), name);
    }

  if (g_variant_dict_contains (options, "check"))
    status = run_check (context, policy, name);

  if (g_variant_dict_contains (options, "export"))
    {
      int export_status = run_export (context, policy, options, files[0]);

      if (export_status != POLISI_EXIT_OK)
        return export_status;
    }

  return status;
}
