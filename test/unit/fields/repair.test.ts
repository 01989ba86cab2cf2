// OCR's look-alike letters put right in the words a receipt's header prints, and only there.
import { describe, expect, it } from 'vitest';
import { joinAddressLines, repairAddress, repairCompany } from '../../../src/fields/repair';
import { readReceipt } from '../../../src/fields/receipt';
import { pageOf } from './page';

describe('repairing header words', () => {
  it('puts street words, states and cities right through look-alike letters, in the word’s own case', () => {
    expect(repairAddress('No.8, J1n Melati 2, Tmn Bukit')).toBe('No.8, Jln Melati 2, Tmn Bukit');
    expect(repairAddress('BIK C, JALAN 5/10, 46000 PETAL1NG JAYA')).toBe('BLK C, JALAN 5/10, 46000 PETALING JAYA');
    expect(repairAddress('KOALA LUMPUR')).toBe('KUALA LUMPUR');
    expect(repairAddress('SELANG0R DARUL EHSAN')).toBe('SELANGOR DARUL EHSAN');
  });

  it('leaves a word that is not an address word, and numbers, as they are (in an address JIN is JLN misread)', () => {
    expect(repairAddress('Block 10A, 5th Floor, 01-02')).toBe('Block 10A, 5th Floor, 01-02');
    expect(repairAddress('LOT 1O, KAMPUNG BARU')).toBe('LOT 1O, KAMPUNG BARU');
    expect(repairAddress('Jin Xin Court')).toBe('Jln Xin Court');
  });

  it('puts an address word of five letters or more right across one letter of like strokes (M N H, N U, N R, I T)', () => {
    expect(repairAddress('LOT P.T. 2811, JALAR ANGSA,')).toBe('LOT P.T. 2811, JALAN ANGSA,');
    expect(repairAddress('LOT 12, JALAN ANGSA, TAHAN MERAK')).toBe('LOT 12, JALAN ANGSA, TAMAN MERAK');
    expect(repairAddress('TANAN MERAK')).toBe('TAMAN MERAK');
    expect(repairAddress('Lot 3, Jalau Pelabur 23/1')).toBe('Lot 3, Jalan Pelabur 23/1');
    expect(repairAddress('Kompleks Sr! Gaya')).toBe('Kompleks Sri Gaya');
    // another letter, or a short word: left
    expect(repairAddress('TAMPN MERAK')).toBe('TAMPN MERAK');
    expect(repairAddress('MAHAN')).toBe('MAHAN');
  });

  it('puts a word of a two-word place right beside its other word, where alone it would be left', () => {
    // a dot-matrix M read N: ALAN alone is no word to put right (too short), beside SHAH it is ALAM
    expect(repairAddress('SEKSYEN U13, 40170 SHAH ALAN')).toBe('SEKSYEN U13, 40170 SHAH ALAM');
    expect(repairAddress('40300 Shah Alan, Selangor.')).toBe('40300 Shah Alam, Selangor.');
    expect(repairAddress('SHAN ALAM')).toBe('SHAH ALAM');
    expect(repairAddress('SELANGOR DARUL EHSAM')).toBe('SELANGOR DARUL EHSAN');
    // not beside the place's other word, or two places fit: left
    expect(repairAddress('NO 3, JALAN ALAN 3')).toBe('NO 3, JALAN ALAN 3');
    expect(repairAddress('12000 KOTA MARU')).toBe('12000 KOTA MARU');
    // both words off: nothing to go by
    expect(repairAddress('SHAN ALAN')).toBe('SHAN ALAN');
  });

  it('reads the period between a number and the next part of an address as its comma', () => {
    expect(repairAddress('NO 17. JALAN BUNGA RAYA')).toBe('NO 17, JALAN BUNGA RAYA');
    expect(repairAddress('CO. NO. 12345-A')).toBe('CO. NO. 12345-A');
    expect(repairAddress('C0. NO. 12345-A')).toBe('C0. NO. 12345-A');
  });

  it('reads S/B, Sendirian Berhad shortened, with its S read 5', () => {
    expect(repairCompany('99 SPEED MART 5/B (519537-X)')).toBe('99 SPEED MART S/B (519537-X)');
    expect(repairCompany('KEDAI 5/8')).toBe('KEDAI S/B');
    // its S read twice, as S and as 5
    expect(repairCompany('99 SPEED MART S5/B (519537-X)')).toBe('99 SPEED MART S/B (519537-X)');
    // not a fraction's letters inside a word
    expect(repairCompany('SS5/B2 KEDAI')).toBe('SS5/B2 KEDAI');
  });

  it("puts right the words of Malaysian addresses: the district's, the towns'", () => {
    // a dot-matrix M read N (MUKIM, PERDANA), an O read U (BALAKONG)
    expect(repairAddress('JALAN KAPAR, MUKIN KAPAR')).toBe('JALAN KAPAR, MUKIM KAPAR');
    expect(repairAddress('3, Jalan Perdara 5, Taman Indah Perdana')).toBe('3, Jalan Perdana 5, Taman Indah Perdana');
    expect(repairAddress('KAWASAN PERINDUSTRIAN BALAKUNG')).toBe('KAWASAN PERINDUSTRIAN BALAKONG');
    // a comma read inside a place of two words
    expect(joinAddressLines(['NO.19 JALAN TEMENGGUNG 23/9 43200 SELANGOR DARUL,', 'EHSAN, MALAYSIA'])).toBe('NO.19 JALAN TEMENGGUNG 23/9 43200 SELANGOR DARUL EHSAN, MALAYSIA');
    expect(joinAddressLines(['NO 3, JALAN MAWAR, 50450 Kuala, Lumpur'])).toBe('NO 3, JALAN MAWAR, 50450 Kuala Lumpur');
    expect(joinAddressLines(['12, JALAN TAMPOI, 81200 JOHOR BAHRU, JOHOR'])).toBe('12, JALAN TAMPOI, 81200 JOHOR BAHRU, JOHOR');
    // words that are no such word one letter off are left, and a place's old spelling stands
    expect(repairAddress('JALAN MAWAR 3')).toBe('JALAN MAWAR 3');
    expect(repairAddress('JALAN BUNGA TANJONG 2/16')).toBe('JALAN BUNGA TANJONG 2/16');
    expect(repairAddress('KAMPONG BARU')).toBe('KAMPONG BARU');
  });

  it('puts a company’s legal form and trade right, one misread letter in a long word', () => {
    expect(repairCompany('LIM BROTHERS & COMFANY')).toBe('LIM BROTHERS & COMPANY');
    expect(repairCompany('SENG HENG HARDNARE TRADING')).toBe('SENG HENG HARDWARE TRADING');
    expect(repairCompany('Sri Jaya Restaurant Sdn Bnd')).toBe('Sri Jaya Restaurant Sdn Bhd');
    expect(repairCompany('KEDAI MAKAN SDN BHO')).toBe('KEDAI MAKAN SDN BHD');
    // a word one letter longer or shorter is its own word
    expect(repairCompany('GOLDEN HOLDING LTD')).toBe('GOLDEN HOLDING LTD');
    expect(repairCompany('NASI KANDAR RESTAURANTS')).toBe('NASI KANDAR RESTAURANTS');
    // but a long word with a letter read into its middle is the word
    expect(repairCompany('PERMNIAGAAN RIANG RIA')).toBe('PERNIAGAAN RIANG RIA');
    // Berhad's B read R after Sdn
    expect(repairCompany('Segi Cash & Carry Sdn.Rhd')).toBe('Segi Cash & Carry Sdn.Bhd');
  });

  it('drops what the scan did to an address’s letters and marks', () => {
    // a sign or speck before it; LOT with digits for letters; the postcode's period; a small l among capitals
    expect(joinAddressLines(['© Lot 3, Jalan Pelabur 23/1,', '40300 Shah Alam, Selangor.'])).toBe('Lot 3, Jalan Pelabur 23/1, 40300 Shah Alam, Selangor.');
    expect(joinAddressLines(['™No.49, Jalan Dinar G U3/G,'])).toBe('No.49, Jalan Dinar G U3/G,');
    expect(joinAddressLines(['10T 1851-A & 1851-B, JALAN KPB 6,'])).toBe('LOT 1851-A & 1851-B, JALAN KPB 6,');
    expect(joinAddressLines(['BANDAR BARU PERMAS 81750.JOHOR BAHRU JOHOR'])).toBe('BANDAR BARU PERMAS 81750 JOHOR BAHRU JOHOR');
    expect(joinAddressLines(['TAMAN SKUDAI BARU, 81300 SKUDAl, JOHOR'])).toBe('TAMAN SKUDAI BARU, 81300 SKUDAI, JOHOR');
    // PP-OCR's marks: a stop alone after a number (the number's comma), a comma read twice, a space before a comma
    expect(joinAddressLines(['LOT G29, AEON MALL, NO. 1 . JALAN DESA TEBRAU,'])).toBe('LOT G29, AEON MALL, NO. 1, JALAN DESA TEBRAU,');
    expect(joinAddressLines(['13-1, JALAN PJU 5/10, KOTA DAMANSARA, 47810,, PETALING JAYA'])).toBe('13-1, JALAN PJU 5/10, KOTA DAMANSARA, 47810, PETALING JAYA');
    expect(joinAddressLines(['12, Jalan Tampoi 7/4,Kawasan Perindustrian Tampoi , 81200 Johor Bahru'])).toBe('12, Jalan Tampoi 7/4,Kawasan Perindustrian Tampoi, 81200 Johor Bahru');
    // a stop alone between words of letters is left to the readings (no number's mark)
    expect(joinAddressLines(['NO. 1, JALAN A . B'])).toBe('NO. 1, JALAN A . B');
    // specks after the state that ends it
    expect(joinAddressLines(['Lot 1626, Mukim Kampung Laut Tumpat 16200 Palekbang, Kelantan PE eee EE TR ROLE RE URE'])).toBe('Lot 1626, Mukim Kampung Laut Tumpat 16200 Palekbang, Kelantan');
    expect(joinAddressLines(['47301 Petaling jaya, Selangor Darul Ehsan, ht |'])).toBe('47301 Petaling jaya, Selangor Darul Ehsan');
    expect(joinAddressLines(['48000 RAWANG,SELANGOR D E'])).toBe('48000 RAWANG,SELANGOR D E');
    expect(joinAddressLines(['81750 JOHOR BAHRU JOHOR'])).toBe('81750 JOHOR BAHRU JOHOR');
    expect(joinAddressLines(['43300 SERI KEMBANGAN, SELANGOR (TESCO PUTRA NILAI)'])).toBe('43300 SERI KEMBANGAN, SELANGOR (TESCO PUTRA NILAI)');
    // a unit's hash stays; words in lower case keep their l; a lot numbered 10 is not LOT
    expect(joinAddressLines(['#02-03, LEVEL 2, 27, JALAN SULTAN ISMAIL'])).toBe('#02-03, LEVEL 2, 27, JALAN SULTAN ISMAIL');
    expect(joinAddressLines(['12, Jalan Mawar, Seksyen 3, Shah Alam'])).toBe('12, Jalan Mawar, Seksyen 3, Shah Alam');
    expect(joinAddressLines(['10, JALAN 10T, TAMAN MAJU'])).toBe('10, JALAN 10T, TAMAN MAJU');
    // LOT read "Loi"; a bracket no bracket closes, glued before a word; dots alone between words
    expect(joinAddressLines(['Loi 3, Jalan Pelabur 23/1,'])).toBe('Lot 3, Jalan Pelabur 23/1,');
    expect(joinAddressLines(['L oi 3, Jalan Pelabur 23/1,'])).toBe('Lot 3, Jalan Pelabur 23/1,');
    expect(joinAddressLines(['c L ot 3, Jalan Pelabur 23/1,'])).toBe('Lot 3, Jalan Pelabur 23/1,');
    expect(joinAddressLines(['L 0T 3, JALAN 1'])).toBe('LOT 3, JALAN 1');
    // a lot's letter and number, or a word that starts so, stay
    expect(joinAddressLines(['LOT 3, JALAN 1'])).toBe('LOT 3, JALAN 1');
    expect(joinAddressLines(['Lotus 3, Jalan 1'])).toBe('Lotus 3, Jalan 1');
    expect(joinAddressLines(['No 2A Jalan Cochrane 55100 KUALA [LUMPUR'])).toBe('No 2A Jalan Cochrane 55100 KUALA LUMPUR');
    expect(joinAddressLines(['LOT NO. G23, GIANT KELANA JAYA ..', 'LOT PT244, JLN SS6/4'])).toBe('LOT NO. G23, GIANT KELANA JAYA LOT PT244, JLN SS6/4');
    expect(joinAddressLines(['LOT 5, JALAN MAWAR [BLOK A]'])).toBe('LOT 5, JALAN MAWAR [BLOK A]');
    // a quote glued to a word where no other is; a line's closing period before the next part; a web address read onto it
    expect(joinAddressLines(['NO. 1, JALAN DESA TEBRAU,', 'TAMAN DESA "TEBRAU, 81100 JOHOR BAHRU.'])).toBe('NO. 1, JALAN DESA TEBRAU, TAMAN DESA TEBRAU, 81100 JOHOR BAHRU.');
    expect(joinAddressLines(['LOT" 1504, BATU 8 1/2,'])).toBe('LOT 1504, BATU 8 1/2,');
    expect(joinAddressLines(['NO.17, JALAN PERMAS 1/7.', 'BANDAR BARU PERMAS JAYA'])).toBe('NO.17, JALAN PERMAS 1/7, BANDAR BARU PERMAS JAYA');
    expect(joinAddressLines(['JALAN BUNGA TANJONG 2/16.', '40000 SHAH ALAM'])).toBe('JALAN BUNGA TANJONG 2/16, 40000 SHAH ALAM');
    expect(joinAddressLines(['SEKSYEN U3 SHAH ALAM,40150 http://www.super7. com. my'])).toBe('SEKSYEN U3 SHAH ALAM,40150');
    expect(joinAddressLines(['Nc 8, Jalan 7/118B'])).toBe('No 8, Jalan 7/118B');
    expect(joinAddressLines(['WISMA "KENANGA" JALAN 1'])).toBe('WISMA "KENANGA" JALAN 1');
  });

  it('reads a place of two words with a letter read into one, beside the other; a period before the postcode as a comma', () => {
    expect(repairAddress('55100 KUALA LUMPLUR MALAYSIA')).toBe('55100 KUALA LUMPUR MALAYSIA');
    expect(repairAddress('Jalan Ipoh Batu 5. 51200 Kuala Lumpur')).toBe('Jalan Ipoh Batu 5, 51200 Kuala Lumpur');
    expect(repairAddress('55100 KUALA LUMPUR')).toBe('55100 KUALA LUMPUR');
  });

  it('reads a period or colon between an address’s parts as the comma the print has', () => {
    // a number's period before the street, no space ("NO 4.JALAN"); a unit's code; a town's stop before the postcode
    expect(joinAddressLines(['NO 7.JALAN MELATI 2,', 'TAMAN BUKIT,', '43000 KAJANG'])).toBe('NO 7,JALAN MELATI 2, TAMAN BUKIT, 43000 KAJANG');
    expect(joinAddressLines(['UNIT B2-011A. PLAZA MAJU,', '50000 KUALA LUMPUR'])).toBe('UNIT B2-011A, PLAZA MAJU, 50000 KUALA LUMPUR');
    expect(joinAddressLines(['12, Jalan Mawar 3,', 'Taman Sri Mawar.81100 Johor Bahru,', 'Johor'])).toBe('12, Jalan Mawar 3, Taman Sri Mawar,81100 Johor Bahru, Johor');
    expect(joinAddressLines(['LOT 5, JALAN 2,', '93350 KUCHING: SARAWAK.'])).toBe('LOT 5, JALAN 2, 93350 KUCHING, SARAWAK.');
    // abbreviations and labels keep theirs
    expect(joinAddressLines(['NO.54, BATU 5,JALAN IPOH,', 'KG.BATU,'])).toBe('NO.54, BATU 5,JALAN IPOH, KG.BATU,');
    expect(joinAddressLines(['LOT P.T. 2811, JALAN ANGSA,', 'TAMAN BERKELEY'])).toBe('LOT P.T. 2811, JALAN ANGSA, TAMAN BERKELEY');
    expect(joinAddressLines(['NO: G3, BLK G,', 'JLN PJU 1A/3'])).toBe('NO: G3, BLK G, JLN PJU 1A/3');
    expect(joinAddressLines(['LOT NO.: 4F-27, 4TH FLOOR'])).toBe('LOT NO.: 4F-27, 4TH FLOOR');
  });

  it('joins an address’s lines as printed, adding no comma the print does not show', () => {
    // a line ending in a word beside lines ending in commas: receipts print it so
    expect(joinAddressLines(['LOT P.T. 12, JALAN ANGSA,', 'TAMAN MERAK', '81300 SKUDAI,', 'JOHOR.'])).toBe('LOT P.T. 12, JALAN ANGSA, TAMAN MERAK 81300 SKUDAI, JOHOR.');
    // no line ends with a comma: none is added
    expect(joinAddressLines(['12 Rue Victor Hugo', '69002 Lyon'])).toBe('12 Rue Victor Hugo 69002 Lyon');
    // a line that ends in its postcode keeps no comma
    expect(joinAddressLines(['LOT 5, JALAN 2,', 'BANDAR BARU, 43000', 'KAJANG, SELANGOR'])).toBe('LOT 5, JALAN 2, BANDAR BARU, 43000 KAJANG, SELANGOR');
  });

  it('reads "No." before the house number where OCR misread it, and only there', () => {
    expect(joinAddressLines(['ND.7, JALAN MAWAR 2,', '43000 KAJANG'])).toBe('NO.7, JALAN MAWAR 2, 43000 KAJANG');
    expect(joinAddressLines(['INO 12, LORONG KENARI,', '11900 BAYAN LEPAS'])).toBe('NO 12, LORONG KENARI, 11900 BAYAN LEPAS');
    expect(joinAddressLines(['N0: 3A, Jalan Bunga', '50000 Kuala Lumpur'])).toBe('NO: 3A, Jalan Bunga 50000 Kuala Lumpur');
    // its stop read as a comma
    expect(joinAddressLines(['No, 9-G, Jalan Dinar D U3/D'])).toBe('No. 9-G, Jalan Dinar D U3/D');
    // not a house number: no number after it, or not at the start
    expect(joinAddressLines(['NORTH WING, LEVEL 2', '10000 GEORGETOWN'])).toBe('NORTH WING, LEVEL 2 10000 GEORGETOWN');
    expect(joinAddressLines(['LOT 2ND FLOOR, PLAZA', 'IND 4'])).toBe('LOT 2ND FLOOR, PLAZA IND 4');
  });

  it('reads a postcode digit OCR read as its look-alike letter, only in a five-figure postcode before its town', () => {
    expect(joinAddressLines(['NO. 9, JALAN MUTIARA U13/X,', '4D170 SHAH ALAM'])).toBe('NO. 9, JALAN MUTIARA U13/X, 40170 SHAH ALAM');
    expect(joinAddressLines(['12 JALAN PINANG', '5I2O0 KUALA LUMPUR'])).toBe('12 JALAN PINANG 51200 KUALA LUMPUR');
    // a house number with a letter, a postcode already read, and a code of letters stay
    expect(joinAddressLines(['1234B JALAN DUA,', '43000 KAJANG'])).toBe('1234B JALAN DUA, 43000 KAJANG');
    expect(joinAddressLines(['LOT 12, 1200S JALAN SATU,', '43000 KAJANG'])).toBe('LOT 12, 1200S JALAN SATU, 43000 KAJANG');
    expect(joinAddressLines(['SOLID BUILDING,', 'DOOLS SEREMBAN'])).toBe('SOLID BUILDING, DOOLS SEREMBAN');
    // in lower case; split by a space or a colon the scan read; not a house number before its street
    expect(joinAddressLines(['No 16A, Jalan Astaka U8/83, Bukit Jelutong,', '401so Shah Alam, Selangor'])).toBe('No 16A, Jalan Astaka U8/83, Bukit Jelutong, 40150 Shah Alam, Selangor');
    expect(joinAddressLines(['Lot No2, Jalan Utarid U5/13, Seksyen U5.', '401 50 Shah Alam, Selangor'])).toBe('Lot No2, Jalan Utarid U5/13, Seksyen U5, 40150 Shah Alam, Selangor');
    expect(joinAddressLines(['Lot 3, Jalan Pelabur 23/1,', '40:300 Shah Alam, Selangor.'])).toBe('Lot 3, Jalan Pelabur 23/1, 40300 Shah Alam, Selangor.');
    expect(joinAddressLines(['LOT 12 345 JALAN SATU,', 'KAJANG'])).toBe('LOT 12 345 JALAN SATU, KAJANG');
    // a stop with no space after it: a house number's before its street, a milestone's before the postcode; a degree sign for a space
    expect(joinAddressLines(['69.JALAN TEMENGGUNG 3/9 BANDAR MAHKOTA CHERAS', '43200 CHERAS SELANGOR'])).toBe('69,JALAN TEMENGGUNG 3/9 BANDAR MAHKOTA CHERAS 43200 CHERAS SELANGOR');
    expect(joinAddressLines(['No 7, Simpang Off Batu Village,', 'Jalan Ipoh Batu 5.51200 Kuala Lumpur'])).toBe('No 7, Simpang Off Batu Village, Jalan Ipoh Batu 5, 51200 Kuala Lumpur');
    expect(joinAddressLines(['Level°6, Bangunan TH, Damansara Uptown3', '47400 Petaling Jaya'])).toBe('Level 6, Bangunan TH, Damansara Uptown3 47400 Petaling Jaya');
    expect(joinAddressLines(['LOT 1.5 JALAN SATU', '43000 KAJANG'])).toBe('LOT 1.5 JALAN SATU 43000 KAJANG');
    // a 1 read as i or l inside a number
    expect(joinAddressLines(['No 8, Jalan 7/i18B, Desa Tun Razak', '56000 Kuala Lumpur'])).toBe('No 8, Jalan 7/118B, Desa Tun Razak 56000 Kuala Lumpur');
    expect(joinAddressLines(['No 8, Jalan 7/1l8B, Desa Tun Razak', '56000 Kuala Lumpur'])).toBe('No 8, Jalan 7/118B, Desa Tun Razak 56000 Kuala Lumpur');
    // a stop glued between a town and its state is their comma; an abbreviation's stays
    expect(joinAddressLines(['54,JALAN SS23/11 TAMAN SEA,', '47400 PETALING JAYA.SELANGOR'])).toBe('54,JALAN SS23/11 TAMAN SEA, 47400 PETALING JAYA,SELANGOR');
    expect(joinAddressLines(['NO 5, JALAN U3,', '40150 SHAH ALAM, SEL.D.E.'])).toBe('NO 5, JALAN U3, 40150 SHAH ALAM, SEL.D.E.');
  });

  it('reads a period between the parts of a comma-separated address as its comma, never an abbreviation’s', () => {
    expect(joinAddressLines(['12, JALAN SUNGAI BESI. CHERAS,', '56100 KUALA LUMPUR'])).toBe('12, JALAN SUNGAI BESI, CHERAS, 56100 KUALA LUMPUR');
    expect(joinAddressLines(['LOT 9, TAMAN MELATI. 53100', 'GOMBAK, SELANGOR'])).toBe('LOT 9, TAMAN MELATI, 53100 GOMBAK, SELANGOR');
    expect(joinAddressLines(['NO.8, JLN. TUN RAZAK, KG.BARU,', '50400 KUALA LUMPUR'])).toBe('NO.8, JLN. TUN RAZAK, KG.BARU, 50400 KUALA LUMPUR');
    expect(joinAddressLines(['21 Main St. Suite 4, Springfield'])).toBe('21 Main St. Suite 4, Springfield');
    // no comma anywhere: the address's own style is not known, so nothing changes
    expect(joinAddressLines(['Hauptstraße. 5', '10115 Berlin'])).toBe('Hauptstraße. 5 10115 Berlin');
  });

  it('puts "Sdn Bhd" and a branch’s brackets right where OCR misread them', () => {
    expect(repairCompany('MEGA JAYA TRADING SIN BHD')).toBe('MEGA JAYA TRADING SDN BHD');
    expect(repairCompany('SUPER.SEVEN CASH & CARRY SEN 3HD')).toBe('SUPER.SEVEN CASH & CARRY SDN BHD');
    expect(repairCompany('AMANO MALAYSIA SUN BHD')).toBe('AMANO MALAYSIA SDN BHD');
    expect(repairCompany('Golden Arches Restaurants Scin Bhd')).toBe('Golden Arches Restaurants Sdn Bhd');
    expect(repairCompany('ALAM SDN HHU')).toBe('ALAM SDN BHD');
    expect(repairCompany('ALAM SDN EHU')).toBe('ALAM SDN BHD');
    expect(repairCompany('GARDENIA BAKERIES (KL)SDN BHID')).toBe('GARDENIA BAKERIES (KL)SDN BHD');
    expect(repairCompany('MEGA JAYA TRADING SIDN BHD')).toBe('MEGA JAYA TRADING SDN BHD');
    expect(repairCompany('Kedai Emas Sinar SON Bhd')).toBe('Kedai Emas Sinar Sdn Bhd');
    expect(repairCompany('SINAR BAKERY (PJ y SDN BHD')).toBe('SINAR BAKERY (PJ) SDN BHD');
    expect(repairCompany('SINAR BAKERY (PJ y SDN BHD (123456 X)')).toBe('SINAR BAKERY (PJ) SDN BHD (123456 X)');
    expect(repairCompany('SINAR HARDWARE ISERI KEMBANGAN) SDN BHD')).toBe('SINAR HARDWARE (SERI KEMBANGAN) SDN BHD');
    // words that are no legal form, and names with both brackets or none, stay
    expect(repairCompany('SIN HUAT BROTHERS')).toBe('SIN HUAT BROTHERS');
    expect(repairCompany('ISLAND CAFE (KL) SDN BHD')).toBe('ISLAND CAFE (KL) SDN BHD');
    expect(repairCompany('IKAN BAKAR JOHNNY')).toBe('IKAN BAKAR JOHNNY');
    // its D read as a round letter; S/B's B read D or 0 where it ends the name
    expect(repairCompany('Timeless Kitchenette Scn Bhd')).toBe('Timeless Kitchenette Sdn Bhd');
    expect(repairCompany('99 SPEED MART 5/0 (519537-X)')).toBe('99 SPEED MART S/B (519537-X)');
    expect(repairCompany('KEDAI MAJU S/D')).toBe('KEDAI MAJU S/B');
    expect(repairCompany('RAJU S/O MUTHU TRADING')).toBe('RAJU S/O MUTHU TRADING');
    // a lone mark between its words, an underscore for a space
    expect(repairCompany('GARDENIA BAKERIES (KL) SDN < BHD')).toBe('GARDENIA BAKERIES (KL) SDN BHD');
    expect(repairCompany('SINAR_JAYA SDN BHD')).toBe('SINAR JAYA SDN BHD');
    expect(repairCompany('A & W RESTAURANT')).toBe('A & W RESTAURANT');
    // S/B's S read as a section sign; an ampersand read so between words; a digit for a letter in initials
    expect(repairCompany("KING'S CONFECTIONERY §/B 273500-U")).toBe("KING'S CONFECTIONERY S/B 273500-U");
    expect(repairCompany('SUPER SEVEN CASH § CARRY SDN BHD')).toBe('SUPER SEVEN CASH & CARRY SDN BHD');
    expect(repairCompany('MR. D.1.Y. (M) SDN BHD')).toBe('MR. D.I.Y. (M) SDN BHD');
    expect(repairCompany('VERBENA CONFECTIUNERY SDN BHD')).toBe('VERBENA CONFECTIONERY SDN BHD');
    // a number with dots is no initials
    expect(repairCompany('KEDAI 1.2.3. SDN BHD')).toBe('KEDAI 1.2.3. SDN BHD');
  });

  it('drops a stop OCR read in a gap inside a name, keeping the stops of abbreviations, initials and joined parts', () => {
    expect(repairCompany('POPULAR BOOK. CO. (M) SDN BHD')).toBe('POPULAR BOOK CO. (M) SDN BHD');
    expect(repairCompany('UNIHAKKA INTERNATIONAL. SDN BHD')).toBe('UNIHAKKA INTERNATIONAL SDN BHD');
    expect(repairCompany('10 GRAM. Gourmet Sbn Bhd')).toBe('10 GRAM Gourmet Sbn Bhd');
    expect(repairCompany('THE MARCO POLO . KITCH')).toBe('THE MARCO POLO KITCH');
    // abbreviations (short, known, or without a vowel), initials, parts joined by a stop, a stop before a bracket or at the end
    expect(repairCompany('ENW Hardware Centre (M) Sdn. Bhd.')).toBe('ENW Hardware Centre (M) Sdn. Bhd.');
    expect(repairCompany('ACME CORP. LTD')).toBe('ACME CORP. LTD');
    expect(repairCompany('SINAR MKTG. SDN BHD')).toBe('SINAR MKTG. SDN BHD');
    expect(repairCompany('MR. D.I.Y. (M) SDN BHD')).toBe('MR. D.I.Y. (M) SDN BHD');
    expect(repairCompany('SUPER.SEVEN CASH & CARRY')).toBe('SUPER.SEVEN CASH & CARRY');
    expect(repairCompany('ECOSWAY.COM SDN BHD')).toBe('ECOSWAY.COM SDN BHD');
    expect(repairCompany('KEDAI EMAS BERHAD. (12345-X)')).toBe('KEDAI EMAS BERHAD. (12345-X)');
    expect(repairCompany('GUARDIAN HEALTH AND BEAUTY.')).toBe('GUARDIAN HEALTH AND BEAUTY.');
    expect(repairCompany('KEDAI MAJU SDN . BHD')).toBe('KEDAI MAJU SDN . BHD');
  });

  it('drops specks inside an address’s words, and reads "No.l," as No.1', () => {
    expect(repairAddress('NO. 12, JA.LAN SS4C/5,PETALING JAYA')).toBe('NO. 12, JALAN SS4C/5,PETALING JAYA');
    expect(repairAddress('TAMAN DESA_TEBRAU, 81100 JOHOR BAHRU.')).toBe('TAMAN DESA TEBRAU, 81100 JOHOR BAHRU.');
    expect(repairAddress('No.l,')).toBe('No.1,');
    expect(repairAddress('NO. I, JALAN MAWAR')).toBe('NO. 1, JALAN MAWAR');
    // an abbreviation's period stays; so does a letter after NO that is a unit's
    expect(repairAddress('JLN.TAMAN MAWAR, S.ALAM')).toBe('JLN.TAMAN MAWAR, S.ALAM');
    expect(repairAddress('NO. A-1, JALAN MAWAR')).toBe('NO. A-1, JALAN MAWAR');
    // a letter read as a mark inside a long street word or place; a hyphen between words stays
    expect(repairAddress('PETALING JAYA SE-ANGOR DARUL EHSAN')).toBe('PETALING JAYA SELANGOR DARUL EHSAN');
    expect(repairAddress('NO.50, JALAN PBS 14/11, KAWAS,AN PERINDUSTRIAN')).toBe('NO.50, JALAN PBS 14/11, KAWASAN PERINDUSTRIAN');
    expect(repairAddress('TAMAN,JAYA')).toBe('TAMAN,JAYA');
    expect(repairAddress('KAWASAN PERINDUS:RIAN TAMPOI')).toBe('KAWASAN PERINDUSTRIAN TAMPOI');
    expect(repairAddress('JALAN SS2-BESAR, KOTA-KINABALU')).toBe('JALAN SS2-BESAR, KOTA-KINABALU');
  });

  it('a receipt read with its header repaired: the merchant found by its legal form, the address by its street word', () => {
    const f = readReceipt([
      pageOf(`TAN BROTHERS COMFANY
Co. Reg; No.: 123456-A
No: B7, Blk B, J1n Mawar 4,
Tmn Sri Mawar, 81100
Johor Bahru, Johor.
TEL: 07-355 1234
DATE: 02/06/2019
TOTAL 12.00`),
    ]);
    expect(f.merchant?.value).toBe('TAN BROTHERS COMPANY');
    expect(f.address?.value).toBe('No: B7, Blk B, Jln Mawar 4, Tmn Sri Mawar, 81100 Johor Bahru, Johor.');
    // the document's title read onto the address's last line is no part of it
    const titled = readReceipt([pageOf(`KEDAI MAJU SDN BHD\n12, Jalan Tampoi 7/4,\n81200 Johor Bahru, Johor TAXINVOICE\nTOTAL 12.00`)]);
    expect(titled.address?.value).toBe('12, Jalan Tampoi 7/4, 81200 Johor Bahru, Johor');
  });
});

describe('a word the page prints twice', () => {
  it('puts right a word read once one letter off it, in the case it was read', async () => {
    const { printedWords, sameAsPrinted } = await import('../../../src/fields/repair');
    const lines = ['GIANT BANDAR PUTERI', 'LOT F15, JALAN PUTERT 1/1, BDR PUTERI', '47100 PUCHONG, SELANGOR', 'Thank you'];
    const same = sameAsPrinted(printedWords(lines.map((text) => ({ text }))));
    expect(same('LOT F15, JALAN PUTERT 1/1, BDR PUTERI')).toBe('LOT F15, JALAN PUTERI 1/1, BDR PUTERI');
    expect(same('Jalan Puter 1/1')).toBe('Jalan Puteri 1/1');
    // a word printed once beside another printed once: no telling which is right
    const once = sameAsPrinted(printedWords([{ text: 'JALAN HARMONT 3/2, TAMAN DESA HARMONI' }]));
    expect(once('JALAN HARMONT 3/2, TAMAN DESA HARMONI')).toBe('JALAN HARMONT 3/2, TAMAN DESA HARMONI');
    // two words the page prints twice each stay as they are ("ADJUSTMENT" and "ADJUSTMENTS"), and short words are left alone
    const both = sameAsPrinted(printedWords(['ADJUSTMENT 0.01', 'ADJUSTMENT', 'ADJUSTMENTS', 'ADJUSTMENTS', 'JAYA RAYA RAYA'].map((text) => ({ text }))));
    expect(both('ADJUSTMENTS JAYA')).toBe('ADJUSTMENTS JAYA');
  });

  it('puts right a word read with a letter read into it, inside, where the page prints the word', async () => {
    const { printedWords, sameAsPrinted } = await import('../../../src/fields/repair');
    const text = 'No 3, Jalan Permas 10/8, Bandar Baru Perrmas Jaya, 81750 Masai';
    expect(sameAsPrinted(printedWords([{ text }]))(text)).toBe('No 3, Jalan Permas 10/8, Bandar Baru Permas Jaya, 81750 Masai');
    expect(sameAsPrinted(printedWords([{ text: 'Jalan Permas 4/3 Bandar Baru Permias Jay' }]))('Bandar Baru Permias')).toBe('Bandar Baru Permas');
    // not a letter more at either end (a plural, another word): "MASAIS", "TAMANS"
    const ends = 'Jalan Masai, Kedai Masais';
    expect(sameAsPrinted(printedWords([{ text: ends }]))(ends)).toBe(ends);
  });
});

describe('a word of the vocabulary split in two', () => {
  it('is joined where neither half is a word of it', () => {
    expect(repairCompany('GARDENIA BAKE RIES (KL) SDN BHD')).toBe('GARDENIA BAKERIES (KL) SDN BHD');
    expect(repairAddress('43300 SERI KEMBAN GAN, SELANGOR')).toBe('43300 SERI KEMBANGAN, SELANGOR');
    expect(repairCompany('SDN BHD')).toBe('SDN BHD');
    expect(repairAddress('12 JALAN PASAR, SHAH ALAM')).toBe('12 JALAN PASAR, SHAH ALAM');
  });
});

describe("a name broken before its branch's brackets", () => {
  it('takes the line above where the name goes on with "(BRANCH) SDN BHD"', () => {
    const f = readReceipt([pageOf(`PASAR RAYA MEGA MAJU\n(SEMENYIH) SDN BHD\n(767840-W)\nNO 24, JALAN PUSAT 4,\n43500 SEMENYIH\nTOTAL 30.45`)]);
    expect(f.merchant?.value).toBe('PASAR RAYA MEGA MAJU (SEMENYIH) SDN BHD');
    // a line wholly in brackets under the name is its registration or branch note
    const g = readReceipt([pageOf(`MEGA MAJU SDN BHD\n(SEMENYIH)\nNO 24, JALAN PUSAT 4,\nTOTAL 30.45`)]);
    expect(g.merchant?.value).toBe('MEGA MAJU SDN BHD');
  });

  it('no name is a document title misspelt, a column head, an item line, or a note in small letters', () => {
    expect(readReceipt([pageOf(`Tax Imnvoice\nKEDAI MAJU SDN BHD\nTOTAL 5.00`)]).merchant?.value).toBe('KEDAI MAJU SDN BHD');
    expect(readReceipt([pageOf(`DESC QTY PRICE AMOUNT TAXCODE\nMILO 1 5.00 5.00\nTOTAL 5.00`)]).merchant).toBeUndefined();
    expect(readReceipt([pageOf(`967 ANCHOR SERBUK CUCI 4KG RM18.80 S\nTOTAL 18.80`)]).merchant).toBeUndefined();
    expect(readReceipt([pageOf(`tan woon yann\nINDAH GIFT & HOME DECO\n27,JALAN DEDAP 13,\nTOTAL 60.30`)]).merchant?.value).toBe('INDAH GIFT & HOME DECO');
  });

  it("a registration number's line, its label misread, starts no address", () => {
    const f = readReceipt([pageOf(`LAVENDER CONFECTIONERY & BAKERY S/B\nCOMPARY NO: 499702--V\nLOT G29 & G30, AEON MALL TEBRAU CITY,\n81100 JOHOR BAHRU.\nTOTAL 26.50`)]);
    expect(f.address?.value).toBe('LOT G29 & G30, AEON MALL TEBRAU CITY, 81100 JOHOR BAHRU.');
  });

  it("the address ends at a company's trade line after its postcode", () => {
    const f = readReceipt([pageOf(`ESJAY PETROL STATION
LOT PTD 101051 Jalan Permas 10/10
81750 Masai, Johor
Esjay Fuel Enterprise
TOTAL 30.00`)]);
    expect(f.address?.value).toBe('LOT PTD 101051 Jalan Permas 10/10 81750 Masai, Johor');
  });

  it("a name ends at its registration number in brackets, and a closing bracket after its legal form with none opened is a speck", () => {
    expect(readReceipt([pageOf(`MYNEWS RETAIL SB(306295-X) FKA BISON STORES SB\nNO 2, JALAN PJU 1A/7A\nTOTAL 5.00`)]).merchant?.value).toBe('MYNEWS RETAIL SB');
    expect(readReceipt([pageOf(`DE LUXE CIRCLE FRESH MART SDN BHD)\nNO 2, JALAN PJU 1A/7A\nTOTAL 5.00`)]).merchant?.value).toBe('DE LUXE CIRCLE FRESH MART SDN BHD');
    // two letters after the legal form are specks too; a bracketed branch stays
    expect(readReceipt([pageOf(`ANN GIAP TRADING SDN BHD SE\nNO 2, JALAN PJU 1A/7A\nTOTAL 5.00`)]).merchant?.value).toBe('ANN GIAP TRADING SDN BHD');
    expect(readReceipt([pageOf(`GARDENIA BAKERIES (KL SDN BHD)\nNO 2, JALAN PJU 1A/7A\nTOTAL 5.00`)]).merchant?.value).toBe('GARDENIA BAKERIES (KL SDN BHD)');
  });

  it("a line of a trade's words and legal form only goes on from the name above it", () => {
    expect(readReceipt([pageOf(`LIAN CHI PU TIAN VEGETARIAN\nRESTAURANT SDN BHD\n(1121247-V)\n54, JALAN SS23/11 TAMAN SEA,\nTOTAL 5.00`)]).merchant?.value).toBe('LIAN CHI PU TIAN VEGETARIAN RESTAURANT SDN BHD');
    // not under a document's title
    expect(readReceipt([pageOf(`TAX INVOICE\nRESTAURANT SDN BHD\n54, JALAN SS23/11 TAMAN SEA,\nTOTAL 5.00`)]).merchant?.value).toBe('RESTAURANT SDN BHD');
  });

  it('a stop OCR read at the end of a name line the name goes on from is dropped', () => {
    const f = readReceipt([pageOf(`POPULAR BOOK.\nCO. (M) SDN BHD\n(CO. NO. 113825-W)\nNO 8, JALAN 7/118B, DESA TUN RAZAK\nTOTAL 30.00`)]);
    expect(f.merchant?.value).toBe('POPULAR BOOK CO. (M) SDN BHD');
  });

  it("the address ends at its postcode's line where that line ends with a stop: the mall's name under it is not the address", () => {
    const f = readReceipt([pageOf(`POPULAR BOOK CO. (M) SDN BHD
NO 8, JALAN 7/118B, DESA TUN RAZAK
56000 KUALA LUMPUR, MALAYSI .
IOI MALL
TOTAL 30.00`)]);
    expect(f.address?.value).toBe('NO 8, JALAN 7/118B, DESA TUN RAZAK 56000 KUALA LUMPUR, MALAYSI .');
    // without the stop, the short line under the postcode's is still the address's (its state)
    const g = readReceipt([pageOf(`KEDAI MAJU SDN BHD
NO 8, JALAN 7/118B, DESA TUN RAZAK
56000 KUALA LUMPUR,
WILAYAH PERSEKUTUAN
TOTAL 30.00`)]);
    expect(g.address?.value).toBe('NO 8, JALAN 7/118B, DESA TUN RAZAK 56000 KUALA LUMPUR, WILAYAH PERSEKUTUAN');
    // a state's line after the stop is still the address's (the stop a comma misread)
    const h = readReceipt([pageOf(`KEDAI MAJU SDN BHD
G-26, GRD FLOOR, CITTA MALL, JLN PJU 1, ARA DAMANSARA,
47301 PETALING JAYA.
SELANGOR.
TOTAL 30.00`)]);
    expect(h.address?.value).toBe('G-26, GRD FLOOR, CITTA MALL, JLN PJU 1, ARA DAMANSARA, 47301 PETALING JAYA, SELANGOR.');
  });
});

describe('letters the scan lost or split inside address words and names', () => {
  it('a letter read as a space inside a long street word or place, where neither half is a word', () => {
    expect(repairAddress('KAWASAN PERIN USTRIAN BALAKONG, 43300 SERI K MBANGAN')).toBe('KAWASAN PERINDUSTRIAN BALAKONG, 43300 SERI KEMBANGAN');
    // two words of the vocabulary, or a word it does not hold, are left
    expect(repairAddress('TAMAN DESA TEBRAU')).toBe('TAMAN DESA TEBRAU');
    expect(repairAddress('Jalan Tam oi 7/4')).toBe('Jalan Tam oi 7/4');
  });

  it('a word split where a letter was read as a digit alike beside the gap', () => {
    expect(repairAddress('NO 3, JALAN TAMAN JASA 2, SECT 1ON U6')).toBe('NO 3, JALAN TAMAN JASA 2, SECTION U6');
    // a street's number after its word is no split
    expect(repairAddress('JALAN 1 SEKSYEN 5')).toBe('JALAN 1 SEKSYEN 5');
    expect(repairAddress('LOT 1O, BLOK 8')).toBe('LOT 1O, BLOK 8');
  });

  it('T read as 7 inside an address word; a stroke read into a word of five letters as I', () => {
    expect(repairAddress('NO. 17-G, JALAN SE7IA INDAH')).toBe('NO. 17-G, JALAN SETIA INDAH');
    expect(repairAddress('NO 3, JALAIN TAMAN JASA 2')).toBe('NO 3, JALAN TAMAN JASA 2');
    // at the word's end it may be another word's letter: left
    expect(repairAddress('TAMANI')).toBe('TAMANI');
  });

  it("a post town's word of seven letters or more, through look-alike letters; a shorter one is no word to put right to", () => {
    expect(repairAddress('SITE B 45400 SEK1NCHAN SELANGOR')).toBe('SITE B 45400 SEKINCHAN SELANGOR');
    expect(repairAddress('45600 BATANG BERJUNTA1')).toBe('45600 BATANG BERJUNTAI');
    // NAWAR and DARO are towns, MAWAR a street's flower: left as read
    expect(repairAddress('JALAN MAWAR 3, TAMAN SRI MAWAR')).toBe('JALAN MAWAR 3, TAMAN SRI MAWAR');
  });

  it("a place's word of five letters or more with a letter lost, beside its other word", () => {
    expect(repairAddress('45600 BATANG BERJUNTAI SELANGOR DARU EHSAN')).toBe('45600 BATANG BERJUNTAI SELANGOR DARUL EHSAN');
    // a short word with a letter lost is left ("ALA" may be anything)
    expect(repairAddress('SHAH ALA')).toBe('SHAH ALA');
  });

  it('"Sdn Bhd" with both words misread, Sendirian\'s D read U', () => {
    expect(repairCompany('ALAM SUN BHO')).toBe('ALAM SDN BHD');
    expect(repairCompany('SUN BAKERY')).toBe('SUN BAKERY');
  });

  it("a name's branch bracket whose closing one was lost closes before the legal form", () => {
    const f = readReceipt([pageOf(`AIK HUAT HARDWARE\nENTERPRISE (SETIA\nALAM SUN BHO\n822737-X\nNO. 17-G, JALAN SETIA INDAH\nTOTAL 30.45`)]);
    expect(f.merchant?.value).toBe('AIK HUAT HARDWARE ENTERPRISE (SETIA ALAM) SDN BHD');
    // a closed bracket, or none, stays as it is
    expect(readReceipt([pageOf(`POPULAR BOOK CO. (M) SDN BHD\nNO 8, JALAN 7/118B\nTOTAL 3.00`)]).merchant?.value).toBe('POPULAR BOOK CO. (M) SDN BHD');
  });
});
