#!/usr/bin/env python3
# The window's module (polisi-window.so) loads into the program with every
# symbol it uses found: the program is run with no display and
# LD_BIND_NOW=1, so that loading the module resolves all its symbols at
# once; GTK then stops for want of a display, which shows that the module
# was loaded and run. A symbol the program does not export, or a library
# the module does not link, makes the program say its window could not be
# started (exit status 2).
#
#   check-window-module.py PATH-TO-POLISI

import os
import subprocess
import sys


def main():
    env = dict(os.environ, LD_BIND_NOW='1', LANGUAGE='en', LC_ALL='C.UTF-8')
    for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
        env.pop(name, None)
    result = subprocess.run([sys.argv[1]], capture_output=True, text=True, env=env, timeout=60)
    if result.returncode == 2 or 'could not be started' in result.stderr:
        print('the window could not be loaded:', result.stderr)
        return 1
    if 'cannot open display' not in result.stderr:
        print('expected GTK to stop for want of a display; exit status %d, stderr: %s'
              % (result.returncode, result.stderr))
        return 1
    print('the window\'s module loaded with every symbol resolved')
    return 0


if __name__ == '__main__':
    sys.exit(main())
