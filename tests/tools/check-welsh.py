#!/usr/bin/env python3
# Check every Welsh text of Polisi against a Welsh Hunspell dictionary and
# the project's reviewed list of words the dictionary lacks.
#
#   check-welsh.py --dict DIR --wordlist FILE [--unused] FILE.xml|FILE.po...
#
# In an XML file, elements with xml:lang="cy" are checked, and so is the
# text of their descendants.  In a .po file (the interface's po/cy.po, the
# help's help/cy/cy.po), every msgstr is checked.  Placeholders ({name}),
# addresses and numbers are skipped, and in translations also C format
# directives, mnemonic underscores, Mallard markup and what stands inside
# <cmd>, <file>, <input>, <key> and <var>, command-line options and their
# values, commands quoted as “polisi ...”, file names and the date pattern
# BBBB-MM-DD.  Exit status: 0 when every word is known, 1 when some are not
# (they are listed), 77 when the dictionary is missing (meson reports the
# test as skipped).

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


# What a translation holds that is not Welsh prose, removed in this order.
PO_SKIP_RES = [
    # Mallard elements whose content is code, keys, file names or metavariables
    re.compile(r'<(cmd|file|input|key|keyseq|var|code|sys)\b[^>]*>.*?</\1>', re.S),
    re.compile(r'<[^>]+>'),                                      # any other markup
    re.compile(r"%(\d+\$)?[-+ #0']*(\d+|\*)?(\.(\d+|\*))?(hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn%]"),
    re.compile(r'“polisi [^”]*”'),                               # a command to run
    re.compile(r'\S*=("[^"]*"|\S*)|\S*\|\S*'),                 # KEY=VALUE, all|ID
    re.compile(r'(?<![\w-])--?[^\W\d_][\w-]*'),                  # --options
    re.compile(r'\S*\.(polisi|odt|pdf|docx|xml)\b'),              # file names
    re.compile(r'\b[a-z]+:\d{4}-\d\d-\d\d:'),                    # legislation:2026-10-01:
    re.compile(r'\b[BY]{4}-MM-DD\b|\b[A-Z]\.[A-Z]\b'),            # BBBB-MM-DD, X.Y
]
PO_LINE_RE = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$')
PO_ESCAPE_RE = re.compile(r'\\(.)')
PO_ESCAPES = {'n': '\n', '"': '"', '\\': '\\'}
QUOTED_RE = re.compile(r'“[^”]*”')


def po_messages(path):
    """(msgid, msgstr, line number) for every msgstr of a .po file but the
    header's; obsolete (#~) entries are comments and are left out."""
    messages = []
    entry = {}
    field = None

    def unescape(text):
        return PO_ESCAPE_RE.sub(lambda m: PO_ESCAPES.get(m.group(1), ' '), text)

    def finish():
        for key, (text, number) in entry.items():
            if key.startswith('msgstr') and entry.get('msgid', ('', 0))[0] != '':
                messages.append((unescape(entry['msgid'][0]), unescape(text), number))
        entry.clear()

    with open(path, encoding='utf-8') as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip()
            match = PO_LINE_RE.match(line)
            if match:
                field = match.group(1)
                entry[field] = (match.group(2), number)
            elif line.startswith('"') and field is not None:
                text, start = entry[field]
                entry[field] = (text + line[1:-1], start)
            elif not line:
                finish()
                field = None
    finish()
    return messages


def translation_prose(msgid, msgstr):
    """The Welsh words of a translation: what it copies from the English as a
    literal (a quoted value or example, an acronym or a product name, an
    English search keyword) and what is not prose at all is taken out."""
    for literal in QUOTED_RE.findall(msgstr):
        if literal in msgid or literal[1:-1] in re.findall(r'[\w-]+', msgid):
            msgstr = msgstr.replace(literal, ' ')
    if msgid.endswith(';'):
        # a desktop file's search keywords keep the English ones too
        english = set(msgid.split(';'))
        msgstr = ';'.join(k for k in msgstr.split(';') if k not in english)
    for skip in PO_SKIP_RES:
        msgstr = skip.sub(' ', msgstr)
    msgstr = msgstr.replace('_', '')
    # acronyms and product names written as one word (ODT, LibreOffice)
    for word in set(re.findall(r'\b(?:[A-Z]{2,}|[A-Z][a-z]+[A-Z]\w*)\b', msgid.replace('_', ''))):
        msgstr = re.sub(r'\b' + word + r'\b', ' ', msgstr)
    return msgstr


def texts_of(path):
    """(text, where it is) for each Welsh text of an XML or .po file."""
    name = os.path.join(os.path.basename(os.path.dirname(os.path.abspath(path))), os.path.basename(path))
    if path.endswith('.po'):
        for msgid, msgstr, number in po_messages(path):
            yield translation_prose(msgid, msgstr), f'{name}:{number}'
    else:
        for text in welsh_texts(path):
            yield text, name


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
        for text, place in texts_of(path):
            for word in words_of(text):
                counts[word] = counts.get(word, 0) + 1
                where.setdefault(word, place)

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
