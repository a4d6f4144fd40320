// The library as a user installs it (issue #22): the packed tarball in a fresh project, used from
// TypeScript (types checked under node16 and bundler resolution), from CommonJS and ES modules,
// and the CLI from npx — with no registry.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, CORPUS_DIR, ROOT } from '../helpers';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** A command with npm kept off the network: settings `npm test` passes down dropped, an empty cache, a closed registry. */
function run(command: string, args: string[], cwd: string) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^npm_config_/i.test(key)) delete env[key];
  Object.assign(env, { npm_config_cache: join(cwd, '..', 'cache'), npm_config_registry: 'http://127.0.0.1:9', npm_config_update_notifier: 'false' });
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const USE = `import { analyze, analyseReport, ruleDescriptors, type Analysis, type Finding, type AnalyzeOptions } from 'fazhi-report';
import { analyze as fromSubpath } from 'fazhi-report/analysis';

const options: AnalyzeOptions = { format: 'plain', rules: { placeholder: 'warning' } };
const text = '某区2024年度法治政府建设情况报告\\n\\n一、主要举措和成效\\n\\n全年受理1195件，办结1194件，办结率为98%。召开会议XX次。\\n';
const analysis: Analysis = analyze(text, options);
const findings: Finding[] = analysis.findings;
const report = analyseReport(text, options);
const relations = report.relationsAt({ line: 4, character: 30 });
console.log(JSON.stringify({ year: analysis.reportYear, rules: findings.map((f) => f.rule), same: fromSubpath(text, options).findings.length === findings.length, relations: relations.length, descriptors: ruleDescriptors().length > 10 }));
`;

describe('slow: the library from the packed tarball, in a fresh project', () => {
  let dir = '';
  let project = '';
  let tarball = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fazhi-library-'));
    mkdirSync(join(dir, 'cache'));
    const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], ROOT);
    expect(packed.code, packed.stderr).toBe(0);
    tarball = join(dir, `${pkg.name}-${pkg.version}.tgz`);
    project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-fazhi-report', version: '1.0.0', private: true }));
    const installed = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], project);
    expect(installed.code, installed.stderr).toBe(0);
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ships what runs and its types, and no sources, tests, benchmarks or CI files', () => {
    const listed = run('tar', ['-tzf', tarball], dir).stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
    expect(listed).toContain('dist/analysis.js');
    expect(listed).toContain('dist/types/library.d.ts');
    for (const file of ['dist/cli.js', 'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) expect(listed).toContain(file);
    expect(listed.filter((f) => /^(test|bench|\.ci|server\/src|client\/src|scripts)\//.test(f) || f.endsWith('.map'))).toEqual([]);
  });

  // node10 (`moduleResolution: "node"`, older CommonJS projects) ignores `exports`: the subpath's types come from `typesVersions`.
  for (const resolution of [
    { module: 'node16', moduleResolution: 'node16', file: 'use.mts' },
    { module: 'esnext', moduleResolution: 'bundler', file: 'use.mts' },
    { module: 'commonjs', moduleResolution: 'node10', file: 'use.ts' },
  ]) {
    it(`type-checks a TypeScript user of the library (moduleResolution ${resolution.moduleResolution})`, () => {
      const { file, ...options } = resolution;
      writeFileSync(join(project, file), USE);
      const tsconfig = { compilerOptions: { ...options, target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: [file] };
      writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
      const r = run(process.execPath, [TSC, '-p', 'tsconfig.json'], project);
      expect(r.code, r.stdout + r.stderr).toBe(0);
    });
  }

  it('runs from ES modules and from CommonJS, root and subpath alike', () => {
    writeFileSync(join(project, 'use.mjs'), USE.replace(/, type \w+/g, '').replace(/: (Analysis|Finding\[\]|AnalyzeOptions)/g, ''));
    const esm = run(process.execPath, ['use.mjs'], project);
    expect(esm.code, esm.stderr).toBe(0);
    const result = JSON.parse(esm.stdout);
    expect(result).toMatchObject({ year: 2024, same: true, descriptors: true });
    expect(result.rules).toContain('placeholder');
    const cjs = run(process.execPath, ['-e', "const a = require('fazhi-report'); const b = require('fazhi-report/analysis'); console.log(a.analyze === b.analyze, typeof a.analyseReport)"], project);
    expect(cjs.stdout.trim(), cjs.stderr).toBe('true function');
  });

  it('refuses a wrong option with a TypeError that names it and what it takes', () => {
    const r = run(process.execPath, ['-e', "try { require('fazhi-report').analyze('报告', { format: 'txt' }) } catch (e) { console.log(e.constructor.name + ': ' + e.message) }"], project);
    expect(r.stdout.trim()).toBe('TypeError: fazhi-report: format 应为 "markdown" 或 "plain" (format must be one of markdown, plain), 收到 "txt"');
  });

  // The README shows the library in its Chinese section and in the English one; each example is compiled and run
  // as written, and prints what its comments promise.
  for (const section of ['\n## 在程序中使用（库）\n', '\n### The library (库)\n']) {
    it(`runs the README's example under ${section.trim()} as written, compiled by TypeScript`, () => {
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      const at = readme.indexOf(section);
      expect(at, `the README section ${section.trim()}`).toBeGreaterThan(-1);
      const example = /```ts\n([\s\S]*?)```/.exec(readme.slice(at))![1];
      writeFileSync(join(project, 'readme-example.mts'), example);
      const tsconfig = { compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022', strict: true, outDir: 'out', types: [] }, files: ['readme-example.mts'] };
      writeFileSync(join(project, 'tsconfig.readme.json'), JSON.stringify(tsconfig));
      const compiled = run(process.execPath, [TSC, '-p', 'tsconfig.readme.json'], project);
      expect(compiled.code, compiled.stdout + compiled.stderr).toBe(0);
      const r = run(process.execPath, [join('out', 'readme-example.mjs')], project);
      expect(r.code, r.stderr).toBe(0);
      const promises: string[] = [];
      for (const line of example.split('\n')) {
        const promised = /\/\/ (\d+:\d+ .*?\[[\w-]+\])/.exec(line)?.[1] ?? /\/\/ (\[ '.*' \])$/.exec(line)?.[1];
        if (promised) promises.push(promised);
      }
      expect(promises.length).toBeGreaterThan(0);
      for (const promised of promises) expect(r.stdout).toContain(promised);
    });
  }

  it('runs the CLI with npx in the project', () => {
    copyFileSync(join(CORPUS_DIR, CORPUS.jiangsu), join(project, 'report.txt'));
    const r = run('npx', ['--no-install', 'fazhi-report', 'check', '--format', 'json', 'report.txt'], project);
    expect(existsSync(join(project, 'node_modules', '.bin', 'fazhi-report'))).toBe(true);
    expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
    expect(JSON.parse(r.stdout)[0].file).toBe('report.txt');
  });
});
