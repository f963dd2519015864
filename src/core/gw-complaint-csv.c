/* gw-complaint-csv.c: complaint records to and from CSV rows
 *
 * Headers are matched case-insensitively in any order; an unknown or doubled
 * column is an error that names it. Values are checked strictly, so that a
 * file either imports exactly as written or not at all.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "gw-complaint-csv.h"
#include "gw-csv.h"
#include "gw-datetime.h"
#include "gw-money.h"

typedef enum {
  COLUMN_RECEIVED_AT,
  COLUMN_KIND,
  COLUMN_CHANNEL,
  COLUMN_CATEGORY,
  COLUMN_CUSTOMER_NAME,
  COLUMN_CUSTOMER_PHONE,
  COLUMN_CUSTOMER_EMAIL,
  COLUMN_CUSTOMER_ADDRESS,
  COLUMN_RECEIVED_BY,
  COLUMN_DESCRIPTION,
  COLUMN_AGREED_SOLUTION,
  COLUMN_SOLVED_ON_SPOT,
  COLUMN_PROMISE,
  COLUMN_STEPS_TAKEN,
  COLUMN_FOLLOW_UP_AT,
  COLUMN_COMPENSATION_TYPE,
  COLUMN_COMPENSATION_AMOUNT,
  COLUMN_STATUS,
  COLUMN_RESOLVED_AT,
  COLUMN_CUSTOMER_FEELING,
  COLUMN_WILL_BUY_AGAIN,
  COLUMN_PREVENTION,
  N_COLUMNS,
} Column;

/* The order in which export writes them. */
static const char *const column_names[] = {
  "received_at",
  "kind",
  "channel",
  "category",
  "customer_name",
  "customer_phone",
  "customer_email",
  "customer_address",
  "received_by",
  "description",
  "agreed_solution",
  "solved_on_spot",
  "promise",
  "steps_taken",
  "follow_up_at",
  "compensation_type",
  "compensation_amount",
  "status",
  "resolved_at",
  "customer_feeling",
  "will_buy_again",
  "prevention",
};
G_STATIC_ASSERT (G_N_ELEMENTS (column_names) == N_COLUMNS);

/* What people call them, in the window and in messages. */
static const char *const column_labels[] = {
  N_("When received"),
  N_("Kind"),
  N_("Channel"),
  N_("Category"),
  N_("Customer name"),
  N_("Customer phone"),
  N_("Customer e-mail"),
  N_("Customer address"),
  N_("Received by"),
  N_("What happened"),
  N_("Agreed solution"),
  N_("Solved on the spot"),
  N_("What was promised"),
  N_("Steps being taken"),
  N_("Follow-up date"),
  N_("Compensation"),
  N_("Compensation amount"),
  N_("Status"),
  N_("When resolved"),
  N_("How the customer felt"),
  N_("Will buy again"),
  N_("How to avoid it in future"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (column_labels) == N_COLUMNS);

/* Other names shops' spreadsheets give these columns. */
static const struct {
  Column      column;
  const char *name;
} column_synonyms[] = {
  /* TRANSLATORS: these are what a shop's own spreadsheet may call a
   * column: translate each as such a sheet in your language would */
  { COLUMN_RECEIVED_AT, NC_("spreadsheet column", "Date") },
  { COLUMN_RECEIVED_AT, NC_("spreadsheet column", "Received") },
  { COLUMN_CUSTOMER_NAME, NC_("spreadsheet column", "Customer") },
  { COLUMN_CUSTOMER_PHONE, NC_("spreadsheet column", "Phone") },
  { COLUMN_CUSTOMER_EMAIL, NC_("spreadsheet column", "E-mail") },
  { COLUMN_CUSTOMER_ADDRESS, NC_("spreadsheet column", "Address") },
  { COLUMN_DESCRIPTION, NC_("spreadsheet column", "Description") },
  { COLUMN_DESCRIPTION, NC_("spreadsheet column", "What happened") },
  { COLUMN_COMPENSATION_AMOUNT, NC_("spreadsheet column", "Amount") },
};

/* The columns holding what people typed. */
static const Column text_columns[] = {
  COLUMN_CATEGORY,
  COLUMN_CUSTOMER_NAME,
  COLUMN_CUSTOMER_PHONE,
  COLUMN_CUSTOMER_EMAIL,
  COLUMN_CUSTOMER_ADDRESS,
  COLUMN_RECEIVED_BY,
  COLUMN_DESCRIPTION,
  COLUMN_AGREED_SOLUTION,
  COLUMN_PROMISE,
  COLUMN_STEPS_TAKEN,
  COLUMN_PREVENTION,
};

struct _GwComplaintCsvReader {
  GwCsvReader *csv;
  GStrv        columns;        /* the person's own mapping, or NULL */
  GStrv        header;         /* the file's own names for its columns */
  gboolean     have_header;
  guint        n_header_fields;
  /* For each column, its index in the file's rows, or -1. */
  int          index[N_COLUMNS];
  /* How numeric dates are read, for each of the file's columns. */
  GArray      *date_orders;
};

GwComplaintCsvReader *
gw_complaint_csv_reader_new (GInputStream *stream)
{
  GwComplaintCsvReader *reader = g_new0 (GwComplaintCsvReader, 1);

  reader->csv = gw_csv_reader_new (stream);
  reader->date_orders = g_array_new (FALSE, TRUE, sizeof (GwDateOrder));
  for (guint i = 0; i < N_COLUMNS; i++)
    reader->index[i] = -1;
  return reader;
}

void
gw_complaint_csv_reader_free (GwComplaintCsvReader *reader)
{
  if (reader == NULL)
    return;
  gw_csv_reader_free (reader->csv);
  g_strfreev (reader->columns);
  g_strfreev (reader->header);
  g_array_unref (reader->date_orders);
  g_free (reader);
}

/**
 * gw_complaint_csv_column_for_name:
 * @name: a column's name in a file's header
 *
 * Returns: which of our columns @name is, by our name for it in the file
 *   format or as people call it (in English or the user's language), or
 *   -1 for none
 */
int
gw_complaint_csv_column_for_name (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);

  for (guint column = 0; column < N_COLUMNS; column++)
    {
      g_autofree char *label = g_utf8_casefold (column_labels[column], -1);
      g_autofree char *translated = g_utf8_casefold (_(column_labels[column]), -1);

      if (g_ascii_strcasecmp (stripped, column_names[column]) == 0
          || g_utf8_collate (folded, label) == 0 || g_utf8_collate (folded, translated) == 0)
        return column;
    }
  /* Only when no column is called so: what shops' own sheets call them. */
  for (guint i = 0; i < G_N_ELEMENTS (column_synonyms); i++)
    {
      g_autofree char *synonym = g_utf8_casefold (column_synonyms[i].name, -1);
      g_autofree char *translated = g_utf8_casefold (g_dpgettext2 (GETTEXT_PACKAGE,
                                                                   "spreadsheet column",
                                                                   column_synonyms[i].name), -1);

      if (g_utf8_collate (folded, synonym) == 0 || g_utf8_collate (folded, translated) == 0)
        return column_synonyms[i].column;
    }
  return -1;
}

/* A column as the person knows it: their header and our name for it, or
 * ours alone when their header is our file format's own name. */
static char *
column_title (GwComplaintCsvReader *reader,
              Column                column)
{
  int index = reader->index[column];
  const char *label = _(column_labels[column]);
  g_autofree char *theirs = NULL;

  if (reader->header != NULL && index >= 0 && (guint) index < g_strv_length (reader->header))
    theirs = g_strstrip (g_strdup (reader->header[index]));
  if (theirs == NULL || *theirs == '\0' || g_ascii_strcasecmp (theirs, column_names[column]) == 0
      || g_utf8_collate (theirs, label) == 0)
    /* TRANSLATORS: a column by Goodwill's name for it, as in “When received” */
    return g_strdup_printf (_("“%s”"), label);
  /* TRANSLATORS: a column: the spreadsheet's name for it, then Goodwill's,
   * as in “Datum” (When received) */
  return g_strdup_printf (_("“%s” (%s)"), theirs, label);
}

static gboolean
read_header (GwComplaintCsvReader  *reader,
             GCancellable          *cancellable,
             GError               **error)
{
  g_auto(GStrv) header = NULL;

  if (!gw_complaint_csv_read_header_row (reader->csv, &header, cancellable, error))
    return FALSE;

  reader->n_header_fields = g_strv_length (header);
  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      int column;

      /* With a mapping, the file's own names do not matter: an empty entry
       * (or one past the mapping's end) means "leave this column out". */
      if (reader->columns != NULL)
        {
          if (i >= g_strv_length (reader->columns) || *reader->columns[i] == '\0')
            continue;
          name = g_strdup (reader->columns[i]);
        }
      else
        name = g_strstrip (g_strdup (header[i]));

      column = gw_complaint_csv_column_for_name (name);
      if (column < 0)
        {
          if (*name == '\0')
            g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_HEADER,
                         _("Line %u: column %u of the header has no name"),
                         gw_csv_reader_get_row_line (reader->csv), i + 1);
          else
            {
              g_autoptr(GString) known = g_string_new (NULL);

              for (guint known_column = 0; known_column < N_COLUMNS; known_column++)
                {
                  if (known->len > 0)
                    /* TRANSLATORS: between the names of columns in a list */
                    g_string_append (known, C_("list of columns", ", "));
                  g_string_append (known, _(column_labels[known_column]));
                }
              g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_HEADER,
                           /* TRANSLATORS: the second %s is the list of every column's name */
                           _("Line %u: Goodwill has no column called “%s”. Its columns are "
                             "%s. Rename the column to one of them, or import from the "
                             "window, where you can say what each column holds."),
                           gw_csv_reader_get_row_line (reader->csv), name, known->str);
            }
          return FALSE;
        }
      if (reader->index[column] != -1)
        {
          g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_HEADER,
                       /* TRANSLATORS: "Line 1: two columns hold “When received”" */
                       _("Line %u: two columns hold “%s”"),
                       gw_csv_reader_get_row_line (reader->csv), _(column_labels[column]));
          return FALSE;
        }
      reader->index[column] = i;
    }

  for (guint column = 0; column < N_COLUMNS; column++)
    {
      if ((column == COLUMN_RECEIVED_AT || column == COLUMN_DESCRIPTION)
          && reader->index[column] == -1)
        {
          g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_HEADER,
                       /* TRANSLATORS: "Line 1: no column holds “What happened”, which every
                        * complaint needs" */
                       _("Line %u: no column holds “%s”, which every complaint needs"),
                       gw_csv_reader_get_row_line (reader->csv), _(column_labels[column]));
          return FALSE;
        }
    }

  /* A longer row is refused as it is read, not once it is held. */
  gw_csv_reader_set_max_fields (reader->csv, reader->n_header_fields);
  reader->header = g_steal_pointer (&header);
  reader->have_header = TRUE;
  return TRUE;
}

static const char *
field_of (GwComplaintCsvReader *reader,
          GStrv                 row,
          Column                column)
{
  int index = reader->index[column];

  return index >= 0 ? row[index] : "";
}

static char *
stripped_copy (const char *text)
{
  return g_strstrip (g_strdup (text));
}

/* "Line 12, “Status”: …", the column as the person knows it. */
static gboolean
set_column_error (GwComplaintCsvReader  *reader,
                  GError               **error,
                  guint                  line,
                  Column                 column,
                  const char            *problem)
{
  g_autofree char *title = column_title (reader, column);

  g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_VALUE,
               /* TRANSLATORS: "Line 12, “Datum” (When received): …"; the second %s is
                * the column, the third says what is wrong with its value */
               _("Line %u, %s: %s"), line, title, problem);
  return FALSE;
}

static gboolean
set_required_error (GwComplaintCsvReader  *reader,
                    GError               **error,
                    guint                  line,
                    Column                 column)
{
  return set_column_error (reader, error, line, column,
                           _("this is empty, and every complaint needs it"));
}

static GwDateOrder
date_order_of (GwComplaintCsvReader *reader,
               Column                column)
{
  int index = reader->index[column];

  if (index < 0 || (guint) index >= reader->date_orders->len)
    return GW_DATE_ORDER_LOCALE;
  return g_array_index (reader->date_orders, GwDateOrder, index);
}

static gboolean
parse_time (GwComplaintCsvReader  *reader,
            const char            *value,
            gboolean               required,
            gint64                *time,
            guint                  line,
            Column                 column,
            GError               **error)
{
  g_autofree char *stripped = stripped_copy (value);
  g_autoptr(GError) local_error = NULL;

  if (*stripped == '\0')
    {
      if (required)
        return set_required_error (reader, error, line, column);
      *time = GW_NO_TIME;
      return TRUE;
    }
  if (!gw_datetime_parse_in_order (stripped, date_order_of (reader, column), NULL, time,
                                   &local_error))
    {
      /* Not a date, out of range, or skipped by the clocks: the parser
       * says which, and how to write it. */
      return set_column_error (reader, error, line, column, local_error->message);
    }
  return TRUE;
}

/* Whether @folded (already case-folded) is @text, whatever its case. */
static gboolean
same_words (const char *folded,
            const char *text)
{
  g_autofree char *other = g_utf8_casefold (text, -1);

  return g_utf8_collate (folded, other) == 0;
}

/**
 * gw_complaint_csv_parse_choice:
 * @text: a cell
 *
 * Reads a choice as a file of ours writes it ("in_progress"), or as people
 * see it, in English or the user's language ("In progress", "Pågår").
 *
 * Returns: whether @text is one of @vocabulary's
 */
gboolean
gw_complaint_csv_parse_choice (GwVocabulary  vocabulary,
                               const char   *text,
                               guint        *choice)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;

  if (gw_vocabulary_parse (vocabulary, text, choice))
    return TRUE;
  stripped = g_strstrip (g_strdup (text));
  folded = g_utf8_casefold (stripped, -1);
  if (*folded == '\0')
    return FALSE;
  for (guint i = 0; i < gw_vocabulary_size (vocabulary); i++)
    if (same_words (folded, gw_vocabulary_label (vocabulary, i)))
      {
        *choice = i;
        return TRUE;
      }
  return FALSE;
}

/* As a file of ours writes it ("in_progress"), or as people see it, in
 * English or the user's language ("In progress", "Pågående"). */
static gboolean
parse_choice (GwComplaintCsvReader  *reader,
              const char            *value,
              GwVocabulary           vocabulary,
              guint                  fallback,
              guint                 *choice,
              guint                  line,
              Column                 column,
              GError               **error)
{
  g_autofree char *stripped = stripped_copy (value);
  g_autoptr(GString) choices = NULL;
  g_autofree char *problem = NULL;
  guint n_values = gw_vocabulary_size (vocabulary);

  if (*stripped == '\0')
    {
      *choice = fallback;
      return TRUE;
    }
  if (gw_complaint_csv_parse_choice (vocabulary, stripped, choice))
    return TRUE;

  choices = g_string_new (NULL);
  for (guint i = 0; i < n_values; i++)
    {
      if (*gw_vocabulary_token (vocabulary, i) == '\0')
        continue;
      if (choices->len > 0)
        /* TRANSLATORS: between the choices of a list, "Open, In progress, Resolved" */
        g_string_append (choices, _(", "));
      g_string_append (choices, gw_vocabulary_label (vocabulary, i));
    }
  /* TRANSLATORS: "“done” is none of Open, In progress, Waiting for customer, Resolved" */
  problem = g_strdup_printf (_("“%s” is none of %s"), stripped, choices->str);
  return set_column_error (reader, error, line, column, problem);
}

static gboolean
parse_yes_no (GwComplaintCsvReader  *reader,
              const char            *value,
              gboolean              *result,
              guint                  line,
              Column                 column,
              GError               **error)
{
  /* TRANSLATORS: what a spreadsheet cell says for "yes", in lower case */
  const char *yes[] = { "yes", "true", "1", N_("yes") };
  /* TRANSLATORS: what a spreadsheet cell says for "no", in lower case */
  const char *no[] = { "no", "false", "0", "", N_("no") };
  g_autofree char *stripped = stripped_copy (value);
  g_autofree char *folded = g_utf8_casefold (stripped, -1);
  g_autofree char *problem = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (stripped, yes[i]) == 0 || same_words (folded, _(yes[i])))
      {
        *result = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (stripped, no[i]) == 0 || same_words (folded, _(no[i])))
      {
        *result = FALSE;
        return TRUE;
      }
  /* TRANSLATORS: "“maybe” is neither yes nor no" */
  problem = g_strdup_printf (_("“%s” is neither %s nor %s"), stripped, _("yes"), _("no"));
  return set_column_error (reader, error, line, column, problem);
}

/* Spreadsheets run a cell starting with one of these as a formula
 * (=HYPERLINK(…), +cmd|…); leading apostrophes are looked past, so that a
 * guard on a guard is still recognised. */
static gboolean
starts_formula (const char *text)
{
  while (*text == '\'')
    text++;
  return *text != '\0' && strchr ("=+-@\t\r", *text) != NULL;
}

/* Export writes such a cell with one more apostrophe at the front, which a
 * spreadsheet shows as text (OWASP's advice); import takes exactly that
 * one off again. Any text at all round-trips: "'=x" is written "''=x". */
static char *
guard_formula (const char *text)
{
  if (text == NULL || !starts_formula (text))
    return NULL;
  return g_strconcat ("'", text, NULL);
}

static const char *
unguard_formula (const char *cell)
{
  if (*cell == '\'' && starts_formula (cell))
    return cell + 1;
  return cell;
}

/* Text as typed: the guard comes off first, then names are trimmed. */
static void
replace_string (char       **field,
                const char  *value,
                gboolean     strip)
{
  value = unguard_formula (value);
  g_free (*field);
  *field = strip ? stripped_copy (value) : g_strdup (value);
}

static GwComplaint *
complaint_from_row (GwComplaintCsvReader  *reader,
                    GStrv                  row,
                    guint                  line,
                    GError               **error)
{
  g_autoptr(GwComplaint) complaint = gw_complaint_new ();
  guint choice;

  if (g_strv_length (row) != reader->n_header_fields)
    {
      g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_VALUE,
                   _("Line %u: the row has %u fields but the header has %u"),
                   line, g_strv_length (row), reader->n_header_fields);
      return NULL;
    }

  if (!parse_time (reader, field_of (reader, row, COLUMN_RECEIVED_AT), TRUE,
                   &complaint->received_at, line, COLUMN_RECEIVED_AT, error))
    return NULL;

  if (!parse_choice (reader, field_of (reader, row, COLUMN_KIND), GW_VOCAB_KIND,
                     GW_KIND_COMPLAINT, &choice, line, COLUMN_KIND, error))
    return NULL;
  complaint->kind = choice;

  if (!parse_choice (reader, field_of (reader, row, COLUMN_CHANNEL), GW_VOCAB_CHANNEL,
                     GW_CHANNEL_IN_STORE, &choice, line, COLUMN_CHANNEL, error))
    return NULL;
  complaint->channel = choice;

  replace_string (&complaint->category, field_of (reader, row, COLUMN_CATEGORY), TRUE);
  replace_string (&complaint->customer_name, field_of (reader, row, COLUMN_CUSTOMER_NAME), TRUE);
  replace_string (&complaint->customer_phone, field_of (reader, row, COLUMN_CUSTOMER_PHONE), TRUE);
  replace_string (&complaint->customer_email, field_of (reader, row, COLUMN_CUSTOMER_EMAIL), TRUE);
  replace_string (&complaint->customer_address,
                  field_of (reader, row, COLUMN_CUSTOMER_ADDRESS), FALSE);
  replace_string (&complaint->received_by, field_of (reader, row, COLUMN_RECEIVED_BY), TRUE);

  replace_string (&complaint->description, field_of (reader, row, COLUMN_DESCRIPTION), FALSE);
  {
    g_autofree char *stripped = stripped_copy (complaint->description);

    if (*stripped == '\0')
      {
        set_required_error (reader, error, line, COLUMN_DESCRIPTION);
        return NULL;
      }
  }

  replace_string (&complaint->agreed_solution,
                  field_of (reader, row, COLUMN_AGREED_SOLUTION), FALSE);
  if (!parse_yes_no (reader, field_of (reader, row, COLUMN_SOLVED_ON_SPOT), &complaint->solved_on_spot,
                     line, COLUMN_SOLVED_ON_SPOT, error))
    return NULL;
  replace_string (&complaint->promise, field_of (reader, row, COLUMN_PROMISE), FALSE);
  replace_string (&complaint->steps_taken, field_of (reader, row, COLUMN_STEPS_TAKEN), FALSE);

  if (!parse_time (reader, field_of (reader, row, COLUMN_FOLLOW_UP_AT), FALSE,
                   &complaint->follow_up_at, line, COLUMN_FOLLOW_UP_AT, error))
    return NULL;

  if (!parse_choice (reader, field_of (reader, row, COLUMN_COMPENSATION_TYPE), GW_VOCAB_COMPENSATION,
                     GW_COMPENSATION_NONE, &choice, line, COLUMN_COMPENSATION_TYPE, error))
    return NULL;
  complaint->compensation_type = choice;

  {
    g_autoptr(GError) local_error = NULL;

    if (!gw_money_parse_local (field_of (reader, row, COLUMN_COMPENSATION_AMOUNT),
                               &complaint->compensation_amount, &local_error))
      {
        set_column_error (reader, error, line, COLUMN_COMPENSATION_AMOUNT, local_error->message);
        return NULL;
      }
  }

  if (!parse_choice (reader, field_of (reader, row, COLUMN_STATUS), GW_VOCAB_STATUS,
                     GW_STATUS_OPEN, &choice, line, COLUMN_STATUS, error))
    return NULL;
  complaint->status = choice;

  if (!parse_time (reader, field_of (reader, row, COLUMN_RESOLVED_AT), FALSE,
                   &complaint->resolved_at, line, COLUMN_RESOLVED_AT, error))
    return NULL;

  if (!parse_choice (reader, field_of (reader, row, COLUMN_CUSTOMER_FEELING), GW_VOCAB_FEELING,
                     GW_FEELING_UNKNOWN, &choice, line, COLUMN_CUSTOMER_FEELING, error))
    return NULL;
  complaint->customer_feeling = choice;

  if (!parse_choice (reader, field_of (reader, row, COLUMN_WILL_BUY_AGAIN), GW_VOCAB_BUY_AGAIN,
                     GW_BUY_AGAIN_UNKNOWN, &choice, line, COLUMN_WILL_BUY_AGAIN, error))
    return NULL;
  complaint->will_buy_again = choice;

  replace_string (&complaint->prevention, field_of (reader, row, COLUMN_PREVENTION), FALSE);

  return g_steal_pointer (&complaint);
}

/**
 * gw_complaint_csv_reader_next:
 * @complaint: (out): the next record
 *
 * Returns: %TRUE with a record, %FALSE at the end (@error unset) or on a
 * failure (@error set, naming the line).
 */
gboolean
gw_complaint_csv_reader_next (GwComplaintCsvReader  *reader,
                              GwComplaint          **complaint,
                              GCancellable          *cancellable,
                              GError               **error)
{
  g_auto(GStrv) row = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (complaint != NULL, FALSE);

  *complaint = NULL;

  if (!reader->have_header && !read_header (reader, cancellable, error))
    return FALSE;

  if (!gw_csv_reader_read_row (reader->csv, &row, cancellable, &local_error))
    {
      if (g_error_matches (local_error, GW_CSV_ERROR, GW_CSV_ERROR_TOO_MANY_FIELDS))
        {
          g_clear_error (&local_error);
          g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_TOO_MANY_FIELDS,
                       _("Line %u: the row has %u fields but the header has %u"),
                       gw_csv_reader_get_row_line (reader->csv),
                       gw_csv_reader_get_n_fields (reader->csv), reader->n_header_fields);
        }
      else if (local_error != NULL)
        g_propagate_error (error, local_error);
      return FALSE;
    }

  *complaint = complaint_from_row (reader, row, gw_csv_reader_get_row_line (reader->csv), error);
  return *complaint != NULL;
}

/**
 * gw_complaint_csv_reader_set_columns:
 * @columns: for each column of the file, in order, the name of ours it
 *   holds (see gw_complaint_csv_column_names()), or "" to leave it out
 *
 * Reads a spreadsheet whose header uses its own names. Call before the
 * first gw_complaint_csv_reader_next().
 */
void
gw_complaint_csv_reader_set_columns (GwComplaintCsvReader *reader,
                                     const char * const   *columns)
{
  g_return_if_fail (reader != NULL);
  g_return_if_fail (!reader->have_header);

  g_strfreev (reader->columns);
  reader->columns = g_strdupv ((char **) columns);
}

/**
 * gw_complaint_csv_read_header_row:
 * @header: (out): the names in the file's first line
 *
 * Reads the first line of @csv, refusing one with more columns than a
 * complaint has before holding them: a file of thousands is no spreadsheet
 * of complaints, and the message says how many it has.
 */
gboolean
gw_complaint_csv_read_header_row (GwCsvReader   *csv,
                                  GStrv         *header,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (csv != NULL, FALSE);
  g_return_val_if_fail (header != NULL, FALSE);

  gw_csv_reader_set_max_fields (csv, N_COLUMNS);
  if (gw_csv_reader_read_row (csv, header, cancellable, &local_error))
    return TRUE;

  if (g_error_matches (local_error, GW_CSV_ERROR, GW_CSV_ERROR_TOO_MANY_FIELDS))
    {
      guint n_fields = gw_csv_reader_get_n_fields (csv);
      g_autofree char *number = gw_format_integer (n_fields);

      g_clear_error (&local_error);
      g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_TOO_MANY_FIELDS,
                   /* TRANSLATORS: "This file has 20,000 columns; a complaint has at most 22." */
                   ngettext ("This file has %s column; a complaint has at most %u.",
                             "This file has %s columns; a complaint has at most %u.", n_fields),
                   number, (guint) N_COLUMNS);
    }
  else if (local_error != NULL)
    g_propagate_error (error, local_error);
  else
    g_set_error_literal (error, GW_CSV_ERROR, GW_CSV_ERROR_HEADER,
                         _("The file is empty: it has no header line"));
  return FALSE;
}

/* What people call our column @column, in the user's language. */
const char *
gw_complaint_csv_column_label (guint column)
{
  g_return_val_if_fail (column < N_COLUMNS, NULL);
  return _(column_labels[column]);
}

/* Our column names, in the order export writes them. */
const char * const *
gw_complaint_csv_column_names (guint *n_columns)
{
  if (n_columns != NULL)
    *n_columns = N_COLUMNS;
  return column_names;
}

/**
 * gw_complaint_csv_reader_set_date_order:
 * @file_column: a column of the file, counting from 0
 *
 * How numeric dates in that column are read (03/11/2026); by default as
 * the user's locale orders them.
 */
void
gw_complaint_csv_reader_set_date_order (GwComplaintCsvReader *reader,
                                        guint                 file_column,
                                        GwDateOrder           order)
{
  g_return_if_fail (reader != NULL);
  if (file_column >= reader->date_orders->len)
    g_array_set_size (reader->date_orders, file_column + 1);
  g_array_index (reader->date_orders, GwDateOrder, file_column) = order;
}

/* See gw_csv_reader_set_encoding(). */
void
gw_complaint_csv_reader_set_encoding (GwComplaintCsvReader *reader,
                                      const char           *encoding)
{
  g_return_if_fail (reader != NULL);
  gw_csv_reader_set_encoding (reader->csv, encoding);
}

const char *
gw_complaint_csv_reader_get_encoding (GwComplaintCsvReader *reader,
                                      gboolean             *detected)
{
  g_return_val_if_fail (reader != NULL, NULL);
  return gw_csv_reader_get_encoding (reader->csv, detected);
}

/* Whether the header was read: a failure after it is a row's own. */
gboolean
gw_complaint_csv_reader_has_header (GwComplaintCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  return reader->have_header;
}

guint
gw_complaint_csv_reader_get_line (GwComplaintCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);
  return gw_csv_reader_get_row_line (reader->csv);
}

goffset
gw_complaint_csv_reader_get_offset (GwComplaintCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);
  return gw_csv_reader_get_offset (reader->csv);
}

/**
 * gw_csv_format_parse:
 * @name: "spreadsheet" or "exact", as the command line takes it
 *
 * Returns: whether @name is one of them
 */
gboolean
gw_csv_format_parse (const char  *name,
                     GwCsvFormat *format)
{
  if (name != NULL && g_ascii_strcasecmp (name, "exact") == 0)
    *format = GW_CSV_FORMAT_EXACT;
  else if (name != NULL && g_ascii_strcasecmp (name, "spreadsheet") == 0)
    *format = GW_CSV_FORMAT_SPREADSHEET;
  else
    return FALSE;
  return TRUE;
}

/* A spreadsheet where the decimal mark is a comma (Sweden, Germany,
 * France…) separates its cells with semicolons, as Excel there does. */
static char
delimiter_for (GwCsvFormat format)
{
  if (format == GW_CSV_FORMAT_SPREADSHEET && *localeconv ()->decimal_point == ',')
    return ';';
  return ',';
}

/* For a spreadsheet the file starts with a byte-order mark: without it
 * Excel reads UTF-8 as the system's code page and garbles å, ä and ö. */
void
gw_complaint_csv_append_header (GString     *out,
                                GwCsvFormat  format)
{
  const char *labels[N_COLUMNS];

  if (format == GW_CSV_FORMAT_EXACT)
    {
      gw_csv_append_row (out, column_names, N_COLUMNS, ',');
      return;
    }
  for (guint i = 0; i < N_COLUMNS; i++)
    labels[i] = _(column_labels[i]);
  g_string_append (out, "\xEF\xBB\xBF");
  gw_csv_append_row (out, labels, N_COLUMNS, delimiter_for (format));
}

static char *
format_time (gint64      unix_seconds,
             GwCsvFormat format)
{
  if (unix_seconds == GW_NO_TIME)
    return NULL;
  if (format == GW_CSV_FORMAT_SPREADSHEET)
    return gw_datetime_format_spreadsheet (unix_seconds);
  return gw_datetime_format_iso (unix_seconds);
}

/* A choice as its token, or as people read it; "not recorded" is an
 * empty cell in a spreadsheet. */
static const char *
format_choice (GwVocabulary vocabulary,
               guint        value,
               GwCsvFormat  format)
{
  const char *token = gw_vocabulary_token (vocabulary, value);

  if (format == GW_CSV_FORMAT_EXACT || *token == '\0')
    return token;
  return gw_vocabulary_label (vocabulary, value);
}

void
gw_complaint_csv_append (GString           *out,
                         const GwComplaint *complaint,
                         GwCsvFormat        format)
{
  g_autofree char *received_at = format_time (complaint->received_at, format);
  g_autofree char *follow_up_at = format_time (complaint->follow_up_at, format);
  g_autofree char *resolved_at = format_time (complaint->resolved_at, format);
  g_autofree char *amount = NULL;
  const char *fields[N_COLUMNS];
  char *guarded[G_N_ELEMENTS (text_columns)];
  gboolean exact = format == GW_CSV_FORMAT_EXACT;

  if (complaint->compensation_amount != 0)
    amount = exact ? gw_money_format_plain (complaint->compensation_amount)
                   : gw_money_format_spreadsheet (complaint->compensation_amount);

  fields[COLUMN_RECEIVED_AT] = received_at;
  fields[COLUMN_KIND] = format_choice (GW_VOCAB_KIND, complaint->kind, format);
  fields[COLUMN_CHANNEL] = format_choice (GW_VOCAB_CHANNEL, complaint->channel, format);
  fields[COLUMN_CATEGORY] = complaint->category;
  fields[COLUMN_CUSTOMER_NAME] = complaint->customer_name;
  fields[COLUMN_CUSTOMER_PHONE] = complaint->customer_phone;
  fields[COLUMN_CUSTOMER_EMAIL] = complaint->customer_email;
  fields[COLUMN_CUSTOMER_ADDRESS] = complaint->customer_address;
  fields[COLUMN_RECEIVED_BY] = complaint->received_by;
  fields[COLUMN_DESCRIPTION] = complaint->description;
  fields[COLUMN_AGREED_SOLUTION] = complaint->agreed_solution;
  if (exact)
    fields[COLUMN_SOLVED_ON_SPOT] = complaint->solved_on_spot ? "yes" : "no";
  else
    /* As "Will buy again" writes its Yes and No. */
    fields[COLUMN_SOLVED_ON_SPOT] = complaint->solved_on_spot ? _("Yes") : _("No");
  fields[COLUMN_PROMISE] = complaint->promise;
  fields[COLUMN_STEPS_TAKEN] = complaint->steps_taken;
  fields[COLUMN_FOLLOW_UP_AT] = follow_up_at;
  fields[COLUMN_COMPENSATION_TYPE] = format_choice (GW_VOCAB_COMPENSATION,
                                                    complaint->compensation_type, format);
  fields[COLUMN_COMPENSATION_AMOUNT] = amount;
  fields[COLUMN_STATUS] = format_choice (GW_VOCAB_STATUS, complaint->status, format);
  fields[COLUMN_RESOLVED_AT] = resolved_at;
  fields[COLUMN_CUSTOMER_FEELING] = format_choice (GW_VOCAB_FEELING, complaint->customer_feeling,
                                                   format);
  fields[COLUMN_WILL_BUY_AGAIN] = format_choice (GW_VOCAB_BUY_AGAIN, complaint->will_buy_again,
                                                 format);
  fields[COLUMN_PREVENTION] = complaint->prevention;

  /* Only people's text can start like a formula: times, words and amounts
   * (never negative) are written by us. */
  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    {
      guarded[i] = guard_formula (fields[text_columns[i]]);
      if (guarded[i] != NULL)
        fields[text_columns[i]] = guarded[i];
    }

  gw_csv_append_row (out, fields, N_COLUMNS, delimiter_for (format));

  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    g_free (guarded[i]);
}
