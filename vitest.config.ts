// Node tests for the headless packages (vitest). Element tests and `*.browser.test.ts` run in
// real Chromium through web-test-runner instead (web-test-runner.config.mjs).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (file: string) => fileURLToPath(new URL(`./packages/${file}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Workspace packages resolve to their source, so tests never need a build first.
    alias: [
      { find: /^@rapport\/core$/, replacement: source('core/src/index.ts') },
      { find: /^@rapport\/core\/testing$/, replacement: source('core/src/testing/index.ts') },
      { find: /^@rapport\/core\/demo$/, replacement: source('core/src/demo/index.ts') },
      { find: /^@rapport\/core\/memory$/, replacement: source('core/src/memory.ts') },
      { find: /^@rapport\/core\/encryption$/, replacement: source('core/src/encryption.ts') },
      { find: /^@rapport\/core\/sales$/, replacement: source('core/src/sales/index.ts') },
      { find: /^@rapport\/core\/service$/, replacement: source('core/src/service/index.ts') },
      { find: /^@rapport\/core\/marketing$/, replacement: source('core/src/marketing/index.ts') },
      { find: /^@rapport\/core\/analytics$/, replacement: source('core/src/analytics/index.ts') },
      { find: /^@rapport\/core\/io$/, replacement: source('core/src/io/index.ts') },
      { find: /^@rapport\/core\/schemas$/, replacement: source('core/src/schemas.ts') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.browser.test.ts', 'packages/elements/**'],
    // The shared contract suites (`@rapport/core/testing`) call global describe/it.
    globals: true,
    environment: 'node',
  },
});
