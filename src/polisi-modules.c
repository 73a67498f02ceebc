/* polisi-modules.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program is the command line, the core and the reading of files; two
 * parts are modules, loaded the first time they are wanted, so that a
 * command that reads or checks a policy starts without them:
 *  - the export module (src/export's writers, with cairo, pango, harfbuzz,
 *    fontconfig and libgsf, about twenty libraries), loaded by the first
 *    export, and before the window, which draws the preview with it;
 *  - the window (src/gui/polisi-gui-main.c), loaded by main.c.
 * A module's own undefined names (the core's functions) are the program's,
 * which exports them; the export module is loaded for every later module
 * to see (RTLD_GLOBAL), so that the window finds the writers there and
 * each type is registered once.
 *
 * polisi_export_to_bytes() below is the door the program's own callers
 * (polisi_export_to_file(), the batch) go through: it loads the module once,
 * from any thread, and calls the module's function of the same name, which
 * the module binds to itself (-Bsymbolic-functions in src/meson.build).
 * polisi_export_prepare() is a door of the same kind, which returns at once
 * and loads and prepares the module in a thread.
 */
#include "config.h"

#include <dlfcn.h>

#include <glib/gi18n.h>

#include "polisi-error.h"
#include "polisi-export.h"
#include "polisi-modules.h"

/**
 * polisi_modules_find:
 * @name: the module's file name
 *
 * The module beside the program in a build folder; else the one in the
 * package's library folder (POLISI_MODULEDIR), where it is installed. The
 * path is given whole: a bare name would be looked up from whoever calls
 * dlopen(), which under a sanitizer is not the program.
 *
 * Returns: (transfer full): the module's path
 */
char *
polisi_modules_find (const char *name)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (folder, name, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&beside);
    }
  return g_build_filename (POLISI_MODULEDIR, name, NULL);
}

typedef GBytes *(*ToBytesFunc) (PolisiDocument            *document,
                                PolisiFormat               format,
                                const PolisiExportOptions *options,
                                GError                   **error);

typedef struct {
  ToBytesFunc  to_bytes;
  void       (*prepare) (void);
  char        *path;
  char        *reason;
} ExportModule;

static gpointer
load_export_module (gpointer data)
{
  ExportModule *module = g_new0 (ExportModule, 1);
  void *handle;

  module->path = polisi_modules_find (POLISI_EXPORT_MODULE);
  handle = dlopen (module->path, RTLD_LAZY | RTLD_GLOBAL);
  if (handle == NULL)
    module->reason = g_strdup (dlerror ());
  else if ((*(void **) &module->to_bytes = dlsym (handle, "polisi_export_to_bytes")) == NULL)
    module->reason = g_strdup (dlerror ());
  else
    *(void **) &module->prepare = dlsym (handle, "polisi_export_prepare");
  /* the module stays: its types are registered, its fonts set up */
  return module;
}

static ExportModule *
get_export_module (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_export_module, NULL);
}

/**
 * polisi_modules_load_export:
 * @path: (out) (optional): the module's file, when it did not load
 * @reason: (out) (optional): the system's reason, in English
 *
 * Loads the export module, once a process, for every later module to see.
 *
 * Returns: whether it is loaded
 */
gboolean
polisi_modules_load_export (const char **path,
                            const char **reason)
{
  ExportModule *module = get_export_module ();

  if (path != NULL)
    *path = module->path;
  if (reason != NULL)
    *reason = module->reason;
  return module->to_bytes != NULL;
}

static gpointer
prepare_export (gpointer data)
{
  ExportModule *module = get_export_module ();

  if (module->prepare != NULL)
    module->prepare ();
  return NULL;
}

/* The program's door to polisi_export_prepare(): the module loaded and
 * prepared in a thread of its own, while the caller goes on. Whoever
 * exports waits for the module if it is still loading. */
void
polisi_export_prepare (void)
{
  g_thread_unref (g_thread_new ("polisi-prepare", prepare_export, NULL));
}

/* The program's door to the writers (see above). */
GBytes *
polisi_export_to_bytes (PolisiDocument            *document,
                        PolisiFormat               format,
                        const PolisiExportOptions *options,
                        GError                   **error)
{
  const char *path;
  const char *reason;

  if (!polisi_modules_load_export (&path, &reason))
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_FAILED,
                   /* Translators: the first %s is the file of Polisi’s part, the second the system’s reason, in English */
                   _("Polisi’s part that writes ODT, DOCX, PDF and web pages, %s, could not be loaded (%s). "
                     "Nothing was written. Reinstall Polisi."),
                   path, reason);
      return NULL;
    }
  return get_export_module ()->to_bytes (document, format, options, error);
}
