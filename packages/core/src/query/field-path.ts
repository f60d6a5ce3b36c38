/**
 * Reads a dotted path (`region.city`, `phones.number`) from a record, own properties only.
 * Arrays along the path are mapped and flattened: `phones.number` gives every phone number.
 */
export function readPath(record: unknown, path: string): unknown {
  return readSegments(record, path.split('.'));
}

/**
 * `readPath` with the path split once, for loops over many records (filters, sorts). Same result
 * as `readPath(record, path)` for every record.
 */
export function compilePath(path: string): (record: unknown) => unknown {
  if (!path.includes('.')) return (record) => ownValue(record, path);
  const segments = path.split('.');
  return (record) => readSegments(record, segments);
}

function readSegments(record: unknown, segments: readonly string[]): unknown {
  let value: unknown = record;
  for (const segment of segments) {
    if (Array.isArray(value)) {
      const values: unknown[] = [];
      for (const element of value) {
        const v = ownValue(element, segment);
        if (Array.isArray(v)) for (const item of v) values.push(item);
        else if (v !== undefined) values.push(v);
      }
      value = values;
    } else {
      value = ownValue(value, segment);
      if (value === undefined) return undefined;
    }
  }
  return value;
}

function ownValue(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** Every string and number found under `path`, for search. */
export function collectText(record: unknown, path: string, out: string[]): void {
  const push = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'number') out.push(String(v));
    else if (Array.isArray(v)) v.forEach(push);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(push);
  };
  push(readPath(record, path));
}
