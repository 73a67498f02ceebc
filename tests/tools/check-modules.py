#!/usr/bin/env python3
# The program's two modules (src/polisi-modules.c): the writers
# (polisi-export.so) and the window (polisi-window.so).
#
#  - Each loads into the program with every symbol it uses found: the
#    program is run with LD_BIND_NOW=1, so that loading a module resolves
#    all its symbols at once. An export must then write a real PDF; the
#    window, with no display, must get as far as GTK stopping for want of
#    one. A symbol the program does not export, or a library a module does
#    not link, makes the program say the part could not be loaded.
#  - A command that only reads and checks a policy needs neither: the
#    program copied alone into an empty folder still checks a policy, and an
#    export there fails with a message that names the missing part and says
#    what to do, writing nothing.
#
#   check-modules.py PATH-TO-POLISI

import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
EXAMPLE = os.path.join(ROOT, 'data', 'examples', 'secondary-wales.polisi')


def run(program, args, **extra):
    env = dict(os.environ, LD_BIND_NOW='1', LANGUAGE='en', LC_ALL='C.UTF-8', **extra)
    for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
        env.pop(name, None)
    return subprocess.run([program] + args, capture_output=True, text=True, env=env, timeout=120)


def main():
    program = os.path.abspath(sys.argv[1])
    failures = []

    with tempfile.TemporaryDirectory() as folder:
        # the writers, every symbol resolved, write a real PDF
        pdf = os.path.join(folder, 'policy.pdf')
        result = run(program, ['--export=pdf', '--output', pdf, EXAMPLE])
        if result.returncode != 0 or not os.path.exists(pdf):
            failures.append('the export module did not write a PDF: %s' % result.stderr)
        else:
            with open(pdf, 'rb') as f:
                if not f.read(5) == b'%PDF-':
                    failures.append('the export module wrote something that is not a PDF')

        # the window, every symbol resolved, gets as far as wanting a display
        result = run(program, [])
        if result.returncode == 2 or 'could not be' in result.stderr:
            failures.append('the window could not be loaded: %s' % result.stderr)
        elif 'cannot open display' not in result.stderr:
            failures.append('expected GTK to stop for want of a display; exit status %d, stderr: %s'
                            % (result.returncode, result.stderr))

        # the program alone: checking needs no module, exporting says what is missing
        alone = os.path.join(folder, 'alone')
        os.mkdir(alone)
        copy = os.path.join(alone, 'polisi')
        shutil.copy2(program, copy)
        result = run(copy, ['--check', EXAMPLE])
        if result.returncode != 0 or 'Summary:' not in result.stdout:
            failures.append('the program alone did not check a policy: %d %s %s'
                            % (result.returncode, result.stdout, result.stderr))
        target = os.path.join(alone, 'policy.pdf')
        result = run(copy, ['--export=pdf', '--output', target, EXAMPLE])
        if result.returncode == 0:
            print('an installed export module was found beside the system\'s Polisi; '
                  'the message for a missing one is not checked')
        else:
            if result.returncode != 2:
                failures.append('an export with no export module exited with %d, not 2' % result.returncode)
            if 'polisi-export.so' not in result.stderr or 'Reinstall Polisi' not in result.stderr:
                failures.append('an export with no export module does not say what is missing and what to do: %s'
                                % result.stderr)
            if os.listdir(alone) != ['polisi']:
                failures.append('an export with no export module left files: %s' % os.listdir(alone))

    for failure in failures:
        print(failure)
    if not failures:
        print('both modules load with every symbol resolved; the program checks a policy without them')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
