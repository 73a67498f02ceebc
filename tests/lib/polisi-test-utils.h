/* polisi-test-utils.h: shared by the tests
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "polisi-context.h"
#include "polisi-legislation.h"
#include "polisi-library.h"
#include "polisi-policy.h"
#include "polisi-test-odt.h"

G_BEGIN_DECLS

PolisiLibrary     *polisi_test_load_mini_library     (void);
PolisiLegislation *polisi_test_load_mini_legislation (void);
PolisiContext     *polisi_test_builtin_context       (void);
char              *polisi_test_make_temp_dir         (void);
void               polisi_test_remove_tree           (const char *path);
guint              polisi_test_count_entries         (const char *folder);
char              *polisi_test_read_file             (const char *path,
                                                      gsize      *length);
void               polisi_test_write_file            (const char *path,
                                                      const char *contents,
                                                      gssize      length);
char              *polisi_test_example_path          (const char *name);
char              *polisi_test_normalize_space       (const char *text);

G_END_DECLS

G_BEGIN_DECLS

/* Hostile text for the writers: markup characters, a CDATA end, quotes,
 * every Welsh letter with a circumflex, grave, acute or diaeresis, an
 * emoji. */
#define POLISI_TEST_HOSTILE "< & \" ' ]]> ŵ ŷ Ŵ Ŷ ẁ ẃ ẅ ẁ ỳ Ỳ â ê î ô û ý ÿ 🙂"
#define POLISI_TEST_WELSH_LETTERS "ŵŷŴŶẁẃẅỳỲ"

/* The notifications of one property of an object, counted. */
typedef struct {
  gpointer object;
  gulong   handler;
  guint    count;
} PolisiTestNotify;

void polisi_test_notify_watch            (PolisiTestNotify *watch,
                                          gpointer          object,
                                          const char       *property);
void polisi_test_notify_unwatch          (PolisiTestNotify *watch);
void polisi_test_assert_explicit_notify  (GType             type);
void polisi_test_check_property          (gpointer          object,
                                          const char       *property,
                                          const GValue     *value);
void polisi_test_check_string            (gpointer          object,
                                          const char       *property,
                                          const char       *value);
void polisi_test_check_boolean           (gpointer          object,
                                          const char       *property,
                                          gboolean          value);
void polisi_test_check_uint              (gpointer          object,
                                          const char       *property,
                                          guint             value);
void polisi_test_check_enum              (gpointer          object,
                                          const char       *property,
                                          int               value);

PolisiPolicy *polisi_test_hostile_policy   (PolisiLibrary *library);
void          polisi_test_add_hostile_history (PolisiPolicy *policy);
PolisiPolicy *polisi_test_writer_policy   (const char    *name,
                                           PolisiLibrary *library);
char         *polisi_test_long_word        (void);
PolisiPolicy *polisi_test_load_example     (const char    *name);

G_END_DECLS
