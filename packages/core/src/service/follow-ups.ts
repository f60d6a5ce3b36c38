import type { ActivityInput } from '../entities/activity.js';
import type { TicketCategory } from '../entities/ticket.js';
import { addWorkingMinutes, toEpochMs } from './business-calendar.js';
import type { FollowUpRule } from './service-options.js';

/** What a follow-up is planned for: a resolved ticket or a delivered order. */
export interface FollowUpSubject {
  readonly trigger: FollowUpRule['trigger'];
  /** When the trigger happened (resolution, delivery). */
  readonly at: string;
  readonly number?: string;
  readonly subject: string;
  readonly category?: TicketCategory;
  readonly ticketId?: string;
  readonly customerId?: string;
  readonly contactId?: string;
  readonly ownerId?: string;
}

const DAY_MS = 86_400_000;

/**
 * The follow-up activities (回访) the rules ask for. Due time = trigger time + `delayDays`
 * calendar days, then + `delayWorkingHours` over the rule's calendar (the SLA engine's
 * calendar math; without a calendar, plain hours). Default: a visit, due 3 days later.
 * Pure: the caller writes the activities.
 */
export function planFollowUps(
  rules: readonly FollowUpRule[],
  subject: FollowUpSubject,
): ActivityInput[] {
  return rules
    .filter(
      (rule) =>
        rule.trigger === subject.trigger &&
        (!rule.categories?.length ||
          (subject.category !== undefined && rule.categories.includes(subject.category))),
    )
    .map((rule) => {
      let due = toEpochMs(subject.at);
      const days = rule.delayDays ?? (rule.delayWorkingHours === undefined ? 3 : 0);
      due += days * DAY_MS;
      if (rule.delayWorkingHours)
        due = addWorkingMinutes(due, rule.delayWorkingHours * 60, rule.calendar ?? null).getTime();
      const title = (rule.subject ?? '回访：{subject}')
        .replaceAll('{number}', subject.number ?? '')
        .replaceAll('{subject}', subject.subject);
      return {
        type: rule.activityType ?? 'visit',
        subject: title.slice(0, 200),
        status: 'open',
        dueAt: new Date(due).toISOString(),
        ...(subject.ticketId !== undefined && { ticketId: subject.ticketId }),
        ...(subject.customerId !== undefined && { customerId: subject.customerId }),
        ...(subject.contactId !== undefined && { contactId: subject.contactId }),
        ...(subject.ownerId !== undefined && { ownerId: subject.ownerId }),
      } satisfies ActivityInput;
    });
}
