/* gw-complaint-filter.h: which complaints a list shows, and in what order */
#pragma once

#include <glib.h>

#include "gw-datetime.h"
#include "gw-enums.h"

G_BEGIN_DECLS

/* Sets of vocabulary values are bit masks: bit N stands for value N. A mask
 * of 0 means "any". */
#define GW_MASK(value) (1u << (value))

typedef struct {
  guint   statuses;
  guint   kinds;
  guint   channels;
  gint64  category_id;   /* 0: any */
  gint64  staff_id;      /* received or handled by; 0: any */
  gint64  customer_id;   /* 0: any */
  gint64  from;          /* received at or after; GW_NO_TIME: open */
  gint64  until;         /* received before; GW_NO_TIME: open */
  gint64  overdue_at;    /* follow-up due by this time and unresolved; GW_NO_TIME: off */
  char   *search;        /* words to find; NULL or "": no search */
} GwComplaintFilter;

/* A filter that lets everything through, for one on the stack. */
#define GW_COMPLAINT_FILTER_INIT \
  ((GwComplaintFilter) { .from = GW_NO_TIME, .until = GW_NO_TIME, .overdue_at = GW_NO_TIME })

typedef enum {
  GW_SORT_NEWEST_FIRST,
  GW_SORT_OLDEST_FIRST,
  GW_SORT_FOLLOW_UP_FIRST,
  GW_SORT_CUSTOMER,
  GW_SORT_STATUS,
  GW_N_SORTS,
} GwComplaintSort;

/* Search results are ranked newest first and capped: past this many, the
 * person refines the search rather than scrolls. */
#define GW_SEARCH_LIMIT 1000

GwComplaintFilter *gw_complaint_filter_new    (void);
GwComplaintFilter *gw_complaint_filter_copy   (const GwComplaintFilter *filter);
void               gw_complaint_filter_free   (GwComplaintFilter       *filter);
gboolean           gw_complaint_filter_equal  (const GwComplaintFilter *a,
                                               const GwComplaintFilter *b);
gboolean           gw_complaint_filter_is_empty (const GwComplaintFilter *filter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwComplaintFilter, gw_complaint_filter_free)

/* The people and things complaints refer to. */
typedef struct {
  gint64    id;
  char     *name;
  char     *role;
  char     *phone;
  char     *email;
  gboolean  is_manager;
  gboolean  active;
  gint64    started_at;   /* 0 when not known */
} GwStaffMember;

typedef struct {
  gint64    id;
  char     *name;
  gboolean  archived;
  gint64    n_complaints;
} GwCategory;

typedef struct {
  gint64  id;
  char   *name;
  char   *phone;
  char   *email;
  char   *address;
  char   *notes;
} GwCustomer;

/* A recognition or reward given to a staff member. */
typedef struct {
  gint64             id;
  gint64             staff_id;
  char              *staff;
  gint64             given_at;
  GwRecognitionKind  kind;
  char              *reason;
  gint64             value;          /* minor units; 0 when none */
  gint64             complaint_id;   /* 0 when not about one */
} GwRecognition;

/* A training session and who attended. */
typedef struct {
  gint64           id;
  GwTrainingTopic  topic;
  gint64           held_at;
  char            *trainer;
  char            *notes;
  GArray          *attendee_ids;    /* gint64 */
  GStrv            attendees;       /* names, when read from the store */
} GwTraining;

void gw_training_free (GwTraining *training);

/* Something a member of staff raised with the owner, and the answer. */
typedef struct {
  gint64          id;
  gint64          raised_by;      /* staff id, or 0 when not said */
  char           *raised_by_name; /* when read from the store */
  GwConcernTopic  topic;
  char           *text;
  gint64          raised_at;
  char           *answer;
  gint64          answered_at;    /* 0 until answered */
  gint64          closed_at;      /* 0 while open */
} GwConcern;

void gw_concern_free (GwConcern *concern);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwConcern, gw_concern_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwTraining, gw_training_free)

/* What customers said through one person's work in a period. */
typedef struct {
  gint64 complaints;           /* complaints they received */
  gint64 resolved;             /* of those, resolved */
  gint64 median_resolve_secs;  /* of the resolved; 0 when none */
  gint64 follow_ups_due;       /* follow-ups of theirs that fell due */
  gint64 follow_ups_kept;      /* of those, resolved or the customer told in time */
  gint64 delighted;
  gint64 satisfied;
  gint64 dissatisfied;
  gint64 compliments;
  gint64 recognitions;
} GwStaffFeedback;

gint64 gw_median (GArray *values);

void gw_recognition_free  (GwRecognition *recognition);
void gw_staff_member_free (GwStaffMember *member);
void gw_category_free     (GwCategory    *category);
void gw_customer_free     (GwCustomer    *customer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwStaffMember, gw_staff_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwRecognition, gw_recognition_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwCategory, gw_category_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwCustomer, gw_customer_free)

G_END_DECLS
