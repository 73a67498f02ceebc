#!/usr/bin/python3
# Opens a document in LibreOffice (headless, through UNO), accepts or
# rejects every tracked change as a reviewer would from Edit > Track
# Changes, and saves the text it then shows, numbering included.
#
#   lo-text.py DOCUMENT accept|reject|none OUTPUT.txt PROFILE-FOLDER
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


def main():
    source, mode, output, profile = sys.argv[1:5]
    pipe = 'polisi-test-%d' % os.getpid()
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
        manager = context.ServiceManager
        desktop = manager.createInstanceWithContext('com.sun.star.frame.Desktop', context)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), '_blank', 0,
                                                (prop('Hidden', True),))
        if document is None:
            sys.exit('LibreOffice could not open ' + source)
        frame = document.getCurrentController().getFrame()
        dispatcher = manager.createInstanceWithContext('com.sun.star.frame.DispatchHelper', context)
        if mode == 'accept':
            dispatcher.executeDispatch(frame, '.uno:AcceptAllTrackedChanges', '', 0, ())
        elif mode == 'reject':
            dispatcher.executeDispatch(frame, '.uno:RejectAllTrackedChanges', '', 0, ())
        document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(output)),
                            (prop('FilterName', 'Text (encoded)'), prop('FilterOptions', 'UTF8')))
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
