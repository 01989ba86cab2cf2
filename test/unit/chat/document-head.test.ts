// Questions about the document itself, answered from the lines that say it by convention.
import { describe, expect, it } from 'vitest';
import { extractiveAnswerer, NOT_FOUND } from '../../../src/chat';
import { findHead, headAsk } from '../../../src/chat/document-head';
import { jobFromTexts } from './helpers';

const ask = async (texts: string[], question: string) => extractiveAnswerer.answer({ question, job: jobFromTexts(texts, `head-${question}`), history: [] });

const PAPER = [
  'Journal of Applied Hydrology 58 (2019) 1123–1140',
  '',
  'Groundwater recharge under irrigated orchards',
  '',
  'M. Okafor, L. Brandt and T. Nguyen',
  '',
  'We measure recharge beneath drip-irrigated orchards over three seasons and find that it falls by a third when scheduling follows soil moisture.',
  '',
  '© 2019 Elsevier B.V. All rights reserved.',
].join('\n');

const LECTURE = [
  'Review of Labour Studies, Vol. 12, No. 4 (October, 2021), 455–480',
  '',
  'THE SHAPE OF WAGES',
  'PRIYA RAMAN',
  'Department of Economics, University of Leeds',
  'TOMAS HOLM',
  'Institute for Labour Research, Oslo',
  '',
  'Wages in small firms rose faster than in large ones over the decade, and we ask why.',
].join('\n');

const OPINION = [
  'Before SCHROEDER, Chief Judge, and WALLACE and NELSON, Circuit Judges.',
  'NELSON, Circuit Judge:',
  'The district court granted summary judgment for the insurer. We reverse.',
].join('\n');

describe('questions about the document itself', () => {
  it('reads what a question asks of the document, and nothing else', () => {
    expect(headAsk('Who are the authors of this paper?')).toBe('authors');
    expect(headAsk('Who wrote this article?')).toBe('authors');
    expect(headAsk('Which journal published this article?')).toBe('journal');
    expect(headAsk('Who holds the copyright?')).toBe('copyright');
    expect(headAsk('Which judge wrote the opinion?')).toBe('opinion-judge');
    expect(headAsk('Who wrote the letter to the SEC in 2004?')).toBeNull();
    expect(headAsk('What does the study find about recharge?')).toBeNull();
  });

  it('a byline of initials, a journal head with volume and pages, a copyright line', async () => {
    const a = await ask([PAPER], 'Who are the authors of this paper?');
    expect(a.content).toContain('M. Okafor, L. Brandt and T. Nguyen');
    expect(a.citations?.[0]?.page).toBe(1);
    expect((await ask([PAPER], 'Which journal published this article?')).content).toContain('Journal of Applied Hydrology');
    expect((await ask([PAPER], 'Who holds the copyright of this paper?')).content).toContain('Elsevier B.V.');
  });

  it('names in capitals over their affiliations, and a head with Vol. and No.', async () => {
    const a = await ask([LECTURE], 'Who wrote this paper?');
    expect(a.content).toContain('PRIYA RAMAN, TOMAS HOLM');
    expect(a.content).not.toContain('THE SHAPE OF WAGES');
    expect((await ask([LECTURE], 'In which journal was this published?')).content).toContain('Review of Labour Studies');
  });

  it('a running head with the authors and the journal on one line', async () => {
    const head = ['M. Okafor, L. Brandt and T. Nguyen Journal of Applied Hydrology 58 (2019) 1123–1140', '', 'Groundwater recharge under irrigated orchards falls by a third when scheduling follows soil moisture.'].join('\n');
    expect((await ask([head], 'Who are the authors of this paper?')).content).toBe('The authors are M. Okafor, L. Brandt and T. Nguyen (p. 1).');
    expect((await ask([head], 'Which journal published this article?')).content).toBe('It was published in Journal of Applied Hydrology (p. 1).');
  });

  it('an essay signed at its end: the name after the last sentence, with its date under it', async () => {
    const essay = [
      'On Keeping Bees in Towns\n\nA hive on a roof needs shade at noon and water within a short flight.\n\nNeighbours rarely notice a hive that is kept calm.',
      'Most of the honey is taken in late summer.\nMarta Lindqvist\nLast updated: 2011-Jun-02',
    ];
    expect((await ask(essay, 'Who wrote this essay on bees?')).content).toContain('Marta Lindqvist (p. 2)');
    // a heading after the last sentence is not a signature: more text follows it
    const headed = ['On Keeping Bees in Towns\n\nA hive on a roof needs shade at noon.\nFurther Reading\nThe beekeeper\'s handbook has more on shade.'];
    expect((await ask(headed, 'Who wrote this essay on bees?')).content).not.toContain('Further Reading');
  });

  it('when an issue or paper was published: the date in the running head', async () => {
    expect(headAsk('When was this issue of the Review published?')).toBe('published');
    expect(headAsk('In which year was this article published?')).toBe('published');
    expect(headAsk('When was the survey published by the ministry?')).toBeNull();
    expect((await ask([LECTURE], 'When was this issue of the Review published?')).content).toBe('It was published in October, 2021 (p. 1).');
    expect((await ask([PAPER], 'In which year was this paper published?')).content).toBe('It was published in 2019 (p. 1).');
  });

  it("a court opinion's author: the judge whose name opens it, not the panel", async () => {
    const a = await ask(['Page one of the record.', OPINION], 'Which judge wrote the opinion?');
    expect(a.content).toContain('NELSON');
    expect(a.citations?.[0]?.page).toBe(2);
  });

  it('a document without such lines: no answer from its head, and the question is declined', async () => {
    const memo = ['Meeting notes', '', 'The budget for the garden was approved and planting starts in April.'].join('\n');
    expect(findHead('authors', jobLines(memo))).toBeNull();
    expect(findHead('journal', jobLines(memo))).toBeNull();
    expect((await ask([memo], 'Who holds the copyright?')).content).toBe(NOT_FOUND);
  });
});

describe('how long the document is', () => {
  it('reads "Page 1 of 6" in a footer as six pages, and asks only "how many pages" of the document', async () => {
    const form = ['APPLICATION FOR A PERMIT', '', 'Your name: __________', '', 'Page 1 of 6'].join('\n');
    expect(headAsk('How many pages long is the application?')).toBe('pages');
    expect(headAsk('How many pages does this form have?')).toBe('pages');
    expect(headAsk('How many pages of notes did the clerk keep?')).toBeNull();
    const reply = await ask([form], 'How many pages long is the application?');
    expect(reply.content).toContain('6 pages');
    expect(reply.citations?.[0]?.snippet).toBe('Page 1 of 6');
    expect(findHead('pages', jobLines('Pg. 2/10 of the minutes'))?.value).toBe('10 pages');
    expect(findHead('pages', jobLines('Section 3 of the act'))).toBeNull();
  });
});

function jobLines(text: string) {
  return text.split('\n').filter((t) => t.trim()).map((t, order) => ({ page: 1, block: 0, order, text: t, upper: t.toUpperCase() }));
}
