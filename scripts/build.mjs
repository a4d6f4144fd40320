// Bundles the extension client, the language server, the CLI and the
// analysis library into dist/ (CommonJS for Node 20 and VS Code).
import { build } from 'esbuild';
import { chmod, readFile } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(pkg.version) },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/analysis/index.ts'], outfile: 'dist/analysis.js' },
];

await Promise.all(entries.map((e) => build({ ...common, ...e })));
await chmod('dist/cli.js', 0o755);
