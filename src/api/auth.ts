// Bearer tokens of local accounts. Only a SHA-256 hash of a token is stored.
import type { Plan } from '../shared/contract';
import type { AccountRecord, OcrDatabase } from '../store/db';
import { ApiError } from './errors';

export interface Caller {
  /** the metering subject: an account id, or 'anonymous' */
  subject: string;
  plan: Plan;
  account?: AccountRecord;
}

export const ANONYMOUS: Caller = { subject: 'anonymous', plan: 'anonymous' };

export async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return 'ocr_' + btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function tokenOf(req: Request): string | null {
  const header = req.headers.get('Authorization');
  const m = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (m) return m[1]!;
  return new URL(req.url).searchParams.get('api_token');
}

/** Anonymous when no token is given; 401 when one is given and unknown. */
export async function identify(req: Request, db: OcrDatabase): Promise<Caller> {
  const token = tokenOf(req);
  if (token === null || token === '') return ANONYMOUS;
  const account = await db.accounts.where('tokenHash').equals(await hashToken(token)).first();
  if (!account) {
    throw new ApiError(401, 'invalid_token', 'The API token is not known here; copy it again from the account page, or create an account.');
  }
  return { subject: account.id, plan: account.plan, account };
}

export function requireAccount(caller: Caller): void {
  if (caller.plan === 'anonymous') {
    throw new ApiError(401, 'token_required', 'This needs an account token: create an account on the account page and send it as "Authorization: Bearer <token>".');
  }
}
