// A small PDF file writer: numbered objects (a dictionary, maybe a stream), then the
// cross-reference table and trailer. Stream data may be a Blob, so page images need
// not be copied into memory again.
import { ascii, concat, type Bytes } from './bytes';

export type StreamData = Bytes | Blob;

/** A number as PDF writes it: no exponent, at most 3 decimals. */
export function num(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const s = n.toFixed(3).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

export function ref(id: number): string {
  return `${id} 0 R`;
}

/** A text string (Info dictionary): PDFDocEncoding-safe ASCII as is, else UTF-16BE hex. */
export function textString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, '\\$&')})`;
  let h = 'FEFF';
  for (let i = 0; i < text.length; i++) h += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${h}>`;
}

function size(data: StreamData): number {
  return data instanceof Blob ? data.size : data.length;
}

export class PdfWriter {
  private readonly bodies = new Map<number, StreamData[]>();
  private count = 0;

  /** An object number to fill in later with `put`. */
  reserve(): number {
    return ++this.count;
  }

  /** `entries` is the inside of the dictionary; a stream's /Length is added here. */
  put(id: number, entries: string, stream?: StreamData): void {
    if (stream === undefined) {
      this.bodies.set(id, [ascii(`${id} 0 obj\n<< ${entries} >>\nendobj\n`)]);
      return;
    }
    this.bodies.set(id, [
      ascii(`${id} 0 obj\n<< ${entries} /Length ${size(stream)} >>\nstream\n`),
      stream,
      ascii('\nendstream\nendobj\n'),
    ]);
  }

  add(entries: string, stream?: StreamData): number {
    const id = this.reserve();
    this.put(id, entries, stream);
    return id;
  }

  finish(root: number, info: number | undefined, mime: string): Blob {
    // The binary comment tells transfer tools the file is not text.
    const header = concat([ascii('%PDF-1.5\n%'), Uint8Array.of(0xe2, 0xe3, 0xcf, 0xd3), ascii('\n')]);
    const parts: StreamData[] = [header];
    const offsets: number[] = [];
    let at = header.length;
    for (let id = 1; id <= this.count; id++) {
      const body = this.bodies.get(id);
      if (!body) throw new Error(`PDF object ${id} was reserved but never written.`);
      offsets.push(at);
      for (const part of body) {
        parts.push(part);
        at += size(part);
      }
    }
    const xref = [`xref\n0 ${this.count + 1}\n`, '0000000000 65535 f\r\n'];
    for (const off of offsets) xref.push(`${String(off).padStart(10, '0')} 00000 n\r\n`);
    const infoRef = info ? ` /Info ${ref(info)}` : '';
    xref.push(`trailer\n<< /Size ${this.count + 1} /Root ${ref(root)}${infoRef} >>\nstartxref\n${at}\n%%EOF\n`);
    parts.push(ascii(xref.join('')));
    return new Blob(parts, { type: mime });
  }
}
