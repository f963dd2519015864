/* gw-money.c: money is kept in minor units (öre, cents) so sums are exact */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gw-money.h"

/* Two decimals: the currencies of the shops we serve all have a hundredth. */
#define MINOR_PER_MAJOR 100

/* Accepts "12", "12.5", "12,50", "  7 ". Either "." or "," marks decimals
 * (Swedish spreadsheets write decimal commas); no grouping, no sign, at most
 * two decimals, so nothing is silently rounded. */
gboolean
gw_money_parse (const char *text,
                gint64     *minor_units)
{
  g_autofree char *stripped = NULL;
  const char *p;
  gint64 major = 0;
  gint64 minor = 0;
  int n_decimals = 0;
  int n_digits = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      if (minor_units != NULL)
        *minor_units = 0;
      return TRUE;
    }

  for (p = stripped; g_ascii_isdigit (*p); p++, n_digits++)
    {
      if (major > (G_MAXINT64 / MINOR_PER_MAJOR - 9) / 10)
        return FALSE;
      major = major * 10 + (*p - '0');
    }

  if (*p == '.' || *p == ',')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (++n_decimals > 2)
            return FALSE;
          minor = minor * 10 + (*p - '0');
        }
      if (n_decimals == 0)
        return FALSE;
    }

  if (*p != '\0' || n_digits == 0)
    return FALSE;

  if (n_decimals == 1)
    minor *= 10;

  if (minor_units != NULL)
    *minor_units = major * MINOR_PER_MAJOR + minor;
  return TRUE;
}

/* The form files are written in: "1234.50", the same in every locale. */
char *
gw_money_format_plain (gint64 minor_units)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d",
                          minor_units / MINOR_PER_MAJOR,
                          (int) ((minor_units < 0 ? -minor_units : minor_units) % MINOR_PER_MAJOR));
}

static void
append_grouped (GString     *out,
                gint64       magnitude,
                const char  *separator)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, magnitude);
  gsize n_digits = strlen (digits);

  for (gsize i = 0; i < n_digits; i++)
    {
      if (i > 0 && (n_digits - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

/* A whole number as the user's locale groups it: "12 345" in Swedish. */
char *
gw_format_integer (gint64 value)
{
  struct lconv *conventions = localeconv ();
  GString *out = g_string_new (NULL);

  if (value < 0)
    g_string_append_c (out, '-');
  append_grouped (out, value < 0 ? -value : value, conventions->thousands_sep);
  return g_string_free (out, FALSE);
}

/* A figure as the user's locale writes it: whole numbers plainly
 * ("12"), others to one decimal ("81.8", "81,8" in Swedish). Every figure
 * the window and the printed reports show comes through here, so the two
 * never differ. */
char *
gw_format_number (double value)
{
  double rounded = round (value * 10) / 10;

  if (fabs (rounded - round (rounded)) < 1e-9 && fabs (rounded) < 1e15)
    return gw_format_integer ((gint64) round (rounded));
  return g_strdup_printf ("%.1f", rounded);
}

/* The business's currency (ISO 4217, e.g. "SEK"), shown with amounts;
 * set by the application from its settings. */
static char currency[8];

/**
 * gw_money_set_currency:
 * @code: (nullable): an ISO 4217 code; empty or %NULL for the currency of
 *   the user's locale, as a shop that never chose one expects; "none" for
 *   amounts without a currency
 */
void
gw_money_set_currency (const char *code)
{
  if (code == NULL || *code == '\0')
    {
      g_autofree char *local = g_strstrip (g_strdup (localeconv ()->int_curr_symbol));

      g_strlcpy (currency, local, sizeof currency);
    }
  else if (g_str_equal (code, GW_MONEY_NO_CURRENCY))
    *currency = '\0';
  else
    g_strlcpy (currency, code, sizeof currency);
}

const char *
gw_money_get_currency (void)
{
  return currency;
}

/* "1 234,50 kr" in the user's locale: the currency of the user's own
 * country by its sign, where the locale puts it ("$1,234.50" in the US);
 * any other by its code ("1 234,50 EUR"); without a currency when none
 * was chosen. */
char *
gw_money_format_local (gint64 minor_units)
{
  struct lconv *conventions = localeconv ();
  g_autofree char *amount = gw_money_format_amount (minor_units);
  g_autofree char *local_code = g_strstrip (g_strdup (conventions->int_curr_symbol));

  if (*currency == '\0')
    return g_steal_pointer (&amount);
  /* Refunds are never negative; a sign and a symbol would need the
   * locale's rules for both. */
  if (minor_units >= 0 && g_str_equal (local_code, currency)
      && *conventions->currency_symbol != '\0')
    {
      const char *space = conventions->p_sep_by_space == 1 ? " " : "";

      if (conventions->p_cs_precedes == 1)
        return g_strconcat (conventions->currency_symbol, space, amount, NULL);
      return g_strconcat (amount, space, conventions->currency_symbol, NULL);
    }
  /* TRANSLATORS: an amount of money and its currency code, e.g. "875.00 SEK" */
  return g_strdup_printf (_("%s %s"), amount, currency);
}

/* The amount alone, as the user's locale writes it: "1 234,50" in
 * Swedish, "1,234.50" in English. */
char *
gw_money_format_amount (gint64 minor_units)
{
  struct lconv *conventions = localeconv ();
  const char *decimal_point = *conventions->decimal_point ? conventions->decimal_point : ".";
  GString *out = g_string_new (NULL);
  gint64 magnitude = minor_units < 0 ? -minor_units : minor_units;

  if (minor_units < 0)
    g_string_append_c (out, '-');
  append_grouped (out, magnitude / MINOR_PER_MAJOR, conventions->thousands_sep);
  g_string_append_printf (out, "%s%02d", decimal_point, (int) (magnitude % MINOR_PER_MAJOR));
  return g_string_free (out, FALSE);
}

G_DEFINE_QUARK (gw-money-error-quark, gw_money_error)

/* Spaces of every width: Swedish groups thousands with a narrow no-break
 * space (U+202F), others with a no-break space, people with a space. */
static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2007;
}

static char *
strip_spaces (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *previous = g_utf8_prev_char (end);

      if (!is_space (g_utf8_get_char (previous)))
        break;
      end = previous;
    }
  return g_strndup (start, end - start);
}

/* Takes a currency sign or code off either end: the locale's, the
 * business's, and those shops here are paid in. */
static char *
strip_currency (const char *text)
{
  struct lconv *conventions = localeconv ();
  g_autofree char *local_code = g_strstrip (g_strdup (conventions->int_curr_symbol));
  const char *known[] = {
    conventions->currency_symbol, local_code, currency,
    "kr.", "kr", ":-", "SEK", "NOK", "DKK", "EUR", "€", "USD", "US$", "$", "GBP", "£", "CHF",
  };
  gsize length = strlen (text);

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      gsize n = known[i] != NULL ? strlen (known[i]) : 0;

      if (n == 0 || n > length)
        continue;
      if (g_ascii_strncasecmp (text, known[i], n) == 0)
        return strip_spaces (text + n);
      if (g_ascii_strcasecmp (text + length - n, known[i]) == 0)
        {
          g_autofree char *rest = g_strndup (text, length - n);

          return strip_spaces (rest);
        }
    }
  return g_strdup (text);
}

static gboolean
set_amount_error (GError     **error,
                  const char  *text)
{
  g_autofree char *example = gw_money_format_amount (129900);

  g_set_error (error, GW_MONEY_ERROR, GW_MONEY_ERROR_FORM,
               /* TRANSLATORS: %s is what was read from a file, then 1299 written as
                * the user's locale writes amounts, e.g. "1 299,00" */
               _("“%s” is not an amount Goodwill knows: write it like %s, with at most two "
                 "decimals"), text, example);
  return FALSE;
}

/**
 * gw_money_parse_local:
 *
 * Reads what gw_money_parse() reads, and amounts as the user's locale
 * writes them: thousands grouped by any kind of space or by the locale's
 * separator ("1 299,00" in Swedish, "1.299,00" in German, "1,299.00" in
 * English), with a currency sign or code before or after ("1 299,00 kr",
 * "€12.50"). A "." or "," that occurs once with one or two digits after it
 * marks decimals in any locale, as gw_money_parse() has it; one with three
 * digits after it is the locale's grouping, or refused. Groups are of three
 * digits. Nothing is rounded, and what is refused says how to write it.
 */
gboolean
gw_money_parse_local (const char  *text,
                      gint64      *minor_units,
                      GError     **error)
{
  struct lconv *conventions = localeconv ();
  char decimal_mark = *conventions->decimal_point == ',' ? ',' : '.';
  const char *grouping = conventions->thousands_sep;
  g_autofree char *stripped = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) separators = g_array_new (FALSE, FALSE, sizeof (char));
  int run = 0;
  gssize decimal_at = -1;  /* the separator that marks decimals, by index */
  char group_kind = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  stripped = strip_spaces (text);
  if (*stripped == '\0')
    {
      if (minor_units != NULL)
        *minor_units = 0;
      return TRUE;
    }
  number = strip_currency (stripped);

  /* Digit runs and what separates them: ' ' for a space of any width. */
  for (const char *p = number; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 128 && g_ascii_isdigit (c))
        {
          g_string_append_c (digits, (char) c);
          run++;
          continue;
        }
      if (run == 0)
        return set_amount_error (error, stripped);
      g_array_append_val (runs, run);
      run = 0;
      if (c == '.' || c == ',')
        g_array_append_val (separators, c);
      else if (is_space (c))
        {
          char space = ' ';

          g_array_append_val (separators, space);
        }
      else
        return set_amount_error (error, stripped);
    }
  if (run == 0)
    return set_amount_error (error, stripped);
  g_array_append_val (runs, run);

  if (separators->len > 0)
    {
      guint last = separators->len - 1;
      char mark = g_array_index (separators, char, last);
      int after = g_array_index (runs, int, last + 1);
      guint n_same = 0;

      for (guint i = 0; i < separators->len; i++)
        n_same += g_array_index (separators, char, i) == mark;
      if (mark != ' ' && n_same == 1 && (after <= 2 || mark == decimal_mark))
        {
          if (after > 2)
            return set_amount_error (error, stripped);
          decimal_at = last;
        }
    }

  /* Everything else groups thousands, all alike and as the locale does. */
  for (guint i = 0; i < separators->len; i++)
    {
      char c = g_array_index (separators, char, i);
      gboolean groups;

      if ((gssize) i == decimal_at)
        continue;
      groups = c == ' ' || (grouping != NULL && grouping[0] == c && grouping[1] == '\0');
      if (!groups || (group_kind != 0 && c != group_kind))
        return set_amount_error (error, stripped);
      group_kind = c;
      if (g_array_index (runs, int, i + 1) != 3 || (i == 0 && g_array_index (runs, int, 0) > 3))
        return set_amount_error (error, stripped);
    }

  {
    int n_decimals = decimal_at >= 0 ? g_array_index (runs, int, decimal_at + 1) : 0;
    gsize n_whole = digits->len - n_decimals;
    g_autofree char *plain = g_strdup_printf ("%.*s%s%s", (int) n_whole, digits->str,
                                              n_decimals > 0 ? "." : "",
                                              digits->str + n_whole);

    if (!gw_money_parse (plain, minor_units))
      return set_amount_error (error, stripped);
  }
  return TRUE;
}

/* As a spreadsheet in the user's locale reads a number: the locale's
 * decimal mark, no grouping (which some spreadsheets take for text). */
char *
gw_money_format_spreadsheet (gint64 minor_units)
{
  struct lconv *conventions = localeconv ();
  g_autofree char *plain = gw_money_format_plain (minor_units);

  if (*conventions->decimal_point == ',')
    g_strdelimit (plain, ".", ',');
  return g_steal_pointer (&plain);
}
