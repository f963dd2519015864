#!/bin/sh
# test-translations.sh SOURCE_ROOT: every catalogue is complete, fuzzy-free
# and matches the strings in the sources, and no dialog gives one mnemonic
# to two controls. Prints TAP.
set -u
root=$1
cd "$root" || exit 1
pot=$(mktemp)
errors=$(mktemp)
trap 'rm -f "$pot" "$errors"' EXIT
n=0
status=0

# Without the strings of the sources nothing below means anything: a
# missing or failing xgettext fails here, not as "complete with 0".
n=$((n + 1))
if xgettext --from-code=UTF-8 --add-comments=TRANSLATORS -f po/POTFILES.in -k_ -kN_ -kC_:1c,2 \
     -kNC_:1c,2 -kngettext:1,2 -kg_dngettext:2,3 -o "$pot" 2>"$errors" \
   && [ ! -s "$errors" ] && [ "$(grep -c '^msgid ' "$pot")" -gt 100 ]; then
  echo "ok $n - the sources' strings are extracted ($(grep -c '^msgid ' "$pot") messages)"
else
  echo "not ok $n - the sources' strings are extracted"
  sed 's/^/# /' "$errors"
  status=1
fi

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
# A translated message that the sources no longer mark for translation (a
# _() lost in an edit) shows in English to everyone: it must still be
# extracted, or be marked obsolete in the catalogues on purpose.
for po in po/*.po; do
  n=$((n + 1))
  gone=$(msgattrib --no-obsolete "$po" | msgmerge -q - "$pot" -o - | msgattrib --only-obsolete \
         | sed -n 's/^#~ msgid "\(.*\)"$/\1/p')
  if [ -z "$gone" ]; then
    echo "ok $n - every message of $po is still marked for translation in the sources"
  else
    echo "not ok $n - every message of $po is still marked for translation in the sources"
    echo "$gone" | sed 's/^/# no longer marked: /'
    status=1
  fi
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

# In every dialog and popover whose labels show all at once, each mnemonic
# is used once, in English and in every language.
n=$((n + 1))
if clashes=$(python3 tests/check-mnemonics.py ui/gw-assessment-dialog.ui \
               ui/gw-categories-dialog.ui ui/gw-complaint-editor.ui ui/gw-concern-dialog.ui \
               ui/gw-customer-dialog.ui ui/gw-filter-popover.ui ui/gw-goal-dialog.ui \
               ui/gw-import-dialog.ui ui/gw-recognition-dialog.ui ui/gw-review-window.ui \
               ui/gw-staff-editor.ui ui/gw-top-issues-dialog.ui ui/gw-training-dialog.ui \
               ui/gw-vision-dialog.ui); then
  echo "ok $n - every mnemonic in a dialog is used once"
else
  echo "not ok $n - every mnemonic in a dialog is used once"
  echo "$clashes" | sed 's/^/# /'
  status=1
fi

echo "1..$n"
exit $status
