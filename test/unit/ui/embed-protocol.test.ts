// The /embed widget's allowlist and the parsing of a parent's request.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { originAllowed, originPattern } from '../../../src/ui/embed/origins';
import { isProtocolMessage, parseRequest } from '../../../src/ui/embed/protocol';

const own = 'https://ocr.example.org';

describe('embed allowlist', () => {
  it('an exact origin allows only itself', () => {
    const list = ['https://shop.example.com'];
    expect(originAllowed('https://shop.example.com', list, own)).toBe(true);
    expect(originAllowed('http://shop.example.com', list, own)).toBe(false);
    expect(originAllowed('https://shop.example.com:8443', list, own)).toBe(false);
    expect(originAllowed('https://shop.example.com.evil.net', list, own)).toBe(false);
    expect(originAllowed('https://evilshop.example.com', list, own)).toBe(false);
  });

  it('*. allows subdomains, not the parent domain or look-alikes', () => {
    const list = ['https://*.example.com'];
    expect(originAllowed('https://a.example.com', list, own)).toBe(true);
    expect(originAllowed('https://a.b.example.com', list, own)).toBe(true);
    expect(originAllowed('https://example.com', list, own)).toBe(false);
    expect(originAllowed('https://badexample.com', list, own)).toBe(false);
    expect(originAllowed('https://a.example.com.evil.net', list, own)).toBe(false);
  });

  it(':* allows any port of that host', () => {
    const list = ['http://localhost:*'];
    expect(originAllowed('http://localhost:4402', list, own)).toBe(true);
    expect(originAllowed('http://localhost', list, own)).toBe(true);
    expect(originAllowed('http://elsewhere.localhost:4402', list, own)).toBe(false);
    expect(originAllowed('https://localhost:4402', list, own)).toBe(false);
  });

  it("the app's own origin is allowed; 'null', '*' and paths never are", () => {
    expect(originAllowed(own, [], own)).toBe(true);
    expect(originAllowed('null', ['null', '*'], own)).toBe(false);
    expect(originPattern('*')).toBeNull();
    expect(originPattern('https://example.com/page')).toBeNull();
    expect(originAllowed('https://example.com', ['*'], own)).toBe(false);
    expect(originAllowed('https://example.com', ['https://example.com/'], own)).toBe(true);
  });
});

describe('embed request', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

  it('takes files as bytes with a name, as File and as Blob, in order', () => {
    const req = parseRequest({ type: 'ocrchat:ocr', id: 7, files: [{ name: 'a.png', type: 'image/png', bytes: png.buffer }, new File([png], 'b.png'), new Blob([png]), { bytes: png }], options: { tier: 'cpu' } });
    expect(req.ok).toBe(true);
    if (!req.ok) return;
    expect(req.id).toBe(7);
    expect(req.files.map((f) => f.name)).toEqual(['a.png', 'b.png', 'file-3', 'file-4']);
    expect(req.files.every((f) => f.size === 4)).toBe(true);
    expect(req.options).toEqual({ tier: 'cpu' });
  });

  it('answers an error value, with the request id, for what it cannot run', () => {
    expect(parseRequest({ type: 'ocrchat:ocr', id: 'x', files: [] })).toMatchObject({ ok: false, id: 'x', error: { error: 'no_file' } });
    expect(parseRequest({ type: 'ocrchat:ocr', id: 'x', files: ['text'] })).toMatchObject({ ok: false, error: { error: 'no_file' } });
    expect(parseRequest({ type: 'ocrchat:ocr', files: [new Blob([png])], options: { tier: 5 } })).toMatchObject({ ok: false, id: null, error: { error: 'bad_request' } });
    expect(parseRequest({ type: 'ocrchat:ocr', version: 2, files: [new Blob([png])] })).toMatchObject({ ok: false, error: { error: 'unsupported_version' } });
    expect(parseRequest({ type: 'ocrchat:cancel', files: [] })).toMatchObject({ ok: false, error: { error: 'unknown_message' } });
  });

  it("other scripts' messages are not the widget's", () => {
    expect(isProtocolMessage({ type: 'ocrchat:ocr' })).toBe(true);
    expect(isProtocolMessage({ type: 'webpackOk' })).toBe(false);
    expect(isProtocolMessage('ocrchat:ocr')).toBe(false);
    expect(isProtocolMessage(null)).toBe(false);
  });
});

describe('postMessage', () => {
  it("nothing in the app posts a message to '*'", () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
    const offenders = files('src').filter((f) => /postMessage\([^)]*['"]\*['"]\s*\)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
