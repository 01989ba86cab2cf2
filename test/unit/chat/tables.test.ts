// A table read as facts: the row the question names, the column it asks for, one cell.
import { describe, expect, it } from 'vitest';
import { extractiveAnswerer } from '../../../src/chat';
import { findTableCell } from '../../../src/chat/tables';
import { answerType } from '../../../src/chat/answer-type';
import type { Job, Table } from '../../../src/shared/contract';
import { pageFromText } from './helpers';

/** A job of one page: a sentence, then the table as the layout writes it (cells joined by tabs). */
function jobWith(tables: Table[], prose = 'This page lists the figures of the year.'): Job {
  const page = pageFromText(prose);
  for (const t of tables) {
    const text = t.rows.map((r) => r.join('\t')).join('\n');
    page.text += `\n\n${text}`;
    page.blocks.push({ text, bbox: t.bbox, confidence: 0.9, kind: 'table' });
  }
  page.tables = tables;
  return { uuid: 'tables', status: 'done', pages: [page], text: page.text, markdown: page.text } as unknown as Job;
}

const sectors: Table = {
  bbox: [0, 100, 900, 400],
  rows: [
    ['Sector', 'Agent Staffing', 'Apprehensions', 'Other Than Mexican Apprehensions', 'Rescues'],
    ['Miami', '127', '1,891', '1,358', '0'],
    ['El Centro', '863', '35,138', '15,869', '78'],
    ['El Paso', '2,160', '182,143', '166,960', '40'],
  ],
};

const deals: Table = {
  bbox: [0, 100, 900, 400],
  rows: [
    ['Company', 'Buyer/Investor', 'Amount (mil.)', 'Country'],
    ['Poloniex', 'Circle Internet Fin.', '$400.0', 'U.S.'],
    ['Tipalti', 'Series C', '$30.0', 'U.S.'],
    ['Payworks', 'Series B', '$14.5', 'Germany'],
  ],
};

const ask = async (job: Job, question: string) => extractiveAnswerer.answer({ question, job, history: [] });

describe('tables read as facts', () => {
  it('answers with the cell where the named row meets the asked column, and cites the row', async () => {
    const job = jobWith([sectors]);
    const reply = await ask(job, 'How many apprehensions did the El Paso sector make?');
    expect(reply.content).toBe('El Paso, Apprehensions: 182,143 (p. 1, in a table).');
    expect(reply.citations).toEqual([{ page: 1, snippet: 'El Paso\t2,160\t182,143\t166,960\t40' }]);
    expect(job.pages[0]!.text).toContain(reply.citations![0]!.snippet);
    // the header the question names most fully wins over one that only shares a word
    expect((await ask(job, 'How many other than Mexican apprehensions were there in El Centro?')).content).toMatch(/: 15,869 /);
    expect((await ask(job, 'How many agents were on staff in Miami?')).content).toMatch(/Miami, Agent Staffing: 127 /);
  });

  it('reads "who bought" from a Buyer column and "how much" from an Amount column', async () => {
    const job = jobWith([deals]);
    expect((await ask(job, 'Who bought Poloniex?')).content).toMatch(/^Poloniex, Buyer\/Investor: Circle Internet Fin\./);
    expect((await ask(job, 'How much money did Tipalti raise?')).content).toMatch(/^Tipalti, Amount \(mil\.\): \$30\.0 /);
    expect((await ask(job, 'Which country is Payworks in?')).content).toMatch(/^Payworks, Country: Germany /);
  });

  it('takes a header the OCR misread by a letter or two', () => {
    const misread: Table = { ...sectors, rows: [['SECTOR', 'staging:', 'APPrenensions', 'O00 i oe', 'Rescues'], ...sectors.rows.slice(1)] };
    const cell = findTableCell(jobWith([misread]), 'How many apprehensions did the El Paso sector make?', answerType('How many apprehensions did the El Paso sector make?'));
    expect(cell?.value).toBe('182,143');
  });

  it('reads a two-column list without a header as keys and values', async () => {
    const info: Table = { bbox: [0, 0, 400, 100], header: false, rows: [['Kingdom', 'Plantae'], ['Type species', 'Iris germanica'], ['Family', 'Iridaceae']] };
    expect((await ask(jobWith([info]), 'What is the type species?')).content).toMatch(/Iris germanica/);
  });

  it('answers nothing from a table when the row, the column or the kind of value is not there', () => {
    const job = jobWith([sectors, deals]);
    const none = (question: string) => findTableCell(job, question, answerType(question));
    // no such row
    expect(none('How many apprehensions did the Phoenix sector make?')).toBeNull();
    // a row but no column the question asks for
    expect(none('When was the El Paso sector founded?')).toBeNull();
    // "how many" wants a number: a name's column does not answer it
    expect(none('How many buyers did Poloniex have?')).toBeNull();
    // two rows named equally, with different values: not guessed
    expect(findTableCell(jobWith([{ ...deals, rows: [...deals.rows, ['Tipalti', 'Series D', '$150.0', 'U.S.']] }]), 'How much did Tipalti raise?', answerType('How much did Tipalti raise?'))).toBeNull();
  });
});

describe('tables read by OCR', () => {
  it('finds the column when two headers were read as one', async () => {
    const merged: Table = { ...deals, rows: [['Company', 'Buyer/Investor Amount (mil.)', 'Country'], ['Poloniex', 'Circle Internet Fin."', 'us.'], ['Tipalti', 'Series C*', 'us.']] };
    expect((await ask(jobWith([merged]), 'Who bought Poloniex?')).content).toMatch(/^Poloniex, Buyer\/Investor Amount \(mil\.\): Circle Internet Fin\."/);
  });

  it('two tables set side by side: a row names its own columns, not the ones beside', async () => {
    const twin: Table = {
      bbox: [0, 0, 900, 200],
      rows: [
        ['Company', 'Buyer/Investor', 'Country', 'Company', 'Buyer/Investor', 'Country'],
        ['Poloniex', 'Circle Internet Fin.', 'U.S.', 'Great Lakes Scrip', 'Bold Orange', 'U.S.'],
        ['Payworks', 'Series B', 'Germany', 'Eurogiro', 'Inpay', 'Denmark'],
      ],
    };
    const job = jobWith([twin]);
    expect((await ask(job, 'Who bought Poloniex?')).content).toMatch(/^Poloniex, Buyer\/Investor: Circle Internet Fin\./);
    expect((await ask(job, 'Who bought Great Lakes Scrip?')).content).toMatch(/^Great Lakes Scrip, Buyer\/Investor: Bold Orange /);
    expect((await ask(job, 'Which country is Eurogiro in?')).content).toMatch(/^Eurogiro, Country: Denmark /);
  });
});

describe('tables in the text', () => {
  it('lines of tab-separated cells are a table when the page lists none', async () => {
    const { textTables } = await import('../../../src/chat/tables');
    const text = 'Package metadata\nPackage\tVersion\tLicense\tAuthor\npapaparse\t5.7.1\tMIT\tMatthew Holt\ndexie\t4.4.7\tApache-2.0\tDavid Fahlander\n\nThe end.';
    expect(textTables(text)).toEqual([{ rows: [['Package', 'Version', 'License', 'Author'], ['papaparse', '5.7.1', 'MIT', 'Matthew Holt'], ['dexie', '4.4.7', 'Apache-2.0', 'David Fahlander']], bbox: [0, 0, 0, 0] }]);
    const job = jobWith([]);
    job.pages[0]!.text = text;
    const page = job.pages[0]!;
    page.blocks = [];
    // "licence" as the question spells it, "License" as the header does
    expect((await ask(job, 'What licence is dexie under?')).content).toBe('dexie, License: Apache-2.0 (p. 1, in a table).');
    // "when" wants a date: a version number does not answer it
    expect(findTableCell(job, 'When was this version of papaparse released?', answerType('When was this version of papaparse released?'))).toBeNull();
  });
});

describe('a row found by what it says', () => {
  const packages: Table = {
    bbox: [0, 0, 900, 300],
    rows: [
      ['Package', 'Version', 'Description'],
      ['franc-min', '6.2.0', 'Detect the language of text'],
      ['marked', '18.2.1', 'A markdown parser built for speed'],
      ['idb', '7.1.1', 'A small wrapper that makes IndexedDB usable'],
    ],
  };

  it('"which of these packages …" names the column, the rest of the question the row', async () => {
    const job = jobWith([packages]);
    expect((await ask(job, 'Which of these packages can tell what language a text is written in?')).content).toBe('franc-min, Description: Detect the language of text (p. 1, in a table).');
    expect((await ask(job, 'Which package is a parser for markdown?')).content).toMatch(/^marked, Description: /);
  });

  it('no row holds enough of the question: no answer from the table', () => {
    const job = jobWith([packages]);
    expect(findTableCell(job, 'Which package draws charts in the browser?', null)).toBeNull();
  });
});

describe('rows named by a number, cells described by their column, columns found only by kind', () => {
  const releases: Table = {
    bbox: [0, 100, 900, 400],
    rows: [
      ['Release', 'Based on', 'Year', 'Holder', 'Section'],
      ['3.0', '2.4', '2009', 'Acme Labs', 'tools'],
      ['3.0.1', '3.0', '2010', 'Widget Trust', 'games'],
      ['3.2', '3.0.1', '2012', 'Widget Trust', 'science'],
    ],
  };
  const ask = async (job: Job, question: string) => extractiveAnswerer.answer({ question, job, history: [] });

  it('a version in the first column names its row where the question writes it whole', async () => {
    const job = jobWith([releases]);
    expect((await ask(job, 'Who held release 3.0?')).content).toBe('3.0, Holder: Acme Labs (p. 1, in a table).');
    expect((await ask(job, 'Which version was 3.2 based on?')).content).toBe('3.2, Based on: 3.0.1 (p. 1, in a table).');
  });

  it('"which release belongs to the games section" finds the cell by its value and its column', async () => {
    const job = jobWith([releases]);
    expect((await ask(job, 'Which release in the table belongs to the games section?')).content).toBe('3.0.1, Section: games (p. 1, in a table).');
  });

  it('a column found only by the kind of value does not answer a question with a word the document lacks', () => {
    const sizes: Table = { bbox: [0, 100, 900, 400], rows: [['Package', 'Version', 'Installed size (KiB)'], ['bash', '5.2', '7164'], ['sed', '4.9', '1020']] };
    const job = jobWith([sizes]);
    expect(findTableCell(job, 'How large is the download of the bash package?', answerType('How large is the download of the bash package?'))).toBeNull();
    expect(findTableCell(job, 'How large is the bash package?', answerType('How large is the bash package?'))?.value).toBe('7164');
  });
});

describe('a table of dates', () => {
  const releases: Table = {
    bbox: [0, 100, 900, 400],
    rows: [
      ['Version', 'Name', 'Released', 'End of life', 'End of LTS'],
      ['1.0', 'Alder', '2010-03-01', '2012-03-01', ''],
      ['2.0', 'Birch', '2012-03-01', '2014-09-30', '2016-09-30'],
      ['3.0', 'Cedar', '2014-05-15', '2017-01-31', '2019-01-31'],
    ],
  };
  const job = jobWith([releases]);
  const ask = async (question: string) => (await extractiveAnswerer.answer({ question, job, history: [] })).content;

  it('a column headed with a short form is asked for in words ("long-term support" for "LTS")', async () => {
    expect(await ask('Until what date does Birch get long-term support?')).toContain('2016-09-30');
  });

  it('a row found by the date the question writes, in another form than the table’s', async () => {
    const r = await ask('Which version came out on 15 May 2014?');
    expect(r).toContain('Cedar');
    expect(r).toContain('3.0');
  });

  it('a date two rows hold: the row where it is in the column the question names, else none', async () => {
    const r = await ask('Which version was released on 1 March 2012?');
    expect(r).toContain('Birch');
    expect(r).not.toContain('Alder');
    const question = 'What happened on 1 March 2012?';
    expect(findTableCell(job, question, answerType(question))).toBeNull();
  });

  it('a year the question names alone: the one row dated in it ("from the start of 1999")', async () => {
    const offsets: Table = {
      bbox: [0, 100, 900, 400],
      rows: [['Timestamp', 'Offset (s)', 'Date'], ['3029529600', '31', '1 Jan 1996'], ['3124137600', '32', '1 Jan 1999'], ['3345062400', '33', '1 Jan 2006']],
    };
    const ask = async (question: string) => (await extractiveAnswerer.answer({ question, job: jobWith([offsets]), history: [] })).content;
    expect(await ask('How many seconds was the offset from the start of 1999?')).toContain('32');
    expect(await ask('What was the offset in 2006?')).toContain('33');
  });
});

describe('the kind of answer a question asks for', () => {
  it('"email" asks for an address only where it is the noun asked about', () => {
    expect(answerType("What is Ann Lee's email?")?.kind).toBe('email');
    expect(answerType('What is the email address of the office?')?.kind).toBe('email');
    expect(answerType('What email address should I use to report a bug?')?.kind).toBe('email');
    expect(answerType('Which RFC does the default email message policy follow?')?.kind).not.toBe('email');
  });

  it('"when X, what …?" asks for the what; the when-clause sets the scene', () => {
    expect(answerType('When was the project renamed?')?.kind).toBe('time');
    expect(answerType('When the project was renamed, what version number did it take?')?.kind).not.toBe('time');
  });
});
