#!/bin/sh
# test-install.sh BUILD_DIR PREFIX APP_ID GETTEXT_PACKAGE LINGUAS
# Installs the build into a temporary DESTDIR and checks that every file lands
# where GNOME looks for it, and that the installed files pass their
# validators. Writes nothing outside its temporary directory: meson install
# runs in a copy of the build directory made of links, so even its log stays
# here. Prints TAP.
set -u

build=$1
prefix=$2
app_id=$3
package=$4
linguas=$5

work=$(mktemp -d "${TMPDIR:-/tmp}/goodwill-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
destdir=$work/destdir
root=$destdir$prefix

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () {
  n=$((n + 1))
  echo "not ok $n - $1"
  failed=$((failed + 1))
}
check () {
  # check DESCRIPTION COMMAND…: one TAP line for whether COMMAND succeeds
  description=$1
  shift
  if "$@" >"$work/check.out" 2>&1; then
    ok "$description"
  else
    not_ok "$description"
    sed 's/^/# /' "$work/check.out" | head -20
    return 1
  fi
}
check_with () {
  # check_with TOOL DESCRIPTION COMMAND…: skipped where TOOL is not installed
  tool=$1
  shift
  if command -v "$tool" >/dev/null 2>&1; then
    check "$@"
  else
    n=$((n + 1))
    echo "ok $n - $1 # SKIP $tool is not installed"
  fi
}

# meson install writes meson-private/../meson-logs/install-log.txt; give it
# a build directory of its own, every entry a link to the real one's but
# those two directories, so that ".." and the log stay here.
link_entries () {
  # link_entries FROM TO [SKIP…]: link each entry of FROM into TO
  from=$1
  to=$2
  shift 2
  for entry in "$from"/* "$from"/.[!.]*; do
    [ -e "$entry" ] || continue
    name=$(basename "$entry")
    for skip in "$@"; do
      [ "$name" = "$skip" ] && continue 2
    done
    ln -s "$entry" "$to/$name"
  done
}
mkdir -p "$work/build/meson-logs" "$work/build/meson-private"
link_entries "$build" "$work/build" meson-logs meson-private
link_entries "$build/meson-private" "$work/build/meson-private"
check "meson install --destdir succeeds" \
  meson install -C "$work/build" --destdir "$destdir" --no-rebuild

desktop=$root/share/applications/$app_id.desktop
metainfo=$root/share/metainfo/$app_id.metainfo.xml
schemas=$root/share/glib-2.0/schemas

check "the program is in bin/" test -x "$root/bin/goodwill"
check "the desktop file is in share/applications/" test -f "$desktop"
check "the metainfo is in share/metainfo/" test -f "$metainfo"
check "the app icon is in the hicolor theme (scalable)" \
  test -f "$root/share/icons/hicolor/scalable/apps/$app_id.svg"
check "the symbolic icon is in the hicolor theme (symbolic)" \
  test -f "$root/share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check "the settings schema is in share/glib-2.0/schemas/" test -f "$schemas/$app_id.gschema.xml"

check "the user guide is in share/help/C/goodwill/" test -f "$root/share/help/C/goodwill/index.page"
help_linguas=$(dirname "$linguas")/../help/LINGUAS
for lang in $(sed 's/#.*//' "$help_linguas"); do
  check "the user guide in $lang is in share/help/$lang/goodwill/" \
    grep -q "xml:lang=\"$lang\"" "$root/share/help/$lang/goodwill/index.page"
done

languages=$(awk '{ sub(/#.*/, ""); for (i = 1; i <= NF; i++) print $i }' "$linguas")
check "po/LINGUAS lists at least one language" test -n "$languages"
for lang in $languages; do
  mo=$root/share/locale/$lang/LC_MESSAGES/$package.mo
  check "the $lang translations are in share/locale/$lang/LC_MESSAGES/$package.mo" test -s "$mo"
  check_with msgunfmt "the $lang catalogue is a valid .mo with translations" \
    sh -c 'msgunfmt "$1" | grep -q "^msgstr \"[^\"]"' sh "$mo"
  check "the desktop file is translated into $lang" grep -q "^[A-Za-z]*\[$lang\]=" "$desktop" ||
    echo "# meson does not remake the desktop file when po/ changes: remove it from the build directory's data/ and build again"
  check "the metainfo is translated into $lang" grep -q "xml:lang=\"$lang\"" "$metainfo"
done

check "the desktop file starts the installed program" grep -qx 'Exec=goodwill' "$desktop"
check "the desktop file's icon is the installed icon" grep -qx "Icon=$app_id" "$desktop"
check "the metainfo launches the installed desktop file" \
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo"

check_with desktop-file-validate "desktop-file-validate accepts the installed desktop file" \
  desktop-file-validate "$desktop"
check_with appstreamcli "appstreamcli validate --no-net accepts the installed metainfo" \
  appstreamcli validate --no-net "$metainfo"
check_with glib-compile-schemas "glib-compile-schemas --strict accepts the installed schemas" \
  glib-compile-schemas --strict --dry-run "$schemas"

# Every installed file is under the prefix.
check "nothing is installed outside the prefix" \
  sh -c '! find "$1" -mindepth 1 \( -type f -o -type l \) | grep -v "^$2/"' sh "$destdir" "$root"

echo "1..$n"
[ "$failed" -eq 0 ]
