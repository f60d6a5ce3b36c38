import type { Region } from '../entities/common.js';
import type { GroupBy } from './kpi-report.js';

/** What a record may carry for grouping; the customer fills in what the record lacks. */
export interface Groupable {
  readonly ownerId?: string | undefined;
  readonly teamId?: string | undefined;
  readonly region?: Region | undefined;
  readonly customerId?: string | undefined;
}

/** The customer fields used when a record has no team or region of its own. */
export type CustomerDimensions = Pick<Groupable, 'ownerId' | 'teamId' | 'region'> & {
  readonly id: string;
};

/**
 * A record's group key:
 * - `owner`: the record's owner (`ownerId`; a ticket's `assigneeId` and a survey's `agentId` are
 *   passed in as `ownerId` by their KPIs);
 * - `team`: the record's `teamId`, else its customer's;
 * - `region`: the province of the record's `region`, else of its customer's.
 * `undefined` (reported as `(none)`) when neither has one.
 */
export function groupKeyOf(
  groupBy: GroupBy | undefined,
  record: Groupable,
  customers?: ReadonlyMap<string, CustomerDimensions>,
): string | undefined {
  const customer = record.customerId !== undefined ? customers?.get(record.customerId) : undefined;
  switch (groupBy) {
    case 'owner':
      return record.ownerId;
    case 'team':
      return record.teamId ?? customer?.teamId;
    case 'region':
      return record.region?.province ?? customer?.region?.province;
    default:
      return undefined;
  }
}
