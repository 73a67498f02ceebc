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
 * and how HR does the annual review without the window:
 *
 *   polisi --review berllan.polisi                      what changed: model clauses, legislation
 *   polisi --accept-updates=all --fix-legislation berllan.polisi
 *   polisi --set review-trigger=legislation:2026-10-01:"Online Safety Act" berllan.polisi
 *   polisi --compare=1.0 --export=pdf berllan.polisi           from the versions the file keeps
 *   polisi --compare=berllan-1.0.polisi --export=pdf berllan.polisi
 *   polisi --compare=berllan-1.0.polisi --export=odt --tracked-changes berllan.polisi
 *   polisi --import-comments=returned.odt berllan.polisi
 *   polisi --adopt --approved-by="The governing body" --summary-en=... --summary-cy=... berllan.polisi
 *
 * Every change to the file is made in memory and saved once, atomically,
 * at the end: one bad value, one unreadable returned draft, and the file
 * is not touched. Messages go to stderr, reports to stdout, and the exit
 * status says what happened (polisi-cli.h).
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-assembler.h"
#include "polisi-checker.h"
#include "polisi-heap.h"
#include "polisi-cli.h"
#include "polisi-returned-draft.h"
#include "polisi-cli-private.h"
#include "polisi-compare.h"
#include "polisi-context.h"
#include "polisi-dates.h"
#include "polisi-diff.h"
#include "polisi-error.h"
#include "polisi-export.h"
#include "polisi-policy-io.h"
#include "polisi-library-update.h"
#include "polisi-session.h"
#include "polisi-settable.h"
#include "polisi-text.h"
#include "polisi-version-number.h"

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
    N_("Export the policy as odt, pdf, docx or html"), N_("FORMAT") },
  { "layout", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: cy, en, columns, sequential or separate (default: from the language category)"), N_("LAYOUT") },
  { "english-first", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export: put English before Welsh (the Welsh Language Standards expect Welsh first)"), NULL },
  { "final", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export: no draft watermark"), NULL },
  { "review", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List what the annual review has to decide: updates of the model clauses, out-of-date legislation, "
       "the review date and its triggers"), NULL },
  { "accept-updates", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Take updates of the model clauses listed by --review: all, or clause ids separated by commas"), N_("all|ID,…") },
  { "decline-updates", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Keep the policy’s text instead (they are not offered again): all, or clause ids separated by commas"), N_("all|ID,…") },
  { "fix-legislation", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Replace every out-of-date name of an Act or of guidance by its current name"), NULL },
  { "mark-translated", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Say that the Welsh (ID.cy) or English (ID.en) text of these clauses has been brought up to date with the "
       "other language (a refused --adopt names them so); separated by commas"), N_("ID.cy|ID.en,…") },
  { "adopt", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Record the adoption of a new version (needs --approved-by and --summary-en, and --summary-cy in Wales)"), NULL },
  { "approved-by", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --adopt: who approved it, such as the governing body"), N_("NAME") },
  { "summary-cy", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --adopt: the summary of changes in Welsh (one line each; lines that start with “- ” are a list)"), N_("TEXT") },
  { "summary-en", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --adopt: the summary of changes in English"), N_("TEXT") },
  { "adopt-version", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --adopt: the version number (default: this draft’s number when it is higher than the last adopted, "
       "else the next one; 1.0 the first time)"), N_("X.Y") },
  { "date", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --adopt: the date of adoption (default: today)"), N_("YYYY-MM-DD") },
  { "compare", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --export: compare FILE.polisi with a version it keeps (such as 1.0) or with an older copy of it, "
       "and write the summary of changes (default FILE-changes.odt, .pdf or .docx); with --tracked-changes, write the "
       "new version with every difference as a tracked change instead (ODT or DOCX, default FILE-tracked.odt or .docx)"),
    N_("VERSION|OLD.polisi") },
  { "compare-to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --compare: the later adopted version to compare with (default: the policy as it stands)"), N_("VERSION") },
  { "tracked-changes", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --compare and --export=odt or --export=docx: the new version with tracked changes, to accept or reject"), NULL },
  { "author", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Your name, for tracked changes (default: Polisi) and for responses to comments"), N_("NAME") },
  { "import-comments", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Read the comments and the comments table of a returned consultation draft (ODT or DOCX) and attach each "
       "to its clause"), N_("RETURNED.odt") },
  { "earlier-version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-comments: import a draft of an earlier version of this policy, its comments marked with that version"), NULL },
  { "accept-proposal", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Make a change a reviewer proposed with track changes on, by its id (repeatable; the other language is then "
       "marked as needing an update)"), N_("ID") },
  { "reject-proposal", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Turn down a change a reviewer proposed, by its id (repeatable)"), N_("ID") },
  { "comments", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the consultation comments on this version, with their ids and responses, and the proposed changes"), NULL },
  { "respond", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Answer a comment, by its id (repeatable; empty text clears the response)"), N_("ID=TEXT") },
  { "clauses", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the policy’s clauses section by section: number, id, title, whether included, and the school’s own"), NULL },
  { "add-clause", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Add a clause of your own to a section, by the section’s id as --clauses lists it (with --title-cy, "
       "--title-en, --text-cy, --text-en and --after)"), N_("SECTION") },
  { "after", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --add-clause: the clause of the section it follows, by its id (default: the last; empty: first in the section)"), N_("ID") },
  { "rename-clause", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Give a clause a title of your own (with --title-cy and --title-en; an empty title gives a model clause back "
       "its own)"), N_("ID") },
  { "title-cy", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --add-clause or --rename-clause: the clause’s title in Welsh"), N_("TITLE") },
  { "title-en", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --add-clause or --rename-clause: the clause’s title in English"), N_("TITLE") },
  { "text-cy", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --add-clause: the clause’s text in Welsh (one paragraph a line; lines that start with “- ” are a list)"),
    N_("TEXT") },
  { "text-en", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --add-clause: the clause’s text in English"), N_("TEXT") },
  { "remove-clause", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Remove a clause of your own, by its id (repeatable; model clauses are left out with --set exclude=ID)"), N_("ID") },
  { "library", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the clause library in FILE (an organisation’s own model) instead of the built-in one"), N_("FILE.xml") },
  { "batch", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Make one policy per row of a CSV file (a header row of --set keys and a “file” column); "
       "with --export=pdf,odt, export each too"), N_("SCHOOLS.csv") },
  { "output-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --batch: the folder for the files (default: the CSV file’s folder)"), N_("DIR") },
  { "overwrite", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --batch: replace files that already exist"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE.polisi]") },
  { NULL }
};

const GOptionEntry *
polisi_cli_get_option_entries (void)
{
  return option_entries;
}

/**
 * polisi_cli_add_options:
 *
 * Gives @application the command line's options, --version and the
 * summary --help prints: the program reads its options with them before
 * it knows whether the window is wanted, and the window's application
 * reads them again.
 */
void
polisi_cli_add_options (GApplication *application)
{
  static const GOptionEntry version_entry[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version of Polisi"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (application, option_entries);
  g_application_add_main_option_entries (application, version_entry);
  g_application_set_option_context_summary (application,
                                            _("Write, check and export a staff social media policy in Welsh and English."));
}

/* Whether the options ask for command-line work rather than the window:
 * any option of the command line at all. One that only means something
 * beside another (--approved-by without --adopt) is then reported as such,
 * instead of opening the window and dropping it. */
gboolean
polisi_cli_wants_handling (GVariantDict *options)
{
  for (guint i = 0; option_entries[i].long_name != NULL; i++)
    {
      if (g_str_equal (option_entries[i].long_name, G_OPTION_REMAINING))
        continue;
      if (g_variant_dict_contains (options, option_entries[i].long_name))
        return TRUE;
    }
  return FALSE;
}

/* @text as it can be shown on a terminal: control characters (escape
 * sequences among them) and bytes that are not UTF-8 as visible \xNN, so
 * that a value echoed back can neither move the cursor nor recolour the
 * screen. Line ends stay. */
static char *
printable (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f)))
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

static void
print_error (const char *message)
{
  g_autofree char *shown = printable (message);

  /* Translators: the prefix of an error message on the command line */
  g_printerr ("%s %s\n", _("polisi: error:"), shown);
}

void
polisi_cli_print_error (const char *message)
{
  print_error (message);
}

/**
 * polisi_cli_check_arguments:
 *
 * Called from main() after setlocale() and before the options are parsed.
 * A script run from cron has LC_ALL=C, whose character set is ASCII: the
 * UTF-8 it passes ("Ysgol Gymraeg Bro Dâr") is read as UTF-8 all the same.
 * A value of a text option that is not valid text is refused here, as a
 * wrong value (exit status 3), before the option parser would fail with
 * the status --check uses for "something must be fixed".
 *
 * Returns: -1 to go on, or the exit status
 */
int
polisi_cli_check_arguments (int    argc,
                            char **argv)
{
  const char *charset = NULL;

  if (!g_get_charset (&charset) &&
      (g_str_equal (charset, "ANSI_X3.4-1968") || g_str_equal (charset, "ASCII") ||
       g_str_equal (charset, "US-ASCII")))
    {
      /* in the environment too: GTK calls setlocale() again before the
       * options are parsed */
      g_setenv (g_getenv ("LC_ALL") != NULL && *g_getenv ("LC_ALL") != '\0' ? "LC_ALL" : "LC_CTYPE", "C.UTF-8", TRUE);
      setlocale (LC_CTYPE, "C.UTF-8");
    }

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *equals;
      const char *value = NULL;
      g_autofree char *name = NULL;

      if (g_str_equal (arg, "--"))
        break;
      if (!g_str_has_prefix (arg, "--"))
        continue;
      equals = strchr (arg, '=');
      name = equals != NULL ? g_strndup (arg + 2, equals - arg - 2) : g_strdup (arg + 2);
      for (guint e = 0; option_entries[e].long_name != NULL; e++)
        {
          const GOptionEntry *entry = &option_entries[e];

          if (!g_str_equal (entry->long_name, name) ||
              (entry->arg != G_OPTION_ARG_STRING && entry->arg != G_OPTION_ARG_STRING_ARRAY))
            continue;
          value = equals != NULL ? equals + 1 : (i + 1 < argc ? argv[i + 1] : NULL);
          break;
        }
      if (value != NULL && !g_utf8_validate (value, -1, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("The value of --%s is not valid text (UTF-8). Check the "
                                                        "characters it holds; a script may need LC_ALL=C.UTF-8."),
                                                      name);
          print_error (message);
          return POLISI_EXIT_USAGE;
        }
    }
  return -1;
}

static int
report_error (GError *error)
{
  print_error (error->message);
  return g_error_matches (error, POLISI_ERROR, POLISI_ERROR_UNKNOWN_KEY) ||
         g_error_matches (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE) ? POLISI_EXIT_USAGE : POLISI_EXIT_BAD_FILE;
}

/* --set ------------------------------------------------------------------ */

/* The keys and their rules are core's (polisi-settable), shared with the
 * window's organisation step. */
static void
print_set_help (PolisiContext *context)
{
  PolisiLibrary *library = polisi_context_get_library (context);
  PolisiLang lang = polisi_context_get_interface_language (context);
  g_autoptr(GPtrArray) settables = polisi_settable_list (library);
  g_autofree char *kinds = polisi_enum_list_nicks (POLISI_TYPE_TRIGGER_KIND, ", ");
  /* Translators: the kinds of review trigger, then an example */
  g_autofree char *triggers = g_strdup_printf (_("KIND is one of %s; for example legislation:2026-10-01:Online Safety Act 2023"), kinds);
  gboolean answers = FALSE;

  g_print ("%s\n\n", _("Keys for --set KEY=VALUE:"));
  for (guint i = 0; i < settables->len; i++)
    {
      const PolisiSettable *settable = settables->pdata[i];

      if (settable->kind == POLISI_SETTABLE_ANSWER)
        {
          if (!answers)
            g_print ("\n%s\n\n", _("Answers to the questions of the clause library:"));
          answers = TRUE;
          if (settable->lang < 0)
            g_print ("  %-26s %s\n", settable->key, polisi_placeholder_get_label (settable->placeholder, lang));
          else if (settable->lang == POLISI_LANG_CY)
            {
              g_autofree char *cy = g_strdup_printf ("%s.cy, .en", polisi_placeholder_get_id (settable->placeholder));
              g_print ("  %-26s %s\n", cy, _("the same, in one language only"));
            }
          continue;
        }
      g_print ("  %-26s %s\n", settable->key, _(settable->description));
      if (settable->choices != G_TYPE_INVALID && settable->choices != POLISI_TYPE_STATUS)
        {
          g_autofree char *nicks = polisi_enum_list_nicks (settable->choices, ", ");
          g_print ("  %-26s %s\n", "", nicks);
        }
      else if (settable->kind == POLISI_SETTABLE_TRIGGER)
        g_print ("  %-26s %s\n", "", triggers);
    }

  g_print ("\n%s\n", _("Example: polisi --set head_teacher=\"Mrs Siân Hughes\" --set status=consultation --set closing-date=2027-03-31 policy.polisi"));
}

static gboolean
apply_setting (PolisiPolicy   *policy,
               PolisiLibrary  *library,
               const char     *setting,
               GError        **error)
{
  const char *equals = strchr (setting, '=');
  g_autoptr(GPtrArray) settables = NULL;
  const PolisiSettable *settable;
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  gboolean adopted;

  if (equals == NULL || equals == setting)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("“%s” is not of the form KEY=VALUE. Run “polisi --set help” to list the keys."), setting);
      return FALSE;
    }

  key = g_strstrip (g_strndup (setting, equals - setting));
  value = polisi_text_sanitize (equals + 1);
  g_strstrip (value);

  settables = polisi_settable_list (library);
  settable = polisi_settable_lookup (settables, key);
  if (settable == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_UNKNOWN_KEY,
                   _("“%s” is not a key Polisi knows. Run “polisi --set help” to list the keys."), key);
      return FALSE;
    }

  adopted = polisi_policy_get_status (policy) == POLISI_STATUS_ADOPTED;
  if (!polisi_settable_apply (settable, policy, library, value, error))
    return FALSE;
  if (adopted && g_str_equal (settable->key, "status") && polisi_policy_get_status (policy) != POLISI_STATUS_ADOPTED)
    g_print (_("Version %s of the policy stays as adopted; the file is now the draft of version %s.\n"),
             polisi_policy_get_last_adopted_version (policy), polisi_policy_get_version (policy));
  return TRUE;
}

/**
 * polisi_cli_apply_setting:
 * @setting: KEY=VALUE, as --set takes it
 *
 * Changes @policy as one --set would; the batch calls it for each cell.
 */
gboolean
polisi_cli_apply_setting (PolisiPolicy   *policy,
                          PolisiLibrary  *library,
                          const char     *setting,
                          GError        **error)
{
  return apply_setting (policy, library, setting, error);
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
  PolisiLang lang = polisi_context_get_interface_language (context);
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

/* Without --output, the export goes beside the policy: school.polisi
 * becomes school.pdf. */
static char *
default_output (const char   *policy_path,
                PolisiFormat  format)
{
  return polisi_format_replace_extension (policy_path, POLISI_POLICY_SUFFIX, NULL, format);
}

static gboolean
parse_format (GVariantDict *options,
              PolisiFormat *format)
{
  const char *format_name = NULL;

  g_variant_dict_lookup (options, "export", "&s", &format_name);
  if (!polisi_format_from_name (format_name, format))
    {
      g_autofree char *names = polisi_format_list_names (", ");
      /* Translators: the second %s lists the formats: "odt, pdf, docx" */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a format Polisi exports. Use --export= with one of: %s."),
                                                  format_name != NULL ? format_name : "", names);
      print_error (message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_layout (GVariantDict *options,
              PolisiPolicy *policy,
              int          *layout)
{
  const char *layout_name = NULL;

  if (g_variant_dict_lookup (options, "layout", "&s", &layout_name))
    {
      if (!polisi_enum_from_string (POLISI_TYPE_LAYOUT, layout_name, layout))
        {
          g_autofree char *nicks = polisi_enum_list_nicks (POLISI_TYPE_LAYOUT, ", ");
          g_autofree char *message = g_strdup_printf (_("“%s” is not a layout. Use one of: %s."), layout_name, nicks);
          print_error (message);
          return FALSE;
        }
    }
  else
    *layout = polisi_language_category_get_default_layout (polisi_policy_get_language_category (policy));
  return TRUE;
}

/* Writes @document to @target in @layout: "separate" is two files, each
 * naming the other, both or neither. */
static int
write_document (PolisiDocument      *document,
                PolisiFormat         format,
                int                  layout,
                const char          *target,
                GVariantDict        *options,
                gboolean             tracked)
{
  PolisiExportOptions export_options;
  const char *author = NULL;

  g_variant_dict_lookup (options, "author", "&s", &author);

  layout = polisi_format_get_layout (format, layout);
  if (layout == POLISI_LAYOUT_SEPARATE)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (target);
      g_autoptr(GError) error = NULL;

      polisi_export_options_init (&export_options, POLISI_LAYOUT_CY);
      export_options.english_first = g_variant_dict_contains (options, "english-first");
      export_options.tracked_changes = tracked;
      export_options.change_author = author;
      if (!polisi_export_to_separate_files (document, format, &export_options, file, NULL, &error))
        return report_error (error);
      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        {
          g_autofree char *path = polisi_export_path_with_language (target, lang);
          g_print (_("Exported %s\n"), path);
        }
      return POLISI_EXIT_OK;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (target);
    g_autoptr(GError) error = NULL;

    polisi_export_options_init (&export_options, layout);
    export_options.english_first = g_variant_dict_contains (options, "english-first");
    export_options.tracked_changes = tracked;
    export_options.change_author = author;
    if (!polisi_export_to_file (document, format, &export_options, file, &error))
      return report_error (error);
    g_print (_("Exported %s\n"), target);
  }

  return POLISI_EXIT_OK;
}

static int
run_export (PolisiContext *context,
            PolisiPolicy  *policy,
            GVariantDict  *options,
            const char    *policy_path)
{
  const char *output = lookup_filename (options, "output");
  g_autoptr(PolisiDocument) document = NULL;
  g_autofree char *target = NULL;
  PolisiFormat format;
  int layout;

  if (!parse_format (options, &format) || !parse_layout (options, policy, &layout))
    return POLISI_EXIT_USAGE;

  document = polisi_assemble (policy, polisi_context_get_library (context),
                              g_variant_dict_contains (options, "final") ? POLISI_ASSEMBLE_FINAL : POLISI_ASSEMBLE_DEFAULT);
  target = output != NULL ? g_strdup (output) : default_output (policy_path, format);
  return write_document (document, format, layout, target, options, FALSE);
}

/* FILE.polisi becomes FILE-changes.pdf, FILE-tracked.odt ... */
static char *
default_compare_output (const char   *policy_path,
                        PolisiFormat  format,
                        gboolean      tracked)
{
  return polisi_format_replace_extension (policy_path, POLISI_POLICY_SUFFIX,
                                          tracked ? "-tracked" : "-changes", format);
}

/* --compare=OLD --export=FORMAT [--tracked-changes] NEW */
static int
run_compare (PolisiContext *context,
             PolisiPolicy  *policy,
             GVariantDict  *options,
             const char    *policy_path)
{
  const char *old_path = lookup_filename (options, "compare");
  const char *output = lookup_filename (options, "output");
  gboolean tracked = g_variant_dict_contains (options, "tracked-changes");
  PolisiAssembleFlags flags = g_variant_dict_contains (options, "final") ? POLISI_ASSEMBLE_FINAL : POLISI_ASSEMBLE_DEFAULT;
  g_autoptr(GFile) old_file = NULL;
  g_autoptr(PolisiPolicy) old_policy = NULL;
  g_autoptr(PolisiPolicy) new_policy = NULL;
  const char *new_version = NULL;
  g_autoptr(PolisiDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  PolisiFormat format;
  int layout;

  if (!g_variant_dict_contains (options, "export"))
    {
      print_error (_("--compare needs --export=odt, --export=pdf or --export=docx: the format of the summary of changes."));
      return POLISI_EXIT_USAGE;
    }
  if (!parse_format (options, &format) || !parse_layout (options, policy, &layout))
    return POLISI_EXIT_USAGE;
  if (tracked && !polisi_format_is_editable (format))
    {
      print_error (_("Tracked changes can only be written to ODT or DOCX: use --export=odt or --export=docx with --tracked-changes."));
      return POLISI_EXIT_USAGE;
    }
  g_variant_dict_lookup (options, "compare-to", "&s", &new_version);

  /* "1.0" is a version the file keeps; anything else is a file (write
   * ./1.0 for a file of that name) */
  if (polisi_version_number_parse (old_path, NULL, NULL))
    old_policy = polisi_policy_dup_version_text (policy, old_path, &error);
  else
    {
      old_file = g_file_new_for_commandline_arg (old_path);
      old_policy = polisi_policy_load (old_file, &error);
    }
  if (old_policy == NULL)
    return report_error (error);

  if (new_version != NULL)
    {
      new_policy = polisi_policy_dup_version_text (policy, new_version, &error);
      if (new_policy == NULL)
        return report_error (error);
      policy = new_policy;
    }

  if (tracked)
    document = polisi_compare_tracked (old_policy, policy, polisi_context_get_library (context), flags);
  else
    document = polisi_compare_summary (old_policy, policy, polisi_context_get_library (context), flags);

  target = output != NULL ? g_strdup (output) : default_compare_output (policy_path, format, tracked);
  return write_document (document, format, layout, target, options, tracked);
}

/* --review ---------------------------------------------------------------- */

static const char *
update_kind_label (PolisiUpdateKind kind)
{
  switch (kind)
    {
    case POLISI_UPDATE_CHANGED:
      /* Translators: a model clause the library has changed */
      return C_("update", "changed");
    case POLISI_UPDATE_NEW:
      /* Translators: a model clause new in the library */
      return C_("update", "new");
    case POLISI_UPDATE_WITHDRAWN:
    default:
      /* Translators: a model clause the library no longer has */
      return C_("update", "withdrawn");
    }
}

/* The clause's title in the library; a withdrawn clause has none there,
 * so its first words in the policy. */
static char *
update_title (const PolisiLibraryUpdate *update,
              PolisiLang                 lang)
{
  const char *text;
  g_autofree char *plain = NULL;

  if (update->title[lang] != NULL)
    return g_strdup (update->title[lang]);

  text = update->old_text[lang][0] != '\0' ? update->old_text[lang] : update->old_text[POLISI_LANG_OTHER (lang)];
  plain = polisi_text_collapse_spaces (text);
  if (g_utf8_strlen (plain, -1) > 60)
    {
      g_autofree char *start = g_utf8_substring (plain, 0, 59);
      return g_strdup_printf ("“%s…”", start);
    }
  return g_strdup_printf ("“%s”", plain);
}

/* A comparison in the "git diff --word-diff" way, indented. */
static void
print_diff (GPtrArray  *diff,
            const char *label)
{
  g_autofree char *text = polisi_diff_format (diff, "[-", "-]", "{+", "+}");
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_print ("      %s %s\n", i == 0 ? label : "   ", lines[i]);
}

static int
run_review (PolisiContext *context,
            PolisiPolicy  *policy,
            const char    *name)
{
  PolisiLibrary *library = polisi_context_get_library (context);
  PolisiLang lang = polisi_context_get_interface_language (context);
  g_autoptr(GPtrArray) updates = polisi_library_update_list (policy, library);
  g_autoptr(GPtrArray) citations = polisi_library_update_list_citations (policy, polisi_context_get_legislation (context));
  const PolisiReviewTrigger *trigger = NULL;
  const char *organisation;
  GDate due;

  organisation = polisi_policy_get_name (policy, lang);
  if (organisation == NULL)
    organisation = polisi_policy_get_name (policy, POLISI_LANG_OTHER (lang));
  /* Translators: "FILE: ORGANISATION, version 1.0 (Draft)" */
  g_print (_("%s: %s, version %s (%s)\n"), name, organisation != NULL ? organisation : "—",
           polisi_policy_get_version (policy), polisi_status_get_label (polisi_policy_get_status (policy)));

  /* the review date, and why */
  if (polisi_policy_get_review_due (policy, &due, &trigger))
    {
      g_autofree char *when = polisi_date_format (&due, lang);

      if (trigger != NULL)
        /* Translators: "Review due: 15 September 2026, because of new guidance (note)": the
         * second %s is a review trigger; the last three are " (", a note, ")", or empty */
        g_print (_("Review due: %s, because of %s%s%s%s\n"), when, polisi_trigger_kind_get_label (trigger->kind),
                 trigger->note != NULL ? " (" : "", trigger->note != NULL ? trigger->note : "", trigger->note != NULL ? ")" : "");
      else
        g_print (_("Review due: %s\n"), when);
    }
  else
    g_print ("%s\n", _("Review due: not yet (the policy has not been adopted)"));

  for (guint i = 0; i < polisi_policy_get_n_review_triggers (policy); i++)
    {
      const PolisiReviewTrigger *recorded = polisi_policy_get_review_trigger (policy, i);

      if (i == 0)
        g_print ("%s\n", _("Review triggers recorded:"));
      g_print ("  %s  %s%s%s\n", recorded->date, polisi_trigger_kind_get_label (recorded->kind),
               recorded->note != NULL ? ": " : "", recorded->note != NULL ? recorded->note : "");
    }

  /* the model clauses */
  g_print ("\n");
  if (!polisi_library_update_applies (policy, library))
    g_print (_("Updates of the model clauses: none can be offered, because the policy was made from another library (“%s”).\n"),
             polisi_policy_get_library_id (policy));
  else
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Updates of the model clauses (the policy’s library %s, now %s): %u\n",
                            "Updates of the model clauses (the policy’s library %s, now %s): %u\n", updates->len),
               polisi_policy_get_library_version (policy) != NULL ? polisi_policy_get_library_version (policy) : "—",
               polisi_library_get_version (library), updates->len);
      for (guint i = 0; i < updates->len; i++)
        {
          PolisiLibraryUpdate *update = updates->pdata[i];
          g_autofree char *title = update_title (update, lang);
          const char *notes = update->notes[lang] != NULL ? update->notes[lang] : update->notes[POLISI_LANG_OTHER (lang)];

          g_print ("  [%s] %s  %s\n", update_kind_label (update->kind), update->clause_id, title);
          if (notes != NULL)
            {
              g_auto(GStrv) lines = g_strsplit (notes, "\n", -1);

              for (guint j = 0; lines[j] != NULL; j++)
                /* Translators: what the model clauses changed in a clause, and why */
                g_print ("      %s %s\n", j == 0 ? _("Why:") : "   ", lines[j]);
            }
          switch (update->kind)
            {
            case POLISI_UPDATE_CHANGED:
              /* Translators: the last %s is empty, or the sentence about edits below */
              g_print (_("      The model clause went from version %u to %u.%s\n"), update->old_version, update->new_version,
                       update->edited ? _(" The policy’s text was edited: accepting replaces the edits.") : "");
              if (polisi_diff_is_equal (update->diff[POLISI_LANG_CY]) && polisi_diff_is_equal (update->diff[POLISI_LANG_EN]))
                g_print ("      %s\n", _("The policy’s wording is unchanged: only the guidance, or another wording, changed."));
              break;
            case POLISI_UPDATE_NEW:
              g_print ("      %s\n", update->included ? _("Accepting adds it to the policy (it is recommended).")
                                                      : _("Accepting adds it, left out (it is optional); include it with --set include=ID."));
              break;
            case POLISI_UPDATE_WITHDRAWN:
            default:
              g_print ("      %s\n", _("The library no longer has it: accepting leaves it out of the policy."));
              break;
            }
          print_diff (update->diff[POLISI_LANG_CY], "cy:");
          print_diff (update->diff[POLISI_LANG_EN], "en:");
        }
    }

  /* the legislation */
  g_print ("\n");
  g_print (g_dngettext (GETTEXT_PACKAGE, "Out-of-date legislation: %u\n", "Out-of-date legislation: %u\n", citations->len),
           citations->len);
  for (guint i = 0; i < citations->len; i++)
    {
      PolisiCitationFix *fix = citations->pdata[i];

      /* Translators: "purpose.scope (cy): “Deddf Diogelu Data 1998” → “Deddf Diogelu Data 2018”" */
      g_print (_("  %s (%s): “%s” → “%s”\n"), fix->clause_id, polisi_lang_to_code (fix->lang), fix->found, fix->replacement);
      g_print ("      %s\n", fix->context);
    }

  if (updates->len > 0 || citations->len > 0)
    g_print ("\n%s\n", _("Decide with --accept-updates=all|ID,… and --decline-updates=all|ID,…; "
                          "replace the legislation with --fix-legislation."));
  return POLISI_EXIT_OK;
}

/* --comments -------------------------------------------------------------- */

static void
print_comment (PolisiPolicy        *policy,
               GHashTable          *numbers,
               const PolisiComment *comment)
{
  const char *number = comment->clause_id != NULL ? g_hash_table_lookup (numbers, comment->clause_id) : NULL;
  g_auto(GStrv) lines = g_strsplit (comment->body, "\n", -1);

  if (comment->clause_id == NULL)
    /* Translators: a comment on the policy as a whole */
    g_print ("  %s  %s", comment->id, _("(the whole policy)"));
  else
    g_print ("  %s  %s (%s)", comment->id, number != NULL ? number : "—", comment->clause_id);
  g_print ("  %s%s%s", comment->author != NULL ? comment->author : "",
           comment->author != NULL && comment->date != NULL ? ", " : "", comment->date != NULL ? comment->date : "");
  if (comment->version != NULL && g_strcmp0 (comment->version, polisi_policy_get_version (policy)) != 0)
    /* Translators: after a comment's author and date */
    g_print (_(" (made on version %s)"), comment->version);
  g_print ("\n");
  for (guint l = 0; lines[l] != NULL; l++)
    g_print ("      %s\n", lines[l]);
  if (comment->response != NULL)
    {
      g_auto(GStrv) answer = g_strsplit (comment->response, "\n", -1);

      g_print (_("      Response (%s, %s):\n"), comment->response_author != NULL ? comment->response_author : "—",
               comment->response_date != NULL ? comment->response_date : "—");
      for (guint l = 0; answer[l] != NULL; l++)
        g_print ("        %s\n", answer[l]);
    }
}

/* The changes reviewers proposed, with the text around each. */
static void
print_proposals (PolisiPolicy   *policy,
                 GHashTable     *numbers)
{
  GListModel *proposals = polisi_policy_get_proposals (policy);
  guint n = g_list_model_get_n_items (proposals);

  if (n == 0)
    return;
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u proposed change\n", "%u proposed changes\n", n), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PolisiProposal) proposal = g_list_model_get_item (proposals, i);
      const char *clause_id = polisi_proposal_get_clause_id (proposal);
      const char *number = g_hash_table_lookup (numbers, clause_id);
      const char *author = polisi_proposal_get_author (proposal);
      const char *date = polisi_proposal_get_date (proposal);

      g_print ("  %s  %s (%s, %s)  %s%s%s", polisi_proposal_get_id (proposal), number != NULL ? number : "—", clause_id,
               polisi_lang_to_code (polisi_proposal_get_lang (proposal)),
               author != NULL ? author : "", author != NULL && date != NULL ? ", " : "", date != NULL ? date : "");
      if (polisi_proposal_get_version (proposal) != NULL &&
          g_strcmp0 (polisi_proposal_get_version (proposal), polisi_policy_get_version (policy)) != 0)
        g_print (_(" (made on version %s)"), polisi_proposal_get_version (proposal));
      g_print ("\n");
      /* Translators: a proposed change: …the text before [+inserted+] the text after… */
      if (polisi_proposal_get_kind (proposal) == POLISI_PROPOSAL_INSERTION)
        g_print (_("      insert: …%s[+%s+]%s…\n"), polisi_proposal_get_before (proposal),
                 polisi_proposal_get_text (proposal), polisi_proposal_get_after (proposal));
      else
        g_print (_("      delete: …%s[-%s-]%s…\n"), polisi_proposal_get_before (proposal),
                 polisi_proposal_get_text (proposal), polisi_proposal_get_after (proposal));
    }
}

static int
run_comments (PolisiContext *context,
              PolisiPolicy  *policy)
{
  g_autoptr(GHashTable) numbers = polisi_assemble_clause_numbers (policy, polisi_context_get_library (context));
  g_autoptr(GPtrArray) comments = polisi_policy_list_comments (policy, NULL, NULL);
  g_autoptr(GPtrArray) all = polisi_policy_list_comments (policy, "", NULL);
  guint earlier = all->len - comments->len;

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u comment on version %s\n", "%u comments on version %s\n", comments->len),
           comments->len, polisi_policy_get_version (policy));
  for (guint i = 0; i < comments->len; i++)
    print_comment (policy, numbers, comments->pdata[i]);

  /* those made on drafts of other versions (imported when asked for) */
  if (earlier > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u comment on an earlier version\n", "%u comments on earlier versions\n",
                          earlier), earlier);
  for (guint i = 0; i < all->len; i++)
    if (!g_ptr_array_find (comments, all->pdata[i], NULL))
      print_comment (policy, numbers, all->pdata[i]);

  print_proposals (policy, numbers);
  return POLISI_EXIT_OK;
}

/* --clauses: every clause of the policy in its sections, as numbered. */
static int
run_clauses (PolisiContext *context,
             PolisiPolicy  *policy)
{
  PolisiLibrary *library = polisi_context_get_library (context);
  g_autoptr(GHashTable) numbers = polisi_assemble_clause_numbers (policy, library);
  PolisiLang lang = polisi_context_get_interface_language (context);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint s = 0; s <= polisi_library_get_n_sections (library); s++)
    {
      PolisiSection *section = s < polisi_library_get_n_sections (library) ? polisi_library_get_section (library, s) : NULL;
      gboolean heading = FALSE;

      for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
        {
          PolisiClauseState *state = polisi_policy_get_clause (policy, i);
          const char *id = polisi_clause_state_get_id (state);
          const char *number = g_hash_table_lookup (numbers, id);
          const char *title = polisi_policy_get_clause_title (policy, library, id, lang);
          g_autofree char *shown_title = printable (title != NULL ? title : "");
          g_autofree char *shown_id = printable (id);

          if (g_hash_table_contains (listed, id) ||
              (section != NULL &&
               g_strcmp0 (polisi_policy_get_clause_section (policy, library, id), polisi_section_get_id (section)) != 0))
            continue;
          g_hash_table_add (listed, (gpointer) id);
          if (!heading)
            {
              if (section != NULL)
                g_print ("%s (%s)\n", polisi_section_get_title (section, lang), polisi_section_get_id (section));
              else
                g_print ("%s\n", _("Clauses the clause library does not have"));
              heading = TRUE;
            }
          g_print ("  %-6s %s  %s%s%s\n", number != NULL ? number : "—", shown_id, shown_title,
                   polisi_clause_state_get_own (state) ? _(" (your own clause)") : "",
                   polisi_clause_state_get_included (state) ? "" : _(" (left out)"));
        }
    }
  return POLISI_EXIT_OK;
}

/* Changes to the policy ---------------------------------------------------- */

/* --add-clause, --rename-clause and --remove-clause: the school's own
 * clauses and its names for clauses. */
static gboolean
apply_own_clauses (PolisiContext  *context,
                   PolisiPolicy   *policy,
                   GVariantDict   *options,
                   GString        *report,
                   GError        **error)
{
  PolisiLibrary *library = polisi_context_get_library (context);
  const char *titles[POLISI_N_LANGS] = { NULL, NULL };
  const char *section_id = NULL;
  const char *rename_id = NULL;
  g_autofree const char **removed = NULL;

  g_variant_dict_lookup (options, "title-cy", "&s", &titles[POLISI_LANG_CY]);
  g_variant_dict_lookup (options, "title-en", "&s", &titles[POLISI_LANG_EN]);

  if (g_variant_dict_lookup (options, "add-clause", "&s", &section_id))
    {
      const char *texts[POLISI_N_LANGS] = { NULL, NULL };
      const char *after = NULL;
      PolisiClauseState *state;
      g_autoptr(GHashTable) numbers = NULL;

      g_variant_dict_lookup (options, "text-cy", "&s", &texts[POLISI_LANG_CY]);
      g_variant_dict_lookup (options, "text-en", "&s", &texts[POLISI_LANG_EN]);
      /* at the end of the section unless told; --after= (empty) puts it first */
      if (!g_variant_dict_lookup (options, "after", "&s", &after))
        after = polisi_policy_get_last_clause_of_section (policy, library, section_id);
      state = polisi_policy_add_own_clause (policy, library, section_id, after != NULL && after[0] != '\0' ? after : NULL,
                                            titles[POLISI_LANG_CY], titles[POLISI_LANG_EN],
                                            texts[POLISI_LANG_CY], texts[POLISI_LANG_EN], error);
      if (state == NULL)
        {
          g_prefix_error (error, "--add-clause: ");
          return FALSE;
        }
      numbers = polisi_assemble_clause_numbers (policy, library);
      g_string_append_printf (report, _("Added your own clause %s, “%s” (id %s)\n"),
                              (const char *) g_hash_table_lookup (numbers, polisi_clause_state_get_id (state)),
                              polisi_policy_get_clause_title (policy, library, polisi_clause_state_get_id (state),
                                                              polisi_context_get_interface_language (context)),
                              polisi_clause_state_get_id (state));
    }

  if (g_variant_dict_lookup (options, "rename-clause", "&s", &rename_id))
    {
      if (titles[POLISI_LANG_CY] == NULL && titles[POLISI_LANG_EN] == NULL)
        {
          g_set_error_literal (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                               _("--rename-clause needs the new title: --title-cy, --title-en or both."));
          return FALSE;
        }
      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        if (titles[lang] != NULL && !polisi_policy_rename_clause (policy, library, rename_id, lang, titles[lang], error))
          {
            g_prefix_error (error, "--rename-clause: ");
            return FALSE;
          }
      g_string_append_printf (report, _("Renamed clause %s: “%s” / “%s”\n"), rename_id,
                              polisi_policy_get_clause_title (policy, library, rename_id, POLISI_LANG_CY),
                              polisi_policy_get_clause_title (policy, library, rename_id, POLISI_LANG_EN));
    }

  if (g_variant_dict_lookup (options, "remove-clause", "^a&s", &removed))
    for (guint i = 0; removed[i] != NULL; i++)
      {
        g_autofree char *id = g_strstrip (g_strdup (removed[i]));

        if (!polisi_policy_remove_own_clause (policy, id, error))
          {
            g_prefix_error (error, "--remove-clause: ");
            return FALSE;
          }
        g_string_append_printf (report, _("Removed your own clause %s\n"), id);
      }
  return TRUE;
}

/* "all" or "a.b,c.d" as clause ids; NULL for all. */
static GStrv
parse_ids (const char *value)
{
  g_auto(GStrv) parts = NULL;
  GPtrArray *ids;

  if (g_strcmp0 (value, "all") == 0)
    return NULL;
  parts = g_strsplit (value, ",", -1);
  ids = g_ptr_array_new ();
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_ptr_array_add (ids, g_strdup (parts[i]));
    }
  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_free (ids, FALSE);
}

static gboolean
apply_updates (PolisiContext  *context,
               PolisiPolicy   *policy,
               GVariantDict   *options,
               GString        *report,
               GError        **error)
{
  const char *names[2] = { "accept-updates", "decline-updates" };

  for (guint i = 0; i < 2; i++)
    {
      const char *value = NULL;
      g_auto(GStrv) ids = NULL;
      guint count = 0;

      if (!g_variant_dict_lookup (options, names[i], "&s", &value))
        continue;
      ids = parse_ids (value);
      if (ids != NULL && ids[0] == NULL)
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                       _("--%s needs “all” or the ids of the clauses, separated by commas, as --review lists them."),
                       names[i]);
          return FALSE;
        }
      if (!polisi_library_update_decide_all (policy, polisi_context_get_library (context),
                                             (const char * const *) ids, i == 0, &count, error))
        return FALSE;
      if (i == 0)
        g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE, "Accepted %u update of the model clauses\n",
                                                     "Accepted %u updates of the model clauses\n", count), count);
      else
        g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE, "Declined %u update of the model clauses\n",
                                                     "Declined %u updates of the model clauses\n", count), count);
    }
  return TRUE;
}

/* --mark-translated=ID.cy,ID.en: a text brought up to date with the other
 * language is no longer out of date. */
static gboolean
apply_translations (PolisiPolicy  *policy,
                    GVariantDict  *options,
                    GString       *report,
                    GError       **error)
{
  const char *value = NULL;
  g_auto(GStrv) items = NULL;
  guint count = 0;

  if (!g_variant_dict_lookup (options, "mark-translated", "&s", &value))
    return TRUE;

  items = g_strsplit (value, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      const char *dot = strrchr (item, '.');
      g_autofree char *id = dot != NULL ? g_strndup (item, dot - item) : NULL;
      PolisiClauseState *state = polisi_policy_lookup_clause (policy, id);
      PolisiLang lang;

      if (item[0] == '\0')
        continue;
      if (dot == NULL || !polisi_lang_from_code (dot + 1, &lang))
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                       _("“%s” does not say which language was brought up to date. Write the clause id with .cy for "
                         "Welsh or .en for English, as a refused --adopt names them, for example scope.people.cy."),
                       item);
          return FALSE;
        }
      if (state == NULL)
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                       _("This policy has no clause “%s”. A refused --adopt and --review give the ids of the clauses."), id);
          return FALSE;
        }
      if (!polisi_clause_state_get_needs_update (state, lang))
        continue;
      polisi_clause_state_confirm_translation (state, lang);
      count++;
    }
  g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE, "Marked %u text as brought up to date\n",
                                               "Marked %u texts as brought up to date\n", count), count);
  return TRUE;
}

static gboolean
apply_responses (PolisiPolicy  *policy,
                 GVariantDict  *options,
                 GString       *report,
                 GError       **error)
{
  g_autofree const char **responses = NULL;
  const char *author = NULL;

  if (!g_variant_dict_lookup (options, "respond", "^a&s", &responses))
    return TRUE;
  g_variant_dict_lookup (options, "author", "&s", &author);
  if (!polisi_text_check_length (author, POLISI_TEXT_MAX_LINE, _("the name given with --author"), error))
    return FALSE;

  for (guint i = 0; responses[i] != NULL; i++)
    {
      const char *equals = strchr (responses[i], '=');
      g_autofree char *id = equals != NULL ? g_strstrip (g_strndup (responses[i], equals - responses[i])) : NULL;

      if (id == NULL || id[0] == '\0')
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                       _("“%s” is not of the form ID=TEXT. Run “polisi --comments FILE” to list the comments and their ids."),
                       responses[i]);
          return FALSE;
        }
      if (!polisi_text_check_length (equals + 1, POLISI_TEXT_MAX_BLOCKS, _("the response"), error))
        return FALSE;
      if (!polisi_policy_set_comment_response (policy, id, equals + 1, author, NULL))
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                       _("The policy has no comment “%s”. Run “polisi --comments FILE” to list the comments and their ids."),
                       id);
          return FALSE;
        }
      g_string_append_printf (report, _("Answered comment %s\n"), id);
    }
  return TRUE;
}

/* --accept-proposal and --reject-proposal */
static gboolean
apply_proposals (PolisiPolicy  *policy,
                 GVariantDict  *options,
                 GString       *report,
                 GError       **error)
{
  const char *names[2] = { "accept-proposal", "reject-proposal" };

  for (guint n = 0; n < 2; n++)
    {
      g_autofree const char **ids = NULL;

      if (!g_variant_dict_lookup (options, names[n], "^a&s", &ids))
        continue;
      for (guint i = 0; ids[i] != NULL; i++)
        {
          g_autofree char *id = g_strstrip (g_strdup (ids[i]));

          if (n == 0 ? !polisi_policy_accept_proposal (policy, id, error) :
                       !polisi_policy_reject_proposal (policy, id, error))
            return FALSE;
          g_string_append_printf (report, n == 0 ? _("Made the proposed change %s\n") : _("Turned down the proposed change %s\n"), id);
        }
    }
  return TRUE;
}

static void
add_warning (GString    *warnings,
             const char *message)
{
  /* Translators: the prefix of a warning on the command line */
  g_string_append_printf (warnings, "%s %s\n", _("polisi: warning:"), message);
}

static gboolean
apply_import (PolisiContext  *context,
              PolisiPolicy   *policy,
              GVariantDict   *options,
              GString        *report,
              GString        *warnings,
              GError        **error)
{
  const char *path = lookup_filename (options, "import-comments");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  PolisiReturnedImport result;
  PolisiReturnedImportFlags flags = POLISI_RETURNED_IMPORT_DEFAULT;
  g_autofree char *name = NULL;
  guint n_added;

  if (path == NULL)
    return TRUE;

  if (g_variant_dict_contains (options, "earlier-version"))
    flags |= POLISI_RETURNED_IMPORT_EARLIER_VERSION;
  file = g_file_new_for_commandline_arg (path);
  name = g_file_get_parse_name (file);
  if (!polisi_returned_draft_import (policy, polisi_context_get_library (context), file, flags, &result, &local_error))
    {
      if (g_error_matches (local_error, POLISI_IMPORT_ERROR, POLISI_IMPORT_ERROR_EARLIER_VERSION))
        {
          g_autofree char *message = g_strdup_printf ("%s %s", local_error->message,
                                                      _("To import them all the same, add --earlier-version."));

          g_set_error_literal (error, POLISI_IMPORT_ERROR, local_error->code, message);
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  n_added = result.n_anchored + result.n_table_rows;
  g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE, "Imported %u comment from %s", "Imported %u comments from %s",
                                               n_added),
                          n_added, name);
  if (result.n_duplicates > 0)
    g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE, " (%u already imported)", " (%u already imported)",
                                                 result.n_duplicates),
                            result.n_duplicates);
  g_string_append (report, "\n");
  if (n_added > 0)
    {
      g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE, "  %u comment in the text\n",
                                                   "  %u comments in the text\n", result.n_anchored),
                              result.n_anchored);
      g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE, "  %u row of the comments table\n",
                                                   "  %u rows of the comments table\n", result.n_table_rows),
                              result.n_table_rows);
    }
  if (g_strcmp0 (result.version, polisi_policy_get_version (policy)) != 0)
    g_string_append_printf (report, _("  made on version %s\n"), result.version);

  for (guint i = 0; i < result.general->len; i++)
    {
      PolisiReturnedComment *comment = result.general->pdata[i];
      g_autofree char *message = NULL;

      if (comment->source == POLISI_RETURNED_TABLE_ROW)
        message = g_strdup_printf (_("A row of the comments table by %s names no clause of this policy (it says “%s”). "
                                     "It was kept as a comment on the whole policy; answer it, or tell whoever made it."),
                                   comment->author != NULL ? comment->author : _("someone unnamed"),
                                   comment->place != NULL && comment->place[0] != '\0' ? comment->place : "—");
      else
        message = g_strdup_printf (_("A comment by %s is not in any clause (it is on “%s”). "
                                     "It was kept as a comment on the whole policy; answer it, or tell whoever made it."),
                                   comment->author != NULL ? comment->author : _("someone unnamed"),
                                   comment->place != NULL && comment->place[0] != '\0' ? comment->place : "—");
      add_warning (warnings, message);
    }
  if (result.n_empty > 0)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u comment has no text and was passed over.",
                                                               "%u comments have no text and were passed over.",
                                                               result.n_empty), result.n_empty);
      add_warning (warnings, message);
    }
  if (result.n_insertions > 0 || result.n_deletions > 0)
    g_string_append_printf (report, _("Proposed changes from %s: insertions: %u, deletions: %u. "
                                      "List them with --comments; make or turn down each with --accept-proposal "
                                      "or --reject-proposal.\n"),
                            name, result.n_insertions, result.n_deletions);
  if (result.n_known_changes > 0)
    g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE, "  %u proposed change was imported before\n",
                                                 "  %u proposed changes were imported before\n", result.n_known_changes),
                            result.n_known_changes);
  for (guint i = 0; i < result.unplaced->len; i++)
    add_warning (warnings, result.unplaced->pdata[i]);

  polisi_returned_import_clear (&result);
  return TRUE;
}

/* Adoption is refused while the check finds something that must be
 * fixed: the list goes to stderr, and the exit status is 1. */
static gboolean
adoption_blocked (PolisiContext *context,
                  PolisiPolicy  *policy,
                  const char    *version)
{
  g_autoptr(GPtrArray) blockers = NULL;
  g_autofree char *number = NULL;
  GDate today;

  polisi_date_set_today (&today);
  blockers = polisi_check_adoption (policy, polisi_context_get_library (context),
                                    polisi_context_get_legislation (context), &today);
  if (blockers->len == 0)
    return FALSE;

  number = version != NULL ? g_strdup (version) : polisi_policy_suggest_version (policy, FALSE);
  g_printerr ("%s ", _("polisi: error:"));
  g_printerr (g_dngettext (GETTEXT_PACKAGE,
                           "Version %s cannot be adopted yet: the check finds %u thing that must be fixed first.\n",
                           "Version %s cannot be adopted yet: the check finds %u things that must be fixed first.\n",
                           blockers->len),
              number, blockers->len);
  for (guint i = 0; i < blockers->len; i++)
    {
      PolisiFinding *finding = blockers->pdata[i];

      if (finding->clause_id != NULL && finding->lang >= 0)
        g_printerr ("  %s %s [%s.%s]\n", _("Must fix:"), finding->message, finding->clause_id,
                    polisi_lang_to_code (finding->lang));
      else if (finding->clause_id != NULL)
        g_printerr ("  %s %s [%s]\n", _("Must fix:"), finding->message, finding->clause_id);
      else
        g_printerr ("  %s %s\n", _("Must fix:"), finding->message);
    }
  g_printerr ("%s\n", _("Fix them (polisi --check lists them too) and adopt again. The file has not been changed."));
  return TRUE;
}

static gboolean
apply_adoption (PolisiContext *context,
                PolisiPolicy  *policy,
                GVariantDict  *options,
                GString       *report,
                gboolean      *blocked,
                GError       **error)
{
  const char *approved_by = NULL, *summary_cy = NULL, *summary_en = NULL, *version = NULL, *date = NULL;

  if (!g_variant_dict_contains (options, "adopt"))
    return TRUE;

  g_variant_dict_lookup (options, "approved-by", "&s", &approved_by);
  g_variant_dict_lookup (options, "summary-cy", "&s", &summary_cy);
  g_variant_dict_lookup (options, "summary-en", "&s", &summary_en);
  g_variant_dict_lookup (options, "adopt-version", "&s", &version);
  g_variant_dict_lookup (options, "date", "&s", &date);

  if (!polisi_text_check_length (approved_by, POLISI_TEXT_MAX_LINE, _("the name given with --approved-by"), error) ||
      !polisi_text_check_length (summary_cy, POLISI_TEXT_MAX_BLOCKS, _("the Welsh summary of changes"), error) ||
      !polisi_text_check_length (summary_en, POLISI_TEXT_MAX_BLOCKS, _("the English summary of changes"), error))
    return FALSE;
  if (approved_by == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("--adopt needs --approved-by: who approved this version, such as “The governing body”."));
      return FALSE;
    }
  /* without summaries of its own, the adoption takes the pending summary */
  if (summary_en == NULL && summary_cy == NULL)
    {
      summary_cy = polisi_policy_get_pending_summary (policy, POLISI_LANG_CY);
      summary_en = polisi_policy_get_pending_summary (policy, POLISI_LANG_EN);
    }
  if (summary_en == NULL && summary_cy == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("--adopt needs a summary of changes: --summary-en, and --summary-cy for a policy in Wales "
                     "(or the next version’s summary of changes, set with --set pending-summary-en=… and --set pending-summary-cy=…)."));
      return FALSE;
    }

  /* the values first, so that a wrong date is not hidden behind the check */
  if (!polisi_policy_can_adopt (policy, version, date, approved_by, summary_cy, summary_en, error))
    return FALSE;
  if (adoption_blocked (context, policy, version))
    {
      *blocked = TRUE;
      return FALSE;
    }
  if (!polisi_policy_adopt (policy, version, date, approved_by, summary_cy, summary_en, error))
    return FALSE;
  g_string_append_printf (report, _("Adopted version %s on %s\n"),
                          polisi_policy_get_version (policy), polisi_policy_get_adoption_date (policy));
  return TRUE;
}

/* The command line says when a change made the adopted policy a draft,
 * and when undoing it made it the adopted version again. */
static void
report_status_change (PolisiPolicy *policy,
                      PolisiStatus  status_before,
                      const char   *version_before,
                      gboolean      adopting,
                      GString      *report)
{
  if (adopting)
    return;
  if (status_before == POLISI_STATUS_ADOPTED && polisi_policy_get_draft_by_change (policy))
    g_string_append_printf (report,
                            _("The text of adopted version %s has changed: the file is now the draft of version %s, "
                              "marked “Draft” in every export, until it is adopted (or the change is undone).\n"),
                            version_before, polisi_policy_get_version (policy));
  else if (status_before != POLISI_STATUS_ADOPTED && polisi_policy_get_status (policy) == POLISI_STATUS_ADOPTED)
    g_string_append_printf (report,
                            _("The change is undone: the text is again exactly version %s as adopted, and the file is "
                              "that version again.\n"),
                            polisi_policy_get_version (policy));
}

static void
count_change (guint *n_changes)
{
  (*n_changes)++;
}

/* Options that only mean something beside another. */
static gboolean
check_companions (GVariantDict *options)
{
  static const char *adopt_only[] = { "approved-by", "summary-cy", "summary-en", "adopt-version", "date" };
  static const char *export_only[] = { "layout", "english-first", "final" };
  static const char *batch_only[] = { "output-dir", "overwrite" };
  static const char *add_only[] = { "text-cy", "text-en", "after" };
  static const char *commands[] = {
    "new", "set", "check", "export", "review", "accept-updates", "decline-updates", "fix-legislation",
    "adopt", "compare", "import-comments", "comments", "respond", "accept-proposal", "reject-proposal",
    "mark-translated", "batch", "clauses", "add-clause", "rename-clause", "remove-clause",
  };
  gboolean any_command = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    any_command |= g_variant_dict_contains (options, commands[i]);
  for (guint i = 0; i < G_N_ELEMENTS (export_only); i++)
    if (g_variant_dict_contains (options, export_only[i]) && !g_variant_dict_contains (options, "export"))
      {
        g_autofree char *message = g_strdup_printf (_("--%s goes with --export."), export_only[i]);
        print_error (message);
        return FALSE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (batch_only); i++)
    if (g_variant_dict_contains (options, batch_only[i]) && !g_variant_dict_contains (options, "batch"))
      {
        g_autofree char *message = g_strdup_printf (_("--%s goes with --batch."), batch_only[i]);
        print_error (message);
        return FALSE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (add_only); i++)
    if (g_variant_dict_contains (options, add_only[i]) && !g_variant_dict_contains (options, "add-clause"))
      {
        g_autofree char *message = g_strdup_printf (_("--%s goes with --add-clause=SECTION."), add_only[i]);
        print_error (message);
        return FALSE;
      }
  if ((g_variant_dict_contains (options, "title-cy") || g_variant_dict_contains (options, "title-en")) &&
      g_variant_dict_contains (options, "add-clause") == g_variant_dict_contains (options, "rename-clause"))
    {
      print_error (_("--title-cy and --title-en go with either --add-clause=SECTION or --rename-clause=ID, one at a time."));
      return FALSE;
    }
  if (g_variant_dict_contains (options, "organisation") && !g_variant_dict_contains (options, "new"))
    {
      print_error (_("--organisation goes with --new. To rename the organisation of a policy, use --set organisation=NAME."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (adopt_only); i++)
    if (g_variant_dict_contains (options, adopt_only[i]) && !g_variant_dict_contains (options, "adopt"))
      {
        g_autofree char *message = g_strdup_printf (_("--%s goes with --adopt."), adopt_only[i]);
        print_error (message);
        return FALSE;
      }
  if (g_variant_dict_contains (options, "tracked-changes") && !g_variant_dict_contains (options, "compare"))
    {
      print_error (_("--tracked-changes goes with --compare=VERSION or --compare=OLD.polisi, and --export=odt or --export=docx."));
      return FALSE;
    }
  if (g_variant_dict_contains (options, "compare-to") && !g_variant_dict_contains (options, "compare"))
    {
      print_error (_("--compare-to goes with --compare=VERSION: for example --compare=1.0 --compare-to=1.1."));
      return FALSE;
    }
  if (!any_command)
    {
      print_error (_("These options need a command to go with, such as --check, --export=pdf or --set KEY=VALUE. "
                     "Run “polisi --help” to list them."));
      return FALSE;
    }
  return TRUE;
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
      if (!polisi_text_check_length (organisation, POLISI_TEXT_MAX_LINE, _("the name given with --organisation"), &error))
        return report_error (error);
      polisi_policy_set_name (policy, POLISI_LANG_CY, organisation);
      polisi_policy_set_name (policy, POLISI_LANG_EN, organisation);
    }

  if (!apply_settings (policy, polisi_context_get_library (context), settings, &error) ||
      !polisi_policy_save (policy, file, &error))
    return report_error (error);

  g_print (_("Created %s\n"), name);
  return POLISI_EXIT_OK;
}

/* A policy records the library it was made from. Opened with another
 * (the built-in one for an authority's own, or the other way round), its
 * answers, clauses and updates do not line up: --review and the updates
 * would offer every clause as new or withdrawn, so they are refused; any
 * other command goes on, with a warning. */
static gboolean
check_library (PolisiContext *context,
               PolisiPolicy  *policy,
               const char    *name,
               GVariantDict  *options,
               gboolean       own_library)
{
  PolisiLibrary *library = polisi_context_get_library (context);
  const char *policy_id = polisi_policy_get_library_id (policy);
  const char *policy_version = polisi_policy_get_library_version (policy);
  g_autofree char *in_use = NULL;
  g_autofree char *message = NULL;
  gboolean refuse;

  if (policy_id == NULL || g_strcmp0 (policy_id, polisi_library_get_id (library)) == 0)
    return TRUE;

  if (own_library)
    /* Translators: the library given with --library: “hcc-model”, version 2026.1 */
    in_use = g_strdup_printf (_("the library given with --library (“%s”, version %s)"),
                              polisi_library_get_id (library), polisi_library_get_version (library));
  else
    /* Translators: the library inside Polisi: “polisi-staff-social-media”, version 2026.11 */
    in_use = g_strdup_printf (_("the built-in library (“%s”, version %s)"),
                              polisi_library_get_id (library), polisi_library_get_version (library));
  refuse = g_variant_dict_contains (options, "review") || g_variant_dict_contains (options, "accept-updates") ||
           g_variant_dict_contains (options, "decline-updates");
  /* Translators: FILE was made from LIBRARY (VERSION), not from WHAT IS IN USE */
  message = g_strdup_printf (_("“%s” was made from the clause library “%s” (version %s), not from %s. "
                               "Its clauses and answers may not match. Give the library it was made from with "
                               "--library=FILE.xml (ask whoever issued the policy for it)."),
                             name, policy_id, policy_version != NULL && policy_version[0] != '\0' ? policy_version : "—",
                             in_use);
  if (refuse)
    {
      print_error (message);
      return FALSE;
    }
  /* Translators: the prefix of a warning on the command line */
  g_printerr ("%s %s\n", _("polisi: warning:"), message);
  return TRUE;
}

typedef struct {
  const char        *library_path;
  PolisiLibrary     *library;
  GError            *error;
  PolisiLegislation *legislation;
  GError            *legislation_error;
} LibraryResult;

/* The clause library (built in, or the file given with --library) and the
 * register, in a thread of their own. */
static gpointer
load_library (gpointer data)
{
  LibraryResult *result = data;
  const char *library_path = result->library_path;

  /* the library's document and model, and the register: a few megabytes */
  polisi_heap_reserve (6 * 1024 * 1024);
  if (library_path != NULL)
    {
      g_autoptr(GFile) library_file = g_file_new_for_commandline_arg (library_path);

      result->library = polisi_library_new_from_file (library_file, &result->error);
      if (result->library == NULL)
        /* Translators: followed by the reason, which names the file */
        g_prefix_error (&result->error, "%s ", _("The clause library given with --library was not loaded, and Polisi "
                                                 "did not use the built-in one instead. Fix the file or leave out "
                                                 "--library:"));
    }
  else
    result->library = polisi_library_new_builtin (&result->error);
  result->legislation = polisi_legislation_new_builtin (&result->legislation_error);
  return result;
}

int
polisi_cli_run (GVariantDict *options)
{
  g_autoptr(PolisiContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree const char **files = NULL;
  g_autofree const char **settings = NULL;
  g_autoptr(PolisiSession) session = NULL;
  g_autoptr(PolisiPolicy) policy = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  const char *library_path = NULL;
  gboolean set_help = FALSE;
  gboolean changes;
  gboolean loaded = FALSE;
  g_autoptr(GError) load_error = NULL;
  g_autoptr(GError) legislation_error = NULL;
  g_autoptr(PolisiLibrary) library = NULL;
  g_autoptr(PolisiLegislation) legislation = NULL;
  GThread *loader;
  LibraryResult *result = g_new0 (LibraryResult, 1);
  gboolean reads_policy;
  int status = POLISI_EXIT_OK;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  g_variant_dict_lookup (options, "set", "^a&s", &settings);
  for (guint i = 0; settings != NULL && settings[i] != NULL; i++)
    if (strcmp (settings[i], "help") == 0)
      set_help = TRUE;

  changes = settings != NULL || g_variant_dict_contains (options, "import-comments") ||
            g_variant_dict_contains (options, "accept-updates") || g_variant_dict_contains (options, "decline-updates") ||
            g_variant_dict_contains (options, "fix-legislation") || g_variant_dict_contains (options, "respond") ||
            g_variant_dict_contains (options, "accept-proposal") || g_variant_dict_contains (options, "reject-proposal") ||
            g_variant_dict_contains (options, "mark-translated") || g_variant_dict_contains (options, "adopt") ||
            g_variant_dict_contains (options, "add-clause") || g_variant_dict_contains (options, "rename-clause") ||
            g_variant_dict_contains (options, "remove-clause");

  /* The library and the register are read in a thread of their own while
   * this one reads the policy file (compiling the schema it validates the
   * file against): on two cores a command waits for the longer of the two,
   * and these two are about as long. Whatever goes wrong is reported in
   * the order it always was: the library, the options, then the policy
   * file. */
  library_path = lookup_filename (options, "library");
  reads_policy = !set_help && !g_variant_dict_contains (options, "batch") && !g_variant_dict_contains (options, "new") &&
                 files != NULL && files[0] != NULL && files[1] == NULL;
  result->library_path = library_path;
  loader = g_thread_new ("polisi-library", load_library, result);
  /* an export's fonts are set up while the files are read */
  if (!set_help && (g_variant_dict_contains (options, "export") || g_variant_dict_contains (options, "batch")))
    polisi_export_prepare ();
  if (reads_policy)
    {
      /* A command that changes the policy holds its lock from reading to
       * saving: another command changing it at the same time waits, then
       * reads what this one saved, and no update is lost. */
      file = g_file_new_for_commandline_arg (files[0]);
      name = g_file_get_parse_name (file);
      session = polisi_session_new (NULL);
      loaded = polisi_session_load (session, file, changes ? POLISI_LOAD_LOCK : POLISI_LOAD_DEFAULT, &load_error);
    }
  g_thread_join (loader);
  library = result->library;
  error = result->error;
  legislation = result->legislation;
  legislation_error = result->legislation_error;
  g_free (result);
  if (library == NULL)
    return report_error (error);
  if (legislation == NULL)
    return report_error (legislation_error);
  context = polisi_context_new (library, legislation);

  if (set_help)
    {
      print_set_help (context);
      return POLISI_EXIT_OK;
    }

  if (!check_companions (options))
    return POLISI_EXIT_USAGE;

  if (g_variant_dict_contains (options, "batch"))
    {
      static const char *with_batch[] = {
        "batch", "library", "export", "layout", "english-first", "final", "output-dir", "overwrite",
      };

      if (g_variant_dict_contains (options, "new") || settings != NULL || (files != NULL && files[0] != NULL))
        {
          print_error (_("--batch makes the policies from the CSV file alone: give the values as columns of the "
                                    "file, not with --new, --set or a policy file."));
          return POLISI_EXIT_USAGE;
        }
      for (guint i = 0; option_entries[i].long_name != NULL; i++)
        {
          const char *option = option_entries[i].long_name;
          gboolean allowed = g_str_equal (option, G_OPTION_REMAINING);

          for (guint j = 0; j < G_N_ELEMENTS (with_batch); j++)
            allowed |= g_str_equal (option, with_batch[j]);
          if (!allowed && g_variant_dict_contains (options, option))
            {
              g_autofree char *message = g_strdup_printf (_("--%s does not go with --batch. With --batch, give only "
                                                            "--library, --export, --layout, --final, --english-first, "
                                                            "--output-dir and --overwrite."), option);
              print_error (message);
              return POLISI_EXIT_USAGE;
            }
        }
      return polisi_batch_run (context, options);
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

  /* the policy file was read beside the library, above */
  if (!loaded)
    return report_error (load_error);
  policy = g_object_ref (polisi_session_get_policy (session));
  if (!check_library (context, policy, name, options, library_path != NULL))
    return POLISI_EXIT_USAGE;

  if (changes)
    {
      g_autoptr(GString) report = g_string_new (NULL);
      g_autoptr(GString) warnings = g_string_new (NULL);
      g_autofree char *version_before = g_strdup (polisi_policy_get_version (policy));
      PolisiStatus status_before = polisi_policy_get_status (policy);
      gboolean blocked = FALSE;
      guint n_changes = 0;
      gulong handler = g_signal_connect_swapped (policy, "changed", G_CALLBACK (count_change), &n_changes);

      /* All or nothing: the changes are made in memory, in this order, and
       * the file is saved once; one bad value and it is not touched. */
      if (!apply_settings (policy, polisi_context_get_library (context), settings, &error) ||
          !apply_own_clauses (context, policy, options, report, &error) ||
          !apply_import (context, policy, options, report, warnings, &error) ||
          !apply_updates (context, policy, options, report, &error))
        return report_error (error);
      if (g_variant_dict_contains (options, "fix-legislation"))
        {
          guint count = polisi_library_update_fix_all_citations (policy, polisi_context_get_legislation (context));

          g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE,
                                                       "Replaced %u out-of-date name of legislation\n",
                                                       "Replaced %u out-of-date names of legislation\n", count), count);
        }
      if (!apply_translations (policy, options, report, &error) ||
          !apply_responses (policy, options, report, &error) ||
          !apply_proposals (policy, options, report, &error))
        return report_error (error);
      if (!apply_adoption (context, policy, options, report, &blocked, &error))
        return blocked ? POLISI_EXIT_MUST_FIX : report_error (error);
      report_status_change (policy, status_before, version_before, g_variant_dict_contains (options, "adopt"), report);
      g_signal_handler_disconnect (policy, handler);
      /* nothing changed (comments imported before): the file stays as it is */
      if (n_changes > 0 && !polisi_session_save (session, NULL, POLISI_SAVE_DEFAULT, &error))
        return report_error (error);
      polisi_session_unlock (session);
      g_print ("%s", report->str);
      g_printerr ("%s", warnings->str);
      if (n_changes > 0)
        g_print (_("Saved %s\n"), name);
      else
        g_print (_("Nothing changed: %s is as it was\n"), name);
    }

  if (g_variant_dict_contains (options, "review"))
    {
      int review_status = run_review (context, policy, name);
      status = MAX (status, review_status);
    }

  if (g_variant_dict_contains (options, "clauses"))
    {
      int clauses_status = run_clauses (context, policy);
      status = MAX (status, clauses_status);
    }

  if (g_variant_dict_contains (options, "comments"))
    {
      int comments_status = run_comments (context, policy);
      status = MAX (status, comments_status);
    }

  if (g_variant_dict_contains (options, "check"))
    {
      int check_status = run_check (context, policy, name);
      status = MAX (status, check_status);
    }

  if (g_variant_dict_contains (options, "compare"))
    {
      int compare_status = run_compare (context, policy, options, files[0]);

      if (compare_status != POLISI_EXIT_OK)
        return compare_status;
    }
  else if (g_variant_dict_contains (options, "export"))
    {
      int export_status = run_export (context, policy, options, files[0]);

      if (export_status != POLISI_EXIT_OK)
        return export_status;
    }

  return status;
}
