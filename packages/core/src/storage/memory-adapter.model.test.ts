import { runAdapterModel } from '../testing/adapter-model.js';
import { createMemoryAdapter } from './memory-adapter.js';

// Model-based check of the memory adapter against the independent reference in
// testing/adapter-model.ts: 200 runs of up to 50 random commands each.
describe('memory adapter: model-based check', () => {
  it('agrees with the reference model over 200 random command sequences', async () => {
    const report = await runAdapterModel({
      create: () => createMemoryAdapter(),
      numRuns: 200,
      maxCommands: 50,
    });
    console.log(
      `model: ${report.runs} runs, ${report.commands} commands, ${report.divergences} divergences, ` +
        `seed ${report.seed} (memory adapter, ${(report.milliseconds / 1000).toFixed(1)} s)`,
    );
  }, 300_000);
});
