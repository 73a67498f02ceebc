#!/usr/bin/env python3
# Faults that lost work or left a user with nothing to do, each as it was
# met: the command line is driven as a script or a careless hand would
# drive it, and every refusal must leave the files as they were.
#
#   test-cli-faults.py PATH-TO-POLISI

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

POLISI = None
SOURCE = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(SOURCE, 'lib'))
import polisi_test  # noqa: E402
from polisi_test import read, pdf_text  # noqa: E402


def run(*args, **options):
    # the faults are read as bytes: a fault may write anything
    return polisi_test.run(*args, text=False, **options)


EXAMPLES = os.path.join(SOURCE, '..', 'data', 'examples')
READER_LIMIT = 16 * 1024 * 1024


class Faults(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='polisi-faults-')

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def example(self, name='primary-england.polisi', as_name='school.polisi'):
        target = self.path(as_name)
        shutil.copy(os.path.join(EXAMPLES, name), target)
        return target

    def assert_refused(self, result, status, *needles):
        stderr = result.stderr.decode('utf-8', 'replace')
        self.assertEqual(result.returncode, status, stderr)
        for needle in needles:
            self.assertIn(needle, stderr)
        return stderr

    # -- an export never replaces a policy, nor its own input -------------

    def test_export_onto_the_policy_itself(self):
        policy = self.example()
        before = read(policy)
        for fmt in ('pdf', 'odt'):
            result = run('--export=' + fmt, '--output=' + policy, policy)
            self.assert_refused(result, 2, 'is a Polisi policy', 'never replaces')
            self.assertEqual(read(policy), before)
        self.assertEqual(os.listdir(self.dir), ['school.polisi'])

    def test_export_onto_a_renamed_policy(self):
        policy = self.example()
        other = self.example('secondary-wales.polisi', 'notes.txt')
        before = read(other)
        result = run('--export=pdf', '--output=' + other, policy)
        self.assert_refused(result, 2, 'is a Polisi policy')
        self.assertEqual(read(other), before)

    def test_compare_onto_the_old_version(self):
        new = self.example('secondary-wales-adopted.polisi', 'new.polisi')
        old = self.example('secondary-wales.polisi', 'old.polisi')
        before_new, before_old = read(new), read(old)
        for target in (old, new):
            result = run('--compare=' + old, '--export=pdf', '--output=' + target, new)
            self.assert_refused(result, 2, 'is a Polisi policy')
        self.assertEqual(read(old), before_old)
        self.assertEqual(read(new), before_new)

    def test_separate_files_onto_policies(self):
        policy = self.example()
        # school-cy.polisi and school-en.polisi: what "separate" would write
        self.example('secondary-wales.polisi', 'school-cy.polisi')
        before = read(self.path('school-cy.polisi'))
        result = run('--export=pdf', '--layout=separate', '--output=' + policy, policy)
        self.assert_refused(result, 2, 'is a Polisi policy')
        self.assertEqual(read(self.path('school-cy.polisi')), before)

    # -- text every writer can write ---------------------------------------

    def test_noncharacters_are_cleaned_at_the_door(self):
        policy = self.example()
        name = 'Ysgol\ufdd0 y \U0001ffffBerllan\U0010ffff ŵŷ'
        result = run('--set', 'organisation=' + name, policy)
        self.assertEqual(result.returncode, 0, result.stderr)
        text = read(policy).decode('utf-8')
        for bad in ('\ufdd0', '\U0001ffff', '\U0010ffff'):
            self.assertNotIn(bad, text)
        self.assertIn('Ysgol y Berllan ŵŷ', text)
        result = run('--export=pdf', '--output=' + self.path('out.pdf'), policy)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('Ysgol y Berllan ŵŷ', pdf_text(self.path('out.pdf')))

    def test_noncharacters_in_a_response(self):
        policy = self.example('secondary-wales-adopted.polisi')
        result = run('--respond', 'c1=Diolch\ufffe yn fawr\U0010fffe', '--author=Rh\ufdefian', policy)
        self.assertEqual(result.returncode, 0, result.stderr)
        text = read(policy).decode('utf-8')
        self.assertIn('Diolch yn fawr', text)
        self.assertIn('author="Rhian"', text)
        result = run('--export=pdf', '--output=' + self.path('out.pdf'), policy)
        self.assertEqual(result.returncode, 0, result.stderr)

    # -- limits that agree: whatever is kept can be saved and read back ----

    def test_too_long_a_value_is_refused(self):
        policy = self.example()
        before = read(policy)
        result = run('--set', 'organisation=' + 'a' * 1001, policy)
        self.assert_refused(result, 3, 'Too long', '1001', '1000')
        self.assertEqual(read(policy), before)
        result = run('--new', '--organisation=' + 'b' * 5000, '--output=' + self.path('new.polisi'))
        self.assert_refused(result, 3, 'Too long')
        self.assertFalse(os.path.exists(self.path('new.polisi')))

    def test_a_save_never_writes_what_cannot_be_read_back(self):
        # Comments whose text is ">": 1 byte as it is read, 4 (&gt;) as it
        # is written. The file reads; saved, it would be four times the
        # reader's limit. The save is refused and the file stays.
        policy = self.example('secondary-wales-adopted.polisi')
        text = read(policy).decode('utf-8')
        body = '>' * 99000
        extra = ''.join('<comment id="x%d" version="1.1" author="A"><body><p>%s</p></body></comment>\n' % (i, body)
                        for i in range(150))
        text = text.replace('<comments>', '<comments>\n' + extra, 1)
        with open(policy, 'w', encoding='utf-8') as handle:
            handle.write(text)
        self.assertLess(os.path.getsize(policy), READER_LIMIT)
        before = read(policy)
        self.assertEqual(run('--check', policy).returncode in (0, 1), True)
        result = run('--set', 'organisation=Ysgol Newydd', policy)
        self.assert_refused(result, 2, 'was not saved', 'as it was')
        self.assertEqual(read(policy), before)

    def test_indentation_never_pushes_a_policy_past_the_limit(self):
        # A policy that reads fine, written without indentation, close to
        # the limit: saved, it must still read.
        policy = self.example('secondary-wales-adopted.polisi')
        text = read(policy).decode('utf-8')
        para = '<p>%s</p>' % ('y' * 40)
        body = ''.join([para] * 2000)
        extra = ''.join('<comment id="y%d" version="1.1" author="B"><body>%s</body></comment>' % (i, body)
                        for i in range(160))
        text = re.sub(r'>\s+<', '><', text).replace('<comments>', '<comments>' + extra, 1)
        with open(policy, 'w', encoding='utf-8') as handle:
            handle.write(text)
        self.assertGreater(os.path.getsize(policy), 14 * 1024 * 1024)
        self.assertLess(os.path.getsize(policy), READER_LIMIT)
        result = run('--set', 'organisation=Ysgol Newydd', policy)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertLessEqual(os.path.getsize(policy), READER_LIMIT)
        result = run('--comments', policy)
        self.assertEqual(result.returncode, 0, result.stderr)

    # -- work that grows faster than the input ---------------------------------

    def test_crowded_element_is_refused_before_parsing(self):
        policy = self.example()
        text = read(policy).decode('utf-8')
        attributes = ' '.join('a%d="x"' % i for i in range(200000))
        with open(policy, 'w', encoding='utf-8') as handle:
            handle.write(text.replace('<organisation ', '<organisation ' + attributes + ' ', 1))
        before = read(policy)
        result = run('--check', policy, timeout=30)
        self.assert_refused(result, 2, 'more than 256 attributes', 'line 3')
        self.assertEqual(read(policy), before)

    def test_a_long_word_is_laid_out_in_linear_time(self):
        # The name as a file may hold it (typed elsewhere): cut to what a
        # field may hold, and broken where it must be to fit the page.
        policy = self.example()
        text = read(policy).decode('utf-8')
        word = 'ŵ' * 64000
        text = re.sub(r'(<name xml:lang="en">)[^<]*(</name>)', lambda m: m.group(1) + word + m.group(2), text, count=1)
        with open(policy, 'w', encoding='utf-8') as handle:
            handle.write(text)
        result = run('--export=pdf', '--layout=en', '--output=' + self.path('out.pdf'), policy, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        extracted = pdf_text(self.path('out.pdf')).replace('\u200b', '')
        self.assertIn('ŵ' * 200, re.sub(r'\s+', '', extracted))

    def test_a_huge_author_in_a_file_is_bounded(self):
        # A comment's author of a million characters (an imported comment,
        # saved before the limits): kept as a line of at most 1,000.
        policy = self.example('secondary-wales-adopted.polisi')
        text = read(policy).decode('utf-8')
        text = text.replace('author="Gareth Morgan (NASUWT)"', 'author="%s"' % ('G' * 1000000), 1)
        with open(policy, 'w', encoding='utf-8') as handle:
            handle.write(text)
        result = run('--comments', policy)
        self.assertEqual(result.returncode, 0, result.stderr)
        longest = max(len(run) for run in re.findall('G+', result.stdout.decode('utf-8')))
        self.assertEqual(longest, 1000)
        result = run('--export=pdf', '--output=' + self.path('out.pdf'), policy, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)

    # -- the command line's own faults ------------------------------------------

    def test_a_companion_without_its_command(self):
        policy = self.example()
        before = read(policy)
        for args, needle in ((['--approved-by=Governors'], '--approved-by goes with --adopt'),
                             (['--layout=cy'], '--layout goes with --export'),
                             (['--organisation=X'], '--organisation goes with --new'),
                             (['--author=X'], 'need a command')):
            result = run(*args, policy)
            self.assert_refused(result, 3, needle)
        self.assertEqual(read(policy), before)

    def test_text_that_is_not_utf8(self):
        policy = self.example()
        before = read(policy)
        result = subprocess.run([POLISI, b'--set', b'organisation=Ysgol \xff\xfe', policy.encode()],
                                capture_output=True, timeout=60)
        self.assert_refused(result, 3, 'not valid text (UTF-8)')
        self.assertEqual(read(policy), before)

    def test_utf8_under_the_c_locale(self):
        # as cron runs a script: LC_ALL=C
        policy = self.example()
        result = run('--set', 'organisation=Ysgol Gymraeg Bro Dâr', policy, env_extra={'LC_ALL': 'C', 'LANG': 'C'})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('Ysgol Gymraeg Bro Dâr', read(policy).decode('utf-8'))

    def test_escape_sequences_are_not_echoed(self):
        policy = self.example()
        result = run('--set', 'org\x1b[2J\x1b[31mRED\x07=1', policy)
        stderr = self.assert_refused(result, 3, 'is not a key')
        self.assertNotIn('\x1b', stderr)
        self.assertNotIn('\x07', stderr)
        self.assertIn('\\x1b[2J', stderr)

    def test_a_folder_that_is_a_file(self):
        policy = self.example()
        result = run('--export=pdf', '--output=' + os.path.join(policy, 'out.pdf'), policy)
        self.assert_refused(result, 2, 'is a file, not a folder')
        result = run('--export=pdf', '--output=' + os.path.join(policy, 'a', 'b', 'out.pdf'), policy)
        self.assert_refused(result, 2, 'is a file, not a folder')

    def test_a_dangling_link_as_output_stays_a_link(self):
        policy = self.example()
        os.mkdir(self.path('published'))
        link = self.path('latest.pdf')
        os.symlink('published/policy-2026.pdf', link)
        result = run('--export=pdf', '--output=' + link, policy)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(os.path.islink(link))
        self.assertTrue(read(self.path('published/policy-2026.pdf')).startswith(b'%PDF'))


if __name__ == '__main__':
    POLISI = polisi_test.POLISI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
