/* gw-enums.c: tokens and labels of the complaint vocabularies */

#include "config.h"

#include <glib/gi18n.h>

#include "gw-enums.h"

typedef struct {
  const char *token;
  const char *label;
} VocabularyEntry;

/* Tokens are what the store and CSV files hold: keep them forever. */
static const VocabularyEntry kinds[] = {
  { "complaint", N_("Complaint") },
  { "comment", N_("Comment") },
  { "compliment", N_("Compliment") },
  { "suggestion", N_("Suggestion") },
};

static const VocabularyEntry channels[] = {
  { "in_store", N_("In store") },
  { "phone", N_("Phone") },
  { "email", N_("E-mail") },
  { "web", N_("Web form or chat") },
  { "social", N_("Social media") },
  { "letter", N_("Letter") },
  { "other", N_("Other") },
};

static const VocabularyEntry statuses[] = {
  { "open", N_("Open") },
  { "in_progress", N_("In progress") },
  { "waiting", N_("Waiting for customer") },
  { "resolved", N_("Resolved") },
};

static const VocabularyEntry compensations[] = {
  { "none", N_("None") },
  { "refund", N_("Refund") },
  { "replacement", N_("Replacement") },
  { "repair", N_("Repair") },
  { "credit", N_("Account credit") },
  { "coupon", N_("Coupon") },
  { "discount", N_("Discount") },
  { "gift", N_("Gift") },
};

/* The empty token means "not recorded", which CSV writes as an empty cell. */
static const VocabularyEntry feelings[] = {
  { "", N_("Not recorded") },
  { "delighted", N_("Delighted") },
  { "satisfied", N_("Satisfied") },
  { "dissatisfied", N_("Dissatisfied") },
};

static const VocabularyEntry buy_again[] = {
  { "unknown", N_("Unknown") },
  { "yes", N_("Yes") },
  { "no", N_("No") },
};

static const VocabularyEntry recognitions[] = {
  { "praise", N_("Praise") },
  { "gift", N_("Gift") },
  { "bonus", N_("Bonus") },
  { "time_off", N_("Time off") },
  { "other", N_("Other") },
};

static const VocabularyEntry trainings[] = {
  { "complaint_handling", N_("Handling complaints") },
  { "angry_customers", N_("Angry customers") },
  { "product_knowledge", N_("Product knowledge") },
  { "new_policy", N_("The new policy") },
  { "other", N_("Other") },
};

/* What staff raise with the owner: DOMAIN §3's internal customer service. */
static const VocabularyEntry concerns[] = {
  { "equipment", N_("Equipment") },
  { "rota", N_("Rotas and hours") },
  { "policy", N_("Policies and rules") },
  { "support", N_("Support I need") },
  { "other", N_("Other") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (concerns) == GW_N_CONCERNS);
G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == GW_N_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (trainings) == GW_N_TRAININGS);
G_STATIC_ASSERT (G_N_ELEMENTS (recognitions) == GW_N_RECOGNITIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (channels) == GW_N_CHANNELS);
G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == GW_N_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (compensations) == GW_N_COMPENSATIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (feelings) == GW_N_FEELINGS);
G_STATIC_ASSERT (G_N_ELEMENTS (buy_again) == GW_N_BUY_AGAIN);

static const VocabularyEntry *
get_entries (GwVocabulary vocabulary,
             guint       *n_entries)
{
  switch (vocabulary)
    {
    case GW_VOCAB_KIND:
      *n_entries = G_N_ELEMENTS (kinds);
      return kinds;
    case GW_VOCAB_CHANNEL:
      *n_entries = G_N_ELEMENTS (channels);
      return channels;
    case GW_VOCAB_STATUS:
      *n_entries = G_N_ELEMENTS (statuses);
      return statuses;
    case GW_VOCAB_COMPENSATION:
      *n_entries = G_N_ELEMENTS (compensations);
      return compensations;
    case GW_VOCAB_FEELING:
      *n_entries = G_N_ELEMENTS (feelings);
      return feelings;
    case GW_VOCAB_BUY_AGAIN:
      *n_entries = G_N_ELEMENTS (buy_again);
      return buy_again;
    case GW_VOCAB_RECOGNITION:
      *n_entries = G_N_ELEMENTS (recognitions);
      return recognitions;
    case GW_VOCAB_TRAINING:
      *n_entries = G_N_ELEMENTS (trainings);
      return trainings;
    case GW_VOCAB_CONCERN:
      *n_entries = G_N_ELEMENTS (concerns);
      return concerns;
    default:
      g_assert_not_reached ();
    }
}

guint
gw_vocabulary_size (GwVocabulary vocabulary)
{
  guint n_entries;

  get_entries (vocabulary, &n_entries);
  return n_entries;
}

const char *
gw_vocabulary_token (GwVocabulary vocabulary,
                     guint        value)
{
  guint n_entries;
  const VocabularyEntry *entries = get_entries (vocabulary, &n_entries);

  g_return_val_if_fail (value < n_entries, NULL);
  return entries[value].token;
}

const char *
gw_vocabulary_label (GwVocabulary vocabulary,
                     guint        value)
{
  guint n_entries;
  const VocabularyEntry *entries = get_entries (vocabulary, &n_entries);

  g_return_val_if_fail (value < n_entries, NULL);
  return _(entries[value].label);
}

/* Case-insensitive; surrounding blanks are ignored. */
gboolean
gw_vocabulary_parse (GwVocabulary vocabulary,
                     const char  *text,
                     guint       *value)
{
  guint n_entries;
  const VocabularyEntry *entries = get_entries (vocabulary, &n_entries);
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  for (guint i = 0; i < n_entries; i++)
    {
      if (g_ascii_strcasecmp (stripped, entries[i].token) == 0)
        {
          if (value != NULL)
            *value = i;
          return TRUE;
        }
    }
  return FALSE;
}
