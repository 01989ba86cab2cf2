// The UI's client of /api/v1/: the same endpoints users' scripts call.
import { prefs } from '../settings-store';
import { apiFetch } from './transport';
import type { ApiErrorBody, Job, JobSummary } from '../contract';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.detail);
  }
}

let token: string | null = prefs.get('ocrchat.token');
export function setToken(t: string | null): void {
  token = t;
  prefs.set('ocrchat.token', t);
}
export const currentToken = () => token;

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const res = await apiFetch(`/api/v1/${path}`, { ...init, headers });
  if (!res.ok && res.status !== 202) {
    const body = (await res.json().catch(() => ({ error: 'http_' + res.status, detail: res.statusText }))) as ApiErrorBody;
    throw new ApiFailure(res.status, body);
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export interface SubmitOptions {
  tier: string;
  language: string;
  tool?: string;
  translate_to?: string;
}

export function submit(file: File, opts: SubmitOptions): Promise<Job> {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('tier', opts.tier);
  form.append('language', opts.language);
  if (opts.tool) form.append('tool', opts.tool);
  if (opts.translate_to) form.append('translate_to', opts.translate_to);
  return call<Job>('ocr/', { method: 'POST', body: form });
}

export const getJob = (uuid: string) => call<Job>(`ocr/${uuid}/`);
export const listJobs = () => call<{ jobs: JobSummary[] }>('ocr/');
export const deleteJob = (uuid: string) => call<void>(`ocr/${uuid}/`, { method: 'DELETE' });
export const downloadUrl = (uuid: string, format: string) =>
  `/api/v1/ocr/${uuid}/download/?format=${format}${token ? `&api_token=${encodeURIComponent(token)}` : ''}`;
