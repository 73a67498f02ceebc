#!/usr/bin/env python3
# The clause library draws on the source documents but is written in its
# own words. This check finds any run of RUN or more consecutive words that
# a library text (clause text, guidance, titles) shares with a source
# document, and fails if there is one.
#
#   check-originality.py [--run N] library.xml
#
# The source documents are read from POLISI_SEEDS_DIR (every *.txt there);
# without it the check is skipped (exit status 77).

import argparse
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text):
    text = text.lower().replace('’', "'").replace('‘', "'")
    return WORD_RE.findall(text)


def english_texts(path):
    tree = ET.parse(path)
    # The titles of the sources name the documents themselves.
    skip = set()
    for source in tree.iter():
        if source.tag.endswith('}source'):
            skip.update(id(child) for child in source)
    for elem in tree.iter():
        if elem.get(XML_LANG) == 'en' and id(elem) not in skip:
            tag = elem.tag.split('}')[-1]
            for child in elem.iter():
                piece = (child.text or '').strip()
                if piece:
                    yield tag, piece


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--run', type=int, default=10)
    parser.add_argument('library')
    args = parser.parse_args()

    seeds_dir = os.environ.get('POLISI_SEEDS_DIR', '')
    seed_files = sorted(glob.glob(os.path.join(seeds_dir, '*.txt'))) if seeds_dir else []
    if not seed_files:
        print('skipped: no source documents (set POLISI_SEEDS_DIR to their folder)')
        return 77

    grams = {}
    for path in seed_files:
        seed_words = words(open(path, encoding='utf-8').read())
        for i in range(len(seed_words) - args.run + 1):
            grams.setdefault(tuple(seed_words[i:i + args.run]), os.path.basename(path))

    found = []
    checked = 0
    for tag, text in english_texts(args.library):
        text_words = words(text)
        checked += 1
        for i in range(len(text_words) - args.run + 1):
            gram = tuple(text_words[i:i + args.run])
            if gram in grams:
                found.append((' '.join(gram), grams[gram], text))
                break

    print(f'{checked} English texts compared with {len(seed_files)} source documents '
          f'(runs of {args.run} words)')
    if found:
        print('Texts that copy a run of words from a source document:')
        for gram, seed, text in found:
            print(f'  "{gram}" ({seed})\n      in: {text[:160]}')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
