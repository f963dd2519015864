/* gw-demo.c: a small shop's last eighteen months of feedback
 *
 * Deterministic for a given seed and "now", so tests can rely on it. Texts
 * are translated, so a Swedish shop owner trying the app sees Swedish.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gw-demo.h"

#define DAY (24 * 60 * 60)

typedef struct {
  const char *category;
  const char *descriptions[3];
  const char *solution;
  const char *promises[3];      /* each about its description */
  const char *prevention;
  GwCompensation compensation;
  gint64 amount;
} Scenario;

static const Scenario complaint_scenarios[] = {
  { N_("Faulty product"),
    { N_("The kettle bought last week stopped working after two days."),
      N_("The zip on the winter jacket broke the first time it was worn."),
      N_("The toaster burns one side of the bread and leaves the other pale.") },
    N_("Swapped for a new one from the stock room."),
    { N_("Order a replacement from the supplier and call when it arrives."),
      N_("Send the jacket to the workshop for a new zip and call when it is ready."),
      N_("Order a replacement from the supplier and call when it arrives.") },
    N_("Test one item from every new delivery before it goes on the shelf."),
    GW_COMPENSATION_REPLACEMENT, 0 },
  { N_("Delivery"),
    { N_("The sofa was delivered four days later than promised."),
      N_("The parcel arrived with a torn box and a scratched lid."),
      N_("Nobody called before the delivery, so nobody was home.") },
    N_("Apologised and gave a discount on the delivery fee."),
    { N_("Check with the courier why the delivery was late and report back."),
      N_("Ask the courier about the damage and report back within two days."),
      N_("Find out from the courier why nobody called, and book a new delivery time.") },
    N_("Confirm every delivery time by text message the day before."),
    GW_COMPENSATION_REFUND, 15000 },
  { N_("Staff attitude"),
    { N_("The customer felt rushed and talked down to at the till."),
      N_("Nobody greeted the customer during ten minutes in the shop."),
      N_("A question about sizes was answered with a shrug.") },
    N_("Listened, apologised and went through the options together."),
    { N_("Talk to the team about it at Monday's meeting and call the customer back."),
      N_("Talk to the team about it at Monday's meeting and call the customer back."),
      N_("Talk to the team about it at Monday's meeting and call the customer back.") },
    N_("Role-play greeting and helping customers at the next training."),
    GW_COMPENSATION_COUPON, 10000 },
  { N_("Billing"),
    { N_("Charged twice for the same purchase on the card."),
      N_("The receipt shows the full price, not the sale price on the shelf."),
      N_("The invoice arrived with the wrong address.") },
    N_("Refunded the difference at once."),
    { N_("Ask the bank to reverse the double charge and confirm by e-mail."),
      N_("Check the price in the till and refund the difference to the card."),
      N_("Send a corrected invoice by e-mail today.") },
    N_("Check shelf labels against the till prices every Monday."),
    GW_COMPENSATION_REFUND, 24900 },
  { N_("Waiting time"),
    { N_("Waited twenty minutes in the queue with only one till open."),
      N_("On hold for a quarter of an hour on the phone."),
      N_("The repair took three weeks instead of one.") },
    N_("Apologised and offered a coffee while the order was prepared."),
    { N_("Ask the manager about staffing the tills at busy hours and call the customer back."),
      N_("Look into why the phone queue was so long and call the customer back."),
      N_("Find out from the workshop when the repair will be ready.") },
    N_("Open a second till whenever more than four people queue."),
    GW_COMPENSATION_GIFT, 5000 },
  { N_("Out of stock"),
    { N_("The advertised offer was sold out before lunch."),
      N_("The same size has been missing for three weeks."),
      N_("The online shop said in stock, but the shelf was empty.") },
    N_("Reserved the next one that comes in."),
    { N_("Call the customer as soon as the new delivery arrives."),
      N_("Call the customer as soon as the new delivery arrives."),
      N_("Call the customer as soon as the new delivery arrives.") },
    N_("Order more of the advertised items before a campaign starts."),
    GW_COMPENSATION_DISCOUNT, 7500 },
};

static const char *const compliment_texts[] = {
  N_("Thanked Anna for taking the time to find exactly the right size."),
  N_("Said the shop is always clean and the staff friendly."),
  N_("Pleased that the repair was done a day early."),
  N_("Wrote a kind letter about how a return was handled."),
  N_("Loved the new opening hours on Sundays."),
};

static const char *const comment_texts[] = {
  N_("Asked whether we could stock more organic products."),
  N_("Mentioned that the parking outside is hard to find."),
  N_("Wondered why the loyalty card no longer gives points on sale items."),
};

static const char *const suggestion_texts[] = {
  N_("Suggested a text message when a repair is ready to collect."),
  N_("Suggested a bench by the fitting rooms for people waiting."),
  N_("Suggested gift wrapping at the till before Christmas."),
};

static const char *const steps_texts[] = {
  N_("Called the supplier; waiting for their answer."),
  N_("Spoke to the courier; they are looking into it."),
  N_("Manager has the case and will call the customer."),
};

static const char *const note_texts[] = {
  N_("Customer called to ask how it is going; told them we are waiting for the supplier."),
  N_("Left a voicemail; will try again tomorrow morning."),
  N_("Handed over to the manager, who has the full story and will call back."),
  N_("Customer is happy with the plan but wants an answer by Friday."),
};

static const struct {
  const char *name;
  const char *phone;
  const char *email;
  const char *address;
} customers[] = {
  { "Karin Lindqvist", "070-123 45 67", "karin.lindqvist@example.se", "Storgatan 12, 753 20 Uppsala" },
  { "Erik Johansson", "073-987 65 43", "", "Kungsgatan 4, 111 43 Stockholm" },
  { "Maria Andersson", "", "maria.a@example.com", "" },
  { "Ahmed Hassan", "076-555 12 34", "ahmed.hassan@example.com", "Järnvägsgatan 8, 252 24 Helsingborg" },
  { "Sofia Nilsson", "072-444 33 22", "", "" },
  { "Lars Berg", "", "lars.berg@example.se", "Skolvägen 3, 831 40 Östersund" },
  { "Emma Wilson", "+44 7700 900123", "emma.wilson@example.co.uk", "" },
  { "Olof Ström", "070-222 11 00", "", "Åsgatan 21, 791 71 Falun" },
  { "Fatima Yilmaz", "", "fatima.yilmaz@example.com", "" },
  { "Gustav Ek", "079-888 77 66", "gustav.ek@example.se", "" },
  { "Ingrid Holm", "070-765 43 21", "", "Parkvägen 9, 582 46 Linköping" },
  { "Jonas Persson", "", "jonas.p@example.se", "" },
  { "Li Wei", "073-111 22 33", "li.wei@example.com", "" },
  { "Nora Sandberg", "", "", "" },
  { "Peter Blom", "070-999 88 77", "peter.blom@example.se", "Hamngatan 1, 411 14 Göteborg" },
  { "Zeynep Kaya", "076-321 54 76", "", "" },
  { "Anders Wikström", "", "anders.w@example.com", "" },
  { "Hanna Öberg", "072-678 90 12", "hanna.oberg@example.se", "Torget 5, 903 26 Umeå" },
};

static const char *const staff_names[] = {
  "Anna Svensson",
  "Mikael Karlsson",
  "Elin Gustafsson",
  "Johan Larsson",
  "Sara Eriksson",
};

static const char *
pick (GRand             *rand,
      const char *const *texts,
      guint              n_texts)
{
  return texts[g_rand_int_range (rand, 0, n_texts)];
}

static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

/* Business hours, Monday to Saturday, so the log looks like a shop's. */
static gint64
business_time (GRand  *rand,
               gint64  day_start)
{
  return day_start + (9 * 60 * 60) + g_rand_int_range (rand, 0, 9 * 60 * 60);
}

static void
fill_outcome (GwComplaint *complaint,
              GRand       *rand)
{
  int roll = g_rand_int_range (rand, 0, 100);

  if (roll < 45)
    complaint->customer_feeling = GW_FEELING_DELIGHTED;
  else if (roll < 85)
    complaint->customer_feeling = GW_FEELING_SATISFIED;
  else
    complaint->customer_feeling = GW_FEELING_DISSATISFIED;

  roll = g_rand_int_range (rand, 0, 100);
  if (complaint->customer_feeling == GW_FEELING_DISSATISFIED)
    complaint->will_buy_again = roll < 60 ? GW_BUY_AGAIN_NO : GW_BUY_AGAIN_UNKNOWN;
  else
    complaint->will_buy_again = roll < 80 ? GW_BUY_AGAIN_YES : GW_BUY_AGAIN_UNKNOWN;
}

static GwComplaint *
make_complaint (GRand  *rand,
                gint64  received_at,
                gint64  now)
{
  GwComplaint *complaint = gw_complaint_new ();
  guint customer = g_rand_int_range (rand, 0, G_N_ELEMENTS (customers));
  int kind_roll = g_rand_int_range (rand, 0, 100);
  gint64 age = now - received_at;
  guint which;

  complaint->received_at = received_at;
  complaint->channel = g_rand_int_range (rand, 0, 100) < 55
                       ? GW_CHANNEL_IN_STORE
                       : (GwChannel) g_rand_int_range (rand, GW_CHANNEL_PHONE, GW_N_CHANNELS);
  set_text (&complaint->received_by, pick (rand, staff_names, G_N_ELEMENTS (staff_names)));

  /* A few walk-ins leave no details at all. */
  if (g_rand_int_range (rand, 0, 100) >= 8)
    {
      set_text (&complaint->customer_name, customers[customer].name);
      set_text (&complaint->customer_phone, customers[customer].phone);
      set_text (&complaint->customer_email, customers[customer].email);
      set_text (&complaint->customer_address, customers[customer].address);
    }

  if (kind_roll < 65)
    {
      const Scenario *scenario = &complaint_scenarios[g_rand_int_range (rand, 0, G_N_ELEMENTS (complaint_scenarios))];

      complaint->kind = GW_KIND_COMPLAINT;
      set_text (&complaint->category, _(scenario->category));
      which = g_rand_int_range (rand, 0, 3);
      set_text (&complaint->description, _(scenario->descriptions[which]));
      complaint->solved_on_spot = g_rand_int_range (rand, 0, 100) < 40;

      if (complaint->solved_on_spot)
        {
          set_text (&complaint->agreed_solution, _(scenario->solution));
          complaint->status = GW_STATUS_RESOLVED;
          complaint->resolved_at = received_at + g_rand_int_range (rand, 5, 40) * 60;
        }
      else
        {
          gint64 days_to_follow_up = g_rand_int_range (rand, 1, 8);

          set_text (&complaint->promise, _(scenario->promises[which]));
          complaint->follow_up_at = received_at + days_to_follow_up * DAY;
          /* Most matters older than a few weeks have been settled. */
          if (age > 21 * DAY && g_rand_int_range (rand, 0, 100) < 95)
            {
              set_text (&complaint->agreed_solution, _(scenario->solution));
              complaint->status = GW_STATUS_RESOLVED;
              complaint->resolved_at = received_at + g_rand_int_range (rand, 1, 15) * DAY;
            }
          else
            {
              static const GwStatus pending[] = {
                GW_STATUS_OPEN, GW_STATUS_IN_PROGRESS, GW_STATUS_WAITING,
              };

              complaint->status = pending[g_rand_int_range (rand, 0, G_N_ELEMENTS (pending))];
              if (complaint->status != GW_STATUS_OPEN)
                set_text (&complaint->steps_taken,
                          _(pick (rand, steps_texts, G_N_ELEMENTS (steps_texts))));
            }
        }

      if (complaint->status == GW_STATUS_RESOLVED)
        {
          if (complaint->resolved_at > now)
            complaint->resolved_at = now;
          fill_outcome (complaint, rand);
          if (g_rand_int_range (rand, 0, 100) < 45)
            {
              complaint->compensation_type = scenario->compensation;
              complaint->compensation_amount = scenario->amount;
            }
          if (g_rand_int_range (rand, 0, 100) < 60)
            set_text (&complaint->prevention, _(scenario->prevention));
        }
    }
  else
    {
      if (kind_roll < 85)
        {
          complaint->kind = GW_KIND_COMPLIMENT;
          set_text (&complaint->description,
                    _(pick (rand, compliment_texts, G_N_ELEMENTS (compliment_texts))));
        }
      else if (kind_roll < 93)
        {
          complaint->kind = GW_KIND_COMMENT;
          set_text (&complaint->description,
                    _(pick (rand, comment_texts, G_N_ELEMENTS (comment_texts))));
        }
      else
        {
          complaint->kind = GW_KIND_SUGGESTION;
          set_text (&complaint->description,
                    _(pick (rand, suggestion_texts, G_N_ELEMENTS (suggestion_texts))));
        }
      complaint->status = GW_STATUS_RESOLVED;
      complaint->resolved_at = received_at;
      complaint->customer_feeling = GW_FEELING_DELIGHTED;
      complaint->will_buy_again = GW_BUY_AGAIN_YES;
    }

  return complaint;
}

/**
 * gw_demo_generate_complaints:
 * @now: the present, in Unix seconds
 *
 * Returns: (element-type GwComplaint): records spread over the 18 months
 * before @now, oldest first
 */
GPtrArray *
gw_demo_generate_complaints (gint64  now,
                             guint32 seed,
                             guint   n_complaints)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *complaints = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_complaint_free);
  gint64 span_days = 18 * 30;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) now_local = g_date_time_new_from_unix_local (now);
  gint64 today_start;

  today = g_date_time_new_local (g_date_time_get_year (now_local),
                                 g_date_time_get_month (now_local),
                                 g_date_time_get_day_of_month (now_local), 0, 0, 0);
  today_start = g_date_time_to_unix (today);

  for (guint i = 0; i < n_complaints; i++)
    {
      /* Evenly spread, oldest first, with the last few days busy. */
      gint64 days_ago = span_days - (span_days * (gint64) i) / n_complaints;
      gint64 received_at;

      if (i >= n_complaints - 12)
        days_ago = g_rand_int_range (rand, 0, 10);
      received_at = business_time (rand, today_start - days_ago * DAY);
      if (received_at > now)
        received_at = now - g_rand_int_range (rand, 60, 3600);

      g_ptr_array_add (complaints, make_complaint (rand, received_at, now));
    }

  /* Guarantee what the demo is meant to show: overdue follow-ups now. */
  for (guint i = n_complaints - 1, n_overdue = 0; i > 0 && n_overdue < 3; i--)
    {
      GwComplaint *complaint = g_ptr_array_index (complaints, i);

      if (complaint->kind == GW_KIND_COMPLAINT && complaint->status != GW_STATUS_RESOLVED
          && complaint->status != GW_STATUS_WAITING)
        {
          complaint->follow_up_at = now - (n_overdue + 1) * DAY / 2;
          if (complaint->follow_up_at < complaint->received_at)
            complaint->follow_up_at = complaint->received_at + 3600;
          n_overdue++;
        }
    }

  return complaints;
}

void
gw_demo_note_free (GwDemoNote *note)
{
  if (note == NULL)
    return;
  g_free (note->staff);
  g_free (note->text);
  g_free (note);
}

/* Timeline notes on the complaints still being worked on. */
GPtrArray *
gw_demo_generate_notes (GPtrArray *complaints,
                        guint32    seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x5eed);
  GPtrArray *notes = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_demo_note_free);

  for (guint i = 0; i < complaints->len; i++)
    {
      GwComplaint *complaint = g_ptr_array_index (complaints, i);
      guint n_notes;

      if (complaint->kind != GW_KIND_COMPLAINT || complaint->solved_on_spot)
        continue;
      n_notes = g_rand_int_range (rand, 0, 3);
      for (guint j = 0; j < n_notes; j++)
        {
          GwDemoNote *note = g_new0 (GwDemoNote, 1);

          note->complaint_index = i;
          note->at = complaint->received_at + (j + 1) * g_rand_int_range (rand, 3600, DAY);
          note->staff = g_strdup (pick (rand, staff_names, G_N_ELEMENTS (staff_names)));
          note->text = g_strdup (_(pick (rand, note_texts, G_N_ELEMENTS (note_texts))));
          g_ptr_array_add (notes, note);
        }
    }
  return notes;
}
