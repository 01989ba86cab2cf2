import { describe, expect, it } from 'vitest';
import { chooseLanguage, type AutoPage, type Reading } from '../../../src/engines/cpu/auto';
import { LanguageError } from '../../../src/engines/cpu/ready';

const reading = (text: string, confidence: number): Reading => ({
  blocks: [{ bbox: [0, 0, 1, 1], confidence, lines: [{ text, bbox: [0, 0, 1, 1], confidence, words: text.split(' ').map((w) => ({ text: w, bbox: [0, 0, 1, 1] as [number, number, number, number], confidence })) }] }],
  confidence,
  words: text.split(' ').length,
});

/** A page whose readings per language set are given; languages not in `have` cannot be had. */
function page(opts: { first: Reading; osd?: [string, number]; reads: Record<string, Reading>; have: string[]; small?: boolean; printed?: 'chi_sim' | 'chi_tra' | null }): AutoPage & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    first: opts.first,
    doubtful: opts.first.confidence < 0.6,
    small: opts.small ?? false,
    shipped: (c) => opts.have.includes(c),
    osd: opts.osd ? { script: opts.osd[0], scriptConfidence: opts.osd[1] } : null,
    read: async (set, how) => {
      const key = how?.block ? `${set} block` : set;
      asked.push(key);
      return opts.reads[key] ?? reading('', 0);
    },
    ready: async (set) => {
      const missing = set.split('+').find((c) => !opts.have.includes(c));
      if (missing) throw new LanguageError('language_unavailable', `${missing} is not available`);
    },
    ...(opts.printed !== undefined ? { hanVariant: async () => opts.printed! } : {}),
  };
}

const SHIPPED = ['eng', 'rus', 'ara', 'hin', 'chi_sim', 'chi_tra', 'jpn', 'kor', 'deu', 'fra'];
const UKRAINIAN = 'Всі люди народжуються вільними і рівними у своїй гідності та правах. Вони наділені розумом і совістю.';
const GARBAGE = reading('Bcl moan Hapo KyloTbCA BinbHUMU i piBHUMU', 0.3);

describe('language=auto chooses the model', () => {
  it('a Greek page, OSD sure, Greek not to be had: fails naming ell', async () => {
    const p = page({ first: reading('Oioi oi avOpwnoi yevvioUvTal', 0.3), osd: ['Greek', 3], reads: {}, have: SHIPPED });
    await expect(chooseLanguage(p)).rejects.toThrow(/Greek \(ell\)/);
  });

  it('a Hebrew line, OSD unsure, English reading garbage, Hebrew not to be had: fails naming heb', async () => {
    const p = page({ first: reading('Dan WAIN wo', 0.2), osd: ['Hebrew', 0.4], small: true, reads: {}, have: SHIPPED });
    await expect(chooseLanguage(p)).rejects.toThrow(/Hebrew \(heb\)/);
  });

  it('OSD unsure of a script it cannot check: the page keeps English', async () => {
    const p = page({ first: reading('Some faint words here', 0.5), osd: ['Greek', 0.3], reads: {}, have: SHIPPED });
    expect((await chooseLanguage(p)).language).toBe('eng');
  });

  it("OSD's script is not taken when its model reads garbage", async () => {
    const p = page({ first: reading('x', 0.1), osd: ['Devanagari', 2], reads: { hin: reading('डा पा पाक', 0.34) }, have: SHIPPED });
    expect((await chooseLanguage(p)).language).toBe('eng');
  });

  it('Ukrainian is told from Russian, and read with ukr when it can be had', async () => {
    const p = page({ first: GARBAGE, osd: ['Cyrillic', 2], reads: { rus: reading(UKRAINIAN, 0.85), ukr: reading(UKRAINIAN, 0.92) }, have: [...SHIPPED, 'ukr'] });
    const c = await chooseLanguage(p);
    expect(c.language).toBe('ukr');
    expect(p.asked).toEqual(['rus', 'ukr']);
  });

  it('Ukrainian without ukr to be had: read with the Cyrillic model, and said so', async () => {
    const p = page({ first: GARBAGE, osd: ['Cyrillic', 2], reads: { rus: reading(UKRAINIAN, 0.85) }, have: SHIPPED });
    const c = await chooseLanguage(p);
    expect(c.language).toBe('rus');
    expect(c.warning).toMatch(/Ukrainian \(ukr\).*Russian \(rus\)/);
    expect(p.asked).toEqual(['rus']);
  });

  it('Russian read with rus carries no warning', async () => {
    const ru = 'Все люди рождаются свободными и равными в своем достоинстве и правах. Они наделены разумом и совестью.';
    const p = page({ first: GARBAGE, osd: ['Cyrillic', 2], reads: { rus: reading(ru, 0.9) }, have: SHIPPED });
    const c = await chooseLanguage(p);
    expect(c.language).toBe('rus');
    expect(c.warning).toBeUndefined();
  });

  it('a Polish page without pol to be had: the English reading is kept, with a warning naming Polish, and no second pass', async () => {
    const pl = 'Wszyscy ludzie rodza sie wolni i rowni pod wzgledem swej godnosci i swych praw. Sa oni obdarzeni rozumem i sumieniem.';
    const p = page({ first: reading(pl, 0.85), reads: {}, have: SHIPPED });
    const c = await chooseLanguage(p);
    expect(c.language).toBe('eng');
    expect(c.warning).toMatch(/Polish \(pol\).*English \(eng\)/);
    expect(p.asked).toEqual([]);
  });

  it('a Korean page is also read as one block, kept when it holds clearly more', async () => {
    const full = '한강은 한반도 중부를 흐르는 큰 강으로, 강원도 태백시에서 시작하여 서울을 가로질러 서해로 흘러간다.';
    const p = page({ first: reading('Sh Sb 2a', 0.3), osd: ['Korean', 2], reads: { kor: reading('가로질러 서해로 흘러간다.', 0.83), 'kor block': reading(full, 0.93) }, have: SHIPPED });
    const c = await chooseLanguage(p);
    expect(c.language).toBe('kor');
    expect(p.asked).toEqual(['kor', 'kor block']);
    expect(c.reading.blocks[0]!.lines[0]!.text).toBe(full);
  });

  it('a single line of Japanese is also read as one block; a page of it is not', async () => {
    const line = '富士山は、静岡県と山梨県にまたがる活火山で、標高は三千七百七十六メートルである。';
    // as PSM 3 read it: as many characters, some of them scraps
    const reads = { jpn: reading('富ゴ 国ユ 上山は、静岡県と山梨県にまたが る活火山で、標高は三千七 七十六メートルである。', 0.82), 'jpn block': reading(line, 0.88) };
    const small = page({ first: reading('Sh Sb', 0.2), osd: ['Japanese', 2], small: true, reads, have: SHIPPED });
    expect((await chooseLanguage(small)).reading).toBe(reads['jpn block']);
    const large = page({ first: reading('Sh Sb', 0.2), osd: ['Japanese', 2], reads, have: SHIPPED });
    await chooseLanguage(large);
    expect(large.asked).toEqual(['jpn']);
  });

  it('the block reading of a Korean page is not taken when it holds no more', async () => {
    const full = '한강은 한반도 중부를 흐르는 큰 강으로, 강원도 태백시에서 시작하여 서울을 가로질러 서해로 흘러간다.';
    const laidOut = reading(full, 0.9);
    const p = page({ first: reading('Sh Sb 2a', 0.3), osd: ['Korean', 2], reads: { kor: laidOut, 'kor block': reading(full, 0.9) }, have: SHIPPED });
    expect((await chooseLanguage(p)).reading).toBe(laidOut);
  });

  it('a Traditional Chinese form with English: chi_tra+eng', async () => {
    const text = '社區防疫表單 指定處所隔離通知書 這個國家的學生們 COVID-19 Designated Residence Isolation Notice';
    const p = page({ first: reading('ii Bh fe', 0.4), osd: ['Han', 1.4], reads: { 'chi_sim+chi_tra': reading(text, 0.88), 'chi_tra+eng': reading(text, 0.9) }, have: SHIPPED });
    expect((await chooseLanguage(p)).language).toBe('chi_tra');
    // A short text: Simplified is read too, and kept only if it reads clearly surer.
    expect(p.asked).toEqual(['chi_sim+chi_tra', 'chi_tra+eng', 'chi_sim+eng']);
  });

  it('a Simplified line that the two Han models read as Traditional is read with each, and the surer kept', async () => {
    const p = page({
      first: reading('KiT 2 P B', 0.2),
      osd: ['Han', 1.2],
      reads: { 'chi_sim+chi_tra': reading('長江是上國第一長河，全長約六千三', 0.86), chi_tra: reading('長江是上國第一長河，全長約六千三', 0.8), chi_sim: reading('长江是中国第一长河，全长约六千三', 0.93) },
      have: SHIPPED,
    });
    expect((await chooseLanguage(p)).language).toBe('chi_sim');
    expect(p.asked).toEqual(['chi_sim+chi_tra', 'chi_tra', 'chi_sim']);
  });

  it('a Simplified line each Han model reads in its own variant, Traditional the surer: the variant as printed (PP-OCR) settles it', async () => {
    const reads = { 'chi_sim+chi_tra': reading('長江是上國第一長河，全長約六千三', 0.86), chi_tra: reading('長江是中國第一長河，全長約六千三', 0.96), chi_sim: reading('长江是中国第一长河，全长约六千三', 0.93) };
    const printed = page({ first: reading('KiT 2 P B', 0.2), osd: ['Han', 1.2], reads, have: SHIPPED, printed: 'chi_sim' });
    expect((await chooseLanguage(printed)).language).toBe('chi_sim');
    expect(printed.asked).toEqual(['chi_sim+chi_tra', 'chi_sim']);
    // Without a second recogniser, or when it sees no character that differs, the surer reading stands.
    const unsure = page({ first: reading('KiT 2 P B', 0.2), osd: ['Han', 1.2], reads, have: SHIPPED, printed: null });
    expect((await chooseLanguage(unsure)).language).toBe('chi_tra');
  });

  it('a Hebrew line OSD names with no margin, English reading it badly, Hebrew not to be had: fails naming heb; a page so read keeps English', async () => {
    const line = page({ first: reading('TRV? YIN ANT VN IN AI 177 AI', 0.35), osd: ['Hebrew', 0], small: true, reads: {}, have: SHIPPED });
    await expect(chooseLanguage(line)).rejects.toThrow(/Hebrew \(heb\)/);
    const whole = page({ first: reading('TRV? YIN ANT VN IN AI 177 AI', 0.35), osd: ['Hebrew', 0], small: false, reads: {}, have: SHIPPED });
    expect((await chooseLanguage(whole)).language).toBe('eng');
  });

  it('a short Ukrainian line that the identifier takes for Bulgarian: each close language is read, the surest kept', async () => {
    // as rus reads it: і lost or taken for ! and |
    const line = 'Днпро — найбльша р!чка Укратни 1 третя за довжиною в Европ|.';
    const p = page({ first: GARBAGE, osd: ['Cyrillic', 2], reads: { rus: reading(line, 0.67), bul: reading(line, 0.7), ukr: reading('Дніпро — найбільша річка України і третя за довжиною в Європі.', 0.93) }, have: [...SHIPPED, 'ukr', 'bul'] });
    expect((await chooseLanguage(p)).language).toBe('ukr');
  });

  it('a short German line read well by English: German is read, and kept when it reads as sure', async () => {
    const de = 'Der Rhein ist ein Strom in Mitteleuropa.';
    const p = page({ first: reading(de, 0.94), reads: { 'deu+eng': reading(de, 0.95) }, have: SHIPPED });
    expect((await chooseLanguage(p)).language).toBe('deu');
  });

  it('a confident German page pays one more pass, in German, and no OSD pass of another script', async () => {
    const de = 'Alle Menschen sind frei und gleich an Würde und Rechten geboren. Sie sind mit Vernunft und Gewissen begabt.';
    const p = page({ first: reading(de, 0.9), reads: { 'deu+eng': reading(de, 0.93) }, have: SHIPPED });
    expect((await chooseLanguage(p)).language).toBe('deu');
    expect(p.asked).toEqual(['deu+eng']);
  });

  it('an English page is not read again', async () => {
    const p = page({ first: reading('All human beings are born free and equal in dignity and rights and should act in a spirit of brotherhood.', 0.93), reads: {}, have: SHIPPED });
    expect((await chooseLanguage(p)).language).toBe('eng');
    expect(p.asked).toEqual([]);
  });

  it('a small page OSD misplaces is tried with each shipped script, and the one that reads well wins', async () => {
    const p = page({ first: reading('FRET OCHE', 0), osd: ['Devanagari', 2], small: true, reads: { hin: reading('डा पा पाक', 0.34), 'chi_sim+chi_tra': reading('繁體中文測試', 0.95), chi_tra: reading('繁體中文測試', 0.95) }, have: SHIPPED });
    expect((await chooseLanguage(p)).language).toBe('chi_tra');
  });
});
