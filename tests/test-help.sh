#!/bin/sh
# test-help.sh HELP_DIR PAGE...: the user guide is valid Mallard, every page
# in HELP_DIR is one of the PAGEs that are installed, each page's id is its
# file name, and every link leads to a page (and section) that exists.
# Checks each page is well-formed Mallard, and validates them all with
# yelp-check where it is installed. Offline. Prints TAP.
set -u
dir=$1
shift
n=0
status=0

ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}

not_ok () {
  n=$((n + 1))
  echo "not ok $n - $1"
  status=1
}

# Prints its input as TAP comments.
comment () {
  sed 's/^/# /'
}

# Every page on disk is installed, and every installed page is on disk.
listed=$(printf '%s\n' "$@" | sort)
found=$(cd "$dir" && for page in *.page; do [ -e "$page" ] && echo "$page"; done | sort)
if [ "$listed" = "$found" ]; then
  ok "every page in help/C is installed"
else
  not_ok "every page in help/C is installed"
  echo "installed: $(echo "$listed" | tr '\n' ' ')" | comment
  echo "on disk: $(echo "$found" | tr '\n' ' ')" | comment
fi

# Each page is well-formed Mallard 1.0 with a title: one line per page,
# its name and what is wrong with it, if anything.
checked=$(cd "$dir" && python3 - "$@" 2>&1 <<'PYTHON'
import sys
import xml.etree.ElementTree as ET

def problem(name):
    try:
        root = ET.parse(name).getroot()
    except OSError as error:
        return 'cannot be read: %s' % error.strerror
    except ET.ParseError as error:
        return 'not well-formed: %s' % error
    if root.tag != '{http://projectmallard.org/1.0/}page':
        return 'the root is %s, not a Mallard 1.0 page' % root.tag
    if root.get('type', 'topic') not in ('guide', 'topic'):
        return 'type is "%s", not guide or topic' % root.get('type')
    if root.find('{http://projectmallard.org/1.0/}title') is None:
        return 'the page has no title'
    return ''

for name in sys.argv[1:]:
    print('%s %s' % (name, problem(name)))
PYTHON
)
wellformed=""
for page in "$@"; do
  line=$(printf '%s\n' "$checked" | grep -F -m 1 -- "$page ")
  if [ "$line" = "$page " ]; then
    ok "$page is well-formed Mallard"
    wellformed="$wellformed $page"
  else
    not_ok "$page is well-formed Mallard"
    if [ -n "$line" ]; then
      printf '%s\n' "${line#"$page "}" | comment
    else
      printf '%s\n' "$checked" | comment
    fi
  fi
done

# Valid against the Mallard schema: one run for the well-formed pages, as
# each run builds the schema again.
if command -v yelp-check >/dev/null 2>&1; then
  # shellcheck disable=SC2086
  if out=$(cd "$dir" && yelp-check validate $wellformed 2>&1); then
    ok "yelp-check validate accepts every well-formed page"
  else
    not_ok "yelp-check validate accepts every well-formed page"
    printf '%s\n' "$out" | comment
  fi
else
  n=$((n + 1))
  echo "ok $n - yelp-check validate accepts every well-formed page # SKIP yelp-check is not installed"
fi

# Ids and links, the same check with or without yelp-check.
if out=$(cd "$dir" && python3 - "$@" 2>&1 <<'PYTHON'
import sys
import xml.etree.ElementTree as ET

MAL = '{http://projectmallard.org/1.0/}'
roots = {}
problems = []
for name in sys.argv[1:]:
    try:
        roots[name] = ET.parse(name).getroot()
    except (OSError, ET.ParseError) as error:
        problems.append('%s: %s' % (name, error))

sections = {}
for name, root in roots.items():
    page_id = root.get('id')
    if page_id != name[:-len('.page')]:
        problems.append('%s: its id is "%s", not its file name' % (name, page_id))
    sections[page_id] = {s.get('id') for s in root.iter(MAL + 'section') if s.get('id')}
if 'index' not in sections:
    problems.append('there is no index page, which help:goodwill opens')

for name, root in roots.items():
    for element in root.iter():
        xref = element.get('xref')
        if xref is None:
            continue
        page, _, section = xref.partition('#')
        page = page or root.get('id')
        if page not in sections:
            problems.append('%s: xref="%s" leads to no page' % (name, xref))
        elif section and section not in sections[page]:
            problems.append('%s: xref="%s" leads to no section' % (name, xref))

print('\n'.join(problems))
sys.exit(1 if problems else 0)
PYTHON
); then
  ok "every page's id is its file name, and every link leads somewhere"
else
  not_ok "every page's id is its file name, and every link leads somewhere"
  printf '%s\n' "$out" | comment
fi

echo "1..$n"
exit $status
