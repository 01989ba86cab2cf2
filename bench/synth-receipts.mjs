// Receipts the field rules have never seen: made-up sellers, Malaysian-style addresses (each town
// with one of its own postcodes), dates, items and totals (a fixed seed: the same set each time),
// drawn by Chromium in a monospace face on thermal-paper grey, then photographed badly by
// ImageMagick (turned up to 1°, blurred, grey speckle, JPEG quality 45-80). Keys as SROIE writes
// them (the address's lines joined by a space).
//   node bench/synth-receipts.mjs --out DIR [--count N] [--seed S]
//   node bench/run.mjs --eval DIR --kind receipt --no-native --long-pdf 0 --passes 1 --parallel 2
import { chromium } from 'playwright-core';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { allPostcodes } from 'malaysia-postcodes';

/** @param {string} town @returns {string[]} the town's postcodes, in the list's order */
const postcodesOf = (town) => allPostcodes.flatMap((s) => s.city.filter((c) => c.name.toUpperCase() === town).flatMap((c) => c.postcode));

const { values: args } = parseArgs({ options: { out: { type: 'string' }, count: { type: 'string', default: '24' }, seed: { type: 'string', default: '20261206' } } });
if (!args.out) {
  console.error('usage: node bench/synth-receipts.mjs --out DIR [--count N] [--seed S]');
  process.exit(2);
}
let seed = Number(args.seed);
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const int = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const NAMES = ['SRI', 'KEDAI', 'MEGA', 'PERDANA', 'GOLDEN', 'WAWASAN', 'SINAR', 'JAYA', 'MUTIARA', 'CAHAYA', 'BINTANG', 'SETIA', 'HARAPAN', 'LESTARI', 'INDAH', 'MAJU', 'CEMERLANG', 'PERMATA'];
const TRADES = ['HARDWARE', 'TRADING', 'ENTERPRISE', 'STATIONERY', 'RESTAURANT', 'BAKERY', 'PHARMACY', 'MINIMARKET', 'BOOKSTORE', 'SEAFOOD'];
const STREETS = ['JALAN', 'JLN', 'LORONG', 'PERSIARAN'];
const PLACES = ['BUKIT', 'TAMAN', 'KAMPUNG', 'BANDAR', 'DESA', 'SERI', 'PUTRA', 'MELATI', 'KENANGA', 'CEMPAKA', 'MAWAR', 'ANGGERIK', 'DAMAI', 'SENTOSA', 'MEWAH', 'TUNKU'];
const TOWNS = [['KUALA LUMPUR', 'WILAYAH PERSEKUTUAN'], ['SHAH ALAM', 'SELANGOR'], ['PETALING JAYA', 'SELANGOR'], ['JOHOR BAHRU', 'JOHOR'], ['IPOH', 'PERAK'], ['KLANG', 'SELANGOR'], ['SEREMBAN', 'NEGERI SEMBILAN'], ['KUANTAN', 'PAHANG'], ['MELAKA', 'MELAKA']];
const ITEMS = ['PAPER A4', 'PEN BLUE', 'NASI LEMAK', 'TEH TARIK', 'SCREW 2IN', 'GLUE STICK', 'BREAD LOAF', 'MINERAL WATER', 'CABLE TIE', 'NOTEBOOK', 'ROTI CANAI', 'KOPI O'];
const out = args.out;
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 560, height: 1100 } });
const manifest = [];
for (let n = 0; n < Number(args.count); n++) {
  const company = `${pick(NAMES)} ${pick(NAMES)} ${pick(TRADES)} SDN BHD`;
  const [town, state] = pick(TOWNS);
  // one of the town's own postcodes (Pos Malaysia's list), as a real receipt prints; the same two
  // draws as the made-up five figures before 2026-12-07, so the rest of each receipt is as it was
  const codes = postcodesOf(town);
  const postcode = codes[(int(10, 98) * 10 + int(0, 9)) % codes.length];
  const l1 = `${pick(['NO.', 'NO ', 'LOT '])}${int(1, 299)}${pick(['', '-G', ', BLOK ' + pick('ABCD')])}, ${pick(STREETS)} ${pick(PLACES)} ${int(1, 30)}${pick(['', '/' + int(1, 9)])},`;
  const l2 = `${pick(PLACES)} ${pick(PLACES)},`;
  const l3 = `${postcode} ${town}, ${state}.`;
  const addr = [l1, l2, l3];
  const d = `${String(int(1, 28)).padStart(2, '0')}/${String(int(1, 12)).padStart(2, '0')}/${int(2016, 2019)}`;
  const items = Array.from({ length: int(2, 5) }, () => [pick(ITEMS), int(1, 4), int(150, 4990) / 100]);
  const sum = items.reduce((s, [, q, p]) => s + q * p, 0);
  const total = sum.toFixed(2);
  const lines = [company, `(${int(100000, 999999)}-${pick('AKPVWX')})`, ...addr, `TEL: 0${int(3, 9)}-${int(1000000, 9999999)}`, '', 'TAX INVOICE', `DATE: ${d}  ${String(int(8, 21)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}`, '', ...items.map(([i, q, p]) => `${i.padEnd(16)} ${q} x ${p.toFixed(2).padStart(6)} ${(q * p).toFixed(2).padStart(7)}`), '', `TOTAL${total.padStart(34)}`, `CASH${(Math.ceil(sum / 10) * 10).toFixed(2).padStart(35)}`, '', 'THANK YOU. PLEASE COME AGAIN'];
  const centred = new Set([0, 1, 2, 3, 4, 5, 7, lines.length - 1]);
  const html = `<body style="margin:0;background:#f4f1ea;color:#222;font:17px 'DejaVu Sans Mono',monospace;padding:30px 18px;width:524px">${lines.map((l, i) => `<div style="white-space:pre;min-height:21px;text-align:${centred.has(i) ? 'center' : 'left'}">${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</div>`).join('')}</body>`;
  await page.setContent(html);
  const h = await page.evaluate(() => document.body.scrollHeight + 40);
  const png = `${out}/.clean-${n}.png`;
  await page.screenshot({ path: png, clip: { x: 0, y: 0, width: 560, height: h } });
  const name = `receipt_synth_${String(n).padStart(2, '0')}.jpg`;
  // a phone photo of thermal print: turned a little, soft, grey speckle, compressed
  execFileSync('convert', [png, '-rotate', String((rnd() * 2 - 1).toFixed(2)), '-background', '#f4f1ea', '-blur', `0x${(0.4 + rnd() * 0.5).toFixed(2)}`, '-attenuate', '0.4', '+noise', 'Gaussian', '-quality', String(int(45, 80)), `${out}/${name}`]);
  rmSync(png);
  writeFileSync(`${out}/${name.replace('.jpg', '.gt.txt')}`, lines.filter(Boolean).join('\n') + '\n');
  writeFileSync(`${out}/${name.replace('.jpg', '.key.json')}`, JSON.stringify({ company, date: d, address: addr.join(' '), total }, null, 2));
  manifest.push({ file: name, gt: name.replace('.jpg', '.gt.txt'), lang: 'eng', kind: 'receipt', case_insensitive: true });
}
writeFileSync(`${out}/manifest.json`, JSON.stringify(manifest, null, 1));
await browser.close();
console.log('made', manifest.length);
