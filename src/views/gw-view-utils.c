/* gw-view-utils.c: small things several views need */

#include "config.h"

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
