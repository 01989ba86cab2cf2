// What may be kept as a language: traineddata (gzipped or raw), judged by its bytes; never a
// static host's fallback page, whatever its Content-Type says.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { checkTraineddata, PREFIX_BYTES } from '../../../src/languages/traineddata';

const engGz = new Uint8Array(readFileSync('node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz'));
const html = new TextEncoder().encode('<!doctype html>\n<html><head><title>OCR.chat</title></head><body></body></html>\n');

describe('checkTraineddata', () => {
  it('takes npm’s gzipped traineddata, whole or its first 64 KB', async () => {
    expect(await checkTraineddata(engGz)).toEqual({ ok: true, gzip: true });
    expect(await checkTraineddata(engGz.subarray(0, PREFIX_BYTES), 'application/octet-stream')).toEqual({ ok: true, gzip: true });
  });

  it('takes raw traineddata (as Debian ships it)', async () => {
    expect(await checkTraineddata(new Uint8Array(gunzipSync(engGz)).subarray(0, PREFIX_BYTES))).toEqual({ ok: true, gzip: false });
  });

  it('refuses an HTML page, by its bytes or its Content-Type, and says so', async () => {
    expect(await checkTraineddata(html, 'application/octet-stream')).toEqual({ ok: false, why: 'a web page (HTML), not traineddata' });
    expect(await checkTraineddata(engGz, 'text/html; charset=utf-8')).toMatchObject({ ok: false });
    expect(await checkTraineddata(new Uint8Array(gzipSync(html)))).toMatchObject({ ok: false, why: 'a gzip file that holds no traineddata' });
  });

  it('refuses a damaged gzip file and bytes that are not traineddata', async () => {
    const damaged = engGz.slice(0, 4096);
    damaged.fill(0xff, 12);
    expect(await checkTraineddata(damaged)).toMatchObject({ ok: false });
    expect(await checkTraineddata(new Uint8Array(1000).fill(7))).toEqual({ ok: false, why: 'not traineddata' });
    expect(await checkTraineddata(new Uint8Array(0))).toMatchObject({ ok: false });
  });
});
