// Local accounts (API.md "Local extensions"): create, read balance, rotate the token, redeem vouchers.
import { ANONYMOUS, hashToken, newToken, requireAccount, type Caller } from '../auth';
import type { ApiDeps } from '../deps';
import { ApiError, badRequest, json } from '../errors';
import { balance, usageRow } from '../metering';
import { verifyVoucher } from '../vouchers';

export async function createAccount(deps: ApiDeps): Promise<Response> {
  const token = newToken();
  await deps.db.accounts.add({
    id: crypto.randomUUID(),
    tokenHash: await hashToken(token),
    plan: 'free',
    created_ms: deps.now(),
    vouchers: [],
  });
  return json({ token, plan: 'free' }, 201);
}

export async function getAccount(caller: Caller, deps: ApiDeps): Promise<Response> {
  return json(await balance(deps.db, caller, deps.now()));
}

export async function rotateToken(caller: Caller, deps: ApiDeps): Promise<Response> {
  requireAccount(caller);
  const token = newToken();
  await deps.db.accounts.update(caller.subject, { tokenHash: await hashToken(token) });
  return json({ token, plan: caller.plan });
}

export async function redeemVoucher(req: Request, caller: Caller, deps: ApiDeps): Promise<Response> {
  requireAccount(caller);
  let voucher: unknown;
  try {
    voucher = ((await req.json()) as { voucher?: unknown }).voucher;
  } catch {
    throw badRequest('bad_request', 'Send JSON {"voucher": "..."}.');
  }
  if (typeof voucher !== 'string' || !voucher) throw badRequest('bad_request', 'Send JSON {"voucher": "..."}.');
  const payload = await verifyVoucher(voucher);
  const { db } = deps;
  await db.transaction('rw', db.accounts, db.usage, async () => {
    const acct = await db.accounts.get(caller.subject);
    if (!acct) throw new ApiError(401, 'invalid_token', 'The account is gone; create a new one.');
    if (acct.vouchers.includes(payload.id)) throw new ApiError(409, 'voucher_used', 'This voucher has already been redeemed.');
    await db.accounts.update(acct.id, { plan: 'paid', vouchers: [...acct.vouchers, payload.id] });
    await db.usage.add(usageRow({ subject: acct.id, plan: 'paid' }, -payload.credits, 'purchase', deps.now()));
  });
  return json(await balance(db, { ...caller, plan: 'paid' }, deps.now()));
}

/**
 * Moves the documents read without a token on this browser into the caller's account:
 * they are then listed and opened with its token only. Their pages stay charged where
 * they were (the anonymous allowance of the day they were read).
 */
export async function adoptAnonymousJobs(caller: Caller, deps: ApiDeps): Promise<Response> {
  requireAccount(caller);
  const { db } = deps;
  const moved = await db.transaction('rw', db.jobs, db.conversations, async () => {
    const n = await db.jobs.where('owner').equals(ANONYMOUS.subject).modify({ owner: caller.subject });
    await db.conversations.filter((c) => c.owner === ANONYMOUS.subject).modify({ owner: caller.subject });
    return n;
  });
  return json({ moved });
}
