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
SOURCE = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(SOURCE, '..', 'data', 'examples')


def run(*args, env_extra=None):
    env = dict(os.environ)
    # No display at all: the command line must not need one.
    for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
        env.pop(name, None)
    env.update(env_extra or {})
    return subprocess.run([POLISI, *args], capture_output=True, text=True, env=env, timeout=60)


def read(path):
    with open(path, 'rb') as handle:
        return handle.read()


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
        self.assertIn('<policy xmlns="https://polisi.cymru/ns/policy/1" format="1"', text)
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
            handle.write('<?xml version="1.0"?>\n<policy xmlns="https://polisi.cymru/ns/policy/1" format="1">\n<organisation')
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

    def test_draft_summary(self):
        path = self.wales()
        self.adopt(path, '--date=2026-09-01')
        # the next version's draft says what it changes; --adopt takes it
        result = run('--set', 'status=consultation', '--set', 'closing-date=2027-01-29',
                     '--set', 'draft-summary-cy=Adolygiad blynyddol:\n- enwau cyfredol y Deddfau.',
                     '--set', 'draft-summary-en=Annual review:\n- current names of Acts.', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('now the draft of version 1.1', result.stdout)
        text = read(path).decode('utf-8')
        self.assertRegex(text, r'<draft-summary>\s*<summary xml:lang="cy">\s*<p>Adolygiad blynyddol:</p>\s*'
                               r'<item>enwau cyfredol y Deddfau.</item>')
        pdftotext = shutil.which('pdftotext')
        if pdftotext:
            result = run('--export=pdf', '--output=' + self.path('draft.pdf'), path)
            self.assertEqual(result.returncode, 0, result.stderr)
            exported = subprocess.run([pdftotext, self.path('draft.pdf'), '-'], capture_output=True, text=True).stdout
            for needle in ("Crynodeb o'r newidiadau yn fersiwn 1.1", 'Summary of changes in version 1.1', 'current names of Acts.'):
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
        self.assertIn('[withdrawn] purpose.old-thing', out)
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

        result = run('--decline-updates=all', path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('Declined 1 update', result.stdout)
        self.assertIn('<clause id="purpose.benefits" included="true" alternative="standard" version="0" declined-version="1">',
                      read(path).decode('utf-8'))
        result = run('--review', path)
        self.assertIn('Updates of the model clauses (the policy’s library 2026.11, now 2026.11): 0', result.stdout)
        self.assertIn('Out-of-date legislation: 0', result.stdout)

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
        self.assertIn('Crynodeb o&apos;r newidiadau', content.replace("'", '&apos;'))

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
        with zipfile.ZipFile(draft) as package:
            members = [(info, package.read(info.filename)) for info in package.infolist()]
        content = dict((info.filename, data) for info, data in members)['content.xml'].decode('utf-8')

        def note(author, date, text):
            return ('<office:annotation><dc:creator>%s</dc:creator><dc:date>%s</dc:date>'
                    '<text:p>%s</text:p></office:annotation>' % (author, date, text))

        # in clause 1.1 (Welsh), in clause 1.2 (English), and in a heading
        content = content.replace('1.1<text:tab/>', '1.1<text:tab/>' +
                                  note('Siân Jones (UCAC)', '2027-02-01T10:15:00.5', 'Beth am deuluoedd?'), 1)
        at = content.index('The aims of this policy are')
        content = content[:at] + note('Tom Price (NEU)', '2027-02-02T09:00:00', 'Add wellbeing.') + content[at:]
        heading = re.search(r'<text:h [^>]*>(<text:bookmark [^>]*/>)?2 ', content)
        content = content[:heading.end() - 2] + note('Tom Price (NEU)', '2027-02-02T09:05:00', 'General.') + \
            content[heading.end() - 2:]
        returned = self.path(name)
        with zipfile.ZipFile(returned, 'w') as package:
            for info, data in members:
                if info.filename == 'content.xml':
                    data = content.encode('utf-8')
                package.writestr(info, data, compress_type=zipfile.ZIP_STORED if info.filename == 'mimetype'
                                 else zipfile.ZIP_DEFLATED)
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
            (self.path('notes.odt'), 'is not an ODT document'),
            (package('broken.odt', content, truncate=True), 'is damaged'),
            (package('cut.odt', content[:len(content) * 2 // 3]), 'is damaged'),
            (package('doctype.odt', '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n' +
                     content[content.index('<office:document-content'):]), 'DOCTYPE'),
            (path, 'is a Polisi policy'),
            (self.path('missing.odt'), 'does not exist'),
        ]
        listing = sorted(os.listdir(self.dir))
        for returned_path, expected in cases:
            with self.subTest(returned=os.path.basename(returned_path)):
                result = run('--import-comments=' + returned_path, path)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn('polisi: error:', result.stderr)
                self.assertIn(expected, result.stderr)
                self.assertIn(os.path.basename(returned_path), result.stderr)
                if 'exist' not in expected:
                    self.assertIn('Nothing was imported', result.stderr)
                self.assertEqual(read(path), before)
                self.assertEqual(sorted(os.listdir(self.dir)), listing)

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
    POLISI = sys.argv.pop(1)
    unittest.main(verbosity=2)
