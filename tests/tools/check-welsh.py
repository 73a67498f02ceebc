#!/usr/bin/env python3
# Check every Welsh text in Polisi's XML files against a Welsh Hunspell
# dictionary and the project's reviewed list of words the dictionary lacks.
#
#   check-welsh.py --dict DIR --wordlist FILE [--report] FILE.xml...
#
# Elements with xml:lang="cy" are checked, and so is the text of their
# descendants.  Placeholders ({name}), addresses, numbers and words inside
# <code>-like tokens are skipped.  Exit status: 0 when every word is known,
# 1 when some are not (they are listed), 77 when the dictionary is missing
# (meson reports the test as skipped).

import argparse
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'

# Pieces that follow an apostrophe in written Welsh: mae'r, i'w, a'i, fe'm,
# o'th, ei gilydd'n ... They are not words of their own.
CLITICS = {'r', 'n', 'w', 'i', 'm', 'th', 'u', 'ch', 'ni', 'ch', 'ti', 'y', 'ng', 'mh', 'nh'}

WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
SKIP_RE = re.compile(r"\{[a-z_]+\}|https?://\S+|\S+@\S+|www\.\S+")


def welsh_texts(path):
    tree = ET.parse(path)
    for elem in tree.iter():
        if elem.get(XML_LANG) == 'cy':
            yield ' '.join(elem.itertext())


def words_of(text):
    text = SKIP_RE.sub(' ', text)
    for match in WORD_RE.finditer(text):
        token = match.group(0).replace('’', "'")
        parts = token.split("'")
        for index, part in enumerate(parts):
            if not part:
                continue
            if index > 0 and part.lower() in CLITICS:
                continue
            if index == 0 and len(parts) > 1 and part.lower() in CLITICS:
                continue
            yield part


def load_wordlist(path):
    words = set()
    with open(path, encoding='utf-8') as handle:
        for line in handle:
            line = line.split('#', 1)[0].strip()
            if line:
                words.add(line)
    return words


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--dict', default='', help='folder holding cy_GB.dic and cy_GB.aff '
                        '(default: the HUNSPELL_CY_DIR environment variable)')
    parser.add_argument('--wordlist', required=True)
    parser.add_argument('--unused', action='store_true',
                        help='also fail when the word list holds words no text uses')
    parser.add_argument('files', nargs='+')
    args = parser.parse_args()

    folder = args.dict or os.environ.get('HUNSPELL_CY_DIR', '')
    dic = os.path.join(folder, 'cy_GB') if folder else ''
    if not folder or not os.path.exists(dic + '.dic'):
        print('skipped: no Welsh dictionary (set HUNSPELL_CY_DIR to the folder of cy_GB.dic)')
        return 77
    hunspell = shutil.which('hunspell')
    if hunspell is None:
        print('skipped: the hunspell command is not installed')
        return 77

    reviewed = load_wordlist(args.wordlist)
    counts = {}
    where = {}
    for path in args.files:
        for text in welsh_texts(path):
            for word in words_of(text):
                counts[word] = counts.get(word, 0) + 1
                where.setdefault(word, os.path.basename(path))

    candidates = sorted(counts)
    result = subprocess.run([hunspell, '-d', dic, '-l'], input='\n'.join(candidates),
                            capture_output=True, text=True, encoding='utf-8', check=True)
    unknown = set(result.stdout.split())
    # Hunspell lower-cases nothing: a capitalised sentence-initial word it
    # rejects may still be known in lower case.
    missing = sorted(w for w in unknown if w not in reviewed and w.lower() not in reviewed)
    print(f'{len(candidates)} distinct Welsh words checked, '
          f'{len(unknown)} not in the dictionary, {len(unknown) - len(missing)} of them reviewed')
    status = 0
    if missing:
        print('Welsh words neither in the dictionary nor in the reviewed word list:')
        for word in missing:
            # hunspell may report a piece of a hyphenated word
            print(f'  {word}  ({counts.get(word, 1)}x, first in {where.get(word, "a hyphenated word")})')
        status = 1
    if args.unused:
        unused = sorted(w for w in reviewed if w not in unknown and w.lower() not in {u.lower() for u in unknown})
        if unused:
            print('Reviewed words that no text needs any more (remove them from the list):')
            for word in unused:
                print(f'  {word}')
            status = 1
    return status


if __name__ == '__main__':
    sys.exit(main())
