#!/bin/bash
# test-keyboard.sh GOODWILL: logs complaints with the keyboard alone, as a
# person at the counter would, through a real X server (run it under
# headless-run.sh). Checks the store afterwards. Prints TAP.
set -u

goodwill=$1
db="$TMPDIR/keyboard.db"
export LANGUAGE=C LC_ALL=C.UTF-8
n=0
failed=0
app=""
trap '[ -n "$app" ] && kill $app 2>/dev/null' EXIT

check () {
  local description=$1
  shift
  n=$((n + 1))
  if "$@" >/dev/null 2>&1; then
    echo "ok $n - $description"
  else
    echo "not ok $n - $description"
    failed=$((failed + 1))
  fi
}

count () { sqlite3 "$db" "SELECT count(*) FROM complaints WHERE deleted_at IS NULL $1"; }

# Waits up to 10 s for a condition, checking every tenth of a second.
eventually () {
  for _ in $(seq 100); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}

keys () { xdotool key --delay 60 "$@"; sleep 0.4; }
type_text () { xdotool type --delay 15 "$1"; sleep 0.2; }

"$goodwill" --database "$db" --demo 2>/dev/null
before=$(count "")
"$goodwill" --database "$db" >/dev/null 2>&1 &
app=$!
# Without a window manager, keys go to the window under the pointer.
eventually xdotool search --name '^Goodwill$'
sleep 1
xdotool mousemove 400 300
sleep 0.3

# Ctrl+N, a name, Alt+D to the description, Ctrl+Enter to save.
keys ctrl+n
eventually xdotool search --name '^New Complaint$'
check "Ctrl+N opens the new complaint form" xdotool search --name '^New Complaint$'
type_text "Greta Lindgren"
keys alt+d
type_text "The lamp flickers when it is switched on."
keys ctrl+Return
check "Ctrl+Enter saves it" eventually test "$(count "")" -eq $((before + 1))
check "with the customer typed" test "$(sqlite3 "$db" "SELECT cu.name FROM complaints c JOIN customers cu ON cu.id = c.customer_id ORDER BY c.id DESC LIMIT 1")" = "Greta Lindgren"
check "and the description typed" test "$(sqlite3 "$db" "SELECT description FROM complaints ORDER BY id DESC LIMIT 1")" = "The lamp flickers when it is switched on."
check "the form closes after saving" eventually sh -c "! xdotool search --name '^New Complaint\$'"

# A form without a description is not saved, and stays open with what was typed.
keys ctrl+n
eventually xdotool search --name '^New Complaint$'
type_text "Olle Berg"
keys ctrl+Return
sleep 1
check "without a description nothing is saved" test "$(count "")" -eq $((before + 1))
check "and the form stays open" xdotool search --name '^New Complaint$'

# Escape closes it; what was typed is kept as a draft and comes back.
keys Escape
check "Escape closes the form" eventually sh -c "! xdotool search --name '^New Complaint\$'"
check "the unsaved form is kept as a draft" eventually grep -q "Olle Berg" "$XDG_STATE_HOME/goodwill/complaint-draft.ini"
keys ctrl+n
eventually xdotool search --name '^New Complaint$'
keys alt+d
type_text "Asked for a bigger size."
keys ctrl+Return
check "the draft comes back and saves with its name" eventually test "$(sqlite3 "$db" "SELECT cu.name FROM complaints c JOIN customers cu ON cu.id = c.customer_id ORDER BY c.id DESC LIMIT 1")" = "Olle Berg"
check "and the draft is gone once saved" eventually test ! -e "$XDG_STATE_HOME/goodwill/complaint-draft.ini"

# The self-test from the keyboard alone: Alt+4 to the tab, Alt+T to start,
# Alt+N past who is answering, then a digit for each statement and Return
# on the button that leads on. Section by section: 4.0, 4, 4, 4, 4, 4.2, 4.
assessments () { sqlite3 "$db" "SELECT count(*) FROM assessments WHERE completed_at IS NOT NULL"; }
done_before=$(assessments)
keys alt+4
keys alt+t
eventually xdotool search --name '^Self-Test$'
check "Alt+T opens the self-test" xdotool search --name '^Self-Test$'
keys alt+n
# The arrow keys move along a statement's ratings; Space chooses one.
keys Right Right space
check "the arrow keys and Space rate a statement" eventually test "$(sqlite3 "$db" "SELECT rating FROM assessment_answers WHERE assessment_id = (SELECT max(id) FROM assessments) AND statement = 0")" = 3
keys Left Left
for section in "5 4 4 3" "4 4 4 4" "4 4 4" "4 4 4" "4 4 4" "5 5 4 4 3" "4 4 4"; do
  # shellcheck disable=SC2086
  keys $section
  keys Return
done
check "Return on the last section finishes it" eventually test "$(assessments)" -eq $((done_before + 1))
check "with every rating typed, in order" test "$(sqlite3 "$db" "SELECT group_concat(rating, '') FROM (SELECT rating FROM assessment_answers WHERE assessment_id = (SELECT max(id) FROM assessments) ORDER BY statement)")" = "5443444444444444455443444"
check "the self-test closes" eventually sh -c "! xdotool search --name '^Self-Test\$'"

echo "1..$n"
[ "$failed" -eq 0 ]
