import fc from 'fast-check';
import { withIdTiebreak } from '../query/compare.js';
import { decodeCursor } from '../query/cursor.js';
import type { OrderBy } from '../query/query-spec.js';
import { paginate } from '../query/run-query.js';
import { selectPage } from './search-host.js';

// The search host cuts pages without sorting every match; they must be paginate's pages.
describe('selectPage', () => {
  const value = fc.oneof(
    fc.constantFrom('a', 'b', 'B', '张', '伟', ''),
    fc.integer({ min: -3, max: 3 }),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }),
  );
  const record = fc.record({ name: value, rank: value, tags: value });
  const order = fc.array(
    fc.record({
      field: fc.constantFrom('name', 'rank', 'tags', 'id'),
      direction: fc.constantFrom('asc', 'desc') as fc.Arbitrary<'asc' | 'desc'>,
    }),
    { maxLength: 3 },
  );

  it('gives paginate’s pages, cursors and totals, whatever the order', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 40 }),
        order,
        fc.integer({ min: 1, max: 12 }),
        (rows, orderBy: OrderBy[], limit) => {
          const records = rows.map((r, i) => ({ ...r, id: `r${(i * 7) % 41}-${i}` }));
          const full = withIdTiebreak(orderBy);
          // Every page, following paginate's cursors; the host gets the decoded cursor.
          let cursor: string | undefined;
          for (let guard = 0; guard < 50; guard++) {
            const expected = paginate([...records], { orderBy, limit, ...(cursor && { cursor }) });
            const after = cursor ? decodeCursor(cursor, full) : undefined;
            const page = selectPage(records, full, after, limit);
            expect(page.items.map((r) => r.id)).toEqual(expected.items.map((r) => r.id));
            expect(page.lastKey !== null).toBe(expected.nextCursor !== null);
            if (!expected.nextCursor) return;
            expect(decodeCursor(expected.nextCursor, full)).toEqual(
              JSON.parse(JSON.stringify(page.lastKey)),
            );
            cursor = expected.nextCursor;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
