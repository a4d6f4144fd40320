// The README's Neovim recipe, run as it is in a headless Neovim (Debian's 0.7.2 in CI; .ci/run
// installs it): a real report opened, the server's diagnostics arrive with the right columns on
// Chinese lines, and a code action arrives. Skipped, saying why, where there is no nvim.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, CORPUS_DIR, ROOT } from '../helpers';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const missing = nvim.error || nvim.status !== 0 ? `no nvim on PATH (${nvim.error?.message ?? nvim.stderr}); .ci/run installs Debian's neovim` : null;
if (missing) console.warn(`[neovim] skipping: ${missing}`);

/** The Lua block the README marks as the Neovim recipe. */
function recipe(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const marker = readme.indexOf('<!-- neovim-recipe');
  expect(marker, 'the README marks its Neovim recipe').toBeGreaterThan(0);
  const block = /```lua\n([\s\S]*?)```/.exec(readme.slice(marker))!;
  return block[1];
}

interface Result {
  waited: boolean;
  filetype: string;
  client: string | null;
  diagnostics: { lnum: number; col: number; end_col: number; code: string; source: string; message: string }[];
  actions: { title: string; at: string; has_edit: boolean }[];
}

describe.skipIf(missing !== null)('Neovim with the README recipe', () => {
  it('opens a real report, gets its diagnostics with byte columns right on Chinese lines, and a code action', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-nvim-'));
    // `fazhi-report` on PATH, as after installing the CLI: the recipe names it, not dist/cli.js.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'fazhi-report'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist', 'cli.js')}" "$@"\n`);
    chmodSync(join(bin, 'fazhi-report'), 0o755);
    const init = join(dir, 'init.lua');
    writeFileSync(init, recipe());
    const report = join(dir, 'report.txt');
    copyFileSync(join(CORPUS_DIR, CORPUS.xinyang), report);
    const out = join(dir, 'result.json');
    const run = spawnSync('nvim', ['--headless', '-u', init, '-i', 'NONE', '-c', `luafile ${join(ROOT, 'test', 'editors', 'neovim-check.lua')}`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 100_000,
      env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, FAZHI_NVIM_FILE: report, FAZHI_NVIM_OUT: out, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), XDG_STATE_HOME: join(dir, 'state') },
    });
    const result = JSON.parse(readFileSync(out, 'utf8')) as Result;
    expect(result.filetype).toBe('text');
    expect(result.client).toBe('fazhi-report');
    expect(result.waited, run.stderr).toBe(true);

    // The same findings as the CLI, at the same places: Neovim's columns are bytes of the line.
    const cli = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', 'report.txt'], { cwd: dir, encoding: 'utf8' });
    const findings = JSON.parse(cli.stdout)[0].findings as { rule: string; range: { start: { line: number; character: number } } }[];
    const lines = readFileSync(report, 'utf8').split('\n');
    const expected = findings.map((f) => ({ code: f.rule, lnum: f.range.start.line, col: Buffer.byteLength(lines[f.range.start.line].slice(0, f.range.start.character)), character: f.range.start.character }));
    const got = result.diagnostics.map((d) => ({ code: d.code, lnum: d.lnum, col: d.col }));
    const key = (x: { code: string; lnum: number; col: number }) => `${x.lnum}:${x.col}:${x.code}`;
    expect(got.map(key).sort()).toEqual(expected.map(key).sort());
    // Some of them are past Chinese text on their line, where bytes and characters differ.
    expect(expected.filter((e) => e.col !== e.character).length).toBeGreaterThan(0);
    expect(result.diagnostics.every((d) => d.source === '法治报告')).toBe(true);

    expect(result.actions.length).toBeGreaterThan(0);
    expect(result.actions[0].has_edit).toBe(true);
  });
});
