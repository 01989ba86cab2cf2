import { describe, expect, it } from 'vitest';
import { hanVariant, hanVariantOf, languageOf, rankLanguages, scriptFromOsd, scriptOf, shareOf, wideIdentifier } from '../../../src/languages/detect';

// Real sentences (the opening of the Universal Declaration of Human Rights and similar).
const SAMPLES: [code: string, script: string, text: string][] = [
  ['eng', 'Latin', 'All human beings are born free and equal in dignity and rights. They are endowed with reason and conscience and should act towards one another in a spirit of brotherhood.'],
  ['deu', 'Latin', 'Alle Menschen sind frei und gleich an Würde und Rechten geboren. Sie sind mit Vernunft und Gewissen begabt und sollen einander im Geist der Brüderlichkeit begegnen.'],
  ['fra', 'Latin', "Tous les êtres humains naissent libres et égaux en dignité et en droits. Ils sont doués de raison et de conscience et doivent agir les uns envers les autres dans un esprit de fraternité."],
  ['spa', 'Latin', 'Todos los seres humanos nacen libres e iguales en dignidad y derechos y, dotados como están de razón y conciencia, deben comportarse fraternalmente los unos con los otros.'],
  ['pol', 'Latin', 'Wszyscy ludzie rodzą się wolni i równi pod względem swej godności i swych praw. Są oni obdarzeni rozumem i sumieniem i powinni postępować wobec innych w duchu braterstwa.'],
  ['tur', 'Latin', 'Bütün insanlar hür, haysiyet ve haklar bakımından eşit doğarlar. Akıl ve vicdana sahiptirler ve birbirlerine karşı kardeşlik zihniyeti ile hareket etmelidirler.'],
  ['vie', 'Latin', 'Tất cả mọi người sinh ra đều được tự do và bình đẳng về nhân phẩm và quyền lợi. Mọi con người đều được tạo hóa ban cho lý trí và lương tâm và cần phải đối xử với nhau trong tình anh em.'],
  ['rus', 'Cyrillic', 'Все люди рождаются свободными и равными в своем достоинстве и правах. Они наделены разумом и совестью и должны поступать в отношении друг друга в духе братства.'],
  ['ukr', 'Cyrillic', 'Всі люди народжуються вільними і рівними у своїй гідності та правах. Вони наділені розумом і совістю і повинні діяти у відношенні один до одного в дусі братерства.'],
  ['ell', 'Greek', 'Όλοι οι άνθρωποι γεννιούνται ελεύθεροι και ίσοι στην αξιοπρέπεια και τα δικαιώματα. Είναι προικισμένοι με λογική και συνείδηση, και οφείλουν να συμπεριφέρονται μεταξύ τους με πνεύμα αδελφοσύνης.'],
  ['heb', 'Hebrew', 'כל בני אדם נולדו בני חורין ושווים בערכם ובזכויותיהם. כולם חוננו בתבונה ובמצפון, לפיכך חובה עליהם לנהוג איש ברעהו ברוח של אחוה.'],
  ['ara', 'Arabic', 'يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا وعليهم أن يعامل بعضهم بعضًا بروح الإخاء.'],
  ['hin', 'Devanagari', 'सभी मनुष्यों को गौरव और अधिकारों के मामले में जन्मजात स्वतन्त्रता और समानता प्राप्त है। उन्हें बुद्धि और अन्तरात्मा की देन प्राप्त है और परस्पर उन्हें भाईचारे के भाव से बर्ताव करना चाहिए।'],
  ['tha', 'Thai', 'มนุษย์ทั้งหลายเกิดมามีอิสระและเสมอภาคกันในเกียรติศักดิ์และสิทธิ ต่างมีเหตุผลและมโนธรรม และควรปฏิบัติต่อกันด้วยเจตนารมณ์แห่งภราดรภาพ'],
  ['chi_sim', 'Han', '人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。这个国家的学生们说，时间过得很快。'],
  ['chi_tra', 'Han', '人人生而自由，在尊嚴和權利上一律平等。他們賦有理性和良心，並應以兄弟關係的精神相對待。這個國家的學生們說，時間過得很快。'],
  ['jpn', 'Japanese', 'すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。人間は、理性と良心とを授けられており、互いに同胞の精神をもって行動しなければならない。'],
  ['kor', 'Hangul', '모든 인간은 태어날 때부터 자유로우며 그 존엄과 권리에 있어 동등하다. 인간은 천부적으로 이성과 양심을 부여받았으며 서로 형제애의 정신으로 행동하여야 한다.'],
];

describe('language=auto from recognised text', () => {
  it.each(SAMPLES)('%s: the script is %s and the language is told', (code, script, text) => {
    expect(scriptOf(text)).toBe(script);
    expect(languageOf(text, script)).toBe(code);
  });

  it('tells the script from a single short line', () => {
    expect(scriptOf('وقال أبو عبيدة')).toBe('Arabic');
    expect(scriptOf('Καλημέρα κόσμε')).toBe('Greek');
    expect(scriptOf('社區活動中心')).toBe('Han');
    expect(scriptOf('안녕하세요')).toBe('Hangul');
    expect(scriptOf('こんにちは世界')).toBe('Japanese');
  });

  it('a short line falls back on telling letters, then on the script broad model', () => {
    expect(languageOf('Привіт, світе! Їжак', 'Cyrillic')).toBe('ukr');
    expect(languageOf('Привет, мир', 'Cyrillic')).toBe('rus');
    expect(languageOf('وقال أبو عبيدة', 'Arabic')).toBe('ara');
    expect(languageOf('Zażółć gęślą jaźń', 'Latin')).toBe('pol');
    expect(languageOf('Hello there', 'Latin')).toBe('eng');
  });

  it('a short line: the close choices, for readings to decide; a long text: one', () => {
    expect(rankLanguages('Der Rhein ist ein Strom in Mitteleuropa.', 'Latin')[0]).toBe('deu');
    expect(rankLanguages('Wista jest najdtuzsza rzeka w Polsce.', 'Latin')[0]).toBe('pol');
    expect(rankLanguages('The Thames is a river that flows through southern England,', 'Latin')[0]).toBe('eng');
    expect(rankLanguages('Днпро — найбльша р!чка Укратни 1 третя за довжиною в Европ|.', 'Cyrillic')).toContain('ukr');
    expect(rankLanguages('長江是上國第一長河，全長約六千三', 'Han')).toEqual(['chi_tra', 'chi_sim']);
    expect(rankLanguages(SAMPLES.find(([c]) => c === 'pol')![2], 'Latin')).toEqual(['pol']);
  });

  it('Traditional from Simplified by the characters that differ', () => {
    expect(hanVariant('社區服務中心 申請表格 這是個問題')).toBe('chi_tra');
    expect(hanVariant('社区服务中心 申请表格 这是个问题')).toBe('chi_sim');
    expect(hanVariant('人人生而自由')).toBe('chi_sim');
  });

  it('garbage Latin from an English model on another script reads as Latin, not as the script', () => {
    expect(shareOf('l)l.>} ai lye JI ;', 'Arabic')).toBe(0);
    expect(scriptOf('l)l.>} ai lye JI ;')).toBe('Latin');
  });

  it('mixed Chinese and English: Han still leads', () => {
    expect(scriptOf('社區服務中心 Community Service Centre 申請表格 Application Form')).toBe('Han');
  });

  it("folds OSD's script names", () => {
    expect(scriptFromOsd('HanT')).toBe('Han');
    expect(scriptFromOsd('Katakana')).toBe('Japanese');
    expect(scriptFromOsd('Cyrillic')).toBe('Cyrillic');
  });
});

// Languages Tesseract has that franc-min does not know (the same article of the Declaration).
const BEYOND_FRANC_MIN: [code: string, text: string][] = [
  ['dan', 'Alle mennesker er født frie og lige i værdighed og rettigheder. De er udstyret med fornuft og samvittighed, og de bør handle mod hverandre i en broderskabets ånd.'],
  ['nor', 'Alle mennesker er født frie og med samme menneskeverd og menneskerettigheter. De er utstyrt med fornuft og samvittighet og bør handle mot hverandre i brorskapets ånd.'],
  ['fin', 'Kaikki ihmiset syntyvät vapaina ja tasavertaisina arvoltaan ja oikeuksiltaan. Heille on annettu järki ja omatunto, ja heidän on toimittava toisiaan kohtaan veljeyden hengessä.'],
  ['cat', 'Tots els éssers humans neixen lliures i iguals en dignitat i en drets. Són dotats de raó i de consciència, i han de comportar-se fraternalment els uns amb els altres.'],
  ['slk', 'Všetci ľudia sa rodia slobodní a sebe rovní, čo sa týka ich dôstojnosti a práv. Sú obdarení rozumom a svedomím a majú voči sebe navzájom konať v bratskom duchu.'],
  ['isl', 'Hver maður er borinn frjáls og jafn öðrum að virðingu og réttindum. Menn eru gæddir vitsmunum og samvisku, og ber þeim að breyta bróðurlega hver við annan.'],
];

describe('every language Tesseract has for the script (franc-all, on a long text)', () => {
  it.each(BEYOND_FRANC_MIN)('%s is told from its neighbours', async (code, text) => {
    expect(rankLanguages(text, 'Latin', await wideIdentifier())).toEqual([code]);
    // franc-min does not know it: without the wide identifier another language is named
    expect(rankLanguages(text, 'Latin')).not.toEqual([code]);
  });

  it('keeps the languages franc-min told right', async () => {
    const wide = await wideIdentifier();
    for (const [code, script, text] of SAMPLES) if (['Latin', 'Cyrillic'].includes(script)) expect(rankLanguages(text, script, wide), code).toEqual([code]);
  });

  it('mixed business text that scores about as well in English stays English', async () => {
    const receipt = 'SYARIKAT PERNIAGAAN GIN KEE NO 290, JALAN AIR PANAS, SETAPAK, 53200, KUALA LUMPUR. TEL: 03-40210276 GST ID: 000750673920 SIMPLIFIED TAX INVOICE CASHIER: DATE: 02/01/2018 DESCRIPTION QTY PRICE AMOUNT CEMENT 50KG 2 16.50 33.00 SR TOTAL INCLUSIVE GST CASH CHANGE THANK YOU PLEASE COME AGAIN GOODS SOLD ARE NOT RETURNABLE';
    expect(rankLanguages(receipt, 'Latin', await wideIdentifier())).toEqual(['eng']);
    expect(rankLanguages(receipt, 'Latin')).toEqual(['eng']);
  });

  it("a Chinese text's variant is none when no character that differs is in it", () => {
    expect(hanVariantOf('长江是中国第一长河')).toBe('chi_sim');
    expect(hanVariantOf('長江是中國第一長河')).toBe('chi_tra');
    expect(hanVariantOf('江河第一')).toBeNull();
  });
});
