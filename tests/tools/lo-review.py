#!/usr/bin/python3
# A reviewer at work in LibreOffice (headless, through UNO): opens a
# consultation draft, turns on Edit > Track Changes > Record, inserts words
# after one phrase and deletes another, turns recording off, writes a row in
# the comments table, and saves the document in the format of OUTPUT's
# extension (.odt or .docx), as LibreOffice writes it.
#
#   lo-review.py DRAFT OUTPUT PROFILE-FOLDER AFTER INSERTED DELETED ROW...
#
#   AFTER     the words after which INSERTED is typed
#   DELETED   the words deleted (with the space before them, if wanted)
#   ROW...    the text of each cell of the new row of the comments table,
#             which is the last table of the document
#
# (A comment anchored in the text is not made here: inserting an annotation
# through UNO stops a headless LibreOffice 7.4. The tests add one to the
# file itself, and LibreOffice then saves it again.)
#
# Runs with the system Python, which has LibreOffice's uno module
# (python3-uno). Exit status 77 when uno is missing.

import sys

import lo_office


def find(document, words):
    search = document.createSearchDescriptor()
    search.SearchString = words
    search.SearchCaseSensitive = True
    found = document.findFirst(search)
    if found is None:
        sys.exit('the draft has no “%s”' % words)
    return found


def main():
    source, output, profile, after, inserted, deleted = sys.argv[1:7]
    row = sys.argv[7:]
    with lo_office.office(profile) as (desktop, manager, context):
        document = lo_office.load(desktop, source)

        document.setPropertyValue('RecordChanges', True)
        found = find(document, after)
        found.getText().insertString(found.getEnd(), inserted, False)
        find(document, deleted).setString('')
        document.setPropertyValue('RecordChanges', False)

        if row:
            tables = document.getTextTables()
            table = tables.getByIndex(tables.getCount() - 1)
            last = table.getRows().getCount()
            cells = [name for name in table.getCellNames() if name[1:] == str(last)]
            if any(table.getCellByName(name).getString() for name in cells):
                sys.exit('the comments table has no empty row')
            for name, text in zip(cells, row):
                table.getCellByName(name).setString(text)

        writer = 'MS Word 2007 XML' if output.endswith('.docx') else 'writer8'
        document.storeToURL(lo_office.url(output), (lo_office.prop('FilterName', writer),))
        document.close(True)


main()
