#!/usr/bin/env python3
# The command line, as a trust or local authority would script it: --new,
# --set and --check, with no display, their exit statuses and messages.
#
#   test-cli.py PATH-TO-POLISI

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

POLISI = None
SOURCE = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(SOURCE, 'lib'))
import polisi_test  # noqa: E402
from polisi_test import run, read, repack, package_members  # noqa: E402
EXAMPLES = os.path.join(SOURCE, '..', 'data', 'examples')
LIBRARY = os.path.join(SOURCE, '..', 'data', 'library', 'library.xml')


def library_clauses_missing_from(policy_path):
    """The ids of the built-in library's clauses that a policy file does not hold."""
    library_ids = re.findall(r'<clause id="([^"]+)"', open(LIBRARY, encoding='utf-8').read())
    policy_ids = set(re.findall(r'<clause id="([^"]+)"', open(policy_path, encoding='utf-8').read()))
    return [clause_id for clause_id in library_ids if clause_id not in policy_ids]


LIBRARY = os.path.join(SOURCE, '..', 'data', 'library', 'library.xml')
LIBRARY_NS = '{https://polisi.cymru/ns/library/1}'


def library_root():
    import xml.etree.ElementTree as ET
    return ET.parse(LIBRARY).getroot()


def library_version():
    return library_root().get('version')


def library_clauses():
    """Each clause's version in the built-in library."""
    return {c.get('id'): c.get('version') for c in library_root().iter(LIBRARY_NS + 'clause')}


def library_notes():
    """Each clause's English note on what changed in the library's version."""
    root = library_root()
    notes = {}
    for clause in root.iter(LIBRARY_NS + 'clause'):
        for change in clause.findall(LIBRARY_NS + 'change'):
            if change.get('version') == root.get('version'):
                for note in change.findall(LIBRARY_NS + 'note'):
                    if note.get('{http://www.w3.org/XML/1998/namespace}lang') == 'en':
                        notes[clause.get('id')] = note.text
    return notes


class CommandLine(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='polisi-cli-')

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def new_policy(self, name='school.polisi', *extra):
        result = run('--new', '--organisation=Ysgol y Berllan', '--output=' + self.path(name), *extra)
        self.assertEqual(result.returncode, 0, result.stderr)
        return self.path(name)

    def test_new(self):
        path = self.new_policy()
        text = read(path).decode('utf-8')
        self.assertIn('<policy xmlns="https://polisi.cymru/ns/policy/1" format="2"', text)
        self.assertIn('Ysgol y Berllan', text)
        self.assertIn('<clause id="purpose.benefits" included="true"', text)
        # optional clauses are there, left out
        self.assertIn('included="false"', text)
        self.assertEqual(os.listdir(self.dir), ['school.polisi'])

    def test_new_needs_output(self):
        result = run('--new', '--organisation=X')
        self.assertEqual(result.returncode, 3)
        self.assertIn('--output', result.stderr)
        self.assertEqual(result.stdout, '')

    def test_new_never_overwrites(self):
        path = self.new_policy()
        before = read(path)
        result = run('--new', '--output=' + path)
        self.assertEqual(result.returncode, 3)
        self.assertIn('already exists', result.stderr)
        self.assertEqual(read(path), before)

    def test_new_with_settings(self):
        path = self.new_policy('england.polisi', '--set', 'language-category=english', '--set', 'type=secondary')
        text = read(path).decode('utf-8')
        self.assertIn('language-category="english"', text)
        self.assertIn('type="secondary"', text)
        self.assertIn('alternative="england"', text)

    def test_set(self):
        path = self.new_policy()
        result = run('--set', 'head_teacher=Mrs Siân Hughes', '--set', 'governing-body.cy=Corff Llywodraethu Ysgol y Berllan',
                     '--set', 'governing_body.en=The Governing Body of Ysgol y Berllan',
                     '--set', 'status=consultation', '--set', 'closing-date=2027-03-31',
                     '--set', 'review-cycle=24', '--set', 'name-en=Orchard School', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        text = read(path).decode('utf-8')
        self.assertIn('<answer key="head_teacher">Mrs Siân Hughes</answer>', text)
        self.assertIn('<value xml:lang="cy">Corff Llywodraethu Ysgol y Berllan</value>', text)
        self.assertIn('<status>consultation</status>', text)
        self.assertIn('<closing-date>2027-03-31</closing-date>', text)
        self.assertIn('<review-cycle>24</review-cycle>', text)
        self.assertIn('<name xml:lang="en">Orchard School</name>', text)
        self.assertEqual(sorted(os.listdir(self.dir)), ['school.polisi'])

    def test_set_include_exclude(self):
        path = self.new_policy()
        result = run('--set', 'include=scope.governors', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('<clause id="scope.governors" included="true"', read(path).decode('utf-8'))
        before = read(path)
        result = run('--set', 'exclude=purpose.benefits', path)
        self.assertEqual(result.returncode, 3)
        self.assertIn('required', result.stderr)
        self.assertEqual(read(path), before)

    def test_set_refuses_bad_values_and_saves_nothing(self):
        path = self.new_policy()
        before = read(path)
        cases = [
            (['--set', 'nonsense=1'], 'polisi --set help'),
            (['--set', 'status=finished'], 'draft, consultation, adopted'),
            (['--set', 'status=adopted'], '--adopt'),
            (['--set', 'closing-date=2027-02-30'], 'YYYY-MM-DD'),
            (['--set', 'review-cycle=0'], 'months'),
            (['--set', 'version=one'], 'version number'),
            (['--set', 'language-category=welsh'], 'primarily-welsh'),
            (['--set', 'safeguarding_email=not an address'], 'e-mail'),
            (['--set', 'no-equals-sign'], 'KEY=VALUE'),
            # one good setting and one bad: nothing at all is saved
            (['--set', 'head_teacher=Someone', '--set', 'type=castle'], 'nursery'),
        ]
        for args, expected in cases:
            with self.subTest(args=args):
                result = run(*args, path)
                self.assertEqual(result.returncode, 3, result.stderr)
                self.assertIn('polisi: error:', result.stderr)
                self.assertIn(expected, result.stderr)
                self.assertEqual(read(path), before)
        self.assertEqual(os.listdir(self.dir), ['school.polisi'])

    def test_set_help(self):
        result = run('--set', 'help')
        self.assertEqual(result.returncode, 0)
        for key in ('head_teacher', 'safeguarding_lead', 'closing-date', 'review-cycle', 'language-category',
                    'governing_body.cy', 'primarily-welsh'):
            self.assertIn(key, result.stdout)

    def test_check_examples(self):
        for name in ('primary-england.polisi', 'secondary-wales.polisi'):
            with self.subTest(example=name):
                path = os.path.join(EXAMPLES, name)
                before = read(path)
                result = run('--check', path)
                self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
                self.assertIn('version', result.stdout)
                self.assertEqual(read(path), before)

    def test_check_finds_problems(self):
        shutil.copy(os.path.join(EXAMPLES, 'secondary-wales.polisi'), self.path('wales.polisi'))
        result = run('--set', 'head_teacher=', self.path('wales.polisi'))
        self.assertEqual(result.returncode, 0, result.stderr)
        result = run('--check', self.path('wales.polisi'))
        self.assertEqual(result.returncode, 1)
        self.assertIn('Must fix:', result.stdout)
        self.assertIn('Head teacher', result.stdout)
        self.assertIn('to fix', result.stdout)

    def test_check_unreadable(self):
        broken = self.path('broken.polisi')
        with open(broken, 'w') as handle:
            handle.write('<?xml version="1.0"?>\n<policy xmlns="https://polisi.cymru/ns/policy/1" format="2">\n<organisation')
        result = run('--check', broken)
        self.assertEqual(result.returncode, 2)
        self.assertIn('broken.polisi', result.stderr)
        self.assertIn('line', result.stderr)
        self.assertEqual(result.stdout, '')

        result = run('--check', self.path('missing.polisi'))
        self.assertEqual(result.returncode, 2)
        self.assertIn('does not exist', result.stderr)

        before = read(broken)
        result = run('--set', 'head_teacher=X', broken)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(read(broken), before)

    def test_no_file(self):
        result = run('--check')
        self.assertEqual(result.returncode, 3)
        self.assertIn('polisi --check policy.polisi', result.stderr)

    def test_export(self):
        shutil.copy(os.path.join(EXAMPLES, 'secondary-wales.polisi'), self.path('wales.polisi'))
        shutil.copy(os.path.join(EXAMPLES, 'primary-england.polisi'), self.path('england.polisi'))

        # without --output, beside the policy, in the category's layout
        result = run('--export=pdf', self.path('wales.polisi'))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('wales.pdf', result.stdout)
        self.assertTrue(read(self.path('wales.pdf')).startswith(b'%PDF-'))
        result = run('--export=odt', self.path('england.polisi'))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(read(self.path('england.odt')).startswith(b'PK\x03\x04'))

        # two separate files, each naming the other
        result = run('--export=odt', '--layout=separate', '--output=' + self.path('out.odt'), self.path('wales.polisi'))
        self.assertEqual(result.returncode, 0, result.stderr)
        for name in ('out-cy.odt', 'out-en.odt'):
            self.assertIn(name, os.listdir(self.dir))

        for layout in ('cy', 'en', 'columns', 'sequential'):
            with self.subTest(layout=layout):
                target = self.path(f'w-{layout}.pdf')
                result = run('--export=pdf', '--layout=' + layout, '--final', '--output=' + target, self.path('wales.polisi'))
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertGreater(os.path.getsize(target), 10000)

    def test_export_html(self):
        shutil.copy(os.path.join(EXAMPLES, 'secondary-wales.polisi'), self.path('wales.polisi'))
        shutil.copy(os.path.join(EXAMPLES, 'secondary-wales-adopted.polisi'), self.path('adopted.polisi'))

        # both languages on the web: a page each, whatever the paper layout
        for layout in ('columns', 'sequential', 'separate'):
            with self.subTest(layout=layout):
                result = run('--export=html', '--layout=' + layout, '--output=' + self.path(f'{layout}.html'),
                             self.path('wales.polisi'))
                self.assertEqual(result.returncode, 0, result.stderr)
                welsh = read(self.path(f'{layout}-cy.html')).decode('utf-8')
                english = read(self.path(f'{layout}-en.html')).decode('utf-8')
                self.assertTrue(welsh.startswith('<!DOCTYPE html>\n<html lang="cy-GB">'))
                self.assertTrue(english.startswith('<!DOCTYPE html>\n<html lang="en-GB">'))
                self.assertIn(f'href="./{layout}-en.html" hreflang="en-GB"', welsh)
                self.assertIn(f'href="./{layout}-cy.html" hreflang="cy-GB"', english)
                self.assertFalse(os.path.exists(self.path(f'{layout}.html')))

        # one language, one page, beside the policy
        result = run('--export=html', '--layout=cy', self.path('wales.polisi'))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('<html lang="cy-GB">', read(self.path('wales.html')).decode('utf-8'))

        # the summary of changes
        result = run('--compare=' + self.path('wales.polisi'), '--export=html', '--layout=en', self.path('adopted.polisi'))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('<del>', read(self.path('adopted-changes.html')).decode('utf-8'))

        # never editable
        result = run('--compare=' + self.path('wales.polisi'), '--export=html', '--tracked-changes', self.path('adopted.polisi'))
        self.assertEqual(result.returncode, 3)

    def test_export_errors(self):
        shutil.copy(os.path.join(EXAMPLES, 'secondary-wales.polisi'), self.path('wales.polisi'))
        before = sorted(os.listdir(self.dir))
        cases = [
            (['--export=rtf'], 3, 'odt, pdf, docx'),
            (['--export=pdf', '--layout=diagonal'], 3, 'columns'),
            (['--export=pdf', '--output=' + self.path('missing/x.pdf')], 2, 'missing'),
        ]
        for args, status, expected in cases:
            with self.subTest(args=args):
                result = run(*args, self.path('wales.polisi'))
                self.assertEqual(result.returncode, status, result.stderr)
                self.assertIn(expected, result.stderr)
                self.assertEqual(sorted(os.listdir(self.dir)), before)

    # --- the annual review ------------------------------------------------

    def wales(self, name='wales.polisi'):
        shutil.copy(os.path.join(EXAMPLES, 'secondary-wales.polisi'), self.path(name))
        return self.path(name)

    def adopt(self, path, *extra):
        result = run('--adopt', '--approved-by=Corff Llywodraethu', '--summary-cy=Polisi newydd.',
                     '--summary-en=New policy.', *extra, path)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result

    def test_adopt(self):
        path = self.wales()
        result = self.adopt(path, '--date=2026-09-01')
        self.assertIn('Adopted version 1.0 on 2026-09-01', result.stdout)
        text = read(path).decode('utf-8')
        self.assertIn('<status>adopted</status>', text)
        self.assertIn('<adopted>2026-09-01</adopted>', text)
        self.assertNotIn('<closing-date>', text)
        self.assertRegex(text, r'<version number="1.0" date="2026-09-01" approved-by="Corff Llywodraethu">\s*'
                               r'<summary xml:lang="cy">\s*<p>Polisi newydd.</p>\s*</summary>\s*'
                               r'<summary xml:lang="en">\s*<p>New policy.</p>')

        # the next one: a version given, and its history row in the export
        result = run('--adopt', '--approved-by=Pwyllgor', '--summary-cy=Adolygiad.', '--summary-en=Annual review.',
                     '--adopt-version=2.0', '--date=2027-09-01', '--export=pdf', '--output=' + self.path('w.pdf'), path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('<version number="2.0" date="2027-09-01"', read(path).decode('utf-8'))
        pdftotext = shutil.which('pdftotext')
        if pdftotext:
            exported = subprocess.run([pdftotext, self.path('w.pdf'), '-'], capture_output=True, text=True).stdout
            for needle in ('Hanes fersiynau', 'Version history', 'Annual review.', 'Adolygiad.', '1 September 2027'):
                self.assertIn(needle, exported)

    def test_version_numbers_one_rule(self):
        # What --set version= accepts, --adopt accepts; what Polisi numbers
        # a draft, it accepts too.
        path = self.wales()
        before = read(path)
        for value in ('10000.0', '99999999999.1', '1.2.3', '-1.0'):
            with self.subTest(version=value):
                result = run('--set', 'version=' + value, path)
                self.assertEqual(result.returncode, 3, result.stderr)
                self.assertIn('not a version number', result.stderr)
                self.assertEqual(read(path), before)
        result = run('--set', 'version=1.9999', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        result = self.adopt(path, '--date=2026-09-01')
        self.assertIn('Adopted version 1.9999 on 2026-09-01', result.stdout)
        # the draft of the next version that Polisi numbers itself
        result = run('--set', 'status=draft', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('<version>2.0</version>', read(path).decode('utf-8'))
        # a draft is not numbered below what was adopted
        result = run('--set', 'version=1.5', path)
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertIn('adopted already', result.stderr)
        result = self.adopt(path, '--date=2027-09-01')
        self.assertIn('Adopted version 2.0 on 2027-09-01', result.stdout)

    def test_dates_one_rule(self):
        path = self.wales()
        before = read(path)
        for value in ('12027-03-31', '-2027-03-31', '1899-12-31', '2027-02-30'):
            with self.subTest(date=value):
                result = run('--set', 'closing-date=' + value, path)
                self.assertEqual(result.returncode, 3, result.stderr)
                self.assertIn('YYYY-MM-DD', result.stderr)
                self.assertEqual(read(path), before)
        # a five-digit year in the file itself is reported by the check
        text = before.decode('utf-8')
        self.assertIn('<review-cycle>12</review-cycle>', text)
        self.assertNotIn('<review-date>', text)
        with open(path, 'w', encoding='utf-8') as handle:
            handle.write(text.replace('<review-cycle>12</review-cycle>',
                                      '<review-cycle>12</review-cycle><review-date>12027-09-01</review-date>', 1))
        result = run('--check', path)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn('12027-09-01', result.stdout + result.stderr)

    def test_adopt_refusals(self):
        path = self.wales()
        self.adopt(path, '--date=2026-09-01')
        before = read(path)
        cases = [
            (['--adopt', '--summary-cy=X', '--summary-en=Y'], '--approved-by'),
            (['--adopt', '--approved-by=Y'], 'summary of changes'),
            (['--adopt', '--approved-by=Y', '--summary-en=Only English'], 'in Welsh is empty'),
            (['--adopt', '--approved-by=Y', '--summary-en=Y', '--summary-cy=  '], 'in Welsh is empty'),
            (['--adopt', '--approved-by=Y', '--summary-en=Y', '--summary-cy=X', '--adopt-version=1.0'], 'already'),
            (['--adopt', '--approved-by=Y', '--summary-en=Y', '--summary-cy=X', '--adopt-version=0.9'], 'starts at version 1.0'),
            (['--adopt', '--approved-by=Y', '--summary-en=Y', '--summary-cy=X', '--adopt-version=0.10', '--date=2027-01-01'],
             'starts at version 1.0'),
            (['--adopt', '--approved-by=Y', '--summary-en=Y', '--summary-cy=X', '--adopt-version=v2'], 'version number'),
            (['--adopt', '--approved-by=Y', '--summary-en=Y', '--summary-cy=X', '--date=2026-08-31'], 'before the adoption'),
            (['--adopt', '--approved-by=Y', '--summary-en=Y', '--summary-cy=X', '--date=31/08/2027'], 'YYYY-MM-DD'),
            (['--approved-by=Y', '--summary-en=Y', '--check'], '--approved-by goes with --adopt'),
            # one bad part of the command, and nothing is saved
            (['--set', 'head_teacher=Someone', '--adopt', '--approved-by=Y', '--summary-en=Y'], 'in Welsh is empty'),
        ]
        for args, expected in cases:
            with self.subTest(args=args):
                result = run(*args, path)
                self.assertEqual(result.returncode, 3, result.stderr)
                self.assertIn('polisi: error:', result.stderr)
                self.assertIn(expected, result.stderr)
                self.assertEqual(read(path), before)
        self.assertEqual(os.listdir(self.dir), ['wales.polisi'])

    def test_pending_summary(self):
        path = self.wales()
        self.adopt(path, '--date=2026-09-01')
        result = run('--set', 'help')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('pending-summary-cy', result.stdout)
        self.assertIn('pending-summary-en', result.stdout)
        # the next version's draft says what it changes; --adopt takes it
        # (draft-summary-en, the key's older name, is still taken)
        result = run('--set', 'status=consultation', '--set', 'closing-date=2027-01-29',
                     '--set', 'pending-summary-cy=Adolygiad blynyddol:\n- enwau cyfredol y Deddfau.',
                     '--set', 'draft-summary-en=Annual review:\n- current names of Acts.', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('now the draft of version 1.1', result.stdout)
        text = read(path).decode('utf-8')
        self.assertRegex(text, r'<draft-summary>\s*<summary xml:lang="cy">\s*<p>Adolygiad blynyddol:</p>\s*'
                               r'<item>enwau cyfredol y Deddfau.</item>')
        self.assertRegex(text, r'<summary xml:lang="en">\s*<p>Annual review:</p>')
        pdftotext = shutil.which('pdftotext')
        if pdftotext:
            result = run('--export=pdf', '--output=' + self.path('draft.pdf'), path)
            self.assertEqual(result.returncode, 0, result.stderr)
            exported = subprocess.run([pdftotext, self.path('draft.pdf'), '-'], capture_output=True, text=True).stdout
            for needle in ("Crynodeb o’r newidiadau yn fersiwn 1.1", 'Summary of changes in version 1.1', 'current names of Acts.'):
                self.assertIn(needle, exported)
        result = run('--adopt', '--approved-by=Corff Llywodraethu', '--date=2027-02-10', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        text = read(path).decode('utf-8')
        self.assertNotIn('<draft-summary>', text)
        self.assertRegex(text, r'<version number="1.1" date="2027-02-10" approved-by="Corff Llywodraethu">\s*'
                               r'<summary xml:lang="cy">\s*<p>Adolygiad blynyddol:</p>')

    def test_adopt_england(self):
        shutil.copy(os.path.join(EXAMPLES, 'primary-england.polisi'), self.path('england.polisi'))
        result = run('--adopt', '--approved-by=The governors', '--summary-en=First version.', self.path('england.polisi'))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('Adopted version 1.0', result.stdout)

    def test_review_trigger(self):
        path = self.wales()
        self.adopt(path, '--date=2026-09-01')
        result = run('--set', 'review-trigger=legislation:2026-10-01:Data (Use and Access) Act 2025: in force', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        text = read(path).decode('utf-8')
        self.assertIn('<trigger kind="legislation" date="2026-10-01">Data (Use and Access) Act 2025: in force</trigger>', text)

        result = run('--check', path)
        self.assertEqual(result.returncode, 1)
        self.assertIn('A review has been due since 1 October 2026, because of new legislation '
                      '(Data (Use and Access) Act 2025: in force)', result.stdout)
        result = run('--review', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('Review due: 1 October 2026, because of new legislation', result.stdout)

        before = read(path)
        for value, expected in (('flood:2026-10-01', 'legislation, guidance, case-law, incident'),
                                ('incident:yesterday', 'YYYY-MM-DD'),
                                ('incident', 'KIND:YYYY-MM-DD:NOTE')):
            with self.subTest(value=value):
                result = run('--set', 'review-trigger=' + value, path)
                self.assertEqual(result.returncode, 3)
                self.assertIn(expected, result.stderr)
                self.assertEqual(read(path), before)

    def older_policy(self):
        """The Welsh example as if made from an older library: a clause at an
        older version, a clause the library has since added, one it has
        withdrawn, and an Act by its old name in both languages."""
        path = self.wales('older.polisi')
        text = read(path).decode('utf-8')
        text = text.replace('<clause id="purpose.benefits" included="true" alternative="standard" version="1">',
                            '<clause id="purpose.benefits" included="true" alternative="standard" version="0">')
        text = re.sub(r'\s*<clause id="scope.governors".*?</clause>', '', text, flags=re.S)
        text = text.replace('</clauses>', '<clause id="purpose.old-thing" included="true" version="1">'
                            '<text xml:lang="cy"><p>Hen gymal.</p></text><text xml:lang="en"><p>An old clause.</p></text>'
                            '</clause></clauses>')
        text = text.replace('At the same time, it carries risks', 'Under the Data Protection Act 1998 it carries risks', 1)
        text = text.replace('Ar yr un pryd, mae rhai risgiau', 'Dan Ddeddf Diogelu Data 1998, mae rhai risgiau', 1)
        with open(path, 'w') as handle:
            handle.write(text)
        return path

    def test_review_updates_and_legislation(self):
        path = self.older_policy()
        result = run('--review', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        out = result.stdout
        self.assertIn('[changed] purpose.benefits', out)
        self.assertIn('[new] scope.governors', out)
        # a withdrawn clause has no title in the library: its first words
        self.assertIn('[withdrawn] purpose.old-thing  “An old clause.”', out)
        self.assertIn('cy: [-Hen gymal.-]', out)
        self.assertIn('{+Members of the governing body', out)
        self.assertIn('Out-of-date legislation: 2', out)
        self.assertIn('“Ddeddf Diogelu Data 1998” → “GDPR y DU a Deddf Diogelu Data 2018”', out)
        self.assertIn('“Data Protection Act 1998” → “UK GDPR and the Data Protection Act 2018”', out)

        # unknown ids: nothing saved
        before = read(path)
        result = run('--accept-updates=scope.governors,no.such-clause', path)
        self.assertEqual(result.returncode, 3)
        self.assertIn('no.such-clause', result.stderr)
        self.assertEqual(read(path), before)

        result = run('--fix-legislation', '--accept-updates=scope.governors,purpose.old-thing', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('Accepted 2 updates of the model clauses', result.stdout)
        self.assertIn('Replaced 2 out-of-date names of legislation', result.stdout)
        text = read(path).decode('utf-8')
        self.assertIn('Dan GDPR y DU a Deddf Diogelu Data 2018, mae rhai risgiau', text)
        self.assertIn('<clause id="purpose.old-thing" included="false"', text)
        self.assertIn('<clause id="scope.governors" included="false"', text)

        result = run('--review', path)
        left = int(re.search(r'Updates of the model clauses \(the policy’s library 2026.11, now [0-9.]+\): (\d+)',
                             result.stdout).group(1))
        self.assertGreater(left, 0)
        result = run('--decline-updates=all', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('Declined %d update' % left, result.stdout)
        library = library_clauses()
        self.assertIn('<clause id="purpose.benefits" included="true" alternative="standard" version="0" declined-version="%s">'
                      % library['purpose.benefits'], read(path).decode('utf-8'))
        result = run('--review', path)
        self.assertIn('Updates of the model clauses (the policy’s library {0}, now {0}): 0'.format(library_version()),
                      result.stdout)
        self.assertIn('Out-of-date legislation: 0', result.stdout)

    def test_review_real_update(self):
        """The Welsh example, made from the 2026.11 library, against the
        library now: each changed and new clause with the library's note and
        the comparison, word by word; accepting takes the new text, declining
        keeps the old one, and a new clause can be added."""
        path = self.wales('example.polisi')
        before = read(path).decode('utf-8')
        notes = library_notes()
        result = run('--review', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        out = result.stdout
        self.assertIn('[changed] reporting.urgency', out)
        self.assertIn('Why: ' + notes['reporting.urgency'], out)
        self.assertIn('[-Ni ddylent -]{+Rhaid iddyn nhw beidio ag +}aros', out)
        self.assertIn('[new] personal-use.referring-to-work', out)
        self.assertIn('Why: ' + notes['personal-use.referring-to-work'], out)
        self.assertIn('{+Staff may say where they work', out)
        self.assertIn('[changed] official-accounts.languages', out)

        result = run('--accept-updates=reporting.urgency,personal-use.referring-to-work', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('Accepted 2 updates of the model clauses', result.stdout)
        result = run('--decline-updates=official-accounts.languages', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        text = read(path).decode('utf-8')
        self.assertIn('Rhaid iddyn nhw beidio ag aros tan ddiwedd y diwrnod', text)
        self.assertNotIn('Ni ddylent aros', text)
        self.assertRegex(text, r'<clause id="personal-use.referring-to-work" included="true" alternative="respectful"')
        languages = re.search(r'<clause id="official-accounts.languages".*?</clause>', text, re.S).group(0)
        self.assertIn('declined-version=', languages)
        self.assertEqual(languages, re.search(r'<clause id="official-accounts.languages".*?</clause>', before, re.S)
                         .group(0).replace('version="1">', 'version="1" declined-version="2">'))
        result = run('--review', path)
        self.assertNotIn('reporting.urgency', result.stdout)
        self.assertNotIn('referring-to-work', result.stdout)
        self.assertNotIn('official-accounts.languages', result.stdout)

    def new_version(self):
        old = self.wales('old.polisi')
        self.adopt(old, '--date=2026-09-01')
        shutil.copy(old, self.path('new.polisi'))
        new = self.path('new.polisi')
        result = run('--set', 'status=consultation', '--set', 'version=1.1', '--set', 'closing-date=2027-03-31',
                     '--set', 'head_teacher=Mrs Eleri Wyn', '--set', 'include=scope.governors',
                     '--set', 'exclude=official-accounts.languages', new)
        self.assertEqual(result.returncode, 0, result.stderr)
        return old, new

    def test_compare(self):
        old, new = self.new_version()
        result = run('--compare=' + old, '--export=pdf', new)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('new-changes.pdf', result.stdout)
        self.assertTrue(read(self.path('new-changes.pdf')).startswith(b'%PDF-'))
        result = run('--compare=' + old, '--export=odt', new)
        self.assertEqual(result.returncode, 0, result.stderr)
        result = run('--compare=' + old, '--export=odt', '--tracked-changes', '--author=Rhian Ellis', new)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('new-tracked.odt', result.stdout)
        with zipfile.ZipFile(self.path('new-tracked.odt')) as package:
            content = package.read('content.xml').decode('utf-8')
        self.assertIn('<text:tracked-changes', content)
        self.assertIn('<dc:creator>Rhian Ellis</dc:creator>', content)
        self.assertIn('<text:change-start ', content)
        self.assertIn('<text:change ', content)
        # tracked changes for Word
        result = run('--compare=' + old, '--export=docx', '--tracked-changes', '--author=Rhian Ellis', new)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('new-tracked.docx', result.stdout)
        with zipfile.ZipFile(self.path('new-tracked.docx')) as package:
            content = package.read('word/document.xml').decode('utf-8')
        self.assertIn('<w:ins w:id=', content)
        self.assertIn('<w:del w:id=', content)
        self.assertIn('w:author="Rhian Ellis"', content)
        with zipfile.ZipFile(self.path('new-changes.odt')) as package:
            content = package.read('content.xml').decode('utf-8')
        self.assertNotIn('<text:tracked-changes', content)
        self.assertIn('Polisi_20_Inserted', content)
        self.assertIn('Crynodeb o’r newidiadau', content)

        pdftotext = shutil.which('pdftotext')
        if pdftotext:
            text = subprocess.run([pdftotext, self.path('new-changes.pdf'), '-'], capture_output=True, text=True).stdout
            for needle in ('Summary of changes', 'Crynodeb o', 'Mrs Eleri Wyn', 'Mr Dafydd ap Gwilym', 'Added: ', 'Removed: '):
                self.assertIn(needle, text)

        # with --output, and in two separate files
        result = run('--compare=' + old, '--export=pdf', '--layout=separate', '--output=' + self.path('c.pdf'), new)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('c-cy.pdf', os.listdir(self.dir))
        self.assertIn('c-en.pdf', os.listdir(self.dir))

    def test_compare_errors(self):
        old, new = self.new_version()
        before = sorted(os.listdir(self.dir))
        cases = [
            (['--compare=' + old], 3, '--export'),
            (['--compare=' + old, '--export=pdf', '--tracked-changes'], 3, 'ODT'),
            (['--tracked-changes', '--export=odt'], 3, '--compare'),
            (['--compare=' + self.path('missing.polisi'), '--export=pdf'], 2, 'does not exist'),
        ]
        for args, status, expected in cases:
            with self.subTest(args=args):
                result = run(*args, new)
                self.assertEqual(result.returncode, status, result.stderr)
                self.assertIn(expected, result.stderr)
                self.assertEqual(sorted(os.listdir(self.dir)), before)

    def annotated_draft(self, policy, name='returned.odt'):
        draft = self.path('draft.odt')
        result = run('--export=odt', '--output=' + draft, policy)
        self.assertEqual(result.returncode, 0, result.stderr)
        members = package_members(draft)
        content = dict((info.filename, data) for info, data in members)['content.xml'].decode('utf-8')

        def note(author, date, text):
            return ('<office:annotation><dc:creator>%s</dc:creator><dc:date>%s</dc:date>'
                    '<text:p>%s</text:p></office:annotation>' % (author, date, text))

        # in clause 1.1 (Welsh), in clause 1.2 (English), and in a heading
        content = content.replace('1.1</text:span><text:tab/>', '1.1</text:span><text:tab/>' +
                                  note('Siân Jones (UCAC)', '2027-02-01T10:15:00.5', 'Beth am deuluoedd?'), 1)
        at = content.index('The aims of this policy are')
        content = content[:at] + note('Tom Price (NEU)', '2027-02-02T09:00:00', 'Add wellbeing.') + content[at:]
        heading = re.search(r'<text:h [^>]*>(<text:bookmark [^>]*/>)?2 ', content)
        content = content[:heading.end() - 2] + note('Tom Price (NEU)', '2027-02-02T09:05:00', 'General.') + \
            content[heading.end() - 2:]
        returned = self.path(name)
        repack(members, returned, {'content.xml': content.encode('utf-8')})
        os.remove(draft)
        return returned, members, content

    def test_import_comments(self):
        path = self.wales()
        returned, _, _ = self.annotated_draft(path)
        result = run('--import-comments=' + returned, path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('Imported 3 comments from', result.stdout)
        self.assertIn('polisi: warning: A comment by Tom Price (NEU) is not in any clause (it is on “2 Cwmpas”)',
                      result.stderr)
        text = read(path).decode('utf-8')
        self.assertRegex(text, r'<comment id="c1" clause="purpose.benefits" version="1.0" author="Siân Jones \(UCAC\)" '
                               r'date="2027-02-01T10:15:00" lang="cy">\s*<body>\s*<p>Beth am deuluoedd\?</p>')
        self.assertIn('<comment id="c2" clause="purpose.aims" version="1.0" author="Tom Price (NEU)" '
                      'date="2027-02-02T09:00:00" lang="en">', text)
        self.assertIn('<comment id="c3" version="1.0" author="Tom Price (NEU)" date="2027-02-02T09:05:00">', text)

        # a second time: nothing new, and the file is not rewritten
        before = read(path)
        result = run('--import-comments=' + returned, path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('Imported 0 comments from', result.stdout)
        self.assertIn('(3 already imported)', result.stdout)
        self.assertIn('Nothing changed', result.stdout)
        self.assertEqual(read(path), before)

        # listed, answered, and in the appendix of the next export
        result = run('--comments', path)
        self.assertIn('3 comments on version 1.0', result.stdout)
        self.assertIn('c1  1.1 (purpose.benefits)  Siân Jones (UCAC), 2027-02-01T10:15:00', result.stdout)
        result = run('--respond', 'c1=Cytunwyd: ychwanegwyd teuluoedd.', '--author=Rhian Ellis', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('<response author="Rhian Ellis" date="', read(path).decode('utf-8'))
        result = run('--respond', 'c9=Nothing', path)
        self.assertEqual(result.returncode, 3)
        self.assertIn('no comment “c9”', result.stderr)
        result = run('--export=odt', '--output=' + self.path('again.odt'), path)
        with zipfile.ZipFile(self.path('again.odt')) as package:
            content = package.read('content.xml').decode('utf-8')
        self.assertIn('Sylwadau ac ymatebion', content)
        self.assertIn('Cytunwyd: ychwanegwyd teuluoedd.', content)
        self.assertIn('Beth am deuluoedd?', content)

    def test_import_damaged(self):
        path = self.wales()
        returned, members, content = self.annotated_draft(path)
        before = read(path)

        def package(name, content_xml=None, truncate=None):
            target = self.path(name)
            with zipfile.ZipFile(target, 'w') as out:
                for info, data in members:
                    if info.filename == 'content.xml':
                        data = content_xml.encode('utf-8')
                    out.writestr(info, data, compress_type=zipfile.ZIP_STORED if info.filename == 'mimetype'
                                 else zipfile.ZIP_DEFLATED)
            if truncate:
                data = read(target)
                with open(target, 'wb') as handle:
                    handle.write(data[:len(data) // 2])
            return target

        with open(self.path('notes.odt'), 'w') as handle:
            handle.write('Comments: name the deputy.\n')
        cases = [
            (self.path('notes.odt'), 'is neither an ODT nor a DOCX document'),
            ('/dev/zero', 'not a file saved on disk'),
            (package('broken.odt', content, truncate=True), 'is damaged'),
            (package('cut.odt', content[:len(content) * 2 // 3]), 'is damaged'),
            (package('doctype.odt', '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n' +
                     content[content.index('<office:document-content'):]), 'DOCTYPE'),
            (path, 'is a Polisi policy'),
            (self.path('missing.odt'), 'does not exist'),
        ]
        # the draft as it went out
        draft = self.path('draft.odt')
        self.assertEqual(run('--export=odt', '--output=' + draft, path).returncode, 0)
        cases.append((draft, 'came back with nothing added'))
        listing = sorted(os.listdir(self.dir))
        for returned_path, expected in cases:
            with self.subTest(returned=os.path.basename(returned_path)):
                result = run('--import-comments=' + returned_path, path)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn('polisi: error:', result.stderr)
                self.assertIn(expected, result.stderr)
                self.assertIn(returned_path if returned_path.startswith('/dev') else os.path.basename(returned_path),
                              result.stderr)
                if 'exist' not in expected:
                    self.assertIn('Nothing was imported', result.stderr)
                self.assertEqual(read(path), before)
                self.assertEqual(sorted(os.listdir(self.dir)), listing)

    def test_parallel_set_loses_nothing(self):
        # Two commands changing the same file at once: the second waits for
        # the first and reads what it saved, so both changes are kept.
        path = self.new_policy()
        env = dict(os.environ)
        for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
            env.pop(name, None)
        for i in range(15):
            with self.subTest(pair=i):
                first = subprocess.Popen([POLISI, '--set', 'name-cy=Ysgol Ŵ %d' % i, path], env=env,
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                second = subprocess.Popen([POLISI, '--set', 'name-en=School Ŷ %d' % i, path], env=env,
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                out1, err1 = first.communicate(timeout=60)
                out2, err2 = second.communicate(timeout=60)
                self.assertEqual(first.returncode, 0, err1)
                self.assertEqual(second.returncode, 0, err2)
                self.assertIn('Saved', out1)
                self.assertIn('Saved', out2)
                text = read(path).decode('utf-8')
                self.assertIn('Ysgol Ŵ %d<' % i, text)
                self.assertIn('School Ŷ %d<' % i, text)
        self.assertEqual(os.listdir(self.dir), ['school.polisi'])

    def test_set_refuses_read_only_and_hard_linked(self):
        path = self.new_policy()
        before = read(path)
        os.chmod(path, 0o444)
        try:
            result = run('--set', 'name-en=Changed', path)
            self.assertEqual(result.returncode, 2, result.stderr)
            self.assertIn('read-only', result.stderr)
            self.assertIn('school.polisi', result.stderr)
            self.assertNotIn('Saved', result.stdout)
            self.assertEqual(read(path), before)
        finally:
            os.chmod(path, 0o644)

        os.link(path, self.path('linked.polisi'))
        result = run('--set', 'name-en=Changed', path)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn('hard link', result.stderr)
        self.assertEqual(read(path), before)
        self.assertEqual(os.stat(path).st_nlink, 2)

    def test_proposals(self):
        path = self.wales()
        _, members, content = self.annotated_draft(path)
        # with track changes on, as LibreOffice writes them: "also" put into
        # the English of clause 1.2
        content = content.replace('The aims of this policy are',
                                  'The aims of this policy are <text:change-start text:change-id="ct1"/>also'
                                  '<text:change-end text:change-id="ct1"/>', 1)
        at = content.index('<office:text>') + len('<office:text>')
        content = (content[:at] + '<text:tracked-changes><text:changed-region xml:id="ct1" text:id="ct1">'
                   '<text:insertion><office:change-info><dc:creator>Tom Price (NEU)</dc:creator>'
                   '<dc:date>2027-02-02T10:00:00</dc:date></office:change-info></text:insertion>'
                   '</text:changed-region></text:tracked-changes>' + content[at:])
        returned = self.path('tracked.odt')
        repack(members, returned, {'content.xml': content.encode('utf-8')})
        result = run('--import-comments=' + returned, path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('insertions: 1, deletions: 0', result.stdout)
        self.assertIn('<proposal id="p1" clause="purpose.aims" kind="insertion" lang="en"', read(path).decode('utf-8'))

        result = run('--comments', path)
        self.assertIn('1 proposed change', result.stdout)
        self.assertIn('p1  1.2 (purpose.aims, en)  Tom Price (NEU), 2027-02-02T10:00:00', result.stdout)
        self.assertIn('insert: …The aims of this policy are [+also+]', result.stdout)

        # an id that is not there: nothing changes
        before = read(path)
        result = run('--reject-proposal=p9', path)
        self.assertEqual(result.returncode, 3)
        self.assertIn('no proposed change “p9”', result.stderr)
        self.assertEqual(read(path), before)

        result = run('--accept-proposal=p1', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('Made the proposed change p1', result.stdout)
        text = read(path).decode('utf-8')
        self.assertIn('The aims of this policy are also', text)
        self.assertNotIn('<proposal ', text)
        self.assertNotIn('proposed change', run('--comments', path).stdout)

    def test_import_earlier_version(self):
        path = self.wales()
        returned, _, _ = self.annotated_draft(path)
        # the policy moves on to another version after the draft went out
        text = read(path).decode('utf-8')
        version = re.search(r'<version>([^<]*)</version>', text).group(1)
        with open(path, 'wb') as handle:
            handle.write(text.replace('<version>%s</version>' % version, '<version>9.9</version>', 1).encode('utf-8'))
        before = read(path)
        result = run('--import-comments=' + returned, path)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn('is a draft of version %s of this policy, which is now at version 9.9' % version, result.stderr)
        self.assertIn('--earlier-version', result.stderr)
        self.assertEqual(read(path), before)

        result = run('--import-comments=' + returned, '--earlier-version', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('Imported 3 comments from', result.stdout)
        self.assertIn('made on version %s' % version, result.stdout)
        self.assertIn('version="%s" author="Siân Jones (UCAC)"' % version, read(path).decode('utf-8'))
        result = run('--comments', path)
        self.assertIn('0 comments on version 9.9', result.stdout)
        self.assertIn('3 comments on earlier versions', result.stdout)
        self.assertIn('(made on version %s)' % version, result.stdout)

    def test_help(self):
        result = run('--help')
        self.assertEqual(result.returncode, 0)
        for option in ('--review', '--accept-updates', '--decline-updates', '--fix-legislation', '--adopt',
                       '--approved-by', '--summary-cy', '--summary-en', '--adopt-version', '--compare',
                       '--tracked-changes', '--import-comments', '--comments', '--respond', 'FILE-tracked.odt'):
            self.assertIn(option, result.stdout)

    def test_version(self):
        result = run('--version')
        self.assertEqual(result.returncode, 0)
        self.assertTrue(result.stdout.startswith('polisi '))


if __name__ == '__main__':
    POLISI = polisi_test.POLISI = sys.argv.pop(1)
    unittest.main(verbosity=2)
