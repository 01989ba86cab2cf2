// The extractive answerer on prose, on questions the document cannot answer, on
// follow-ups, and on a two-page invoice.
import { EVAL_DIR } from '../../shared-dir';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractiveAnswerer, NOT_FOUND } from '../../../src/chat';
import { numbersIn } from '../../../src/chat/extractive';
import type { ChatMessage, Job } from '../../../src/shared/contract';
import { jobFromTexts } from './helpers';

const EVAL = EVAL_DIR;
const gt = (name: string) => readFileSync(join(EVAL, name), 'utf8');

/** Asks in turn, keeping the conversation as the API does; every citation must quote its page. */
async function converse(job: Job, questions: string[]): Promise<ChatMessage[]> {
  const history: ChatMessage[] = [];
  const answers: ChatMessage[] = [];
  for (const question of questions) {
    const msg = await extractiveAnswerer.answer({ question, job, history });
    for (const c of msg.citations ?? []) expect(job.pages[c.page - 1].text).toContain(c.snippet);
    history.push({ role: 'user', content: question }, msg);
    answers.push(msg);
  }
  return answers;
}

const ask = async (job: Job, question: string) => (await converse(job, [question]))[0];

describe('prose (tesseract.js test page)', () => {
  const job = jobFromTexts([gt('book_tesseractjs_testocr.gt.txt')], 'book-testocr');

  it('quotes the sentence that answers, with its page', async () => {
    const msg = await ask(job, 'What did the quick brown dog jump over?');
    expect(msg.content).toContain('The quick brown dog jumped over the lazy fox.');
    expect(msg.content).toContain('(p. 1)');
    expect(msg.citations).toEqual([{ page: 1, snippet: 'The quick brown dog jumped over the\nlazy fox.' }]);
  });

  it('finds a fact by its key words', async () => {
    const msg = await ask(job, 'What is the 12 point text used to test?');
    expect(msg.content).toContain('to test the ocr code and see if it works on all types of file format');
    expect(msg.citations?.[0]?.page).toBe(1);
  });

  it('says so when the document does not hold the answer, without citations', async () => {
    for (const q of ['What is the capital of France?', 'What is the total?', 'What is the date?', 'Who is the vendor?']) {
      const msg = await ask(job, q);
      expect(msg.content, q).toBe(NOT_FOUND);
      expect(msg.citations ?? [], q).toEqual([]);
    }
  });
});

describe('prose (Wikipedia, three pages)', () => {
  const job = jobFromTexts(
    ['pdfdigital_wikipedia_iris_p1.gt.txt', 'pdfdigital_wikipedia_iris_p2.gt.txt', 'pdfdigital_wikipedia_iris_p3.gt.txt'].map(gt),
    'iris',
  );

  it('answers facts and definitions from the best sentence', async () => {
    const species = await ask(job, 'How many species does Iris have?');
    expect(species.content).toContain('310 accepted species');
    const fisher = await ask(job, 'Who outlined the Iris flower data set?');
    expect(fisher.content).toContain('Ronald Fisher');
    expect(fisher.citations?.[0]?.page).toBe(1);
  });

  it('reads "Label: value" pairs', async () => {
    expect((await ask(job, 'What is the family?')).content).toBe('Family: Iridaceae (p. 1).');
    expect((await ask(job, 'What family does Iris belong to?')).content).toContain('Iridaceae');
  });

  it('does not guess from a partial match', async () => {
    expect((await ask(job, 'What is the capital of France?')).content).toBe(NOT_FOUND);
    expect((await ask(job, 'What is the price of the garden tractor?')).content).toBe(NOT_FOUND);
  });
});

describe('follow-ups', () => {
  const receipt = jobFromTexts([gt('receipt_sroie_123.gt.txt')], 'receipt-followup');

  it('"and the tax?" after "what is the total?" answers the tax', async () => {
    const [total, tax, date] = await converse(receipt, ['What is the total?', 'and the tax?', 'what about the date?']);
    expect(total.content).toBe('The total is 39.75 (p. 1).');
    expect(tax.content).toBe('The tax is 2.25 (p. 1).');
    expect(date.content).toBe('The date is 02/01/2018 (p. 1).');
  });

  it('a follow-up without a field keeps the earlier question in view', async () => {
    const iris = jobFromTexts([gt('pdfdigital_wikipedia_iris_p1.gt.txt')], 'iris-followup');
    const [first, year] = await converse(iris, ['Who outlined the Iris flower data set?', 'And in which year?']);
    expect(first.content).toContain('Ronald Fisher');
    expect(year.content).toContain('1936');
    // without the conversation the same words find nothing
    expect((await ask(iris, 'And in which year?')).content).toBe(NOT_FOUND);
    const [, when] = await converse(iris, ['Who outlined the Iris flower data set?', 'and when?']);
    expect(when.content).toContain('1936');
  });

  it('a field follow-up after a prose question switches to the field', async () => {
    const [, total] = await converse(receipt, ['Who is the cashier?', 'and the total?']);
    expect(total.content).toBe('The total is 39.75 (p. 1).');
  });
});

describe('a two-page invoice', () => {
  const page1 = [
    'Northwind Traders Ltd.',
    '12 Harbour Road, Springfield, IL 62704',
    'Phone: (217) 555-0142',
    '',
    'INVOICE',
    'Invoice No: INV-2024-0173',
    'Invoice Date: March 3, 2024',
    'Due Date: 2024-04-02',
    '',
    'Bill To: Contoso Pharmacy',
    '',
    'Description Qty Unit Price Amount',
    'Blood pressure monitor 4 45.00 180.00',
    'Thermometer, digital 10 12.50 125.00',
  ].join('\n');
  const page2 = [
    'Nitrile gloves (box of 100) 6 9.95 59.70',
    'Surgical masks (box of 50) 8 7.40 59.20',
    '',
    'Subtotal: $423.90',
    'Sales Tax (8.25%): $34.97',
    'Total Amount Due: $458.87',
    '',
    'Thank you for your business. Payment is due within 30 days.',
  ].join('\n');
  const job = jobFromTexts([page1, page2], 'invoice-2p');

  it('cites page 2 for the total', async () => {
    const msg = await ask(job, 'What is the total?');
    expect(msg.content).toBe('The total is $458.87 (p. 2).');
    expect(msg.citations).toEqual([{ page: 2, snippet: 'Total Amount Due: $458.87' }]);
  });

  it('reads the header fields on page 1', async () => {
    const cases: Array<[string, string, number]> = [
      ['What is the invoice number?', 'INV-2024-0173', 1],
      ['What is the invoice date?', 'March 3, 2024', 1],
      ['When is payment due? What is the due date?', '2024-04-02', 1],
      ['Who is the vendor?', 'Northwind Traders Ltd.', 1],
      ['What is the phone number?', '(217) 555-0142', 1],
      ['How much is the sales tax?', '$34.97', 2],
      ['What is the subtotal?', '$423.90', 2],
    ];
    for (const [q, value, page] of cases) {
      const msg = await ask(job, q);
      expect(msg.content, q).toContain(value);
      expect(msg.citations?.[0]?.page, q).toBe(page);
    }
  });

  it('finds prose on either page', async () => {
    const msg = await ask(job, 'Within how many days is payment due?');
    expect(msg.content).toContain('30 days');
    expect(msg.citations?.[0]?.page).toBe(2);
  });
});

describe('a mixed-case invoice with an OCR slip', () => {
  const job = jobFromTexts(
    [
      'ACME Supplies Inc.\n500 Market Street, Suite 20\nSan Francisco, CA 94105\nTel: 415-555-0199\n\n' +
        'Invoice #: 10045\nDate: 25-Dec-2018\n\nWidget A 2 x 10.00 20.00\nWidget B 1 x 5.50 5.50\n' +
        'Subtotal 25.50\nVAT 20% 5.10\nT0TAL RM30.60\nBalance Due $30.60\nPaid by card',
    ],
    'invoice-mixed',
  );

  it('answers each field with the value as printed', async () => {
    const cases: Array<[string, string]> = [
      ['What is the total?', 'The total is $30.60 (p. 1).'],
      ['How much do I owe?', 'The total is $30.60 (p. 1).'],
      ['What is the VAT?', 'The tax is 5.10 (p. 1).'],
      ['What is the date?', 'The date is 25-Dec-2018 (p. 1).'],
      ['What is the address?', 'The address is 500 Market Street, Suite 20, San Francisco, CA 94105 (p. 1).'],
      ['Who is the vendor?', 'The company is ACME Supplies Inc. (p. 1).'],
      ['What is the invoice number?', 'The invoice number is 10045 (p. 1).'],
      ['How was it paid?', 'The document says: "Paid by card" (p. 1).'],
      ['What is the weather like?', NOT_FOUND],
    ];
    for (const [q, a] of cases) expect((await ask(job, q)).content, q).toBe(a);
  });
});

describe('a question in other words than the text', () => {
  const REPORT = [
    'The quarter in review.',
    '',
    'Sales in the north were flat and the south lost two stores to the floods.',
    'Ferry results were higher on favorable results in season tickets, driven by a late summer.',
    'Costs rose with fuel prices across every route, and the board kept the dividend unchanged.',
    'The warehouse in the east was sold in May.',
    '',
    'Freight volumes on the river were steady over the year.',
    'Freight volumes on the canal were steady over the year.',
  ].join('\n');
  const job = jobFromTexts([REPORT], 'other-words');

  it('quotes the one sentence that stands far ahead of the rest, though it shares few of the words', async () => {
    const r = await extractiveAnswerer.answer({ question: 'What made ferry results come out higher this time?', job, history: [] });
    expect(r.content).toContain('season tickets');
    expect(r.citations?.[0]?.page).toBe(1);
  });

  it('declines when two sentences share the words alike and neither leads', async () => {
    const r = await extractiveAnswerer.answer({ question: 'What helped freight volumes hold steady over the year?', job, history: [] });
    expect(r.content).toBe(NOT_FOUND);
  });
  it('a preposition of the question is no word the answer must hold', async () => {
    const r = await extractiveAnswerer.answer({ question: 'Who sat alongside Okafor on the panel?', job: jobFromTexts(['The panel: Okafor, with Brandt and Nguyen.\n\nThe panel met twice in the spring of that year and heard five cases.'], 'prep'), history: [] });
    expect(r.content).toContain('Brandt and Nguyen');
  });
});

describe('a manual', () => {
  const MANUAL = [
    'OPTIONS',
    '-h --help',
    'Display a help screen and quit.',
    '-k --keep',
    'Keep (do not delete) input files during compression.',
    '-# --fast --best',
    'Regulate the speed of compression. The default compression level is -6 (that is, biased towards high compression at expense of speed).',
    '',
    'FILES',
    'The settings are read from /etc/zipper.conf at start.',
    'The settings file is read again, whole, each time the settings change.',
  ].join('\n');
  const job = jobFromTexts([MANUAL], 'manual');
  const ask = (question: string) => extractiveAnswerer.answer({ question, job, history: [] });

  it('an option is its own passage, and "which option" wants one', async () => {
    const r = await ask('Which option keeps the input files?');
    expect(r.content).toBe('The document says: "-k --keep Keep (do not delete) input files during compression." (p. 1).');
  });

  it('"if none is given" asks for the default', async () => {
    expect((await ask('What compression level is used if none is given?')).content).toContain('The default compression level is -6');
  });

  it('"which file" wants a path', async () => {
    const r = await ask('Which file are the settings read from?');
    expect(r.content).toContain('The settings are read from /etc/zipper.conf at start.');
    expect(r.content).not.toContain('read again');
  });
});

describe('the forms of a question, on texts written for the test', () => {
  const answerOf = async (lines: string[], question: string) =>
    (await extractiveAnswerer.answer({ question, job: jobFromTexts([lines.join('\n')], `forms-${question}`), history: [] })).content;

  it('a number the question writes is the answer where the sentence says it once more', async () => {
    const text = ['The arm of the robot has four joints and a gripper.', 'Call rotate(90) on the arm, and it swings 90 degrees to the left.', 'The base stands on 4 rubber feet.'];
    expect(await answerOf(text, 'How many degrees does rotate(90) swing the arm?')).toContain('it swings 90 degrees to the left');
  });

  it('"how much does it cost" is answered by a price in words', async () => {
    const text = ['Members of the library may borrow any book free of charge for two weeks.', 'The reading room opens at nine each morning.'];
    expect(await answerOf(text, 'How much does it cost members to borrow a book?')).toContain('free of charge');
  });

  it('"where" wants a place', async () => {
    const text = ['The first meetings of the society were long and loud.', 'The first meetings of the society took place in Leeds, Yorkshire.'];
    expect(await answerOf(text, 'Where were the first meetings of the society?')).toContain('in Leeds, Yorkshire');
  });

  it('"who founded it" wants the doer named after "by"; a heading in capitals is no part of the sentence under it', async () => {
    const text = ['B. ORIGINS OF THE CLUB', 'The club was founded in 1890 by Arthur Penhallow at a meeting in Truro.', 'In 1920 the club founded a junior section, the Truro Youth League.'];
    const r = await answerOf(text, 'Who founded the club in the first place?');
    expect(r).toBe('The document says: "The club was founded in 1890 by Arthur Penhallow at a meeting in Truro." (p. 1).');
  });

  it('"which function … gives back the number" asks for the function, the key of a reference list', async () => {
    const text = ['find Find the first match of a pattern in a text.', 'tally Same as find, but also return the number of matches found.', 'strip Remove the spaces at both ends of a text.'];
    const r = await answerOf(text, 'Which function gives back the number of matches it found as well?');
    expect(r).toContain('tally Same as find');
  });

  it('a glossary entry that opens its line in lower case is a sentence of its own, not the end of the entry above', async () => {
    const text = [
      'spool A folder where jobs wait to be printed. Each printer has its own spool.',
      'banner A page printed before each job, naming its owner.',
      'tray The drawer the paper is fed from.',
    ];
    const r = await answerOf(text, 'What is printed before each job, naming who owns it?');
    expect(r).toContain('"banner A page printed before each job, naming its owner."');
    expect(r).not.toContain('spool');
  });

  it('a quoted term is answered by the glossary entry that opens on it, whatever words are around it', async () => {
    const text = [
      'spool A folder where jobs wait to be printed. Each printer has its own spool.',
      'queue Obsolete for: spool.',
      'banner A page printed before each job, naming its owner. Printers in the old wing skip it.',
    ];
    expect(await answerOf(text, "The word 'queue' is an old-fashioned name for what?")).toContain('queue Obsolete for: spool.');
    // the apostrophe of a plural is no quote
    expect(await answerOf(text, "In the printers' old wing, which page is skipped?")).not.toContain('queue');
  });

  it('"where is it based?" is answered by the next sentence, pointing back, that says where it is', async () => {
    const text = ['Mooring permits for the Lower Basin are issued by the Harbour Office of the Port Authority in Norland. This office is located at Kingsbridge Quay.', 'Fees are due each April.'];
    expect(await answerOf(text, 'Where is the Harbour Office that issues the mooring permits based?')).toContain('located at Kingsbridge Quay');
  });

  it('"which exit code … when" is answered by the entry of the list of codes whose meaning the question describes', async () => {
    const text = ['EXIT STATUS', 'The tool exits with one of these values:', '0', '', 'all files were copied.', '', '1', '', 'a source file could not be read.', '', '2', '', 'the target disk is full.', '', '3', '', 'the options could not be parsed.'];
    const r = await answerOf(text, 'What exit code do I get when the disk I copy to is full?');
    expect(r).toContain('"2 the target disk is full."');
  });

  it('"how big a share" asks for a proportion, not a size', async () => {
    const text = ['For this rule, "founder" means a member who holds more than ten percent (10%) of the votes of the club.', 'Members meet twice a year in the town hall.'];
    expect(await answerOf(text, 'How big a share of the votes must a member hold to count as a founder?')).toContain('ten percent (10%)');
  });

  it('a FAQ\'s own question, asked in other words, is answered by the sentences after it', async () => {
    const text = [
      'Why does the kiln beep three times?', '',
      'Most likely a door was left open while it heated. Close it and the beeping stops.', '',
      'Why is the kiln slow to cool?', '',
      'The walls keep their heat for hours.',
    ];
    const r = await answerOf(text, 'When my kiln beeps three times, what is the probable cause according to this FAQ?');
    expect(r).toContain('Most likely a door was left open while it heated.');
    expect(r).not.toContain('walls');
  });

  it('"why" is answered by a sentence giving the cause with "therefore"', async () => {
    const text = ['On large inputs the old parser is slow, as the tests show.', 'Although it is well made, the old parser ignores how files are laid out on disk, and therefore is slow on large inputs.'];
    expect(await answerOf(text, 'Why is the old parser slow on large inputs?')).toContain('ignores how files are laid out');
  });

  it('a question naming a version is answered from that version\'s part of a changelog', async () => {
    const text = [
      'kiln (6.0-1) unstable; urgency=low', '',
      '  * The cache format was changed from 8 to 9; clear the cache after upgrading.', '',
      ' -- Ann Lee <ann@example.org>  Mon, 02 Mar 2020 10:00:00 +0100', '',
      'kiln (5.5-1) unstable; urgency=low', '',
      '  * The cache format was changed from 7 to 8; clear the cache after upgrading.', '',
      ' -- Ann Lee <ann@example.org>  Fri, 04 Jan 2019 10:00:00 +0100',
    ];
    expect(await answerOf(text, 'Which cache format did the 5.5-1 upload move to?')).toContain('from 7 to 8');
  });

  it('a question naming an option is answered from that option\'s entry, and "if I don\'t pass it" asks its default', async () => {
    const text = [
      'OPTIONS',
      '-w cols | -width cols',
      'Wrap the output after <cols> characters on each line. Default 80. With -z, 0 keeps each record on one line of output.',
      '-g bytes | -group bytes',
      'Put <bytes> characters in each group of the output line. Default 4.',
      'CAVEATS',
      'Very long lines of output are slow to print on old terminals.',
    ];
    expect(await answerOf(text, "If I don't pass -w, how many characters go on each output line?")).toContain('Default 80.');
  });

  it('the numbers a question writes pick the sentence that holds them', async () => {
    const text = [
      'Before you upgrade the firmware, note that the board changed from revision 6 to revision 7, and owners of old boards need a new case for the change.',
      'Owners of a board changed from revision 5 to revision 6 need a new cable when they upgrade the firmware.',
    ];
    expect(await answerOf(text, 'Before upgrading the firmware, what do owners of old boards need for the board change from 5 to 6?')).toContain('a new cable');
    // the 5 of a name ("JSON5", read "JSONS" by OCR on the page) is no number the answer must hold
    expect([...numbersIn('In what year did JSON5, an ES5 subset, begin? In 2012, version 1.5.')]).toEqual(['2012', '1.5']);
  });

  it('"what flag" is answered by a flag in capitals', async () => {
    const text = ['The flags change how the tool runs.', 'V VERBOSE Print each step of the build as it runs.', 'Q QUIET Print nothing but errors.'];
    expect(await answerOf(text, 'What flag do I use to see every step of the build printed?')).toContain('VERBOSE');
  });

  it('"which operation" of a manual: the option that heads the entry the sentence is in', async () => {
    const text = ['--list', 'Show the entries of the cache.', '--prune', 'Empty the cache in part. The arguments name the cache entries to be dropped. At least one must be given.', '--stats', 'Show how large the cache is.'];
    const r = await answerOf(text, 'Which operation drops entries from the cache?');
    expect(r).toContain('--prune');
  });

  it('one sentence far ahead of the rest answers a question in other words, but a title does not', async () => {
    const text = ['The archive tool was first written in 1998.', 'Today the main storage engine used by the archive tool is Granite.', 'Its files are read by many programs.', 'Older versions wrote plain files.'];
    expect(await answerOf(text, 'Which storage engine does the archive tool mostly rely on nowadays?')).toContain('Granite');
    const title = ['ARCHIVE(1) — Storage Engine Manual', '', 'Its files are read by many programs.', 'Older versions wrote plain files.'];
    expect(await answerOf(title, 'Which storage engine version does this manual page describe for readers?')).toBe(NOT_FOUND);
  });

  it('"why wasn’t it …": the sentence naming what is asked about and the next, giving the reason, answer together', async () => {
    const text = ['The old editor was renamed when the new file format was chosen.', 'The spelling library kept its old name though, because changing it would have broken many plugins.', 'The format was later extended twice.'];
    const r = await answerOf(text, "Why wasn't the spelling library renamed when the editor became Quill?");
    expect(r).toContain('because changing it would have broken many plugins');
  });

  it('"what does status 3 mean?": the entry of a list keyed by that number, up to the next key', async () => {
    const text = ['The frob command ends with an exit code that tells whether the run went well.', '0 All went well.', '1 Some records were skipped. The log names each of them.', '3 The index is damaged. Rebuild it with the reindex command.', '4 The disk is full.'];
    const r = await answerOf(text, 'What does it mean when frob exits with code 3?');
    expect(r).toContain('The index is damaged. Rebuild it with the reindex command.');
    expect(r).not.toContain('disk');
  });

  it('"what license is it under?": the section headed with the kind of thing asked for says which', async () => {
    const text = ['Quillpad is a small editor for notes, written in Rust and used by many people.', 'Install', 'Download the archive and run the installer.', 'License', 'BSD-3-Clause. See COPYING for details.', 'Credits', 'Thanks to everyone who sent patches.'];
    const r = await answerOf(text, 'What license is the Quillpad editor released under?');
    expect(r).toContain('BSD-3-Clause');
    // without its heading the line says nothing of a licence
    expect(await answerOf(text.filter((l) => l !== 'License'), 'What license is the Quillpad editor released under?')).not.toContain('BSD-3-Clause');
  });

  it('"why" is answered by the sentence after, pointing back with what it does', async () => {
    const text = ['Short names such as cp for copy and mv for move were added in the second release.', 'This saves a great deal of typing in long scripts.', 'The third release added colour.'];
    expect(await answerOf(text, 'Why were short names like cp added?')).toContain('This saves a great deal of typing');
  });
});
