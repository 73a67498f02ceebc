#!/usr/bin/env python3
# The interface's translations: every file with translatable strings is in
# po/POTFILES.in (sorted, each file there), and each language of po/LINGUAS
# translates every string, with nothing fuzzy, and passes msgfmt --check.
# The translated help names each button and label (<gui>) exactly as the
# translated interface shows it.
#
#   check-translations.py SOURCE-ROOT

import gettext
import os
import re
import subprocess
import sys
import tempfile

MARKERS = [
    re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext)\s*\('),
    re.compile(r'translatable="yes"'),
]


def translatable_files(root):
    found = []
    for folder in ('src', 'data'):
        for directory, _, names in os.walk(os.path.join(root, folder)):
            for name in names:
                path = os.path.join(directory, name)
                relative = os.path.relpath(path, root)
                if name.endswith(('.c', '.ui')):
                    text = open(path, encoding='utf-8').read()
                    if any(marker.search(text) for marker in MARKERS):
                        found.append(relative)
                elif name.endswith(('.desktop.in', '.metainfo.xml.in', '.gschema.xml')):
                    found.append(relative)
    return sorted(found)


GUI_RE = re.compile(r'<gui(?:\s[^>]*)?>(.*?)</gui>', re.S)


def catalog(po, mo):
    """msgid -> msgstr of a .po file (contexts and plural forms dropped)."""
    subprocess.run(['msgfmt', '--output-file', mo, po], check=True)
    with open(mo, 'rb') as handle:
        entries = gettext.GNUTranslations(handle)._catalog
    return {msgid.split('\x04')[-1]: msgstr for msgid, msgstr in entries.items()
            if isinstance(msgid, str) and msgid}


# The interface names each language in that language (the clause editor's
# panes, the interface language in Preferences); the help quotes them as is.
OWN_NAMES = {'Cymraeg', 'English'}


def help_gui_problems(interface, help_catalog):
    """Where the help's <gui> names differ from the interface's labels."""
    labels = {}
    for msgid, msgstr in interface.items():
        labels.setdefault(msgid.replace('_', ''), set()).add(msgstr.replace('_', ''))
    problems = []
    for msgid, msgstr in help_catalog.items():
        english, translated = GUI_RE.findall(msgid), GUI_RE.findall(msgstr)
        if len(english) != len(translated):
            problems.append(f'{msgid[:60]}…: {len(english)} <gui> in English, {len(translated)} translated')
            continue
        for name, shown in zip(english, translated):
            if name in OWN_NAMES and shown == name:
                continue
            expected = set(labels.get(name, ()))
            # a label named without its tail: "Sources" for "Sources: %s"
            for label, translations in labels.items():
                for separator in (' (', ': '):
                    if label.startswith(name + separator):
                        expected.update(t.split(separator)[0] for t in translations)
            if expected and shown not in expected:
                problems.append(f'<gui>{shown}</gui> for “{name}”: the interface says '
                                + ' or '.join(f'“{e}”' for e in sorted(expected)))
    return problems


def main():
    root = sys.argv[1]
    status = 0
    potfiles_path = os.path.join(root, 'po', 'POTFILES.in')
    listed = [line.strip() for line in open(potfiles_path, encoding='utf-8')
              if line.strip() and not line.startswith('#')]

    if listed != sorted(listed):
        print('po/POTFILES.in is not sorted')
        status = 1
    for path in listed:
        if not os.path.exists(os.path.join(root, path)):
            print(f'po/POTFILES.in lists {path}, which does not exist')
            status = 1
    for path in translatable_files(root):
        if path not in listed:
            print(f'{path} has translatable strings but is not in po/POTFILES.in')
            status = 1

    languages = [line.strip() for line in open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8')
                 if line.strip() and not line.startswith('#')]
    if not languages:
        print('po/LINGUAS names no language')
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'polisi.pot')
        subprocess.run(['xgettext', '--from-code=UTF-8', '--add-comments', '--directory', root,
                        '--files-from', potfiles_path, '--output', pot, '--package-name=polisi',
                        '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
                        '--keyword=g_dngettext:2,3', '--flag=g_dngettext:2:pass-c-format',
                        '--flag=g_strdup_printf:1:c-format'],
                       check=True)
        for language in languages:
            po = os.path.join(root, 'po', language + '.po')
            merged = os.path.join(tmp, language + '.po')
            subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '--output-file', merged, po, pot],
                           check=True)
            check = subprocess.run(['msgfmt', '--check', '--statistics', '--output-file', os.devnull, merged],
                                   capture_output=True, text=True)
            report = (check.stdout + check.stderr).strip()
            print(f'{language}: {report}')
            if check.returncode != 0 or 'untranslated' in report or 'fuzzy' in report:
                print(f'{language}: every string must be translated, and none fuzzy')
                status = 1
            obsolete = subprocess.run(['msgattrib', '--only-obsolete', po], capture_output=True, text=True).stdout
            if obsolete.strip():
                print(f'{language}.po holds obsolete strings: remove them (msgattrib --no-obsolete)')
                status = 1
            help_po = os.path.join(root, 'help', language, language + '.po')
            if os.path.exists(help_po):
                interface = catalog(merged, os.path.join(tmp, language + '.mo'))
                problems = help_gui_problems(interface, catalog(help_po, os.path.join(tmp, language + '-help.mo')))
                for problem in problems:
                    print(f'help/{language}/{language}.po: {problem}')
                if problems:
                    status = 1
    return status


if __name__ == '__main__':
    sys.exit(main())
