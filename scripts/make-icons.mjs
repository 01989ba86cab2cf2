// Draws the app icons (a page with text lines and a chat bubble) as PNGs, with no image library.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const inRound = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r), cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
function icon(x, y) {
  const bg = [37, 99, 235, 255];
  if (inRound(x, y, 0.56, 0.56, 0.9, 0.84, 0.06) || (x > 0.62 && x < 0.7 && y > 0.8 && y < 0.9 && x - 0.62 < (0.9 - y) * 0.9)) return [250, 204, 21, 255];
  if (inRound(x, y, 0.2, 0.12, 0.7, 0.86, 0.04)) {
    for (const ly of [0.24, 0.34, 0.44, 0.54]) if (y > ly && y < ly + 0.04 && x > 0.28 && x < (ly === 0.54 ? 0.5 : 0.62)) return [30, 41, 59, 255];
    return [255, 255, 255, 255];
  }
  return bg;
}
for (const size of [192, 512]) writeFileSync(`public/icons/icon-${size}.png`, png(size, icon));
writeFileSync('public/icons/maskable-512.png', png(512, (x, y) => icon(0.1 + x * 0.8, 0.1 + y * 0.8)));
console.log('icons written');
