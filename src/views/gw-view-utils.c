/* gw-view-utils.c: small things several views need */

#include "config.h"

#include <glib/gi18n.h>

#include "core/gw-datetime.h"
#include "gw-view-utils.h"

/* Appends every label of @vocabulary, so position N is value N. */
void
gw_string_list_append_vocabulary (GtkStringList *list,
                                  GwVocabulary   vocabulary)
{
  for (guint i = 0; i < gw_vocabulary_size (vocabulary); i++)
    gtk_string_list_append (list, gw_vocabulary_label (vocabulary, i));
}

/* The application's settings, or %NULL when its schema is not installed
 * (run from the build tree): then it simply does not remember things. */
GSettings *
gw_settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

/* "Equipment · Sara Eriksson · 23/11/2026", or without the name when the
 * person chose not to give it. */
char *
gw_concern_describe (const GwConcern *concern)
{
  g_autofree char *when = gw_datetime_format_local_date (concern->raised_at);
  const char *topic = gw_vocabulary_label (GW_VOCAB_CONCERN, concern->topic);

  if (*concern->raised_by_name != '\0')
    /* TRANSLATORS: topic · who raised it · when */
    return g_strdup_printf (_("%s · %s · %s"), topic, concern->raised_by_name, when);
  /* TRANSLATORS: topic · when */
  return g_strdup_printf (_("%s · %s"), topic, when);
}
