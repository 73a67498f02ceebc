/* polisi-test-utils.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* dl_iterate_phdr(), for the sanitizer build (below) */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "polisi-policy-io.h"
#include "polisi-test-utils.h"
#include "polisi-text.h"

PolisiLibrary *
polisi_test_load_mini_library (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini-library.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PolisiLibrary *library = polisi_library_new_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (library);
  return library;
}

PolisiLegislation *
polisi_test_load_mini_legislation (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini-legislation.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;
  PolisiLegislation *legislation;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  legislation = polisi_legislation_new_from_bytes (bytes, "mini-legislation.xml", &error);
  g_assert_no_error (error);
  return legislation;
}

PolisiContext *
polisi_test_builtin_context (void)
{
  g_autoptr(GError) error = NULL;
  PolisiContext *context = polisi_context_new_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (context);
  return context;
}

char *
polisi_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("polisi-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

void
polisi_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          g_chmod (child, 0755);
          polisi_test_remove_tree (child);
        }
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* How many entries a folder holds, hidden ones too. */
guint
polisi_test_count_entries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint count = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    count++;
  return count;
}

char *
polisi_test_read_file (const char *path,
                       gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

void
polisi_test_write_file (const char *path,
                        const char *contents,
                        gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

char *
polisi_test_example_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
}

/**
 * polisi_test_normalize_space:
 *
 * Collapses every run of white space (no-break spaces too) to one space
 * and trims the ends, so that text from a document and text another
 * reader gives back (LibreOffice, an HTML parser, pdftotext) compare: the
 * core's own rule, polisi_text_collapse_spaces().
 *
 * Returns: (transfer full): the text
 */
char *
polisi_test_normalize_space (const char *text)
{
  return polisi_text_collapse_spaces (text);
}

static void
count_notify (GObject          *object,
              GParamSpec       *pspec,
              PolisiTestNotify *watch)
{
  watch->count++;
}

/* Counts the notifications of @property of @object in @watch->count,
 * until polisi_test_notify_unwatch(). */
void
polisi_test_notify_watch (PolisiTestNotify *watch,
                          gpointer          object,
                          const char       *property)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (object), property));
  watch->object = object;
  watch->count = 0;
  watch->handler = g_signal_connect (object, signal, G_CALLBACK (count_notify), watch);
}

void
polisi_test_notify_unwatch (PolisiTestNotify *watch)
{
  g_clear_signal_handler (&watch->handler, watch->object);
}

/**
 * polisi_test_assert_explicit_notify:
 *
 * Every property @type declares notifies only when its class says so
 * (%G_PARAM_EXPLICIT_NOTIFY), that is on a real change, never on every
 * g_object_set(); a construct-only property never changes at all.
 */
void
polisi_test_assert_explicit_notify (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  guint n_properties;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_properties);

  for (guint i = 0; i < n_properties; i++)
    if (pspecs[i]->owner_type == type && !(pspecs[i]->flags & (G_PARAM_EXPLICIT_NOTIFY | G_PARAM_CONSTRUCT_ONLY)))
      g_error ("%s:%s does not have G_PARAM_EXPLICIT_NOTIFY", g_type_name (type), pspecs[i]->name);
}

/**
 * polisi_test_check_property:
 * @value: a value @property does not hold yet
 *
 * Sets the writable @property of @object to @value: it notifies once and
 * reads back as @value; set to @value again, it does not notify.
 */
void
polisi_test_check_property (gpointer      object,
                            const char   *property,
                            const GValue *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) before = G_VALUE_INIT;
  g_auto(GValue) after = G_VALUE_INIT;
  PolisiTestNotify watch;

  g_assert_nonnull (pspec);
  g_assert_true (pspec->flags & G_PARAM_WRITABLE);
  g_value_init (&before, pspec->value_type);
  g_value_init (&after, pspec->value_type);
  g_object_get_property (object, property, &before);
  if (g_param_values_cmp (pspec, &before, value) == 0)
    g_error ("%s already holds the value the test sets", property);

  polisi_test_notify_watch (&watch, object, property);
  g_object_set_property (object, property, value);
  if (watch.count != 1)
    g_error ("setting %s to a new value notified %u times", property, watch.count);
  g_object_get_property (object, property, &after);
  if (g_param_values_cmp (pspec, &after, value) != 0)
    g_error ("%s does not read back as it was set", property);
  g_object_set_property (object, property, value);
  if (watch.count != 1)
    g_error ("setting %s to the value it holds notified", property);
  polisi_test_notify_unwatch (&watch);
}

/* polisi_test_check_property() with a value of the property's own type */
static void
init_value (GValue     *value,
            gpointer    object,
            const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  g_assert_nonnull (pspec);
  g_value_init (value, pspec->value_type);
}

void
polisi_test_check_string (gpointer    object,
                          const char *property,
                          const char *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  init_value (&v, object, property);
  g_value_set_string (&v, value);
  polisi_test_check_property (object, property, &v);
}

void
polisi_test_check_boolean (gpointer    object,
                           const char *property,
                           gboolean    value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  init_value (&v, object, property);
  g_value_set_boolean (&v, value);
  polisi_test_check_property (object, property, &v);
}

void
polisi_test_check_uint (gpointer    object,
                        const char *property,
                        guint       value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  init_value (&v, object, property);
  g_value_set_uint (&v, value);
  polisi_test_check_property (object, property, &v);
}

void
polisi_test_check_enum (gpointer    object,
                        const char *property,
                        int         value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  init_value (&v, object, property);
  g_value_set_enum (&v, value);
  polisi_test_check_property (object, property, &v);
}

/* A word of 300 characters with no place to break it. */
char *
polisi_test_long_word (void)
{
  GString *word = g_string_new (NULL);

  for (guint i = 0; i < 30; i++)
    g_string_append (word, "Llanfairŵŷ");
  g_assert_cmpuint (g_utf8_strlen (word->str, -1), ==, 300);
  return g_string_free (word, FALSE);
}

/**
 * polisi_test_hostile_policy:
 *
 * Every clause of @library included; the organisation and the answers
 * hold hostile text and a 300-character word; one optional answer (the
 * deputy safeguarding person) left empty; one clause edited with hostile
 * text.
 */
PolisiPolicy *
polisi_test_hostile_policy (PolisiLibrary *library)
{
  PolisiPolicy *policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  g_autofree char *word = polisi_test_long_word ();
  PolisiClauseState *state;

  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol " POLISI_TEST_HOSTILE);
  polisi_policy_set_name (policy, POLISI_LANG_EN, "School " POLISI_TEST_HOSTILE);
  polisi_policy_set_answer (policy, "head_teacher", word);
  polisi_policy_set_answer (policy, "safeguarding_lead", "Siân " POLISI_TEST_HOSTILE);
  polisi_policy_set_answer (policy, "deputy_safeguarding_lead", "");

  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    polisi_clause_state_set_included (polisi_policy_get_clause (policy, i), TRUE);

  state = polisi_policy_get_clause (policy, 0);
  polisi_clause_state_set_text (state, POLISI_LANG_CY, "Testun " POLISI_TEST_HOSTILE "\n- eitem " POLISI_TEST_WELSH_LETTERS);
  polisi_clause_state_set_text (state, POLISI_LANG_EN, "Text " POLISI_TEST_HOSTILE "\n- item " POLISI_TEST_WELSH_LETTERS);
  polisi_clause_state_confirm_translation (state, POLISI_LANG_CY);
  polisi_clause_state_confirm_translation (state, POLISI_LANG_EN);

  return policy;
}

/**
 * polisi_test_add_hostile_history:
 *
 * Adds version 1.0 to @policy's history, approved by a hostile name: a
 * table with cells of several lines, items and a web address with
 * characters to escape.
 */
void
polisi_test_add_hostile_history (PolisiPolicy *policy)
{
  polisi_policy_add_version_record (policy, "1.0", "2025-09-01", "Corff " POLISI_TEST_HOSTILE,
                                    "Fersiwn gyntaf.\n- newid un\n- gweler https://example.org/a?b=1&c=2.",
                                    "First version.\n- change one\n- see https://example.org/a?b=1&c=2.");
}

/**
 * polisi_test_writer_policy:
 * @name: "wales" (the Welsh secondary example, a consultation draft),
 *   "england" (the English primary example, a draft), "adopted" (the
 *   Welsh example adopted on 1 September 2026) or "hostile" (every clause
 *   of @library with hostile text, and a version history)
 *
 * The policies every writer's test writes in every layout.
 *
 * Returns: (transfer full): the policy
 */
PolisiPolicy *
polisi_test_writer_policy (const char    *name,
                           PolisiLibrary *library)
{
  PolisiPolicy *policy;

  if (g_str_equal (name, "wales"))
    return polisi_test_load_example ("secondary-wales.polisi");
  if (g_str_equal (name, "england"))
    return polisi_test_load_example ("primary-england.polisi");
  if (g_str_equal (name, "adopted"))
    {
      policy = polisi_test_load_example ("secondary-wales.polisi");
      polisi_policy_set_status (policy, POLISI_STATUS_ADOPTED);
      polisi_policy_set_adoption_date (policy, "2026-09-01");
      return policy;
    }
  g_assert_cmpstr (name, ==, "hostile");
  policy = polisi_test_hostile_policy (library);
  polisi_test_add_hostile_history (policy);
  return policy;
}

PolisiPolicy *
polisi_test_load_example (const char *name)
{
  g_autofree char *path = polisi_test_example_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PolisiPolicy *policy = polisi_policy_load (file, &error);

  g_assert_no_error (error);
  return policy;
}

/* GLib's first table of quarks, for the leak checker ---------------------- */

#ifdef __SANITIZE_ADDRESS__
#include <link.h>
#include <sanitizer/lsan_interface.h>

/* the sanitizer runtime's, declared in a header GCC does not install */
int    __sanitizer_get_ownership      (const volatile void *p);
size_t __sanitizer_get_allocated_size (const volatile void *p);

/* GLib makes its first table of quarks (2,048 of them) in its constructor
 * and, once a process has more quarks (the window's tests do), replaces it
 * and never frees the old one, by design: readers without a lock may still
 * be at it. build-aux/lsan.supp suppresses what was allocated under
 * _dl_init, but the leak checker's fast unwinder cannot always walk from
 * GLib's g_malloc back to _dl_init (Debian's GLib has no frame pointers),
 * and then reports the table as a leak of 16,384 bytes allocated by
 * g_malloc, with nothing more to tell it from a real one. So, in the
 * sanitizer build of the tests only, the table is found while it is still
 * GLib's (in GLib's writable data, a pointer to a block of the allocator's
 * of that size whose entry for a quark just made is that quark's string)
 * and marked as not a leak. */
static int
ignore_quark_table_in (struct dl_phdr_info *info,
                       size_t               size,
                       void                *data)
{
  GQuark quark = g_quark_from_static_string ("polisi-test-quark");
  const char *string = g_quark_to_string (quark);

  if (strstr (info->dlpi_name, "libglib-2.0.so") == NULL)
    return 0;
  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
      guintptr start = info->dlpi_addr + segment->p_vaddr;
      guintptr end = start + segment->p_memsz;

      if (segment->p_type != PT_LOAD || !(segment->p_flags & PF_W))
        continue;
      for (guintptr at = (start + sizeof (gpointer) - 1) & ~(guintptr) (sizeof (gpointer) - 1);
           at + sizeof (gpointer) <= end; at += sizeof (gpointer))
        {
          char **table = *(char ***) at;

          if (table == NULL || !__sanitizer_get_ownership (table) ||
              __sanitizer_get_allocated_size (table) != 2048 * sizeof (char *) || quark >= 2048 ||
              table[quark] != string)
            continue;
          __lsan_ignore_object (table);
          return 1;
        }
    }
  return 0;
}

__attribute__((constructor)) static void
ignore_glib_quark_table (void)
{
  dl_iterate_phdr (ignore_quark_table_in, NULL);
}
#endif
