#!/usr/bin/env python3
# The school's own clauses and its own titles from the command line:
# --clauses, --add-clause, --rename-clause, --remove-clause, their errors,
# and what every export makes of them, read back with real readers
# (zip and XML for ODT and DOCX, poppler for PDF, the HTML pages), the
# summary of changes, and LibreOffice accepting and rejecting the tracked
# changes of a version with an own clause added.
#
#   test-own-clauses.py PATH-TO-POLISI

import hashlib
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
from polisi_test import run, member, pdf_text, repack, package_members  # noqa: E402
EXAMPLES = os.path.join(SOURCE, '..', 'data', 'examples')
LO_CHANGES = os.path.join(SOURCE, 'tools', 'lo-changes.py')
# LibreOffice's uno module is the system Python's
UNO_PYTHON = '/usr/bin/python3'

WELSH_LETTERS = 'ŵ ŷ Ŵ Ŷ ẁ ẃ ẅ ỳ'
TITLE_CY = 'Ein grŵp rhieni ar Ŷ-Ap'
TITLE_EN = 'Our parents’ group on the app'
TEXT_CY = 'Mae’r ysgol yn defnyddio un ap i siarad â rhieni: ' + WELSH_LETTERS + '.'
TEXT_EN = 'The school uses one app to talk to parents.'
RENAMED_CY = 'Caniatâd ysgrifenedig gan bob teulu ŵ'
RENAMED_EN = 'Written consent from every family'


def anchor(clause_id, lang):
    return 'Polisi_%s_%s' % (lang, hashlib.sha1(clause_id.encode('utf-8')).hexdigest()[:16])


class OwnClausesTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='polisi-own-')
        self.policy = self.path('ysgol.polisi')
        shutil.copy(os.path.join(EXAMPLES, 'secondary-wales-adopted.polisi'), self.policy)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def ok(self, *args):
        result = run(*args, self.policy)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result

    def read_policy(self):
        with open(self.policy, 'rb') as handle:
            return handle.read()

    def add(self, section='images', after='images.consent'):
        result = self.ok('--add-clause=' + section, '--after=' + after, '--title-cy=' + TITLE_CY,
                         '--title-en=' + TITLE_EN, '--text-cy=' + TEXT_CY, '--text-en=' + TEXT_EN)
        found = re.search(r'Added your own clause (\S+), “(.*)” \(id (%s\.own-[0-9a-f]+)\)' % section, result.stdout)
        self.assertIsNotNone(found, result.stdout)
        return found.group(3), found.group(1)

    def clause_lines(self):
        return self.ok('--clauses').stdout.splitlines()

    def test_add_rename_remove(self):
        before = self.clause_lines()
        consent = [line for line in before if ' images.consent ' in line][0]
        number = consent.split()[0]
        section = number.split('.')[0]

        own_id, own_number = self.add()
        self.assertEqual(own_number, '%s.%d' % (section, int(number.split('.')[1]) + 1))
        lines = self.clause_lines()
        line = [line for line in lines if own_id in line][0]
        self.assertEqual(line.split()[0], own_number)
        self.assertIn(TITLE_EN + ' (your own clause)', line)
        # the clause that followed moved down one
        self.assertEqual(len(lines), len(before) + 1)

        saved = self.read_policy().decode('utf-8')
        self.assertIn('<clause id="%s" included="true" version="0" own="true">' % own_id, saved)
        self.assertIn('<title xml:lang="cy">%s</title>' % TITLE_CY, saved)
        self.assertIn(WELSH_LETTERS, saved)
        # a change to the adopted text: the draft of the next version
        self.assertRegex(saved, r'<status[^>]*>draft</status>')

        # renamed: shown by its new name, kept in the file
        result = self.ok('--rename-clause=images.consent', '--title-cy=' + RENAMED_CY, '--title-en=' + RENAMED_EN)
        self.assertIn(RENAMED_CY, result.stdout)
        line = [line for line in self.clause_lines() if ' images.consent ' in line][0]
        self.assertIn(RENAMED_EN, line)
        self.assertIn('<title xml:lang="en">%s</title>' % RENAMED_EN, self.read_policy().decode('utf-8'))
        # and in Welsh
        result = subprocess.run([POLISI, '--clauses', self.policy], capture_output=True, text=True,
                                env=dict(os.environ, LANGUAGE='cy', LC_ALL='C.UTF-8'), timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)

        # the check reads it as any clause
        result = run('--check', self.policy)
        self.assertNotIn(own_id, result.stdout)
        self.ok('--add-clause=images', '--title-en=Only English', '--text-en=Only in English.')
        result = run('--check', self.policy)
        self.assertIn('Only English has no Welsh text', result.stdout)
        # without --after: at the end of the section; with --after= and
        # nothing: first
        images = [line.split() for line in self.clause_lines() if re.match(r'\s+%s\.' % section, line)]
        self.assertIn('Only', images[-1])
        self.ok('--add-clause=images', '--after=', '--title-en=First of all', '--text-en=First.')
        images = [line for line in self.clause_lines() if re.match(r'\s+%s\.' % section, line)]
        self.assertIn('First of all', images[0])
        self.assertEqual(images[0].split()[0], section + '.1')

        # removed
        result = self.ok('--remove-clause=' + own_id)
        self.assertIn('Removed your own clause ' + own_id, result.stdout)
        self.assertNotIn(own_id, self.read_policy().decode('utf-8'))

    def test_errors(self):
        self.add()
        original = self.read_policy()
        cases = [
            (['--add-clause=nowhere', '--title-en=T', '--text-en=T'], 'no section “nowhere”'),
            (['--add-clause=images', '--after=purpose.aims', '--title-en=T', '--text-en=T'],
             'no clause “purpose.aims” to put the new clause after'),
            (['--add-clause=images', '--text-en=T'], 'needs a title'),
            (['--add-clause=images', '--title-en=T'], 'needs some text'),
            (['--add-clause=images', '--title-en=' + 'w' * 1001, '--text-en=T'], 'at most 1000'),
            (['--remove-clause=images.consent'], 'cannot be removed'),
            (['--remove-clause=images.own-0000000000ff'], 'no clause “images.own-0000000000ff”'),
            (['--rename-clause=images.consent'], 'needs the new title'),
            (['--rename-clause=images.nothing', '--title-en=T'], 'no clause “images.nothing”'),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                result = run(*args, self.policy)
                self.assertEqual(result.returncode, 3, result.stdout + result.stderr)
                self.assertIn(message, result.stderr)
                self.assertEqual(self.read_policy(), original)
        for args, message in [(['--text-en=T'], '--text-en goes with --add-clause'),
                              (['--after=images.consent', '--check'], '--after goes with --add-clause'),
                              (['--add-clause=images', '--rename-clause=images.consent', '--title-en=T', '--text-en=T'],
                               'one at a time'),
                              (['--title-cy=T', '--check'], 'go with either')]:
            with self.subTest(args=args):
                result = run(*args, self.policy)
                self.assertEqual(result.returncode, 3, result.stderr)
                self.assertIn(message, result.stderr)
                self.assertEqual(self.read_policy(), original)

    def test_exports(self):
        own_id, own_number = self.add()
        self.ok('--rename-clause=images.consent', '--title-cy=' + RENAMED_CY, '--title-en=' + RENAMED_EN)

        odt = self.path('ysgol.odt')
        self.ok('--export=odt', '--layout=sequential', '--output=' + odt)
        content = member(odt, 'content.xml')
        self.assertIn(TEXT_CY, content)
        self.assertIn(TEXT_EN, content)
        for lang in ('cy', 'en'):
            self.assertIn('text:name="%s"' % anchor(own_id, lang), content)

        docx = self.path('ysgol.docx')
        self.ok('--export=docx', '--layout=sequential', '--output=' + docx)
        document = member(docx, 'word/document.xml')
        text = ''.join(re.findall(r'<w:t(?: [^>]*)?>([^<]*)</w:t>', document))
        self.assertIn(TEXT_CY.replace('’', '’'), text)
        self.assertIn(TEXT_EN, text)
        for lang in ('cy', 'en'):
            self.assertIn('w:name="%s"' % anchor(own_id, lang), document)

        pdf = self.path('ysgol.pdf')
        self.ok('--export=pdf', '--layout=sequential', '--output=' + pdf)
        text = ' '.join(pdf_text(pdf).split())
        self.assertIn(own_number + ' ' + TEXT_CY, text)
        self.assertIn(TEXT_EN, text)

        html = self.path('ysgol.html')
        self.ok('--export=html', '--layout=sequential', '--output=' + html)
        for lang, wanted in (('cy', TEXT_CY), ('en', TEXT_EN)):
            with open(self.path('ysgol-%s.html' % lang), encoding='utf-8') as handle:
                page = handle.read()
            self.assertIn(wanted.replace('’', '’'), page)
            # the clause's anchor, from its id
            self.assertIn('id="%s"' % own_id.replace('.', '_'), page)

        # the summary of changes names the clause added by its title, in
        # every format
        for fmt in ('pdf', 'odt', 'docx', 'html'):
            with self.subTest(summary=fmt):
                target = self.path('changes.' + fmt)
                self.ok('--compare=1.1', '--export=' + fmt, '--layout=sequential', '--output=' + target)
                if fmt == 'pdf':
                    shown = pdf_text(target)
                elif fmt == 'odt':
                    shown = member(target, 'content.xml')
                elif fmt == 'docx':
                    shown = ''.join(re.findall(r'<w:t(?: [^>]*)?>([^<]*)</w:t>', member(target, 'word/document.xml')))
                else:
                    with open(self.path('changes-cy.html'), encoding='utf-8') as handle:
                        shown = handle.read()
                shown = ' '.join(shown.split())
                self.assertIn('Ychwanegwyd: ' + TITLE_CY, shown)
                self.assertIn(TEXT_CY, shown)

    def test_returned_comment(self):
        """A union's comment made in an own clause of a returned draft is
        placed on that clause."""
        own_id, own_number = self.add()
        self.ok('--set', 'status=consultation', '--set', 'closing-date=2027-03-31')
        draft = self.path('draft.odt')
        self.ok('--export=odt', '--layout=en', '--output=' + draft)
        members = package_members(draft)
        content = dict((info.filename, data) for info, data in members)['content.xml'].decode('utf-8')
        at = content.index(TEXT_EN)
        content = (content[:at] + '<office:annotation><dc:creator>Tom Price (NEU)</dc:creator>'
                   '<dc:date>2027-03-01T09:00:00</dc:date><text:p>Name the app, please ŵ.</text:p>'
                   '</office:annotation>' + content[at:])
        returned = self.path('returned.odt')
        repack(members, returned, {'content.xml': content.encode('utf-8')})
        result = self.ok('--import-comments=' + returned)
        self.assertIn('Imported 1 comment', result.stdout)
        self.assertIn('clause="%s"' % own_id, self.read_policy().decode('utf-8'))
        listed = self.ok('--comments').stdout
        self.assertIn(own_number, listed)
        self.assertIn('Name the app, please ŵ.', listed)

    def test_returned_proposal(self):
        """A change a reviewer made with track changes on in an own clause of
        a returned Word draft is proposed on that clause, and can be made."""
        own_id, own_number = self.add()
        self.ok('--set', 'status=consultation', '--set', 'closing-date=2027-03-31')
        draft = self.path('draft.docx')
        self.ok('--export=docx', '--layout=en', '--output=' + draft)
        members = package_members(draft)
        document = dict((info.filename, data) for info, data in members)['word/document.xml'].decode('utf-8')
        run_end = re.search(r'<w:r>(?:(?!</w:r>).)*?%s</w:t></w:r>' % re.escape(TEXT_EN), document)
        self.assertIsNotNone(run_end)
        document = (document[:run_end.end()] + '<w:ins w:id="9901" w:author="Tom Price (NEU)" '
                    'w:date="2027-03-01T09:00:00Z"><w:r><w:t xml:space="preserve"> Carers too.</w:t></w:r></w:ins>'
                    + document[run_end.end():])
        returned = self.path('returned.docx')
        with zipfile.ZipFile(returned, 'w') as package:
            for info, data in members:
                if info.filename == 'word/document.xml':
                    data = document.encode('utf-8')
                package.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        result = self.ok('--import-comments=' + returned)
        self.assertIn('insertions: 1', result.stdout)
        listed = self.ok('--comments').stdout
        proposal = re.search(r'(p\d+)\s+%s \(%s, en\)' % (re.escape(own_number), re.escape(own_id)), listed)
        self.assertIsNotNone(proposal, listed)
        self.ok('--accept-proposal=' + proposal.group(1))
        saved = self.read_policy().decode('utf-8')
        self.assertIn(TEXT_EN[:-1] + '. Carers too.', saved)
        # the Welsh now waits for the same change
        result = run('--check', self.policy)
        self.assertIn('the Welsh text may be out of date', result.stdout)

    def test_tracked_changes(self):
        own_id, own_number = self.add()
        paths = []
        for fmt in ('odt', 'docx'):
            target = self.path('tracked-%s.%s' % (fmt, fmt))
            self.ok('--compare=1.1', '--export=' + fmt, '--tracked-changes', '--layout=en', '--output=' + target)
            paths.append(target)
        odt_content = member(paths[0], 'content.xml')
        self.assertIn('text:name="%s"' % anchor(own_id, 'en'), odt_content)
        self.assertIn('<text:insertion>', odt_content)
        self.assertIn('<w:ins ', member(paths[1], 'word/document.xml'))

        out = self.path('lo')
        os.mkdir(out)
        result = subprocess.run([UNO_PYTHON, LO_CHANGES, shutil.which('soffice') or 'soffice', out, *paths],
                                capture_output=True, text=True, timeout=600)
        if result.returncode == 77:
            self.skipTest('LibreOffice\'s Python (python3-uno) is not installed')
        self.assertEqual(result.returncode, 0, result.stderr)
        for fmt in ('odt', 'docx'):
            with self.subTest(fmt=fmt):
                with open(os.path.join(out, 'tracked-%s-accepted.txt' % fmt), encoding='utf-8-sig') as handle:
                    accepted = ' '.join(handle.read().replace('\xa0', ' ').split())
                with open(os.path.join(out, 'tracked-%s-rejected.txt' % fmt), encoding='utf-8-sig') as handle:
                    rejected = ' '.join(handle.read().replace('\xa0', ' ').split())
                self.assertIn(own_number + ' ' + TEXT_EN, accepted)
                self.assertNotIn(TEXT_EN, rejected)
                self.assertNotIn(WELSH_LETTERS, rejected)


if __name__ == '__main__':
    POLISI = polisi_test.POLISI = sys.argv.pop(1)
    unittest.main(verbosity=2)
