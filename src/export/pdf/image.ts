// A page image as a PDF image XObject: JPEG bytes as they are (DCTDecode), PNG data as it
// is where PDF can read it (FlateDecode + PNG predictor), else decoded losslessly.
import { deflate, hex, type Bytes } from './bytes';
import { decodePng, embeddable, parsePng, type PngInfo } from './png';
import type { StreamData } from './writer';

export interface ImageObject {
  /** dictionary entries, without /Length */
  entries: string;
  data: StreamData;
  /** an alpha channel, as a greyscale image for /SMask */
  smask?: { entries: string; data: StreamData };
  /** EXIF orientation 1..8 (JPEG): how the stored pixels must be turned to stand upright */
  orientation: number;
}

interface JpegInfo {
  width: number;
  height: number;
  components: number;
  adobe: boolean;
  orientation: number;
}

function exifOrientation(b: Bytes, start: number, end: number): number {
  const le = b[start] === 0x49;
  const u16 = (o: number) => (le ? b[o]! | (b[o + 1]! << 8) : (b[o]! << 8) | b[o + 1]!);
  const u32 = (o: number) => (le ? u16(o) + u16(o + 2) * 65536 : u16(o) * 65536 + u16(o + 2));
  const ifd = start + u32(start + 4);
  if (ifd + 2 > end) return 1;
  for (let i = 0, n = u16(ifd); i < n; i++) {
    const e = ifd + 2 + 12 * i;
    if (e + 12 > end) break;
    if (u16(e) === 0x0112) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : 1;
    }
  }
  return 1;
}

const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
const tag = (b: Bytes, at: number, text: string) => [...text].every((c, i) => b[at + i] === c.charCodeAt(0));

/** Size, components and orientation from the markers before the scan; null when unreadable. */
export function jpegInfo(b: Bytes): JpegInfo | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  let sof: Omit<JpegInfo, 'adobe' | 'orientation'> | null = null;
  let adobe = false;
  let orientation = 1;
  for (let i = 2; i + 4 <= b.length; ) {
    if (b[i] !== 0xff) return null;
    const m = b[i + 1]!;
    if (m === 0xff) {
      i++;
      continue;
    }
    if (m === 0x01 || (m >= 0xd0 && m <= 0xd8)) {
      i += 2;
      continue;
    }
    const seg = i + 4;
    const end = i + 2 + ((b[i + 2]! << 8) | b[i + 3]!);
    if (isSof(m) && seg + 6 <= b.length) {
      if (b[seg] !== 8) return null; // PDF's DCTDecode reads 8-bit samples only
      sof = { height: (b[seg + 1]! << 8) | b[seg + 2]!, width: (b[seg + 3]! << 8) | b[seg + 4]!, components: b[seg + 5]! };
    } else if (m === 0xe1 && tag(b, seg, 'Exif\0\0') && seg + 14 <= end) orientation = exifOrientation(b, seg + 6, end);
    else if (m === 0xee && tag(b, seg, 'Adobe')) adobe = true;
    else if (m === 0xda) break;
    i = end;
  }
  if (!sof || !sof.width || !sof.height || ![1, 3, 4].includes(sof.components)) return null;
  return { ...sof, adobe, orientation };
}

async function jpegObject(blob: Blob): Promise<ImageObject | null> {
  // The markers before the scan are small, unless a big ICC profile or thumbnail sits there.
  let info = jpegInfo(new Uint8Array(await blob.slice(0, 1 << 18).arrayBuffer()));
  if (!info && blob.size > 1 << 18) info = jpegInfo(new Uint8Array(await blob.arrayBuffer()));
  if (!info) return null;
  const space = info.components === 1 ? '/DeviceGray' : info.components === 3 ? '/DeviceRGB' : '/DeviceCMYK';
  // Photoshop writes CMYK JPEGs inverted, and marks them with an Adobe segment.
  const decode = info.components === 4 && info.adobe ? ' /Decode [1 0 1 0 1 0 1 0]' : '';
  return {
    entries: `/Type /XObject /Subtype /Image /Width ${info.width} /Height ${info.height} /ColorSpace ${space} /BitsPerComponent 8${decode} /Filter /DCTDecode`,
    data: blob.type === 'image/jpeg' ? blob : new Blob([blob], { type: 'image/jpeg' }),
    orientation: info.orientation,
  };
}

function pngColorSpace(png: PngInfo, colors: number): string {
  if (png.colorType === 3) {
    const entries = png.palette!.length / 3;
    return `[/Indexed /DeviceRGB ${entries - 1} <${hex(png.palette!.subarray(0, entries * 3))}>]`;
  }
  return colors === 3 ? '/DeviceRGB' : '/DeviceGray';
}

async function pngObject(bytes: Bytes): Promise<ImageObject | null> {
  const png = parsePng(bytes);
  if (!png) return null;
  const head = `/Type /XObject /Subtype /Image /Width ${png.width} /Height ${png.height}`;
  if (embeddable(png)) {
    const colors = png.colorType === 2 ? 3 : 1;
    const params = `/DecodeParms << /Predictor 15 /Colors ${colors} /BitsPerComponent ${png.bitDepth} /Columns ${png.width} >>`;
    // A tRNS colour key on grey or RGB: PDF's colour-key masking does the same.
    const t = png.transparency;
    const key = t && t.length >= 2 * colors ? Array.from({ length: colors }, (_, k) => (t[2 * k]! << 8) | t[2 * k + 1]!) : null;
    const mask = key ? ` /Mask [${key.map((v) => `${v} ${v}`).join(' ')}]` : '';
    return {
      entries: `${head} /ColorSpace ${pngColorSpace(png, colors)} /BitsPerComponent ${png.bitDepth}${mask} /Filter /FlateDecode ${params}`,
      data: png.data,
      orientation: 1,
    };
  }
  const img = await decodePng(png);
  const image: ImageObject = {
    entries: `${head} /ColorSpace ${pngColorSpace(png, img.colors)} /BitsPerComponent ${img.depth} /Filter /FlateDecode`,
    data: await deflate(img.color),
    orientation: 1,
  };
  if (img.alpha) {
    image.smask = {
      entries: `${head} /ColorSpace /DeviceGray /BitsPerComponent ${img.depth} /Filter /FlateDecode`,
      data: await deflate(img.alpha),
    };
  }
  return image;
}

/** The page image as an image XObject, or null when it is neither a readable JPEG nor PNG. */
export async function imageObject(blob: Blob): Promise<ImageObject | null> {
  const magic = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
  if (magic[0] === 0xff && magic[1] === 0xd8) return jpegObject(blob);
  if (magic[0] === 0x89 && magic[1] === 0x50) return pngObject(new Uint8Array(await blob.arrayBuffer()));
  return null;
}

/** The `cm` matrix that draws the image's unit square upright over a w×h page. */
export function imageMatrix(orientation: number, w: number, h: number): number[] {
  // Where a stored pixel (u right, v down, both 0..1) lands once the image is upright.
  const upright: Record<number, (u: number, v: number) => [number, number]> = {
    1: (u, v) => [u, v],
    2: (u, v) => [1 - u, v],
    3: (u, v) => [1 - u, 1 - v],
    4: (u, v) => [u, 1 - v],
    5: (u, v) => [v, u],
    6: (u, v) => [1 - v, u],
    7: (u, v) => [1 - v, 1 - u],
    8: (u, v) => [v, 1 - u],
  };
  const turn = upright[orientation] ?? upright[1]!;
  // Image space has its origin at the bottom left: (s, t) is stored pixel (s, 1 - t).
  const at = (s: number, t: number) => {
    const [x, y] = turn(s, 1 - t);
    return [x * w, (1 - y) * h] as const;
  };
  const [e, f] = at(0, 0);
  const [ax, ay] = at(1, 0);
  const [cx, cy] = at(0, 1);
  return [ax - e, ay - f, cx - e, cy - f, e, f];
}
