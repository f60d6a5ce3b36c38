import type { DomainContext } from '../client/domain-context.js';
import type { Contact } from '../entities/contact.js';
import { normalizePhone } from '../query/normalize.js';

export interface Requester {
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
}

/** A requester's email as matched: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFKC').toLowerCase();
}

/**
 * The existing contact a widget requester is, or `null`: first by email (trimmed, NFKC,
 * case-insensitive, exact), then by phone (digits only, `+86`/`0086` dropped, exact — so
 * `+86 138-0013-8000` is `13800138000`). Candidates come from the core's search, then are
 * compared exactly; among several, the earliest created wins. Reads go through the gateway, so
 * only contacts visible to the principal are found (masked phones cannot match).
 */
export async function findRequesterContact(
  domain: DomainContext,
  requester: Requester,
): Promise<Contact | null> {
  const candidates = async (search: string, match: (c: Contact) => boolean) => {
    const { items } = await domain.gateway.query(domain.context(), 'contact', {
      search,
      orderBy: [{ field: 'createdAt', direction: 'asc' }],
      limit: 100,
    });
    return (items as unknown as Contact[]).find(match) ?? null;
  };
  if (requester.email) {
    const email = normalizeEmail(requester.email);
    const found = await candidates(email, (c) => c.emails.some((e) => normalizeEmail(e) === email));
    if (found) return found;
  }
  if (requester.phone) {
    const digits = normalizePhone(requester.phone);
    if (digits.length >= 5) {
      const found = await candidates(digits, (c) =>
        c.phones.some((p) => normalizePhone(p.number) === digits),
      );
      if (found) return found;
    }
  }
  return null;
}
