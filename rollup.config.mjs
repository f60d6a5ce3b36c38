// Builds every package: one ESM file and one bundled .d.ts per public entry, into packages/*/dist.
// Each package is one multi-entry build, so code the entries share (error classes, schemas) lands
// once in dist/chunks/ and `instanceof` holds across `@rapport/core` and `@rapport/core/testing`.
// Dependencies and peer dependencies stay external; the host's bundler or import map provides them.
// rollup is pinned to 4.67.4 in package.json: the registry this project installs from lacks most of
// the @rollup/rollup-<platform> optional packages of 4.68.x, and then `npm ci` rejects the lockfile.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';
import { workerBuilds, workerUrls } from './scripts/rollup-workers.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));

/** Public entries per package: output name → source file. Keep in step with `exports`. */
const packages = [
  {
    dir: 'packages/core',
    entries: {
      index: 'src/index.ts',
      testing: 'src/testing/index.ts',
      demo: 'src/demo/index.ts',
      memory: 'src/memory.ts',
      encryption: 'src/encryption.ts',
      sales: 'src/sales/index.ts',
      service: 'src/service/index.ts',
      marketing: 'src/marketing/index.ts',
      analytics: 'src/analytics/index.ts',
      io: 'src/io/index.ts',
      schemas: 'src/schemas.ts',
    },
    // Module workers (scripts/rollup-workers.mjs): output name → source file.
    workers: { 'search-worker': 'src/storage/search-worker.ts' },
  },
  {
    dir: 'packages/elements',
    entries: { index: 'src/index.ts', classes: 'src/classes.ts' },
    // Lit's css``/html`` text, which no JavaScript minifier touches (scripts/minify-templates.mjs).
    plugins: [minifyTemplatesPlugin()],
    // One file per module, so a host that imports one element from `@rapport/elements/classes`
    // bundles that element's modules only (package.json "sideEffects" names the define files).
    preserveModules: true,
  },
];

function externalFor(pkg) {
  const names = [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {}),
  ];
  // Bare dependency names and their subpaths (`zod/mini`, `lit/decorators.js`), Node built-ins.
  return (id) =>
    id.startsWith('node:') || names.some((name) => id === name || id.startsWith(`${name}/`));
}

function configsFor({ dir, entries, plugins = [], workers = {}, preserveModules = false }) {
  const pkgDir = path.join(root, dir);
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const input = {};
  for (const [name, file] of Object.entries(entries)) {
    const abs = path.join(pkgDir, file);
    if (existsSync(abs)) input[name] = abs;
    else console.warn(`rollup.config: ${dir}/${file} does not exist yet; entry "${name}" skipped`);
  }
  if (Object.keys(input).length === 0) return [];

  const tsconfig = path.join(pkgDir, 'tsconfig.json');
  const outDir = path.join(pkgDir, 'dist');
  const external = externalFor(pkg);

  return [
    {
      input,
      external,
      plugins: [
        cleanDir(outDir),
        typescript({
          tsconfig,
          // Type errors are `npm run typecheck`'s job; the build only transpiles.
          noCheck: true,
          include: [`${dir}/src/**/*.ts`],
          exclude: ['**/*.test.ts'],
          declaration: false,
          sourceMap: true,
        }),
        ...plugins,
        workerUrls(workers),
      ],
      output: {
        dir: outDir,
        format: 'es',
        entryFileNames: preserveModules ? moduleFileName : '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        sourcemap: true,
        ...(preserveModules && { preserveModules, preserveModulesRoot: path.join(pkgDir, 'src') }),
      },
      onwarn(warning, warn) {
        // Circular imports inside a package are fine for ESM as long as nothing runs at load time.
        if (warning.code === 'CIRCULAR_DEPENDENCY') return;
        warn(warning);
      },
    },
    {
      input,
      external,
      plugins: [
        dts({
          tsconfig,
          // `paths` point workspace packages at their source for typecheck; in the published
          // declarations they must stay bare imports (`@rapport/core`), which `external` ensures.
          compilerOptions: { noEmit: false, declaration: true, emitDeclarationOnly: true },
        }),
      ],
      output: {
        dir: outDir,
        format: 'es',
        entryFileNames: '[name].d.ts',
        chunkFileNames: 'chunks/[name]-[hash].d.ts',
      },
    },
    ...workerBuilds({ dir: pkgDir, workers, tsconfig }),
  ];
}

/** With `preserveModules`, a helper module from node_modules (tslib) goes to dist/vendor/. */
function moduleFileName(chunk) {
  const id = (chunk.facadeModuleId ?? '').replace(/\\/g, '/');
  return id.includes('/node_modules/') ? `vendor/${path.basename(id)}` : '[name].js';
}

/** Empties dist/ once at the start of a package's build, so renamed entries leave no stale files. */
function cleanDir(dir) {
  return {
    name: 'clean-dist',
    buildStart() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export default packages.flatMap(configsFor);
