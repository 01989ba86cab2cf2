// POST/GET/DELETE /api/v1/ocr/ : submitting, reading, listing and deleting jobs.
import { config } from '../../shared/config';
import type { Tier } from '../../shared/contract';
import { UserError } from '../../shared/errors';
import { DOCUMENT_MIME } from '../../documents/sniff';
import type { JobRecord, PageRecord } from '../../store/db';
import type { Caller } from '../auth';
import type { ApiDeps } from '../deps';
import { ApiError, badRequest, json, notFound } from '../errors';
import { loadJob, toProgress, toSummary } from '../jobs';
import { parseLanguage } from '../../shared/languages';
import { TIER_IDS, tierEngine } from '../../engines/registry';
import { assertCanAfford, pageCost } from '../metering';
import { findTool, TOOL_METAS } from '../../tools';

/** How long a POST of a short file waits for its result before answering 202. */
const INLINE_WAIT_MS = 240_000;

interface Submission {
  file: File;
  tier: Tier;
  language: string;
  tool?: string;
  translate_to?: string;
}

async function readForm(req: Request): Promise<Submission> {
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw badRequest('bad_request', 'Send the file as multipart/form-data with a "file" field.');
  }
  const file = form.get('file');
  if (!(file instanceof File)) throw badRequest('no_file', 'No file was sent; add the image or PDF as the "file" field.');
  const tool = form.get('tool') ? String(form.get('tool')).trim() : undefined;
  const preset = tool ? findTool(tool) : undefined;
  if (tool && !preset) {
    throw badRequest('unknown_tool', `Unknown tool "${tool}"; use one of ${TOOL_METAS.map((t) => t.slug).join(', ')}.`);
  }
  // A tool that needs a tier (handwriting-to-text, math: vlm) gets it when none is asked for.
  const tier = String(form.get('tier') ?? '').trim() || preset?.meta.tier || 'cpu';
  const engine = tierEngine(tier);
  if (!engine) throw badRequest('bad_tier', `Unknown tier "${tier}"; use ${TIER_IDS.map((t) => `"${t}"`).join(' or ')}.`);
  const language = String(form.get('language') ?? 'auto').trim() || 'auto';
  const choice = parseLanguage(language);
  const refusal = 'refuses' in engine ? engine.refuses(choice.tesseract) : null;
  if (refusal) throw badRequest('language_not_on_tier', refusal);
  const translate_to = form.get('translate_to') ? String(form.get('translate_to')).trim() : undefined;
  if (translate_to) parseLanguageOr400(translate_to, 'translate_to');
  if (preset?.meta.needsTarget && !translate_to) {
    throw badRequest('missing_translate_to', 'The translate tool needs translate_to, the code of the language to translate into (for example "en").');
  }
  return { file, tier: tier as Tier, language, tool, translate_to };
}

function parseLanguageOr400(code: string, field: string): void {
  try {
    parseLanguage(code);
  } catch {
    throw badRequest('unknown_language', `Unknown language code "${code}" in ${field}; use a code such as en, de, fr, ja.`);
  }
}

/** The sentence when the handler has no way to reach a translator (deps without translatorProblem). */
const NO_TRANSLATOR_HERE =
  "No translator can be reached here: the translate tool runs Chrome's built-in Translator API in an open OCR.chat tab (Chrome 138 or later on desktop); see https://developer.chrome.com/docs/ai/translator-api.";

/** tool=translate: a 400 (translator_missing) at once when no translator can run for the job, never a job "done" untranslated. */
async function assertCanTranslate(sub: Submission, deps: ApiDeps): Promise<void> {
  if (!sub.translate_to || !findTool(sub.tool)?.meta.needsTarget) return;
  const problem = deps.translatorProblem ? await deps.translatorProblem(sub.language, sub.translate_to) : NO_TRANSLATOR_HERE;
  if (problem) throw badRequest('translator_missing', problem);
}

export async function submitJob(req: Request, caller: Caller, deps: ApiDeps): Promise<Response> {
  const sub = await readForm(req);
  await assertCanTranslate(sub, deps);
  const limits = config.plans[caller.plan];
  if (sub.file.size > limits.maxFileBytes) {
    const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
    throw badRequest('file_too_large', `The file is ${mb(sub.file.size)}; the limit for your plan is ${mb(limits.maxFileBytes)}.`);
  }
  const bytes = await sub.file.arrayBuffer();
  let inspected;
  try {
    inspected = await deps.inspect(bytes);
  } catch (err) {
    if (err instanceof UserError) throw badRequest(err.code, err.detail);
    throw err;
  }
  let rec: JobRecord;
  try {
    if (inspected.pageCount > limits.maxPagesPerFile) {
      throw badRequest(
        'too_many_pages',
        `The file has ${inspected.pageCount} pages; your plan allows ${limits.maxPagesPerFile} per file. Split it, or use a plan with a higher cap.`,
      );
    }
    const credits = inspected.pageCount * pageCost(sub.tier);
    rec = newJobRecord(sub, caller, inspected.pageCount, DOCUMENT_MIME[inspected.type], deps.now());
    // Checked and stored in one transaction: two uploads at once cannot both pass the check.
    await storeJob(deps, rec, new Blob([bytes], { type: DOCUMENT_MIME[inspected.type] }), () => assertCanAfford(deps.db, caller, credits, deps.now()));
  } catch (err) {
    inspected.settle(null);
    throw err;
  }
  inspected.settle(rec.uuid);
  deps.notifyQueue();
  if (inspected.pageCount <= config.inlinePages) {
    const job = (await deps.waitForJob(rec.uuid, INLINE_WAIT_MS)) ?? (await loadJob(deps.db, rec.uuid));
    if (job && (job.status === 'done' || job.status === 'failed')) return json(job, 200);
    return json(job, 202);
  }
  return json(await loadJob(deps.db, rec.uuid), 202);
}

function newJobRecord(sub: Submission, caller: Caller, pageCount: number, mime: string, now: number): JobRecord {
  const limits = config.plans[caller.plan];
  return {
    uuid: crypto.randomUUID(),
    status: 'pending',
    tier: sub.tier,
    language: sub.language,
    ...(sub.tool ? { tool: sub.tool } : {}),
    ...(sub.translate_to ? { translate_to: sub.translate_to } : {}),
    file_name: sub.file.name || 'upload',
    file_type: mime,
    page_count: pageCount,
    pages_done: 0,
    created_at: new Date(now).toISOString(),
    owner: caller.subject,
    priority: limits.priority,
    page_cost: pageCost(sub.tier),
    created_ms: now,
    note: 'Queued: pages are recognised by an open OCR.chat tab in this browser; keep one open until the job is done.',
  };
}

/** Stores the job, its pages and its file once `check` (the allowance) passes, in the same transaction. */
async function storeJob(deps: ApiDeps, rec: JobRecord, blob: Blob, check: () => Promise<void>): Promise<void> {
  const { db } = deps;
  const pages: PageRecord[] = Array.from({ length: rec.page_count }, (_, index) => ({ jobUuid: rec.uuid, index, state: 'pending', attempts: 0 }));
  await db.transaction('rw', [db.jobs, db.pages, db.files, db.usage], async () => {
    await check();
    await db.jobs.add(rec);
    await db.pages.bulkAdd(pages);
    await db.files.add({ key: rec.uuid, jobUuid: rec.uuid, blob, created_ms: rec.created_ms });
  });
}

/** A job is visible to its owner; anonymous jobs to anonymous callers of this profile. */
export async function ownedJob(uuid: string, caller: Caller, deps: ApiDeps): Promise<JobRecord> {
  const rec = await deps.db.jobs.get(uuid);
  if (!rec || rec.owner !== caller.subject) throw notFound('job');
  return rec;
}

/**
 * The job; with `summary` (`?summary=1`, a local extension) only its status and progress,
 * read from the job record alone: a cheap poll of a long job, whose full answer holds
 * every page finished so far.
 */
export async function getJob(uuid: string, caller: Caller, deps: ApiDeps, summary = false): Promise<Response> {
  const rec = await ownedJob(uuid, caller, deps);
  if (summary) return json(toProgress(rec));
  return json(await loadJob(deps.db, uuid));
}

export async function listJobs(caller: Caller, deps: ApiDeps): Promise<Response> {
  const recs = await deps.db.jobs.where('owner').equals(caller.subject).toArray();
  recs.sort((a, b) => b.created_ms - a.created_ms);
  return json({ jobs: recs.map(toSummary) });
}

export async function deleteJob(uuid: string, caller: Caller, deps: ApiDeps): Promise<Response> {
  await ownedJob(uuid, caller, deps);
  const { db } = deps;
  await db.transaction('rw', [db.jobs, db.jobTexts, db.pages, db.files, db.conversations], async () => {
    await db.jobs.delete(uuid);
    await db.jobTexts.delete(uuid);
    await db.pages.where('jobUuid').equals(uuid).delete();
    await db.files.where('jobUuid').equals(uuid).delete();
    await db.conversations.where('jobUuid').equals(uuid).delete();
  });
  return new Response(null, { status: 204 });
}

export function assertDone(status: string, what: string): void {
  if (status !== 'done') {
    throw new ApiError(409, 'job_not_done', `The job is ${status}; ${what} once its status is "done".`);
  }
}
