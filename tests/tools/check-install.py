#!/usr/bin/env python3
# `meson install` to a prefix gives a working Polisi: the program, its
# desktop file, metadata, icons, MIME type, settings schema, translations
# and help are installed, and the installed program runs.
#
#   check-install.py BUILD-DIR

import glob
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    build = sys.argv[1]
    with tempfile.TemporaryDirectory() as destdir:
        subprocess.run(['meson', 'install', '-C', build, '--destdir', destdir, '--no-rebuild', '--quiet'],
                       check=True, stdout=subprocess.DEVNULL)
        prefixes = glob.glob(os.path.join(destdir, '**', 'bin', 'polisi'), recursive=True)
        if not prefixes:
            print('no bin/polisi was installed')
            return 1
        prefix = os.path.dirname(os.path.dirname(prefixes[0]))
        share = os.path.join(prefix, 'share')
        expected = [
            'applications/cymru.polisi.Polisi.desktop',
            'metainfo/cymru.polisi.Polisi.metainfo.xml',
            'icons/hicolor/scalable/apps/cymru.polisi.Polisi.svg',
            'icons/hicolor/symbolic/apps/cymru.polisi.Polisi-symbolic.svg',
            'icons/hicolor/scalable/mimetypes/application-x-polisi.svg',
            'mime/packages/cymru.polisi.Polisi.xml',
            'glib-2.0/schemas/cymru.polisi.Polisi.gschema.xml',
        ]
        optional = {
            'locale/cy/LC_MESSAGES/polisi.mo': 'po/LINGUAS lists cy',
            'help/C/polisi/index.page': 'help/ is built',
            'help/cy/polisi/index.page': 'help/LINGUAS lists cy',
        }
        status = 0
        for path in expected:
            if not os.path.exists(os.path.join(share, path)):
                print(f'not installed: share/{path}')
                status = 1
        linguas = open(os.path.join(os.path.dirname(__file__), '..', '..', 'po', 'LINGUAS')).read().split()
        if 'cy' in linguas and not os.path.exists(os.path.join(share, 'locale/cy/LC_MESSAGES/polisi.mo')):
            print('not installed: the Welsh translation')
            status = 1
        help_dir = os.path.join(os.path.dirname(__file__), '..', '..', 'help')
        if os.path.isdir(help_dir) and not os.path.exists(os.path.join(share, 'help/C/polisi/index.page')):
            print('not installed: the help')
            status = 1

        # the writers and the window are modules the program loads from the
        # folder they were installed in
        for module, what in (('polisi-export.so', 'the writers'), ('polisi-window.so', 'the window')):
            modules = glob.glob(os.path.join(destdir, '**', 'polisi', module), recursive=True)
            if not modules:
                print(f'not installed: {what} ({module})')
                status = 1
            else:
                folder = '/' + os.path.relpath(os.path.dirname(modules[0]), destdir)
                with open(prefixes[0], 'rb') as program:
                    if (folder + '\0').encode() not in program.read():
                        print(f'the installed polisi does not look for {what} in {folder}')
                        status = 1

        # the installed program runs, with its installed schema
        schemas = os.path.join(share, 'glib-2.0', 'schemas')
        subprocess.run(['glib-compile-schemas', schemas], check=True)
        env = dict(os.environ, GSETTINGS_SCHEMA_DIR=schemas, GSETTINGS_BACKEND='memory')
        env.pop('DISPLAY', None)
        env.pop('WAYLAND_DISPLAY', None)
        version = subprocess.run([prefixes[0], '--version'], capture_output=True, text=True, env=env)
        if version.returncode != 0 or not version.stdout.startswith('polisi '):
            print('the installed polisi --version failed:', version.stdout, version.stderr)
            status = 1
        example = os.path.join(os.path.dirname(__file__), '..', '..', 'data', 'examples', 'secondary-wales.polisi')
        check = subprocess.run([prefixes[0], '--check', example], capture_output=True, text=True, env=env)
        if check.returncode != 0:
            print('the installed polisi --check failed:', check.stdout, check.stderr)
            status = 1
        if 'cy' in linguas:
            welsh = subprocess.run([prefixes[0], '--help'], capture_output=True, text=True,
                                   env=dict(env, LANGUAGE='cy', LC_ALL='C.UTF-8'))
            if 'Usage' in welsh.stdout or welsh.returncode != 0:
                print('the installed polisi --help is not in Welsh with LANGUAGE=cy')
                status = 1
        if status == 0:
            print(f'installed and working under {os.path.relpath(prefix, destdir)}')
        return status


if __name__ == '__main__':
    sys.exit(main())
