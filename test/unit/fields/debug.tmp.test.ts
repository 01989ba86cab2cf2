import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readReceipt } from '../../../src/fields/receipt';
import { findAddress } from '../../../src/fields/identity';
import { lineRecs } from '../../../src/fields/place';
import { pageOf } from './page';
it('debug', () => {
  const texts = JSON.parse(readFileSync('/tmp/wt2-texts.json', 'utf8'));
  for (const name of (process.env.ONLY ?? '').split(',')) {
    const p = pageOf(texts[name]);
    const f = readReceipt([p]);
    console.log(name, JSON.stringify({ m: f.merchant?.value, a: f.address?.value, cued: findAddress(lineRecs([p]).lines)?.value }));
  }
});
