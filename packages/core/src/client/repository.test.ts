import {
  ConflictError,
  createCrm,
  createMemoryAdapter,
  NotFoundError,
  PermissionError,
  type ChangeEvent,
  type Crm,
  type Policy,
  type StorageAdapter,
} from '../index.js';

// Repositories as an app developer uses them: optimistic concurrency, missing records, clearing
// fields, all-or-nothing batches, change events, cache invalidation, record scope and field policy.

let adapter: StorageAdapter;
let crm: Crm;
let tick = 0;
/** A clock that moves one second per reading, so timestamps are exact and increasing. */
const clock = () => new Date(Date.UTC(2026, 2, 1, 9, 0, tick++));

beforeEach(async () => {
  tick = 0;
  adapter = createMemoryAdapter();
  crm = await createCrm({ storage: adapter, clock });
});

afterEach(async () => {
  await crm.close();
});

describe('repository: optimistic concurrency', () => {
  it('lets exactly one of two concurrent updates with the same expectedVersion win', async () => {
    const created = await crm.customers.create({ id: 'c1', name: '张伟明', tier: 'regular' });
    const results = await Promise.allSettled([
      crm.customers.update('c1', { tier: 'vip' }, { expectedVersion: created.version }),
      crm.customers.update('c1', { tier: 'key' }, { expectedVersion: created.version }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(ConflictError);
    const stored = await crm.customers.get('c1');
    expect(stored.version).toBe(2);
    // The winner's change is what is stored.
    expect(stored.tier).toBe((fulfilled[0] as PromiseFulfilledResult<{ tier: string }>).value.tier);
  });

  it('rejects a stale expectedVersion and keeps the newer record', async () => {
    await crm.customers.create({ id: 'c1', name: '张伟明' });
    await crm.customers.update('c1', { tier: 'vip' }, { expectedVersion: 1 });
    await expect(
      crm.customers.update('c1', { tier: 'key' }, { expectedVersion: 1 }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(crm.customers.remove('c1', { expectedVersion: 1 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const stored = await crm.customers.get('c1');
    expect(stored).toMatchObject({ tier: 'vip', version: 2 });
  });
});

describe('repository: missing records', () => {
  it('reports NotFoundError for update and remove of a missing id', async () => {
    await expect(crm.customers.update('nobody', { tier: 'vip' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(crm.customers.remove('nobody')).rejects.toBeInstanceOf(NotFoundError);
    await expect(crm.customers.get('nobody')).rejects.toBeInstanceOf(NotFoundError);
    expect(await crm.customers.count()).toBe(0);
  });

  it('reports NotFoundError for a get after remove, and getMany gives null', async () => {
    await crm.customers.create({ id: 'c1', name: '王芳' });
    await crm.customers.remove('c1');
    await expect(crm.customers.get('c1')).rejects.toBeInstanceOf(NotFoundError);
    expect(await crm.customers.getMany(['c1'])).toEqual([null]);
    expect(await adapter.get('customers', 'c1')).toBeNull();
    await expect(crm.customers.remove('c1')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('repository: patches', () => {
  it('clears an optional field with null and keeps the rest', async () => {
    await crm.customers.create({
      id: 'c1',
      name: '北京星辰科技有限公司',
      industry: '制造',
      ownerId: 'u1',
      region: { province: '北京', city: '北京' },
      tags: ['重点'],
    });
    const updated = await crm.customers.update(
      'c1',
      { industry: null, region: null },
      { expectedVersion: 1 },
    );
    expect(updated).not.toHaveProperty('industry');
    expect(updated).not.toHaveProperty('region');
    expect(updated).toMatchObject({
      name: '北京星辰科技有限公司',
      ownerId: 'u1',
      tags: ['重点'],
      version: 2,
    });
    const stored = await adapter.get('customers', 'c1');
    expect(stored).not.toHaveProperty('industry');
    expect(stored).not.toHaveProperty('region');
    expect(await crm.customers.count({ industry: { exists: true } })).toBe(0);
  });

  it('keeps createdAt and moves updatedAt to the clock', async () => {
    const created = await crm.customers.create({ id: 'c1', name: '李娜' });
    const updated = await crm.customers.update('c1', { tier: 'key' });
    expect(updated.createdAt).toBe(created.createdAt);
    expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
  });
});

describe('repository: createMany', () => {
  it('stores nothing when one id duplicates an existing record', async () => {
    await crm.customers.create({ id: 'taken', name: '张伟' });
    const inputs = [
      { id: 'n1', name: '王芳' },
      { id: 'n2', name: '李娜' },
      { id: 'taken', name: '张伟明' },
      { id: 'n3', name: 'Alice' },
    ];
    await expect(crm.customers.createMany(inputs)).rejects.toBeInstanceOf(ConflictError);
    expect(await crm.customers.count()).toBe(1);
    expect(await adapter.getMany('customers', ['n1', 'n2', 'n3'])).toEqual([null, null, null]);
    expect((await crm.customers.get('taken')).name).toBe('张伟');
  });
});

describe('crm.subscribe', () => {
  it('announces created, updated and deleted changes with ids and versions, never record data', async () => {
    const received: ChangeEvent[] = [];
    const unsubscribe = crm.subscribe((changes) => received.push(...changes));
    await crm.customers.create({ id: 'c1', name: '张伟明', phones: [{ number: '138 0013 8000' }] });
    await crm.customers.update('c1', { tier: 'vip' }, { expectedVersion: 1 });
    await crm.customers.remove('c1');
    unsubscribe();
    await crm.customers.create({ id: 'c2', name: '王芳' });

    expect(
      received.map(({ type, collection, id, version }) => ({ type, collection, id, version })),
    ).toEqual([
      { type: 'created', collection: 'customers', id: 'c1', version: 1 },
      { type: 'updated', collection: 'customers', id: 'c1', version: 2 },
      { type: 'deleted', collection: 'customers', id: 'c1', version: 2 },
    ]);
    for (const event of received) {
      expect(Object.keys(event).sort()).toEqual(['collection', 'id', 'source', 'type', 'version']);
      expect(JSON.stringify(event)).not.toContain('张伟明');
      expect(JSON.stringify(event)).not.toContain('138');
    }
  });

  it('announces nothing for a write that fails', async () => {
    await crm.customers.create({ id: 'c1', name: '张伟' });
    const received: ChangeEvent[] = [];
    crm.subscribe((changes) => received.push(...changes));
    await expect(
      crm.customers.update('c1', { tier: 'vip' }, { expectedVersion: 9 }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(crm.customers.create({ id: 'c1', name: 'dup' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(received).toEqual([]);
  });
});

describe('crm.queryClient', () => {
  it('invalidates a cached list when a customer is created, and a refetch shows it', async () => {
    await crm.customers.create({ id: 'c1', name: '张伟' });
    const options = crm.queries.list('customer', {});
    const first = await crm.queryClient.fetchQuery(options);
    expect(first.items.map((c) => c.id)).toEqual(['c1']);
    expect(crm.queryClient.getQueryState(options.queryKey)?.isInvalidated).toBe(false);

    await crm.customers.create({ id: 'c2', name: '王芳' });
    expect(crm.queryClient.getQueryState(options.queryKey)?.isInvalidated).toBe(true);

    const second = await crm.queryClient.fetchQuery(options);
    expect(second.items.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(second.total).toBe(2);
    expect(crm.queryClient.getQueryState(options.queryKey)?.isInvalidated).toBe(false);
  });

  it('invalidates details and counts too, and the cache of another principal sharing the storage', async () => {
    await crm.customers.create({ id: 'c1', name: '张伟' });
    const other = crm.as({ id: 'u2', roles: ['admin'] });
    const detail = crm.queries.detail('customer', 'c1');
    const count = other.queries.count('customer');
    await crm.queryClient.fetchQuery(detail);
    expect(await other.queryClient.fetchQuery(count)).toBe(1);

    await crm.customers.update('c1', { tier: 'vip' });
    expect(crm.queryClient.getQueryState(detail.queryKey)?.isInvalidated).toBe(true);
    expect(other.queryClient.getQueryState(count.queryKey)?.isInvalidated).toBe(true);
    expect((await crm.queryClient.fetchQuery(detail)).tier).toBe('vip');
    await other.close();
  });

  it('does not invalidate other entities', async () => {
    const options = crm.queries.list('deal', {});
    await crm.queryClient.fetchQuery(options);
    await crm.customers.create({ id: 'c1', name: '张伟' });
    expect(crm.queryClient.getQueryState(options.queryKey)?.isInvalidated).toBe(false);
  });
});

describe('crm.as: record scope', () => {
  /** Admins see everything; everyone else only their own records. */
  const policy: Policy = {
    scope: (principal) => (principal.roles.includes('admin') ? 'all' : 'own'),
  };
  let admin: Crm;
  let sales: Crm;

  beforeEach(async () => {
    admin = await createCrm({
      storage: adapter,
      policy,
      principal: { id: 'boss', roles: ['admin'] },
      clock,
    });
    sales = admin.as({ id: 'u1', roles: ['sales'] });
    await admin.customers.createMany([
      { id: 'mine1', name: '张伟', ownerId: 'u1', tier: 'vip' },
      { id: 'mine2', name: '张伟明', ownerId: 'u1' },
      { id: 'theirs', name: '王芳', ownerId: 'u2', tier: 'vip' },
      { id: 'pool', name: '李娜' },
    ]);
  });

  afterEach(async () => {
    await sales.close();
  });

  it('lists and counts only the principal’s own records', async () => {
    const page = await sales.customers.list({ orderBy: [{ field: 'name' }] });
    expect(page.items.map((c) => c.id).sort()).toEqual(['mine1', 'mine2']);
    expect(page.total).toBe(2);
    expect(await sales.customers.count()).toBe(2);
    expect(await sales.customers.count({ tier: { eq: 'vip' } })).toBe(1);
    expect((await sales.customers.list({ search: '张伟' })).total).toBe(2);
    expect((await sales.customers.list({ where: { ownerId: { eq: 'u2' } } })).total).toBe(0);
    // The administrator still sees everything.
    expect(await admin.customers.count()).toBe(4);
  });

  it('pages through only the principal’s records', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await sales.customers.list({ limit: 1, ...(cursor && { cursor }) });
      seen.push(...page.items.map((c) => c.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['mine1', 'mine2']);
  });

  it('treats another owner’s record as missing on read', async () => {
    await expect(sales.customers.get('theirs')).rejects.toBeInstanceOf(NotFoundError);
    expect(await sales.customers.getMany(['mine1', 'theirs', 'pool'])).toEqual([
      expect.objectContaining({ id: 'mine1' }),
      null,
      null,
    ]);
  });

  it('refuses to update or remove another owner’s record', async () => {
    await expect(sales.customers.update('theirs', { tier: 'key' })).rejects.toBeInstanceOf(
      PermissionError,
    );
    await expect(sales.customers.remove('theirs')).rejects.toBeInstanceOf(PermissionError);
    const stored = await adapter.get('customers', 'theirs');
    expect(stored).toMatchObject({ tier: 'vip', version: 1 });
  });

  it('refuses to create a record for someone else, or to hand one of its own over', async () => {
    await expect(
      sales.customers.create({ id: 'gift', name: 'Alice', ownerId: 'u2' }),
    ).rejects.toBeInstanceOf(PermissionError);
    await expect(sales.customers.update('mine1', { ownerId: 'u2' })).rejects.toBeInstanceOf(
      PermissionError,
    );
    expect(await adapter.get('customers', 'gift')).toBeNull();
    expect((await adapter.get('customers', 'mine1'))?.ownerId).toBe('u1');
    // Its own records it may create and change.
    await sales.customers.create({ id: 'new', name: 'Bob', ownerId: 'u1' });
    await sales.customers.update('mine1', { tier: 'key' }, { expectedVersion: 1 });
    expect(await sales.customers.count()).toBe(3);
  });
});

describe('crm.as: field policy', () => {
  /** Viewers see phone numbers masked and never see annual revenue; everyone else edits everything. */
  const policy: Policy = {
    scope: () => 'all',
    fieldAccess: (principal, _entity, field) => {
      if (!principal.roles.includes('viewer')) return 'editable';
      if (field === 'phones') return 'masked';
      if (field === 'annualRevenue') return 'hidden';
      return 'readonly';
    },
  };
  let admin: Crm;
  let viewer: Crm;

  beforeEach(async () => {
    admin = await createCrm({
      storage: adapter,
      policy,
      principal: { id: 'boss', roles: ['admin'] },
      clock,
    });
    viewer = admin.as({ id: 'v1', roles: ['viewer'] });
    await admin.customers.create({
      id: 'c1',
      name: '张伟明',
      phones: [{ number: '138 0013 8000' }, { number: '+86 139-1234-5678', type: 'work' }],
      annualRevenue: 5_000_000,
    });
  });

  afterEach(async () => {
    await viewer.close();
  });

  it('shows masked phone numbers in list and get, while storage keeps them unmasked', async () => {
    const listed = (await viewer.customers.list()).items[0]!;
    const got = await viewer.customers.get('c1');
    for (const record of [listed, got]) {
      expect(record.phones.map((p) => p.number)).toEqual(['138****8000', '139****5678']);
      expect(JSON.stringify(record)).not.toContain('0013');
      expect(record).not.toHaveProperty('annualRevenue');
      expect(record.name).toBe('张伟明');
    }
    const stored = await adapter.get('customers', 'c1');
    expect((stored?.phones as { number: string }[]).map((p) => p.number)).toEqual([
      '138 0013 8000',
      '+86 139-1234-5678',
    ]);
    expect(stored?.annualRevenue).toBe(5_000_000);
    // The administrator reads them in full.
    expect((await admin.customers.get('c1')).phones[0]!.number).toBe('138 0013 8000');
  });

  it('refuses to filter or sort by a hidden field', async () => {
    await expect(
      viewer.customers.list({ where: { annualRevenue: { gt: 1_000_000 } } }),
    ).rejects.toBeInstanceOf(PermissionError);
    await expect(
      viewer.customers.list({
        where: { or: [{ name: { eq: 'x' } }, { annualRevenue: { exists: true } }] },
      }),
    ).rejects.toBeInstanceOf(PermissionError);
    await expect(
      viewer.customers.list({ orderBy: [{ field: 'annualRevenue' }] }),
    ).rejects.toBeInstanceOf(PermissionError);
    await expect(
      Promise.resolve().then(() => viewer.customers.count({ annualRevenue: { gte: 0 } })),
    ).rejects.toBeInstanceOf(PermissionError);
  });

  it('does not reveal a hidden field through search', async () => {
    const hidingPhones: Policy = {
      scope: () => 'all',
      fieldAccess: (principal, _entity, field) =>
        principal.roles.includes('guest') && field === 'phones' ? 'hidden' : 'editable',
    };
    const root = await createCrm({ storage: adapter, policy: hidingPhones, clock });
    const guest = root.as({ id: 'g1', roles: ['guest'] });
    // Searching by the full number would confirm which customer owns a phone the guest may not see.
    const outcome = await guest.customers.list({ search: '13800138000' }).then(
      (page) => page.items.map((c) => c.id),
      (error: unknown) => error,
    );
    if (Array.isArray(outcome)) expect(outcome).toEqual([]);
    else expect(outcome).toBeInstanceOf(PermissionError);
    await guest.close();
  });

  it('refuses edits of fields that are not editable for the principal', async () => {
    await expect(viewer.customers.update('c1', { name: '改名' })).rejects.toBeInstanceOf(
      PermissionError,
    );
    await expect(
      viewer.customers.update('c1', { phones: [{ number: '139 0000 0000' }] }),
    ).rejects.toBeInstanceOf(PermissionError);
    const stored = await adapter.get('customers', 'c1');
    expect(stored).toMatchObject({ name: '张伟明', version: 1 });
  });
});
