// Assembling the contract's Job from the stored job and its pages.
import type { Job, JobProgress, JobSummary, Page } from '../shared/contract';
import type { JobRecord, JobTextRecord, OcrDatabase, PageRecord } from '../store/db';
import { findTool } from '../tools';

export async function loadJob(db: OcrDatabase, uuid: string): Promise<Job | undefined> {
  const rec = await db.jobs.get(uuid);
  if (!rec) return undefined;
  const pages = await db.pages.where('jobUuid').equals(uuid).sortBy('index');
  return toJob(rec, pages, await db.jobTexts.get(uuid));
}

/** The contract's Job from its record, its pages and (once finished) its text. */
export function toJob(rec: JobRecord, pages: PageRecord[], texts?: Pick<JobTextRecord, 'text' | 'markdown'>): Job {
  const { owner: _o, priority: _p, page_cost: _c, created_ms: _m, ...fields } = rec;
  const done = pages.filter((p) => p.state === 'done' || p.state === 'failed');
  const results = pages.filter((p) => p.result).map((p) => p.result as Page);
  // a tool's own output (the receipt's fields) is read from the finished pages, so a job
  // finished before the tool learnt it gets it too
  const tool = rec.status === 'done' && rec.tool ? findTool(rec.tool)?.finish?.(results, rec) : undefined;
  return {
    ...fields,
    ...tool,
    pages_done: done.length,
    mean_confidence: rec.mean_confidence ?? 0,
    text: texts?.text ?? '',
    markdown: texts?.markdown ?? '',
    pages: results,
  };
}

/** A job's summary with what a poll wants besides: the error of a failed job, the language found. */
export function toProgress(rec: JobRecord): JobProgress {
  return {
    ...toSummary(rec),
    ...(rec.error ? { error: rec.error } : {}),
    ...(rec.error_code ? { error_code: rec.error_code } : {}),
    ...(rec.detected_language ? { detected_language: rec.detected_language } : {}),
    ...(rec.note ? { note: rec.note } : {}),
  };
}

export function toSummary(rec: JobRecord): JobSummary {
  return {
    uuid: rec.uuid,
    status: rec.status,
    tier: rec.tier,
    file_name: rec.file_name,
    page_count: rec.page_count,
    pages_done: rec.pages_done,
    created_at: rec.created_at,
  };
}
