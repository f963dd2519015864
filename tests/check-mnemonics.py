#!/usr/bin/env python3
"""check-mnemonics.py UI-FILE…: in each file, every mnemonic letter is used
once, in English and in every language of po/LINGUAS. Give only files whose
labels all show at once (a dialog, a popover); prints one line per clash
and exits 1 if there is any. Run from the top of the source tree."""

import collections
import re
import subprocess
import sys

LABEL = re.compile(r'translatable="yes"(?: context="([^"]*)")?[^>]*>([^<]*)</(?:property|attribute)>')
ENTRY = re.compile(r'(?:msgctxt "((?:[^"\\]|\\.)*)"\n)?msgid "((?:[^"\\]|\\.)*)"\nmsgstr "((?:[^"\\]|\\.)*)"')


def catalogue(language):
    text = subprocess.run(["msgcat", "--no-wrap", f"po/{language}.po"], check=True,
                          capture_output=True, text=True).stdout
    return {(m.group(1), m.group(2)): m.group(3) for m in ENTRY.finditer(text)}


def clashes(path, translate):
    letters = collections.defaultdict(list)
    with open(path, encoding="utf-8") as ui:
        for match in LABEL.finditer(ui.read()):
            msgid = match.group(2).replace("&amp;", "&")
            if not re.search(r"_\w", msgid):
                continue
            label = translate(match.group(1), msgid)
            mnemonic = re.search(r"_(\w)", label)
            if mnemonic:
                letters[mnemonic.group(1).lower()].append(label)
    return {letter: labels for letter, labels in letters.items() if len(labels) > 1}


def main():
    with open("po/LINGUAS", encoding="utf-8") as linguas:
        languages = linguas.read().split()
    translations = {"en": lambda context, msgid: msgid}
    for language in languages:
        entries = catalogue(language)
        translations[language] = (lambda entries: lambda context, msgid:
                                  entries.get((context, msgid)) or msgid)(entries)
    found = False
    for path in sys.argv[1:]:
        for language, translate in translations.items():
            for letter, labels in clashes(path, translate).items():
                found = True
                print(f"{path} ({language}): Alt+{letter.upper()} is " + " and ".join(labels))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
