// Runs the browser benchmarks named in the URL (`?size=100000&repetitions=5&only=a,b`) one after
// another and leaves the results on `window.benchResults` for bench/run.mjs to read.
import type { Measurement } from './harness.js';
import { MEASURES } from './measures.js';

declare global {
  interface Window {
    benchResults?: { ok: true; measurements: Measurement[] } | { ok: false; error: string };
    benchProgress?: string;
  }
}

const params = new URLSearchParams(location.search);
const size = Number(params.get('size') ?? 100_000);
const repetitions = Number(params.get('repetitions') ?? 3);
const only = params.get('only')?.split(',').filter(Boolean);

try {
  const measurements: Measurement[] = [];
  for (const [name, load] of Object.entries(MEASURES)) {
    if (only && !only.includes(name)) continue;
    window.benchProgress = name;
    const { run } = await load();
    measurements.push(...(await run({ size, repetitions })));
  }
  window.benchResults = { ok: true, measurements };
} catch (error) {
  window.benchResults = {
    ok: false,
    error:
      error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error),
  };
}
