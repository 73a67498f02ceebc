#!/usr/bin/python3
# lo-changes.py: open documents in LibreOffice, accept or reject every
# tracked change, and save the text of each.
#
# Copyright 2026 The Polisi authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   lo-changes.py SOFFICE OUT_DIR IN.docx...
#
# For each IN.docx writes OUT_DIR/IN-accepted.txt and OUT_DIR/IN-rejected.txt
# (UTF-8), what LibreOffice's "Accept All" and "Reject All" leave. Runs its
# own LibreOffice with its own profile, through a pipe. Exit status 77 when
# the Python UNO bridge is missing.

import os
import shutil
import sys
import tempfile

import lo_office


def main():
    soffice, out_dir, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    profile = tempfile.mkdtemp(prefix='polisi-lo-')
    try:
        with lo_office.office(profile, soffice) as (desktop, manager, context):
            dispatcher = manager.createInstanceWithContext('com.sun.star.frame.DispatchHelper', context)
            for path in paths:
                base = os.path.splitext(os.path.basename(path))[0]
                for action, command in (('accepted', '.uno:AcceptAllTrackedChanges'),
                                        ('rejected', '.uno:RejectAllTrackedChanges')):
                    document = lo_office.load(desktop, path)
                    dispatcher.executeDispatch(document.getCurrentController().getFrame(), command, '', 0, ())
                    lo_office.save_text(document, os.path.join(out_dir, '%s-%s.txt' % (base, action)))
                    document.close(True)
        return 0
    finally:
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
