// The layering checker of npm test (dependency-cruiser with .dependency-cruiser.cjs) fails on
// a forbidden import: run on a small tree laid out as src/ is, with imports ARCHITECTURE.md forbids.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise } from 'dependency-cruiser';

const require = createRequire(import.meta.url);
const config = require('../../../.dependency-cruiser.cjs');
const fixture = join(__dirname, '../../fixtures/layering');

describe('the layering checker', () => {
  it('names each forbidden import and each circle between parts', async () => {
    const { output } = await cruise(['src'], { validate: true, ruleSet: { forbidden: config.forbidden }, baseDir: fixture, tsPreCompilationDeps: true });
    const violations = typeof output === 'string' ? [] : output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(violations).toContain('layers-ui: src/ui/Screen.ts → src/store/db.ts');
    expect(violations).toContain('layers-engines: src/engines/http.ts → src/api/errors.ts');
    expect(violations.some((v) => v.startsWith('no-circular-parts:'))).toBe(true);
    // shared imports nothing and is imported by all: no violation from it
    expect(violations.some((v) => v.includes('src/shared/'))).toBe(false);
  });
});
