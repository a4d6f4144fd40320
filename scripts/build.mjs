// Bundles the extension client, the language server, the CLI and the
// analysis library into dist/ (CommonJS for Node 20 and VS Code).
import { build } from 'esbuild';
import { chmod, cp, mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(pkg.version), __HOMEPAGE__: JSON.stringify(pkg.homepage) },
  // ESM builds first: jsonc-parser's UMD build loads its parts with a dynamic require that a bundle cannot follow.
  mainFields: ['module', 'main'],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  {
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    // tinyglobby's fdir (an ES module) asks import.meta.url for createRequire: the bundle's own URL.
    banner: { js: "#!/usr/bin/env node\nconst __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { ...common.define, 'import.meta.url': '__importMetaUrl' },
  },
  { entryPoints: ['server/src/library.ts'], outfile: 'dist/analysis.js' },
  // The document readers (.docx, .doc, .wps, .pdf, text encodings), until the CLI and the server use them.
  { entryPoints: ['server/src/documents/index.ts'], outfile: 'dist/documents.js' },
  // The review's worker threads (fazhi-report review, 审阅文件夹): one file at a time on each core.
  { entryPoints: ['server/src/review/worker.ts'], outfile: 'dist/review-worker.js' },
];

// First the generated data: the phrase bank's pinyin and the snippet file.
const generator = join(tmpdir(), `fazhi-report-generate-${process.pid}.cjs`);
await build({ ...common, sourcemap: false, entryPoints: ['scripts/generate.ts'], outfile: generator });
try {
  execFileSync(process.execPath, [generator], { stdio: 'inherit', env: { ...process.env, FAZHI_REPORT_ROOT: process.cwd() } });
} finally {
  await rm(generator, { force: true });
}

await Promise.all(entries.map((e) => build({ ...common, ...e })));
// PDF.js reads the character maps of CJK fonts that are not embedded from files: next to the bundles.
await rm('dist/pdfjs', { recursive: true, force: true });
await mkdir('dist/pdfjs', { recursive: true });
await cp(join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps'), 'dist/pdfjs/cmaps', { recursive: true });
await chmod('dist/cli.js', 0o755);
// The library's types (dist/types/), from the same sources: `fazhi-report` and `fazhi-report/analysis` in TypeScript.
await rm('dist/types', { recursive: true, force: true });
execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.lib.json'], { stdio: 'inherit' });
