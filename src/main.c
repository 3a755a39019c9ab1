/* main.c: sets the language, then hands over to MiriamApplication
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "core/miriam-settings.h"
#include "gui/miriam-application.h"

/* The language must be set before GTK or anything else translates a
 * string, so --language is read here, ahead of GApplication's parser
 * (which knows it too, for --help). */
static MiriamLanguage
language_from_args (int    argc,
                    char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--language="))
        return miriam_language_from_code (argv[i] + strlen ("--language="));
      if (g_str_equal (argv[i], "--language") && i + 1 < argc)
        return miriam_language_from_code (argv[i + 1]);
    }
  return MIRIAM_LANGUAGE_SYSTEM;
}

static char *
get_locale_dir (void)
{
  const char *dir = g_getenv ("MIRIAM_LOCALEDIR");

  /* Set by `meson devenv` and the tests: run from the build tree. */
  if (dir != NULL && dir[0] != '\0')
    return g_strdup (dir);

#ifdef G_OS_WIN32
  {
    /* Installed by MSYS2 or an installer: share/locale beside bin/. */
    g_autofree char *base = g_win32_get_package_installation_directory_of_module (NULL);
    return g_build_filename (base, "share", "locale", NULL);
  }
#else
  return g_strdup (LOCALEDIR);
#endif
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(MiriamSettings) settings = miriam_settings_load ();
  g_autoptr(MiriamApplication) app = NULL;
  g_autofree char *locale_dir = get_locale_dir ();
  MiriamLanguage language;

  language = language_from_args (argc, argv);
  if (language == MIRIAM_LANGUAGE_SYSTEM)
    language = settings->language;
  setlocale (LC_ALL, "");
  language = miriam_language_resolve (language, g_get_language_names ());

  /* We set the locale ourselves: GTK would reset it from the environment
   * and undo the chosen language. */
  gtk_disable_setlocale ();
  miriam_language_apply (language);

  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name ("MIRIAM");

  app = miriam_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
