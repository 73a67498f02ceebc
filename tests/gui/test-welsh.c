/* test-welsh.c: Polisi as a Welsh-speaking head teacher meets it, under Xvfb
 *
 * The translations are the build tree's (po/cy/LC_MESSAGES/polisi.mo) and
 * the session asks for Welsh (LANGUAGE=cy). The window, the core's
 * messages, Preferences and the command line all speak Welsh; the
 * interface language chosen in Preferences wins over the system's.
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "polisi-application.h"
#include "polisi-checker.h"
#include "polisi-dates.h"
#include "polisi-recovery.h"
#include "polisi-policy-io.h"
#include "polisi-preferences-window.h"
#include "polisi-gui-test-utils.h"
#include "polisi-test-utils.h"
#include "polisi-window.h"

static PolisiApplication *app;
static char *data_home;
static char *localedir;

/* Labels the window must never show in English when it runs in Welsh. */
static const char *english_sample[] = {
  "Organisation", "Review and Versions", "Consultation", "Check and Export",
  "_Next", "_Back", "Next", "Back", "_Save", "Save", "Steps", "Preview", "Main Menu",
  "Show the Preview", "Layout of the preview", "Untitled Policy",
  "The Organisation", "Name in Welsh", "Name in English", "Kind of Organisation", "Language Category",
  "Bodies", "Roles", "Contacts", "Review", "Months Between Reviews",
  "Why this matters", "Wording", "Recommended", "Optional", "Text in Welsh and English",
  "This Version", "_Adopt…", "Next Review", "Review Triggers", "Add _Trigger…",
  "Updates of the Model Clauses", "Legislation", "Version History",
  "Consultation Draft", "Comments", "_Import Comments…",
  "Before You Issue the Policy", "Export", "Format", "Layout", "English First", "Final Version",
  "_Print…", "_Export…", "Welsh only", "English only", "Parallel columns", "Back to back",
  "Dual language", "Secondary school", "Not started", "Done", "Needs attention",
};

/* Every text a person can read under @widget, shown or not: labels as
 * written (with their mnemonic) and as shown, and tooltips. */
static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_LABEL (widget))
    {
      g_ptr_array_add (texts, g_strdup (gtk_label_get_label (GTK_LABEL (widget))));
      g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
    }
  if (tooltip != NULL)
    g_ptr_array_add (texts, g_strdup (tooltip));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static GPtrArray *
texts_of (GtkWidget *widget)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  collect_texts (widget, texts);
  return texts;
}

static gboolean
has_text (GPtrArray  *texts,
          const char *text)
{
  return g_ptr_array_find_with_equal_func (texts, text, g_str_equal, NULL);
}

static void
assert_shows (GPtrArray  *texts,
              const char *welsh)
{
  if (!has_text (texts, welsh))
    {
      g_test_message ("“%s” is not shown", welsh);
      g_test_fail ();
    }
}

static void
assert_no_english (GPtrArray *texts)
{
  for (guint i = 0; i < G_N_ELEMENTS (english_sample); i++)
    if (has_text (texts, english_sample[i]))
      {
        g_test_message ("“%s” is shown in English", english_sample[i]);
        g_test_fail ();
      }
}

/* Runs the built polisi with @args and the environment changed by
 * @env (NAME, VALUE pairs; a NULL value unsets), and returns its exit
 * status. */
static int
run_polisi (const char *const *args,
            const char *const *env,
            char              **out,
            char              **err)
{
  g_autofree char *polisi = g_test_build_filename (G_TEST_BUILT, "..", "src", "polisi", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, polisi);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  for (guint i = 0; env[i] != NULL; i += 2)
    envp = env[i + 1] != NULL ? g_environ_setenv (envp, env[i], env[i + 1], TRUE) : g_environ_unsetenv (envp, env[i]);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* The translations were built, and gettext finds them: the window's own
 * strings and the core's. */
static void
test_translations (void)
{
  g_autofree char *mo = g_build_filename (localedir, "cy", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (_("Organisation"), ==, "Sefydliad");
  g_assert_cmpstr (_("_Next"), ==, "_Nesaf");
  /* the core asks gettext which language the interface speaks */
  g_assert_cmpint (polisi_interface_lang (), ==, POLISI_LANG_CY);
}

/* The window, with an example policy open and every step visited. */
static void
test_window (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);
  g_autofree char *path = polisi_test_example_path ("secondary-wales.polisi");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GPtrArray) finish = NULL;
  g_autofree char *step_of = NULL;
  guint n;

  g_assert_true (polisi_gui_test_open_file (window, file));
  n = polisi_window_get_n_steps (window);
  for (guint i = 0; i < n; i++)
    polisi_window_go_to_step (window, i);
  polisi_window_check_now (window);
  polisi_gui_test_pump (50);
  texts = texts_of (GTK_WIDGET (window));

  /* the steps in the sidebar: the window's own, and the sections of the
   * clause library by their Welsh titles */
  assert_shows (texts, "Sefydliad");
  assert_shows (texts, "Cwmpas");
  assert_shows (texts, "Diogelu");
  assert_shows (texts, "Adolygu a fersiynau");
  assert_shows (texts, "Ymgynghori");
  assert_shows (texts, "Gwirio ac allforio");
  step_of = g_strdup_printf ("Cam %u o %u", n, n);
  assert_shows (texts, step_of);

  /* the buttons at the foot of a step, with their mnemonics */
  g_assert_nonnull (polisi_gui_test_find_button (GTK_WIDGET (window), "_Nesaf"));
  g_assert_nonnull (polisi_gui_test_find_button (GTK_WIDGET (window), "_Yn ôl"));

  /* the organisation step and a clause */
  assert_shows (texts, "Enw yn Gymraeg");
  assert_shows (texts, "Categori iaith");
  assert_shows (texts, "Dwy iaith");
  assert_shows (texts, "Pam mae hyn yn bwysig");
  assert_shows (texts, "Testun yn Gymraeg ac yn Saesneg");
  assert_shows (texts, "Argymhellir");

  /* the review and the consultation */
  assert_shows (texts, "Y fersiwn hon");
  assert_shows (texts, "Sbardunau adolygu");
  assert_shows (texts, "Diweddariadau i'r cymalau enghreifftiol");
  assert_shows (texts, "Drafft ymgynghori");

  /* the last step */
  finish = texts_of (polisi_window_get_step_page (window, n - 1));
  assert_shows (finish, "Gwirio ac allforio");
  assert_shows (finish, "Cyn cyhoeddi'r polisi");
  assert_shows (finish, "Fersiwn derfynol");
  assert_shows (finish, "Saesneg yn gyntaf");
  assert_shows (finish, "A_llforio…");
  assert_shows (finish, "Colofnau cyfochrog");

  assert_no_english (texts);

  polisi_gui_test_destroy_window (window);
}

/* What the core says reaches the head teacher in Welsh: a damaged file,
 * a missing one, the checker's findings and a date. */
static void
test_messages (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *damaged = g_build_filename (dir, "difrod.polisi", NULL);
  g_autofree char *missing = g_build_filename (dir, "dim.polisi", NULL);
  g_autoptr(GFile) damaged_file = g_file_new_for_path (damaged);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(PolisiPolicy) policy = NULL;
  g_autoptr(PolisiPolicy) loaded = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *expected = NULL;
  AdwMessageDialog *dialog;
  gboolean found = FALSE;
  GDate today;

  polisi_test_write_file (damaged, "<?xml version=\"1.0\"?>\n<policy xmlns=\"https://polisi.cymru/ns/policy/1\" format=\"1\">\n<organ", -1);
  g_assert_false (polisi_gui_test_open_file (window, damaged_file));
  polisi_gui_test_pump (20);
  dialog = polisi_gui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Nid oedd modd agor y polisi");
  expected = g_strdup_printf ("Mae “%s” wedi'i difrodi neu'n anghyflawn (llinell 3", damaged);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), expected));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Agorwch gopi cynharach"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  loaded = polisi_policy_load (missing_file, &error);
  g_assert_null (loaded);
  g_assert_nonnull (error);
  g_free (expected);
  expected = g_strdup_printf ("Nid yw “%s” yn bodoli. Gwiriwch yr enw a'r ffolder.", missing);
  g_assert_cmpstr (error->message, ==, expected);

  /* a policy with no name */
  policy = polisi_policy_new_from_library (polisi_context_get_library (context), POLISI_LANGUAGE_CATEGORY_DUAL);
  polisi_date_set_today (&today);
  findings = polisi_check (policy, polisi_context_get_library (context), polisi_context_get_legislation (context), &today);
  for (guint i = 0; i < findings->len; i++)
    {
      PolisiFinding *finding = findings->pdata[i];

      if (g_strcmp0 (finding->message, "Nid oes enw gan y sefydliad. Rhowch ei enw yn y cam Sefydliad.") == 0)
        found = TRUE;
      g_assert_false (g_str_has_prefix (finding->message, "The "));
    }
  g_assert_true (found);

  /* dates in the interface language */
  g_date_set_dmy (&today, 10, G_DATE_JULY, 2026);
  date = polisi_date_format (&today, polisi_interface_lang ());
  g_assert_cmpstr (date, ==, "10 Gorffennaf 2026");

  polisi_gui_test_destroy_window (window);
  polisi_test_remove_tree (dir);
}

/* Preferences, where the interface language is chosen. */
static void
test_preferences (void)
{
  GtkWidget *preferences = polisi_preferences_window_new (NULL);
  g_autoptr(GPtrArray) texts = NULL;

  gtk_window_present (GTK_WINDOW (preferences));
  polisi_gui_test_pump (20);
  texts = texts_of (preferences);
  assert_shows (texts, "Cyffredinol");
  assert_shows (texts, "Iaith y rhyngwyneb");
  assert_shows (texts, "Fel y system");
  assert_shows (texts, "Cynllun rhagosodedig");
  assert_shows (texts, "Eiliadau cyn cadw copi adfer");
  g_assert_false (has_text (texts, "Interface Language"));
  g_assert_false (has_text (texts, "As the system"));
  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* polisi --help and the command line's messages follow the locale. */
static void
test_command_line (void)
{
  const char *welsh[] = { "LANGUAGE", "cy", "LC_ALL", "C.UTF-8", "POLISI_LOCALEDIR", localedir, NULL };
  const char *help[] = { "--help", NULL };
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "dim.polisi", NULL);
  const char *check[] = { "--check", missing, NULL };
  g_autofree char *expected = g_strdup_printf ("polisi: gwall: Nid yw “%s” yn bodoli.", missing);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_polisi (help, welsh, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Ysgrifennu, gwirio ac allforio polisi cyfryngau cymdeithasol staff yn Gymraeg ac yn Saesneg."));
  g_assert_nonnull (strstr (out, "Creu polisi newydd gyda'r cymalau a argymhellir (mae angen --output)"));
  g_assert_nonnull (strstr (out, "--output=LLWYBR"));
  g_assert_null (strstr (out, "Make a new policy"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_polisi (check, welsh, &out, &err), ==, 2);
  g_assert_true (g_str_has_prefix (err, expected));

  polisi_test_remove_tree (dir);
}

/* The interface language chosen in Preferences wins over the system's.
 * main() applies it before anything is translated, so the real program is
 * run, with its settings in a key file. */
static void
test_interface_language_setting (void)
{
  g_autofree char *config = polisi_test_make_temp_dir ();
  g_autofree char *folder = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (folder, "keyfile", NULL);
  const char *english_choice[] = { "GSETTINGS_BACKEND", "keyfile", "XDG_CONFIG_HOME", config,
                                   "LANGUAGE", "cy", "LC_ALL", "C.UTF-8", "POLISI_LOCALEDIR", localedir, NULL };
  const char *welsh_choice[] = { "GSETTINGS_BACKEND", "keyfile", "XDG_CONFIG_HOME", config,
                                 "LANGUAGE", "en", "LC_ALL", "C.UTF-8", "POLISI_LOCALEDIR", localedir, NULL };
  const char *help[] = { "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);

  /* a Welsh desktop, English chosen */
  polisi_test_write_file (keyfile, "[cymru/polisi/Polisi]\ninterface-language='en'\n", -1);
  g_assert_cmpint (run_polisi (help, english_choice, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Make a new policy with the recommended clauses (needs --output)"));
  g_assert_null (strstr (out, "Creu polisi newydd"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* an English desktop, Welsh chosen */
  polisi_test_write_file (keyfile, "[cymru/polisi/Polisi]\ninterface-language='cy'\n", -1);
  g_assert_cmpint (run_polisi (help, welsh_choice, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Creu polisi newydd gyda'r cymalau a argymhellir (mae angen --output)"));
  g_assert_null (strstr (out, "Make a new policy"));

  polisi_test_remove_tree (config);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  data_home = polisi_test_make_temp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  /* A Welsh-speaking session. gettext ignores LANGUAGE in the "C" locale,
   * and gtk_test_init() asks for en_US.UTF-8, which a minimal system may
   * not have: C.UTF-8 is set afterwards, before anything is translated. */
  g_setenv ("LANGUAGE", "cy", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  app = polisi_gui_test_new_app ();

  g_test_add_func ("/welsh/translations", test_translations);
  g_test_add_func ("/welsh/window", test_window);
  g_test_add_func ("/welsh/messages", test_messages);
  g_test_add_func ("/welsh/preferences", test_preferences);
  g_test_add_func ("/welsh/command-line", test_command_line);
  g_test_add_func ("/welsh/interface-language-setting", test_interface_language_setting);

  status = g_test_run ();

  g_clear_object (&app);
  polisi_test_remove_tree (data_home);
  g_free (data_home);
  g_free (localedir);
  return status;
}
