import { describe, expect, it } from 'vitest';
import { evaluateSlaClock } from './sla-engine.js';

const shanghai = { timeZone: 'Asia/Shanghai' };
// Friday 6 March 2026, 16:00 Shanghai; 4 working hours are due Monday 11:00 (03:00Z).
const friday16 = '2026-03-06T08:00:00Z';

describe('evaluateSlaClock', () => {
  it('runs across a weekend', () => {
    const saturday = evaluateSlaClock({
      targetMinutes: 240,
      startedAt: friday16,
      now: '2026-03-07T04:00:00Z',
      calendar: shanghai,
    });
    expect(saturday).toMatchObject({
      state: 'running',
      dueAt: '2026-03-09T03:00:00.000Z',
      elapsedMinutes: 120,
      remainingMinutes: 120,
    });
    // 80% of 240 = 192 min: Friday 2 h + Monday 72 min → Monday 10:12
    expect(saturday.atRiskAt).toBe('2026-03-09T02:12:00.000Z');
  });

  it('is at risk from exactly the ratio, breached from exactly the deadline', () => {
    const at = (now: string) =>
      evaluateSlaClock({ targetMinutes: 240, startedAt: friday16, now, calendar: shanghai });
    expect(at('2026-03-09T02:11:59.999Z').state).toBe('running');
    expect(at('2026-03-09T02:12:00.000Z').state).toBe('at_risk');
    expect(at('2026-03-09T02:59:59.999Z')).toMatchObject({ state: 'at_risk', breached: false });
    const due = at('2026-03-09T03:00:00.000Z');
    expect(due).toMatchObject({
      state: 'breached',
      breached: true,
      remainingMinutes: 0,
      breachedAt: '2026-03-09T03:00:00.000Z',
    });
    expect(at('2026-03-09T04:00:00.000Z').remainingMinutes).toBe(-60);
  });

  it('counts a goal met at the very deadline as achieved, one ms later as breached', () => {
    const met = (stoppedAt: string) =>
      evaluateSlaClock({
        targetMinutes: 240,
        startedAt: friday16,
        stoppedAt,
        now: '2026-03-10T00:00:00Z',
        calendar: shanghai,
      });
    expect(met('2026-03-09T03:00:00.000Z')).toMatchObject({
      state: 'achieved',
      achievedAt: '2026-03-09T03:00:00.000Z',
      remainingMinutes: 0,
    });
    expect(met('2026-03-09T03:00:00.001Z')).toMatchObject({
      state: 'breached',
      stoppedAt: '2026-03-09T03:00:00.001Z',
    });
  });

  it('skips a holiday', () => {
    const result = evaluateSlaClock({
      targetMinutes: 240,
      startedAt: friday16,
      now: '2026-03-09T03:00:00Z',
      calendar: { timeZone: 'Asia/Shanghai', holidays: ['2026-03-09'] },
    });
    expect(result).toMatchObject({ state: 'running', dueAt: '2026-03-10T03:00:00.000Z' });
  });

  it('pauses and resumes', () => {
    // Around the clock: 60-minute target from 10:00; paused 10:20–11:00.
    const base = { targetMinutes: 60, startedAt: '2026-03-02T10:00:00Z' };
    const whilePaused = evaluateSlaClock({
      ...base,
      pauses: [{ from: '2026-03-02T10:20:00Z' }],
      now: '2026-03-02T10:50:00Z',
    });
    expect(whilePaused).toMatchObject({
      state: 'paused',
      paused: true,
      elapsedMinutes: 20,
      remainingMinutes: 40,
      dueAt: '2026-03-02T11:30:00.000Z', // if resumed now
    });
    const resumed = evaluateSlaClock({
      ...base,
      pauses: [{ from: '2026-03-02T10:20:00Z', to: '2026-03-02T11:00:00Z' }],
      now: '2026-03-02T11:00:00Z',
    });
    expect(resumed).toMatchObject({
      state: 'running',
      paused: false,
      elapsedMinutes: 20,
      dueAt: '2026-03-02T11:40:00.000Z',
    });
    const late = evaluateSlaClock({
      ...base,
      pauses: [{ from: '2026-03-02T10:20:00Z', to: '2026-03-02T11:00:00Z' }],
      now: '2026-03-02T11:40:00Z',
    });
    expect(late.state).toBe('breached');
  });

  it('pauses on top of a business calendar', () => {
    // Paused Friday 17:00 → Monday 10:00; 1 h before, 1 h after the pause used.
    const result = evaluateSlaClock({
      targetMinutes: 240,
      startedAt: friday16,
      pauses: [{ from: '2026-03-06T09:00:00Z', to: '2026-03-09T02:00:00Z' }],
      now: '2026-03-09T03:00:00Z',
      calendar: shanghai,
    });
    expect(result).toMatchObject({
      state: 'running',
      elapsedMinutes: 120,
      dueAt: '2026-03-09T05:00:00.000Z',
    });
  });

  it('is breached while paused once the target is used up', () => {
    const result = evaluateSlaClock({
      targetMinutes: 10,
      startedAt: '2026-03-02T10:00:00Z',
      pauses: [{ from: '2026-03-02T10:30:00Z' }],
      now: '2026-03-02T11:00:00Z',
    });
    expect(result).toMatchObject({ state: 'breached', paused: true });
  });
});
