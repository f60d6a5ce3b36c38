import { ValidationError } from '../errors.js';
import { bucketIndexOf, periodBuckets, zonedDayStart } from './period-buckets.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('periodBuckets', () => {
  it('cuts months at local midnight in Asia/Shanghai (the default)', () => {
    const buckets = periodBuckets({ period: 'month', from: '2026-04-01', to: '2026-06-01' });
    expect(buckets.map((b) => [b.period, b.start, b.end, iso(b.startMs), iso(b.endMs)])).toEqual([
      [
        '2026-04',
        '2026-04-01',
        '2026-05-01',
        '2026-03-31T16:00:00.000Z',
        '2026-04-30T16:00:00.000Z',
      ],
      [
        '2026-05',
        '2026-05-01',
        '2026-06-01',
        '2026-04-30T16:00:00.000Z',
        '2026-05-31T16:00:00.000Z',
      ],
    ]);
  });

  it('puts an instant exactly at a start in that period and exactly at its end in the next', () => {
    const buckets = periodBuckets({ period: 'month', from: '2026-04-01', to: '2026-06-01' });
    expect(bucketIndexOf(buckets, '2026-03-31T16:00:00.000Z')).toBe(0);
    expect(bucketIndexOf(buckets, '2026-03-31T15:59:59.999Z')).toBe(-1);
    expect(bucketIndexOf(buckets, '2026-04-30T15:59:59.999Z')).toBe(0);
    expect(bucketIndexOf(buckets, '2026-04-30T16:00:00.000Z')).toBe(1);
    expect(bucketIndexOf(buckets, '2026-05-31T16:00:00.000Z')).toBe(-1);
  });

  it('uses ISO weeks starting Monday, labelled by ISO week-year', () => {
    // 2026-01-01 is a Thursday: ISO week 1 of 2026 starts Monday 2025-12-29.
    const weeks = periodBuckets({ period: 'week', from: '2025-12-29', to: '2026-01-12' });
    expect(weeks.map((b) => [b.period, b.start, b.end])).toEqual([
      ['2026-W01', '2025-12-29', '2026-01-05'],
      ['2026-W02', '2026-01-05', '2026-01-12'],
    ]);
    // 2027-01-01 is a Friday: it still belongs to week 53 of 2026.
    expect(periodBuckets({ period: 'week', from: '2026-12-28', to: '2027-01-04' })[0]!.period).toBe(
      '2026-W53',
    );
  });

  it('cuts a range that does not start on a boundary, and labels quarters, years and custom ranges', () => {
    expect(
      periodBuckets({ period: 'quarter', from: '2026-02-15', to: '2026-07-01' }).map((b) => [
        b.period,
        b.start,
        b.end,
      ]),
    ).toEqual([
      ['2026-Q1', '2026-02-15', '2026-04-01'],
      ['2026-Q2', '2026-04-01', '2026-07-01'],
    ]);
    expect(
      periodBuckets({ period: 'year', from: '2025-01-01', to: '2027-01-01' }).map((b) => b.period),
    ).toEqual(['2025', '2026']);
    expect(
      periodBuckets({ period: 'custom', from: '2026-04-03', to: '2026-04-17' })[0]!.period,
    ).toBe('2026-04-03..2026-04-17');
  });

  it('follows the configured time zone, DST included', () => {
    // New York: EST (−5) on 2026-03-08, EDT (−4) from 2 a.m. that day.
    expect(iso(zonedDayStart('2026-03-08', 'America/New_York'))).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(zonedDayStart('2026-03-09', 'America/New_York'))).toBe('2026-03-09T04:00:00.000Z');
    expect(iso(zonedDayStart('2026-04-01', 'UTC'))).toBe('2026-04-01T00:00:00.000Z');
  });

  it('rejects a bad period, date, order or time zone with the path', () => {
    const issues = (query: unknown) => {
      try {
        periodBuckets(query as never);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues.map((i) => i.path.join('.'));
      }
      return [];
    };
    expect(issues({ period: 'fortnight', from: '2026-01-01', to: '2026-02-01' })).toEqual([
      'period',
    ]);
    expect(issues({ period: 'month', from: '2026-02-30', to: 'x' })).toEqual(['from', 'to']);
    expect(issues({ period: 'month', from: '2026-02-01', to: '2026-02-01' })).toEqual(['to']);
    expect(
      issues({ period: 'month', from: '2026-02-01', to: '2026-03-01', timeZone: 'Mars/Base' }),
    ).toEqual(['timeZone']);
    expect(issues({ period: 'week', from: '2000-01-03', to: '2030-01-01' })).toEqual(['to']);
  });
});
