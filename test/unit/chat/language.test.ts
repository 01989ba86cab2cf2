// Rules of language the extractive answerer reads prose by, on made-up documents that the
// question set (bench/chat-questions.json) does not hold: the kind of value a question's
// form asks for, sentences cut by the layout, line-end hyphens, keys without a colon,
// pronouns that point back, and declining when the text does not say.
import { describe, expect, it } from 'vitest';
import { extractiveAnswerer, NOT_FOUND } from '../../../src/chat';
import { answerType } from '../../../src/chat/answer-type';
import { joinHyphenated } from '../../../src/chat/text';
import type { ChatMessage, Job } from '../../../src/shared/contract';
import { jobFromTexts } from './helpers';

async function ask(job: Job, question: string): Promise<ChatMessage> {
  const msg = await extractiveAnswerer.answer({ question, job, history: [] });
  for (const c of msg.citations ?? []) expect(job.pages[c.page - 1].text).toContain(c.snippet);
  return msg;
}

const harbour = jobFromTexts([
  [
    'The Harbour of Vell',
    '',
    'The old harbour of Vell was dredged by the Marrow company, whose engineers came',
    'from the north coast. Work on the outer mole began in the spring of 1874 under',
    'the engineer Edda Lorne.',
    '',
    'The breakwater stones are quarried at Hask. They are known locally as "greys".',
    'The inner basin holds fourteen berths for fishing boats and two for the ferry.',
    'Harbour dues were cut after the storm of 1901 damaged the quays, because the',
    '',
    'town council wanted the fleet to return quickly.',
  ].join('\n'),
  [
    'Port facts',
    'Founded',
    'Vell Harbour Trust',
    'Harbour master',
    'Tomas Ferrel',
    'Reference no.: VH-2291',
    'Contact: Tomas Ferrel: t.ferrel@vell-harbour.example',
    '',
    'The lighthouse keeper lives in the cottage by the mole. The non-',
    'stop ferry to Aun runs twice a day in summer.',
  ].join('\n'),
]);

describe('the kind of value a question asks for', () => {
  it('reads the kind from the question form', () => {
    expect(answerType('When did work on the mole begin?')?.kind).toBe('time');
    expect(answerType('In which year was it built?')?.kind).toBe('time');
    expect(answerType('How many berths are there?')?.kind).toBe('quantity');
    expect(answerType('How tall is the lighthouse?')?.kind).toBe('measure');
    expect(answerType('How much did the dredging cost?')?.kind).toBe('money');
    expect(answerType('What are the stones called?')?.kind).toBe('name');
    expect(answerType("What is the harbour master's email address?")?.kind).toBe('email');
    expect(answerType('Who dredged the harbour?')?.kind).toBe('person');
    expect(answerType('Why were harbour dues cut?')?.kind).toBe('reason');
    expect(answerType('What is the term for a harbour wall?')?.kind).toBe('name');
    expect(answerType("What is the keeper's date of birth?")?.kind).toBe('time');
    expect(answerType('Where is the cottage?')?.kind).toBe('place');
    expect(answerType('In which town was the keeper born?')?.kind).toBe('place');
    // a clause that opens with "where" is no question of place
    expect(answerType('Where the wall is low, what grows on it?')).toBeNull();
    expect(answerType('Who owns the quay?')).not.toBeNull();
  });

  it('"where" holds a place named after a preposition, or a path', () => {
    const where = answerType('Where is the cottage?')!;
    for (const t of ['It stands in Penzance, Cornwall.', 'The keeper lived at the Old Mill.', 'Logs go to /var/log/keeper.']) expect(where.holds(t), t).toBe(true);
    expect(where.holds('It stands on the hill above the harbour.')).toBe(false);
  });

  it('"how big" holds a size of data too, in the units software is measured in', () => {
    const big = answerType('How big is the download?')!;
    expect(big.kind).toBe('measure');
    for (const t of ['a tiny 8kB package', 'about 2 GiB of memory', 'files up to 512 bytes', 'a 40 MB model', 'at 300 px wide']) expect(big.holds(t), t).toBe(true);
    expect(big.holds('version 8 of the package')).toBe(false);
  });

  it('answers "who" with the sentence that names someone, in other words than the question’s', async () => {
    const job = jobFromTexts([['The survey of the quays had careful assistance by Ana Vey and Bo Lund.', '', 'The quays were mended in 1903.'].join('\n')]);
    expect((await ask(job, 'Who helped with the survey as assistants?')).content).toContain('Ana Vey and Bo Lund');
  });

  it('answers "what is the term for" with the sentence that gives the name', async () => {
    expect((await ask(harbour, 'What is the term for the breakwater stones?')).content).toContain('greys');
  });

  it('answers "why" from a sentence that gives no reason word, when it holds the question', async () => {
    expect((await ask(harbour, 'Why does the lighthouse keeper live by the mole?')).content).toContain('lives in the cottage by the mole');
  });

  it('answers "why" with the sentence beside it when that one gives the reason', async () => {
    const job = jobFromTexts([['The ferry timetable of Vell was changed in the spring of 1902. It had', 'to be, because the quays were being mended.', '', 'The harbour has a lighthouse.'].join('\n')]);
    expect((await ask(job, 'Why was the ferry timetable changed?')).content).toContain('because the quays were being mended');
  });

  it('finds a word with a footnote number run into it', async () => {
    const job = jobFromTexts([['Investors', 'Vell Harbour Trust12', '', '12Purchased a quarter of the quays from the council.'].join('\n')]);
    expect((await ask(job, 'What was purchased from the council?')).content).toContain('quarter of the quays');
  });

  it('answers "when" from the sentence that holds a time, though it lacks the word "year"', async () => {
    const msg = await ask(harbour, 'In which year did work on the outer mole begin?');
    expect(msg.content).toContain('1874');
    expect(msg.citations?.[0].page).toBe(1);
  });

  it('answers "how many" from the sentence with a number, written as a word', async () => {
    const msg = await ask(harbour, 'How many berths does the inner basin hold for fishing boats?');
    expect(msg.content).toContain('fourteen');
  });

  it('takes the next sentence when it points back with a pronoun and holds the name', async () => {
    const msg = await ask(harbour, 'What are the breakwater stones called?');
    expect(msg.content).toContain('"greys"');
    expect(msg.citations).toHaveLength(1);
  });

  it('declines a measure the text does not give, though a bare count is there', async () => {
    expect((await ask(harbour, 'How tall is the inner basin wall?')).content).toBe(NOT_FOUND);
  });

  it('declines money the text does not state', async () => {
    expect((await ask(harbour, 'How much did the dredging of the harbour cost?')).content).toBe(NOT_FOUND);
  });
});

describe('sentences the layout cut', () => {
  it('goes on across a block break in mid-sentence', async () => {
    const msg = await ask(harbour, 'Why were harbour dues cut after the storm?');
    expect(msg.content).toContain('town council wanted the fleet to return quickly');
  });

  it('joins a word broken at a line end, and keeps the hyphen of a compound', () => {
    expect(joinHyphenated('the interro-\ngation')).toBe('the interrogation');
    expect(joinHyphenated('the fraud-on-the-\nmarket doctrine')).toBe('the fraud-on-the-market doctrine');
  });

  it('quotes the joined word', async () => {
    const msg = await ask(harbour, 'How often does the ferry to Aun run in summer?');
    expect(msg.content).toContain('nonstop ferry to Aun runs twice a day');
  });
});

describe('keys and values', () => {
  it('reads a key without a colon over its value', async () => {
    const msg = await ask(harbour, 'Who is the harbour master?');
    expect(msg.content).toContain('Tomas Ferrel');
    expect(msg.citations?.[0].page).toBe(2);
  });

  it('answers "reference number" from "Reference no.:" with digits', async () => {
    expect((await ask(harbour, 'What is the reference number?')).content).toContain('VH-2291');
  });

  it('answers an email question only with an email', async () => {
    expect((await ask(harbour, "What is Tomas Ferrel's email address?")).content).toContain('t.ferrel@vell-harbour.example');
  });
});

describe('a sentence whose first line the reading order put apart', () => {
  it('follows the boxes to the block right below, in the same column', async () => {
    const job = jobFromTexts(['related to the dredging contract and its costs.\n\nThe harbour trust met twice that year.\n\n12. The fall in the trust\'s income is directly attributable to the announcements']);
    const [rest, other, head] = job.pages[0].blocks;
    // the head line sits above the rest of its paragraph; the other block is in another column
    head.bbox = [40, 100, 900, 120];
    rest.bbox = [0, 122, 900, 142];
    other.bbox = [1000, 100, 1800, 120];
    const msg = await ask(job, "What is the fall in the trust's income attributable to?");
    expect(msg.content).toContain('directly attributable to the announcements related to the dredging contract');
    // two stretches of the page text, each quoted exactly
    expect(msg.citations).toHaveLength(2);
  });
});

describe('words that say little of what is asked', () => {
  const ruling = jobFromTexts([
    [
      'MARLOW SHIPPING v. PORT OF HASK',
      'Argued and Submitted March 3, 1990.',
      'Decided June 14, 1990.',
      '',
      'This case turns on the meaning of one clause, which the courts read narrowly.',
      'Marlow Shipping obtained a loan of $2,400,000 from the harbour board in 1984, at 9 percent interest.',
      'The harbour board made 12 rulings on ferries that year.',
      'On a default the board may take the ferries. The board decided to sell them.',
    ].join('\n'),
  ]);

  it('a noun naming the document ("the case") need not be in the sentence that answers', async () => {
    expect((await ask(ruling, 'When was the case decided?')).content).toContain('June 14, 1990');
    // it still counts a little: a survey the document is about is matched by its name
    const job = jobFromTexts([['The survey of the quays had careful assistance by Ana Vey and Bo Lund.', '', 'The quays were mended in 1903.'].join('\n')]);
    expect((await ask(job, 'Who helped with the survey as assistants?')).content).toContain('Ana Vey and Bo Lund');
  });

  it('"how much was the loan" asks for money, and a light verb ("made") need not be in its sentence', async () => {
    expect(answerType('How much was the loan the board made to Marlow?')?.kind).toBe('money');
    expect(answerType('How much was the settlement?')?.kind).toBe('money');
    expect(answerType('How much rain fell in May?')?.kind).toBe('quantity');
    expect((await ask(ruling, 'How much was the loan the harbour board made to Marlow Shipping?')).content).toContain('$2,400,000');
  });

  it('a sentence that points back is read with the one before it that names its subject', async () => {
    const job = jobFromTexts([
      [
        'A garden iris may have a "beard", a row of hairs on each falls petal that guides bees to the nectar.',
        'The inner petals stand upright behind the sepals. They are called "standards" by garden iris growers.',
      ].join('\n'),
    ]);
    const msg = await ask(job, 'What are the inner petals of a garden iris called?');
    expect(msg.content).toContain('They are called "standards"');
    expect(msg.content).toContain('stand upright');
  });

  it('"formerly", "renamed" and "a.k.a." name a thing as "called" does', async () => {
    const job = jobFromTexts([['Streets of Vell', '', 'Harbour Road (formerly Quay Lane)', 'Mill Street', '', 'The market moved to Harbour Road in 1921 and was "the new market" for years.'].join('\n')]);
    expect((await ask(job, 'What was Harbour Road previously named?')).content).toContain('formerly Quay Lane');
  });

  it('"what common name is used …" asks for a name, as "what is it called" does', async () => {
    expect(answerType('What common name is used for some heather species?')?.kind).toBe('name');
    expect(answerType('Which name was given to the ship?')?.kind).toBe('name');
    const job = jobFromTexts([
      [
        'Heather grows on acid soils. Heather flowers in late summer. Bees make a dark honey from heather.',
        '',
        'Heather is widely used as a common name for all species of the genus, and for some of its close relatives on the moors of the north. A common name for some species is ling, while the tall ones are known as tree heaths.',
      ].join('\n'),
    ]);
    expect((await ask(job, 'What common name is used for some heather species?')).content).toContain('ling');
  });
});
