/* gw-enums.h: the closed vocabularies of a complaint record
 *
 * Each value has a stable token (stored in the database and written to CSV,
 * never translated) and a label for people (translated).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  GW_KIND_COMPLAINT,
  GW_KIND_COMMENT,
  GW_KIND_COMPLIMENT,
  GW_KIND_SUGGESTION,
  GW_N_KINDS,
} GwKind;

typedef enum {
  GW_CHANNEL_IN_STORE,
  GW_CHANNEL_PHONE,
  GW_CHANNEL_EMAIL,
  GW_CHANNEL_WEB,
  GW_CHANNEL_SOCIAL,
  GW_CHANNEL_LETTER,
  GW_CHANNEL_OTHER,
  GW_N_CHANNELS,
} GwChannel;

typedef enum {
  GW_STATUS_OPEN,
  GW_STATUS_IN_PROGRESS,
  GW_STATUS_WAITING,
  GW_STATUS_RESOLVED,
  GW_N_STATUSES,
} GwStatus;

typedef enum {
  GW_COMPENSATION_NONE,
  GW_COMPENSATION_REFUND,
  GW_COMPENSATION_REPLACEMENT,
  GW_COMPENSATION_REPAIR,
  GW_COMPENSATION_CREDIT,
  GW_COMPENSATION_COUPON,
  GW_COMPENSATION_DISCOUNT,
  GW_COMPENSATION_GIFT,
  GW_N_COMPENSATIONS,
} GwCompensation;

/* How the customer felt about the way the matter was handled. */
typedef enum {
  GW_FEELING_UNKNOWN,
  GW_FEELING_DELIGHTED,
  GW_FEELING_SATISFIED,
  GW_FEELING_DISSATISFIED,
  GW_N_FEELINGS,
} GwFeeling;

typedef enum {
  GW_BUY_AGAIN_UNKNOWN,
  GW_BUY_AGAIN_YES,
  GW_BUY_AGAIN_NO,
  GW_N_BUY_AGAIN,
} GwBuyAgain;

typedef enum {
  GW_RECOGNITION_PRAISE,
  GW_RECOGNITION_GIFT,
  GW_RECOGNITION_BONUS,
  GW_RECOGNITION_TIME_OFF,
  GW_RECOGNITION_OTHER,
  GW_N_RECOGNITIONS,
} GwRecognitionKind;

typedef enum {
  GW_TRAINING_COMPLAINT_HANDLING,
  GW_TRAINING_ANGRY_CUSTOMERS,
  GW_TRAINING_PRODUCT_KNOWLEDGE,
  GW_TRAINING_NEW_POLICY,
  GW_TRAINING_OTHER,
  GW_N_TRAININGS,
} GwTrainingTopic;

typedef enum {
  GW_CONCERN_EQUIPMENT,
  GW_CONCERN_ROTA,
  GW_CONCERN_POLICY,
  GW_CONCERN_SUPPORT,
  GW_CONCERN_OTHER,
  GW_N_CONCERNS,
} GwConcernTopic;

/* A vocabulary: every function below takes one of these. */
typedef enum {
  GW_VOCAB_KIND,
  GW_VOCAB_CHANNEL,
  GW_VOCAB_STATUS,
  GW_VOCAB_COMPENSATION,
  GW_VOCAB_FEELING,
  GW_VOCAB_BUY_AGAIN,
  GW_VOCAB_RECOGNITION,
  GW_VOCAB_TRAINING,
  GW_VOCAB_CONCERN,
} GwVocabulary;

guint        gw_vocabulary_size       (GwVocabulary vocabulary);
const char  *gw_vocabulary_token      (GwVocabulary vocabulary,
                                       guint        value);
const char  *gw_vocabulary_label      (GwVocabulary vocabulary,
                                       guint        value);
gboolean     gw_vocabulary_parse      (GwVocabulary vocabulary,
                                       const char  *text,
                                       guint       *value);

G_END_DECLS
