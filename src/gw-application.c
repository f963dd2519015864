/* gw-application.c: command-line options, application actions, and the
 * store each window works on
 */

#define G_LOG_DOMAIN "goodwill"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixoutputstream.h>
#include <unistd.h>

#include "core/gw-csv.h"
#include "core/gw-money.h"
#include "gw-application.h"
#include "gw-transfer.h"
#include "notify/gw-notifier.h"
#include "report/gw-report.h"
#include "views/gw-view-utils.h"
#include "gw-window.h"

struct _GwApplication {
  AdwApplication parent_instance;

  char          *database_path;
  gboolean       start_hidden;
};

G_DEFINE_FINAL_TYPE (GwApplication, gw_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database in FILE instead of the usual one"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fill an empty database with sample complaints, then quit"), NULL },
  { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import complaints from a CSV file, then quit"), N_("FILE") },
  { "encoding", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Read the --import-csv file in ENCODING (UTF-8, Windows-1252, ISO-8859-1); "
       "otherwise it is decided from the file"), N_("ENCODING") },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export every complaint to a CSV file (- for standard output), then quit"), N_("FILE") },
  { "csv-format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the --export-csv file for a spreadsheet (your language, local times) or "
       "exact, for another Goodwill (the default)"), N_("spreadsheet|exact") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a backup copy of the database to FILE, then quit"), N_("FILE") },
  { "monthly-report", 0, 0, G_OPTION_ARG_STRING, NULL,
    /* TRANSLATORS: YYYY-MM is the form the month is typed in: write it as your
     * language abbreviates year and month, as the window does (Swedish ÅÅÅÅ-MM) */
    N_("Write the review of MONTH (YYYY-MM) as a PDF to the --output file, then quit"),
    N_("MONTH") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The file --monthly-report writes"), N_("FILE") },
  { "export-policy", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the customer service policy as a PDF to FILE, then quit"), N_("FILE") },
  { "check-overdue", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Send reminders for follow-ups that are due, then quit"), NULL },
  { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start without a window, to give reminders of follow-ups"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

GwApplication *
gw_application_new (void)
{
  return g_object_new (GW_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/goodwill/Goodwill",
                       NULL);
}

const char *
gw_application_get_database_path (GwApplication *self)
{
  g_return_val_if_fail (GW_IS_APPLICATION (self), NULL);
  return self->database_path;
}

static void
print_import_progress (goffset  bytes_read,
                       goffset  total_bytes,
                       guint    n_rows,
                       gpointer user_data)
{
  gboolean interactive = GPOINTER_TO_INT (user_data);
  g_autofree char *message = NULL;

  if (total_bytes > 0)
    message = g_strdup_printf (ngettext ("Read %u row (%d%%)", "Read %u rows (%d%%)", n_rows),
                               n_rows, (int) (100 * bytes_read / total_bytes));
  else
    message = g_strdup_printf (ngettext ("Read %u row", "Read %u rows", n_rows), n_rows);

  /* On a terminal the line rewrites itself; in a log each report stands. */
  g_printerr (interactive ? "\r%s" : "%s\n", message);
}

/* Printed pages carry the business's name, and amounts its currency, as
 * set in the preferences; the command line has no window to read them. */
static gboolean
write_business_pdf (GwReport    *report,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GSettings) settings = gw_settings_new_if_installed ();

  if (settings != NULL)
    {
      g_autofree char *business = g_settings_get_string (settings, "business-name");

      gw_report_set_business (report, business);
    }
  return gw_report_write_pdf (report, path, error);
}

static void
use_business_currency (void)
{
  g_autoptr(GSettings) settings = gw_settings_new_if_installed ();

  if (settings != NULL)
    {
      g_autofree char *currency = g_settings_get_string (settings, "currency");

      gw_money_set_currency (currency);
    }
}

/* The owner's text for each section, or NULL where the starter stands. */
static gboolean
write_policy (GwStore     *store,
              const char  *path,
              GError     **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GwReport) report = NULL;

  for (guint area = 0; area < GW_N_POLICY_AREAS; area++)
    {
      g_autoptr(GError) local_error = NULL;
      char *text = gw_store_get_policy_text (store, area, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_ptr_array_add (texts, text);
    }
  report = gw_report_new_policy ((const char *const *) texts->pdata);
  return write_business_pdf (report, path, error);
}

static gboolean
write_monthly_report (GwStore     *store,
                      GwMonth      month,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GwMonthlyReview) review = NULL;
  g_autoptr(GwReport) report = NULL;

  review = gw_store_monthly_review (store, month, g_get_real_time () / G_USEC_PER_SEC, error);
  if (review == NULL)
    return FALSE;
  use_business_currency ();
  report = gw_report_new_monthly (review);
  return write_business_pdf (report, path, error);
}

/* A store Goodwill may not write (a read-only disk, someone else's file)
 * can still be exported, backed up and reported on. */
static GwStore *
open_store_for_tasks (const char    *path,
                      GVariantDict  *options,
                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GwStore *store = gw_store_open (path, &local_error);
  gboolean only_reads = !g_variant_dict_contains (options, "demo")
                        && !g_variant_dict_contains (options, "import-csv")
                        && !g_variant_dict_contains (options, "check-overdue");

  if (store == NULL && only_reads
      && (g_error_matches (local_error, GW_STORE_ERROR, GW_STORE_ERROR_READ_ONLY)
          || g_error_matches (local_error, GW_STORE_ERROR, GW_STORE_ERROR_CANNOT_OPEN)))
    {
      g_autoptr(GError) read_error = NULL;

      store = gw_store_open_read_only (path, &read_error);
      if (store != NULL)
        return store;
      g_debug ("Cannot read %s either: %s", path, read_error->message);
    }
  if (store == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return store;
}

static gboolean
run_command_line_tasks (GwApplication *self,
                        GVariantDict  *options,
                        GError       **error)
{
  g_autoptr(GwStore) store = NULL;
  g_autofree char *import_path = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *report_month = NULL;
  g_autofree char *report_path = NULL;
  g_autofree char *policy_path = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *csv_format_name = NULL;
  GwCsvFormat csv_format = GW_CSV_FORMAT_EXACT;
  GwMonth month = GW_NO_MONTH;

  g_variant_dict_lookup (options, "import-csv", "^ay", &import_path);
  g_variant_dict_lookup (options, "export-csv", "^ay", &export_path);
  g_variant_dict_lookup (options, "backup", "^ay", &backup_path);
  g_variant_dict_lookup (options, "monthly-report", "s", &report_month);
  g_variant_dict_lookup (options, "output", "^ay", &report_path);
  g_variant_dict_lookup (options, "export-policy", "^ay", &policy_path);
  g_variant_dict_lookup (options, "encoding", "s", &encoding);
  g_variant_dict_lookup (options, "csv-format", "s", &csv_format_name);

  /* Mistakes in the options are told before the store is opened, or made. */
  if (report_month != NULL && !gw_month_parse_key (report_month, &month))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* TRANSLATORS: YYYY-MM is the form the month is typed in: write it as
                    * your language abbreviates year and month, as the window does
                    * (Swedish ÅÅÅÅ-MM); the example stays as it is */
                   _("“%s” is not a month: write it as YYYY-MM, for example 2026-11"),
                   report_month);
      return FALSE;
    }
  /* A month still under way, or to come, has no review yet. */
  if (report_month != NULL
      && month > gw_month_from_time (g_get_real_time () / G_USEC_PER_SEC))
    {
      g_autofree char *name = gw_month_format_in_text (month);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* TRANSLATORS: %s is a month and year, e.g. "January 2030" */
                   _("%s has not happened yet: a review is of a month that has begun"),
                   name);
      return FALSE;
    }
  if (report_month != NULL && report_path == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Say where to write the review with --output FILE"));
      return FALSE;
    }
  if (report_month == NULL && report_path != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--output names the file for --monthly-report"));
      return FALSE;
    }

  if (encoding != NULL && import_path == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--encoding says how to read the --import-csv file"));
      return FALSE;
    }
  if (encoding != NULL && !gw_csv_check_encoding (encoding, error))
    return FALSE;
  if (csv_format_name != NULL && export_path == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--csv-format says how to write the --export-csv file"));
      return FALSE;
    }
  if (csv_format_name != NULL && !gw_csv_format_parse (csv_format_name, &csv_format))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* TRANSLATORS: keep spreadsheet and exact as they are: they are typed that way */
                   _("“%s” is not a CSV format: say spreadsheet or exact"), csv_format_name);
      return FALSE;
    }

  store = open_store_for_tasks (self->database_path, options, error);
  if (store == NULL)
    return FALSE;

  if (g_variant_dict_contains (options, "demo"))
    {
      guint n_added = 0;

      if (!gw_transfer_fill_demo (store, g_get_real_time () / G_USEC_PER_SEC, &n_added, error))
        return FALSE;
      g_printerr (ngettext ("Added %u sample entry to %s\n",
                            "Added %u sample entries to %s\n", n_added),
                  n_added, self->database_path);
    }

  if (import_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (import_path);
      gboolean interactive = isatty (STDERR_FILENO);
      GwImportRequest request = { .encoding = encoding };
      GwImportResult result = { 0 };
      gboolean ok;

      ok = gw_transfer_import_csv_full (store, file, &request, print_import_progress,
                                        GINT_TO_POINTER (interactive), &result, NULL, error);
      if (interactive)
        g_printerr ("\n");
      if (result.encoding != NULL && result.encoding_detected)
        /* TRANSLATORS: the first %s is a file, the second an encoding such as
         * "Windows-1252"; keep --encoding as it is */
        g_printerr (_("Read %s as %s, decided from its start; choose another with "
                      "--encoding\n"),
                    import_path, gw_csv_encoding_display_name (result.encoding));
      if (!ok)
        {
          /* Refused lines say themselves that nothing was imported. */
          if (result.n_errors > 0)
            /* TRANSLATORS: %s is the file; what follows says how many of its lines were refused */
            g_prefix_error (error, _("In %s: "), import_path);
          else
            g_prefix_error (error, _("Nothing was imported from %s: "), import_path);
          gw_import_result_clear (&result);
          return FALSE;
        }
      g_printerr (ngettext ("Imported %u complaint from %s\n",
                            "Imported %u complaints from %s\n", result.n_imported),
                  result.n_imported, import_path);
      if (result.n_repeated > 0)
        g_printerr (ngettext ("Left out %u complaint that was already in Goodwill\n",
                              "Left out %u complaints that were already in Goodwill\n",
                              result.n_repeated),
                    result.n_repeated);
      gw_import_result_clear (&result);
    }

  if (export_path != NULL)
    {
      guint n_exported = 0;
      gboolean ok;

      if (g_strcmp0 (export_path, "-") == 0)
        {
          g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

          ok = gw_transfer_export_csv (store, out, csv_format, &n_exported, NULL, error);
        }
      else
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (export_path);

          ok = gw_transfer_export_csv_to_file (store, file, csv_format, &n_exported, NULL,
                                               error);
        }
      if (!ok)
        {
          g_prefix_error (error, _("The export failed: "));
          return FALSE;
        }
      g_printerr (ngettext ("Exported %u complaint\n", "Exported %u complaints\n", n_exported),
                  n_exported);
    }

  if (backup_path != NULL)
    {
      if (!gw_store_backup (store, backup_path, error))
        return FALSE;
      g_printerr (_("Backed up %s to %s\n"), self->database_path, backup_path);
    }

  if (report_month != NULL)
    {
      g_autofree char *name = gw_month_format_in_text (month);

      if (!write_monthly_report (store, month, report_path, error))
        return FALSE;
      /* TRANSLATORS: %s is a month and year, then a file name */
      g_printerr (_("Wrote the review of %s to %s\n"), name, report_path);
    }

  if (policy_path != NULL)
    {
      if (!write_policy (store, policy_path, error))
        return FALSE;
      g_printerr (_("Wrote the customer service policy to %s\n"), policy_path);
    }

  if (g_variant_dict_contains (options, "check-overdue"))
    {
      /* A cron job or timer hears no answers: no Open or Snooze here. */
      g_autoptr(GwNotifier) notifier = gw_notifier_new (store, FALSE);
      g_autoptr(GSettings) settings = gw_settings_new_if_installed ();
      guint n_sent;

      /* The same lead and business hours as the window's reminders. */
      gw_notifier_apply_settings (notifier, settings);
      n_sent = gw_notifier_check (notifier, g_get_real_time () / G_USEC_PER_SEC, NULL, error);

      if (error != NULL && *error != NULL)
        return FALSE;
      g_printerr (ngettext ("Sent %u reminder\n", "Sent %u reminders\n", n_sent), n_sent);
    }

  return TRUE;
}

static int
gw_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  GwApplication *self = GW_APPLICATION (app);
  g_autofree char *database = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "Goodwill", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    self->database_path = g_canonicalize_filename (database, NULL);
  else if (g_getenv ("GOODWILL_DATABASE") != NULL && *g_getenv ("GOODWILL_DATABASE") != '\0')
    self->database_path = g_canonicalize_filename (g_getenv ("GOODWILL_DATABASE"), NULL);
  else
    self->database_path = gw_store_default_path ();

  self->start_hidden = g_variant_dict_contains (options, "background");

  /* A window on another database is another instance, not this one. */
  if (database != NULL || g_getenv ("GOODWILL_DATABASE") != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  if (g_variant_dict_contains (options, "demo")
      || g_variant_dict_contains (options, "import-csv")
      || g_variant_dict_contains (options, "export-csv")
      || g_variant_dict_contains (options, "encoding")
      || g_variant_dict_contains (options, "csv-format")
      || g_variant_dict_contains (options, "backup")
      || g_variant_dict_contains (options, "monthly-report")
      || g_variant_dict_contains (options, "output")
      || g_variant_dict_contains (options, "export-policy")
      || g_variant_dict_contains (options, "check-overdue"))
    {
      if (!run_command_line_tasks (self, options, &error))
        {
          g_printerr ("goodwill: %s\n", error->message);
          return EXIT_FAILURE;
        }
      return EXIT_SUCCESS;
    }

  return -1;
}

static void
gw_application_activate (GApplication *app)
{
  GwApplication *self = GW_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (gw_window_new (self, self->database_path));
  /* Started at login for reminders: the window works hidden until asked
   * for (a notification's Open, or starting Goodwill again). */
  if (self->start_hidden)
    {
      self->start_hidden = FALSE;
      return;
    }
  gtk_window_present (window);
}

static void
on_about_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Goodwill developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Goodwill"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Log complaints and compliments, keep your promises to "
                                      "customers, and learn what to improve."),
                        "developers", developers,
                        "copyright", "© 2026 The Goodwill developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* TRANSLATORS: your name, to be credited in the About window */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Opens the user guide in the help viewer; GTK reports a failure itself. */
static void
on_help_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkApplication *app = user_data;

  gtk_show_uri (gtk_application_get_active_window (app), "help:goodwill", GDK_CURRENT_TIME);
}

static void
on_quit_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", on_about_activated },
  { "help", on_help_activated },
  { "quit", on_quit_activated },
};

/* GTK reads the icon theme's index in another thread when it starts, but
 * the application's own icon folder, added at start-up, sends it back to be
 * read again at the first icon, on the main loop, before the first frame.
 * GTK lets another thread look an icon up once the theme is set up, so it
 * is read again there while the window is being built. */
static void
read_icon_theme_in_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (task_data, "open-menu-symbolic",
                                                                  NULL, 16, 1, GTK_TEXT_DIR_NONE,
                                                                  0);

  g_task_return_boolean (task, icon != NULL);
}

static void
read_icon_theme_early (void)
{
  static gboolean started;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL || started)
    return;
  started = TRUE;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)),
                        g_object_unref);
  g_task_run_in_thread (task, read_icon_theme_in_thread);
}

static void
gw_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (gw_application_parent_class)->startup (app);
  read_icon_theme_early ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         shortcuts_accels);
}

static void
gw_application_finalize (GObject *object)
{
  GwApplication *self = GW_APPLICATION (object);

  g_free (self->database_path);
  G_OBJECT_CLASS (gw_application_parent_class)->finalize (object);
}

static void
gw_application_class_init (GwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = gw_application_finalize;
  app_class->handle_local_options = gw_application_handle_local_options;
  app_class->activate = gw_application_activate;
  app_class->startup = gw_application_startup;
}

static void
gw_application_init (GwApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Customer service for a small business."));
}
