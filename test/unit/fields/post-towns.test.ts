// A Malaysian address's postcode and town checked against each other (Pos Malaysia's list).
import { describe, expect, it } from 'vitest';
import { postcodeTown } from '../../../src/fields/post-towns';
import { readReceipt } from '../../../src/fields/receipt';
import { pageOf } from './page';

describe("a postcode's town", () => {
  it('is put right where OCR misread its letters, after or before the postcode, in the case it was read', () => {
    expect(postcodeTown('NO. 53, JALAN BESAR, 45600 BAIANG BERJUNTA! SELANGOR')).toBe('NO. 53, JALAN BESAR, 45600 BATANG BERJUNTAI SELANGOR');
    expect(postcodeTown('Seksyen U3 Shah 4lam,40150')).toBe('Seksyen U3 Shah Alam,40150');
    expect(postcodeTown('LOT 1, 43300 Seri Kembanqan, Selangor')).toBe('LOT 1, 43300 Seri Kembangan, Selangor');
  });

  it('is left where it is printed otherwise: another spelling of a short word, a district for the post town, a state', () => {
    expect(postcodeTown('THE MINES MALL SRI KEMBANGAN, 43300 SELANGOR')).toBe('THE MINES MALL SRI KEMBANGAN, 43300 SELANGOR');
    expect(postcodeTown('JALAN KAPAR, 42200 KLANG, SELANGOR.')).toBe('JALAN KAPAR, 42200 KLANG, SELANGOR.');
    expect(postcodeTown('BANDAR MAHKOTA CHERAS, 43200 SELANGOR.')).toBe('BANDAR MAHKOTA CHERAS, 43200 SELANGOR.');
    expect(postcodeTown('TMN BUKIT MALURI, KEPONG, 52100 KL.')).toBe('TMN BUKIT MALURI, KEPONG, 52100 KL.');
    // two towns' letters off, or two five-figure numbers: left
    expect(postcodeTown('40150 SHAN ALAN')).toBe('40150 SHAN ALAN');
    expect(postcodeTown('LOT 12345, 40150 SHAH 4LAM')).toBe('LOT 12345, 40150 SHAH 4LAM');
  });

  it("a postcode the list does not hold is the town's where one digit puts it right", () => {
    expect(postcodeTown('ARA DAMANSARA, 47391 PETALING JAYA')).toBe('ARA DAMANSARA, 47301 PETALING JAYA');
    // where several postcodes of the town are a digit off, none is chosen
    expect(postcodeTown('JALAN SS 21/39, 47490 PETALING JAYA')).toBe('JALAN SS 21/39, 47490 PETALING JAYA');
    // one the list holds is taken as printed
    expect(postcodeTown('JALAN BESAR, 45500 BATANG BERJUNTAI')).toBe('JALAN BESAR, 45500 BATANG BERJUNTAI');
  });

  it("a receipt's address goes through the check", () => {
    const f = readReceipt([pageOf(`KEDAI MAJU SDN BHD\nNO. 53, JALAN BESAR,\n45600 BAIANG BERJUNTAI\nSELANGOR DARUL EHSAN\nTOTAL 5.00`)]);
    expect(f.address?.value).toBe('NO. 53, JALAN BESAR, 45600 BATANG BERJUNTAI SELANGOR DARUL EHSAN');
  });
});
