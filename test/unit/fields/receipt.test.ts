// The receipt tool's fields on receipts written here, in the formats of several countries.
import { describe, expect, it } from 'vitest';
import { readReceipt } from '../../../src/fields/receipt';
import { isoDate } from '../../../src/fields/dates';
import { dateFromBoth, mendAmounts, mendSumLabels } from '../../../src/fields/readings';
import { pageOf } from './page';

const read = (text: string) => readReceipt([pageOf(text)]);

describe('receipt fields', () => {
  it('a Malaysian receipt: RM, GST, rounding, cash', () => {
    const f = read(`KEDAI RUNCIT MAJU JAYA SDN BHD
(123456-X)
NO. 12, JALAN MAWAR 3,
TAMAN SRI MAWAR, 81100 JOHOR BAHRU
TEL: 07-3551234
GST ID: 000123456789
TAX INVOICE
DATE: 14/04/2018 10:22
MILO 1KG 1 x 25.90 25.90 SR
GARDENIA BREAD 2 x 3.80 7.60 SR
SUB TOTAL 33.50
GST @6% 2.01
ROUNDING ADJ -0.01
TOTAL (RM) 35.50
CASH 50.00
CHANGE 14.50`);
    expect(f.merchant?.value).toBe('KEDAI RUNCIT MAJU JAYA SDN BHD');
    expect(f.address?.value).toBe('NO. 12, JALAN MAWAR 3, TAMAN SRI MAWAR, 81100 JOHOR BAHRU');
    expect(f.date).toMatchObject({ value: '14/04/2018', iso: '2018-04-14', page: 0 });
    expect(f.total).toMatchObject({ amount: 35.5, currency: 'MYR' });
    expect(f.subtotal?.amount).toBe(33.5);
    expect(f.tax?.amount).toBe(2.01);
    expect(f.currency?.value).toBe('MYR');
    expect(f.payment?.value).toBe('Cash');
    expect(f.items.map((i) => [i.description, i.quantity, i.unit_price, i.amount])).toEqual([
      ['MILO 1KG', 1, 25.9, 25.9],
      ['GARDENIA BREAD', 2, 3.8, 7.6],
    ]);
  });

  it('a US receipt: month first, sales tax, Visa', () => {
    const f = read(`Corner Coffee Co.
1200 Market Street
San Francisco, CA 94103
(415) 555-0134
03/04/19 8:15 AM
Latte 2 @ 4.25 8.50
Blueberry Muffin 3.75
Subtotal $12.25
Sales Tax $1.06
Total $13.31
VISA **** 4242 $13.31`);
    expect(f.merchant?.value).toBe('Corner Coffee Co.');
    expect(f.address?.value).toBe('1200 Market Street San Francisco, CA 94103');
    expect(f.date).toMatchObject({ value: '03/04/19', iso: '2019-03-04' });
    expect(f.total).toMatchObject({ amount: 13.31, currency: 'USD' });
    expect(f.tax?.amount).toBe(1.06);
    expect(f.payment?.value).toBe('Visa');
    expect(f.items).toHaveLength(2);
    expect(f.items[0]).toMatchObject({ description: 'Latte', quantity: 2, unit_price: 4.25, amount: 8.5 });
  });

  it('a German receipt: Summe, MwSt, comma decimals, paid cash', () => {
    const f = read(`Bäckerei Schmidt GmbH
Hauptstr. 5
10115 Berlin
Tel. 030 1234567
Brötchen 4 x 0,45 1,80
Kaffee 2,50
Summe EUR 4,30
MwSt 7% 0,28
Bar 5,00
Rückgeld 0,70
Datum: 28.03.2018`);
    expect(f.merchant?.value).toBe('Bäckerei Schmidt GmbH');
    expect(f.address?.value).toBe('Hauptstr. 5 10115 Berlin');
    expect(f.total).toMatchObject({ amount: 4.3, currency: 'EUR' });
    expect(f.tax?.amount).toBe(0.28);
    expect(f.date?.iso).toBe('2018-03-28');
    expect(f.payment?.value).toBe('Cash');
    expect(f.items.map((i) => i.amount)).toEqual([1.8, 2.5]);
  });

  it('a French invoice: Total TTC beats Total HT, TVA, a month name', () => {
    const f = read(`Librairie du Parc SARL
12 rue de la Paix
75002 Paris
Facture du 12 mars 2018
Total HT 50,00
TVA 20% 10,00
Total TTC 60,00 €
Payé par CB`);
    expect(f.total).toMatchObject({ amount: 60, currency: 'EUR' });
    expect(f.subtotal?.amount).toBe(50);
    expect(f.tax?.amount).toBe(10);
    expect(f.date?.iso).toBe('2018-03-12');
    expect(f.payment?.value).toBe('Card');
    expect(f.total!.confidence).toBe(0.9);
  });

  it('a Japanese receipt: 合計, 年月日, yen, 現金', () => {
    const f = read(`株式会社 山田商店
東京都中央区銀座1丁目2-3
2018年3月28日 14:05
おにぎり ¥150
お茶 ¥130
小計 ¥280
消費税 ¥22
合計 ¥302
現金 ¥500`);
    expect(f.merchant?.value).toBe('株式会社 山田商店');
    expect(f.date).toMatchObject({ value: '2018年3月28日', iso: '2018-03-28' });
    expect(f.total).toMatchObject({ amount: 302, currency: 'JPY' });
    expect(f.subtotal?.amount).toBe(280);
    expect(f.tax?.amount).toBe(22);
    expect(f.payment?.value).toBe('Cash');
  });

  it('a UK receipt: VAT, pounds, 28-Mar-18, card', () => {
    const f = read(`THE CORNER SHOP LTD
14 High Street
London SW1A 1AA
VAT No. GB 123 4567 89
28-Mar-18
Milk 1.20
Bread 1.45
TOTAL £2.65
CARD £2.65`);
    expect(f.total).toMatchObject({ amount: 2.65, currency: 'GBP' });
    expect(f.date?.iso).toBe('2018-03-28');
    expect(f.address?.value).toBe('14 High Street London SW1A 1AA');
    expect(f.payment?.value).toBe('Card');
  });

  it('a name broken over two lines before its legal form, without its registration number', () => {
    const f = read(`SRI MURNI HARDWARE ENTERPRISE
SDN BHD (654321-K)
LOT 7, JALAN BESI 2
43000 KAJANG
TOTAL 12.00`);
    expect(f.merchant?.value).toBe('SRI MURNI HARDWARE ENTERPRISE SDN BHD');
    expect(f.address?.value).toBe('LOT 7, JALAN BESI 2 43000 KAJANG');
  });

  it('a registration number after the name is left out however OCR read its end', () => {
    for (const reg of ['(654321-KC', '(654321-K]', '(654321 K)', '654321-K']) {
      const f = read(`SRI MURNI TRADING SDN BHD ${reg}
LOT 7, JALAN BESI 2
43000 KAJANG
TOTAL 12.00`);
      expect(f.merchant?.value, reg).toBe('SRI MURNI TRADING SDN BHD');
    }
  });

  it('sums that disagree lower the confidence of the amounts', () => {
    const f = read(`SHOP ONE STORE
Tea 2.00
SUBTOTAL 2.00
TAX 0.20
TOTAL 9.99`);
    expect(f.total!.confidence).toBeLessThan(0.9);
  });

  it('a value is placed on the words that print it', () => {
    const f = read(`SHOP ONE STORE
Tea 2.00
TOTAL 2.00`);
    // "TOTAL 2.00" is line 3 (y 80); "2.00" starts at character 6
    expect(f.total).toMatchObject({ page: 0, bbox: [80, 80, 120, 104] });
  });
});

describe('dates as ISO', () => {
  it.each([
    ['25/12/2018', false, '2018-12-25'],
    ['12/25/2018', false, '2018-12-25'],
    ['03/04/2019', true, '2019-03-04'],
    ['03/04/2019', false, '2019-04-03'],
    ['2018-03-28', false, '2018-03-28'],
    ['28 MAR 18', false, '2018-03-28'],
    ['28-Mar-18', false, '2018-03-28'],
    ['March 3, 2019', false, '2019-03-03'],
    ['3. Dezember 2018', false, '2018-12-03'],
    ['2018年3月28日', false, '2018-03-28'],
    ['2018년 3월 28일', false, '2018-03-28'],
    ['31/02/2018', false, undefined],
  ])('%s (month first: %s) is %s', (printed, monthFirst, iso) => {
    expect(isoDate(printed, monthFirst)).toBe(iso);
  });
});

describe('the total, checked against what the receipt adds up to', () => {
  it("the rounded total printed in the rounding line's column", () => {
    const f = read(`INDAH GIFT & HOME DECO
LAMP 1 55.90 55.90
TOTAL AMT. ............. RM 60.31
ROUNDING ADJ.
60.30 J
Thank You`);
    expect(f.total).toMatchObject({ amount: 60.3 });
    // a rounding line's own small amount is an adjustment, as before
    expect(read(`SHOP\nTOTAL 60.31\nROUNDING ADJ -0.01\nThank You`).total).toMatchObject({ amount: 60.3 });
  });

  it("a total line with no amount read: the tax summary's one row, its tax that rate of its amount", () => {
    const f = read(`TSH POWER HARDWARE
MAJESTA HSS 2 4, 00 8. Jo SR
NET TOTAL : : fe 00
GST Summary Amount Tax(RM)
SR=6.00% 7.55 0.45`);
    expect(f.total).toMatchObject({ amount: 8 });
    // a row whose tax is not its rate of the amount says nothing
    expect(read(`SHOP\nNET TOTAL : : fe 00\nSR=6.00% 7.55 0.95`).total?.amount).not.toBe(8.5);
  });

  it('cash less change, as another total line prints it, beats a misread final total', () => {
    const f = read(`SANYU STATIONERY SHOP
Total Sales Inclusive GST @6% 14.90 14.20
Discount 0.00
Total 14.60
Round Adj 0.00
Final Total 14.20
CASH 20.00
CHANGE 5.10`);
    expect(f.total).toMatchObject({ amount: 14.9 });
  });

  it("a change whose point a dotted leader's dots ran into", () => {
    const f = read(`LAVENDER CONFECTIONERY
EGG TART 2 5.10
TOTAL 96.50
CASH 50.00
CHANGE. . 23 ..50
GST Summary Amount Tax
GST 26.50 0.00`);
    expect(f.total).toMatchObject({ amount: 26.5 });
  });

  it('a total read as less than the subtotal above it, with no discount between, is the subtotal with its tax', () => {
    const f = read(`B & BEST RESTAURANT
FISHBALL NOODLE 3 @7.00 21.00
SUB TOTAL 21.00
GST 6% 1.26
ROUNDING ADJ
NET TOTAL 2.05
Cash`);
    // 22.26, rounded to the cash step: the rounding line's amount was not read
    expect(f.total).toMatchObject({ amount: 22.25 });
    // a discount between may take it below; an amount printed again stands
    expect(read(`SHOP\nSUB TOTAL 21.00\nDISCOUNT 20.00\nNET TOTAL 1.00`).total).toMatchObject({ amount: 1 });
    expect(read(`SHOP\nSUB TOTAL 21.00\nGST 6% 1.26\nNET TOTAL 2.05\nCASH 2.05`).total).toMatchObject({ amount: 2.05 });
    // a total near the subtotal: either may hold the misread digit (and an inclusive tax adds nothing)
    expect(read(`SHOP\nSUB-TOTAL 62.80\nTotal GST(I) 3.51\nTOTAL INCL GST RM 62.00\nCARD TYPE : VISA 62.00`).total).toMatchObject({ amount: 62 });
    expect(read(`SHOP\nSUB-TOTAL 62.80\nTotal GST(I) 3.51\nTOTAL INCL GST RM 62.00`).total).toMatchObject({ amount: 62 });
    // negative supplies or another sum between
    expect(read(`SHOP\nTotal 6% supplies (excl. GST): 27.68\nTotal 6% supplies (Inc. GST): 29.33\nTotal 0% supplies: -2.13\nTotal Payable: 12.20`).total).toMatchObject({ amount: 12.2 });
  });

  it('a payment printed as taken off the balance, less the change, is what was paid', () => {
    const f = read(`BERRY'S CAKE HOUSE
RAISIN BREAD 1.00 4.55 4.55
Total Inclusive of Tax 1.25
Rounding Adjustment 0.00
SubTotal 11.25
Payment -20.00
Change 8.75`);
    expect(f.total).toMatchObject({ amount: 11.25 });
  });

  it('an amount "accepted" is what was handed over, not the total', () => {
    const f = read(`DION REALTIES SDN BHD
Pay parking ticket 5.00 RM
Amount Incl. GST 5.00 RM
Accepted total 10.00 RM
Change 5.00 RM`);
    expect(f.total).toMatchObject({ amount: 5 });
  });

  it('"Due" alone on its line is the total; "(Total Included GST 6% : 0.42)" is the tax', () => {
    const f = read(`KING'S CONFECTIONERY
SCONE 1 7.50 7.50
Rounding Adj 0.00
Due 7.50
Pay 20.00
Change 12.50
(Total Included GST 6% : 0.42)`);
    expect(f.total).toMatchObject({ amount: 7.5 });
    expect(read(`SHOP\nBREAD 3.00\nTotal Included GST : 0.42\nTHANK YOU`).total?.amount).not.toBe(0.42);
  });

  it("a total whose decimal point was lost, where the page prints it again; a rate is no amount", () => {
    const f = read(`PASAR RAYA MEGA MAJU
PRO BALANCE 400GM 4 4.20 16.80
PRO BALANCE LAMB 3 4.35 13.05
Discount 0.00
Total Sales Inclusive GST @0.00%: 3045
Cash Received 3050
Change 005
GST Summary % Amount(RM) Tax(RM)
ZR 0.00 30.45 0.00`);
    expect(f.total).toMatchObject({ amount: 30.45 });
  });

  it("the items end at the subtotal: an amount under it is no item's", () => {
    const f = read(`AIK HUAT HARDWARE
9555783202031 SINK TAP 1 30.00 30.00
SUB-TOTAL (GST) 30.00
Is; 0.60
ROUNDING 0.00
TOTAL 30.00
THANK YOU`);
    expect(f.total).toMatchObject({ amount: 30 });
  });

  it('a total line whose digits were misread loses to cash less change and the bill’s parts, which agree', () => {
    const f = read(`KEDAI ALAT TULIS SETIA
SUB TOTAL 45.20
GST 6% 2.71
ROUNDING ADJ -0.01
TOTAL 41.90
CASH 50.00
CHANGE 2.10`);
    expect(f.total).toMatchObject({ amount: 47.9 });
  });

  it('a total one misread digit off what its items add up to is the items\' sum, tax and rounding included', () => {
    const f = read(`KEDAI MAKAN CERIA
NASI AYAM 2 x 7.50 15.00
TEH O AIS 2 x 2.20 4.40
ROTI BAKAR 1 x 3.80 3.80
TOTAL 28.20
THANK YOU`);
    expect(f.total).toMatchObject({ amount: 23.2 });
    // with the tax between the items and the total: 21.20 + 1.27
    const taxed = read(`PAPER A4 2 x 6.50 13.00
STAPLER 1 x 8.20 8.20
SST 6% 1.27
TOTAL 22.41`);
    expect(taxed.total).toMatchObject({ amount: 22.47 });
    // a rounding whose sign is not printed makes two sums, 22.45 and 22.49: 22.48 is a misread of either
    const rounded = read(`PAPER A4 2 x 6.50 13.00
STAPLER 1 x 8.20 8.20
SST 6% 1.27
ROUNDING ADJ 0.02
TOTAL 22.48`);
    expect(rounded.total).toMatchObject({ amount: 22.48 });
  });

  it('keeps the total read when the items differ from it by more than one look-alike digit, or an item\'s own price explains it', () => {
    // 3 and 4 are not digits OCR takes for one another
    expect(read(`NASI AYAM 2 x 7.50 15.00
TEH O AIS 2 x 2.20 4.40
ROTI BAKAR 1 x 3.80 3.80
TOTAL 24.20`).total).toMatchObject({ amount: 24.2 });
    // two digits off: an item missed, not a digit misread
    expect(read(`NASI AYAM 2 x 7.50 15.00
TEH O AIS 2 x 2.20 4.40
TOTAL 28.20`).total).toMatchObject({ amount: 28.2 });
    // the pen's amount is the misread one (2 x 3.50 is 7.00, read 1.00): its items then make 17.50
    expect(read(`PEN 2 x 3.50 1.00
NOTEBOOK 1 x 10.50 10.50
TOTAL 17.50`).total).toMatchObject({ amount: 17.5 });
  });

  it('labels and amounts read as two columns: the cash paid, on its own line, is no second witness against the total', () => {
    const f = read(`TEH TARIK
GLUE STICK
TOTAL
295.07
CASH
300.00
THANK YOU. PLEASE COME AGAIN`);
    expect(f.total).toMatchObject({ amount: 295.07 });
  });

  it('a sum printed without its decimal point still counts ("37 50", "225")', () => {
    const f = read(`Total Sales (Excluding GST) 57 20
Discount : 000
Total GST 343
Rounding 0.02
Total Sales (Inclusive of GST) : 50.65
CASH : 60.65
Change : 0.00`);
    expect(f.total).toMatchObject({ amount: 60.65 });
  });

  it('a rounded total misread: the total before it, garbled ("1250"), with its adjustment and the item that prints it', () => {
    const f = read(`NASI LEMAK SPECIAL 1 12.50 12.50
Total 1250
Rounding Adjustment 000
Rounded Total (RM): 12.80
Cash 00`);
    expect(f.total).toMatchObject({ amount: 12.5 });
  });

  it('keeps the total read when the rest agrees with it, or says nothing against it', () => {
    // tax included in the sum before it: adding it again is no evidence
    expect(read(`SUB-TOTAL 62.00
Total GST(I) 3.51
TOTAL ITEM(S): 3
TOTAL INCL GST RM 62.00
GST Taxable Amt 58.49 3.51`).total).toMatchObject({ amount: 62 });
    // a rounding printed without its sign: cash less change confirms the rounded total
    expect(read(`PEN 2 * 3.51 7.03
Total 7.00
Rounding Adjustment 0.03
Total After Rounding 7.00
Cash 10.00
CHANGE 3.00`).total).toMatchObject({ amount: 7 });
    // net, tax, grand total
    expect(read(`Widget 100.00
Total 100.00
Tax 6.00
Grand Total 106.00
Cash 110.00
Change 4.00`).total).toMatchObject({ amount: 106 });
  });
});

describe('the date, printed twice', () => {
  /** A receipt whose lines holding `unsure` were read with confidence 0.6, the rest 0.95. */
  const readWith = (text: string, unsure: RegExp) => {
    const page = pageOf(text, 0, 0.95);
    for (const line of page.blocks[0]!.lines ?? []) if (unsure.test(line.text)) line.confidence = 0.6;
    return readReceipt([page]);
  };
  const receipt = (sale: string, printed: string) => `MINI MARKET MAJU SDN BHD
Date : ${sale} 10:15:02AM
SUGAR 1KG 1 2.90 2.90
Total 2.90
Print Date: ${printed} 10:15:04AM`;

  it('takes the surer of two readings one confused digit apart (3 for 8, 7 for 1)', () => {
    expect(readWith(receipt('18/03/2017', '13/03/2017'), /^Date/).date).toMatchObject({ value: '13/03/2017', iso: '2017-03-13' });
    expect(readWith(receipt('21/07/2019', '27/07/2019'), /^Print/).date).toMatchObject({ value: '21/07/2019' });
  });

  it('keeps the sale’s date when the other differs by more, or is not read more surely', () => {
    expect(readWith(receipt('18/03/2017', '24/03/2017'), /^Date/).date?.value).toBe('18/03/2017');
    expect(readWith(receipt('18/03/2017', '13/03/2017'), /^$/).date?.value).toBe('18/03/2017');
  });
});

describe('a total whose amount the scan lost', () => {
  it('is the largest amount billed, never a postcode read as money', () => {
    const f = read(`KEDAI RUNCIT SRI
NO.5, JALAN MERAH 2,
£1200 JOHOR BAHRU JOHOR
Date 09/01/2019
BATTERY 2 7.50 15.00 SR
Total Amount:
Cash Received`);
    expect(f.total).toMatchObject({ amount: 15 });
  });
});

describe('a total read off its column', () => {
  it('an amount shifted down a line: the rounding-sized one under the total’s label is the adjustment’s', () => {
    expect(read(`TEH TARIK 2 * 3.51 7.03
Rounding Adjustment
Total After Rounding 0.03
7.00
Cash 10.00`).total).toMatchObject({ amount: 7 });
    // the whole column shifted: the adjustment's label shows the item count's amount
    expect(read(`TEH TARIK 2 * 3.51 7.03
Total 2
Rounding Adjustment 7.00
Total After Rounding 0.03
7.00`).total).toMatchObject({ amount: 7 });
  });

  it('a speck read between the words of "Amount Due"', () => {
    expect(read(`Sub Total 88.00
Amt t Due 93.28
GST @6% 5.28`).total).toMatchObject({ amount: 93.28 });
  });
});

describe('a date with a space read into it', () => {
  it('reads "02/0 1/2018" as 02/01/2018, saying how the scan reads it', () => {
    const f = read(`KEDAI HARDWARE MAJU
CS00012504 Date: 07/0 3/2019
NAIL 1 2.00 2.00
TOTAL 2.00`);
    expect(f.date).toMatchObject({ value: '07/03/2019', iso: '2019-03-07' });
  });
  it('leaves numbers that only become a date when joined across two spaces', () => {
    expect(read(`QTY 1 2 /03 /2019 X
TOTAL 2.00`).date).toBeUndefined();
  });
});

describe('sums as OCR misspaced and misspelt them', () => {
  it('an amount with a space read beside its point, or its point lost after RM; RM read RH', () => {
    expect(mendAmounts('Total Sales Incl. GST 100. 62')).toBe('Total Sales Incl. GST 100.62');
    expect(mendAmounts('Sub Total. RM8 .60')).toBe('Sub Total. RM8.60');
    expect(mendAmounts('Total Incl GST @ 6% RM8 60')).toBe('Total Incl GST @ 6% RM8.60');
    expect(mendAmounts('Total (Inclusive GST) RH 42.33')).toBe('Total (Inclusive GST) RM 42.33');
    // a quantity and a price, a house number and a street: not amounts spaced
    expect(mendAmounts('2 x 95.00 190.00')).toBe('2 x 95.00 190.00');
    expect(mendAmounts('NO.53 55,57 & 59, JALAN')).toBe('NO.53 55,57 & 59, JALAN');
    expect(mendAmounts('1 1251 12.51')).toBe('1 1251 12.51');
  });

  it("after RM, a digit read as a letter alike before the decimals", () => {
    expect(mendAmounts('TOTAL RMS. 00')).toBe('TOTAL RM5.00');
    expect(mendAmounts('GST 6% RMO. 28')).toBe('GST 6% RM0.28');
    expect(mendAmounts('CASH RM 1O.50')).toBe('CASH RM 10.50');
    expect(read(`KEDAI MAJU\nCLR P.S A4/A3\nS RMS. 00\nGST 6% RMO. 28\nTOTAL RMS > 00\nCASH RMS. 00`).total).toMatchObject({ amount: 5 });
    // a word ending in RM, and RM's letters with no decimals after: left
    expect(mendAmounts('TERMS. 00')).toBe('TERMS. 00');
    expect(mendAmounts('RMS 100')).toBe('RMS 100');
    expect(mendAmounts('RM 13.6')).toBe('RM 13.6');
  });

  it('a label one character off TOTAL, SUBTOTAL with its B misread, ROUNDING with its R', () => {
    expect(mendSumLabels('[OTAL AFTER ROUNDING 9.90')).toBe('TOTAL AFTER ROUNDING 9.90');
    expect(mendSumLabels('TATAL 12.40')).toBe('TOTAL 12.40');
    expect(mendSumLabels('SURTOTAL: 28.60')).toBe('SUBTOTAL: 28.60');
    expect(mendSumLabels('POUNDING ADJUSTMENT -0.02')).toBe('ROUNDING ADJUSTMENT -0.02');
    expect(mendSumLabels('KOUNDING RM 13.60')).toBe('ROUNDING RM 13.60');
    // words that are no misread TOTAL
    expect(mendSumLabels('TOTE BAG 5.00')).toBe('TOTE BAG 5.00');
    expect(mendSumLabels('HOTEL 1 NIGHT 90.00')).toBe('HOTEL 1 NIGHT 90.00');
  });

  it('finds the total through those misreadings', () => {
    expect(read(`NASI LEMAK 1 x 8.50 8.50
Total Sales Incl. GST 9. 02
Pounding Adjustment -0.02
[otal After Rounding 9. 00
VISA 9. 00`).total).toMatchObject({ amount: 9 });
    expect(read(`KOPI O 2 x 1.80 3.60
Sub Total. RM3 .60
Total Incl GST @ 6% RM3 60
Cash 5.00
Change 1.40`).total).toMatchObject({ amount: 3.6 });
  });

  it('a total read as paid needs no rounding after it: its rounding was worked out before it', () => {
    expect(read(`LAMB 1x 22.50 22.50
Total (Excluding GST): 22.50
GST Payable: 1.36
Total (Inclusive of GST): 23.85
Rounding Adj: -0.01
CASH 50.00
CHANGE : 26.15`).total).toMatchObject({ amount: 23.85 });
    // nothing says what was paid: the rounding is taken
    expect(read(`LAMB 1x 22.50 22.50
Total (Inclusive of GST): 23.86
Rounding Adj: -0.01`).total).toMatchObject({ amount: 23.85 });
  });

  it('a rounding line printing a sum, not an adjustment, prints the rounded total', () => {
    expect(read(`CRISPS 2 RM6.98
Total Sales (Inclusive GST) RM 12.33
Rounding Adjustment RM A0I2
Rounding RM 12.35
CREDIT RM 12.35`).total).toMatchObject({ amount: 12.35 });
  });

  it('no line reads as a total: the largest amount billed, printed twice', () => {
    expect(read(`LED LIGHT 2 x RM 33.02 = RM 66.04
Sub Total : RM 66.04
GST 6% : RM 3.96
T0R8EN: RM 70.00
CA. 3 RM 70.00
CHANGE: RM 0.00`).total).toMatchObject({ amount: 70 });
    // printed once: no total is claimed
    expect(read(`LED LIGHT 2 x RM 33.02 = RM 66.04
GST 6% : RM 3.96
T0R8EN: RM 70.00`).total).toBeUndefined();
  });
});

describe('dates whose separators the scan lost', () => {
  it('a tilde for a dash, eight digits after the label', () => {
    expect(read(`KEDAI MAJU\n02:49PM 565287 05~06-17\nTOTAL 5.00`).date).toMatchObject({ value: '05-06-17' });
    expect(read(`KEDAI MAJU\nDoc No. : C8003 Date: 13032018\nTOTAL 5.00`).date).toMatchObject({ value: '13/03/2018', iso: '2018-03-13' });
    // eight digits with no date label are a number
    expect(read(`KEDAI MAJU\nDoc No. : 13032018\nTOTAL 5.00`).date).toBeUndefined();
  });

  it('one of the two separators lost after the label', () => {
    expect(read(`KEDAI MAJU\nRECEIPT # CS00633800 DATE: 2504/2017\nTOTAL 5.00`).date).toMatchObject({ value: '25/04/2017', iso: '2017-04-25' });
    expect(read(`KEDAI MAJU\nDate 25/042017\nTOTAL 5.00`).date).toMatchObject({ value: '25/04/2017' });
    // not without the label, nor a month past twelve
    expect(read(`KEDAI MAJU\nREF 2504/2017\nTOTAL 5.00`).date).toBeUndefined();
    expect(read(`KEDAI MAJU\nDATE: 2513/2017\nTOTAL 5.00`).date).toBeUndefined();
    // a two-digit year, either separator lost
    expect(read(`KEDAI MAJU\nDate 27/0717\nTOTAL 5.00`).date).toMatchObject({ value: '27/07/17', iso: '2017-07-27' });
    expect(read(`KEDAI MAJU\nDATE: 2707/17\nTOTAL 5.00`).date).toMatchObject({ value: '27/07/17' });
    expect(read(`KEDAI MAJU\nDATE: 2717/17\nTOTAL 5.00`).date).toBeUndefined();
  });

  it("a date's label with its D misread, before a garbled date", () => {
    expect(read(`KEDAI MAJU\nTate 27/0717\nTOTAL 5.00`).date).toMatchObject({ value: '27/07/17' });
    expect(read(`KEDAI MAJU\nRECEIPT #: CS001 TATE: 2504/2017\nTOTAL 5.00`).date).toMatchObject({ value: '25/04/2017' });
    // a rate is no date
    expect(read(`KEDAI MAJU\nRATE 2504/2017\nTOTAL 5.00`).date).toBeUndefined();
  });

  it('a delivery date where the page prints no other date', () => {
    expect(read(`GARDENIA BAKERIES (KL) SDN BHD\nDD: 16/09/2017 11:00\nTOTAL 5.00`).date).toMatchObject({ value: '16/09/2017' });
    // a due date is not the day of the sale
    expect(read(`KEDAI MAJU\nDUE: 16/09/2017\nTOTAL 5.00`).date).toBeUndefined();
  });
});

describe('the seller’s name', () => {
  it('ends at its legal form when a garbled registration number follows', () => {
    expect(read(`T.A.S Leisure Sdn Bhd (256B64-P)\nNO 1, JALAN MAJU, 50000 KUALA LUMPUR\nTOTAL 5.00`).merchant?.value).toBe('T.A.S Leisure Sdn Bhd');
    expect(read(`MOONLIGHT CAKE HOUSE SDN BHD 8OZTZ5-U\nTOTAL 5.00`).merchant?.value).toBe('MOONLIGHT CAKE HOUSE SDN BHD');
    expect(read(`99 SPEED MART S/B (519537-X)\nTOTAL 5.00`).merchant?.value).toBe('99 SPEED MART S/B');
  });
});

describe('the seller’s name on two lines', () => {
  it('a second line no name starts with ("CO. (M) SDN BHD") takes the plain line above it', () => {
    expect(read(`se\nPOPULAR BOOK\nCO. (M) SDN BHD\n(Co. No. 113825-W)\nNo 8, Jalan 7/118B, Desa Tun Razak\nTOTAL 5.00`).merchant?.value).toBe('POPULAR BOOK CO. (M) SDN BHD');
    expect(read(`TAN\n& SONS SDN BHD\nNO 3, JALAN BESAR\nTOTAL 5.00`).merchant?.value).toBe('TAN & SONS SDN BHD');
    // not a title or an address above it
    expect(read(`TAX INVOICE\nCO. (M) SDN BHD\nNO 3, JALAN BESAR\nTOTAL 5.00`).merchant?.value).toBe('CO. (M) SDN BHD');
  });
});

describe('the seller’s name broken after its "&"', () => {
  it('ends on the next line', () => {
    expect(read(`HOME MASTER HARDWARE &\nELECTRICAL\nNO.113G & 115G, JALAN SETIA GEMBILANG\n40170 BANDAR SETIA ALAM,\nTOTAL 5.00`).merchant?.value).toBe('HOME MASTER HARDWARE & ELECTRICAL');
    // not onto the address
    expect(read(`KEDAI MAJU &\nNO. 3, JALAN BESAR\n45600 BATANG BERJUNTAI\nTOTAL 5.00`).merchant?.value).toBe('KEDAI MAJU &');
  });
});

describe('the seller’s address', () => {
  it('takes the shop’s branch under it, a store number and its place', () => {
    const f = read(`SPEEDY MART S/B (512345-X)
LOT P.T. 12, JALAN ANGSA,
TAMAN MERAK
41150 KLANG, SELANGOR
1313-SUBANG BESTARI
GST ID. NO : 000181747712
TOTAL RM 5.00`);
    expect(f.merchant?.value).toBe('SPEEDY MART S/B');
    expect(f.address?.value).toBe('LOT P.T. 12, JALAN ANGSA, TAMAN MERAK 41150 KLANG, SELANGOR 1313-SUBANG BESTARI');
  });

  it('is found after the seller’s name, not on a stray street-like line above it, and runs on to the phone', () => {
    const f = read(`Abo 7,
MOONLIGHT CAKE HOUSE SDN BHD
No.1, Jalan Permas 10/5, Bandar Baru Permas Jaya
81750 Johor Bahru, Johor. Tel No.: 07-387 3322
Date: 09/06/2018
TOTAL RM 5.00`);
    expect(f.address?.value).toBe('No.1, Jalan Permas 10/5, Bandar Baru Permas Jaya 81750 Johor Bahru, Johor.');
  });

  it('a branch whose store number has a digit read as a letter alike, in digits', () => {
    const f = read(`SPEEDY MART S/B (512345-X)
LOT P.T. 12, JALAN ANGSA,
41150 KLANG, SELANGOR
1S58-TMN PUSAT KEPONG
GST ID. NO : 000181747712
TOTAL RM 5.00`);
    expect(f.address?.value).toBe('LOT P.T. 12, JALAN ANGSA, 41150 KLANG, SELANGOR 1558-TMN PUSAT KEPONG');
  });

  it('runs on over lines of states and countries after the postcode, and ends at the country', () => {
    const f = read(`Eco-Shop Marketing Sdn Bhd
Company No: 734055-M
Lot F1-01, 6, Jalan 8/27A,
Seksyen 5 Wangsa Maju,
53300 Kuala Lumpur,
Wilayah Persekutuan Kuala
Lumpur, Malaysia.
INV No # : BWMCG2000047293
TOTAL RM 5.00`);
    expect(f.address?.value).toBe('Lot F1-01, 6, Jalan 8/27A, Seksyen 5 Wangsa Maju, 53300 Kuala Lumpur, Wilayah Persekutuan Kuala Lumpur, Malaysia.');
    // the mall under the country is the shop's, not its address
    const g = read(`POPULAR BOOK CO. (M) SDN BHD
No 8, Jalan 7/118B, Desa Tun Razak
56000 Kuala Lumpur, Malaysia
SUNWAY VELOCITY
Tel: 03-4023 2151
TOTAL RM 5.00`);
    expect(g.address?.value).toBe('No 8, Jalan 7/118B, Desa Tun Razak 56000 Kuala Lumpur, Malaysia');
  });

  it("a lot's number is no phone number", () => {
    const f = read(`Thai Express Sdn Bhd
Blk 2, Unit G1 & G2, Bestari Terrace,
Lot PTD 182908 & PTD 143216,
Jalan Danga, Taman Nusa Bestari, 81300
TAX INVOICE
TOTAL RM 5.00`);
    expect(f.address?.value).toBe('Blk 2, Unit G1 & G2, Bestari Terrace, Lot PTD 182908 & PTD 143216, Jalan Danga, Taman Nusa Bestari, 81300');
  });
});

describe("a lot's number of five digits", () => {
  it('is no postcode: the address goes on to the postcode and the branch', () => {
    const f = read(`99 SPEED MART S/B (519537-X)
LOT P.T. 33198, BATU 4
JALAN KAPAR, MUKIM KAPAR
42100 KLANG, SELANGOR
1605-TMN SRI BINTANG
GST ID. NO : 000181747712
TOTAL RM 5.00`);
    expect(f.address?.value).toBe('LOT P.T. 33198, BATU 4 JALAN KAPAR, MUKIM KAPAR 42100 KLANG, SELANGOR 1605-TMN SRI BINTANG');
    const g = read(`KEDAI MAJU SDN BHD
PTD 12345 JALAN KAPAR
42100 KLANG, SELANGOR
TOTAL RM 5.00`);
    expect(g.address?.value).toBe('PTD 12345 JALAN KAPAR 42100 KLANG, SELANGOR');
    // a postcode after a house number still ends the address
    const h = read(`KEDAI MAJU SDN BHD
NO 12345, JALAN KAPAR 42100 KLANG
SELANGOR
KEDAI RUNCIT
TOTAL RM 5.00`);
    expect(h.address?.value).toBe('NO 12345, JALAN KAPAR 42100 KLANG SELANGOR');
  });
});

describe('a payment is no total', () => {
  it('"Total Paid" is what was handed over', () => {
    expect(read(`BUN 1 RM4.60
Total (Incl GST, 0%) RM15.39
Rounding RM0.01
Grand rotalRM 1 Bh. 40
Total Paid RM50.00
Change RM34 .60`).total).toMatchObject({ amount: 15.4 });
  });
});

describe('a date with no label', () => {
  it('is not a code run on from letters; one with its time after it is the sale’s', () => {
    expect(read(`HARDWARE SDN BHD
HD03-04-06 - 5/40/160
TOTAL RM 15.90
19-09-17 15:39 SH01 2403`).date).toMatchObject({ value: '19-09-17' });
    // the code alone is no date to give over a date
    expect(read(`HARDWARE SDN BHD
12-03-18 STOCK
TOTAL RM 15.90
CK11-02-03`).date).toMatchObject({ value: '12-03-18' });
  });
});

describe('dates the scan spaced or misspelt', () => {
  it('spaces beside the separators', () => {
    expect(read(`KEDAI MAJU\nDate + 11- 06- 2018 17 n: 2\nTOTAL 5.00`).date).toMatchObject({ iso: '2018-06-11' });
  });

  it('after a date label, a separator read as a space', () => {
    expect(read(`KEDAI MAJU\nDate : 18 06-2018 16:15:47\nTOTAL 5.00`).date).toMatchObject({ value: '18-06-2018', iso: '2018-06-18' });
    expect(read(`KEDAI MAJU\nDate: 18/06 2018\nTOTAL 5.00`).date).toMatchObject({ iso: '2018-06-18' });
    // without the label, two numbers and a date's tail are not a date
    expect(read(`KEDAI MAJU\nQty 18 06-2018\nTOTAL 5.00`).date).toBeUndefined();
  });

  it('a date run on from the number before it, after the sale\'s time', () => {
    expect(read(`KEDAI MAJU\nTOTAL 5.00\n09:23PM55941224-01-16`).date).toMatchObject({ value: '24-01-16', iso: '2016-01-24' });
    // one of its separators lost as well
    expect(read(`KEDAI MAJU\nTOTAL 5.00\n05:36PM5682680406-18`).date).toMatchObject({ value: '04-06-18', iso: '2018-06-04' });
    expect(read(`KEDAI MAJU\nTOTAL 5.00\n05:36PM 56826824-0618`).date).toMatchObject({ iso: '2018-06-24' });
    // not without the time, nor a number whose end is no date
    expect(read(`KEDAI MAJU\nTOTAL 5.00\nREF 55941224-01-16`).date).toBeUndefined();
    expect(read(`KEDAI MAJU\nTOTAL 5.00\n09:23PM 55941224-13-16`).date).toBeUndefined();
  });

  it("eight digits before the sale's time, as printed", () => {
    expect(read(`KEDAI MAJU\nTOTAL 5.00\n00440010036 25032018 13:11:54 0003`).date).toMatchObject({ value: '25032018', iso: '2018-03-25' });
    expect(read(`KEDAI MAJU\nTOTAL 5.00\nPOS 1 20180325 13:11`).date).toMatchObject({ value: '20180325', iso: '2018-03-25' });
    // not without its time, nor eight digits that are no date
    expect(read(`KEDAI MAJU\nTOTAL 5.00\n00440010036 25032018`).date).toBeUndefined();
    expect(read(`KEDAI MAJU\nTOTAL 5.00\n00440010036 25132018 13:11:54`).date).toBeUndefined();
  });

  it("an ISO date run on from the register's number before it, with its time after it", () => {
    expect(read(`KEDAI MAJU\nTOTAL 5.00\n001-2018-03-18 13:21:02 Rasany 001-3246`).date).toMatchObject({ iso: '2018-03-18' });
    // without its time, a run of numbers
    expect(read(`KEDAI MAJU\nTOTAL 5.00\nREF 001-2018-03-18`).date).toBeUndefined();
  });

  it("a month's name one letter off, between a day and a year", () => {
    expect(read(`KEDAI MAJU\nfate 1 05 lan 2017 12:41pm\nTOTAL 5.00`).date).toMatchObject({ value: '05 JAN 2017', iso: '2017-01-05' });
    expect(read(`KEDAI MAJU\nDate: 14 Oci 2018\nTOTAL 5.00`).date).toMatchObject({ iso: '2018-10-14' });
    // one letter off two months' names (MAR, MAY): the scan does not say which
    expect(read(`KEDAI MAJU\nDate: 14 MAX 2018\nTOTAL 5.00`).date).toBeUndefined();
  });
});

describe('totals: what a line says of the total, and what was paid', () => {
  it("a sentence of the tax a total includes is the tax, not the total", () => {
    const f = read(`KEDAI MAJU\n1 Nasi Lemak Burger 18.55\n2 Nasi Set 25.90\nTakeout Total (incl GST) 44.45\nCash Tendered 50.00\nChange 5.55\nTOTAL INCLUDES 6% GST 2.52`);
    expect(f.total).toMatchObject({ amount: 44.45 });
    expect(read(`KEDAI MAJU\nITEM A 14.90\nITEM B 5.90\nTOTAL INCL. GST@6% RM 20.80\nGST @6% included in total RM 1.18`).total).toMatchObject({ amount: 20.8 });
  });

  it('sales including the tax are the total where no line says TOTAL', () => {
    expect(read(`KEDAI MAJU\nTotal Sales (Excluding GST) : 180.00\nTotal GST 10.80\nTotd)/Sales (Inclusive of GST) : 190.80\nCASH : 200.00\nChange : 9.20`).total).toMatchObject({ amount: 190.8 });
    // the amount paid including the tax, over a TOTAL of loyalty value below it
    const paid = `KEDAI MAJU\nMTD EV : 2.10\nSOAP 2 26.70 SR\nMASK 4 51.60 SR\nAMT PAID INCL. GST : RM78.30\nAMT PAID EXCL. GST : RM73.87\nGST AMT : RM4.43\nPAID BY : CC'7186:RM78.30\nTOTAL QTY : 10\nTOTAL EV :2.10`;
    expect(read(paid).total).toMatchObject({ amount: 78.3 });
    expect(read(`KIOSK\nPARKING 5.00\nAmount incl. VAT 5.00\nTOTAL POINTS 12.00`).total).toMatchObject({ amount: 5 });
    // its label one letter off, its amount the next cell; a larger amount handed over, the change
    expect(read(`Dion Realties Sdn Bhd\n010100 Pay parking ticket 5.00 RH\nAnount Incl. GST\n5.00 RM\nAccepted total\n10.00 RH\nChange\n5.00 RM\nG.S.T. 0.00 0.00 RH`).total).toMatchObject({ amount: 5 });
  });

  it('a total of nothing is an amount beside its label, not the bill', () => {
    expect(read(`KEDAI MAJU\nBREAD 3x8.00 24.00\nMILK 6.00\nSaving 3.80 Rounding 0.00\nTotal\n0.00\nCash 50.00`).total?.amount).not.toBe(0);
  });

  it('no total line: the largest amount billed, printed once, where exactly as much was paid', () => {
    expect(read(`THE ROTI MAN\nBacon RM4.90 S\nWalnut Raisin RM8.60 S\nDark Rye Bun RM6.90 S\nSUBTC:TA! RM20.40\nCASH RM20.40`).total).toMatchObject({ amount: 20.4 });
    // paid more, and no change printed: the bill is not known
    expect(read(`THE ROTI MAN\nBacon RM4.90 S\nWalnut Raisin RM8.60 S\nSUBTC:TA! RM13.50\nCASH RM20.00`).total).toBeUndefined();
  });

  it('a net amount below the tax is the total; a TOTAL of the page outranks it', () => {
    const net = `RESTORAN MAJU\nCURRY MIXED VEGE 1 16.85 16.85 SR\nSPRING ROLL 12.72 12.72 SR\nGross Amt\n47.80\nSvr Tax\n2.87\nGST (6%):\n2.86\nNet Amt :\n53.55\nGST Summary\nAmount(RM)\nTax(RM)`;
    expect(read(net).total).toMatchObject({ amount: 53.55 });
    expect(read(`ACME GMBH\nWidget 2 x 50.00 100.00\nNet amount 100.00\nVAT 20% 20.00\nTotal 120.00`).total).toMatchObject({ amount: 120 });
  });

  it('the amount payable, its label one letter off, after the rounding: the total', () => {
    const f = read(`ANZEL ADVERTISING\nPlastic Lamination A4 @ 2.00 4.24\nA4 COL @ 2.00 4.24\nTotal Amt Incl GST @ 6%: 8.48\nRounding Adjustment : (0.02)\nTotesl A nt Payabte : 8.50\nPaid Amount : 100.00\nChange : 91.50\nGST Summary Amount Tax\nSR 8.00 0.48\nTotal 8.00 0.48`);
    expect(f.total).toMatchObject({ amount: 8.5 });
  });

  it("a row read as cells, label | currency | amount: the amount is the label's", () => {
    const f = read(`TIMES BOOKSTORES\nPILOT BALLPOINT\n1.49\nPILOT BRUSH\n5.89\nPILOT PENCIL\n4.99\nTotal Qtu\n3\nTozsl\nRA\n12.37\nRounding Adiustments\nRM\n-0.02\nTendered-CASH\nRH\n50.00\nChange\nRM\n37.65`);
    expect(f.total).toMatchObject({ amount: 12.37 });
  });

  it('no total line: the one amount billed that cash less change comes to, to the cash rounding; a count of items is no total', () => {
    const page = (total: string) => `TIMES BOOKSTORES\nPILOT BALLPOINT\nS 1.41 1 0.00 0.08 1.49\nPILOT BRUSH\nS 5.56 1 0.00 0.33 5.89\nPILOT PENCIL\nS 4.71 1 0.00 0.28 4.99\nTotal Qtu 3\n${total}\nRounding Adiustments RM -0.02\nTendered-CASH RM 50.00\nChange RM 37.65\nGST summery Amount(RM) Tax(RM)\nS(6%) 11.68 0.69`;
    expect(read(page('Tozsl RM 12.37')).total).toMatchObject({ amount: 12.37 });
    // two amounts billed as near what was paid: neither is claimed
    expect(read(page('Tozsl RM 12.37\nVoucher RM 12.33')).total).toBeUndefined();
  });
});

describe('a total and the rounding after it', () => {
  it('a later total of the rounded amount (the tax summary’s) leaves the rounding to apply', () => {
    expect(read(`SUSHI KING\nSushi 2x 2.80 5.60 SR\nTotal (Excluding GST): 26.60\nServ. Charge (10%): 2.66\nGST Payable: 1.76\nTotal (Inclusive of GST): 31.02\nRounding Adj: -0.02\nGST Summary Amount (RM) Tax (RM)\nSR (@ 6%) 29.26 1.76\nTOTAL: 31.00 ! 31.00`).total).toMatchObject({ amount: 31 });
  });
});

describe('the seller’s name, cleared of what the scan and the print put round it', () => {
  it('drops the owner’s label before it and the registration label after it', () => {
    expect(read(`OWN BY: CHEF LEE SDN BHD\nLG226, LGF, 1 UTAMA SHOPPING CENTRE\nTOTAL 5.00`).merchant?.value).toBe('CHEF LEE SDN BHD');
    expect(read(`Operated by Kedai Maju Sdn Bhd\nTOTAL 5.00`).merchant?.value).toBe('Kedai Maju Sdn Bhd');
    expect(read(`PROSPER NIAGA Company No : SA0123\nNO 3, JALAN BESAR\nTOTAL 5.00`).merchant?.value).toBe('PROSPER NIAGA');
    // "CO." of the name's legal form stays
    expect(read(`POPULAR BOOK CO. (M) SDN BHD\nTOTAL 5.00`).merchant?.value).toBe('POPULAR BOOK CO. (M) SDN BHD');
  });
  it('drops specks: a dash ending it, a lone letter after its legal form, a slash before its bracket', () => {
    expect(read(`L TWO FLORIST & HANDICRAFT -\nNO.49, JALAN MAHAGONI 7/2\nTOTAL 5.00`).merchant?.value).toBe('L TWO FLORIST & HANDICRAFT');
    expect(read(`GOGIANT ENGINEERING (M) SDN BHD O\nTOTAL 5.00`).merchant?.value).toBe('GOGIANT ENGINEERING (M) SDN BHD');
    expect(read(`GARDENIA BAKERIES/(KL) SDN BHD\nTOTAL 5.00`).merchant?.value).toBe('GARDENIA BAKERIES (KL) SDN BHD');
    expect(read(`MR D.I.Y. (MH) SDN BHD\nTOTAL 5.00`).merchant?.value).toBe('MR D.I.Y. (M) SDN BHD');
    // a country's name alone is no seller's
    expect(read(`MALAYSIA Company Reg No.: 123\nGL HANDICRAFT & TAILORING\nTOTAL 5.00`).merchant?.value).toBe('GL HANDICRAFT & TAILORING');
    expect(read(`SELANGOR\nKEDAI RUNCIT MAJU\nTOTAL 5.00`).merchant?.value).toBe('KEDAI RUNCIT MAJU');
    expect(read(`MR. D.I.Y. (MN) SDN BHD\nTOTAL 5.00`).merchant?.value).toBe('MR. D.I.Y. (M) SDN BHD');
    // a legal form's own dot, and a bracket after it, are the name's
    expect(read(`ENW HARDWARE CENTRE (M) SDN. BHD.\nTOTAL 5.00`).merchant?.value).toBe('ENW HARDWARE CENTRE (M) SDN. BHD.');
    expect(read(`KEDAI MAJU SDN BHD (M)\nTOTAL 5.00`).merchant?.value).toBe('KEDAI MAJU SDN BHD (M)');
  });
});

describe('a bill with no total line whose last sum is its subtotal', () => {
  it('takes the subtotal paid as it stands for the total', () => {
    const f = read(`CHEF LEE SDN BHD
FISH CAKE RM7.90
SERV. CHG. 10% RM8.25
GST 6% RM5.45
SUBTOTAL RM96.20
CASH RM100.00
YOUR CHANGE RM3.80`);
    expect(f.total?.amount).toBe(96.2);
  });
  it('not where more was paid than the subtotal, nor where a sum follows it', () => {
    // cash less change is the subtotal and its tax: the total's line was lost
    expect(read(`KEDAI MAJU\nSUBTOTAL 10.00\nGST 6% 0.60\nCASH 20.00\nCHANGE 9.40`).total?.amount).not.toBe(10);
    expect(read(`KEDAI MAJU\nSUBTOTAL 10.00\nCASH 20.00\nCHANGE 9.40`).total?.amount).not.toBe(10);
    expect(read(`KEDAI MAJU\nSUBTOTAL 10.00\nSERVICE CHARGE 1.00\nCASH 11.00`).total?.amount).not.toBe(10);
  });
  it('a cash amount under the subtotal is a misread, not what was paid', () => {
    expect(read(`KEDAI MAJU\nSUBTOTAL RM96.20\nCASH RM10\nCHANGE RM3.80`).total?.amount).toBe(96.2);
  });
});

describe('a total label run into its amount', () => {
  it('"Tota12.00": the label and the amount', () => {
    expect(mendSumLabels('TOTA12.00')).toBe('TOTAL 12.00');
    expect(read(`KEDAI MAJU\nITEM A 12.00\nTota12.00\nCASH 15.00\nCHANGE 3.00`).total?.amount).toBe(12);
  });
});

describe('a date read by two recognisers', () => {
  it("one's letters in the date's digits put right from the other's digits there", () => {
    expect(dateFromBoth('2a/02/18 08:28 10886 09', '26182/18 1828 10 6 09')).toEqual({ text: '26/02/18 08:28 10886 09', value: '26/02/18', read: '2a/02/18' });
    expect(dateFromBoth('Date: 1O/O3/2018', 'Date: 10/03/2018')).toMatchObject({ value: '10/03/2018' });
    // the other reading has no digit there, or agrees too little elsewhere
    expect(dateFromBoth('2a/02/18 08:28', '2 a/02/18 08:28')).toBeNull();
    expect(dateFromBoth('2a/02/18', '96453718')).toBeNull();
    // the result must be a date
    expect(dateFromBoth('2a/13/18', '29/13/18')).toBeNull();
    // a date read without letters is not this mending's
    expect(dateFromBoth('26/02/18', '28/02/18')).toBeNull();
  });
});

describe("a seller's trade in the plural", () => {
  it('names the seller on a receipt whose sums were misread past knowing', () => {
    expect(read(`A\noy\nTIMES BOOKSTORES\nLOT F21 & 22, CITTA MALL\nNO 1, JLN PJU 1A/4\n47301\nTez31 x 12.37`).merchant?.value).toBe('TIMES BOOKSTORES');
    expect(read(`A\noy\nPASAR RAYA STORES\nLOT F21 & 22, CITTA MALL\nTez31 x 12.37`).merchant?.value).toBe('PASAR RAYA STORES');
  });
});

describe("the tax summary's total row, the bill's total line lost", () => {
  it('is the amount taxed and its tax, with the rounding printed above', () => {
    const lost = `KEDAI MAJU\nSUB-TOTAL 144.68\nTOTAL TAX 8.68\nROUNDING\n-0.01\nTOT G 25 ji\nGST SUMMARY\nSR 6.00 144.68 8.68\nTOTAL: 144.68 8.68`;
    expect(read(lost).total).toMatchObject({ amount: 153.35 });
    expect(read(lost.replace('ROUNDING\n-0.01\n', '')).total).toMatchObject({ amount: 153.36 });
    // a rounding printed without its sign: the sum that rounds to five cents
    expect(read(lost.replace('-0.01', '0.01')).total).toMatchObject({ amount: 153.35 });
    // a rounding line whose amount was not read: the sum rounded to the cash step
    expect(read(lost.replace('-0.01', 'j |')).total).toMatchObject({ amount: 153.35 });
    // the summary's heading lost too: its first tax code's row begins it
    expect(read(lost.replace('GST SUMMARY\n', '')).total).toMatchObject({ amount: 153.35 });
    // the bill's own total line read: it stands
    expect(read(lost.replace('TOT G 25 ji', 'TOTAL 153.35')).total).toMatchObject({ amount: 153.35 });
    // a row whose second amount is no tax of the first is not summed
    expect(read(`KEDAI MAJU\nGST SUMMARY\nTOTAL: 10.00 8.00`).total?.amount).not.toBe(18);
  });
});

describe("a name's second line of its trade or legal form", () => {
  it('goes on the name that has no legal form yet', () => {
    expect(read(`31802039\nv\nT SH POWER HARDWARE\nTRADING\n002458685-T\n13-1, Jalan PJU 5/10,\nTOTAL 5.00`).merchant?.value).toBe('T SH POWER HARDWARE TRADING');
    expect(read(`KEDAI MAJU HARDWARE\nENTERPRISE (M) SDN BHD\nNO 1, JALAN MAWAR\nTOTAL 5.00`).merchant?.value).toBe('KEDAI MAJU HARDWARE ENTERPRISE (M) SDN BHD');
    expect(read(`SRI MAJU TRADING\nSDN BHD\nNO 1, JALAN MAWAR\nTOTAL 5.00`).merchant?.value).toBe('SRI MAJU TRADING SDN BHD');
    // a name with its legal form is whole; a line of other words is no trade's
    expect(read(`KEDAI MAJU SDN BHD\nTRADING\nNO 1, JALAN MAWAR\nTOTAL 5.00`).merchant?.value).toBe('KEDAI MAJU SDN BHD');
    expect(read(`ABC HARDWARE\nHARDWARE & BUILDING MATERIALS\nNO 1, JALAN MAWAR\nTOTAL 5.00`).merchant?.value).toBe('ABC HARDWARE');
  });
});

describe("a Malay name's words of trade", () => {
  it('name the seller below a line of scrawl', () => {
    expect(read(`3 1% Ol ors\nSYARIKAT PERNIAGAAN GIN KEE\n(81109-A)\nNO 290, JALAN AIR PANAS,\nTOTAL 5.00`).merchant?.value).toBe('SYARIKAT PERNIAGAAN GIN KEE');
    expect(read(`3 1% Ol ors\nKEDAI RUNCIT MAJU\nNO 290, JALAN AIR PANAS,\nTOTAL 5.00`).merchant?.value).toBe('KEDAI RUNCIT MAJU');
  });
});

describe('a total one look-alike digit off its one item with the tax', () => {
  it('is the item with the tax and rounding added', () => {
    expect(read(`B & BEST RESTAURANT\nTEL: 012-2060 778\nTAX INVOICE\n1 FISHBALL NOODLE 7.00\nGST 6% 0.42\nROUNDING ADJ -0.02\nNET TOTAL 1.40`).total).toMatchObject({ amount: 7.4 });
    // one item and nothing added: no evidence against the total read
    expect(read(`B & BEST RESTAURANT\nTAX INVOICE\n1 FISHBALL NOODLE 7.00\nNET TOTAL 1.00`).total).toMatchObject({ amount: 1 });
  });

  it('"Total Rounded" is the final amount, above a total including tax', () => {
    expect(read(`McDONALD'S\nTakeOut Total (incl GST) 26.50\nTotal Rounded 28.50\nCash Tendered 50.00\nCh. 21.50`).total).toMatchObject({ amount: 28.5 });
  });
});
