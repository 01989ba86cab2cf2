// Purchased credits arrive as vouchers signed by the deployment (ECDSA P-256, SHA-256)
// and are verified offline against its public key. A voucher is
// base64url(JSON {id, credits, issued}) + "." + base64url(signature over the first part).
import { config } from '../shared/config';
import { badRequest } from './errors';

export interface VoucherPayload {
  id: string;
  credits: number;
  issued?: string;
}

export function b64urlDecode(s: string): Uint8Array {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export function b64urlEncode(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function verifyVoucher(voucher: string, publicKey: JsonWebKey | null = config.voucherPublicKey): Promise<VoucherPayload> {
  if (!publicKey) throw badRequest('vouchers_disabled', 'This deployment has no voucher key configured, so vouchers cannot be redeemed here.');
  const [body, sig] = voucher.trim().split('.');
  const invalid = badRequest('invalid_voucher', 'The voucher is not valid; copy the whole voucher text again.');
  if (!body || !sig) throw invalid;
  let ok = false;
  try {
    const key = await crypto.subtle.importKey('jwk', publicKey, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    ok = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, b64urlDecode(sig) as BufferSource, new TextEncoder().encode(body));
  } catch {
    throw invalid;
  }
  if (!ok) throw invalid;
  let payload: VoucherPayload;
  try {
    payload = JSON.parse(new TextDecoder().decode(b64urlDecode(body))) as VoucherPayload;
  } catch {
    throw invalid;
  }
  if (typeof payload.id !== 'string' || !Number.isInteger(payload.credits) || payload.credits <= 0) throw invalid;
  return payload;
}
