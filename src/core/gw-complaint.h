/* gw-complaint.h: one entry of the complaint and comment log
 *
 * A plain record that travels between the store, CSV files and views. Names
 * of the related customer, staff member and category ride along so that a
 * record read from a file can be matched to rows that may not exist yet.
 */
#pragma once

#include <glib-object.h>

#include "gw-datetime.h"
#include "gw-enums.h"

G_BEGIN_DECLS

#define GW_TYPE_COMPLAINT (gw_complaint_get_type ())

typedef struct {
  gint64          id;
  gint64          received_at;
  GwKind          kind;
  GwChannel       channel;

  gint64          category_id;
  char           *category;

  gint64          customer_id;
  char           *customer_name;
  char           *customer_phone;
  char           *customer_email;
  char           *customer_address;

  gint64          received_by_id;
  char           *received_by;

  /* Who has the matter now, after a hand-over; 0 while it is still with
   * whoever received it. */
  gint64          assigned_to_id;
  char           *assigned_to;

  char           *description;
  char           *agreed_solution;
  gboolean        solved_on_spot;
  char           *promise;
  char           *steps_taken;
  gint64          follow_up_at;

  GwCompensation  compensation_type;
  gint64          compensation_amount;  /* minor units, e.g. öre or cents */

  GwStatus        status;
  gint64          resolved_at;
  GwFeeling       customer_feeling;
  GwBuyAgain      will_buy_again;
  char           *prevention;

  gint64          last_informed_at;
  gint64          created_at;
  gint64          updated_at;
} GwComplaint;

GType        gw_complaint_get_type   (void) G_GNUC_CONST;
GwComplaint *gw_complaint_new        (void);
GwComplaint *gw_complaint_copy       (const GwComplaint *complaint);
void         gw_complaint_free       (GwComplaint       *complaint);
gboolean     gw_complaint_is_overdue (const GwComplaint *complaint,
                                      gint64             now);
char        *gw_text_preview         (const char        *text,
                                      guint              max_chars,
                                      guint              max_lines,
                                      gboolean          *cut);
gboolean     gw_compensation_check   (GwCompensation     type,
                                      gint64             amount,
                                      GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwComplaint, gw_complaint_free)

/* One entry on a complaint's timeline. */
typedef enum {
  GW_EVENT_CREATED,
  GW_EVENT_NOTE,
  GW_EVENT_HANDOVER,
  GW_EVENT_STATUS,
  GW_EVENT_INFORMED,
  GW_EVENT_FOLLOW_UP,
  GW_EVENT_RESOLVED,
  GW_EVENT_EDITED,
  GW_N_EVENTS,
} GwEventKind;

typedef struct {
  gint64       id;
  gint64       complaint_id;
  gint64       at;
  gint64       staff_id;
  char        *staff;
  GwEventKind  kind;
  char        *body;
  char        *old_value;
  char        *new_value;
} GwComplaintEvent;

const char *gw_event_kind_token       (GwEventKind        kind);
gboolean    gw_event_kind_parse       (const char        *token,
                                       GwEventKind       *kind);
char       *gw_complaint_event_describe (const GwComplaintEvent *event);
char       *gw_complaint_event_time_value (gint64                 time);
gint64      gw_complaint_event_parse_time (const char            *value);
void        gw_complaint_event_free   (GwComplaintEvent  *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwComplaintEvent, gw_complaint_event_free)

G_END_DECLS
