// The UI's client of /api/v1/: the same endpoints users' scripts call.
import { prefs } from '../shared/settings-store';
import { isPrivateSession } from '../shared/private-session';
import { apiFetch } from '../shared/transport';
import type { DeviceSettings, AccountInfo, ApiErrorBody, ExportFormat, Job, JobProgress, JobSummary, Plan, ChatReply, ChatHistory } from '../shared/contract';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.detail);
  }
}

/** A sentence for a person, whatever went wrong. */
export function describeError(err: unknown): string {
  if (err instanceof ApiFailure) return err.body.detail || err.body.error;
  if (err instanceof DOMException && err.name === 'AbortError') return 'Stopped.';
  return err instanceof Error ? err.message : String(err);
}

// A private session has a database of its own, which knows no account of the regular one.
let token: string | null = isPrivateSession() ? null : prefs.get('ocrchat.token');
export function setToken(t: string | null): void {
  token = t;
  prefs.set('ocrchat.token', t);
}
export const currentToken = () => token;

async function send(path: string, init: RequestInit = {}, as: string | null = token): Promise<Response> {
  const headers = new Headers(init.headers);
  if (as) headers.set('Authorization', `Bearer ${as}`);
  const res = await apiFetch(`/api/v1/${path}`, { ...init, headers });
  if (!res.ok && res.status !== 202) {
    const body = (await res.json().catch(() => ({ error: 'http_' + res.status, detail: res.statusText }))) as ApiErrorBody;
    throw new ApiFailure(res.status, body);
  }
  return res;
}

async function call<T>(path: string, init: RequestInit = {}, as: string | null = token): Promise<T> {
  const res = await send(path, init, as);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

const postJson = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

export interface SubmitOptions {
  tier: string;
  language: string;
  tool?: string;
  translate_to?: string;
}

export function submit(file: File, opts: SubmitOptions, signal?: AbortSignal): Promise<Job> {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('tier', opts.tier);
  form.append('language', opts.language);
  if (opts.tool) form.append('tool', opts.tool);
  if (opts.translate_to) form.append('translate_to', opts.translate_to);
  return call<Job>('ocr/', { method: 'POST', body: form, signal });
}

export const getJob = (uuid: string) => call<Job>(`ocr/${uuid}/`);
/** Status and progress only: cheap to poll however many pages the job has. */
export const getProgress = (uuid: string) => call<JobProgress>(`ocr/${uuid}/?summary=1`);
export const listJobs = () => call<{ jobs: JobSummary[] }>('ocr/');
/** The documents read on this browser without a token, whoever is signed in now. */
export const listAnonymousJobs = () => call<{ jobs: JobSummary[] }>('ocr/', {}, null);
/** Moves those documents into the signed-in account; answers how many moved. */
export const adoptAnonymousJobs = async () => (await call<{ moved: number }>('account/adopt/', { method: 'POST' })).moved;
export const deleteJob = (uuid: string) => call<void>(`ocr/${uuid}/`, { method: 'DELETE' });

/** Deletes every job of the caller, one DELETE each; answers how many went. */
export async function deleteAllJobs(): Promise<number> {
  const { jobs } = await listJobs();
  await Promise.all(jobs.map((j) => deleteJob(j.uuid).catch((e) => (e instanceof ApiFailure && e.status === 404 ? undefined : Promise.reject(e)))));
  return jobs.length;
}

/** The page image the engine saw; its boxes are in this image's pixels. */
export async function pageImage(uuid: string, index: number): Promise<Blob> {
  return (await send(`ocr/${uuid}/pages/${index}/image`)).blob();
}

/** The file name the API gives an export (Content-Disposition), or a plain one. */
export function attachmentName(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      /* a malformed name falls back to the plain one */
    }
  }
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/**
 * One export of a job as a file: fetched through the API (Chromium does not send an
 * `<a download>` click through the service worker, so a link would save index.html).
 */
/** A download; with `translation`, of the job's translation (tool=translate) instead of its text. */
export async function fetchExport(uuid: string, format: ExportFormat | string, translation = false): Promise<File> {
  const res = await send(`ocr/${uuid}/download/?format=${encodeURIComponent(format)}${translation ? '&translation=1' : ''}`);
  const blob = await res.blob();
  const name = attachmentName(res.headers.get('Content-Disposition'), `document.${format}`);
  return new File([blob], name, { type: res.headers.get('Content-Type') ?? blob.type });
}

export interface NewToken {
  token: string;
  plan: Plan;
}

export const getAccount = () => call<AccountInfo>('account/');

export async function createAccount(): Promise<NewToken> {
  const created = await call<NewToken>('account/', { method: 'POST' });
  setToken(created.token);
  return created;
}

export async function rotateToken(): Promise<NewToken> {
  const rotated = await call<NewToken>('account/token/', { method: 'POST' });
  setToken(rotated.token);
  return rotated;
}

export const redeemVoucher = (voucher: string) => call<AccountInfo>('account/credits/', postJson({ voucher }));

/** `stream`: an id under which the answer's words are published as they are written (src/shared/channel.ts). */
export const askChat = (uuid: string, message: string, stream?: string) => call<ChatReply>(`chat/${uuid}/`, postJson(stream ? { message, stream } : { message }));
export const chatHistory = (uuid: string) => call<ChatHistory>(`chat/${uuid}/history/`);

export const getSettings = () => call<DeviceSettings>('settings/');
export const saveSettings = (settings: DeviceSettings) =>
  call<DeviceSettings>('settings/', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(settings) });
