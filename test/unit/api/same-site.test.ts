import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/api/errors';
import { assertSameSite, judgeSite } from '../../../src/api/same-site';

const APP = 'http://127.0.0.1:4173';
const req = (method: string, headers: Record<string, string> = {}) => new Request(`${APP}/api/v1/ocr/`, { method, headers });
const refused = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof ApiError ? `${err.status} ${err.code}` : String(err);
  }
};

describe('requests that change state come from the app only', () => {
  it('refuses POST and DELETE judged cross-site, or with a foreign Origin or Sec-Fetch-Site', () => {
    expect(refused(() => assertSameSite(req('POST'), 'cross-site'))).toBe('403 cross_site_request');
    expect(refused(() => assertSameSite(req('DELETE'), 'cross-site'))).toBe('403 cross_site_request');
    expect(refused(() => assertSameSite(req('POST', { Origin: 'http://evil.example' }), 'same-origin'))).toBe('403 cross_site_request');
    expect(refused(() => assertSameSite(req('POST', { Origin: 'null' }), 'same-origin'))).toBe('403 cross_site_request');
    expect(refused(() => assertSameSite(req('POST', { 'Sec-Fetch-Site': 'same-site' }), 'same-origin'))).toBe('403 cross_site_request');
  });

  it('lets reads through from anywhere, and the app its own writes', () => {
    expect(refused(() => assertSameSite(req('GET'), 'cross-site'))).toBeNull();
    expect(refused(() => assertSameSite(req('POST'), 'same-origin'))).toBeNull();
    expect(refused(() => assertSameSite(req('POST', { Origin: APP, 'Sec-Fetch-Site': 'same-origin' }), 'same-origin'))).toBeNull();
  });

  it('judges a navigation by its referrer, and a request from a page of the app as its own', () => {
    const url = `${APP}/api/v1/ocr/`;
    expect(judgeSite({ mode: 'cors', referrer: '', url }, true)).toBe('same-origin');
    expect(judgeSite({ mode: 'navigate', referrer: 'http://localhost:4173/', url }, false)).toBe('cross-site');
    expect(judgeSite({ mode: 'navigate', referrer: '', url }, false)).toBe('cross-site');
    expect(judgeSite({ mode: 'navigate', referrer: `${APP}/#/`, url }, false)).toBe('same-origin');
    expect(judgeSite({ mode: 'no-cors', referrer: 'about:client', url }, false)).toBe('cross-site');
  });
});
