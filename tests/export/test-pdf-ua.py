#!/usr/bin/env python3
# Every PDF Polisi makes, against the failure conditions of the Matterhorn
# Protocol (PDF/UA-1) that a machine can check, read back with pikepdf,
# qpdf and poppler: each layout, draft and final, the summary of changes
# and the consultation draft with its comments table.
#
#   test-pdf-ua.py PATH-TO-POLISI

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

try:
    import pikepdf
except ImportError:
    # Debian's python3-pikepdf is in the system's Python; another python3
    # first on PATH does not see it
    if os.path.realpath(sys.executable) != os.path.realpath('/usr/bin/python3') and os.path.exists('/usr/bin/python3'):
        os.execv('/usr/bin/python3', ['/usr/bin/python3', *sys.argv])
    pikepdf = None

POLISI = None
SOURCE = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(SOURCE, 'lib'))
import polisi_test  # noqa: E402
from polisi_test import run  # noqa: E402
EXAMPLES = os.path.join(SOURCE, '..', 'data', 'examples')

PAINTING = {'Tj', 'TJ', "'", '"', 'Do', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'S', 's', 'sh', 'EI'}
STANDARD_TYPES = {
    'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index',
    'NonStruct', 'Private', 'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody',
    'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot', 'Span', 'Quote', 'Note', 'Reference',
    'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP', 'Figure',
    'Formula', 'Form',
}
WORDS = {
    'cy': ('wedi’i ddileu', 'wedi’i ychwanegu'),
    'en': ('deleted', 'inserted'),
}


def pdftotext(path, *args):
    return subprocess.run(['pdftotext', *args, path, '-'], capture_output=True, text=True, check=True).stdout


def name(value):
    return str(value)[1:] if value is not None else None


class Element:
    """A structure element with its parent's language."""

    def __init__(self, obj, lang, parent):
        self.obj = obj
        self.type = name(obj.get('/S'))
        self.lang = str(obj.get('/Lang')) if '/Lang' in obj else lang
        self.parent = parent


def kids_of(obj):
    kids = obj.get('/K')
    if kids is None:
        return []
    if isinstance(kids, pikepdf.Array):
        return list(kids)
    return [kids]


class PdfUA(unittest.TestCase):
    pdfs = {}

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix='polisi-pdfua-')
        wales = os.path.join(EXAMPLES, 'secondary-wales.polisi')
        adopted = os.path.join(EXAMPLES, 'secondary-wales-adopted.polisi')
        england = os.path.join(EXAMPLES, 'primary-england.polisi')

        def export(label, *args):
            out = os.path.join(cls.dir, label + '.pdf')
            result = run('--export=pdf', '--output=' + out, *args)
            assert result.returncode == 0, result.stderr
            cls.pdfs[label] = out

        for layout in ('cy', 'en', 'columns', 'sequential'):
            export('draft-' + layout, '--layout=' + layout, wales)
            export('final-' + layout, '--layout=' + layout, '--final', adopted)
        export('england', england)
        # two separate files
        out = os.path.join(cls.dir, 'separate.pdf')
        result = run('--export=pdf', '--layout=separate', '--output=' + out, wales)
        assert result.returncode == 0, result.stderr
        cls.pdfs['separate-cy'] = os.path.join(cls.dir, 'separate-cy.pdf')
        cls.pdfs['separate-en'] = os.path.join(cls.dir, 'separate-en.pdf')
        # a consultation draft whose comments table holds comments in both
        # languages
        consult = os.path.join(cls.dir, 'consult.polisi')
        shutil.copy(adopted, consult)
        result = run('--set', 'status=consultation', '--set', 'closing-date=2027-03-31', consult)
        assert result.returncode == 0, result.stderr
        # the example's comments, as if made on this draft
        with open(consult, encoding='utf-8') as handle:
            text = handle.read()
        text = re.sub(r'(<comment [^>]*version=")1\.1"', r'\g<1>1.2"', text)
        with open(consult, 'w', encoding='utf-8') as handle:
            handle.write(text)
        for layout in ('cy', 'en', 'columns'):
            export('consult-' + layout, '--layout=' + layout, consult)
        # the summary of changes: last year's adopted policy against the draft
        for layout in ('columns', 'cy', 'en'):
            out = os.path.join(cls.dir, 'changes-%s.pdf' % layout)
            result = run('--compare=' + adopted, '--export=pdf', '--layout=' + layout, '--output=' + out, wales)
            assert result.returncode == 0, result.stderr
            cls.pdfs['changes-' + layout] = out

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def structure(self, pdf):
        """The structure elements in tree order."""
        root = pdf.Root.StructTreeRoot
        catalog_lang = str(pdf.Root.get('/Lang', ''))
        elements = []

        def walk(obj, lang, parent):
            element = Element(obj, lang, parent)
            elements.append(element)
            for kid in kids_of(obj):
                if isinstance(kid, pikepdf.Dictionary) and kid.get('/Type') == '/StructElem':
                    walk(kid, element.lang, element)
                elif isinstance(kid, pikepdf.Dictionary) and '/S' in kid and '/Type' not in kid:
                    walk(kid, element.lang, element)

        for kid in kids_of(root):
            walk(kid, catalog_lang, None)
        return elements

    def check_catalog(self, label, pdf):
        root = pdf.Root
        # 06-001..06-003: XMP with pdfuaid:part and dc:title
        self.assertIn('/Metadata', root, label)
        with pdf.open_metadata() as meta:
            self.assertEqual(str(meta.get('{http://www.aiim.org/pdfua/ns/id/}part')), '1', label)
            self.assertTrue(meta.get('dc:title'), label)
        # 07-001
        self.assertTrue(bool(root.ViewerPreferences.DisplayDocTitle), label)
        # 01-001 (MarkInfo), 11-001 (Lang)
        self.assertTrue(bool(root.MarkInfo.Marked), label)
        self.assertRegex(str(root.Lang), r'^(cy|en)(-GB)?$', label)
        self.assertTrue(str(pdf.docinfo.get('/Title', '')), label)

    def check_structure(self, label, pdf):
        root = pdf.Root.StructTreeRoot
        kids = kids_of(root)
        # 09-00x: one Document root
        self.assertEqual(len(kids), 1, label)
        self.assertEqual(kids[0].S, '/Document', label)
        elements = self.structure(pdf)
        role_map = root.get('/RoleMap', {})
        headings = []
        for element in elements:
            kind = element.type
            if kind not in STANDARD_TYPES:
                self.assertIn('/' + kind, role_map, '%s: %s is not a standard type' % (label, kind))
            if re.fullmatch(r'H[1-6]', kind):
                headings.append(int(kind[1]))
            # 15-003: header cells say what they head
            if kind == 'TH':
                attributes = element.obj.get('/A')
                self.assertIsNotNone(attributes, label)
                self.assertIn(attributes.get('/Scope'), ('/Column', '/Row', '/Both'), label)
            # 09: no empty Link; 28-011: its annotation inside it
            if kind == 'Link':
                kinds = kids_of(element.obj)
                self.assertTrue(any(isinstance(k, int) or (isinstance(k, pikepdf.Dictionary) and k.get('/Type') == '/MCR')
                                    for k in kinds), '%s: a Link with no content' % label)
                objrs = [k for k in kinds if isinstance(k, pikepdf.Dictionary) and k.get('/Type') == '/OBJR']
                self.assertEqual(len(objrs), 1, label)
                self.assertTrue(str(element.obj.get('/Alt', '')), label)
        # 19-001/19-003: headings start at H1 and skip no level
        self.assertTrue(headings, label)
        self.assertEqual(headings[0], 1, label)
        for before, after in zip(headings, headings[1:]):
            self.assertLessEqual(after, before + 1, label)
        return elements

    def check_pages(self, label, pdf):
        tagged = {}   # (page objgen, mcid)
        # the MCIDs the structure tree holds, per page
        for element in self.structure(pdf):
            page = element.obj.get('/Pg')
            for kid in kids_of(element.obj):
                if isinstance(kid, int):
                    tagged[(page.objgen, int(kid))] = element
                elif isinstance(kid, pikepdf.Dictionary) and kid.get('/Type') == '/MCR':
                    tagged[(kid.get('/Pg', page).objgen, int(kid.MCID))] = element

        for number, page in enumerate(pdf.pages):
            stack = []
            seen = set()
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op in ('BDC', 'BMC'):
                    tag = name(operands[0])
                    mcid = None
                    if op == 'BDC' and isinstance(operands[1], pikepdf.Dictionary) and '/MCID' in operands[1]:
                        mcid = int(operands[1].MCID)
                    if op == 'BDC' and isinstance(operands[1], pikepdf.Dictionary) and '/ActualText' in operands[1]:
                        # line-end spaces are real spaces, not empty ActualText
                        self.assertNotEqual(str(operands[1].ActualText).strip(), '', '%s page %d' % (label, number + 1))
                    if mcid is not None:
                        self.assertIn((page.obj.objgen, mcid), tagged,
                                      '%s page %d: MCID %d is in no structure element' % (label, number + 1, mcid))
                        seen.add(mcid)
                    stack.append((tag, mcid))
                elif op == 'EMC':
                    self.assertTrue(stack, label)
                    stack.pop()
                elif op in PAINTING:
                    # 01-003/01-004: everything is tagged content or an artifact
                    self.assertTrue(any(t == 'Artifact' or m is not None for t, m in stack),
                                    '%s page %d: %s outside tagged content and artifacts' % (label, number + 1, op))
                    self.assertFalse(any(t == 'Artifact' for t, _ in stack) and any(m is not None for _, m in stack),
                                     '%s page %d: an artifact inside tagged content' % (label, number + 1))
            self.assertEqual(stack, [], label)

            annots = page.obj.get('/Annots')
            if annots:
                # 28-xxx: tab order, alternative text, in the structure
                self.assertEqual(page.obj.get('/Tabs'), '/S', '%s page %d' % (label, number + 1))
                for annot in annots:
                    if annot.get('/Subtype') == '/Link':
                        self.assertTrue(str(annot.get('/Contents', '')), label)
                        self.assertIn('/StructParent', annot, label)

        # 31-xxx: fonts embedded, CID fonts with CIDToGIDMap, text mapped to Unicode
        fonts = {}
        for page in pdf.pages:
            resources = page.obj.get('/Resources', pikepdf.Dictionary())
            font_dict = resources.get('/Font', pikepdf.Dictionary())
            for key in font_dict.keys():
                fonts[font_dict[key].objgen] = font_dict[key]
        self.assertTrue(fonts, label)
        for font in fonts.values():
            subtype = font.get('/Subtype')
            if subtype == '/Type3':
                continue
            self.assertIn('/ToUnicode', font, label)
            descendants = [font] if subtype != '/Type0' else list(font.DescendantFonts)
            for d in descendants:
                descriptor = d.FontDescriptor
                self.assertTrue(any(k in descriptor for k in ('/FontFile', '/FontFile2', '/FontFile3')),
                                '%s: %s not embedded' % (label, d.get('/BaseFont')))
                if d.get('/Subtype') == '/CIDFontType2':
                    self.assertIn('/CIDToGIDMap', d, label)

    def check_readers(self, label, path):
        check = subprocess.run(['qpdf', '--check', path], capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        self.assertEqual(check.stderr, '', label)
        info = subprocess.run(['pdfinfo', path], capture_output=True, text=True)
        self.assertEqual(info.returncode, 0, label)
        self.assertEqual(info.stderr, '', '%s: %s' % (label, info.stderr))
        structure = subprocess.run(['pdfinfo', '-struct', path], capture_output=True, text=True)
        self.assertEqual(structure.stderr, '', '%s: %s' % (label, structure.stderr[:500]))
        self.assertTrue(structure.stdout.lstrip().startswith('Document'), label)

    def test_matterhorn(self):
        for label, path in sorted(self.pdfs.items()):
            with self.subTest(pdf=label), pikepdf.open(path) as pdf:
                self.check_catalog(label, pdf)
                self.check_structure(label, pdf)
                self.check_pages(label, pdf)
                self.check_readers(label, path)

    def test_changes_are_told(self):
        for layout in ('columns', 'cy', 'en'):
            label = 'changes-' + layout
            with pikepdf.open(self.pdfs[label]) as pdf:
                found = {'deleted': 0, 'inserted': 0}
                for element in self.structure(pdf):
                    if element.type != 'Span' or '/Alt' not in element.obj:
                        continue
                    alt = str(element.obj.Alt)
                    deleted, inserted = WORDS[element.lang.split('-')[0]]
                    if alt.startswith(deleted + ': '):
                        found['deleted'] += 1
                    elif alt.startswith(inserted + ': '):
                        found['inserted'] += 1
                    else:
                        self.fail('%s: a change told in the wrong language (%s): %s' % (label, element.lang, alt))
                    self.assertGreater(len(alt.split(': ', 1)[1]), 0, label)
                self.assertGreater(found['deleted'], 0, label)
                self.assertGreater(found['inserted'], 0, label)

    def test_comment_language(self):
        # a comment is tagged in its own language, not the table's
        for layout, own in (('cy', 'en'), ('en', 'cy')):
            with pikepdf.open(self.pdfs['consult-' + layout]) as pdf:
                cells = [e for e in self.structure(pdf) if e.type == 'TD']
                self.assertTrue(cells, layout)
                table_lang = {e.lang.split('-')[0] for e in self.structure(pdf) if e.type == 'Table'}
                self.assertEqual(table_lang, {layout})
                others = [e for e in cells if e.lang.split('-')[0] == own]
                self.assertGreaterEqual(len(others), 1, layout)

        # the same in the ODT: the English comments in the Welsh table
        out = os.path.join(self.dir, 'consult-cy.odt')
        result = run('--export=odt', '--layout=cy', '--output=' + out, os.path.join(self.dir, 'consult.polisi'))
        self.assertEqual(result.returncode, 0, result.stderr)
        with zipfile.ZipFile(out) as package:
            content = package.read('content.xml').decode('utf-8')
        self.assertRegex(content, r'<style:style style:name="Polisi_Lang_en" style:family="text">'
                                  r'<style:text-properties fo:language="en" fo:country="GB"/>')
        self.assertIn('<text:span text:style-name="Polisi_Lang_en">Please say who handles a complaint', content)

    def test_draft_text(self):
        for layout in ('cy', 'en', 'columns', 'sequential'):
            label = 'draft-' + layout
            text = pdftotext(self.pdfs[label])
            # no watermark fragment
            for fragment in ('DRAFFT', 'YMGYNGHORI', 'CONSULTATION DRAFT'):
                self.assertNotIn(fragment, text, label)
            for line in text.splitlines():
                self.assertNotRegex(line.strip(), r'^(DR|AF|FT|YM|GY|NG|HO|RI|CO|NS|UL|TA|TI|ON)$', label)
            # a clause's number is apart from its text
            self.assertNotRegex(text, r'\b\d+\.\d+[A-Za-zÀ-ž]', label)
            # a draft has no dates of its own: no placeholder stands for them
            self.assertNotRegex(text, r'\[(Review date|Date of adoption|Dyddiad[^\]]*)\]', label)
            # the comments go in the table or by e-mail: no word of menus in a PDF
            self.assertNotIn('Insert › Comment', text, label)
            self.assertNotIn('Mewnosod › Sylw', text, label)

        # adopted, the adoption sentence names who approved the version, as
        # the version history does
        text = ' '.join(pdftotext(self.pdfs['final-en']).split())
        self.assertIn("This policy was adopted by Pwyllgor Staffio'r Corff Llywodraethu on 10 July 2026.", text)
        history = text[text.rindex('Version history'):]
        self.assertIn("1.1 10 July 2026", history)
        self.assertIn("Pwyllgor Staffio'r Corff Llywodraethu", history)

        # the clauses in their order, in the text poppler reads
        for layout in ('cy', 'en'):
            text = pdftotext(self.pdfs['draft-' + layout])
            numbers = [tuple(int(n) for n in m.group(1).split('.'))
                       for m in re.finditer(r'^(\d+\.\d+)\s', text, re.MULTILINE)]
            self.assertGreater(len(numbers), 20, layout)
            self.assertEqual(numbers, sorted(numbers), layout)

    def test_words_apart(self):
        # a tool that ignores ActualText still reads the words of one line
        # apart from those of the next: the raw text has no word made of two
        for label in ('draft-cy', 'final-en', 'draft-columns'):
            raw = pdftotext(self.pdfs[label], '-raw')
            for word in ("yncroesawu", "gyfercyfryngau"):
                self.assertNotIn(word, raw, label)
            with pikepdf.open(self.pdfs[label]) as pdf:
                for page in pdf.pages:
                    for operands, operator in pikepdf.parse_content_stream(page):
                        if str(operator) == 'BDC' and isinstance(operands[1], pikepdf.Dictionary) and '/ActualText' in operands[1]:
                            self.assertNotEqual(str(operands[1].ActualText).strip(), '', label)

    def test_no_break_inside(self):
        # one rule in every format: no line break inside a date, between a
        # reference word and its number, or before an Act's year
        months = ('Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr|'
                  'January|February|March|April|May|June|July|August|September|October|November|December')
        checked = 0
        for label in ('draft-cy', 'draft-en', 'final-cy', 'final-en', 'england', 'draft-sequential'):
            lines = [line.strip() for line in pdftotext(self.pdfs[label], '-raw').splitlines() if line.strip()]
            for before, after in zip(lines, lines[1:]):
                checked += 1
                where = '%s: "%s" / "%s"' % (label, before[-30:], after[:30])
                self.assertFalse(re.search(r'(^|\s)\d{1,2}$', before) and re.match(months, after), where)
                self.assertFalse(re.search(r'(^|\s)(%s)$' % months, before) and re.match(r'(19|20)\d\d\b', after), where)
                self.assertFalse(re.search(r'(?i)(^|\s)(fersiwn|version|cymal|gymal|clause|adran|section|atodiad|appendix)$', before)
                                 and re.match(r'[0-9A-Z](\.|\b)', after), where)
                self.assertFalse(re.search(r'(^|\s)(Act|Deddf|Data|\(Cymru\)|\(Wales\))$', before)
                                 and re.match(r'(19|20)\d\d\b', after), where)
        self.assertGreater(checked, 1000)

        # the ODT: no-break spaces where the PDF keeps words together
        out = os.path.join(self.dir, 'draft.odt')
        result = run('--export=odt', '--layout=cy', '--output=' + out, os.path.join(EXAMPLES, 'secondary-wales.polisi'))
        self.assertEqual(result.returncode, 0, result.stderr)
        with zipfile.ZipFile(out) as package:
            content = package.read('content.xml').decode('utf-8')
        self.assertIn('Fersiwn\u00a01.0', content)
        self.assertIn('Deddf Diogelu Data\u00a02018', content)
        self.assertRegex(content, r'\d{1,2}\u00a0(%s)\u00a0(19|20)\d\d' % months)
        self.assertNotRegex(content, r'\d{1,2} (%s) (19|20)\d\d' % months)


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit('usage: test-pdf-ua.py PATH-TO-POLISI')
    POLISI = polisi_test.POLISI = sys.argv.pop(1)
    if pikepdf is None or shutil.which('pdftotext') is None or shutil.which('qpdf') is None:
        print('1..0 # SKIP needs python3-pikepdf, poppler-utils and qpdf')
        sys.exit(77)
    unittest.main(verbosity=2)
