// Runs every browser benchmark named in the URL (`?size=100000&repetitions=3`) and leaves the
// results on `window.benchResults` for bench/run.mjs to read.
import type { Measurement } from './harness.js';
import { run as importContacts } from './import-contacts.bench.js';

declare global {
  interface Window {
    benchResults?: { ok: true; measurements: Measurement[] } | { ok: false; error: string };
  }
}

const params = new URLSearchParams(location.search);
const size = Number(params.get('size') ?? 100_000);
const repetitions = Number(params.get('repetitions') ?? 3);

try {
  const measurements = [...(await importContacts({ size, repetitions }))];
  window.benchResults = { ok: true, measurements };
} catch (error) {
  window.benchResults = {
    ok: false,
    error:
      error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error),
  };
}
