import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import {
  addWorkingMinutes,
  isWorkingDay,
  isWorkingTime,
  workingMinutesBetween,
} from './business-calendar.js';

// Asia/Shanghai is UTC+8 all year: 09:00 local = 01:00Z, 18:00 local = 10:00Z.
const shanghai = { timeZone: 'Asia/Shanghai' };

describe('addWorkingMinutes', () => {
  it('is plain elapsed time without a calendar', () => {
    expect(addWorkingMinutes('2026-03-07T10:00:00Z', 90).toISOString()).toBe(
      '2026-03-07T11:30:00.000Z',
    );
  });

  it('carries over a weekend: Friday 17:00 + 2h = Monday 10:00', () => {
    expect(addWorkingMinutes('2026-03-06T09:00:00Z', 120, shanghai).toISOString()).toBe(
      '2026-03-09T02:00:00.000Z',
    );
  });

  it('is due at the close of day when the target uses the day up exactly', () => {
    // Friday 17:00 + 60 min = Friday 18:00, not Monday 09:00
    expect(addWorkingMinutes('2026-03-06T09:00:00Z', 60, shanghai).toISOString()).toBe(
      '2026-03-06T10:00:00.000Z',
    );
  });

  it('starts counting at the next opening when started outside hours', () => {
    // Saturday 12:00 + 30 min = Monday 09:30
    expect(addWorkingMinutes('2026-03-07T04:00:00Z', 30, shanghai).toISOString()).toBe(
      '2026-03-09T01:30:00.000Z',
    );
    // Monday 07:00 + 30 min = Monday 09:30
    expect(addWorkingMinutes('2026-03-08T23:00:00Z', 30, shanghai).toISOString()).toBe(
      '2026-03-09T01:30:00.000Z',
    );
  });

  it('skips holidays and works on extra working days (调休)', () => {
    const national = {
      timeZone: 'Asia/Shanghai',
      holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      extraWorkingDays: ['2026-10-10'],
    };
    // Wednesday 30 Sep 17:00 + 2h: 1 h on the 30th, then Oct 1–7 off (holidays + weekend),
    // Thursday 8 Oct 10:00.
    expect(addWorkingMinutes('2026-09-30T09:00:00Z', 120, national).toISOString()).toBe(
      '2026-10-08T02:00:00.000Z',
    );
    // Friday 9 Oct 17:00 + 2h: Saturday 10 Oct is a working day → Saturday 10:00.
    expect(addWorkingMinutes('2026-10-09T09:00:00Z', 120, national).toISOString()).toBe(
      '2026-10-10T02:00:00.000Z',
    );
    expect(isWorkingDay('2026-10-10', national)).toBe(true);
    expect(isWorkingDay('2026-10-01', national)).toBe(false);
    expect(isWorkingDay('2026-10-11', national)).toBe(false);
  });

  it('reads working hours in the calendar zone across a DST change (America/New_York)', () => {
    const ny = { timeZone: 'America/New_York' };
    // Friday 6 Mar 17:00 EST (22:00Z) + 2h → Monday 9 Mar 10:00 EDT (14:00Z, after spring forward)
    expect(addWorkingMinutes('2026-03-06T22:00:00Z', 120, ny).toISOString()).toBe(
      '2026-03-09T14:00:00.000Z',
    );
    // A full week of 9 h days across the change is 45 h of working time.
    expect(workingMinutesBetween('2026-03-02T05:00:00Z', '2026-03-09T04:00:00Z', ny)).toBe(45 * 60);
  });

  it('rejects a bad calendar with paths', () => {
    expect(() => addWorkingMinutes(0, 10, { timeZone: 'Mars/Olympus' })).toThrow(ValidationError);
    expect(() => addWorkingMinutes(0, 10, { start: '18:00', end: '09:00' })).toThrow(
      ValidationError,
    );
    expect(() => addWorkingMinutes(0, 10, { workingDays: [] })).toThrow(/no working time/);
  });

  it('supports a window ending at midnight', () => {
    const late = { timeZone: 'UTC', start: '20:00', end: '00:00' };
    expect(addWorkingMinutes('2026-03-02T23:00:00Z', 120, late).toISOString()).toBe(
      '2026-03-03T21:00:00.000Z',
    );
  });
});

describe('workingMinutesBetween', () => {
  it('counts only working windows', () => {
    // Friday 17:00 → Monday 10:00 = 2 h
    expect(workingMinutesBetween('2026-03-06T09:00:00Z', '2026-03-09T02:00:00Z', shanghai)).toBe(
      120,
    );
    expect(workingMinutesBetween('2026-03-09T02:00:00Z', '2026-03-06T09:00:00Z', shanghai)).toBe(0);
  });

  it('inverts addWorkingMinutes', () => {
    const start = '2026-03-04T03:17:00Z';
    for (const minutes of [1, 59, 540, 541, 3000, 10_000]) {
      const due = addWorkingMinutes(start, minutes, shanghai);
      expect(workingMinutesBetween(start, due, shanghai)).toBe(minutes);
    }
  });

  it('knows whether an instant is working time, boundaries half-open', () => {
    expect(isWorkingTime('2026-03-06T01:00:00Z', shanghai)).toBe(true); // Fri 09:00
    expect(isWorkingTime('2026-03-06T10:00:00Z', shanghai)).toBe(false); // Fri 18:00
    expect(isWorkingTime('2026-03-07T03:00:00Z', shanghai)).toBe(false); // Saturday
  });
});
