/* gw-store.h: the one SQLite store behind Goodwill
 *
 * The only code that speaks SQL. Every failure comes back as a GError in
 * GW_STORE_ERROR; every change is announced with ::changed so open views
 * can refresh. Safe to call from worker threads; ::changed is always
 * emitted on the thread that opened the store.
 */
#pragma once

#include <gio/gio.h>

#include "core/gw-assessment.h"
#include "core/gw-complaint.h"
#include "core/gw-complaint-filter.h"
#include "core/gw-goals.h"
#include "core/gw-top-issues.h"
#include "core/gw-reminders.h"
#include "core/gw-vision.h"

G_BEGIN_DECLS

#define GW_STORE_ERROR (gw_store_error_quark ())

typedef enum {
  GW_STORE_ERROR_FAILED,
  GW_STORE_ERROR_CANNOT_OPEN,
  GW_STORE_ERROR_NOT_GOODWILL,
  GW_STORE_ERROR_CORRUPT,
  GW_STORE_ERROR_TOO_NEW,
  GW_STORE_ERROR_READ_ONLY,
  GW_STORE_ERROR_DISK_FULL,
  GW_STORE_ERROR_BUSY,
  GW_STORE_ERROR_NOT_FOUND,
  GW_STORE_ERROR_INVALID,
  GW_STORE_ERROR_NOT_EMPTY,
} GwStoreError;

/* The schema version this build writes; a store above it is refused. */
#define GW_STORE_SCHEMA_VERSION 12

#define GW_TYPE_STORE (gw_store_get_type ())

G_DECLARE_FINAL_TYPE (GwStore, gw_store, GW, STORE, GObject)

typedef gboolean (*GwComplaintFunc) (const GwComplaint *complaint,
                                     gpointer           user_data,
                                     GError           **error);

GQuark       gw_store_error_quark           (void);
char        *gw_store_default_path          (void);

GwStore     *gw_store_open                  (const char        *path,
                                             GError           **error);
GwStore     *gw_store_open_unchecked        (const char        *path,
                                             GError           **error);
GwStore     *gw_store_open_read_only        (const char        *path,
                                             GError           **error);
gboolean     gw_store_is_read_only          (GwStore           *self);
gboolean     gw_store_is_verified           (GwStore           *self);
void         gw_store_open_async            (const char        *path,
                                             GCancellable      *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer           user_data);
GwStore     *gw_store_open_finish           (GAsyncResult      *result,
                                             GError           **error);
const char  *gw_store_get_path              (GwStore           *self);
int          gw_store_get_schema_version    (GwStore           *self);

gboolean     gw_store_begin                 (GwStore           *self,
                                             GError           **error);
gboolean     gw_store_commit                (GwStore           *self,
                                             GError           **error);
void         gw_store_rollback              (GwStore           *self);
gboolean     gw_store_leave_out_repeated_complaints (GwStore      *self,
                                                     guint        *n_left_out,
                                                     GError      **error);

gboolean     gw_store_backup                (GwStore           *self,
                                             const char        *destination,
                                             GError           **error);

gint64       gw_store_add_complaint         (GwStore           *self,
                                             const GwComplaint *complaint,
                                             GError           **error);
GwComplaint *gw_store_get_complaint         (GwStore           *self,
                                             gint64             id,
                                             GError           **error);
gboolean     gw_store_update_complaint      (GwStore           *self,
                                             const GwComplaint *complaint,
                                             gint64             by_staff_id,
                                             GError           **error);
gboolean     gw_store_delete_complaint      (GwStore           *self,
                                             gint64             id,
                                             GError           **error);
gboolean     gw_store_restore_complaint     (GwStore           *self,
                                             gint64             id,
                                             GError           **error);
gint64       gw_store_count_complaints      (GwStore           *self,
                                             GError           **error);
gboolean     gw_store_foreach_complaint     (GwStore           *self,
                                             GwComplaintFunc    func,
                                             gpointer           user_data,
                                             GError           **error);
GArray      *gw_store_search_complaints     (GwStore           *self,
                                             const char        *query,
                                             guint              limit,
                                             GError           **error);
gint64       gw_store_add_note              (GwStore           *self,
                                             gint64             complaint_id,
                                             gint64             at,
                                             const char        *staff_name,
                                             const char        *text,
                                             GError           **error);

gboolean     gw_store_hand_over             (GwStore           *self,
                                             gint64             complaint_id,
                                             gint64             to_staff_id,
                                             gint64             by_staff_id,
                                             const char        *note,
                                             GError           **error);
gboolean     gw_store_record_informed       (GwStore           *self,
                                             gint64             complaint_id,
                                             GwChannel          how,
                                             const char        *what,
                                             gint64             by_staff_id,
                                             GError           **error);

GArray      *gw_store_list_complaint_ids    (GwStore                 *self,
                                             const GwComplaintFilter *filter,
                                             GwComplaintSort          sort,
                                             GError                 **error);
GArray      *gw_store_list_complaint_ids_limited (GwStore            *self,
                                             const GwComplaintFilter *filter,
                                             GwComplaintSort          sort,
                                             guint                    limit,
                                             GCancellable            *cancellable,
                                             GError                 **error);
gboolean     gw_store_restore               (GwStore           *self,
                                             const char        *source,
                                             const char        *safety_copy,
                                             GError           **error);
gboolean     gw_store_check_integrity       (GwStore           *self,
                                             GError           **error);
GPtrArray   *gw_store_get_complaints        (GwStore           *self,
                                             const gint64      *ids,
                                             guint              n_ids,
                                             GError           **error);
gint64       gw_store_count_overdue         (GwStore           *self,
                                             gint64             now,
                                             GError           **error);
GPtrArray   *gw_store_list_events           (GwStore           *self,
                                             gint64             complaint_id,
                                             GError           **error);
GPtrArray   *gw_store_list_staff            (GwStore           *self,
                                             GError           **error);
GPtrArray   *gw_store_list_categories       (GwStore           *self,
                                             GError           **error);
GPtrArray   *gw_store_find_customers        (GwStore           *self,
                                             const char        *text,
                                             guint              limit,
                                             GError           **error);

GPtrArray   *gw_store_category_stats        (GwStore           *self,
                                             gint64             from,
                                             gint64             until,
                                             GError           **error);
GStrv        gw_store_prevention_notes      (GwStore           *self,
                                             gint64             category_id,
                                             gint64             from,
                                             gint64             until,
                                             guint              limit,
                                             GError           **error);

GwCustomer  *gw_store_get_customer          (GwStore           *self,
                                             gint64             id,
                                             GError           **error);
gboolean     gw_store_update_customer       (GwStore           *self,
                                             const GwCustomer  *customer,
                                             GError           **error);
gboolean     gw_store_merge_customers       (GwStore           *self,
                                             gint64             keep_id,
                                             gint64             merge_id,
                                             GError           **error);
gint64       gw_store_add_category          (GwStore           *self,
                                             const char        *name,
                                             GError           **error);
gboolean     gw_store_rename_category       (GwStore           *self,
                                             gint64             id,
                                             const char        *name,
                                             GError           **error);
gboolean     gw_store_set_category_archived (GwStore           *self,
                                             gint64             id,
                                             gboolean           archived,
                                             GError           **error);
gboolean     gw_store_merge_categories      (GwStore           *self,
                                             gint64             keep_id,
                                             gint64             merge_id,
                                             GError           **error);

GPtrArray   *gw_store_list_follow_ups       (GwStore           *self,
                                             GError           **error);
gboolean     gw_store_mark_noticed          (GwStore           *self,
                                             gint64             complaint_id,
                                             gint64             follow_up_at,
                                             GwNoticeKind       kind,
                                             gint64             now,
                                             GError           **error);
gboolean     gw_store_snooze                (GwStore           *self,
                                             gint64             complaint_id,
                                             gint64             until,
                                             GError           **error);

gint64       gw_store_save_staff_member     (GwStore             *self,
                                             const GwStaffMember *member,
                                             GError             **error);

gint64       gw_store_add_recognition       (GwStore             *self,
                                             const GwRecognition *recognition,
                                             GError             **error);
GPtrArray   *gw_store_list_recognitions     (GwStore             *self,
                                             guint                limit,
                                             GError             **error);

gboolean     gw_store_staff_feedback        (GwStore             *self,
                                             gint64               staff_id,
                                             gint64               from,
                                             gint64               until,
                                             gint64               now,
                                             GwStaffFeedback     *feedback,
                                             GError             **error);

gint64       gw_store_add_training          (GwStore             *self,
                                             const GwTraining    *training,
                                             GError             **error);
GPtrArray   *gw_store_list_trainings        (GwStore             *self,
                                             gint64               staff_id,
                                             guint                limit,
                                             GError             **error);
GStrv        gw_store_staff_without_training (GwStore            *self,
                                             GwTrainingTopic      topic,
                                             GError             **error);

gint64       gw_store_add_concern           (GwStore             *self,
                                             const GwConcern     *concern,
                                             GError             **error);
gboolean     gw_store_answer_concern        (GwStore             *self,
                                             gint64               id,
                                             const char          *answer,
                                             gboolean             close,
                                             GError             **error);
GPtrArray   *gw_store_list_concerns         (GwStore             *self,
                                             gboolean             include_closed,
                                             guint                limit,
                                             GError             **error);

gint64       gw_store_add_vision            (GwStore                  *self,
                                             const GwVisionStatement  *statement,
                                             GError                  **error);
GPtrArray   *gw_store_list_visions          (GwStore                  *self,
                                             GError                  **error);

gint64       gw_store_save_goal             (GwStore             *self,
                                             const GwGoal        *goal,
                                             GError             **error);
gboolean     gw_store_delete_goal           (GwStore             *self,
                                             gint64               id,
                                             gboolean             deleted,
                                             GError             **error);
GPtrArray   *gw_store_list_goals            (GwStore             *self,
                                             GError             **error);
gboolean     gw_store_set_goal_value        (GwStore             *self,
                                             gint64               goal_id,
                                             GwMonth              month,
                                             gboolean             has_value,
                                             double               value,
                                             GError             **error);
gboolean     gw_store_month_facts           (GwStore             *self,
                                             gint64               from,
                                             gint64               until,
                                             gint64               category_id,
                                             gint64               now,
                                             GwMonthFacts        *facts,
                                             GError             **error);
char        *gw_store_get_month_notes       (GwStore             *self,
                                             GwMonth              month,
                                             GError             **error);
gboolean     gw_store_set_month_notes       (GwStore             *self,
                                             GwMonth              month,
                                             const char          *notes,
                                             GError             **error);
GwMonthlyReview *gw_store_monthly_review    (GwStore             *self,
                                             GwMonth              month,
                                             gint64               now,
                                             GError             **error);

char        *gw_store_get_policy_text       (GwStore             *self,
                                             GwPolicyArea         area,
                                             GError             **error);
gboolean     gw_store_set_policy_text       (GwStore             *self,
                                             GwPolicyArea         area,
                                             const char          *body,
                                             GError             **error);

gint64       gw_store_save_assessment       (GwStore             *self,
                                             const GwAssessment  *assessment,
                                             GError             **error);
GPtrArray   *gw_store_list_assessments      (GwStore             *self,
                                             GError             **error);
gboolean     gw_store_get_assessment_draft  (GwStore             *self,
                                             GwAssessment       **draft,
                                             GError             **error);
gboolean     gw_store_discard_assessment_draft (GwStore          *self,
                                             gint64               id,
                                             GError             **error);

gint64       gw_store_count_rows            (GwStore           *self,
                                             const char        *table,
                                             GError           **error);

G_END_DECLS
