// Storybook 10 for the Lit elements, on Vite. Workspace packages resolve to their source (as in
// vitest.config.ts and web-test-runner.config.mjs), so stories never need `npm run build` first.
// Telemetry is off: `storybook build` runs offline in CI as a smoke test (scripts/test.mjs).
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import ts from 'typescript';
import { mergeConfig, type Plugin } from 'vite';

const source = (file: string) => fileURLToPath(new URL(`../packages/${file}`, import.meta.url));

/**
 * The elements use standard (TC39) decorators (`@property`, `@state`), which no browser runs yet
 * and Vite 8's Oxc transform cannot lower (it knows only legacy decorators). TypeScript — the
 * compiler the rollup build uses too — lowers them here, before Vite's own transform.
 */
function lowerDecorators(): Plugin {
  return {
    name: 'rapport-lower-decorators',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!file.endsWith('.ts') || file.includes('/node_modules/')) return null;
      if (!/^\s*@[A-Za-z]/m.test(code)) return null;
      const out = ts.transpileModule(code, {
        fileName: file,
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          useDefineForClassFields: true,
          sourceMap: true,
          inlineSources: true,
        },
      });
      return {
        code: out.outputText.replace(/\n\/\/# sourceMappingURL=.*$/, ''),
        map: out.sourceMapText ?? null,
      };
    },
  };
}

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      plugins: [lowerDecorators()],
      resolve: {
        alias: [
          { find: /^@rapport\/core$/, replacement: source('core/src/index.ts') },
          { find: /^@rapport\/core\/demo$/, replacement: source('core/src/demo/index.ts') },
          { find: /^@rapport\/core\/memory$/, replacement: source('core/src/memory.ts') },
          { find: /^@rapport\/core\/encryption$/, replacement: source('core/src/encryption.ts') },
          { find: /^@rapport\/core\/sales$/, replacement: source('core/src/sales/index.ts') },
          { find: /^@rapport\/core\/service$/, replacement: source('core/src/service/index.ts') },
          {
            find: /^@rapport\/core\/marketing$/,
            replacement: source('core/src/marketing/index.ts'),
          },
          {
            find: /^@rapport\/core\/analytics$/,
            replacement: source('core/src/analytics/index.ts'),
          },
          { find: /^@rapport\/core\/io$/, replacement: source('core/src/io/index.ts') },
          { find: /^@rapport\/elements$/, replacement: source('elements/src/index.ts') },
        ],
      },
      // @tanstack/query-core reads process.env.NODE_ENV, which only bundlers define.
      define: { 'process.env.NODE_ENV': JSON.stringify(process.env.NODE_ENV ?? 'development') },
    });
  },
};

export default config;
