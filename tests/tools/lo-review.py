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

import os
import subprocess
import sys
import time

try:
    import uno
    from com.sun.star.beans import PropertyValue
except ImportError:
    sys.exit(77)


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


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
    pipe = 'polisi-review-%d' % os.getpid()
    office = subprocess.Popen(['soffice', '--headless', '--invisible', '--norestore', '--nologo',
                               '-env:UserInstallation=' + uno.systemPathToFileUrl(os.path.abspath(profile)),
                               '--accept=pipe,name=%s;urp;' % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        context = None
        for _ in range(240):
            try:
                context = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
                break
            except Exception:
                if office.poll() is not None:
                    sys.exit('LibreOffice stopped before it could be reached')
                time.sleep(0.25)
        if context is None:
            sys.exit('LibreOffice could not be reached')
        desktop = context.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', context)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), '_blank', 0,
                                                (prop('Hidden', True),))
        if document is None:
            sys.exit('LibreOffice could not open ' + source)

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
        document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(output)), (prop('FilterName', writer),))
        document.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes as LibreOffice quits
        office.wait(timeout=60)
    finally:
        if office.poll() is None:
            office.kill()
            office.wait()


main()
