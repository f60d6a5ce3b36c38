import type { Ticket } from '../entities/ticket.js';
import { TICKET_CATEGORIES } from '../entities/enums.js';
import {
  buildKpiReport,
  checkGroupBy,
  ratio,
  type AnalyticsQuery,
  type KpiReport,
} from './kpi-report.js';

export type CategoryFacts = Pick<Ticket, 'createdAt' | 'category'>;

/**
 * Ticket rate by category: one series per ticket category (in `TICKET_CATEGORIES` order), over
 * the tickets created in each period. `value = tickets of the category / all tickets`; the
 * `complaint` series is the complaint rate proper, and `total` repeats it (complaints / all
 * tickets), for a single figure. `null` for a period without tickets. Unit: ratio. Grouped by category (`groupBy` must be left
 * out).
 *
 * @example
 * ```ts
 * const report = complaintRate(tickets, { period: 'month', from: '2026-01-01', to: '2026-07-01' });
 * report.series.find((s) => s.key === 'complaint')!.points; // complaints ÷ tickets per month
 * ```
 */
export function complaintRate(tickets: readonly CategoryFacts[], query: AnalyticsQuery): KpiReport {
  checkGroupBy(query.groupBy, []);
  // Each ticket is one item per category it could be in: counted in the denominator of every
  // category's series, in the numerator of its own.
  const items = tickets.flatMap((ticket) =>
    TICKET_CATEGORIES.map((category) => ({ ticket, category })),
  );
  return buildKpiReport(items, query, {
    kpi: 'complaintRate',
    unit: 'ratio',
    groupName: 'category',
    keys: TICKET_CATEGORIES,
    at: (i) => i.ticket.createdAt,
    key: (i) => i.category,
    reduce: (list) => {
      // In the total, a ticket appears once per category: count distinct tickets.
      const tickets = new Set(list.map((i) => i.ticket));
      const categories = new Set(list.map((i) => i.category));
      const category = categories.size === 1 ? [...categories][0] : 'complaint';
      return ratio([...tickets].filter((t) => t.category === category).length, tickets.size);
    },
  });
}
