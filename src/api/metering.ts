// Per-page metering in credits. Anonymous callers get a daily allowance per browser
// profile, free accounts a monthly bucket, paid accounts spend purchased credits.
// Pages are charged when they are processed, never when a job is accepted.
import type { AccountInfo, Plan } from '../shared/contract';
import { config } from '../shared/config';
import type { OcrDatabase, UsageRecord } from '../store/db';
import type { Caller } from './auth';
import { ApiError } from './errors';

export function periodOf(plan: Plan, now: number): string {
  const iso = new Date(now).toISOString();
  if (plan === 'anonymous') return iso.slice(0, 10);
  if (plan === 'free') return iso.slice(0, 7);
  return 'credits';
}

/** Credits a page of a job on this tier costs: the tier's engine says (src/engines/registry.ts). */
export { pageCost } from '../engines/registry';

async function sumCredits(db: OcrDatabase, subject: string, period: string): Promise<number> {
  const rows = await db.usage.where('[subject+period]').equals([subject, period]).toArray();
  return rows.reduce((n, r) => n + r.credits, 0);
}

export async function balance(db: OcrDatabase, caller: Caller, now: number): Promise<AccountInfo> {
  const period = periodOf(caller.plan, now);
  if (caller.plan === 'paid') {
    const rows = await db.usage.where('[subject+period]').equals([caller.subject, 'credits']).toArray();
    const bought = -rows.filter((r) => r.kind === 'purchase').reduce((n, r) => n + r.credits, 0);
    const used = rows.filter((r) => r.kind !== 'purchase').reduce((n, r) => n + r.credits, 0);
    return { plan: 'paid', period, used, cap: bought, credits: bought - used };
  }
  const used = await sumCredits(db, caller.subject, period);
  const cap = caller.plan === 'free' ? config.freeMonthlyPages : config.anonDailyPages;
  return { plan: caller.plan, period, used, cap, credits: Math.max(0, cap - used) };
}

/**
 * Credits promised to pages still waiting in the queue for this subject. Only the jobs in
 * the queue are read (by status), and their open pages counted by index: a POST costs the
 * same whether the caller has ten finished jobs or a thousand, with their text, in history.
 */
async function reserved(db: OcrDatabase, subject: string): Promise<number> {
  const jobs = await db.jobs.where('status').anyOf('pending', 'processing').filter((j) => j.owner === subject).toArray();
  let n = 0;
  for (const job of jobs) {
    // Two plain ranges: IndexedDB counts those itself (anyOf() would walk a cursor over the records).
    const count = (state: 'pending' | 'processing') => db.pages.where('[jobUuid+state]').equals([job.uuid, state]).count();
    const [pending, processing] = await Promise.all([count('pending'), count('processing')]);
    const open = pending + processing;
    n += open * job.page_cost;
  }
  return n;
}

/** 402 unless the caller can pay for `credits` more on top of what is queued. */
export async function assertCanAfford(db: OcrDatabase, caller: Caller, credits: number, now: number): Promise<void> {
  // One transaction: a page finishing between two reads would be counted in neither.
  const [b, queued] = await db.transaction('r', db.usage, db.jobs, db.pages, () =>
    Promise.all([balance(db, caller, now), reserved(db, caller.subject)]),
  );
  if (b.used + queued + credits > b.cap) {
    const what = caller.plan === 'anonymous' ? "today's free pages" : caller.plan === 'free' ? "this month's free pages" : 'your credits';
    throw new ApiError(
      402,
      'payment_required',
      `This needs ${credits} credits but ${what} cover only ${Math.max(0, b.cap - b.used - queued)}; create an account, redeem a voucher or wait for the next period.`,
      { used: b.used + queued, cap: b.cap },
    );
  }
}

export function usageRow(caller: { subject: string; plan: Plan }, credits: number, kind: UsageRecord['kind'], now: number, extra: Partial<UsageRecord> = {}): UsageRecord {
  return { subject: caller.subject, period: periodOf(caller.plan, now), credits, kind, at: now, ...extra };
}
