// The CSV the import and export benchmarks share (browser and Node): `size` company customers
// with a Chinese name, a mobile phone, an email, a city, tags, a status and a last-contact time,
// one per row, unique on every dedupe key, quoted where RFC 4180 needs it. Beside it, the mapping
// the SDK imports it with, the hand-written equivalent the baselines use, and the export columns.

const CITIES = ['杭州', '上海', '北京', '深圳'];
const STATUSES = ['hot', 'warm', 'cold', 'in-contract'];
const STAGES: Record<string, string> = {
  hot: 'prospect',
  warm: 'prospect',
  cold: 'potential',
  'in-contract': 'customer',
};

export const CSV_HEADER = ['名称', '电话', '邮箱', '城市', '标签', '状态', '最后联系'];

/** The cells of data row `i` (0-based). */
function cells(i: number): string[] {
  const n = String(i).padStart(8, '0');
  return [
    `杭州云帆${i}贸易有限公司`,
    `139 ${n.slice(0, 4)} ${n.slice(4)}`,
    `sales${i}@yunfan${i % 97}.cn`,
    CITIES[i % 4]!,
    i % 3 ? 'vip, 重点' : '普通',
    STATUSES[i % 4]!,
    new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
  ];
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** The file as a spreadsheet saves it: BOM, header, CRLF rows. */
export function csvText(size: number): string {
  const lines = [CSV_HEADER.map(quote).join(',')];
  for (let i = 0; i < size; i++) lines.push(cells(i).map(quote).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** How `crm.io.importCsv` reads the file. */
export const CSV_MAPPING = {
  columns: [
    { from: '名称', to: 'name' },
    { from: '电话', to: 'phones[]', transform: { phone: 'mobile' } },
    { from: '邮箱', to: 'emails[]' },
    { from: '城市', to: 'region.city' },
    { from: '标签', to: 'tags', transform: 'list' },
    {
      from: '状态',
      to: 'lifecycleStage',
      transform: { map: STAGES },
    },
    { from: '最后联系', to: 'lastContactAt', transform: 'datetime' },
  ],
} as const;

/**
 * The hand-written importer's mapping: one parsed row (header order) to the record the SDK stores
 * for it, defaults and system fields included, so both sides write the same objects. No checks.
 */
export function rawRecord(row: readonly string[], id: string, at: string): Record<string, unknown> {
  return {
    kind: 'company',
    name: row[0],
    lifecycleStage: STAGES[row[5]!],
    tier: 'regular',
    region: { city: row[3] },
    phones: [{ number: row[1], type: 'mobile' }],
    emails: [row[2]],
    tags: row[4]!.split(/[,，、;；]/).map((t) => t.trim()),
    lastContactAt: row[6],
    customFields: {},
    id,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/** What the export benchmarks write, and what the naive exporter reads from each record. */
export const EXPORT_COLUMNS = [
  'id',
  'name',
  'phones.number',
  'emails',
  'region.city',
  'tags',
  'lifecycleStage',
  'lastContactAt',
  'createdAt',
] as const;

/**
 * The naive exporter: the same columns as plain `join`s, no quoting, no formula guard, no field
 * policy, everything in one string.
 */
export function naiveCsv(records: readonly Record<string, unknown>[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const r of records) {
    const phones = r.phones as { number: string }[];
    lines.push(
      [
        r.id,
        r.name,
        phones.map((p) => p.number).join('; '),
        (r.emails as string[]).join('; '),
        (r.region as { city?: string } | undefined)?.city ?? '',
        (r.tags as string[]).join('; '),
        r.lifecycleStage,
        r.lastContactAt ?? '',
        r.createdAt,
      ].join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
