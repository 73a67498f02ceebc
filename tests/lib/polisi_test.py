# polisi_test.py: what the Python tests share.
#
# Copyright 2026 The Polisi authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A test sets POLISI (the program under test) from its command line, then
# runs it with run(). The rest reads what it wrote: files, a package's
# members, a PDF's text, and writes a package again with a member changed
# (a returned draft).

import os
import subprocess
import zipfile

POLISI = None


def run(*args, text=True, env_extra=None, timeout=120, preexec_fn=None):
    """Runs Polisi with no display at all: the command line must not need
    one."""
    env = dict(os.environ)
    for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
        env.pop(name, None)
    env.update(env_extra or {})
    return subprocess.run([POLISI, *args], capture_output=True, text=text, env=env, timeout=timeout,
                          preexec_fn=preexec_fn)


def read(path):
    with open(path, 'rb') as handle:
        return handle.read()


def member(path, name):
    """A package's member as text, its no-break spaces (inside dates and
    versions) read as spaces."""
    with zipfile.ZipFile(path) as package:
        return package.read(name).decode('utf-8').replace('\xa0', ' ')


def pdf_text(path, layout=False):
    """What poppler extracts, no-break spaces read as spaces."""
    return subprocess.run(['pdftotext', *(['-layout'] if layout else []), '-enc', 'UTF-8', path, '-'],
                          capture_output=True, text=True, check=True).stdout.replace('\xa0', ' ')


def package_members(path):
    """Every member of a package, in order, with its zip information."""
    with zipfile.ZipFile(path) as package:
        return [(info, package.read(info.filename)) for info in package.infolist()]


def repack(members, target, replaced):
    """Writes the package again with the members named in @replaced (name:
    bytes) changed, its mimetype first and stored, as ODF wants."""
    with zipfile.ZipFile(target, 'w') as package:
        for info, data in members:
            data = replaced.get(info.filename, data)
            package.writestr(info, data, compress_type=zipfile.ZIP_STORED if info.filename == 'mimetype'
                             else zipfile.ZIP_DEFLATED)
