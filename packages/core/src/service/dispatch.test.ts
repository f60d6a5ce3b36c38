import { afterEach, describe, expect, it } from 'vitest';
import { createCrm, createMemoryAdapter, ValidationError, type Crm } from '../index.js';
import { haversineKm } from './dispatch.js';

let crm: Crm;
const now = new Date('2026-03-02T02:00:00Z');
// 人民广场, Shanghai
const job = { lat: 31.2304, lng: 121.4737, address: '上海市黄浦区人民大道' };

afterEach(async () => {
  await crm?.close();
});

describe('haversineKm', () => {
  it('measures great-circle distance', () => {
    // Shanghai → Beijing ≈ 1067 km
    expect(
      haversineKm({ lat: 31.2304, lng: 121.4737 }, { lat: 39.9042, lng: 116.4074 }),
    ).toBeCloseTo(1067, -1);
    expect(haversineKm(job, job)).toBe(0);
  });
});

describe('field dispatch', () => {
  async function setup() {
    crm = await createCrm({
      storage: createMemoryAdapter(),
      clock: () => now,
      service: {
        agents: [
          // 浦东 (~12 km) and 徐汇 (~5 km), one open ticket each; 静安 is close but busier
          {
            id: 'far',
            skills: ['field_service'],
            location: { lat: 31.2216, lng: 121.5447 + 0.05 },
          },
          { id: 'near', skills: ['field_service'], location: { lat: 31.1885, lng: 121.4365 } },
          { id: 'busy', skills: ['field_service'], location: { lat: 31.2286, lng: 121.4547 } },
          { id: 'desk', skills: ['inquiry'] },
        ],
      },
    });
    for (const id of ['far', 'near', 'busy', 'busy'])
      await crm.tickets.create({ subject: '在修', assigneeId: id, status: 'open' });
  }

  it('chooses the nearer of two equally loaded technicians', async () => {
    await setup();
    const t = await crm.tickets.submit({
      subject: '电梯故障',
      category: 'field_service',
      location: job,
    });
    const ranked = await crm.tickets.suggestTechnicians(t.id);
    expect(ranked.map((r) => r.agentId)).toEqual(['near', 'far', 'busy']);
    expect(ranked[0]!.distanceKm!).toBeLessThan(ranked[1]!.distanceKm!);
    const dispatched = await crm.tickets.dispatch(t.id);
    expect(dispatched.assigneeId).toBe('near');
    expect(dispatched.assignmentHistory.at(-1)).toMatchObject({
      method: 'dispatch',
      toAssigneeId: 'near',
    });
  });

  it('needs a location', async () => {
    await setup();
    const t = await crm.tickets.submit({ subject: '上门安装', category: 'field_service' });
    const error = await crm.tickets.dispatch(t.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toEqual(['location']);
  });
});
