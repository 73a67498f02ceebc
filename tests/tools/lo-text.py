#!/usr/bin/python3
# Opens a document in LibreOffice (headless, through UNO), accepts or
# rejects every tracked change as a reviewer would from Edit > Track
# Changes, and saves the text it then shows, numbering included.
#
#   lo-text.py DOCUMENT accept|reject|none OUTPUT.txt PROFILE-FOLDER
#
# Runs with the system Python, which has LibreOffice's uno module
# (python3-uno). Exit status 77 when uno is missing.

import sys

import lo_office

COMMANDS = {'accept': '.uno:AcceptAllTrackedChanges', 'reject': '.uno:RejectAllTrackedChanges'}


def main():
    source, mode, output, profile = sys.argv[1:5]
    with lo_office.office(profile) as (desktop, manager, context):
        document = lo_office.load(desktop, source)
        if mode in COMMANDS:
            dispatcher = manager.createInstanceWithContext('com.sun.star.frame.DispatchHelper', context)
            dispatcher.executeDispatch(document.getCurrentController().getFrame(), COMMANDS[mode], '', 0, ())
        lo_office.save_text(document, output)
        document.close(True)


main()
