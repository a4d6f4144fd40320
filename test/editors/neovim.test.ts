// The README's Neovim recipe, run as it is in a headless Neovim (Debian's 0.7.2 in CI; .ci/run
// installs it): a real report opened, the server's diagnostics arrive with the right columns on
// Chinese lines, and a code action arrives. A second run counts in UTF-8 as Neovim 0.10 does
// (positionEncoding), types into a Chinese line and runs the README's :FazhiInsertPart, which the
// server applies through workspace/applyEdit. Skipped, saying why, where there is no nvim.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, CORPUS_DIR, ROOT } from '../helpers';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const missing = nvim.error || nvim.status !== 0 ? `no nvim on PATH (${nvim.error?.message ?? nvim.stderr}); .ci/run installs Debian's neovim` : null;
if (missing) console.warn(`[neovim] skipping: ${missing}`);

const EDITORS = join(ROOT, 'test', 'editors');
/** Typed into a Chinese line in the UTF-8 run: a character outside the BMP, and a span with a hyphen (a span-dash finding). */
const TYPED = '𠮷（2019-2020年）';

/** The Lua block the README marks with `<!-- marker`. */
function readmeBlock(marker: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(`<!-- ${marker}`);
  expect(at, `the README marks its ${marker} block`).toBeGreaterThan(0);
  return /```lua\n([\s\S]*?)```/.exec(readme.slice(at))![1];
}

interface Diagnostic {
  lnum: number;
  col: number;
  end_col: number;
  code: string;
  source: string;
  message: string;
}

interface Result {
  version: { major: number; minor: number };
  waited: boolean;
  filetype: string;
  client: string | null;
  offset_encoding: string | null;
  diagnostics: Diagnostic[];
  actions: { title: string; at: string; has_edit: boolean }[];
  edited?: { lnum: number; byte: number; code: string; col: number };
  edit_seen?: boolean;
  diagnostics_edited?: Diagnostic[];
  command_applied?: boolean;
  command_seen?: boolean;
  diagnostics_commanded?: Diagnostic[];
}

/** Opens a copy of a corpus report in `nvim --headless` with `init` (Lua) as its init.lua; what neovim-check.lua saw. */
function runNeovim(init: string, corpusFile: string, edit: boolean): { result: Result; report: string; dir: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-nvim-'));
  // `fazhi-report` on PATH, as after installing the CLI: the recipe names it, not dist/cli.js.
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'fazhi-report'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist', 'cli.js')}" "$@"\n`);
  chmodSync(join(bin, 'fazhi-report'), 0o755);
  writeFileSync(join(dir, 'init.lua'), init);
  const report = join(dir, 'report.txt');
  copyFileSync(join(CORPUS_DIR, corpusFile), report);
  const out = join(dir, 'result.json');
  const run = spawnSync('nvim', ['--headless', '-u', join(dir, 'init.lua'), '-i', 'NONE', '-c', `luafile ${join(EDITORS, 'neovim-check.lua')}`], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 150_000,
    env: {
      ...process.env,
      PATH: `${bin}${delimiter}${process.env.PATH}`,
      FAZHI_NVIM_FILE: report,
      FAZHI_NVIM_OUT: out,
      ...(edit ? { FAZHI_NVIM_EDIT: '1', FAZHI_NVIM_TYPE: TYPED } : {}),
      XDG_CONFIG_HOME: join(dir, 'config'),
      XDG_DATA_HOME: join(dir, 'data'),
      XDG_STATE_HOME: join(dir, 'state'),
    },
  });
  return { result: JSON.parse(readFileSync(out, 'utf8')) as Result, report, dir, stderr: run.stderr };
}

interface Finding {
  rule: string;
  message: string;
  range: { start: { line: number; character: number } };
}

/** The CLI's findings on a file, placed as Neovim places them: line and byte column. */
function cliPlaces(file: string, dir: string): { key: string; col: number; character: number }[] {
  const cli = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', file], { cwd: dir, encoding: 'utf8' });
  const findings = JSON.parse(cli.stdout)[0].findings as Finding[];
  const lines = readFileSync(file, 'utf8').split('\n');
  return findings.map((f) => {
    const col = Buffer.byteLength(lines[f.range.start.line].slice(0, f.range.start.character));
    return { key: `${f.range.start.line}:${col}:${f.rule}`, col, character: f.range.start.character };
  });
}

const places = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.lnum}:${d.col}:${d.code}`).sort();

describe.skipIf(missing !== null)('Neovim with the README recipe', () => {
  it('opens a real report, gets its diagnostics with byte columns right on Chinese lines, and a code action', { timeout: 180_000 }, () => {
    const { result, report, dir, stderr } = runNeovim(readmeBlock('neovim-recipe'), CORPUS.xinyang, false);
    expect(result.filetype).toBe('text');
    expect(result.client).toBe('fazhi-report');
    expect(result.waited, stderr).toBe(true);
    // Neovim 0.10 and later offer UTF-8 and the server takes it; 0.7 to 0.9 count in UTF-16.
    const v = result.version;
    expect(result.offset_encoding).toBe(v.major > 0 || v.minor >= 10 ? 'utf-8' : 'utf-16');

    // The same findings as the CLI, at the same places: Neovim's columns are bytes of the line.
    const expected = cliPlaces(report, dir);
    expect(places(result.diagnostics)).toEqual(expected.map((e) => e.key).sort());
    // Some of them are past Chinese text on their line, where bytes and characters differ.
    expect(expected.filter((e) => e.col !== e.character).length).toBeGreaterThan(0);
    expect(result.diagnostics.every((d) => d.source === '法治报告')).toBe(true);

    expect(result.actions.length).toBeGreaterThan(0);
    expect(result.actions[0].has_edit).toBe(true);
  });

  it('counts in UTF-8 when offered it: diagnostics, an edit typed into a Chinese line, and the README\'s :FazhiInsertPart', { timeout: 180_000 }, () => {
    const init = `dofile(${JSON.stringify(join(EDITORS, 'neovim-utf8.lua'))})\n${readmeBlock('neovim-recipe')}\n${readmeBlock('neovim-commands')}`;
    // Jiangsu's report lacks 存在的不足和原因, which the command inserts.
    const { result, report, dir, stderr } = runNeovim(init, CORPUS.jiangsu, true);
    expect(result.waited, stderr).toBe(true);
    expect(result.offset_encoding).toBe('utf-8');
    expect(places(result.diagnostics)).toEqual(cliPlaces(report, dir).map((e) => e.key).sort());
    expect(result.actions.length).toBeGreaterThan(0);

    // Typed into the middle of a Chinese line before a finding: the server read the UTF-8 range of
    // the change right, so its findings are the CLI's on the text Neovim saved — the finding after
    // moved by the bytes typed, and the span typed found where it was typed.
    const { lnum, byte, code, col } = result.edited ?? expect.fail('a finding past Chinese text to type before');
    expect(result.edit_seen, stderr).toBe(true);
    const edited = readFileSync(`${report}.edited`, 'utf8');
    expect(edited.split('\n')[lnum]).toContain(TYPED);
    expect(places(result.diagnostics_edited!)).toEqual(cliPlaces(`${report}.edited`, dir).map((e) => e.key).sort());
    const onLine = (c: string) => result.diagnostics_edited!.filter((d) => d.lnum === lnum && d.code === c).map((d) => d.col);
    expect(onLine(code)).toContain(col + Buffer.byteLength(TYPED));
    // span-dash marks the hyphen.
    expect(onLine('span-dash')).toContain(byte + Buffer.byteLength('𠮷（2019'));

    // The README's command: the part is inserted by Neovim applying the server's edit, and the finding is gone.
    expect(result.command_applied, stderr).toBe(true);
    const commanded = readFileSync(`${report}.commanded`, 'utf8');
    expect(commanded).toMatch(/^.*存在的不足和原因.*$/m);
    const missingProblems = (d: { code: string; message: string }) => d.code === 'required-section' && d.message.includes('存在的不足和原因');
    expect(result.diagnostics_edited!.some(missingProblems)).toBe(true);
    expect(result.diagnostics_commanded!.some(missingProblems)).toBe(false);
    expect(places(result.diagnostics_commanded!)).toEqual(cliPlaces(`${report}.commanded`, dir).map((e) => e.key).sort());
  });
});
