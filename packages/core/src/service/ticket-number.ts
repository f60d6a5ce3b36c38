import type { DomainContext } from '../client/domain-context.js';

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L, U). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const SUFFIX_LENGTH = 6;
/** China Standard Time (UTC+8, no daylight saving): the date in a number is the customer's day. */
const CST_MS = 8 * 3600_000;

/** A random, readable suffix: 6 characters of a 30-letter alphabet (~7×10⁸ per day). */
function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(SUFFIX_LENGTH));
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

/**
 * The public number of a newly submitted ticket, `TK-20260302-7KQ4MZ`: the submission date
 * (China time) and a random suffix. Random rather than sequential, so a number says nothing
 * about volume and cannot be enumerated; the status lookup also asks for the requester's email
 * or phone (see ticket-lookup.ts). Checked against existing tickets through the gateway and
 * drawn again on a clash.
 */
export async function newTicketNumber(domain: DomainContext, now: string): Promise<string> {
  const date = new Date(Date.parse(now) + CST_MS).toISOString().slice(0, 10).replaceAll('-', '');
  for (let attempt = 0; ; attempt++) {
    const number = `TK-${date}-${randomSuffix()}`;
    const clashes = await domain.gateway.count(domain.context(), 'ticket', {
      number: { eq: number },
    });
    if (clashes === 0 || attempt >= 4) return number;
  }
}
