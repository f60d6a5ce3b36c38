// `npm start`: build every package with rollup, then serve the repository root so the demo
// portal (examples/portal/index.html) can `import '@rapport/elements'` and `'@rapport/core'`
// as bare specifiers: @web/dev-server's node resolution maps them to packages/*/dist through
// the workspace links and finds their dependencies (lit, zod, idb, …) in node_modules.
// PORT picks the port (default 8000); HOST the interface (default localhost).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8000);
const hostname = process.env.HOST ?? 'localhost';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${JSON.stringify(process.env.PORT)}`);
  process.exit(1);
}

const rollup = path.join(root, 'node_modules', 'rollup', 'dist', 'bin', 'rollup');
const build = spawnSync(process.execPath, [rollup, '-c'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('Build failed; not starting the server.');
  process.exit(build.status ?? 1);
}

await startDevServer({
  config: {
    rootDir: root,
    port,
    hostname,
    // Packages' production builds (the dev server would pick their `development` builds: Lit's
    // is larger, slower and warns in the console), as a host's production bundle gets them.
    nodeResolve: { exportConditions: ['production'] },
    watch: false,
    open: false,
    // @tanstack/query-core reads process.env.NODE_ENV, which only bundlers define; a page loading
    // modules unbundled needs it defined, as any host bundler would.
    plugins: [
      esbuildPlugin({
        js: true,
        define: { 'process.env.NODE_ENV': '"production"' },
        target: 'es2022',
      }),
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});

console.log(`\nRapport demo portal: http://${hostname}:${port}/examples/portal/`);
console.log('Press Ctrl+C to stop.');
