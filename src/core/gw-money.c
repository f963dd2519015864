/* gw-money.c: money is kept in minor units (öre, cents) so sums are exact */

#include "config.h"

#include <locale.h>
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

/* The business's currency (ISO 4217, e.g. "SEK"), shown with amounts;
 * set once by the application from its settings. */
static char currency[8];

void
gw_money_set_currency (const char *code)
{
  g_strlcpy (currency, code != NULL ? code : "", sizeof currency);
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
