// node pdf-text-items.mjs WORKER MAX_IMAGE_SIZE PDF... : the text items and styles pdf.js (its
// legacy build, in Node) gives for every page, with the given worker module, as JSON on stdout.
// A process of its own per worker: pdf.js loads its worker module once per process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

Promise.withResolvers ??= function withResolvers() {
  let resolve, reject;
  const promise = new Promise((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
};
const require = createRequire(import.meta.url);
const root = dirname(require.resolve('pdfjs-dist/package.json'));
const pdfjs = await import(pathToFileURL(join(root, 'legacy/build/pdf.mjs')).href);
const [worker, maxImageSize, ...files] = process.argv.slice(2);
pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(worker).href;
const round = (x) => Math.round(x * 100) / 100;
const out = {};
for (const file of files) {
  const task = pdfjs.getDocument({
    data: new Uint8Array(readFileSync(file)),
    maxImageSize: Number(maxImageSize),
    disableFontFace: true,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
    cMapUrl: `${join(root, 'cmaps')}/`,
    cMapPacked: true,
    verbosity: 0,
  });
  const doc = await task.promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push({
      items: content.items.map((it) => [it.str, it.transform.map(round), round(it.width), round(it.height), it.fontName, it.hasEOL]),
      styles: content.styles,
    });
  }
  out[file] = pages;
  await task.destroy();
}
process.stdout.write(JSON.stringify(out));
