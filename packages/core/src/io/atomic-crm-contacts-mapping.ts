import type { ImportMapping } from './column-mapping.js';

/** Atomic CRM's `background`, `first_seen` and `linkedin_url` as one notes text. */
function atomicNotes(_text: string, row: Readonly<Record<string, unknown>>): string | undefined {
  const cell = (name: string) =>
    typeof row[name] === 'string' ? (row[name] as string).trim() : '';
  const parts = [
    cell('background'),
    cell('first_seen') && `First seen: ${cell('first_seen')}`,
    cell('linkedin_url') && `LinkedIn: ${cell('linkedin_url')}`,
  ].filter(Boolean);
  return parts.length ? parts.join('\n') : undefined;
}

/**
 * A ready-made mapping for the contacts CSV that Atomic CRM (marmelab/atomic-crm) exports:
 *
 * - `first_name` + `last_name` → `name`; `title` → `title`; `gender` → `gender` (nonbinary → other)
 * - `email_work` / `email_home` / `email_other` → `emails`
 * - `phone_work` / `phone_home` / `phone_other` → `phones` typed work / home / other
 * - `tags` (a comma list in one quoted cell) → `tags`
 * - `last_seen` → `lastContactAt`; `background`, `first_seen` and `linkedin_url` → `notes`
 * - `has_newsletter` → `consent.email`
 * - `company_name` → the contact's customer: an existing one with the same name (legal suffixes,
 *   case and width ignored) or a new company customer; Atomic's contact `status` sets that new
 *   customer's `lifecycleStage` (cold → potential, warm and hot → prospect, in-contract →
 *   customer; for several contacts of one new company the first row wins — Atomic exports newest
 *   `last_seen` first, so its most recently seen contact decides)
 * - ignored, with reasons in the report: `id`, `company_id`, `company`, `sales_id`, `sales`, `nb_tasks`
 *
 * @example
 * ```ts
 * const report = await crm.io.importCsv('contact', file, { mapping: ATOMIC_CRM_CONTACTS_MAPPING, dryRun: true });
 * console.log(report.created, report.customers.created, report.skipped, report.ignoredColumns);
 * ```
 */
export const ATOMIC_CRM_CONTACTS_MAPPING: ImportMapping = {
  columns: [
    { from: ['first_name', 'last_name'], to: 'name' },
    { from: 'title', to: 'title' },
    {
      from: 'gender',
      to: 'gender',
      transform: { map: { female: 'female', male: 'male', nonbinary: 'other' }, otherwise: 'drop' },
    },
    { from: 'email_work', to: 'emails[]' },
    { from: 'email_home', to: 'emails[]' },
    { from: 'email_other', to: 'emails[]' },
    { from: 'phone_work', to: 'phones[]', transform: { phone: 'work' } },
    { from: 'phone_home', to: 'phones[]', transform: { phone: 'home' } },
    { from: 'phone_other', to: 'phones[]', transform: { phone: 'other' } },
    { from: 'tags', to: 'tags', transform: 'list' },
    { from: 'last_seen', to: 'lastContactAt', transform: 'datetime' },
    { from: ['background', 'first_seen', 'linkedin_url'], to: 'notes', transform: atomicNotes },
    { from: 'has_newsletter', to: 'consent.email', transform: 'boolean' },
  ],
  customer: {
    from: 'company_name',
    create: true,
    columns: [
      {
        from: 'status',
        to: 'lifecycleStage',
        transform: {
          map: { cold: 'potential', warm: 'prospect', hot: 'prospect', 'in-contract': 'customer' },
          otherwise: 'drop',
        },
      },
    ],
  },
  ignore: {
    id: 'Atomic CRM record id; Rapport assigns its own ids',
    company_id: 'Atomic CRM company id; contacts are linked by company_name instead',
    company: 'the same value as company_name',
    sales_id: 'Atomic CRM user id; owners come from your own user directory',
    sales: 'Atomic CRM account manager name; owners come from your own user directory',
    nb_tasks: 'a task count Atomic CRM computes; tasks are not part of this file',
  },
};
