// A changelog in Debian's form (src/chat/changelog.ts): an entry's date and author are in the
// signature that closes it, which no sentence of the entry holds.
import { describe, expect, it } from 'vitest';
import { extractiveAnswerer } from '../../../src/chat';
import { changelogEntries, versionsIn } from '../../../src/chat/changelog';
import { readJob } from '../../../src/chat/passages';
import { jobFromTexts } from './helpers';

const page1 = [
  'frobnicate — NEWS.Debian',
  '',
  'frobnicate (2.4-1) unstable; urgency=medium',
  '',
  '  * The --twiddle option now defaults to off. Set FROB_TWIDDLE=1 to get the old behaviour.',
  '',
  ' -- Ada Quill <ada@example.org>  Wed, 03 May 2023 09:12:44 +0200',
  '',
  'frobnicate (2.3-1) unstable; urgency=low',
  '',
  '  * The configuration moved to /etc/frob/frob.conf; the old file is read once and renamed.',
].join('\n');
// the 2.3-1 entry goes on over the page; its signature is on page 2, as OCR reads its dashes
const page2 = ['  * Nothing else changed for users.', '', '— Basil Ortega <basil@example.org>  Fri, 11 Nov 2022 18:00:01 +0100'].join('\n');
const job = jobFromTexts([page1, page2], 'changelog');
const ask = async (question: string) => (await extractiveAnswerer.answer({ question, job, history: [] })).content;

describe('a changelog', () => {
  it('its entries, each with the signature that closes it, over pages too', () => {
    const entries = changelogEntries(readJob(job).lines);
    expect(entries.map((e) => [e.version, e.name, e.date, e.signature.page])).toEqual([
      ['2.4-1', 'Ada Quill', 'Wed, 03 May 2023 09:12:44 +0200', 1],
      ['2.3-1', 'Basil Ortega', 'Fri, 11 Nov 2022 18:00:01 +0100', 2],
    ]);
  });

  it('"when was the entry signed?" and "who wrote it?" are answered by its signature', async () => {
    const when = await ask('When was the 2.3-1 entry signed off?');
    expect(when).toContain('Fri, 11 Nov 2022');
    expect(when).toContain('p. 2');
    expect(await ask('Who wrote the frobnicate 2.4-1 news entry?')).toContain('Ada Quill');
  });

  it('a version the file has no entry for, or a question about what an entry says, is not answered by a signature', async () => {
    expect(await ask('When was the 2.2-1 entry signed?')).not.toContain('signed by');
    expect(await ask('Which variable brings back the old twiddle behaviour in 2.4-1?')).not.toContain('signed by');
  });
});

describe('versions a text names', () => {
  it('a version in parts, a "version 1.4", a name and its number; not a date nor an amount', () => {
    expect(versionsIn('What changed in 1.9-1 and in version 2.4?')).toEqual(['1.9-1', '2.4']);
    expect(versionsIn('Which Python did IDLE 0.5 need?')).toEqual(['0.5']);
    expect(versionsIn('Release date: 22-Jul-2001')).toEqual([]);
    expect(versionsIn('TOTAL RM 17.45')).toEqual([]);
  });

  it('a release history: a question naming a release by its number is answered from its part, the date under its heading no other part', async () => {
    const text = [
      "What's New in Kiln 0.8.1?", 'Release date: 22-Jul-2001', 'This release requires python 2.1 or better.', 'It was merged with the upstream work.', '',
      "What's New in Kiln 0.7.1?", 'Release date: 29-May-2000', 'This release requires python 1.5.2 or better, and runs on Windows.',
    ];
    const r = await extractiveAnswerer.answer({ question: 'What is the oldest Python that Kiln 0.8.1 will run on?', job: jobFromTexts([text.join('\n')], 'kiln-history'), history: [] });
    expect(r.content).toContain('requires python 2.1 or better');
  });

  it('a release that heads two parts (its notes, then what was new in it) is answered from both', async () => {
    const text = [
      'Kiln 0.5 - February 2000 - Release Notes', 'This is an early release of Kiln, written in Python.', 'Kiln needs Python 1.5.2 to run at all.', '',
      'New in Kiln 0.4 (1/10/2000)', 'Kiln 0.4 needed Python 1.5.1.', '',
      'New in Kiln 0.5 (2/15/2000)', 'The editor now keeps its undo history.',
    ];
    const r = await extractiveAnswerer.answer({ question: 'Which Python version did Kiln 0.5 need?', job: jobFromTexts([text.join('\n')], 'kiln-notes'), history: [] });
    expect(r.content).toContain('Python 1.5.2');
  });
});
