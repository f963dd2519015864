#!/bin/sh
# test-translations.sh SOURCE_ROOT: every catalogue is complete, fuzzy-free
# and matches the strings in the sources. Prints TAP.
set -u
root=$1
cd "$root" || exit 1
pot=$(mktemp)
trap 'rm -f "$pot"' EXIT
xgettext --from-code=UTF-8 --add-comments=TRANSLATORS -f po/POTFILES.in -k_ -kN_ -kC_:1c,2 \
  -kNC_:1c,2 -kngettext:1,2 -kg_dngettext:2,3 -o "$pot" 2>/dev/null
n=0
status=0
for po in po/*.po; do
  n=$((n + 1))
  stats=$(msgmerge -q "$po" "$pot" -o - | msgfmt --check --statistics -o /dev/null - 2>&1)
  case "$stats" in
    *untranslated*|*fuzzy*|*error*)
      echo "not ok $n - $po is complete"
      echo "# $stats"
      status=1 ;;
    *) echo "ok $n - $po is complete ($stats)" ;;
  esac
done
echo "1..$n"
exit $status
