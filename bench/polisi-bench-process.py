#!/usr/bin/env python3
# What a user meets first: whole processes, started cold each time, as a
# script or a double-click starts them. Prints the median of N runs of
# each, its peak memory, and LibreOffice's conversion of the same policy's
# ODT to PDF as the reference, with the ratio.
#
#   bench/polisi-bench-process.py [--runs N] [--polisi PATH] [--no-libreoffice]
#
# Targets (docs/benchmarks.md): --check under 15 ms; the columns PDF of the
# full library at least 30 times faster than LibreOffice (aim for 50);
# peak memory under 40 MB.

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(args, env=None):
    """Wall time in ms and peak memory in KB of one run of @args."""
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    stderr = child.stderr.read().decode('utf-8', 'replace')
    child.stderr.close()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit('%s failed: %s' % (' '.join(args), stderr))
    return elapsed, usage.ru_maxrss


def measure(name, args, runs, env=None):
    times, peaks = [], []
    for _ in range(runs):
        elapsed, peak = timed(args, env)
        times.append(elapsed)
        peaks.append(peak)
    median = statistics.median(times)
    print('%-58s %9.1f ms  (min %7.1f, max %7.1f)  peak %6.1f MB' %
          (name, median, min(times), max(times), max(peaks) / 1024))
    return median


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('--polisi', default=os.path.join(ROOT, '_build', 'src', 'polisi'))
    parser.add_argument('--no-libreoffice', action='store_true')
    args = parser.parse_args()
    polisi = os.path.abspath(args.polisi)

    env = dict(os.environ)
    for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
        env.pop(name, None)

    work = tempfile.mkdtemp(prefix='polisi-bench-')
    try:
        full = os.path.join(work, 'full.polisi')
        # every clause of the library included: the longest document
        subprocess.run([polisi, '--new', '--organisation=Ysgol Gymraeg y Berllan', '--output=' + full],
                       check=True, stdout=subprocess.DEVNULL, env=env)
        ids = subprocess.run(['grep', '-o', r'<clause id="[^"]*"', full], capture_output=True,
                             text=True).stdout.split('\n')
        sets = []
        for item in ids:
            if item:
                sets += ['--set', 'include=' + item.split('"')[1]]
        subprocess.run([polisi, *sets, full], check=False, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=env)

        print('Polisi: %s, %d runs each, whole processes' % (polisi, args.runs))
        print('machine: %d cores; load %.2f' % (os.cpu_count(), os.getloadavg()[0]))
        print()
        measure('polisi --version (process start alone)', [polisi, '--version'], args.runs, env)
        measure('polisi --check (start, library, policy, check)', [polisi, '--check', full], args.runs, env)
        pdf = os.path.join(work, 'full.pdf')
        odt = os.path.join(work, 'full.odt')
        ours = measure('polisi --export=pdf --layout=columns (full library)',
                       [polisi, '--export=pdf', '--layout=columns', '--output=' + pdf, full], args.runs, env)
        measure('polisi --export=odt --layout=columns (full library)',
                [polisi, '--export=odt', '--layout=columns', '--output=' + odt, full], args.runs, env)
        pages = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout
        pages = [line.split()[-1] for line in pages.splitlines() if line.startswith('Pages:')]
        print('  (the PDF has %s pages)' % (pages[0] if pages else '?'))

        soffice = shutil.which('soffice')
        if soffice and not args.no_libreoffice:
            profile = 'file://' + os.path.join(work, 'lo-profile')
            out = os.path.join(work, 'lo')
            lo_args = [soffice, '-env:UserInstallation=' + profile, '--headless', '--convert-to', 'pdf',
                       '--outdir', out, odt]
            timed(lo_args, env)  # the profile is made on the first run
            theirs = measure('soffice --convert-to pdf of that ODT (reference)', lo_args, args.runs, env)
            print()
            print('Polisi\'s PDF is %.1f times faster than LibreOffice\'s conversion' % (theirs / ours))
    finally:
        shutil.rmtree(work)


if __name__ == '__main__':
    main()
