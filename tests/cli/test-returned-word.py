#!/usr/bin/env python3
# A consultation draft returned from Microsoft Word. No copy of Word runs
# here, so the test makes the file the way Word saves one, from Polisi's own
# DOCX: Word renumbers every bookmark and adds its own ("_GoBack"), gives
# each paragraph its revision and paragraph ids (w:rsidR, w14:paraId, in
# namespaces it declares ignorable), splits runs at proofing marks, keeps its
# comments in comments.xml with commentsExtended.xml, commentsIds.xml and
# people.xml beside it, writes tracked changes with w:ins, w:del and
# w:delText, keeps the custom document properties, and replaces app.xml.
# Each returned comment, table row and tracked change must come back on its
# clause, in the English layout and in parallel columns.
#
#   test-returned-word.py PATH-TO-POLISI

import os
import re
import shutil
import sys
import tempfile
import unittest
import zipfile

POLISI = None
SOURCE = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(SOURCE, 'lib'))
import polisi_test  # noqa: E402
from polisi_test import run  # noqa: E402
EXAMPLES = os.path.join(SOURCE, '..', 'data', 'examples')

W14 = 'http://schemas.microsoft.com/office/word/2010/wordml'
W15 = 'http://schemas.microsoft.com/office/word/2012/wordml'
W16CID = 'http://schemas.microsoft.com/office/word/2016/wordml/cid'
MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006'
WORD_NS = ('xmlns:w14="%s" xmlns:w15="%s" xmlns:w16cid="%s" xmlns:mc="%s" mc:Ignorable="w14 w15 w16cid"'
           % (W14, W15, W16CID, MC))
RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'


class Word:
    """What Word does to a document it opens, edits and saves."""

    def __init__(self, document):
        self.xml = document
        self.counter = 0x1A2B0000

    def ids(self):
        self.counter += 1
        return '%08X' % self.counter

    def declare(self):
        self.xml = self.xml.replace('<w:document ', '<w:document ' + WORD_NS + ' ', 1)

    def paragraph_ids(self):
        def add(match):
            return ('<w:p w14:paraId="%s" w14:textId="%s" w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"%s'
                    % (self.ids(), self.ids(), match.group(1)))
        self.xml = re.sub(r'<w:p(>| )', add, self.xml)

    def renumber_bookmarks(self):
        """Word numbers bookmarks again from 0, in order, and adds _GoBack
        where the cursor was."""
        numbers = {}

        def start(match):
            numbers[match.group(1)] = str(len(numbers) + 1)
            return '<w:bookmarkStart w:id="%s" w:name="%s"/>' % (numbers[match.group(1)], match.group(2))
        self.xml = re.sub(r'<w:bookmarkStart w:id="(\d+)" w:name="([^"]+)"/>', start, self.xml)
        self.xml = re.sub(r'<w:bookmarkEnd w:id="(\d+)"/>',
                          lambda match: '<w:bookmarkEnd w:id="%s"/>' % numbers[match.group(1)], self.xml)
        self.xml = self.xml.replace('<w:body>', '<w:body><w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/>'
                                    '<w:bookmarkEnd w:id="0"/></w:p>', 1)

    def run_with(self, words):
        """The whole run (<w:r>…</w:r>) whose text holds these words."""
        at = self.xml.index(words)
        start = self.xml.rindex('<w:r>', 0, at)
        end = self.xml.index('</w:r>', at) + len('</w:r>')
        return start, end

    def split_run(self, words, before):
        """Word splits a run where a proofing mark starts."""
        start, end = self.run_with(words)
        run_xml = self.xml[start:end]
        properties = re.search(r'<w:rPr>.*?</w:rPr>', run_xml).group(0)
        text = re.search(r'<w:t[^>]*>(.*?)</w:t>', run_xml, re.S).group(1)
        cut = text.index(before)
        pieces = ('<w:r w:rsidR="00D4E5F6">%s<w:t xml:space="preserve">%s</w:t></w:r>'
                  '<w:proofErr w:type="spellStart"/>'
                  '<w:r w:rsidR="00D4E5F6">%s<w:t xml:space="preserve">%s</w:t></w:r>'
                  '<w:proofErr w:type="spellEnd"/>'
                  % (properties, text[:cut], properties, text[cut:]))
        self.xml = self.xml[:start] + pieces + self.xml[end:]

    def comment_on(self, words, number, last_words=None):
        """A comment on the runs from the one holding `words` to the one
        holding `last_words`."""
        start, end = self.run_with(words)
        if last_words is not None:
            end = self.run_with(last_words)[1]
        self.xml = (self.xml[:start] + '<w:commentRangeStart w:id="%d"/>' % number + self.xml[start:end]
                    + '<w:commentRangeEnd w:id="%d"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                      '<w:commentReference w:id="%d"/></w:r>' % (number, number) + self.xml[end:])

    def tracked(self, words, inserted, deleted, author, date):
        """Track changes on: `inserted` typed after `words`, `deleted` (in
        the same run) deleted."""
        start, end = self.run_with(words)
        run_xml = self.xml[start:end]
        properties = re.search(r'<w:rPr>.*?</w:rPr>', run_xml).group(0)
        text = re.search(r'<w:t[^>]*>(.*?)</w:t>', run_xml, re.S).group(1)

        def plain(piece):
            return '<w:r w:rsidR="00A1B2C3">%s<w:t xml:space="preserve">%s</w:t></w:r>' % (properties, piece)
        pieces = []
        rest = text
        if inserted is not None:
            cut = rest.index(words) + len(words)
            pieces.append(plain(rest[:cut]))
            pieces.append('<w:ins w:id="901" w:author="%s" w:date="%s"><w:r w:rsidR="00B7C8D9">%s'
                          '<w:t xml:space="preserve">%s</w:t></w:r></w:ins>' % (author, date, properties, inserted))
            rest = rest[cut:]
        if deleted is not None:
            cut = rest.index(deleted)
            pieces.append(plain(rest[:cut]))
            pieces.append('<w:del w:id="902" w:author="%s" w:date="%s"><w:r w:rsidDel="00B7C8D9">%s'
                          '<w:delText xml:space="preserve">%s</w:delText></w:r></w:del>'
                          % (author, date, properties, deleted))
            rest = rest[cut + len(deleted):]
        if rest:
            pieces.append(plain(rest))
        self.xml = self.xml[:start] + ''.join(pieces) + self.xml[end:]

    def fill_table_row(self, heading, cells):
        """Types into the first row after the heading row of the table
        whose heading holds `heading`, a cell at a time."""
        at = self.xml.index('>' + heading + '<')
        row = self.xml.index('<w:tr>', at)
        row_end = self.xml.index('</w:tr>', row)
        pieces = self.xml[row:row_end].split('</w:pPr></w:p>')
        assert len(pieces) > len(cells), 'the row after the heading has too few cells'
        filled = pieces[0]
        for number, piece in enumerate(pieces[1:]):
            typed = ('<w:r w:rsidR="00E1F2A3"><w:t xml:space="preserve">%s</w:t></w:r>' % cells[number]
                     if number < len(cells) else '')
            filled += '</w:pPr>' + typed + '</w:p>' + piece
        self.xml = self.xml[:row] + filled + self.xml[row_end:]


def comments_part(comments):
    body = ''.join('<w:comment w:id="%d" w:author="%s" w:date="%s" w:initials="%s">'
                   '<w:p w14:paraId="%08X" w14:textId="77777777"><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
                   '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
                   '<w:r><w:t>%s</w:t></w:r></w:p></w:comment>'
                   % (number, author, date, initials, 0x3C000000 + number, text)
                   for number, author, date, initials, text in comments)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            '<w:comments xmlns:w="%s" %s>%s</w:comments>' % (MAIN, WORD_NS, body))


def word_saves(source, target, edit, comments):
    """Opens Polisi's DOCX as Word would, lets `edit` change its document,
    and saves it with Word's parts."""
    with zipfile.ZipFile(source) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    word = Word(parts['word/document.xml'].decode('utf-8'))
    word.declare()
    word.renumber_bookmarks()
    edit(word)
    word.paragraph_ids()
    parts['word/document.xml'] = word.xml.encode('utf-8')
    if comments:
        parts['word/comments.xml'] = comments_part(comments).encode('utf-8')
        parts['word/commentsExtended.xml'] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w15:commentsEx xmlns:w15="%s" '
            'xmlns:mc="%s" mc:Ignorable="w15">%s</w15:commentsEx>'
            % (W15, MC, ''.join('<w15:commentEx w15:paraId="%08X" w15:done="0"/>' % (0x3C000000 + c[0])
                                for c in comments))).encode('utf-8')
        parts['word/commentsIds.xml'] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w16cid:commentsIds xmlns:w16cid="%s" '
            'xmlns:mc="%s" mc:Ignorable="w16cid">%s</w16cid:commentsIds>'
            % (W16CID, MC, ''.join('<w16cid:commentId w16cid:paraId="%08X" w16cid:durableId="%08X"/>'
                                   % (0x3C000000 + c[0], 0x5D000000 + c[0]) for c in comments))).encode('utf-8')
        parts['word/people.xml'] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w15:people xmlns:w15="%s">%s</w15:people>'
            % (W15, ''.join('<w15:person w15:author="%s"><w15:presenceInfo w15:providerId="None" '
                            'w15:userId="%s"/></w15:person>' % (c[1], c[1]) for c in comments))).encode('utf-8')
        rels = parts['word/_rels/document.xml.rels'].decode('utf-8')
        extra = ''.join('<Relationship Id="rId%d" Type="%s" Target="%s"/>' % (90 + i, kind, target)
                        for i, (kind, target) in enumerate((
                            (RELS + 'comments', 'comments.xml'),
                            ('http://schemas.microsoft.com/office/2011/relationships/commentsExtended',
                             'commentsExtended.xml'),
                            ('http://schemas.microsoft.com/office/2016/09/relationships/commentsIds',
                             'commentsIds.xml'),
                            ('http://schemas.microsoft.com/office/2011/relationships/people', 'people.xml'))))
        parts['word/_rels/document.xml.rels'] = rels.replace('</Relationships>', extra + '</Relationships>').encode()
        types = parts['[Content_Types].xml'].decode('utf-8')
        overrides = ''.join('<Override PartName="/word/%s" ContentType="application/vnd.%s+xml"/>' % (name, kind)
                            for name, kind in (
                                ('comments.xml', 'openxmlformats-officedocument.wordprocessingml.comments'),
                                ('commentsExtended.xml', 'openxmlformats-officedocument.wordprocessingml.commentsExtended'),
                                ('commentsIds.xml', 'openxmlformats-officedocument.wordprocessingml.commentsIds'),
                                ('people.xml', 'openxmlformats-officedocument.wordprocessingml.people')))
        parts['[Content_Types].xml'] = types.replace('</Types>', overrides + '</Types>').encode('utf-8')
    settings = parts['word/settings.xml'].decode('utf-8')
    parts['word/settings.xml'] = settings.replace(
        '<w:defaultTabStop', '<w:trackRevisions/><w:defaultTabStop', 1).encode('utf-8')
    parts['docProps/app.xml'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats'
        '.org/officeDocument/2006/extended-properties"><Template>Normal.dotm</Template><TotalTime>12</TotalTime>'
        '<Application>Microsoft Office Word</Application><AppVersion>16.0000</AppVersion></Properties>').encode()
    with zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as package:
        # Word writes the content types first, then the package relations
        order = sorted(parts, key=lambda name: (name != '[Content_Types].xml', name != '_rels/.rels', name))
        for name in order:
            package.writestr(name, parts[name])


class ReturnedFromWord(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='polisi-word-')
        self.policy = os.path.join(self.dir, 'policy.polisi')
        shutil.copy(os.path.join(EXAMPLES, 'secondary-wales.polisi'), self.policy)
        result = run('--set', 'status=consultation', '--set', 'closing-date=2027-03-31', self.policy)
        self.assertEqual(result.returncode, 0, result.stderr)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.dir, name)

    def returned(self, layout):
        draft = self.path('draft-%s.docx' % layout)
        result = run('--export=docx', '--layout=' + layout, '--output=' + draft, self.policy)
        self.assertEqual(result.returncode, 0, result.stderr)

        def edit(word):
            word.split_run('The aims of this policy are to:', 'policy')
            word.comment_on('The aims of this ', 1, 'policy are to:')
            word.comment_on('This policy applies to everyone who works at', 2)
            word.tracked('promote good practice', ' and safe', None, 'Gwen Evans', '2027-02-01T10:00:00Z')
            word.tracked('it carries risks to safeguarding', None, ' and to the reputation of everyone involved',
                         'Gwen Evans', '2027-02-01T10:01:00Z')
            word.fill_table_row('Response', ('5.2', 'Gwen Evans (UCAC), 1 February 2027',
                                             'Say which platforms count as social media. Ŵ ŷ ẁ ẃ ẅ ỳ'))
        returned = self.path('returned-%s.docx' % layout)
        word_saves(draft, returned, edit, [
            (1, 'Gwen Evans', '2027-02-01T09:00:00Z', 'GE', 'Add the wellbeing of staff to the aims.'),
            (2, 'Tom Price', '2027-02-02T11:30:00Z', 'TP', 'Does this cover supply staff? Ŷ Ŵ'),
        ])
        return returned

    def check(self, layout):
        with open(self.policy, 'rb') as handle:
            before = handle.read()
        returned = self.returned(layout)
        result = run('--import-comments=' + returned, self.policy)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn('Imported 3 comments', result.stdout)
        self.assertIn('2 comments in the text', result.stdout)
        self.assertIn('1 row of the comments table', result.stdout)
        self.assertIn('insertions: 1, deletions: 1', result.stdout)
        self.assertNotIn('could not', result.stdout + result.stderr)
        with open(self.policy, 'rb') as handle:
            self.assertNotEqual(handle.read(), before)

        listed = run('--comments', self.policy).stdout
        if os.environ.get('POLISI_TEST_VERBOSE'):
            print(listed)
        self.assertRegex(listed, r'1\.2 \(purpose\.aims\)\s+Gwen Evans.*\n\s+Add the wellbeing of staff to the aims\.')
        self.assertRegex(listed, r'2\.1 \(scope\.people\)\s+Tom Price.*\n\s+Does this cover supply staff\? Ŷ Ŵ')
        self.assertRegex(listed, r'5\.2 \([a-z.-]+\)\s+Gwen Evans \(UCAC\), 1 February 2027\n'
                                 r'\s+Say which platforms count as social media\. Ŵ ŷ ẁ ẃ ẅ ỳ')
        self.assertRegex(listed, r'p\d+\s+1\.2 \(purpose\.aims, en\)\s+Gwen Evans.*\n'
                                 r'\s+insert: .*promote good practice\[\+ and safe\+\]')
        self.assertRegex(listed, r'p\d+\s+1\.1 \(purpose\.benefits, en\)\s+Gwen Evans.*\n'
                                 r'\s+delete: .*\[- and to the reputation of everyone involved-\]')

        # imported once: the same file again brings nothing new
        again = run('--import-comments=' + returned, self.policy)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(run('--comments', self.policy).stdout, listed)

    def test_english(self):
        self.check('en')

    def test_columns(self):
        self.check('columns')


if __name__ == '__main__':
    POLISI = polisi_test.POLISI = sys.argv.pop(1)
    unittest.main(verbosity=2)
