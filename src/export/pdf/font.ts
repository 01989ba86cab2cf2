// The invisible text layer's font, written the way Tesseract's PDF renderer writes it:
// a Type0 font over the glyphless CIDFontType2, two bytes per character (Identity-H).
// Character codes are handed out per document, one per distinct code point, and the
// ToUnicode map takes each back to its code point, so any script (astral planes too)
// extracts as written.
import { ascii, deflate } from './bytes';
import { glyphlessFont } from './glyphless-font';
import { ref, type PdfWriter } from './writer';

/** Advance of every glyph, in ems (pdf.ttf: 1024 of 2048 units). */
export const GLYPH_WIDTH = 0.5;
const MAX_CODE = 0xffff;

function utf16Hex(codePoint: number): string {
  return String.fromCodePoint(codePoint)
    .split('')
    .map((c) => c.charCodeAt(0).toString(16).padStart(4, '0'))
    .join('');
}

export class GlyphlessFont {
  private readonly codes = new Map<number, number>();

  /** The text as a hex string of 2-byte codes, and how many characters that is. */
  encode(text: string): { hex: string; count: number } {
    let hex = '';
    let count = 0;
    for (const ch of text) {
      const cp = /\s/.test(ch) ? 0x20 : ch.codePointAt(0)!;
      let code = this.codes.get(cp);
      if (code === undefined) {
        if (this.codes.size >= MAX_CODE) continue;
        code = this.codes.size + 1; // code 0 is left for .notdef
        this.codes.set(cp, code);
      }
      hex += code.toString(16).padStart(4, '0');
      count++;
    }
    return { hex, count };
  }

  private toUnicode(): string {
    const entries = [...this.codes].map(([cp, code]) => `<${code.toString(16).padStart(4, '0')}> <${utf16Hex(cp)}>`);
    const chunks: string[] = [];
    for (let i = 0; i < entries.length; i += 100) {
      const part = entries.slice(i, i + 100);
      chunks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
    }
    return [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <FFFF>',
      'endcodespacerange',
      ...chunks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
      '',
    ].join('\n');
  }

  /** Writes the font at object `id` (reserved earlier), with its parts. Call after all `encode`s. */
  async write(w: PdfWriter, id: number): Promise<void> {
    const file = glyphlessFont();
    const fontFile = w.add(`/Length1 ${file.length}`, file);
    const descriptor = w.add(
      `/Type /FontDescriptor /FontName /GlyphLessFont /Flags 5 /FontBBox [0 0 ${GLYPH_WIDTH * 1000} 1000] /ItalicAngle 0 /Ascent 1000 /Descent -1 /CapHeight 1000 /StemV 80 /FontFile2 ${ref(fontFile)}`,
    );
    // Every code draws glyph 1, the font's one (empty) glyph.
    const map = new Uint8Array(2 * (this.codes.size + 1));
    for (let i = 1; i < map.length; i += 2) map[i] = 1;
    const cidToGid = w.add('/Filter /FlateDecode', await deflate(map));
    const cidFont = w.add(
      `/Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${ref(descriptor)} /DW ${GLYPH_WIDTH * 1000} /CIDToGIDMap ${ref(cidToGid)}`,
    );
    const toUnicode = w.add('/Filter /FlateDecode', await deflate(ascii(this.toUnicode())));
    w.put(id, `/Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H /DescendantFonts [${ref(cidFont)}] /ToUnicode ${ref(toUnicode)}`);
  }
}
