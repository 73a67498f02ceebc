# lo_office.py: a LibreOffice of its own for the test scripts, reached
# through the Python UNO bridge (python3-uno, the system Python's).
#
# Copyright 2026 The Polisi authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   with lo_office.office(profile) as (desktop, manager, context):
#       document = lo_office.load(desktop, path)
#
# Starts soffice headless with the profile folder given (made if missing),
# waits until it answers on a pipe of its own, and quits it afterwards,
# killing it if it does not go. Scripts that import this exit with status
# 77 when the bridge is missing.

import contextlib
import os
import subprocess
import sys
import time

try:
    import uno
    from com.sun.star.beans import PropertyValue
except ImportError:
    print('the Python UNO bridge (python3-uno) is not installed', file=sys.stderr)
    sys.exit(77)


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


@contextlib.contextmanager
def office(profile, soffice='soffice'):
    pipe = 'polisi-lo-%d' % os.getpid()
    process = subprocess.Popen([soffice, '--headless', '--invisible', '--norestore', '--nologo',
                                '-env:UserInstallation=' + url(profile),
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
                if process.poll() is not None:
                    sys.exit('LibreOffice stopped before it could be reached')
                time.sleep(0.25)
        if context is None:
            sys.exit('LibreOffice could not be reached')
        manager = context.ServiceManager
        desktop = manager.createInstanceWithContext('com.sun.star.frame.Desktop', context)
        yield desktop, manager, context
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes as LibreOffice quits
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def load(desktop, path):
    """Opens @path hidden; exits with a message when LibreOffice cannot."""
    document = desktop.loadComponentFromURL(url(path), '_blank', 0, (prop('Hidden', True),))
    if document is None:
        sys.exit('LibreOffice could not open ' + path)
    return document


def save_text(document, path):
    """Saves the text LibreOffice shows, numbering included, in UTF-8."""
    document.storeToURL(url(path), (prop('FilterName', 'Text (encoded)'), prop('FilterOptions', 'UTF8')))
