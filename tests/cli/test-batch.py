#!/usr/bin/env python3
# The batch, as a local authority runs it: one policy per row of a CSV
# file, with its exports; bad rows reported by row and column while the
# others go on; nothing half-written; nothing overwritten unless asked; an
# organisation's own clause library, and hostile ones refused.
#
#   test-batch.py PATH-TO-POLISI

import csv
import io
import os
import pty
import resource
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile

POLISI = None
SOURCE = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(SOURCE, '..', 'data', 'examples', 'schools-wales.csv')
MINI_LIBRARY = os.path.join(SOURCE, 'data', 'mini-library.xml')
NS = {'p': 'https://polisi.cymru/ns/policy/1'}
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'


def run(*args, limit_size=None):
    env = dict(os.environ)
    for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
        env.pop(name, None)

    def limit():
        if limit_size is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_size, limit_size))

    return subprocess.run([POLISI, *args], capture_output=True, env=env, timeout=300, preexec_fn=limit)


def text(result):
    return result.stdout.decode('utf-8'), result.stderr.decode('utf-8')


def read_policy(path):
    """The organisation's names and the answers, read back from the file."""
    root = ET.parse(path).getroot()
    names = {name.get(XML_LANG): name.text for name in root.findall('p:organisation/p:name', NS)}
    answers = {}
    for answer in root.findall('p:answers/p:answer', NS):
        values = answer.findall('p:value', NS)
        if values:
            for value in values:
                answers[answer.get('key') + '.' + value.get(XML_LANG)] = value.text
        else:
            answers[answer.get('key')] = answer.text
    organisation = root.find('p:organisation', NS)
    library = root.find('p:properties/p:library', NS)
    return {
        'uid': root.get('uid'),
        'names': names,
        'answers': answers,
        'type': organisation.get('type'),
        'language-category': organisation.get('language-category'),
        'library': (library.get('id'), library.get('version')),
    }


def pdf_text(path):
    pdftotext = shutil.which('pdftotext')
    if pdftotext is None:
        return None
    return subprocess.run([pdftotext, path, '-'], capture_output=True, check=True).stdout.decode('utf-8')


def odt_content(path):
    with zipfile.ZipFile(path) as package:
        return package.read('content.xml').decode('utf-8')


def write_csv(path, rows, raw=None):
    if raw is not None:
        with open(path, 'wb') as handle:
            handle.write(raw)
        return
    with open(path, 'w', newline='', encoding='utf-8') as handle:
        writer = csv.writer(handle, lineterminator='\r\n')
        for row in rows:
            writer.writerow(row)


def read(path):
    with open(path, 'rb') as handle:
        return handle.read()


def snapshot(folder):
    result = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), 'rb') as handle:
            result[name] = handle.read()
    return result


class Batch(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='polisi-batch-')
        self.out = os.path.join(self.dir, 'out')

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def test_example_writes_every_file_and_reads_back(self):
        result = run('--batch=' + EXAMPLE, '--export=pdf,odt', '--output-dir=' + self.out)
        stdout, stderr = text(result)
        self.assertEqual(result.returncode, 0, stderr)
        self.assertIn('3 policies of 3 made', stdout)
        self.assertIn('9 files written', stdout)
        self.assertIn('0 rows failed', stdout)

        with open(EXAMPLE, encoding='utf-8', newline='') as handle:
            rows = list(csv.DictReader(handle))
        self.assertEqual(len(rows), 3)
        expected = set()
        for row in rows:
            expected |= {row['file'] + '.polisi', row['file'] + '.pdf', row['file'] + '.odt'}
        self.assertEqual(set(os.listdir(self.out)), expected)

        uids = set()
        for row in rows:
            policy = read_policy(os.path.join(self.out, row['file'] + '.polisi'))
            uids.add(policy['uid'])
            self.assertEqual(policy['names'], {'cy': row['name-cy'], 'en': row['name-en']})
            self.assertEqual(policy['type'], row['type'])
            self.assertEqual(policy['language-category'], row['language-category'])
            for key, value in row.items():
                if key in ('file', 'name-cy', 'name-en', 'type', 'language-category'):
                    continue
                self.assertEqual(policy['answers'].get(key), value, key)

            # the policy opens and checks like any other
            check = run('--check', os.path.join(self.out, row['file'] + '.polisi'))
            self.assertEqual(check.returncode, 0, text(check))
            self.assertIn('0 to fix', text(check)[0])

            content = odt_content(os.path.join(self.out, row['file'] + '.odt'))
            self.assertIn(row['head_teacher'], content)
            self.assertIn(row['name-cy'], content)
            exported = pdf_text(os.path.join(self.out, row['file'] + '.pdf'))
            if exported is not None:
                self.assertIn(row['name-cy'], exported)
        # every school is a policy of its own
        self.assertEqual(len(uids), 3)

    def test_welsh_letters_survive(self):
        csv_path = self.path('schools.csv')
        write_csv(csv_path, [
            ['file', 'name-cy', 'name-en', 'head_teacher', 'language-category'],
            ['llyn', 'Ysgol Llŷn a Gŵyr ẁẃẅỳ ŴŶ', 'Llŷn School', 'Mrs Siân Ẁyn Ỳr', 'dual'],
        ])
        result = run('--batch=' + csv_path, '--export=odt,pdf', '--layout=separate')
        self.assertEqual(result.returncode, 0, text(result))
        self.assertEqual(sorted(os.listdir(self.dir)),
                         ['llyn-cy.odt', 'llyn-cy.pdf', 'llyn-en.odt', 'llyn-en.pdf', 'llyn.polisi', 'schools.csv'])
        policy = read_policy(self.path('llyn.polisi'))
        self.assertEqual(policy['names']['cy'], 'Ysgol Llŷn a Gŵyr ẁẃẅỳ ŴŶ')
        self.assertEqual(policy['answers']['head_teacher'], 'Mrs Siân Ẁyn Ỳr')
        self.assertIn('Ysgol Llŷn a Gŵyr ẁẃẅỳ ŴŶ', odt_content(self.path('llyn-cy.odt')))
        exported = pdf_text(self.path('llyn-cy.pdf'))
        if exported is not None:
            self.assertIn('Ysgol Llŷn a Gŵyr ẁẃẅỳ ŴŶ', exported)

    def test_bad_rows_are_reported_and_the_others_go_on(self):
        header = b'file,name-cy,name-en,language-category,safeguarding_email\r\n'
        rows = [
            b'good-1,Ysgol Un,School One,dual,  \r\n',                     # row 2
            b'bad-value,Ysgol Dau,School Two,welsh,diogelu@dau.example\r\n',               # row 3
            b'bad-utf8,Ysgol \xff\xfeTri,School Three,dual,a@b.example\r\n',               # row 4
            b'too-many,Ysgol Pedwar,School Four,dual,a@b.example,extra\r\n',               # row 5
            '"good-2","Ysgol ""Pump"", Tŷ Mawr","School\r\nFive",english\r\n'.encode(),   # row 6
            b'bad-email,Ysgol Chwech,School Six,dual,not an address\r\n',                  # row 7
            b',Ysgol Saith,School Seven,dual,a@b.example\r\n',                             # row 8
            b'\r\n',
            b'good-1,Ysgol Naw,School Nine,dual,a@b.example\r\n',                          # row 10
        ]
        csv_path = self.path('schools.csv')
        write_csv(csv_path, None, header + b''.join(rows))
        result = run('--batch=' + csv_path, '--output-dir=' + self.out, '--export=odt')
        stdout, stderr = text(result)
        self.assertEqual(result.returncode, 3, stderr)
        self.assertIn('2 policies of 8 made', stdout)
        self.assertIn('6 rows failed', stdout)
        self.assertIn('row 3, column 4 (“language-category”): “welsh” is not a valid value', stderr)
        self.assertIn('row 4, column 2 (“name-cy”)', stderr)
        self.assertIn('UTF-8', stderr)
        self.assertIn('row 5, column 6: the row has 6 values, more than the 5 columns', stderr)
        self.assertIn('row 7, column 5 (“safeguarding_email”)', stderr)
        self.assertIn('row 8, column 1 (“file”): no file name', stderr)
        self.assertIn('row 10, column 1 (“file”): row 2 has the same file name', stderr)
        self.assertEqual(sorted(os.listdir(self.out)), ['good-1.odt', 'good-1.polisi', 'good-2.odt', 'good-2.polisi'])
        good = read_policy(os.path.join(self.out, 'good-2.polisi'))
        self.assertEqual(good['names'], {'cy': 'Ysgol "Pump", Tŷ Mawr', 'en': 'School Five'})
        self.assertEqual(good['language-category'], 'english')
        self.assertEqual(read_policy(os.path.join(self.out, 'good-1.polisi'))['names']['cy'], 'Ysgol Un')

    def test_unknown_column(self):
        # a mistyped key and a column with no name (a spreadsheet's trailing comma)
        csv_path = self.path('schools.csv')
        write_csv(csv_path, [['file', 'name-cy', 'headteacher', ''],
                             ['a', 'Ysgol A', 'Mrs A', ''],
                             ['b', 'Ysgol B', '', ''],
                             ['c', 'Ysgol C', '', 'stray']])
        result = run('--batch=' + csv_path)
        stdout, stderr = text(result)
        self.assertEqual(result.returncode, 3)
        # said once for the header, then for each row with a value in it
        self.assertIn('warning: “schools.csv”, row 1, column 3: “headteacher” is not a key Polisi knows', stderr)
        self.assertIn('row 1, column 4: the column has no name', stderr)
        self.assertIn('“schools.csv”, row 2, column 3 (“headteacher”): “headteacher” is not a key Polisi knows', stderr)
        self.assertIn('“schools.csv”, row 4, column 4: this column has no name in the first row', stderr)
        self.assertIn('polisi --set help', stderr)
        self.assertIn('1 policy of 3 made', stdout)
        self.assertEqual(sorted(os.listdir(self.dir)), ['b.polisi', 'schools.csv'])
        self.assertEqual(read_policy(self.path('b.polisi'))['names']['cy'], 'Ysgol B')

    def test_csv_faults(self):
        cases = [
            (b'name-cy\nYsgol A\n', 3, 'no “file” column'),
            (b'', 2, 'is empty'),
            (b'file,name-cy\na,"Ysgol A\n', 2, 'line 2: a quoted value is never closed'),
            (b'file,name-\xff\na,b\n', 2, 'row 1, column 2'),
            (b'file,name-cy,file\na,b,c\n', 3, 'two “file” columns'),
            (b'file,name-cy\n../escape,Ysgol\n', 3, 'not a plain file name'),
        ]
        for data, status, message in cases:
            with self.subTest(message=message):
                csv_path = self.path('schools.csv')
                write_csv(csv_path, None, data)
                result = run('--batch=' + csv_path)
                self.assertEqual(result.returncode, status, text(result))
                self.assertIn(message, text(result)[1])
                self.assertIn('schools.csv', text(result)[1] + text(result)[0])
                self.assertEqual(os.listdir(self.dir), ['schools.csv'])
        self.assertFalse(os.path.exists(os.path.join(os.path.dirname(self.dir), 'escape.polisi')))

        result = run('--batch=' + self.path('missing.csv'))
        self.assertEqual(result.returncode, 2)
        self.assertIn('missing.csv', text(result)[1])

    def test_no_overwrite_unless_asked(self):
        csv_path = self.path('schools.csv')
        write_csv(csv_path, [['file', 'head_teacher'], ['a', 'Mrs Siân Hughes'], ['b', 'Mr Rhys Watkins']])
        result = run('--batch=' + csv_path, '--export=pdf')
        self.assertEqual(result.returncode, 0, text(result))
        before = snapshot(self.dir)

        write_csv(csv_path, [['file', 'head_teacher'], ['a', 'Mr Dafydd Price'], ['b', 'Ms Eirlys Lewis']])
        result = run('--batch=' + csv_path, '--export=pdf')
        stdout, stderr = text(result)
        self.assertEqual(result.returncode, 2, stderr)
        self.assertIn('already exists', stderr)
        self.assertIn('--overwrite', stderr)
        self.assertIn('0 policies of 2 made', stdout)
        after = snapshot(self.dir)
        del before['schools.csv'], after['schools.csv']
        self.assertEqual(before, after)

        result = run('--batch=' + csv_path, '--export=pdf', '--overwrite')
        self.assertEqual(result.returncode, 0, text(result))
        self.assertEqual(read_policy(self.path('a.polisi'))['answers']['head_teacher'], 'Mr Dafydd Price')
        self.assertEqual(read_policy(self.path('b.polisi'))['answers']['head_teacher'], 'Ms Eirlys Lewis')

    def test_export_never_replaces_a_policy(self):
        # a.pdf is in fact a policy someone renamed
        csv_path = self.path('schools.csv')
        write_csv(csv_path, [['file', 'head_teacher'], ['a', 'Mrs A']])
        self.assertEqual(run('--batch=' + csv_path, '--output-dir=' + self.out).returncode, 0)
        shutil.copy(os.path.join(self.out, 'a.polisi'), self.path('a.pdf'))
        os.remove(os.path.join(self.out, 'a.polisi'))
        policy_bytes = read(self.path('a.pdf'))
        result = run('--batch=' + csv_path, '--export=pdf', '--overwrite')
        self.assertEqual(result.returncode, 2, text(result))
        self.assertIn('never replaces', text(result)[1])
        self.assertEqual(read(self.path('a.pdf')), policy_bytes)
        self.assertFalse(os.path.exists(self.path('a.polisi')))

    def test_nothing_half_written(self):
        csv_path = self.path('schools.csv')
        write_csv(csv_path, [['file', 'head_teacher'], ['a', 'Mrs Siân Hughes']])
        # a full disk: the policy and the ODT fit, the PDF does not
        result = run('--batch=' + csv_path, '--export=odt,pdf', '--output-dir=' + self.out, limit_size=300 * 1024)
        stdout, stderr = text(result)
        self.assertEqual(result.returncode, 2, stderr)
        self.assertIn('row 2:', stderr)
        self.assertIn('No file of this row was written', stderr)
        self.assertEqual(os.listdir(self.out), [])

        # the same with --overwrite: what was there is put back
        self.assertEqual(run('--batch=' + csv_path, '--export=odt,pdf', '--output-dir=' + self.out).returncode, 0)
        before = snapshot(self.out)
        write_csv(csv_path, [['file', 'head_teacher'], ['a', 'Mr Rhys Watkins']])
        result = run('--batch=' + csv_path, '--export=odt,pdf', '--output-dir=' + self.out, '--overwrite',
                     limit_size=300 * 1024)
        self.assertEqual(result.returncode, 2, text(result))
        self.assertEqual(snapshot(self.out), before)

    def test_progress_on_a_terminal(self):
        csv_path = self.path('schools.csv')
        write_csv(csv_path, [['file', 'head_teacher'], ['a', 'Mrs A'], ['b', 'Mr B'], ['c', 'Ms C']])
        primary, secondary = pty.openpty()
        try:
            process = subprocess.Popen([POLISI, '--batch=' + csv_path], stdout=subprocess.PIPE, stderr=secondary)
            os.close(secondary)
            stdout, _ = process.communicate(timeout=120)
            shown = b''
            while True:
                try:
                    chunk = os.read(primary, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                shown += chunk
        finally:
            os.close(primary)
        self.assertEqual(process.returncode, 0)
        self.assertIn(b'3 of 3 rows', shown)
        self.assertIn('3 policies of 3 made', stdout.decode('utf-8'))
        # not on a pipe
        result = run('--batch=' + csv_path, '--overwrite')
        self.assertNotIn('of 3 rows', text(result)[1])
        self.assertEqual(text(result)[1], '')

    def test_options_go_with_batch(self):
        for option in ('--overwrite', '--output-dir=' + self.out):
            result = run('--check', option, os.path.join(SOURCE, 'data', 'review-due.polisi'))
            self.assertEqual(result.returncode, 3)
            self.assertIn('goes with --batch', text(result)[1])
        csv_path = self.path('schools.csv')
        write_csv(csv_path, [['file'], ['a']])
        result = run('--batch=' + csv_path, '--export=pdf,doc')
        self.assertEqual(result.returncode, 3)
        self.assertIn('“doc” is not a format', text(result)[1])
        result = run('--batch=' + csv_path, '--set', 'head_teacher=X')
        self.assertEqual(result.returncode, 3)
        for option in ('--adopt', '--check', '--compare=' + csv_path, '--output=' + self.path('x.polisi')):
            result = run('--batch=' + csv_path, option)
            self.assertEqual(result.returncode, 3, option)
            self.assertIn('does not go with --batch', text(result)[1])
        self.assertEqual(os.listdir(self.dir), ['schools.csv'])


class OwnLibrary(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='polisi-library-')

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def test_batch_and_new_with_own_library(self):
        csv_path = self.path('schools.csv')
        write_csv(csv_path, [['file', 'name-cy', 'name-en', 'head_teacher', 'governing_body.cy', 'governing_body.en'],
                             ['a', 'Ysgol Tŷ Gwyn', 'Tŷ Gwyn School', 'Mrs Siân Hughes', 'Y Corff', 'The Body']])
        result = run('--batch=' + csv_path, '--library=' + MINI_LIBRARY, '--export=odt')
        self.assertEqual(result.returncode, 0, text(result))
        policy = read_policy(self.path('a.polisi'))
        self.assertEqual(policy['library'], ('mini', '2026.1'))
        self.assertEqual(policy['answers']['head_teacher'], 'Mrs Siân Hughes')
        content = odt_content(self.path('a.odt'))
        # the mini library's own words, not the built-in one's
        self.assertIn('Mae Ysgol Tŷ Gwyn yn mabwysiadu', content)

        # a key of the built-in library is not one of the mini library's
        write_csv(csv_path, [['file', 'safeguarding_lead'], ['b', 'Mr A']])
        result = run('--batch=' + csv_path, '--library=' + MINI_LIBRARY)
        self.assertEqual(result.returncode, 3)
        self.assertIn('“safeguarding_lead” is not a key', text(result)[1])

        result = run('--new', '--library=' + MINI_LIBRARY, '--output=' + self.path('new.polisi'),
                     '--set', 'head_teacher=Mr Rhys Watkins')
        self.assertEqual(result.returncode, 0, text(result))
        self.assertEqual(read_policy(self.path('new.polisi'))['library'], ('mini', '2026.1'))

        # the same library: no warning
        result = run('--check', '--library=' + MINI_LIBRARY, self.path('new.polisi'))
        self.assertNotIn('was made from', text(result)[1])
        # with the built-in library: said clearly; --review refused
        result = run('--check', self.path('new.polisi'))
        self.assertIn('was made from the clause library “mini” (version 2026.1), not from the built-in library',
                      text(result)[1])
        self.assertIn('--library=FILE.xml', text(result)[1])
        before = read(self.path('new.polisi'))
        for command in (['--review'], ['--accept-updates=all']):
            result = run(*command, self.path('new.polisi'))
            self.assertEqual(result.returncode, 3, text(result))
            self.assertIn('was made from the clause library “mini”', text(result)[1])
        self.assertEqual(read(self.path('new.polisi')), before)
        # a built-in policy with the mini library: said the other way round
        result = run('--check', '--library=' + MINI_LIBRARY, os.path.join(SOURCE, 'data', 'review-due.polisi'))
        self.assertIn('not from the library given with --library (“mini”, version 2026.1)', text(result)[1])

    def test_own_updates(self):
        # the authority issues a new version of its own model; its schools review against it
        result = run('--new', '--library=' + MINI_LIBRARY, '--output=' + self.path('a.polisi'),
                     '--set', 'head_teacher=Mrs Siân Hughes')
        self.assertEqual(result.returncode, 0, text(result))
        with open(MINI_LIBRARY, encoding='utf-8') as handle:
            library = handle.read()
        newer = (library.replace('version="2026.1"', 'version="2026.2"')
                 .replace('<clause id="intro.purpose" version="1"', '<clause id="intro.purpose" version="2"')
                 .replace("yn mabwysiadu'r polisi hwn.", "yn mabwysiadu'r polisi hwn o'r newydd, ŵ ŷ.")
                 .replace('adopts this policy.', 'adopts this policy anew.'))
        self.assertNotEqual(newer, library)
        with open(self.path('mini-2.xml'), 'w', encoding='utf-8') as handle:
            handle.write(newer)
        result = run('--review', '--library=' + self.path('mini-2.xml'), self.path('a.polisi'))
        stdout, stderr = text(result)
        self.assertEqual(result.returncode, 0, stderr)
        self.assertIn('2026.1, now 2026.2', stdout)
        self.assertIn('[changed] intro.purpose', stdout)
        self.assertEqual(stderr, '')
        result = run('--accept-updates=all', '--library=' + self.path('mini-2.xml'), self.path('a.polisi'))
        self.assertEqual(result.returncode, 0, text(result))
        policy = read(self.path('a.polisi')).decode('utf-8')
        self.assertIn('<library id="mini" version="2026.2"/>', policy)
        self.assertIn("yn mabwysiadu'r polisi hwn o'r newydd, ŵ ŷ.", policy)
        self.assertIn('adopts this policy anew.', policy)

    def test_hostile_libraries_refused(self):
        with open(MINI_LIBRARY, 'rb') as handle:
            mini = handle.read()
        cases = {
            'doctype.xml': (b'<?xml version="1.0"?>\n<!DOCTYPE library [<!ENTITY a "aaaaaaaa">'
                            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<library>&b;</library>\n', 'DOCTYPE'),
            'external.xml': (b'<?xml version="1.0"?>\n<!DOCTYPE library SYSTEM "file:///etc/passwd">\n<library/>\n',
                             'DOCTYPE'),
            'broken.xml': (mini[:len(mini) // 2], 'line'),
            'not-library.xml': (b'<?xml version="1.0"?>\n<policy xmlns="https://polisi.cymru/ns/policy/1"/>\n',
                                'not a Polisi clause library'),
            'invalid.xml': (mini.replace(b'<clause id="intro.head"', b'<clause id="intro.purpose"'), 'intro.purpose'),
            'bad-utf8.xml': (mini.replace(b'Cyflwyniad', b'Cyflwyn\xffiad'), 'line'),
            'empty.xml': (b'', 'empty.xml'),
        }
        csv_path = self.path('schools.csv')
        write_csv(csv_path, [['file', 'head_teacher'], ['a', 'Mrs A']])
        for name, (data, message) in cases.items():
            with self.subTest(name=name):
                with open(self.path(name), 'wb') as handle:
                    handle.write(data)
                for command in (['--batch=' + csv_path], ['--new', '--output=' + self.path('new.polisi')],
                                ['--check', os.path.join(SOURCE, 'data', 'review-due.polisi')]):
                    result = run('--library=' + self.path(name), *command)
                    stdout, stderr = text(result)
                    self.assertEqual(result.returncode, 2, stderr)
                    self.assertIn(name, stderr)
                    self.assertIn(message, stderr)
                    self.assertIn('--library', stderr)
                    self.assertNotIn('CRITICAL', stderr)
                    self.assertEqual(stdout, '')
                self.assertFalse(os.path.exists(self.path('a.polisi')))
                self.assertFalse(os.path.exists(self.path('new.polisi')))
        result = run('--library=' + self.path('nowhere.xml'), '--new', '--output=' + self.path('new.polisi'))
        self.assertEqual(result.returncode, 2)
        self.assertIn('nowhere.xml', text(result)[1])


if __name__ == '__main__':
    POLISI = sys.argv.pop(1)
    unittest.main(verbosity=2)
