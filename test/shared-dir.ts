// shared/ sits beside the repository (CI clones it there too); SHARED_DIR overrides.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_DIR = process.env.SHARED_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');
export const EVAL_DIR = resolve(SHARED_DIR, 'eval', 'public');
