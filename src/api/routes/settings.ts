// GET/PUT /api/v1/settings/ (a local extension): this device's settings that the engine
// host acts on, kept in the database: how many days uploaded files are kept.
import type { DeviceSettings } from '../../shared/contract';
import { config } from '../../shared/config';
import type { OcrDatabase } from '../../store/db';
import type { ApiDeps } from '../deps';
import { badRequest, json } from '../errors';

const MAX_RETENTION_DAYS = 3650;

/** Days an uploaded file is kept after it is read: the device's setting, or the build's default. */
export async function retentionDays(db: OcrDatabase): Promise<number> {
  const s = await db.settings.get('retentionDays');
  return typeof s?.value === 'number' ? s.value : config.retentionDays;
}

export async function getSettings(deps: ApiDeps): Promise<Response> {
  return json({ retention_days: await retentionDays(deps.db) } satisfies DeviceSettings);
}

export async function putSettings(req: Request, deps: ApiDeps): Promise<Response> {
  const body = (await req.json().catch(() => null)) as Partial<DeviceSettings> | null;
  const days = body?.retention_days;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS) {
    throw badRequest('bad_settings', `Send {"retention_days": n} as JSON, with n a whole number of days from 1 to ${MAX_RETENTION_DAYS}.`);
  }
  await deps.db.settings.put({ key: 'retentionDays', value: days });
  return json({ retention_days: days } satisfies DeviceSettings);
}
