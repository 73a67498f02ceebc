#!/usr/bin/env python3
# The command line, as a trust or local authority would script it: --new,
# --set and --check, with no display, their exit statuses and messages.
#
#   test-cli.py PATH-TO-POLISI

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

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
            (['--export=docx'], 3, 'odt'),
            (['--export=pdf', '--layout=diagonal'], 3, 'columns'),
            (['--export=pdf', '--output=' + self.path('missing/x.pdf')], 2, 'missing'),
        ]
        for args, status, expected in cases:
            with self.subTest(args=args):
                result = run(*args, self.path('wales.polisi'))
                self.assertEqual(result.returncode, status, result.stderr)
                self.assertIn(expected, result.stderr)
                self.assertEqual(sorted(os.listdir(self.dir)), before)

    def test_version(self):
        result = run('--version')
        self.assertEqual(result.returncode, 0)
        self.assertTrue(result.stdout.startswith('polisi '))


if __name__ == '__main__':
    POLISI = sys.argv.pop(1)
    unittest.main(verbosity=2)
