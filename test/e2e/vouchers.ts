// Signs vouchers with the test key pair (test/fixtures/voucher-test-key.json), whose
// public half the test build is configured with.
import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';

const key = JSON.parse(readFileSync('test/fixtures/voucher-test-key.json', 'utf8'));
const b64url = (b: Buffer) => b.toString('base64url');

export function signVoucher(payload: { id: string; credits: number }): string {
  const body = b64url(Buffer.from(JSON.stringify({ ...payload, issued: new Date().toISOString() })));
  const priv = createPrivateKey({ key: key.privateKey, format: 'jwk' });
  const sig = sign('sha256', Buffer.from(body), { key: priv, dsaEncoding: 'ieee-p1363' });
  return `${body}.${b64url(sig)}`;
}
