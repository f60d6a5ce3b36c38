import { createCrm } from '../crm.js';
import type { Where } from '../query/query-spec.js';
import { matchesWhere } from '../query/where.js';
import { createMemoryAdapter } from '../storage/memory-adapter.js';
import { generateDemoData } from './generate-demo-data.js';
import { DEMO_SEED_ORDER, seedDemoData, type DemoSeedTarget } from './seed-demo-data.js';

const NOW = '2026-06-30T08:00:00.000Z';

describe('seedDemoData', () => {
  it('writes a whole dataset through the gateway of a real client', async () => {
    const crm = await createCrm({ storage: createMemoryAdapter(), clock: () => new Date(NOW) });
    const data = generateDemoData({ includeHostileNames: true });
    const progress: number[] = [];
    let reportedTotal = 0;
    await seedDemoData(crm, data, {
      chunkSize: 400,
      onProgress: (done, total) => {
        progress.push(done);
        reportedTotal = total;
      },
    });

    for (const name of DEMO_SEED_ORDER)
      expect(await crm[name].count(), name).toBe(data[name].length);
    const total = DEMO_SEED_ORDER.reduce((sum, name) => sum + data[name].length, 0);
    expect(reportedTotal).toBe(total);
    expect(progress.at(-1)).toBe(total);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const zhangWei = await crm.contacts.list({ search: '张伟' });
    expect(zhangWei.items.map((c) => c.name)).toContain('张伟明');
    const byPhone = await crm.contacts.list({ search: '13800138000' });
    expect(byPhone.items.map((c) => c.name)).toEqual(['张伟明']);
    const vip = data.segments.find((s) => s.id === 'seg_vip_guangdong')?.where as Where;
    const expected = data.customers.filter((c) => matchesWhere(c, vip)).length;
    expect(expected).toBeGreaterThan(0);
    expect(await crm.customers.count(vip)).toBe(expected);
    expect((await crm.customers.get('cus_00001')).name).toBe(
      '<img src=x onerror=alert(1)> 测试公司',
    );
    await crm.close();
  });

  it('goes collection by collection in dependency order, in chunks', async () => {
    const calls: [string, number][] = [];
    const target = Object.fromEntries(
      DEMO_SEED_ORDER.map((name) => [
        name,
        { createMany: async (items: readonly unknown[]) => void calls.push([name, items.length]) },
      ]),
    ) as unknown as DemoSeedTarget;
    const data = generateDemoData({ customers: 30, contacts: 75 });
    await seedDemoData(target, data, { chunkSize: 25 });

    const order = [...new Set(calls.map(([name]) => name))];
    expect(order).toEqual(DEMO_SEED_ORDER.filter((name) => data[name].length > 0));
    expect(calls.filter(([name]) => name === 'contacts')).toEqual([
      ['contacts', 25],
      ['contacts', 25],
      ['contacts', 25],
    ]);
    expect(calls.every(([, n]) => n <= 25)).toBe(true);
    await expect(seedDemoData(target, data, { chunkSize: 0 })).rejects.toThrow(RangeError);
  });
});
