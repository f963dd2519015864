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
# Every source file with strings people read is in POTFILES.in.
n=$((n + 1))
missing=$(find src ui -name '*.c' -o -name '*.ui' | sort | while read -r file; do
  if grep -qE '_\(|N_\(|C_\(|ngettext|translatable="yes"' "$file" \
     && ! grep -qx "$file" po/POTFILES.in; then
    echo "$file"
  fi
done)
if [ -n "$missing" ]; then
  echo "not ok $n - every source file with translatable strings is in po/POTFILES.in"
  echo "# missing: $(echo $missing)"
  status=1
else
  echo "ok $n - every source file with translatable strings is in po/POTFILES.in"
fi

echo "1..$n"
exit $status
