// Where optional models are downloaded from: the build's default (a public hub) or a
// folder a person names in Settings → Models (their own server, holding `<repo>/<file>`).
import { config } from '../shared/config';
import { prefs } from '../shared/settings-store';
import type { ModelEntry, ModelFile } from '../shared/models';

export const MODEL_HOST_KEY = 'ocrchat.models.host';

export interface ModelHost {
  /** absolute URL of the host or folder, ending in '/' */
  url: string;
  /** appended to `url`: `{model}` is the repository, `{revision}` its revision */
  pathTemplate: string;
  /** a person's own folder, not the build's default */
  custom: boolean;
}

/** The app's base URL (absolute), where its own files and the model cache's keys live. */
export function appBase(): string {
  return new URL(import.meta.env.BASE_URL ?? '/', globalThis.location?.href ?? 'http://localhost/').href;
}

const withSlash = (u: string) => (u.endsWith('/') ? u : u + '/');

export function modelHost(base = appBase()): ModelHost {
  const own = prefs.get(MODEL_HOST_KEY)?.trim();
  if (own) return { url: withSlash(new URL(own, base).href), pathTemplate: '{model}/', custom: true };
  return { url: withSlash(new URL(config.modelHost.url, base).href), pathTemplate: config.modelHost.pathTemplate, custom: false };
}

/** Sets a person's own model folder; null or '' goes back to the build's default. */
export function setModelHost(url: string | null): void {
  const v = url?.trim();
  if (v) new URL(v, appBase()); // throws on a malformed URL before it is kept
  prefs.set(MODEL_HOST_KEY, v || null);
}

/** Where a file of a model is downloaded from. */
export function sourceUrl(entry: ModelEntry, file: ModelFile, host = modelHost(), base = appBase()): string {
  if (entry.source.kind === 'app') return new URL(entry.source.folder + file.path, base).href;
  const dir = host.pathTemplate.replaceAll('{model}', entry.source.repo).replaceAll('{revision}', encodeURIComponent(entry.source.revision));
  return new URL(dir + file.path, host.url).href;
}
