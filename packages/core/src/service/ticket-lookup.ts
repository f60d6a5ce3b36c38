import type { DomainContext } from '../client/domain-context.js';
import type { Contact } from '../entities/contact.js';
import type { Ticket, TicketCategory, TicketStatus } from '../entities/ticket.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { normalizePhone } from '../query/normalize.js';
import { normalizeEmail } from './ticket-intake.js';

/** What a visitor gives to look a ticket up: its number and the email or phone it was sent with. */
export interface TicketLookupQuery {
  readonly number: string;
  readonly email?: string;
  readonly phone?: string;
}

/** One public comment, without its author. */
export interface PublicTicketComment {
  readonly body: string;
  readonly createdAt: string;
  /** Written by the customer (else by the service team). */
  readonly fromCustomer: boolean;
}

/**
 * What a visitor may see of their own ticket: its number, subject, category, status and dates,
 * and the PUBLIC comments only — no internal notes, assignee, team, SLA or requester details.
 */
export interface PublicTicketStatus {
  readonly number: string;
  readonly subject: string;
  readonly category: TicketCategory;
  readonly status: TicketStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly resolvedAt?: string;
  readonly comments: readonly PublicTicketComment[];
}

/** Merged into `crm.tickets`. */
export interface TicketLookupOperations {
  /**
   * The public status of one ticket, for the requester who sent it (`<crm-ticket-widget>`'s
   * "check status"): found by `number`, then shown only when `email` or `phone` matches the
   * ticket's requester (or its contact). A wrong number and a wrong email or phone give the same
   * `NotFoundError`, so the lookup tells nothing about other tickets.
   *
   * @throws ValidationError when the number or both email and phone are missing
   * @throws NotFoundError when no visible ticket has that number and that email or phone
   */
  lookup(query: TicketLookupQuery): Promise<PublicTicketStatus>;
}

const MAX_NUMBER = 50;

/** The public-status lookup, over the gateway (so it sees only what the principal may see). */
export function createTicketLookup(domain: DomainContext): TicketLookupOperations {
  const ctx = () => domain.context();

  async function contactOf(ticket: Ticket): Promise<Contact | null> {
    if (!ticket.contactId) return null;
    const { items } = await domain.gateway.query(ctx(), 'contact', {
      where: { id: { eq: ticket.contactId } },
      limit: 1,
    });
    return (items[0] as unknown as Contact | undefined) ?? null;
  }

  async function belongsTo(ticket: Ticket, email: string | null, phone: string | null) {
    const emailOk = (value: string | undefined) =>
      !!email && !!value && normalizeEmail(value) === email;
    const phoneOk = (value: string | undefined) =>
      !!phone && !!value && normalizePhone(value) === phone;
    if (emailOk(ticket.requester?.email) || phoneOk(ticket.requester?.phone)) return true;
    const contact = await contactOf(ticket);
    return (
      !!contact &&
      (contact.emails.some((e) => emailOk(e)) || contact.phones.some((p) => phoneOk(p.number)))
    );
  }

  return {
    async lookup(query) {
      const number = query.number?.normalize('NFKC').trim().toUpperCase() ?? '';
      const email = query.email?.trim() ? normalizeEmail(query.email) : null;
      const digits = query.phone ? normalizePhone(query.phone) : '';
      const phone = digits.length >= 5 ? digits : null;
      const issues = [
        ...(number && number.length <= MAX_NUMBER
          ? []
          : [{ path: ['number'], message: 'Too small: expected string to have >=1 characters' }]),
        ...(email || phone
          ? []
          : [{ path: ['email'], message: 'Give the email or phone the ticket was sent with' }]),
      ];
      if (issues.length) throw new ValidationError(issues, 'Cannot look up ticket');

      const { items } = await domain.gateway.query(ctx(), 'ticket', {
        where: { number: { eq: number } },
        limit: 10,
      });
      for (const ticket of items as unknown as Ticket[]) {
        if (!(await belongsTo(ticket, email, phone))) continue;
        return {
          number: ticket.number ?? number,
          subject: ticket.subject,
          category: ticket.category,
          status: ticket.status,
          createdAt: ticket.createdAt,
          updatedAt: ticket.updatedAt,
          ...(ticket.resolvedAt !== undefined && { resolvedAt: ticket.resolvedAt }),
          comments: ticket.comments
            .filter((c) => c.public)
            .map((c) => ({ body: c.body, createdAt: c.createdAt, fromCustomer: c.fromCustomer })),
        };
      }
      // The same error whether the number or the email/phone was wrong.
      throw new NotFoundError('tickets', number);
    },
  };
}
