#!/usr/bin/env python3
# The batch of a local authority: polisi --batch with N schools (a CSV it
# generates: 21 values a school, as data/examples/schools-wales.csv), each
# school's policy, PDF and ODT, in one process. Prints the whole-process
# time (median of RUNS), the cost per row, the peak memory, and, for
# reference, the same work as a shell script would do it: one process per
# command (--new with the 21 values, --check, two exports) for a few rows.
# A benchmark, not a test: nothing is asserted.
#
#   bench/polisi-bench-batch.py ./_build/src/polisi [--rows 100,1500] [--runs 3] [--loop-rows 10]

import argparse
import csv
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time

HEADER = ['file', 'name-cy', 'name-en', 'type', 'language-category', 'head_teacher', 'safeguarding_lead',
          'deputy_safeguarding_lead', 'online_safety_lead', 'communications_lead', 'chair_of_governors',
          'safeguarding_email', 'governing_body.cy', 'governing_body.en', 'employer.cy', 'employer.en',
          'local_authority.cy', 'local_authority.en', 'hr_contact.cy', 'hr_contact.en', 'it_contact.cy',
          'it_contact.en']
PLACES = ['Bro Dŵr', 'Tŷ Ddewi', 'Glan-y-môr', 'Pen-y-bryn', 'Llŷn', 'Cwm Gwŷr', 'Y Berllan', 'Maes-yr-haf']
CATEGORIES = ['primarily-welsh', 'dual', 'primarily-english-partly-welsh', 'english']


def make_csv(path, rows):
    with open(path, 'w', newline='', encoding='utf-8') as handle:
        writer = csv.writer(handle, lineterminator='\n')
        writer.writerow(HEADER)
        for i in range(rows):
            place = '%s %d' % (PLACES[i % len(PLACES)], i + 1)
            writer.writerow([
                'ysgol-%04d' % (i + 1), 'Ysgol ' + place, place + ' School',
                'primary' if i % 3 else 'secondary', CATEGORIES[i % len(CATEGORIES)],
                'Mrs Siân Hughes', 'Mr Gwyn Jones', 'Mrs Nia Roberts', 'Mr Iolo Prys', 'Miss Catrin Powell',
                'Mr Huw Bowen', 'diogelu%d@example.cymru' % (i + 1),
                'Corff Llywodraethu Ysgol ' + place, 'The Governing Body of ' + place + ' School',
                'Cyngor Sir Bro Hafren', 'Bro Hafren County Council',
                'Cyngor Sir Bro Hafren', 'Bro Hafren County Council',
                'Gwasanaeth Adnoddau Dynol Ysgolion', 'Schools Human Resources Service',
                'Desg Gymorth TGCh', 'ICT Service Desk',
            ])


def cpu_of_children():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_batch(polisi, csv_path, out):
    """Wall-clock and processor time (all threads) of one batch process."""
    shutil.rmtree(out, ignore_errors=True)
    cpu = cpu_of_children()
    start = time.perf_counter()
    result = subprocess.run([polisi, '--batch=' + csv_path, '--export=pdf,odt', '--output-dir=' + out],
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit('the batch failed: ' + result.stderr)
    return elapsed, cpu_of_children() - cpu


def run_loop(polisi, csv_path, out, rows):
    """What a script did before --batch: a process per command and school."""
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    with open(csv_path, encoding='utf-8', newline='') as handle:
        schools = list(csv.DictReader(handle))[:rows]
    start = time.perf_counter()
    for school in schools:
        path = os.path.join(out, school['file'] + '.polisi')
        settings = []
        for key, value in school.items():
            if key != 'file':
                settings += ['--set', key + '=' + value]
        subprocess.run([polisi, '--new', '--output=' + path, *settings], capture_output=True, check=True)
        subprocess.run([polisi, '--check', path], capture_output=True)
        for format in ('pdf', 'odt'):
            subprocess.run([polisi, '--export=' + format, path], capture_output=True, check=True)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('polisi')
    parser.add_argument('--rows', default='100,1500')
    parser.add_argument('--runs', type=int, default=3)
    parser.add_argument('--loop-rows', type=int, default=10)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix='polisi-bench-batch-')
    try:
        print('processors: %d' % os.cpu_count())
        print('load average before: %.1f' % os.getloadavg()[0])
        print('%-6s %11s %13s %12s %17s  %s' % ('rows', 'median (s)', 'per row (ms)', 'CPU (s)', 'CPU per row (ms)',
                                              'runs (s)'))
        per_row = {}
        cpu_per_row = {}
        for rows in [int(n) for n in args.rows.split(',')]:
            csv_path = os.path.join(work, 'schools-%d.csv' % rows)
            make_csv(csv_path, rows)
            runs = [run_batch(args.polisi, csv_path, os.path.join(work, 'out')) for _ in range(args.runs)]
            median = statistics.median(t for t, _ in runs)
            cpu = statistics.median(c for _, c in runs)
            per_row[rows] = median / rows * 1000
            cpu_per_row[rows] = cpu / rows * 1000
            print('%-6d %11.2f %13.1f %12.2f %17.1f  %s' % (rows, median, per_row[rows], cpu, cpu_per_row[rows],
                                                           ' '.join('%.2f' % t for t, _ in runs)))
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print('peak memory of one batch process: %.0f MB' % peak)
        if len(per_row) >= 2:
            counts = sorted(per_row)
            print('cost per row, %d rows against %d: %.2f wall-clock, %.2f CPU (1.00 is linear)'
                  % (counts[-1], counts[0], per_row[counts[-1]] / per_row[counts[0]],
                     cpu_per_row[counts[-1]] / cpu_per_row[counts[0]]))
        if args.loop_rows > 0:
            csv_path = os.path.join(work, 'schools-%d.csv' % max(per_row))
            cpu = cpu_of_children()
            loop = run_loop(args.polisi, csv_path, os.path.join(work, 'loop'), args.loop_rows)
            cpu = cpu_of_children() - cpu
            loop_per_row = loop / args.loop_rows * 1000
            print('shell loop (--new with 21 values, --check, PDF, ODT), %d rows: %.2f s, %.1f ms a row, '
                  '%.1f ms CPU a row' % (args.loop_rows, loop, loop_per_row, cpu / args.loop_rows * 1000))
            print('the batch is %.1f times faster a row than the shell loop'
                  % (loop_per_row / min(per_row.values())))
    finally:
        shutil.rmtree(work)


if __name__ == '__main__':
    main()
