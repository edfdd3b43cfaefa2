#!/usr/bin/env python3
"""Builds backend/src/main/resources/fonts/NotoSansKR-Statement.ttf, the face statement PDFs embed.

From Debian's fonts-noto-cjk (NotoSansCJK-Regular.ttc, SIL OFL 1.1): the KR face, cut down to the characters
a statement can hold (Latin, Hangul syllables and jamo, CJK and fullwidth punctuation, ₩), with its CFF outlines
turned into TrueType ones, which PDFBox can subset-embed. Needs fontTools (pip install fonttools).
Usage: make-statement-font.py [path/to/NotoSansCJK-Regular.ttc] [out.ttf]
"""
import sys

from fontTools.ttLib import TTCollection, newTable
from fontTools.subset import Options, Subsetter
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

SOURCE = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
OUT = sys.argv[2] if len(sys.argv) > 2 else 'backend/src/main/resources/fonts/NotoSansKR-Statement.ttf'
RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x2027), (0x2030, 0x203A), (0x20A9, 0x20A9), (0x20AC, 0x20AC),
          (0x2122, 0x2122), (0x2190, 0x2193), (0x2212, 0x2212), (0x3000, 0x303F), (0x3131, 0x318E),
          (0xAC00, 0xD7A3), (0xFF01, 0xFF5E), (0xFFE0, 0xFFE6)]
MAX_ERR = 1.0  # font units (of 1000): the cubic-to-quadratic error allowed


def kr_face(path):
    for font in TTCollection(path).fonts:
        if font['name'].getDebugName(1) == 'Noto Sans CJK KR':
            return font
    raise SystemExit('no Noto Sans CJK KR face in ' + path)


def to_truetype(font):
    """CFF outlines → glyf (quadratic), as fontTools' otf2ttf snippet does."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable('glyf')
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf[name] = pen.glyph()
    font['glyf'] = glyf
    font['loca'] = newTable('loca')
    font['maxp'].tableVersion = 0x00010000
    for attr in ('maxZones', 'maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
                 'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
        setattr(font['maxp'], attr, 0)
    font['maxp'].maxZones = 1
    font['post'].formatType = 2.0
    font['post'].extraNames = []
    font['post'].mapping = {}
    font['post'].glyphOrder = glyph_order
    font['head'].glyphDataFormat = 0
    del font['CFF ']
    if 'VORG' in font:
        del font['VORG']
    font.sfntVersion = '\x00\x01\x00\x00'


def main():
    font = kr_face(SOURCE)
    options = Options()
    options.layout_features = []  # no shaping: PDFBox lays glyphs out one by one
    options.hinting = False
    options.name_IDs = ['*']
    options.notdef_outline = True
    options.desubroutinize = True
    subsetter = Subsetter(options)
    subsetter.populate(unicodes=[cp for lo, hi in RANGES for cp in range(lo, hi + 1)])
    subsetter.subset(font)
    to_truetype(font)
    font.recalcTimestamp = False  # the same input makes the same file
    font.save(OUT)
    print(OUT, len(font.getGlyphOrder()), 'glyphs')


if __name__ == '__main__':
    main()
