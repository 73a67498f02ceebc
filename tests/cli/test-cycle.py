#!/usr/bin/env python3
# A school's policy through its whole life, from the command line and in
# the one file: a draft, its consultation with the unions, the returned
# draft's comments and their answers, an adoption refused while the check
# finds what must be fixed, version 1.0, next year's review (an update of
# the model clauses, an out-of-date name of an Act), the draft of 1.1 in
# every export, the comparison with 1.0 from the file itself (a summary of
# changes, and tracked changes that LibreOffice accepts into exactly the new
# text and rejects into exactly the old), and version 1.1.
#
#   test-cycle.py PATH-TO-POLISI

import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

POLISI = None
SOURCE = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(SOURCE, 'lib'))
import polisi_test  # noqa: E402
from polisi_test import run, member, pdf_text, repack, package_members  # noqa: E402
LO_TEXT = os.path.join(SOURCE, 'tools', 'lo-text.py')
LO_REVIEW = os.path.join(SOURCE, 'tools', 'lo-review.py')
# LibreOffice's uno module is the system Python's
UNO_PYTHON = '/usr/bin/python3'


def year_one_draft(path):
    """Last year's example, made into the first draft of a new policy: no
    versions yet, made with last year's model clauses, the Welsh of one clause
    out of date since its English was edited, an old name of an Act in the
    author's own edits, and a clause left out that cites another."""
    with open(os.path.join(SOURCE, 'data', 'review-due.polisi'), encoding='utf-8') as handle:
        text = handle.read()
    text = text.replace('<status>adopted</status>', '<status>draft</status>')
    text = text.replace('<version>1.1</version>', '<version>0.1</version>')
    text = re.sub(r'\s*<adopted>[^<]*</adopted>', '', text)
    text = re.sub(r'\s*<approved-by>[^<]*</approved-by>', '', text)
    for element in ('history', 'review-triggers', 'comments'):
        text = re.sub(r'\s*<%s>.*?</%s>' % (element, element), '', text, flags=re.S)
    # the English of purpose.aims was edited in the window: its Welsh is out of date
    at = text.index('<clause id="purpose.aims"')
    welsh = text.index('<text xml:lang="cy"', at)
    text = text[:welsh] + '<text xml:lang="cy" needs-update="true"' + text[welsh + len('<text xml:lang="cy"'):]
    # a clause left out this year, which cites an Act by an old name
    at = text.index('<clause id="legislation.computer-misuse"')
    for lang, sentence in (('cy', 'Gall monitro hefyd fod yn destun Deddf Rheoleiddio Pwerau Ymchwilio 2000.'),
                           ('en', 'Monitoring may also be subject to the Regulation of Investigatory Powers Act 2000.')):
        start = text.index('<text xml:lang="%s"' % lang, at)
        end = text.index('</text>', start)
        text = text[:end] + '<p>%s</p>\n      ' % sentence + text[end:]
    with open(path, 'w', encoding='utf-8') as handle:
        handle.write(text)


class Cycle(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='polisi-cycle-')
        self.policy = self.path('cwm-derwen.polisi')
        year_one_draft(self.policy)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def ok(self, *args):
        result = run(*args, self.policy)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        return result

    def status_line(self):
        result = run('--check', self.policy)
        return result.stdout.splitlines()[0]

    def read_policy(self):
        with open(self.policy, 'rb') as handle:
            return handle.read()

    def lo_text(self, document, mode, name):
        output = self.path(name)
        profile = self.path('lo-profile')
        result = subprocess.run([UNO_PYTHON, LO_TEXT, document, mode, output, profile],
                                capture_output=True, text=True, timeout=300)
        if result.returncode == 77:
            self.skipTest('LibreOffice\'s Python (python3-uno) is not installed')
        self.assertEqual(result.returncode, 0, result.stderr)
        # exactly as LibreOffice gives it: a tracked-changes document has
        # the plain export's no-break spaces (inside dates and versions)
        with open(output, encoding='utf-8-sig') as handle:
            return handle.read().splitlines()

    def returned_draft(self):
        """The consultation draft as a union representative returns it from
        LibreOffice: made in LibreOffice with track changes on, words
        inserted in 1.2 and deleted from 1.1, and a row written in the
        comments table; then a comment in clause 1.2 (added to the file
        LibreOffice saved: a headless LibreOffice cannot add one)."""
        draft = self.path('draft.odt')
        self.ok('--export=odt', '--layout=columns', '--output=' + draft)
        reviewed = self.path('reviewed.odt')
        result = subprocess.run([UNO_PYTHON, LO_REVIEW, draft, reviewed, self.path('lo-profile'),
                                 'promote good practice', ' and safe', ' and to the reputation of everyone involved',
                                 '5.2', 'Gwen Evans (UCAC)', 'Please say which platforms count as social media.'],
                                capture_output=True, text=True, timeout=300)
        if result.returncode == 77:
            self.skipTest('LibreOffice\'s Python (python3-uno) is not installed')
        self.assertEqual(result.returncode, 0, result.stderr)
        members = package_members(reviewed)
        content = dict((info.filename, data) for info, data in members)['content.xml'].decode('utf-8')
        self.assertIn('<text:changed-region', content)
        at = content.index('The aims of this policy are')
        content = (content[:at] + '<office:annotation><dc:creator>Tom Price (NEU)</dc:creator>'
                   '<dc:date>2026-06-20T09:00:00</dc:date><text:p>Add the wellbeing of staff.</text:p>'
                   '</office:annotation>' + content[at:])
        returned = self.path('returned.odt')
        repack(members, returned, {'content.xml': content.encode('utf-8')})
        return returned

    def test_cycle(self):
        # the first draft, then its consultation
        self.assertIn('version 0.1 (Draft)', self.status_line())
        self.ok('--set', 'status=consultation', '--set', 'closing-date=2026-06-30')
        self.assertIn('version 0.1 (Consultation draft)', self.status_line())

        # the returned draft: its comment, on its clause, answered
        result = self.ok('--import-comments=' + self.returned_draft())
        self.assertIn('Imported 2 comments', result.stdout)
        self.assertIn('1 comment in the text', result.stdout)
        self.assertIn('1 row of the comments table', result.stdout)
        self.assertIn('insertions: 1, deletions: 1', result.stdout)
        result = self.ok('--comments')
        self.assertIn('Add the wellbeing of staff.', result.stdout)
        self.assertRegex(result.stdout, r'5\.2 \([a-z.-]+\)\s+Gwen Evans \(UCAC\)\n\s+Please say which platforms')
        comment_id = re.search(r'\b(c\d+)\b', result.stdout).group(1)
        self.ok('--respond', comment_id + '=Cytunwyd: mae cymal 1.2 yn sôn am lesiant staff. / Agreed.')
        inserted = re.search(r'\b(p\d+)\s+1\.2 \(purpose\.aims, en\).*\n\s+insert: .*promote good practice\[\+ and safe\+\]',
                             result.stdout)
        deleted = re.search(r'\b(p\d+)\s+1\.1 \(purpose\.benefits, en\).*\n\s+delete: .*'
                            r'\[- and to the reputation of everyone involved-\]', result.stdout)
        self.assertIsNotNone(inserted, result.stdout)
        self.assertIsNotNone(deleted, result.stdout)
        self.ok('--accept-proposal=' + inserted.group(1), '--reject-proposal=' + deleted.group(1))
        english = self.path('proposals.odt')
        self.ok('--export=odt', '--layout=en', '--output=' + english)
        content = member(english, 'content.xml')
        self.assertIn('promote good practice and safe in the use of social media', content)
        self.assertIn('and to the reputation of everyone involved', content)

        # adoption refused: the Welsh of 1.2 out of date, an Act by an old name
        before = self.read_policy()
        adopt = ('--adopt', '--approved-by=Corff Llywodraethu Ysgol Gyfun Gymraeg Cwm Derwen', '--date=2026-07-10',
                 '--summary-cy=Y fersiwn gyntaf.', '--summary-en=First version.')
        result = run(*adopt, self.policy)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn('Version 1.0 cannot be adopted yet', result.stderr)
        self.assertIn('Aims of the policy: the Welsh text may be out of date', result.stderr)
        self.assertIn('[purpose.aims.cy]', result.stderr)
        self.assertIn('“Data Protection Act 1998”, which is out of date', result.stderr)
        self.assertIn('“Deddf Diogelu Data 1998”', result.stderr)
        self.assertEqual(self.read_policy(), before, 'a refused adoption changed the file')

        # the Welsh brought up to date: still refused, for the Act alone
        self.ok('--mark-translated=purpose.aims.cy')
        result = run(*adopt, self.policy)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertNotIn('purpose.aims', result.stderr)
        self.assertIn('Data Protection Act 1998', result.stderr)
        self.ok('--fix-legislation')

        # adopted 1.0; its text is kept in the file
        result = self.ok(*adopt)
        self.assertIn('Adopted version 1.0 on 2026-07-10', result.stdout)
        self.assertIn('version 1.0 (Adopted)', self.status_line())
        adopted_copy = self.path('cwm-derwen-1.0.polisi')
        shutil.copy(self.policy, adopted_copy)
        self.assertIn(b'format="2"', self.read_policy())
        self.assertIn(b'<text>', self.read_policy())

        # a year on: this year's model clauses (a clause the library
        # withdrew is kept), and a clause taken in that cites an Act by its
        # old name, fixed
        result = self.ok('--accept-updates=scope.devices-and-times,guidance.support',
                         '--decline-updates=accounts.personal-blogs')
        self.assertIn('The text of adopted version 1.0 has changed: the file is now the draft of version 1.1',
                      result.stdout)
        self.assertIn('version 1.1 (Draft)', self.status_line())
        self.ok('--set', 'include=legislation.computer-misuse')
        result = run('--check', self.policy)
        self.assertIn('Regulation of Investigatory Powers Act 2000', result.stdout)
        self.ok('--fix-legislation')
        result = run('--check', self.policy)
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertIn('version 1.1 (Draft)', result.stdout)

        # draft 1.1 in every export: the PDF's text, the ODT's text and watermark
        pdf = self.path('draft.pdf')
        self.ok('--export=pdf', '--layout=columns', '--output=' + pdf)
        text = pdf_text(pdf, layout=True)
        self.assertIn('Fersiwn 1.1 · Drafft', text)
        self.assertIn('Version 1.1 · Draft', text)
        self.assertNotIn('Wedi’i fabwysiadu', text)
        self.assertNotIn('Version 1.0 · Adopted', text)
        odt = self.path('draft.odt')
        self.ok('--export=odt', '--layout=columns', '--output=' + odt)
        content = member(odt, 'content.xml')
        styles = member(odt, 'styles.xml')
        self.assertIn('Fersiwn 1.1 · Drafft', content)
        self.assertIn('Version 1.1 · Draft', content)
        self.assertIn('DRAFFT', styles)

        # compared with 1.0, from the one file: the summary of changes
        summary = self.path('changes.pdf')
        self.ok('--compare=1.0', '--export=pdf', '--output=' + summary)
        text = pdf_text(summary, layout=True)
        self.assertIn('Investigatory Powers Act 2016', text)
        result = run('--compare=0.9', '--export=pdf', self.policy)
        self.assertEqual(result.returncode, 3)
        self.assertIn('This policy has no version 0.9. The versions adopted are: 1.0.', result.stderr)

        # tracked changes, in Welsh: accepted, exactly the new text; rejected,
        # exactly the old, numbering and no-break spaces included
        tracked = self.path('tracked.odt')
        self.ok('--compare=1.0', '--export=odt', '--layout=cy', '--tracked-changes', '--output=' + tracked)
        self.assertIn('<text:tracked-changes', member(tracked, 'content.xml'))
        new_odt = self.path('new.odt')
        old_odt = self.path('old.odt')
        self.ok('--export=odt', '--layout=cy', '--output=' + new_odt)
        result = run('--export=odt', '--layout=cy', '--output=' + old_odt, adopted_copy)
        self.assertEqual(result.returncode, 0, result.stderr)
        accepted = self.lo_text(tracked, 'accept', 'accepted.txt')
        rejected = self.lo_text(tracked, 'reject', 'rejected.txt')
        new_text = self.lo_text(new_odt, 'none', 'new.txt')
        old_text = self.lo_text(old_odt, 'none', 'old.txt')
        self.assertEqual(accepted, new_text)
        # the tracked document is the new version: only its title page says so
        differ = [(a, b) for a, b in zip(rejected, old_text) if a != b]
        self.assertEqual(len(rejected), len(old_text))
        self.assertEqual(len(differ), 1, differ)
        self.assertTrue(differ[0][0].startswith('Fersiwn\xa01.1 · Drafft · '), differ)
        self.assertEqual(differ[0][1], 'Fersiwn\xa01.0 · Wedi’i fabwysiadu · 10\xa0Gorffennaf\xa02026')
        # the clause taken in, its old name fixed, and the clause after it renumbered
        self.assertIn('16.11\tMae Deddf Camddefnyddio Cyfrifiaduron\xa01990 yn ei gwneud yn drosedd cael mynediad at '
                      'gyfrif neu system heb ganiatâd. Rhaid i staff beidio â mewngofnodi i gyfrif rhywun arall, gan '
                      'gynnwys cyfrif a adawyd ar agor ar ddyfais a rennir.', accepted)
        self.assertIn('Gall monitro hefyd fod yn destun Deddf Pwerau Ymchwilio\xa02016.', accepted)
        self.assertTrue(any(line.startswith('16.12\tMae Deddf Hawlfraint') for line in accepted))
        self.assertTrue(any(line.startswith('16.11\tMae Deddf Hawlfraint') for line in rejected))
        self.assertFalse(any('Camddefnyddio Cyfrifiaduron' in line for line in rejected))
        self.assertTrue(any('\xa0' in line for line in accepted), 'no no-break space in the accepted text')

        # the same in parallel columns, where the clause taken in is a row
        # of its own: accepted, no row is left empty; rejected, the row goes
        tracked = self.path('tracked-columns.odt')
        self.ok('--compare=1.0', '--export=odt', '--layout=columns', '--tracked-changes', '--output=' + tracked)
        self.assertIn('loext:text-changes-only="false"', member(tracked, 'content.xml'))
        new_odt = self.path('new-columns.odt')
        old_odt = self.path('old-columns.odt')
        self.ok('--export=odt', '--layout=columns', '--output=' + new_odt)
        result = run('--export=odt', '--layout=columns', '--output=' + old_odt, adopted_copy)
        self.assertEqual(result.returncode, 0, result.stderr)

        # the tracked document holds both versions' words, so its contents
        # lists give its own pages: everything else must be the same
        def without_pages(lines):
            # a contents entry is its heading, a tab and a page number
            # (a clause is its number, a tab and its text)
            def entry(line):
                found = re.match(r'^([^\t]+)\t\d+$', line)
                return found.group(1) if found and not re.match(r'^[0-9A-Z]+\.\d+$', found.group(1)) else line
            return [entry(line) for line in lines]
        accepted = without_pages(self.lo_text(tracked, 'accept', 'accepted-columns.txt'))
        rejected = without_pages(self.lo_text(tracked, 'reject', 'rejected-columns.txt'))
        new_text = without_pages(self.lo_text(new_odt, 'none', 'new-columns.txt'))
        old_text = without_pages(self.lo_text(old_odt, 'none', 'old-columns.txt'))
        # every paragraph the same; their order may not be: each version
        # has a row for each paragraph pair, but a clause whose paragraph
        # breaks changed is one row in the tracked document (no row of a
        # table joins the next when a break is accepted or rejected)
        self.assertEqual(collections.Counter(accepted), collections.Counter(new_text))
        self.assertEqual(len(rejected), len(old_text))
        differ = list((collections.Counter(rejected) - collections.Counter(old_text)).elements())
        self.assertEqual(len(differ), 2, differ)
        self.assertTrue(all(a.startswith(('Fersiwn\xa01.1 · Drafft · ', 'Version\xa01.1 · Draft · ')) for a in differ),
                        differ)
        self.assertTrue(any(line.startswith('16.11\tMae Deddf Camddefnyddio Cyfrifiaduron') for line in accepted))
        self.assertFalse(any('Camddefnyddio Cyfrifiaduron' in line for line in rejected))

        # adopted 1.1; each version compares with the other from the file
        result = self.ok('--adopt', '--approved-by=Pwyllgor Staffio\'r Corff Llywodraethu', '--date=2027-07-09',
                         '--summary-cy=Adolygiad blynyddol: cymalau enghreifftiol eleni; enwau cyfredol y Deddfau.',
                         '--summary-en=Annual review: this year\'s model clauses; current names of Acts.')
        self.assertIn('Adopted version 1.1 on 2027-07-09', result.stdout)
        self.assertIn('version 1.1 (Adopted)', self.status_line())
        self.ok('--compare=1.0', '--compare-to=1.1', '--export=pdf', '--output=' + self.path('1.0-1.1.pdf'))
        text = pdf_text(self.path('1.0-1.1.pdf'), layout=True)
        self.assertIn('Investigatory Powers Act 2016', text)

    def test_status_undone(self):
        """A change to an adopted policy, undone, leaves it adopted."""
        self.ok('--mark-translated=purpose.aims.cy', '--fix-legislation')
        self.ok('--adopt', '--approved-by=Y corff llywodraethu', '--date=2026-07-10',
                '--summary-cy=Y fersiwn gyntaf.', '--summary-en=First version.')
        result = self.ok('--set', 'head_teacher=Mrs Siân Ŵyn Hughes')
        self.assertIn('draft of version 1.1', result.stdout)
        self.assertIn('version 1.1 (Draft)', self.status_line())
        result = self.ok('--set', 'head_teacher=Mr Dafydd ap Gwilym')
        self.assertIn('The change is undone', result.stdout)
        self.assertIn('version 1.0 (Adopted)', self.status_line())

    def test_newer_format_refused(self):
        with open(self.policy, encoding='utf-8') as handle:
            text = handle.read().replace('format="1"', 'format="3"', 1)
        with open(self.policy, 'w', encoding='utf-8') as handle:
            handle.write(text)
        result = run('--check', self.policy)
        self.assertEqual(result.returncode, 2)
        self.assertIn('cwm-derwen.polisi', result.stderr)
        self.assertIn('newer version of Polisi', result.stderr)


if __name__ == '__main__':
    POLISI = polisi_test.POLISI = sys.argv.pop(1)
    unittest.main(verbosity=2)
