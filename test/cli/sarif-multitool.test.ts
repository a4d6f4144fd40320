// SARIF that GitHub code scanning accepts (issue #22): Microsoft's SARIF Multitool from npm
// (@microsoft/sarif-multitool, its linux build from @microsoft/sarif-multitool-linux) validates
// the SARIF of a folder of real reports — text, Word, PDF and .doc — with the SARIF and GitHub rules.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { CORPUS, CORPUS_DIR, FIXTURES, ROOT } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');
// .NET wants ICU unless told to run without it; the checks need no culture data.
const ENV = { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' };

/** The multitool's binary, or exactly why it cannot run here. */
function multitool(): { path: string } | { skip: string } {
  let path: string;
  try {
    path = require('@microsoft/sarif-multitool') as string;
  } catch (error) {
    return { skip: `@microsoft/sarif-multitool is not installed: ${String(error)}` };
  }
  if (!existsSync(path)) return { skip: `no multitool binary for ${process.platform}-${process.arch} (${path})` };
  const probe = spawnSync(path, ['--version'], { encoding: 'utf8', env: ENV });
  if (probe.status !== 0) return { skip: `the multitool does not start here (exit ${probe.status}): ${probe.error?.message ?? (probe.stderr || probe.stdout).slice(0, 300)}` };
  return { path };
}

const tool = multitool();
if ('skip' in tool) console.warn(`[sarif-multitool] skipped: ${tool.skip}`);

/**
 * Notes the multitool leaves, each with the reason we accept it:
 * - SARIF2002 (message arguments): messages are whole Chinese sentences made per finding, not templates;
 * - SARIF2003 (versionControlProvenance): the CLI does not know the repository; code scanning's upload adds it;
 * - SARIF2006 (URIs reachable): the help links and $schema are on the web, and this machine has no network;
 * - SARIF2009 (ids like CS2001): rule ids are words the user writes in settings (`placeholder`), as ESLint's;
 * - SARIF2013 (embedded file content): reports are large; code scanning reads the files from the checkout.
 */
const ACCEPTED_NOTES = ['SARIF2002', 'SARIF2003', 'SARIF2006', 'SARIF2009', 'SARIF2013'];

const DRAFT = '某区2025年度法治政府建设情况报告\n\n一、主要举措和成效\n\n全年受理矛盾纠纷1195件，调解成功1194件，调解成功率达98%。\n\n全年召开专题会议XX次。\n';

describe('SARIF for GitHub code scanning, validated by the SARIF Multitool', () => {
  it.skipIf('skip' in tool)('finds no error and no warning with --rule-kind "Sarif;Gh" in the SARIF of a folder of reports', { timeout: 300_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-sarif-multitool-'));
    for (const name of Object.values(CORPUS)) copyFileSync(join(CORPUS_DIR, name), join(dir, name));
    for (const name of ['report-numbered.docx', 'report.pdf', 'report.doc']) copyFileSync(join(FIXTURES, 'documents', name), join(dir, name));
    writeFileSync(join(dir, '2025年报告.md'), DRAFT);
    const checked = spawnSync(process.execPath, [CLI, 'check', '--format', 'sarif', '-o', 'results.sarif', '.'], { cwd: dir, encoding: 'utf8' });
    expect(checked.status, checked.stderr).toBe(1);
    const log = JSON.parse(readFileSync(join(dir, 'results.sarif'), 'utf8')) as Sarif.Log;
    expect(log.runs[0].artifacts).toHaveLength(7);
    expect(log.runs[0].results!.filter((r) => /\.(docx|pdf|doc)$/.test(r.locations![0].physicalLocation!.artifactLocation!.uri!)).length).toBeGreaterThan(0);

    const out = join(dir, 'validation.sarif');
    const r = spawnSync((tool as { path: string }).path, ['validate', '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note', '--output', out, join(dir, 'results.sarif')], { encoding: 'utf8', env: ENV });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const found = JSON.parse(readFileSync(out, 'utf8')) as Sarif.Log;
    const results = found.runs[0].results ?? [];
    // A result without a level is a warning (SARIF 3.27.10): the multitool writes its warnings so.
    const problems = results.filter((x) => (x.level ?? 'warning') === 'error' || (x.level ?? 'warning') === 'warning').map((x) => `${x.ruleId} ${x.level}: ${JSON.stringify(x.message)}`);
    expect(problems).toEqual([]);
    const notes = [...new Set(results.map((x) => x.ruleId!))].sort();
    expect(notes.filter((id) => !ACCEPTED_NOTES.includes(id))).toEqual([]);
  });
});
