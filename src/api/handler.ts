// The REST contract as one pure handler: (Request) => Promise<Response>, with its
// storage and the work it delegates passed in. No DOM, no engine, no service worker.
import { EXPORT_FORMATS, TRANSLATION_FORMATS, type ExportFormat } from '../shared/contract';
import { identify } from './auth';
import { assertSameSite, type RequestSite } from './same-site';
import type { ApiDeps } from './deps';
import { ApiError, badRequest, json, notFound } from './errors';
import { UserError } from '../shared/errors';
import { loadJob } from './jobs';
import { translatedJob } from '../tools/translate';
import { adoptAnonymousJobs, createAccount, getAccount, redeemVoucher, rotateToken } from './routes/account';
import { chat, history } from './routes/chat';
import { getSettings, putSettings } from './routes/settings';
import { assertDone, deleteJob, getJob, listJobs, ownedJob, submitJob } from './routes/ocr';

export const API_PREFIX = '/api/v1/';

type Route = (req: Request, m: string[], deps: ApiDeps) => Promise<Response>;

const UUID = '([0-9a-fA-F-]{8,64})';

const routes: [string, RegExp, Route][] = [
  ['POST', /^ocr$/, async (req, _m, d) => submitJob(req, await identify(req, d.db), d)],
  ['GET', /^ocr$/, async (req, _m, d) => listJobs(await identify(req, d.db), d)],
  ['GET', new RegExp(`^ocr/${UUID}$`), async (req, m, d) => getJob(m[1]!, await identify(req, d.db), d, new URL(req.url).searchParams.has('summary'))],
  ['DELETE', new RegExp(`^ocr/${UUID}$`), async (req, m, d) => deleteJob(m[1]!, await identify(req, d.db), d)],
  ['GET', new RegExp(`^ocr/${UUID}/download$`), download],
  ['GET', new RegExp(`^ocr/${UUID}/pages/(\\d+)/image$`), pageImage],
  ['POST', new RegExp(`^chat/${UUID}$`), async (req, m, d) => chat(req, m[1]!, await identify(req, d.db), d)],
  ['GET', new RegExp(`^chat/${UUID}/history$`), async (req, m, d) => history(m[1]!, await identify(req, d.db), d)],
  ['POST', /^account$/, async (_req, _m, d) => createAccount(d)],
  ['GET', /^account$/, async (req, _m, d) => getAccount(await identify(req, d.db), d)],
  ['POST', /^account\/token$/, async (req, _m, d) => rotateToken(await identify(req, d.db), d)],
  ['POST', /^account\/adopt$/, async (req, _m, d) => adoptAnonymousJobs(await identify(req, d.db), d)],
  ['POST', /^account\/credits$/, async (req, _m, d) => redeemVoucher(req, await identify(req, d.db), d)],
  ['GET', /^settings$/, async (_req, _m, d) => getSettings(d)],
  ['PUT', /^settings$/, async (req, _m, d) => putSettings(req, d)],
];

async function download(req: Request, m: string[], deps: ApiDeps): Promise<Response> {
  const caller = await identify(req, deps.db);
  const rec = await ownedJob(m[1]!, caller, deps);
  const format = new URL(req.url).searchParams.get('format') ?? '';
  if (!EXPORT_FORMATS.includes(format as ExportFormat)) {
    throw badRequest('bad_format', `Unknown format "${format}"; use one of ${EXPORT_FORMATS.join(', ')}.`);
  }
  const wantsTranslation = /^(1|true|yes)$/i.test(new URL(req.url).searchParams.get('translation') ?? '');
  if (wantsTranslation && !TRANSLATION_FORMATS.includes(format as ExportFormat)) {
    throw badRequest('bad_format', `The translation is offered as ${TRANSLATION_FORMATS.join(', ')}: the ${format} export is made from the original's boxes and tables.`);
  }
  assertDone(rec.status, 'download it');
  let job = (await loadJob(deps.db, rec.uuid))!;
  if (wantsTranslation) {
    const translated = translatedJob(job);
    if (!translated) throw badRequest('no_translation', 'This job has no translation: upload the file with tool=translate and translate_to, the language to translate into.');
    job = translated;
  }
  const out = await deps.exportJob(job, format as ExportFormat);
  return new Response(out.blob, {
    status: 200,
    headers: {
      'Content-Type': out.mime,
      'Content-Disposition': `attachment; filename="${out.fileName.replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(out.fileName)}`,
      'Cache-Control': 'no-store',
    },
  });
}

/** The page image the engine saw: the boxes of that page are in its pixels (a local extension). */
async function pageImage(req: Request, m: string[], deps: ApiDeps): Promise<Response> {
  const caller = await identify(req, deps.db);
  const rec = await ownedJob(m[1]!, caller, deps);
  // That page's record only: a long job's other pages are not read.
  const page = (await deps.db.pages.get([rec.uuid, Number(m[2])]))?.result;
  const blob = page ? await deps.pageImage({ uuid: rec.uuid, pages: [page] }, page.index) : null;
  if (!blob) throw notFound('page image (not recognised yet, or past the retention period)');
  return new Response(blob, { status: 200, headers: { 'Content-Type': blob.type || 'application/octet-stream', 'Cache-Control': 'no-store' } });
}

export type ApiHandler = (req: Request, site?: RequestSite) => Promise<Response>;

export function createApiHandler(deps: ApiDeps): ApiHandler {
  return async (req: Request, site: RequestSite = 'same-origin'): Promise<Response> => {
    const url = new URL(req.url);
    if (!url.pathname.startsWith(API_PREFIX)) return notFound('endpoint').toResponse();
    // A missing trailing slash still routes.
    const path = url.pathname.slice(API_PREFIX.length).replace(/\/+$/, '');
    const matching = routes.filter(([, re]) => re.test(path));
    if (matching.length === 0) return json({ error: 'not_found', detail: `No endpoint ${url.pathname}; see the API docs.` }, 404);
    const route = matching.find(([method]) => method === req.method);
    if (!route) {
      return json({ error: 'method_not_allowed', detail: `${req.method} is not allowed on ${url.pathname}.` }, 405, {
        Allow: matching.map(([m]) => m).join(', '),
      });
    }
    try {
      assertSameSite(req, site);
      return await route[2](req, path.match(route[1])!, deps);
    } catch (err) {
      if (err instanceof ApiError) return err.toResponse();
      // A user's error from below the API (an unknown language code, an unreadable file): a 400 with its sentence.
      if (err instanceof UserError) return badRequest(err.code, err.detail).toResponse();
      console.error('api error', err);
      return json({ error: 'internal_error', detail: 'Something went wrong on this device; try again, and reload the app if it persists.' }, 500);
    }
  };
}
