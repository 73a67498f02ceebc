#!/usr/bin/env python3
# The interface's translations: every file with translatable strings is in
# po/POTFILES.in (sorted, each file there), and each language of po/LINGUAS
# translates every string, with nothing fuzzy, and passes msgfmt --check.
#
#   check-translations.py SOURCE-ROOT

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
    return status


if __name__ == '__main__':
    sys.exit(main())
