/* gw-view-utils.h: small things several views need */
#pragma once

#include <gtk/gtk.h>

#include "core/gw-complaint-filter.h"
#include "core/gw-enums.h"
#include "report/gw-report.h"
#include "store/gw-store.h"

G_BEGIN_DECLS

void       gw_string_list_append_vocabulary (GtkStringList *list,
                                             GwVocabulary   vocabulary);
GSettings *gw_settings_new_if_installed     (void);
char      *gw_concern_describe              (const GwConcern *concern);
void       gw_monthly_review_load_async     (gpointer             source_object,
                                             GwStore             *store,
                                             GwMonth              month,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GwMonthlyReview *gw_monthly_review_load_finish (GAsyncResult     *result,
                                             GError             **error);
void       gw_entries_activate_default      (GtkWidget       *form);
void       gw_focus_after_text              (GtkWidget       *field);
void       gw_list_box_remove_all           (GtkListBox      *list);
GtkWidget *gw_standing_tag_new              (GwStanding       standing);
void       gw_trend_style_for_widget        (GtkWidget       *widget,
                                             GwTrendStyle    *style);
gboolean   gw_print_operation_export        (GtkPrintOperation *operation,
                                             GtkWindow       *parent,
                                             const char      *pdf_path,
                                             GError         **error);
gboolean   gw_print_report                  (GtkWindow       *parent,
                                             GwReport        *report,
                                             const char      *pdf_path,
                                             GError         **error);

G_END_DECLS
