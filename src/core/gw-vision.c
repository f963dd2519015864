/* gw-vision.c: the vision statement's steps and the policy's sections */

#include "config.h"

#include <glib/gi18n.h>

#include "gw-vision.h"

static const GwVisionStep steps[GW_VISION_STEPS] = {
  { N_("Success"),
    N_("Imagine the business doing well three to five years from now. List five reasons for its success."),
    N_("For example: customers come back and bring their friends; staff stay for years; we are known for fixing things the same day.") },
  { N_("The customer's view"),
    N_("Now list the reasons for that success as your customers would put them."),
    N_("For example: \"They remember me.\" \"If something is wrong, they sort it out at once.\" \"I never wait long.\"") },
  { N_("The steps taken"),
    N_("From that future, look back: which steps did you take to make your customer service better?"),
    N_("For example: we answered every complaint within a day; we trained everyone in handling complaints; we asked customers what they thought each month.") },
  { N_("Key elements"),
    N_("Sum up the key elements of your vision in a few words each."),
    N_("For example: speed, a personal welcome, keeping promises, fair compensation.") },
  { N_("The statement"),
    N_("Write a brief vision statement that everyone in the business can remember."),
    N_("For example, McDonald's: \"Quality, service, cleanliness, value.\"") },
};

const GwVisionStep *
gw_vision_step (guint step)
{
  g_return_val_if_fail (step < GW_VISION_STEPS, NULL);
  return &steps[step];
}

GwVisionStatement *
gw_vision_statement_new (void)
{
  GwVisionStatement *statement = g_new0 (GwVisionStatement, 1);

  for (guint i = 0; i < GW_VISION_STEPS; i++)
    statement->answers[i] = g_strdup ("");
  return statement;
}

void
gw_vision_statement_free (GwVisionStatement *statement)
{
  if (statement == NULL)
    return;
  for (guint i = 0; i < GW_VISION_STEPS; i++)
    g_free (statement->answers[i]);
  g_free (statement);
}

const char *
gw_vision_statement_get_text (const GwVisionStatement *statement)
{
  return statement->answers[GW_VISION_STEPS - 1];
}

static const GwPolicySection sections[GW_N_POLICY_AREAS] = {
  { "overview", N_("Our products and services"),
    N_("What do you sell or do, and for whom? What can customers always count on?"),
    N_("We sell … to … . Whatever you buy from us, you can count on friendly advice and on us standing behind it.") },
  { "speed", N_("Speed"),
    N_("How long at most should a customer wait in the shop? How soon is the phone answered, and e-mail?"),
    N_("No one waits more than five minutes in the shop. We answer the phone within twenty seconds and e-mail within one working day.") },
  { "communication", N_("Returns, delivery, payment and warranty"),
    N_("How do returns work? How and when do you deliver? Which ways to pay do you take? What does the warranty cover?"),
    N_("You may return unused goods within 30 days with the receipt and get your money back. We tell you the delivery date when you order and let you know at once if it changes.") },
  { "follow-up", N_("Follow-up"),
    N_("Who is the customer's named contact? When will they hear from you, and what support do they get after buying?"),
    N_("Every order and every complaint has a named contact among our staff, who gets back to you on the day promised.") },
  { "complaints", N_("Complaints"),
    N_("Are complaints handled at once? How far may staff go to solve one themselves? When does the manager step in? What compensation do you offer, and how do you follow up?"),
    N_("We deal with complaints at once, where you are. Our staff may solve most problems on the spot, including a refund or a replacement; the manager steps in when they cannot. We call you afterwards to make sure you are happy.") },
  { "retention", N_("Staying in touch"),
    N_("How do you keep in touch with customers: a call a month after buying, a newsletter, coupons, rewards for regulars?"),
    N_("We call a month after a larger purchase to hear how it is going. Regular customers get offers before anyone else.") },
  { "staff", N_("Our staff"),
    N_("How do you share customers' feedback with staff? How do you recognise and reward good service?"),
    N_("Every month we go through what customers have told us, together. Good service is noticed, thanked and rewarded.") },
  { "guidelines", N_("Guidelines for staff"),
    N_("How should staff handle a customer with a problem? Guidelines, not rigid rules."),
    N_("1. Understand the problem: let the customer speak, then repeat the key facts back.\n2. Identify the cause.\n3. Propose solutions, and ask the customer first what they would like.\n4. Solve it: act, check that the customer is happy, apologise, and compensate where it is fair.\nEmpathise rather than blame.") },
};

const GwPolicySection *
gw_policy_section (GwPolicyArea area)
{
  g_return_val_if_fail (area < GW_N_POLICY_AREAS, NULL);
  return &sections[area];
}

gboolean
gw_policy_parse (const char   *token,
                 GwPolicyArea *area)
{
  for (guint i = 0; i < GW_N_POLICY_AREAS; i++)
    if (g_strcmp0 (token, sections[i].token) == 0)
      {
        *area = i;
        return TRUE;
      }
  return FALSE;
}
