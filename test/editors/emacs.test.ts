// The README's Emacs recipe (eglot), run as it is in `emacs --batch` (Debian's Emacs 28 with
// elpa-eglot in CI; .ci/run installs them): a real report's diagnostics arrive through flymake at
// the CLI's places. Skipped, saying why, where Emacs or eglot is missing.
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

describe.skipIf(missing !== null)('Emacs eglot with the README recipe', () => {
  it('opens a real report and gets its diagnostics at the places the CLI gives', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-emacs-'));
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'fazhi-report'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist', 'cli.js')}" "$@"\n`);
    chmodSync(join(bin, 'fazhi-report'), 0o755);
    writeFileSync(join(dir, 'init.el'), recipe());
    const report = join(dir, 'report.txt');
    copyFileSync(join(CORPUS_DIR, CORPUS.xinyang), report);
    const out = join(dir, 'result.json');
    const run = spawnSync('emacs', ['--batch', '-l', join(dir, 'init.el'), '-l', join(ROOT, 'test', 'editors', 'emacs-check.el')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 100_000,
      env: { ...process.env, HOME: dir, PATH: `${bin}${delimiter}${process.env.PATH}`, FAZHI_EMACS_FILE: report, FAZHI_EMACS_OUT: out },
    });
    const result = JSON.parse(readFileSync(out, 'utf8')) as { mode: string; managed: boolean; diagnostics: { line: number; character: number; text: string }[] };
    expect(result.mode).toBe('text-mode');
    expect(result.managed, run.stderr).toBe(true);
    const cli = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', 'report.txt'], { cwd: dir, encoding: 'utf8' });
    const findings = JSON.parse(cli.stdout)[0].findings as { rule: string; line: number; column: number; endLine: number; endColumn: number }[];
    // An empty range (a place, not a text) flymake marks on a character beside it: compared by line only.
    const empty = new Set(findings.filter((f) => f.line === f.endLine && f.column === f.endColumn).map((f) => `${f.line - 1}:${f.rule}`));
    const key = (line: number, character: number, rule: string) => (empty.has(`${line}:${rule}`) ? `${line}:*:${rule}` : `${line}:${character}:${rule}`);
    // eglot shows `source [rule]: message`; Emacs counts characters as the CLI's column does (code points).
    const got = result.diagnostics.map((d) => key(d.line, d.character, /\[([a-z0-9-]+)\]/.exec(d.text)?.[1] ?? '?')).sort();
    expect(got).toEqual(findings.map((f) => key(f.line - 1, f.column - 1, f.rule)).sort());
    expect(findings.length - empty.size).toBeGreaterThan(5);
  });
});
