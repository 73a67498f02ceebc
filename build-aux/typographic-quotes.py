#!/usr/bin/env python3
# Typographic apostrophes and quotation marks in the text of the clause
# library and the legislation register, with the rule of
# polisi_text_typographic(): an apostrophe, or a single quotation mark
# that closes, is ’; one that opens is ‘; double ones are “ and ”.
# Markup and attribute values are left alone. Run it after adding or
# editing clauses:
#
#   build-aux/typographic-quotes.py data/library/library.xml data/library/legislation.xml
#
# test-library-update fails on any typewriter mark left in the library's texts.

import re
import sys


def opens(before):
    return before is None or before.isspace() or before in '([“‘—–'


def typographic(text):
    out = []
    before = None
    for i, c in enumerate(text):
        after = text[i + 1] if i + 1 < len(text) else None
        if c == "'":
            c = '‘' if opens(before) and after is not None and not after.isspace() else '’'
        elif c == '"':
            c = '“' if opens(before) else '”'
        out.append(c)
        before = c
    return ''.join(out)


def main(paths):
    for path in paths:
        with open(path, encoding='utf-8') as handle:
            data = handle.read()
        head, sep, body = data.partition('?>')
        body = re.sub(r'>([^<]+)<', lambda m: '>' + typographic(m.group(1)) + '<', body)
        with open(path, 'w', encoding='utf-8') as handle:
            handle.write(head + sep + body)


if __name__ == '__main__':
    main(sys.argv[1:])
