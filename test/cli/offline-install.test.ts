// Offline installs (issue #24): government office machines often have no internet, so the CLI's
// tarball must install with no registry and the bundles must need nothing from node_modules.
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, CORPUS_DIR, ROOT } from '../helpers';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies?: Record<string, string> };

/** The bare module names a bundle still loads with a literal require(). */
function requiredModules(file: string): string[] {
  const text = readFileSync(join(ROOT, 'dist', file), 'utf8');
  return [...new Set([...text.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)].map((m) => m[1]!))];
}

describe('what runs needs nothing from node_modules', () => {
  it('package.json lists no runtime dependencies: esbuild bundles every library into dist/', () => {
    // A library listed under "dependencies" is fetched by `npm install -g fazhi-report-x.y.z.tgz`,
    // which fails on a machine without a registry. Bundled libraries belong in devDependencies.
    expect(pkg.dependencies ?? {}, 'move these to devDependencies (they are bundled)').toEqual({});
  });

  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  for (const bundle of ['cli.js', 'review-worker.js', 'analysis.js', 'server.js', 'client.js']) {
    it(`dist/${bundle} requires only Node's own modules${bundle === 'client.js' ? ' and vscode' : ''}`, () => {
      const outside = requiredModules(bundle).filter((m) => !builtins.has(m) && !(bundle === 'client.js' && m === 'vscode'));
      expect(outside).toEqual([]);
    });
  }
});

/** Every string in the manifest that names a file of the package, with %keys% read from each translation. */
function manifestFiles(): Set<string> {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const translations = readdirSync(ROOT)
    .filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as Record<string, string>);
  const found = new Set<string>();
  const visit = (value: unknown, key: string): void => {
    if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
    else if (typeof value === 'string' && ['path', 'icon', 'main', 'markdown', 'image', 'svg'].includes(key)) {
      const names = /^%.+%$/.test(value) ? translations.map((t) => t[value.slice(1, -1)]).filter((v): v is string => !!v) : [value];
      for (const name of names) if (!name.startsWith('$(')) found.add(name.replace(/^\.\//, ''));
    }
  };
  visit({ main: manifest.main, icon: manifest.icon, contributes: manifest.contributes }, '');
  return found;
}

describe('the VSIX', () => {
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const listed = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  const files = listed.stdout.split('\n').filter(Boolean);
  // The client starts these bundles by path (context.asAbsolutePath(path.join('dist', …))).
  const started = readdirSync(join(ROOT, 'client', 'src'))
    .flatMap((f) => [...readFileSync(join(ROOT, 'client', 'src', f), 'utf8').matchAll(/path\.join\('dist', '([^']+)'\)/g)].map((m) => `dist/${m[1]}`));
  // The server starts these next to its own bundle (join(__dirname, …): the review's worker threads).
  const besideServer = readdirSync(join(ROOT, 'server', 'src', 'service'))
    .flatMap((f) => [...readFileSync(join(ROOT, 'server', 'src', 'service', f), 'utf8').matchAll(/join\(__dirname, '([^']+)'\)/g)].map((m) => `dist/${m[1]}`));
  const pictures = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\((images\/[^)\s]+)\)/g)].map((m) => m[1]!);
  const needed = new Set([...manifestFiles(), ...started, ...besideServer, ...pictures, 'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE']);

  it('is listed by vsce', () => expect(listed.status, listed.stderr).toBe(0));

  it('holds every file the manifest names, the bundles the client starts and the pictures the README shows', () => {
    expect(started).toContain('dist/server.js');
    expect(pictures.length).toBeGreaterThan(0);
    expect([...needed].filter((f) => !files.includes(f))).toEqual([]);
  });

  it("holds PDF.js's character maps, which the review's PDF reader loads from dist/pdfjs/cmaps", () => {
    expect(files).toContain('dist/pdfjs/cmaps/UniGB-UCS2-H.bcmap');
  });

  it('holds nothing else: no sources, tests, source maps or node_modules', () => {
    const translations = files.filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f) || f.startsWith('l10n/bundle.l10n.'));
    expect(translations).toContain('package.nls.zh-cn.json');
    // The client's messages in Chinese (vscode.l10n).
    expect(translations).toContain('l10n/bundle.l10n.zh-cn.json');
    const extra = files.filter((f) => !needed.has(f) && !translations.includes(f) && !f.startsWith('dist/pdfjs/cmaps/') && !f.startsWith('syntaxes/') && !f.startsWith('snippets/'));
    expect(extra).toEqual([]);
  });
});

/** npm, with no registry to reach: the address is a closed port, and the cache starts empty. */
function npm(args: string[], cwd: string, cache: string) {
  const env = { ...process.env };
  // Settings `npm test` passes down to its children would otherwise win over ours.
  for (const key of Object.keys(env)) if (/^npm_config_/i.test(key)) delete env[key];
  const r = spawnSync('npm', [...args, '--registry', 'http://127.0.0.1:9', '--cache', cache, '--no-audit', '--no-fund', '--no-update-notifier'], {
    cwd,
    env,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('slow: the packed CLI installs and runs with no registry', () => {
  let dir = '';
  let prefix = '';
  let tarball = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fazhi-offline-'));
    const cache = join(dir, 'empty-cache');
    mkdirSync(cache);
    // `npm test` has just built dist/; packing again would only rebuild it.
    const packed = npm(['pack', '--ignore-scripts', '--pack-destination', dir], ROOT, cache);
    expect(packed.code, packed.stderr).toBe(0);
    tarball = join(dir, `${pkg.name}-${pkg.version}.tgz`);
    expect(existsSync(tarball), `npm pack wrote ${packed.stdout}`).toBe(true);
    prefix = join(dir, 'prefix');
    const installed = npm(['install', '--global', '--offline', '--prefix', prefix, tarball], dir, cache);
    expect(installed.code, installed.stderr).toBe(0);
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const bin = () => (process.platform === 'win32' ? join(prefix, 'fazhi-report.cmd') : join(prefix, 'bin', 'fazhi-report'));
  const installedPackage = () =>
    process.platform === 'win32' ? join(prefix, 'node_modules', 'fazhi-report') : join(prefix, 'lib', 'node_modules', 'fazhi-report');

  it('installs the package alone, with no node_modules of its own', () => {
    const manifest = JSON.parse(readFileSync(join(installedPackage(), 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(existsSync(join(installedPackage(), 'node_modules'))).toBe(false);
    expect(readdirSync(join(installedPackage(), 'dist')).sort()).toEqual(['analysis.js', 'cli.js', 'pdfjs', 'review-worker.js', 'types']);
  });

  it('fazhi-report check on a real report prints what the checker in the clone prints', () => {
    const installed = spawnSync(bin(), ['check', CORPUS.xinyang], { cwd: CORPUS_DIR, encoding: 'utf8', shell: process.platform === 'win32' });
    const local = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', CORPUS.xinyang], { cwd: CORPUS_DIR, encoding: 'utf8' });
    expect(installed.stderr).toBe('');
    expect(installed.stdout).toContain(CORPUS.xinyang);
    expect(installed.stdout).toBe(local.stdout);
    expect(installed.status).toBe(local.status);
  });

  it('fazhi-report export and annotate write Word files from the installed package', () => {
    const draft = join(ROOT, 'samples', '2023-示例区-法治政府建设情况报告.md');
    const opts = { cwd: dir, encoding: 'utf8' as const, shell: process.platform === 'win32' };
    const exported = spawnSync(bin(), ['export', '-o', 'draft.docx', draft], opts);
    expect(exported.status, exported.stderr).toBe(0);
    const annotated = spawnSync(bin(), ['annotate', 'draft.docx'], opts);
    expect(annotated.status, annotated.stderr).toBe(0);
    for (const name of ['draft.docx', 'draft.批注.docx']) expect(readFileSync(join(dir, name)).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('fazhi-report review runs its worker threads from the installed package', () => {
    const args = ['review', '--format', 'csv', CORPUS.xinyang, CORPUS.suxitong];
    const installed = spawnSync(bin(), args, { cwd: CORPUS_DIR, encoding: 'utf8', shell: process.platform === 'win32' });
    const local = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd: CORPUS_DIR, encoding: 'utf8' });
    expect(installed.stderr).toBe('');
    expect(installed.stdout.split('\n')).toHaveLength(local.stdout.split('\n').length);
    expect(installed.stdout).toBe(local.stdout);
    expect(installed.status).toBe(local.status);
  });
});
