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
import subprocess
import sys
import tempfile
import time

try:
    import uno
    from com.sun.star.beans import PropertyValue
except ImportError:
    print("the Python UNO bridge (python3-uno) is not installed", file=sys.stderr)
    sys.exit(77)


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    soffice, out_dir, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    profile = tempfile.mkdtemp(prefix="polisi-lo-")
    pipe = "polisi%d" % os.getpid()
    office = subprocess.Popen([soffice, "--headless", "--invisible", "--norestore", "--nologo",
                               "-env:UserInstallation=file://" + profile,
                               "--accept=pipe,name=%s;urp;" % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(240):
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.25)
        if context is None:
            print("LibreOffice did not start", file=sys.stderr)
            return 1
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        for path in paths:
            base = os.path.splitext(os.path.basename(path))[0]
            for action, command in (("accepted", ".uno:AcceptAllTrackedChanges"),
                                    ("rejected", ".uno:RejectAllTrackedChanges")):
                doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0,
                                                   (prop("Hidden", True),))
                dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
                target = os.path.join(out_dir, "%s-%s.txt" % (base, action))
                doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)),
                               (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8")))
                doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
        return 0
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()
        subprocess.run(["rm", "-rf", profile])


if __name__ == "__main__":
    sys.exit(main())
