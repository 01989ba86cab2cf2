import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TOOLS, TOOL_METAS, findTool } from '../../../src/tools';
import { ENGINE_METAS, TIER_ENGINES, pageCost } from '../../../src/engines/registry';
import { config } from '../../../src/shared/config';

const SRC = join(__dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('the tool registry', () => {
  it('has one module a tool, each slug once, each with a label and a sentence of what it does', () => {
    const slugs = TOOL_METAS.map((t) => t.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const t of TOOLS) {
      expect(t.meta.label.length).toBeGreaterThan(2);
      expect(t.meta.description).toMatch(/\.$/);
      expect(findTool(t.meta.slug)).toBe(t);
    }
    expect(findTool('no-such-tool')).toBeUndefined();
  });

  it('says what a tool needs: a tool that needs a model names its tier, and re-reads with that model', () => {
    for (const t of TOOLS) {
      if (t.meta.needsModel) {
        expect(t.meta.tier).toBe('vlm');
        expect(t.recipe?.reread?.task).toBe(t.meta.needsModel);
      }
    }
  });

  it('no slug is compared outside the tools (src/tools holds them)', () => {
    for (const file of sourceFiles(SRC).filter((f) => !f.includes('/src/tools/'))) {
      // transformers.js names a pipeline task 'image-to-text' too: that is not our tool.
      const lines = readFileSync(file, 'utf8').split('\n').filter((l) => !/pipeline\(|tasks?: |ModelTask/.test(l));
      for (const { slug } of TOOL_METAS) {
        // A tool's slug as a string literal anywhere else is a slug compared or keyed outside its module.
        const named = lines.find((l) => l.includes(`'${slug}'`) || l.includes(`"${slug}"`));
        expect(named, `${file} names '${slug}'`).toBeUndefined();
      }
    }
  });
});

describe('the engine registry', () => {
  it('lists cpu, vlm and pdf-text with what each reads and needs; the tiers cost what the config says', () => {
    expect(ENGINE_METAS.map((e) => e.id)).toEqual(['cpu', 'vlm', 'pdf-text']);
    for (const e of ENGINE_METAS) {
      expect(e.reads.length).toBeGreaterThan(10);
      expect(e.needs.length).toBeGreaterThan(5);
    }
    for (const e of TIER_ENGINES) expect(pageCost(e.tier)).toBe(config.creditsPerPage[e.tier]);
  });

  it('the vlm engine refuses scripts it has no recogniser for, with a sentence; cpu refuses none', () => {
    const vlm = ENGINE_METAS.find((e) => e.id === 'vlm')!;
    expect(vlm.refuses!('eng+deu')).toBeNull();
    expect(vlm.refuses!('auto')).toBeNull();
    expect(vlm.refuses!('chr')).toMatch(/tier=cpu/);
    expect(ENGINE_METAS.find((e) => e.id === 'cpu')!.refuses).toBeUndefined();
  });
});
