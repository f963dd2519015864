#!/bin/sh
# Installs the Debian 12 packages Goodwill needs to build, run and test.
# Safe to run again: apt-get skips what is already there.
set -eu

PACKAGES="build-essential meson ninja-build pkg-config gettext
  libgtk-4-dev libgtk-4-bin libadwaita-1-dev libsqlite3-dev libnotify-dev
  libportal-gtk4-dev libglib2.0-dev libglib2.0-bin adwaita-icon-theme
  fonts-dejavu-core xvfb xauth x11-utils imagemagick libgl1-mesa-dri
  dbus-daemon dbus-bin at-spi2-core locales sqlite3 xdg-desktop-portal xdg-desktop-portal-gtk
  python3-gi gir1.2-atspi-2.0 libnotify-bin
  desktop-file-utils appstream json-glib-tools xdotool notification-daemon
  poppler-utils yelp-tools itstool
  clang libclang-rt-14-dev"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
fi

# US English, Swedish and German locales, so dates and numbers can be
# checked (and screenshots taken) in each.
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO sed -i -e 's/^# *\(sv_SE.UTF-8 UTF-8\)/\1/' -e 's/^# *\(en_US.UTF-8 UTF-8\)/\1/' \
    -e 's/^# *\(de_DE.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  $SUDO locale-gen >/dev/null
fi
