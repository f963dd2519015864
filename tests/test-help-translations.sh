#!/bin/sh
# test-help-translations.sh HELP_DIR PAGE...: for each language in
# HELP_DIR/LINGUAS, the guide's .po covers every paragraph of the pages as
# they are now, all translated and none fuzzy, and the pages itstool makes
# from it pass the same checks as the English ones (test-help.sh).
# Offline. Prints TAP.
set -u
dir=$1
shift
here=$(dirname "$0")
work=$(mktemp -d "${TMPDIR:-/tmp}/goodwill-help.XXXXXX")
trap 'rm -rf "$work"' EXIT
n=0
status=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; status=1; }
comment () { sed 's/^/# /'; }

if ! command -v itstool >/dev/null 2>&1; then
  echo "1..0 # SKIP itstool is not installed"
  exit 0
fi

(cd "$dir/C" && itstool -o "$work/goodwill.pot" "$@")
for lang in $(sed 's/#.*//' "$dir/LINGUAS"); do
  po="$dir/$lang/$lang.po"
  if out=$(msgcmp "$po" "$work/goodwill.pot" 2>&1); then
    ok "$lang: the guide's .po has every paragraph of the pages"
  else
    not_ok "$lang: the guide's .po has every paragraph of the pages"
    printf '%s\n' "$out" | comment
  fi
  stats=$(LC_ALL=C msgfmt --check --statistics -o "$work/$lang.mo" "$po" 2>&1)
  case "$stats" in
    *untranslated* | *fuzzy* | *error*)
      not_ok "$lang: every paragraph is translated, none fuzzy"
      printf '%s\n' "$stats" | comment ;;
    *) ok "$lang: every paragraph is translated, none fuzzy" ;;
  esac
  mkdir -p "$work/$lang"
  if (cd "$dir/C" && itstool -m "$work/$lang.mo" -o "$work/$lang/" "$@"); then
    # The same checks as the English pages, numbered on from these.
    out=$(sh "$here/test-help.sh" "$work/$lang" "$@")
    while read -r line; do
      case "$line" in
        "ok "*) ok "$lang: ${line#ok * - }" ;;
        "not ok "*) not_ok "$lang: ${line#not ok * - }" ;;
        1..*) ;;
        *) echo "$line" ;;
      esac
    done <<TAP
$out
TAP
  else
    not_ok "$lang: itstool makes the pages from the .po"
  fi
done

echo "1..$n"
exit $status
