import * as fc from 'fast-check';
import { ConflictError, NotFoundError } from '../errors.js';
import type { FieldCondition, OrderBy, QuerySpec, Scalar, Where } from '../query/query-spec.js';
import type {
  ChangeEvent,
  Mutation,
  RecordData,
  StorageAdapter,
  StoredRecord,
} from '../storage/storage-adapter.js';
import { AssertionError, deepEqual } from './assert.js';

/**
 * A model-based check of a storage adapter (fast-check `commands`): random sequences of inserts,
 * updates (correct, stale or no `expectedVersion`), deletes, multi-mutation commits (some of which
 * must fail entirely), queries paged to the end through `nextCursor` (some with a write between
 * pages) and counts run against a fresh adapter and against a plain in-memory reference written
 * here from the documented semantics (query-spec.ts, where.ts, compare.ts and search.ts comments),
 * independently of Rapport's query engine, so the check is not circular. After every command the
 * results, error classes, versions, totals, pages, counts, change events and the stored state must
 * agree.
 *
 * ```ts
 * const report = await runAdapterModel({ create: () => createMemoryAdapter() });
 * console.log(`model: ${report.runs} runs, ${report.commands} commands, 0 divergences, seed ${report.seed}`);
 * ```
 *
 * The records exercise the default collections' indexes (`customers`, `deals`), so an indexed
 * backend's candidate reads and ordered index walks are compared with the reference too.
 */
export interface AdapterModelOptions {
  /** A fresh, empty adapter over Rapport's default collections; called once per run. */
  readonly create: () => Promise<StorageAdapter> | StorageAdapter;
  /** Called after each run, once the adapter is closed: delete databases, etc. */
  readonly teardown?: (adapter: StorageAdapter) => Promise<void> | void;
  /** Runs (command sequences); default 200. */
  readonly numRuns?: number;
  /** Upper bound on commands per run; default 50. */
  readonly maxCommands?: number;
  /** fast-check seed, to replay a failure; random (and reported) when omitted. */
  readonly seed?: number;
}

export interface AdapterModelReport {
  readonly runs: number;
  /** Commands executed over all runs. */
  readonly commands: number;
  /** Always 0: a divergence throws. */
  readonly divergences: 0;
  readonly seed: number;
  readonly milliseconds: number;
}

/**
 * @throws AssertionError naming the fast-check seed, the replay path and the shrunk counterexample
 *   (the command list and the first divergence) when the adapter and the model disagree.
 */
export async function runAdapterModel(options: AdapterModelOptions): Promise<AdapterModelReport> {
  const numRuns = options.numRuns ?? 200;
  const maxCommands = options.maxCommands ?? 50;
  const seed = options.seed ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  const started = Date.now();
  let commands = 0;
  const property = fc.asyncProperty(
    fc.commands(commandArbitraries(), { maxCommands, size: 'max' }),
    async (sequence) => {
      const adapter = await options.create();
      const real = new Real(adapter, () => commands++);
      try {
        await fc.asyncModelRun(() => ({ model: new Model(), real }), sequence);
      } finally {
        real.dispose();
        await adapter.close();
        await options.teardown?.(adapter);
      }
    },
  );
  const details = await fc.check(property, { numRuns, seed });
  if (details.failed) {
    const error = details.errorInstance;
    const report =
      `${fc.defaultReportMessage(details) ?? 'property failed'}\nFirst divergence of the shrunk counterexample:\n` +
      (error instanceof Error ? error.message : String(error));
    throw new AssertionError(
      `Storage adapter diverged from the reference model (seed ${details.seed}; replay with ` +
        `runAdapterModel({ ..., seed: ${details.seed} }) or fc.check(..., { seed: ${details.seed}, ` +
        `path: ${JSON.stringify(details.counterexamplePath)} })).\n${report}`,
    );
  }
  return { runs: numRuns, commands, divergences: 0, seed, milliseconds: Date.now() - started };
}

// ─── Data pools ─────────────────────────────────────────────────────────────────────────────
// Small pools so that ids collide (conflicts, updates of existing records) and filter values hit.
// No digits outside phone numbers: a digit run elsewhere would make phone-like searches ambiguous.

type Collection = 'customers' | 'deals';
const COLLECTION_NAMES: readonly Collection[] = ['customers', 'deals'];

const IDS: Record<Collection, readonly string[]> = {
  customers: [
    'c1',
    'c2',
    'c10',
    'C3',
    'a-7',
    'z_9',
    'Zed',
    'b',
    'cx',
    'c0',
    'B2',
    'c-1',
    'c_1',
    'zz',
  ],
  deals: ['d1', 'd2', 'd10', 'D4', 'x_1', 'd-3', 'd0', 'e'],
};

const CUSTOMER_NAMES = [
  '张伟',
  '张伟明',
  '王芳',
  '李娜',
  '北京星辰科技有限公司',
  'Alice Zhang',
  'alice zhang',
  'ＡＬＩＣＥ\u3000Ｗａｎｇ',
  'Bob Li',
  'bob',
  'ZHANG Wei',
  'Émile',
  '𠮷野家',
] as const;
const DEAL_NAMES = [
  '年度框架协议',
  '张伟明续约',
  'Expo booth',
  'ＥＸＰＯ 展位',
  '云平台采购',
  'renewal',
] as const;
const TIERS = ['vip', 'key', 'regular'] as const;
const STAGES = ['potential', 'prospect', 'customer', 'loyal', 'churned'] as const;
const KINDS = ['company', 'person'] as const;
const OWNERS = ['u1', 'u2', 'u3'] as const;
const INDUSTRIES = ['制造', 'IT', 'it', 'Retail'] as const;
const TAGS = ['重点', 'VIP客户', '华东', 'ＥＸＰＯ', 'expo', 'key-account'] as const;
const PHONES = [
  '138 0013 8000',
  '+86 139-1234-5678',
  '(021) 6234 5678',
  '１３７ ００１３ ７０００',
] as const;
const REGIONS = [
  { province: '广东', city: '深圳' },
  { province: '北京', city: '北京' },
  { province: '上海' },
  { country: '中国', province: '浙江', city: '杭州' },
] as const;
const REVENUES = [0, 1, 99.5, 1000, 12345.67, 250000, 1e6] as const;
const SIZES = [0, 10, 50, 200, 1000] as const;
const PIPELINES = ['p1', 'p2'] as const;
const DEAL_STAGES = ['s1', 's2', 's3', 'won', 'lost'] as const;
const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
const AMOUNTS = [0, 500, 500.5, 10000, 2e6] as const;
const CLOSE_DATES = ['2025-12-31', '2026-03-31', '2026-06-30'] as const;

/** Search fields as declared in storage/collections.ts (a plain copy: the model reads no core code). */
const SEARCH_FIELDS: Record<Collection, readonly string[]> = {
  customers: [
    'name',
    'legalName',
    'phones.number',
    'emails',
    'tags',
    'industry',
    'region.city',
    'region.province',
  ],
  deals: ['name', 'tags'],
};

const SEARCHES: Record<Collection, readonly string[]> = {
  customers: [
    '张伟',
    '伟明',
    '王芳',
    'alice',
    'ＡＬＩＣＥ',
    'zhang 深圳',
    'zhang\u3000北京',
    '重点',
    'expo',
    'ＥＸＰＯ',
    '13800138000',
    '138 0013',
    '+86 138 0013 8000',
    '1391234',
    '021-6234',
    '１３７００',
    '8000',
    '杭州',
    'it',
    'nobody',
    '  ',
  ],
  deals: ['张伟', '续约', 'expo', 'ＥＸＰＯ 展位', '重点', 'renewal', '采购', 'nobody', '  '],
};

/** Commit timestamps: one second apart, so createdAt/updatedAt are predictable and range-filterable. */
const BASE_TIME = Date.UTC(2026, 0, 1);
const at = (tick: number): string => new Date(BASE_TIME + tick * 1000).toISOString();
/** Commands per run are bounded, so ticks beyond this are never reached; filters use 0..MAX_TICK. */
const MAX_TICK = 80;

// ─── Record and filter arbitraries ─────────────────────────────────────────────────────────

type Data = Record<string, unknown>;

const customerData: fc.Arbitrary<Data> = fc.record(
  {
    kind: fc.constantFrom(...KINDS),
    // Sortable indexes (name, tier, lifecycleStage) hold every record: always present, as the
    // customer schema guarantees.
    name: fc.constantFrom(...CUSTOMER_NAMES),
    tier: fc.constantFrom(...TIERS),
    lifecycleStage: fc.constantFrom(...STAGES),
    ownerId: fc.constantFrom(...OWNERS),
    industry: fc.constantFrom(...INDUSTRIES),
    tags: fc.shuffledSubarray([...TAGS], { maxLength: 3 }),
    phones: fc.array(
      fc.constantFrom(...PHONES).map((number) => ({ number, type: 'mobile' })),
      { maxLength: 2 },
    ),
    region: fc.constantFrom(...REGIONS).map((r) => ({ ...r })),
    annualRevenue: fc.constantFrom(...REVENUES),
    companySize: fc.constantFrom(...SIZES),
    poolId: fc.constant('pool1'),
  },
  { requiredKeys: ['kind', 'name', 'tier', 'lifecycleStage', 'tags', 'phones'] },
);

const dealData: fc.Arbitrary<Data> = fc.record(
  {
    name: fc.constantFrom(...DEAL_NAMES),
    pipelineId: fc.constantFrom(...PIPELINES),
    stageId: fc.constantFrom(...DEAL_STAGES),
    status: fc.constantFrom(...DEAL_STATUSES),
    amount: fc.constantFrom(...AMOUNTS),
    currency: fc.constant('CNY'),
    customerId: fc.constantFrom(...IDS.customers),
    ownerId: fc.constantFrom(...OWNERS),
    expectedCloseDate: fc.constantFrom(...CLOSE_DATES),
    tags: fc.shuffledSubarray([...TAGS], { maxLength: 2 }),
  },
  { requiredKeys: ['name', 'pipelineId', 'stageId', 'status', 'amount', 'currency', 'tags'] },
);

const dataOf = (collection: Collection) => (collection === 'customers' ? customerData : dealData);

interface FieldSpec {
  readonly path: string;
  /** Values records hold (plus a few that never occur). */
  readonly values: fc.Arbitrary<Scalar>;
  /** Text fragments for contains / startsWith (text fields only). */
  readonly fragments?: readonly string[];
  /** Element values for contains on array fields. */
  readonly elements?: readonly string[];
}

const tickValue = fc.integer({ min: 0, max: MAX_TICK }).map(at);
const pick = (values: readonly Scalar[]) => fc.constantFrom(...values);

const FIELDS: Record<Collection, readonly FieldSpec[]> = {
  customers: [
    {
      path: 'name',
      values: pick([...CUSTOMER_NAMES, 'A', 'a', 'z', '张', 'ｚ', '']),
      fragments: [
        '张伟',
        '伟',
        '王',
        'alice',
        'ALICE',
        'ａｌｉｃｅ',
        'zhang',
        'Ｂｏｂ',
        'b',
        'é',
        'É',
        '𠮷',
        '',
      ],
    },
    { path: 'tier', values: pick([...TIERS, 'VIP']) },
    { path: 'lifecycleStage', values: pick([...STAGES]) },
    { path: 'kind', values: pick([...KINDS]) },
    { path: 'ownerId', values: pick([...OWNERS, 'u9']), fragments: ['u', 'U', 'u1'] },
    { path: 'industry', values: pick([...INDUSTRIES]), fragments: ['it', 'I', '制'] },
    {
      path: 'region.city',
      values: pick(['深圳', '北京', '杭州', '上海']),
      fragments: ['深', '北'],
    },
    { path: 'region.province', values: pick(['广东', '北京', '上海', '浙江']) },
    {
      path: 'tags',
      values: pick([...TAGS]),
      elements: [...TAGS, 'EXPO'],
      fragments: ['重', 'expo', 'ｅｘ'],
    },
    {
      path: 'phones.number',
      values: pick([...PHONES]),
      elements: [...PHONES],
      fragments: ['138', '+86'],
    },
    { path: 'annualRevenue', values: pick([...REVENUES, -1, 5e6]) },
    { path: 'companySize', values: pick([...SIZES, 7]) },
    { path: 'createdAt', values: tickValue, fragments: ['2026-01-01T00:00:0', '2026'] },
    { path: 'updatedAt', values: tickValue },
    { path: 'poolId', values: pick(['pool1', 'pool2']) },
    { path: 'id', values: pick([...IDS.customers, 'c']), fragments: ['c', 'C', 'z'] },
  ],
  deals: [
    {
      path: 'name',
      values: pick([...DEAL_NAMES, 'E', 'e']),
      fragments: ['expo', 'ＥＸ', '续约', 'r', ''],
    },
    { path: 'pipelineId', values: pick([...PIPELINES]) },
    { path: 'stageId', values: pick([...DEAL_STAGES, 's']), fragments: ['s', 'w'] },
    { path: 'status', values: pick([...DEAL_STATUSES]) },
    { path: 'amount', values: pick([...AMOUNTS, 1, 3e6]) },
    { path: 'currency', values: pick(['CNY', 'USD']) },
    { path: 'customerId', values: pick([...IDS.customers.slice(0, 5)]) },
    { path: 'ownerId', values: pick([...OWNERS]) },
    { path: 'expectedCloseDate', values: pick([...CLOSE_DATES, '2026-01-01']) },
    { path: 'tags', values: pick([...TAGS]), elements: [...TAGS] },
    { path: 'createdAt', values: tickValue },
    { path: 'updatedAt', values: tickValue },
    { path: 'id', values: pick([...IDS.deals, 'd']) },
  ],
};

const ORDER_FIELDS: Record<Collection, readonly string[]> = {
  customers: [
    'name',
    'tier',
    'lifecycleStage',
    'createdAt',
    'updatedAt',
    'ownerId',
    'annualRevenue',
    'tags',
    'region.city',
    'phones.number',
    'kind',
    'id',
  ],
  deals: [
    'name',
    'pipelineId',
    'stageId',
    'status',
    'amount',
    'createdAt',
    'updatedAt',
    'ownerId',
    'expectedCloseDate',
    'tags',
    'id',
  ],
};

/** Sortable indexed fields (collections.ts): ordered index walks happen on these. */
const SORTABLE: Record<Collection, readonly string[]> = {
  customers: ['createdAt', 'updatedAt', 'name', 'lifecycleStage', 'tier'],
  deals: ['createdAt', 'updatedAt', 'pipelineId', 'stageId', 'status'],
};

const foreignValue: fc.Arbitrary<Scalar> = fc.constantFrom(null, 0, 'zzz', true, false);

function conditionArb(spec: FieldSpec): fc.Arbitrary<FieldCondition> {
  const value = fc.oneof(
    { weight: 6, arbitrary: spec.values },
    { weight: 1, arbitrary: foreignValue },
  );
  const orderable = fc.oneof(
    {
      weight: 6,
      arbitrary: spec.values.filter(
        (v): v is string | number => typeof v === 'string' || typeof v === 'number',
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom<string | number>(0, 'm', '') },
  );
  const range = fc
    .record({ gt: orderable, gte: orderable, lt: orderable, lte: orderable }, { requiredKeys: [] })
    .filter((r) => Object.keys(r).length > 0) as fc.Arbitrary<FieldCondition>;
  const text = fc.constantFrom(...(spec.fragments ?? ['1', 'a', '']));
  const single: fc.Arbitrary<FieldCondition>[] = [
    value.map((v) => ({ eq: v })),
    value.map((v) => ({ ne: v })),
    fc.array(value, { maxLength: 3 }).map((v) => ({ in: v })),
    fc.array(value, { maxLength: 3 }).map((v) => ({ nin: v })),
    range,
    fc.boolean().map((exists) => ({ exists })),
    text.map((startsWith) => ({ startsWith })),
    fc
      .oneof(text, spec.elements ? fc.constantFrom<Scalar>(...spec.elements) : value, foreignValue)
      .map((contains) => ({ contains })),
  ];
  const one = fc.oneof(...single);
  return fc.oneof(
    { weight: 4, arbitrary: one },
    { weight: 1, arbitrary: fc.tuple(one, one).map(([a, b]) => ({ ...a, ...b })) },
  );
}

const fieldEntry = (collection: Collection): fc.Arbitrary<[string, FieldCondition]> =>
  fc.oneof(
    ...FIELDS[collection].map((spec) =>
      conditionArb(spec).map((c): [string, FieldCondition] => [spec.path, c]),
    ),
  );

function whereArb(collection: Collection, depth: number): fc.Arbitrary<Where> {
  const leaf = fc
    .uniqueArray(fieldEntry(collection), { maxLength: 2, selector: (e) => e[0] })
    .map((entries): Where => Object.fromEntries(entries));
  if (depth === 0) return leaf;
  const sub = whereArb(collection, depth - 1);
  const list = fc.array(sub, { minLength: 1, maxLength: 3 });
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 1, arbitrary: fc.tuple(leaf, list).map(([l, and]): Where => ({ ...l, and })) },
    { weight: 1, arbitrary: fc.tuple(leaf, list).map(([l, or]): Where => ({ ...l, or })) },
    { weight: 1, arbitrary: fc.tuple(leaf, sub).map(([l, not]): Where => ({ ...l, not })) },
  );
}

/** `arb` with weight `present`, `undefined` with weight `absent`. */
const sometimes = <T>(
  arb: fc.Arbitrary<T>,
  present: number,
  absent: number,
): fc.Arbitrary<T | undefined> =>
  fc.oneof(
    { weight: absent, arbitrary: fc.constant(undefined) },
    { weight: present, arbitrary: arb },
  );

const directionArb = fc.constantFrom<'asc' | 'desc'>('asc', 'desc');
const orderArb = (fields: readonly string[]): fc.Arbitrary<OrderBy> =>
  fc.record(
    { field: fc.constantFrom(...fields), direction: directionArb },
    { requiredKeys: ['field'] },
  );

// Small pages mostly, so that most queries with matches span several pages.
const limitArb = fc.constantFrom<number | undefined>(1, 2, 2, 3, 3, 4, 7, 50, undefined);

/** Shapes an indexed backend plans specially: eq on the order field, bare orders, in/ranges on indexes. */
function indexShapedSpec(collection: Collection): fc.Arbitrary<QuerySpec> {
  const sortable = SORTABLE[collection];
  const specs = FIELDS[collection];
  const valueOf = (path: string) => specs.find((s) => s.path === path)!.values;
  const ordered = fc.constantFrom(...sortable).chain((field) =>
    fc
      .tuple(
        fc.option(valueOf(field), { nil: undefined }),
        fc.option(directionArb, { nil: undefined }),
        // An explicit id tiebreak, sometimes against the field's direction.
        fc.option(directionArb, { nil: undefined }),
      )
      .map(([eq, direction, idDirection]): QuerySpec => ({
        where: eq === undefined ? {} : { [field]: { eq } },
        orderBy: [
          { field, ...(direction && { direction }) },
          ...(idDirection ? [{ field: 'id', direction: idDirection }] : []),
        ],
      })),
  );
  const fixed: QuerySpec[] =
    collection === 'customers'
      ? [
          { where: {}, orderBy: [{ field: 'name', direction: 'desc' }] },
          { where: { tier: { eq: 'vip' } }, orderBy: [{ field: 'tier' }] },
          { where: { tier: { eq: 'key' } }, orderBy: [{ field: 'tier', direction: 'desc' }] },
          { orderBy: [{ field: 'updatedAt', direction: 'desc' }] },
          { where: { ownerId: { in: ['u1', 'u2'] } } },
          { where: { tier: { in: ['vip', 'key', 'vip'] } }, orderBy: [{ field: 'name' }] },
          { where: { lifecycleStage: { eq: 'customer' }, ownerId: { eq: 'u1' } } },
          {
            where: { name: { gte: '张', lt: '王芳' } },
            orderBy: [{ field: 'name', direction: 'desc' }],
          },
          { where: { name: { gt: 'B' } }, orderBy: [{ field: 'name' }] },
          { where: { and: [{ tier: { eq: 'vip' } }, { ownerId: { exists: true } }] } },
          {
            where: { industry: { in: ['IT', 'it'] } },
            orderBy: [{ field: 'createdAt', direction: 'desc' }],
          },
        ]
      : [
          { where: { status: { eq: 'open' } }, orderBy: [{ field: 'status' }] },
          { where: {}, orderBy: [{ field: 'stageId', direction: 'desc' }] },
          { where: { pipelineId: { eq: 'p1' } }, orderBy: [{ field: 'stageId' }] },
          {
            where: { customerId: { in: ['c1', 'c2', 'b'] } },
            orderBy: [{ field: 'amount', direction: 'desc' }],
          },
          { where: { expectedCloseDate: { gte: '2026-01-01' } } },
          { where: { ownerId: { eq: 'u2' } } },
        ];
  const range = fc
    .tuple(
      fc.constantFrom('createdAt', 'updatedAt'),
      tickValue,
      tickValue,
      fc.boolean(),
      fc.boolean(),
    )
    .map(([field, a, b, openLow, openHigh]): QuerySpec => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return {
        where: { [field]: { [openLow ? 'gt' : 'gte']: lo, [openHigh ? 'lt' : 'lte']: hi } },
        orderBy: [{ field, direction: openLow ? 'desc' : 'asc' }],
      };
    });
  return fc.oneof(ordered, fc.constantFrom(...fixed), range);
}

function specArb(collection: Collection): fc.Arbitrary<QuerySpec> {
  const random = fc
    .tuple(
      sometimes(whereArb(collection, 2), 3, 1),
      sometimes(fc.constantFrom(...SEARCHES[collection]), 1, 2),
      sometimes(fc.array(orderArb(ORDER_FIELDS[collection]), { maxLength: 3 }), 3, 1),
    )
    .map(([where, search, orderBy]): QuerySpec => ({
      ...(where && { where }),
      ...(search !== undefined && { search }),
      ...(orderBy && { orderBy }),
    }));
  return fc
    .tuple(
      fc.oneof(
        { weight: 3, arbitrary: random },
        { weight: 2, arbitrary: indexShapedSpec(collection) },
      ),
      limitArb,
    )
    .map(([spec, limit]) => (limit === undefined ? spec : { ...spec, limit }));
}

// ─── The reference model ───────────────────────────────────────────────────────────────────
// Written from the documented semantics only: no import of Rapport's query engine.

/** Reads a dotted path, own properties only; arrays along the way are mapped and flattened. */
function read(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    const own = (v: unknown): unknown =>
      v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, key)
        ? (v as Record<string, unknown>)[key]
        : undefined;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const element of value) {
        const v = own(element);
        if (Array.isArray(v)) out.push(...v);
        else if (v !== undefined) out.push(v);
      }
      value = out;
    } else {
      value = own(value);
      if (value === undefined) return undefined;
    }
  }
  return value;
}

const fold = (text: string): string => text.normalize('NFKC').toLowerCase();
/** No value: missing, null or an empty array (query-spec.ts). */
const missing = (v: unknown): boolean =>
  v === undefined || v === null || (Array.isArray(v) && v.length === 0);

/** `eq`: equal; on an array, some element equal; `null` also matches a missing value. */
function modelEquals(value: unknown, target: Scalar): boolean {
  if (target === null) return missing(value);
  if (Array.isArray(value)) return value.includes(target);
  return value === target;
}

/** Ranges compare within one type (numbers with numbers, strings by UTF-16 code unit); arrays: some element. */
function modelInRange(
  value: unknown,
  target: string | number,
  accept: (sign: number) => boolean,
): boolean {
  const test = (v: unknown): boolean => {
    if (typeof v !== typeof target) return false;
    const a = v as string | number;
    return accept(a < target ? -1 : a > target ? 1 : 0);
  };
  return Array.isArray(value) ? value.some(test) : test(value);
}

function modelCondition(value: unknown, c: FieldCondition): boolean {
  if (c.eq !== undefined && !modelEquals(value, c.eq)) return false;
  if (c.ne !== undefined && modelEquals(value, c.ne)) return false;
  if (c.in !== undefined && !c.in.some((t) => modelEquals(value, t))) return false;
  if (c.nin !== undefined && c.nin.some((t) => modelEquals(value, t))) return false;
  if (c.gt !== undefined && !modelInRange(value, c.gt, (s) => s > 0)) return false;
  if (c.gte !== undefined && !modelInRange(value, c.gte, (s) => s >= 0)) return false;
  if (c.lt !== undefined && !modelInRange(value, c.lt, (s) => s < 0)) return false;
  if (c.lte !== undefined && !modelInRange(value, c.lte, (s) => s <= 0)) return false;
  if (c.contains !== undefined) {
    const t = c.contains;
    const ok = Array.isArray(value)
      ? value.includes(t)
      : typeof value === 'string' && typeof t === 'string' && fold(value).includes(fold(t));
    if (!ok) return false;
  }
  if (c.startsWith !== undefined) {
    const prefix = fold(c.startsWith);
    const test = (v: unknown) => typeof v === 'string' && fold(v).startsWith(prefix);
    if (!(Array.isArray(value) ? value.some(test) : test(value))) return false;
  }
  if (c.exists !== undefined) {
    if (missing(value) === c.exists) return false;
  }
  return true;
}

function modelWhere(record: unknown, where: Where | undefined): boolean {
  if (!where) return true;
  return Object.entries(where).every(([key, node]) => {
    if (node === undefined) return true;
    if (key === 'and') return (node as readonly Where[]).every((w) => modelWhere(record, w));
    // Generated `or` lists are never empty, so "some" needs no special case here.
    if (key === 'or') return (node as readonly Where[]).some((w) => modelWhere(record, w));
    if (key === 'not') return !modelWhere(record, node as Where);
    return modelCondition(read(record, key), node as FieldCondition);
  });
}

/** Strings and numbers found under a search field, each one value. */
function searchValues(record: unknown, path: string): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'number') out.push(String(v));
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(read(record, path));
  return out;
}

const PHONE_CHARS = /^[+\d\s\-().]+$/;
/** Phone digits without a mainland China country prefix (+86 / 0086 / 86 before a full number). */
function phoneDigits(text: string): string {
  let digits = text.normalize('NFKC').replace(/\D/g, '');
  if (digits.startsWith('0086') && digits.length > 13) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length > 11) digits = digits.slice(2);
  return digits;
}

/**
 * Search: a phone-like query matches a phone number's digits whatever the formatting; otherwise
 * (and also) every whitespace-separated term must occur, ignoring case and width, within one of
 * the search field values. No tokeniser: 张伟 finds 张伟明.
 */
function modelSearch(
  record: unknown,
  query: string | undefined,
  fields: readonly string[],
): boolean {
  const q = (query ?? '').trim();
  if (!q) return true;
  const values = fields.flatMap((f) => searchValues(record, f));
  const folded = q.normalize('NFKC').trim();
  if (PHONE_CHARS.test(folded)) {
    const digits = phoneDigits(folded);
    const phones = values.filter((v) => PHONE_CHARS.test(v.normalize('NFKC')));
    if (digits.length >= 3 && phones.some((p) => phoneDigits(p).includes(digits))) return true;
  }
  const terms = fold(q).split(/\s+/).filter(Boolean);
  const haystack = values.map(fold);
  return terms.every((term) => haystack.some((v) => v.includes(term)));
}

/** Total order: missing/null < booleans < numbers < strings (UTF-16 code units) < arrays/objects. */
function modelCompare(a: unknown, b: unknown): number {
  const rank = (v: unknown): number =>
    v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v))
      ? 0
      : typeof v === 'boolean'
        ? 1
        : typeof v === 'number'
          ? 2
          : typeof v === 'string'
            ? 3
            : 4;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (ra === 0) return 0;
  if (ra === 4) {
    const sa = JSON.stringify(a);
    const sb = JSON.stringify(b);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  }
  const x = a as string | number;
  const y = b as string | number;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Every order ends with `id` (taking the last field's direction unless given); fields after `id` are dropped. */
function modelOrder(orderBy: readonly OrderBy[] | undefined): OrderBy[] {
  const out: OrderBy[] = [];
  for (const o of orderBy ?? []) {
    out.push(o);
    if (o.field === 'id') return out;
  }
  out.push({ field: 'id', direction: out.at(-1)?.direction ?? 'asc' });
  return out;
}

/** Arrays sort by their first element. */
function modelSortKey(record: unknown, order: readonly OrderBy[]): unknown[] {
  return order.map(({ field }) => {
    const v = read(record, field);
    return Array.isArray(v) ? v[0] : v;
  });
}

function modelCompareKeys(
  a: readonly unknown[],
  b: readonly unknown[],
  order: readonly OrderBy[],
): number {
  for (let i = 0; i < order.length; i++) {
    const c = modelCompare(a[i], b[i]);
    if (c !== 0) return order[i]!.direction === 'desc' ? -c : c;
  }
  return 0;
}

class Model {
  readonly tables: Record<Collection, Map<string, StoredRecord>> = {
    customers: new Map(),
    deals: new Map(),
  };
  tick = 0;

  /** All matches of `spec` in order (no paging). */
  list(collection: Collection, spec: QuerySpec): StoredRecord[] {
    const order = modelOrder(spec.orderBy);
    return [...this.tables[collection].values()]
      .filter(
        (r) => modelWhere(r, spec.where) && modelSearch(r, spec.search, SEARCH_FIELDS[collection]),
      )
      .map((record) => ({ record, key: modelSortKey(record, order) }))
      .sort((a, b) => modelCompareKeys(a.key, b.key, order))
      .map((e) => e.record);
  }
}

// ─── Running against the adapter ───────────────────────────────────────────────────────────

class Real {
  events: ChangeEvent[] = [];
  private readonly unsubscribe: () => void;
  constructor(
    readonly adapter: StorageAdapter,
    readonly countCommand: () => void,
  ) {
    this.unsubscribe = adapter.subscribe((changes) => this.events.push(...changes));
  }
  dispose(): void {
    this.unsubscribe();
  }
}

const show = (value: unknown): string => {
  const text = JSON.stringify(value, (_k, v: unknown) => (v === undefined ? '(undefined)' : v));
  return text.length > 4000 ? `${text.slice(0, 4000)}…` : text;
};

function same(actual: unknown, expected: unknown, what: string): void {
  if (!deepEqual(actual, expected)) {
    throw new AssertionError(
      `${what}\n  expected (model): ${show(expected)}\n  actual (adapter): ${show(actual)}`,
    );
  }
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };
async function attempt<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error };
  }
}

type ErrorClass = typeof ConflictError | typeof NotFoundError;
const describeError = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** Compares a commit outcome with the model's expectation: success with these records, or this error class. */
function sameOutcome(
  outcome: Outcome<{ records: readonly (StoredRecord | null)[] }>,
  expected: { ok: true; records: (StoredRecord | null)[] } | { ok: false; error: ErrorClass },
  what: string,
): void {
  if (expected.ok) {
    if (!outcome.ok)
      throw new AssertionError(
        `${what}: expected success, adapter threw ${describeError(outcome.error)}`,
      );
    same(outcome.value.records, expected.records, `${what}: committed records`);
  } else {
    if (outcome.ok) {
      throw new AssertionError(
        `${what}: expected ${expected.error.name}, adapter succeeded with ${show(outcome.value.records)}`,
      );
    }
    if (!(outcome.error instanceof expected.error)) {
      throw new AssertionError(
        `${what}: expected ${expected.error.name}, adapter threw ${describeError(outcome.error)}`,
      );
    }
  }
}

/** Applies mutations to a copy of the model's tables in order; the first failure wins, nothing is kept. */
function simulate(
  model: Model,
  mutations: readonly Mutation[],
  now: string,
):
  | { ok: true; records: (StoredRecord | null)[]; events: ChangeEvent[]; tables: Model['tables'] }
  | { ok: false; error: ErrorClass } {
  const tables: Model['tables'] = {
    customers: new Map(model.tables.customers),
    deals: new Map(model.tables.deals),
  };
  const records: (StoredRecord | null)[] = [];
  const events: ChangeEvent[] = [];
  for (const m of mutations) {
    const table = tables[m.collection as Collection];
    const id = m.type === 'delete' ? m.id : m.record.id;
    const existing = table.get(id);
    if (m.type === 'insert') {
      if (existing) return { ok: false, error: ConflictError };
      const record: StoredRecord = { ...m.record, id, version: 1, createdAt: now, updatedAt: now };
      table.set(id, record);
      records.push(record);
      events.push({ type: 'created', collection: m.collection, id, version: 1, source: 'local' });
      continue;
    }
    if (!existing) return { ok: false, error: NotFoundError };
    if (m.expectedVersion !== undefined && m.expectedVersion !== existing.version)
      return { ok: false, error: ConflictError };
    if (m.type === 'update') {
      const version = existing.version + 1;
      const record: StoredRecord = {
        ...m.record,
        id,
        version,
        createdAt: existing.createdAt,
        updatedAt: now,
      };
      table.set(id, record);
      records.push(record);
      events.push({ type: 'updated', collection: m.collection, id, version, source: 'local' });
    } else {
      table.delete(id);
      records.push(null);
      events.push({
        type: 'deleted',
        collection: m.collection,
        id,
        version: existing.version,
        source: 'local',
      });
    }
  }
  return { ok: true, records, events, tables };
}

/** Commits through the adapter and the model, compares outcome, events and then the whole stored state. */
async function commitBoth(
  model: Model,
  real: Real,
  mutations: readonly Mutation[],
  what: string,
): Promise<void> {
  const now = at(++model.tick);
  const expected = simulate(model, mutations, now);
  real.events = [];
  const outcome = await attempt(() => real.adapter.commit(mutations, { at: now }));
  sameOutcome(outcome, expected.ok ? { ok: true, records: expected.records } : expected, what);
  same(real.events, expected.ok ? expected.events : [], `${what}: change events`);
  if (expected.ok) Object.assign(model.tables, expected.tables);
  await compareState(model, real, what);
}

/** Every pool id of both collections through getMany, and the unfiltered counts. */
async function compareState(model: Model, real: Real, what: string): Promise<void> {
  for (const collection of COLLECTION_NAMES) {
    const ids = IDS[collection];
    same(
      await real.adapter.getMany(collection, ids),
      ids.map((id) => model.tables[collection].get(id) ?? null),
      `${what}: stored ${collection} afterwards (getMany)`,
    );
    same(
      await real.adapter.count(collection),
      model.tables[collection].size,
      `${what}: count(${collection}) afterwards`,
    );
  }
}

/**
 * Which id a command touches, resolved against the model when it runs: mostly a stored id for
 * updates and deletes and a free one for inserts, so most writes succeed and collections fill up,
 * with the rest producing NotFoundError / ConflictError.
 */
interface Target {
  readonly existing: boolean;
  readonly pick: number;
}
const targetArb = (existing: number) =>
  fc.record({
    existing: fc.oneof(
      { weight: existing, arbitrary: fc.constant(true) },
      { weight: 10 - existing, arbitrary: fc.constant(false) },
    ),
    pick: fc.nat({ max: 50 }),
  });

function resolve(
  ids: ReadonlySet<string> | ReadonlyMap<string, unknown>,
  collection: Collection,
  target: Target,
): string {
  const pool = IDS[collection].filter((id) => ids.has(id) === target.existing);
  const from = pool.length > 0 ? pool : IDS[collection];
  return from[target.pick % from.length]!;
}
const showTarget = (t: Target) => `${t.existing ? 'stored' : 'free'} id #${t.pick}`;

type VersionMode = 'none' | 'correct' | 'stale' | 'ahead';
const versionModeArb = fc.constantFrom<VersionMode>('none', 'correct', 'correct', 'stale', 'ahead');

function expectedVersionFor(
  mode: VersionMode,
  current: StoredRecord | undefined,
): number | undefined {
  if (mode === 'none') return undefined;
  const v = current?.version ?? 1;
  return mode === 'correct' ? v : mode === 'stale' ? v - 1 : v + 1;
}

type Cmd = fc.AsyncCommand<Model, Real, false>;

abstract class BaseCommand implements Cmd {
  check(): boolean {
    return true;
  }
  async run(model: Model, real: Real): Promise<void> {
    real.countCommand();
    await this.execute(model, real);
  }
  protected abstract execute(model: Model, real: Real): Promise<void>;
  abstract toString(): string;
}

class InsertCommand extends BaseCommand {
  constructor(
    readonly collection: Collection,
    readonly target: Target,
    readonly data: Data,
  ) {
    super();
  }
  protected execute(model: Model, real: Real) {
    const id = resolve(model.tables[this.collection], this.collection, this.target);
    const mutation: Mutation = {
      type: 'insert',
      collection: this.collection,
      record: { ...this.data, id },
    };
    return commitBoth(model, real, [mutation], `insert ${show(mutation)}`);
  }
  toString() {
    return `insert(${this.collection} ${showTarget(this.target)}, ${show(this.data)})`;
  }
}

class UpdateCommand extends BaseCommand {
  constructor(
    readonly collection: Collection,
    readonly target: Target,
    readonly data: Data,
    readonly mode: VersionMode,
  ) {
    super();
  }
  protected execute(model: Model, real: Real) {
    const id = resolve(model.tables[this.collection], this.collection, this.target);
    const expectedVersion = expectedVersionFor(this.mode, model.tables[this.collection].get(id));
    const mutation: Mutation = {
      type: 'update',
      collection: this.collection,
      record: { ...this.data, id },
      ...(expectedVersion !== undefined && { expectedVersion }),
    };
    return commitBoth(model, real, [mutation], `update (version ${this.mode}) ${show(mutation)}`);
  }
  toString() {
    return `update(${this.collection} ${showTarget(this.target)}, version ${this.mode}, ${show(this.data)})`;
  }
}

class DeleteCommand extends BaseCommand {
  constructor(
    readonly collection: Collection,
    readonly target: Target,
    readonly mode: VersionMode,
  ) {
    super();
  }
  protected execute(model: Model, real: Real) {
    const id = resolve(model.tables[this.collection], this.collection, this.target);
    const expectedVersion = expectedVersionFor(this.mode, model.tables[this.collection].get(id));
    const mutation: Mutation = {
      type: 'delete',
      collection: this.collection,
      id,
      ...(expectedVersion !== undefined && { expectedVersion }),
    };
    return commitBoth(model, real, [mutation], `delete (version ${this.mode}) ${show(mutation)}`);
  }
  toString() {
    return `delete(${this.collection} ${showTarget(this.target)}, version ${this.mode})`;
  }
}

interface PlannedOp {
  readonly collection: Collection;
  readonly kind: 'insert' | 'update' | 'delete';
  readonly target: Target;
  readonly data: Data;
}
type Failure =
  'duplicate-insert' | 'stale-update' | 'stale-delete' | 'missing-update' | 'missing-delete';

/**
 * A multi-mutation commit over both collections. Planned operations are made valid against the
 * state they meet (an insert of a taken id becomes an update, an update of a missing id an
 * insert), so the batch succeeds — unless `failure` injects exactly one conflicting mutation at
 * `position`, in which case the whole commit must fail with that mutation's error and change nothing.
 */
class BatchCommand extends BaseCommand {
  constructor(
    readonly ops: readonly PlannedOp[],
    readonly failure: {
      readonly kind: Failure;
      readonly position: number;
      readonly collection: Collection;
      readonly pick: number;
    } | null,
  ) {
    super();
  }
  protected execute(model: Model, real: Real) {
    // Versions as each mutation will find them, so every planned mutation is valid where it lands.
    const staged: Record<Collection, Map<string, number>> = {
      customers: new Map(),
      deals: new Map(),
    };
    for (const c of COLLECTION_NAMES)
      for (const [id, r] of model.tables[c]) staged[c].set(id, r.version);
    const versionOf = (c: Collection, id: string): number | null => staged[c].get(id) ?? null;
    const mutations: Mutation[] = [];
    const failAt = this.failure ? Math.min(this.failure.position, this.ops.length) : -1;
    const injectFailure = () => {
      const f = this.failure!;
      const present = IDS[f.collection].filter((id) => staged[f.collection].has(id));
      const absent = IDS[f.collection].filter((id) => !staged[f.collection].has(id));
      const needsPresent = f.kind !== 'missing-update' && f.kind !== 'missing-delete';
      let kind = f.kind;
      if (needsPresent && present.length === 0) kind = 'missing-update';
      if (!needsPresent && absent.length === 0) kind = 'duplicate-insert';
      const pool = kind === 'missing-update' || kind === 'missing-delete' ? absent : present;
      const id = pool[f.pick % pool.length]!;
      const version = versionOf(f.collection, id) ?? 1;
      const record = { ...this.ops[0]?.data, id };
      const collection = f.collection;
      if (kind === 'duplicate-insert') mutations.push({ type: 'insert', collection, record });
      else if (kind === 'stale-update')
        mutations.push({ type: 'update', collection, record, expectedVersion: version - 1 });
      else if (kind === 'stale-delete')
        mutations.push({ type: 'delete', collection, id, expectedVersion: version + 1 });
      else if (kind === 'missing-update') mutations.push({ type: 'update', collection, record });
      else mutations.push({ type: 'delete', collection, id, expectedVersion: 1 });
    };
    this.ops.forEach((op, index) => {
      if (index === failAt) injectFailure();
      const table = staged[op.collection];
      const id = resolve(table, op.collection, op.target);
      const version = versionOf(op.collection, id);
      const record: RecordData = { ...op.data, id };
      if (version === null) {
        mutations.push({ type: 'insert', collection: op.collection, record });
        table.set(id, 1);
      } else if (op.kind === 'delete') {
        mutations.push({ type: 'delete', collection: op.collection, id, expectedVersion: version });
        table.delete(id);
      } else {
        mutations.push({
          type: 'update',
          collection: op.collection,
          record,
          expectedVersion: version,
        });
        table.set(id, version + 1);
      }
    });
    if (failAt === this.ops.length) injectFailure();
    return commitBoth(
      model,
      real,
      mutations,
      `${this.toString()}\n  mutations: ${show(mutations)}`,
    );
  }
  toString() {
    return `batch(${show(this.ops.map((o) => `${o.kind} ${o.collection} ${showTarget(o.target)}`))}, failure: ${show(this.failure)})`;
  }
}

/** A query paged to the end; optionally a write happens between the first page and the rest. */
class QueryCommand extends BaseCommand {
  constructor(
    readonly collection: Collection,
    readonly spec: QuerySpec,
    readonly between: {
      readonly kind: 'insert' | 'delete';
      readonly pick: number;
      readonly data: Data;
    } | null,
  ) {
    super();
  }
  protected async execute(model: Model, real: Real) {
    const what = this.toString();
    const { collection, spec } = this;
    const limit = spec.limit ?? 50;
    let expected = model.list(collection, spec);
    const order = modelOrder(spec.orderBy);
    const seen: StoredRecord[] = [];
    let cursor: string | undefined;
    let interleaved = false;
    for (let page = 0; ; page++) {
      if (page > expected.length + 2)
        throw new AssertionError(`${what}: more pages than records (cursor loop?)`);
      const pageSpec: QuerySpec = cursor === undefined ? spec : { ...spec, cursor };
      const outcome = await attempt(() => real.adapter.query(collection, pageSpec));
      if (!outcome.ok)
        throw new AssertionError(`${what}: page ${page} threw ${describeError(outcome.error)}`);
      const result = outcome.value;
      // Items of this page: the model's list after what was already seen (by sort key, so a write
      // between pages is handled the way a keyset cursor must handle it).
      const last = seen.at(-1);
      const remaining = last
        ? expected.filter(
            (r) => modelCompareKeys(modelSortKey(r, order), modelSortKey(last, order), order) > 0,
          )
        : expected;
      const pageWhat = `${what}: page ${page}${interleaved ? ' (after the write between pages)' : ''}`;
      same(result.items, remaining.slice(0, limit), `${pageWhat} items`);
      same(result.total, expected.length, `${pageWhat} total`);
      const more = remaining.length > limit;
      if (more !== (result.nextCursor !== null)) {
        throw new AssertionError(
          `${pageWhat}: nextCursor is ${show(result.nextCursor)} but ${remaining.length - result.items.length} matching records remain`,
        );
      }
      seen.push(...result.items);
      if (result.nextCursor === null) break;
      cursor = result.nextCursor;
      if (page === 0 && this.between && !interleaved) {
        interleaved = true;
        const { kind, pick, data } = this.between;
        const id = resolve(model.tables[collection], collection, {
          existing: kind === 'delete',
          pick,
        });
        const exists = model.tables[collection].has(id);
        const mutation: Mutation | null =
          kind === 'insert' && !exists
            ? { type: 'insert', collection, record: { ...data, id } }
            : kind === 'delete' && exists
              ? { type: 'delete', collection, id }
              : null;
        if (mutation) {
          await commitBoth(
            model,
            real,
            [mutation],
            `${what}: write between pages ${show(mutation)}`,
          );
          expected = model.list(collection, spec);
        }
      }
    }
  }
  toString() {
    return `query(${this.collection}, ${show(this.spec)}${this.between ? `, between pages: ${this.between.kind} #${this.between.pick}` : ''})`;
  }
}

class CountCommand extends BaseCommand {
  constructor(
    readonly collection: Collection,
    readonly where: Where | undefined,
    readonly search: string | undefined,
  ) {
    super();
  }
  protected async execute(model: Model, real: Real) {
    const expected = model.list(this.collection, {
      ...(this.where && { where: this.where }),
      ...(this.search !== undefined && { search: this.search }),
    }).length;
    const outcome = await attempt(() =>
      real.adapter.count(this.collection, {
        ...(this.where && { where: this.where }),
        ...(this.search !== undefined && { search: this.search }),
      }),
    );
    if (!outcome.ok)
      throw new AssertionError(`${this.toString()} threw ${describeError(outcome.error)}`);
    same(outcome.value, expected, this.toString());
  }
  toString() {
    return `count(${this.collection}, ${show(this.where)}, ${show(this.search)})`;
  }
}

function commandArbitraries(): fc.Arbitrary<Cmd>[] {
  const perCollection = <T>(build: (collection: Collection) => fc.Arbitrary<T>): fc.Arbitrary<T> =>
    fc.oneof(
      { weight: 3, arbitrary: build('customers') },
      { weight: 2, arbitrary: build('deals') },
    );
  const insert = perCollection((c) =>
    fc.tuple(targetArb(1), dataOf(c)).map(([target, data]) => new InsertCommand(c, target, data)),
  );
  const update = perCollection((c) =>
    fc
      .tuple(targetArb(9), dataOf(c), versionModeArb)
      .map(([target, data, mode]) => new UpdateCommand(c, target, data, mode)),
  );
  const remove = perCollection((c) =>
    fc
      .tuple(targetArb(9), versionModeArb)
      .map(([target, mode]) => new DeleteCommand(c, target, mode)),
  );
  const plannedOp: fc.Arbitrary<PlannedOp> = perCollection((c) =>
    fc
      .constantFrom<PlannedOp['kind']>('insert', 'update', 'delete')
      .chain((kind) =>
        fc
          .tuple(targetArb(kind === 'insert' ? 3 : 7), dataOf(c))
          .map(([target, data]) => ({ collection: c, kind, target, data })),
      ),
  );
  const failure = fc.record({
    kind: fc.constantFrom<Failure>(
      'duplicate-insert',
      'stale-update',
      'stale-delete',
      'missing-update',
      'missing-delete',
    ),
    position: fc.nat({ max: 6 }),
    collection: fc.constantFrom(...COLLECTION_NAMES),
    pick: fc.nat({ max: 20 }),
  });
  const batch = fc
    .tuple(fc.array(plannedOp, { minLength: 1, maxLength: 6 }), fc.option(failure, { nil: null }))
    .map(([ops, f]) => new BatchCommand(ops, f));
  const rarely = <T>(arb: fc.Arbitrary<T>, weight = 4) =>
    fc.oneof({ weight, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
  const between = (c: Collection) =>
    fc.record({
      kind: fc.constantFrom<'insert' | 'delete'>('insert', 'delete'),
      pick: fc.nat({ max: 50 }),
      data: dataOf(c),
    });
  const query = perCollection((c) =>
    fc.tuple(specArb(c), rarely(between(c))).map(([spec, b]) => new QueryCommand(c, spec, b)),
  );
  const count = perCollection((c) =>
    fc
      .tuple(
        rarely(
          fc.oneof(
            whereArb(c, 2),
            indexShapedSpec(c).map((s) => s.where ?? {}),
          ),
          1,
        ),
        rarely(fc.constantFrom(...SEARCHES[c]), 2),
      )
      .map(([where, search]) => new CountCommand(c, where ?? undefined, search ?? undefined)),
  );
  // Inserts weigh most so collections fill up; queries next, as they are what the check is about.
  return [
    ...Array<fc.Arbitrary<Cmd>>(4).fill(insert),
    update,
    update,
    remove,
    batch,
    batch,
    ...Array<fc.Arbitrary<Cmd>>(4).fill(query),
    count,
  ];
}
