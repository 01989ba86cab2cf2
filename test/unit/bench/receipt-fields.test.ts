import { describe, expect, it } from 'vitest';
import { dateOf, fieldRight, receiptTable } from '../../../bench/receipt-fields.mjs';

describe('receipt field scoring', () => {
  it('folds case and spacing, reads totals as amounts and dates as dates', () => {
    const fields = { merchant: { value: 'Book Ta .K (Taman  Daya) SDN BHD' }, address: { value: 'NO.53, JALAN SAGU 18,  81100 johor' }, total: { amount: 9 }, date: { value: '25/12/2018', iso: '2018-12-25' } };
    expect(fieldRight('company', 'BOOK TA .K (TAMAN DAYA) SDN BHD', fields)).toBe(true);
    expect(fieldRight('address', 'NO.53, JALAN SAGU 18, 81100 JOHOR', fields)).toBe(true);
    expect(fieldRight('address', 'NO.53 JALAN SAGU 18 81100 JOHOR', fields)).toBe(false);
    expect(fieldRight('total', '9.00', fields)).toBe(true);
    expect(fieldRight('total', 'RM19.00', fields)).toBe(false);
    expect(fieldRight('date', '25-12-18', fields)).toBe(true);
    expect(fieldRight('date', '26/12/2018', fields)).toBe(false);
    expect(fieldRight('company', 'X', null)).toBe(false);
  });

  it('reads dates in the keys’ forms', () => {
    expect(dateOf('28 MAR 18')).toBe('2018-3-28');
    expect(dateOf('09-04-2018')).toBe('2018-4-9');
    expect(dateOf('2018-04-09')).toBe('2018-4-9');
    // eight digits printed with no separator, day first
    expect(dateOf('25032018')).toBe('2018-3-25');
    // the month's name first, as US receipts print it
    expect(dateOf('OCT 3, 2016')).toBe('2016-10-3');
    expect(fieldRight('date', 'OCT 3, 2016', { date: { value: 'oct 3, 2016', iso: '2016-10-03' } })).toBe(true);
  });

  it('tabulates right / receipts per field and lists the misses', () => {
    const { table, misses } = receiptTable([
      { name: 'a.jpg', key: { company: 'A', total: '1.00' }, fields: { merchant: { value: 'a' }, total: { amount: 1, value: '1.00' } } },
      { name: 'b.jpg', key: { company: 'B', total: '2.00' }, fields: { merchant: { value: 'C' }, total: { amount: 2, value: '2.00' } } },
    ]);
    expect(table).toMatch(/company\s+1\/2\s+50/);
    expect(table).toMatch(/total\s+2\/2\s+100/);
    expect(misses).toEqual(['  b.jpg company: want "B", got "C"']);
  });

  it('names a receipt whose job failed, and counts it wrong on every field', () => {
    const { table, misses } = receiptTable([
      { name: 'a.jpg', key: { company: 'A', total: '1.00' }, fields: { merchant: { value: 'a' }, total: { amount: 1, value: '1.00' } } },
      { name: 'b.jpg', key: { company: 'B', total: '2.00' }, fields: null, failed: 'HTTP 402 payment_required: used 500 of 500' },
    ]);
    expect(table).toMatch(/WARNING: 1 of 2 receipt jobs failed/);
    expect(table).toMatch(/company\s+1\/2\s+50/);
    expect(misses).toEqual(['  b.jpg failed: HTTP 402 payment_required: used 500 of 500']);
  });
});
