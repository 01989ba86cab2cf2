// Files that reach the app from the OS rather than the drop zone: a share (the manifest's
// share_target; the service worker keeps the files and opens `/?shared=<id>`) and "Open with"
// (file_handlers; the files arrive through window.launchQueue). Both start jobs as an upload
// from the form would, with the person's last choice of engine, language and tool.
import { SHARE_CACHE, SHARED_PREFIX } from '../shared/caches';
import { prefs } from '../shared/settings-store';
import { findTool } from '../tools';
import type { SubmitOptions } from './api';

/** The upload form's last choices (src/ui/Upload.svelte keeps them). */
export function savedUploadOptions(): SubmitOptions {
  const saved = (key: string) => prefs.get(`ocrchat.upload.${key}`);
  const tool = saved('tool') || undefined;
  return {
    tier: saved('tier') === 'vlm' ? 'vlm' : 'cpu',
    language: saved('language') || 'auto',
    tool,
    translate_to: findTool(tool)?.meta.needsTarget ? (saved('translate_to') ?? undefined) : undefined,
  };
}

/** The files of a share the service worker kept, taken out of its cache; none when there is no share. */
export async function takeSharedFiles(search: string = location.search): Promise<File[]> {
  const id = new URLSearchParams(search).get('shared');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || typeof caches === 'undefined') return [];
  const cache = await caches.open(SHARE_CACHE);
  const prefix = new URL(`${SHARED_PREFIX}${id}/`, location.origin).href;
  const keys = (await cache.keys()).filter((k) => k.url.startsWith(prefix)).sort((a, b) => Number(a.url.slice(prefix.length)) - Number(b.url.slice(prefix.length)));
  const files: File[] = [];
  for (const key of keys) {
    const res = await cache.match(key);
    if (res) {
      const name = decodeURIComponent(res.headers.get('X-File-Name') ?? 'shared');
      files.push(new File([await res.blob()], name, { type: res.headers.get('Content-Type') ?? '' }));
    }
    await cache.delete(key);
  }
  return files;
}

interface LaunchParams {
  files: readonly { getFile(): Promise<File> }[];
}

/** Calls back with the files the OS opened the app with ("Open with", file_handlers). */
export function onLaunchFiles(take: (files: File[]) => void): void {
  const queue = (window as unknown as { launchQueue?: { setConsumer(fn: (p: LaunchParams) => void): void } }).launchQueue;
  queue?.setConsumer(async (params) => {
    if (!params.files?.length) return;
    take(await Promise.all(params.files.map((h) => h.getFile())));
  });
}
