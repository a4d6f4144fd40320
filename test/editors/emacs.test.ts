// The README's Emacs recipe (eglot), run as it is in `emacs --batch` (Debian's Emacs 28 with
// elpa-eglot in CI; .ci/run installs them): a real report's diagnostics arrive through flymake at
// the CLI's places, and the README's command inserts a missing part through workspace/applyEdit. Skipped, saying why, where Emacs or eglot is missing.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, CORPUS_DIR, ROOT } from '../helpers';

const probe = spawnSync('emacs', ['--batch', '--eval', '(progn (package-initialize) (princ (or (locate-library "eglot") "none")))'], { encoding: 'utf8' });
const missing = probe.error || probe.status !== 0 ? `no emacs on PATH (${probe.error?.message ?? probe.stderr.slice(0, 200)})` : probe.stdout.trim() === 'none' ? 'Emacs has no eglot (Emacs 29+, or Debian\'s elpa-eglot)' : null;
if (missing) console.warn(`[emacs] skipping: ${missing}; .ci/run installs emacs-nox and elpa-eglot`);

function recipe(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return /```elisp\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('**Emacs**')))![1];
}

interface EmacsDiagnostic {
  line: number;
  character: number;
  text: string;
}

interface EmacsResult {
  mode: string;
  managed: boolean;
  diagnostics: EmacsDiagnostic[];
  command_applied?: boolean;
  diagnostics_commanded?: EmacsDiagnostic[];
}

/** Opens a copy of a corpus report in `emacs --batch` with the README's recipe; what emacs-check.el saw. */
function runEmacs(corpusFile: string, part?: string): { result: EmacsResult; report: string; dir: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-emacs-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'fazhi-report'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist', 'cli.js')}" "$@"\n`);
  chmodSync(join(bin, 'fazhi-report'), 0o755);
  writeFileSync(join(dir, 'init.el'), recipe());
  const report = join(dir, 'report.txt');
  copyFileSync(join(CORPUS_DIR, corpusFile), report);
  const out = join(dir, 'result.json');
  const run = spawnSync('emacs', ['--batch', '-l', join(dir, 'init.el'), '-l', join(ROOT, 'test', 'editors', 'emacs-check.el')], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 150_000,
    env: { ...process.env, HOME: dir, PATH: `${bin}${delimiter}${process.env.PATH}`, FAZHI_EMACS_FILE: report, FAZHI_EMACS_OUT: out, ...(part ? { FAZHI_EMACS_PART: part } : {}) },
  });
  return { result: JSON.parse(readFileSync(out, 'utf8')) as EmacsResult, report, dir, stderr: run.stderr };
}

/** The CLI's findings on `file` and eglot's diagnostics, both as `line:character:rule` (characters are code points in both). */
function compare(file: string, dir: string, diagnostics: EmacsDiagnostic[]): { got: string[]; expected: string[]; placed: number } {
  const cli = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', file], { cwd: dir, encoding: 'utf8' });
  const findings = JSON.parse(cli.stdout)[0].findings as { rule: string; line: number; column: number; endLine: number; endColumn: number }[];
  // An empty range (a place, not a text) flymake marks on a character beside it: compared by line only.
  const empty = new Set(findings.filter((f) => f.line === f.endLine && f.column === f.endColumn).map((f) => `${f.line - 1}:${f.rule}`));
  const key = (line: number, character: number, rule: string) => (empty.has(`${line}:${rule}`) ? `${line}:*:${rule}` : `${line}:${character}:${rule}`);
  // eglot shows `source [rule]: message`.
  const got = diagnostics.map((d) => key(d.line, d.character, /\[([a-z0-9-]+)\]/.exec(d.text)?.[1] ?? '?')).sort();
  return { got, expected: findings.map((f) => key(f.line - 1, f.column - 1, f.rule)).sort(), placed: findings.length - empty.size };
}

describe.skipIf(missing !== null)('Emacs eglot with the README recipe', () => {
  it('opens a real report and gets its diagnostics at the places the CLI gives', { timeout: 180_000 }, () => {
    const { result, report, dir, stderr } = runEmacs(CORPUS.xinyang);
    expect(result.mode).toBe('text-mode');
    expect(result.managed, stderr).toBe(true);
    const { got, expected, placed } = compare(report, dir, result.diagnostics);
    expect(got).toEqual(expected);
    expect(placed).toBeGreaterThan(5);
  });

  it("runs the README's fazhi-report-insert-part: the server's edit applied by eglot, the finding gone", { timeout: 180_000 }, () => {
    // Jiangsu's report lacks 存在的不足和原因.
    const { result, report, dir, stderr } = runEmacs(CORPUS.jiangsu, 'problems');
    expect(result.managed, stderr).toBe(true);
    const missingProblems = (d: EmacsDiagnostic) => d.text.includes('[required-section]') && d.text.includes('存在的不足和原因');
    expect(result.diagnostics.some(missingProblems)).toBe(true);
    expect(result.command_applied, stderr).toBe(true);
    expect(readFileSync(`${report}.commanded`, 'utf8')).toMatch(/^.*存在的不足和原因.*$/m);
    expect(result.diagnostics_commanded!.some(missingProblems)).toBe(false);
    const { got, expected } = compare(`${report}.commanded`, dir, result.diagnostics_commanded!);
    expect(got).toEqual(expected);
  });
});
