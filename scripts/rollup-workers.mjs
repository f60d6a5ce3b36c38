// Module workers in the published packages. Source code starts a worker the way bundlers and dev
// servers understand, `new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' })`
// (the dev servers serve the .ts; Vite and webpack bundle it). For dist/:
//   - workerBuilds() builds each worker as ONE self-contained file, dist/<name>.js: nothing
//     external, no chunks, because a module worker sees neither the page's import map nor its
//     bundler, and must load with no bare imports;
//   - workerUrls() rewrites the URL in every emitted chunk to that file, relative to the chunk
//     (`./search-worker.js` from dist/index.js, `../search-worker.js` from dist/chunks/), keeping
//     the `new URL(…, import.meta.url)` form so a host's bundler still finds and copies it.
import path from 'node:path';
import typescript from '@rollup/plugin-typescript';

/** @param {Record<string, string>} workers output name → source file, relative to the package */
export function workerUrls(workers) {
  return {
    name: 'worker-urls',
    renderChunk(code, chunk) {
      let out = code;
      for (const [name, file] of Object.entries(workers)) {
        const source = `./${path.posix.basename(file)}`;
        let target = path.posix.relative(path.posix.dirname(chunk.fileName), `${name}.js`);
        if (!target.startsWith('.')) target = `./${target}`;
        for (const quote of [`'`, `"`]) {
          out = out.replaceAll(
            `new URL(${quote}${source}${quote}, import.meta.url)`,
            `new URL(${quote}${target}${quote}, import.meta.url)`,
          );
        }
      }
      // Only a path inside a string changed: the source map still holds.
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * One rollup config per worker: dist/<name>.js with everything inlined. Run after the package's
 * main build, which empties dist/ first.
 */
export function workerBuilds({ dir, workers, tsconfig }) {
  return Object.entries(workers).map(([name, file]) => ({
    input: path.join(dir, file),
    plugins: [
      typescript({
        tsconfig,
        noCheck: true,
        include: [`${path.relative(process.cwd(), dir)}/src/**/*.ts`],
        exclude: ['**/*.test.ts'],
        declaration: false,
        sourceMap: true,
      }),
    ],
    output: {
      file: path.join(dir, 'dist', `${name}.js`),
      format: 'es',
      sourcemap: true,
    },
  }));
}
