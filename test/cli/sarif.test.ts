// SARIF that GitHub code scanning accepts (issue #22): checked by Microsoft's SARIF Multitool
// with the GitHub rules, URIs relative to %SRCROOT%, fingerprints that survive unrelated edits.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { CORPUS, CORPUS_DIR, ROOT } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function sarif(args: string[], cwd: string): Sarif.Log {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'sarif', ...args], { cwd, encoding: 'utf8' });
  return JSON.parse(r.stdout) as Sarif.Log;
}

const DRAFT = '某区2024年度法治政府建设情况报告\n\n一、主要举措和成效\n\n全年受理矛盾纠纷1195件，调解成功1194件，调解成功率达98%。\n\n全年召开专题会议XX次。\n';

/** The multitool's binary from npm (@microsoft/sarif-multitool), or why it cannot run here. */
function multitool(): { path: string } | { skip: string } {
  let path: string;
  try {
    path = require('@microsoft/sarif-multitool') as string;
  } catch (error) {
    return { skip: `@microsoft/sarif-multitool is not installed: ${String(error)}` };
  }
  if (!existsSync(path)) return { skip: `no multitool binary for ${process.platform}-${process.arch} (${path})` };
  const probe = spawnSync(path, ['--version'], { encoding: 'utf8', env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
  if (probe.status !== 0) return { skip: `the multitool does not start here: ${probe.error?.message ?? probe.stderr.slice(0, 300)}` };
  return { path };
}

const tool = multitool();
if ('skip' in tool) console.warn(`[sarif] skipping the SARIF Multitool check: ${tool.skip}`);

describe('SARIF for GitHub code scanning', () => {
  it.skipIf('skip' in tool)('passes the SARIF Multitool with the GitHub rules: no error, no warning', { timeout: 300_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-sarif-'));
    for (const name of Object.values(CORPUS)) copyFileSync(join(CORPUS_DIR, name), join(dir, name));
    writeFileSync(join(dir, '2025年报告.txt'), DRAFT);
    writeFileSync(join(dir, 'results.sarif'), JSON.stringify(sarif(['.'], dir)));
    const out = join(dir, 'validation.sarif');
    const r = spawnSync((tool as { path: string }).path, ['validate', '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note', '--output', out, join(dir, 'results.sarif')], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const validation = JSON.parse(readFileSync(out, 'utf8')) as Sarif.Log;
    const problems = (validation.runs[0].results ?? []).filter((x) => x.level === 'error' || x.level === 'warning').map((x) => `${x.ruleId}: ${x.message.text ?? x.message.id}`);
    expect(problems).toEqual([]);
    // Notes we leave, with the reason: rule ids are words, not `CS2001` (SARIF2009); names are the
    // Chinese rule names a writer knows, not Pascal-case (SARIF2012); messages are whole sentences (SARIF2002);
    // no version control or embedded files (SARIF2003, SARIF2013); no network here (SARIF2006).
    const notes = new Set((validation.runs[0].results ?? []).map((x) => x.ruleId));
    for (const id of notes) expect(['SARIF2002', 'SARIF2003', 'SARIF2006', 'SARIF2009', 'SARIF2012', 'SARIF2013']).toContain(id);
  });

  it('describes each rule as code scanning shows it: name, descriptions, help in text and Markdown, a help link, tags', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-sarif-'));
    writeFileSync(join(dir, 'a.txt'), DRAFT);
    const driver = sarif(['a.txt'], dir).runs[0].tool.driver;
    expect(driver.informationUri).toMatch(/^https:\/\//);
    const rate = driver.rules!.find((r) => r.id === 'rate-mismatch')!;
    expect(rate.name).toBe('比率不符');
    expect(rate.shortDescription!.text).toContain('比率');
    expect(rate.fullDescription!.text).toContain('1194/1195');
    expect(rate.help!.text).toContain('为什么');
    expect(rate.help!.markdown).toContain('`受理1195件');
    expect(rate.helpUri).toMatch(/^https:\/\/.*#rules$/);
    expect(rate.properties!.tags).toEqual(['numbers']);
    for (const r of driver.rules!) expect(r.fullDescription?.text && r.help?.text && r.help.markdown, r.id).toBeTruthy();
  });

  it('names files relative to %SRCROOT% (--sarif-root, default the current folder), Chinese names percent-encoded, others absolute', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-sarif-'));
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', '2025年报告.txt'), DRAFT);
    const outside = join(mkdtempSync(join(tmpdir(), 'fazhi-outside-')), 'b.txt');
    writeFileSync(outside, DRAFT);
    const run = sarif(['reports', outside], dir).runs[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: pathToFileURL(dir).href + '/' } });
    expect(run.artifacts!.map((a) => a.location)).toEqual([{ uri: 'reports/2025%E5%B9%B4%E6%8A%A5%E5%91%8A.txt', uriBaseId: '%SRCROOT%' }, { uri: pathToFileURL(outside).href }]);
    const rooted = sarif(['--sarif-root', 'reports', 'reports'], dir).runs[0];
    expect(rooted.artifacts![0].location).toEqual({ uri: '2025%E5%B9%B4%E6%8A%A5%E5%91%8A.txt', uriBaseId: '%SRCROOT%' });
    expect(rooted.automationDetails).toEqual({ id: 'fazhi-report/' });
  });

  it('keeps each finding\u2019s fingerprint when a paragraph is added above it, and tells identical findings apart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-sarif-'));
    const twice = DRAFT + '\n全年召开专题会议XX次。\n';
    writeFileSync(join(dir, 'a.txt'), twice);
    const before = sarif(['a.txt'], dir).runs[0].results!;
    writeFileSync(join(dir, 'a.txt'), twice.replace('一、主要举措和成效\n', '一、主要举措和成效\n\n新增的一段说明文字。\n'));
    const after = sarif(['a.txt'], dir).runs[0].results!;
    const prints = (results: Sarif.Result[]) => results.map((r) => `${r.ruleId} ${r.partialFingerprints!['fazhiReportFinding/v1']}`).sort();
    expect(prints(after)).toEqual(prints(before));
    expect(after.find((r) => r.ruleId === 'placeholder')!.locations![0].physicalLocation!.region!.startLine).toBe(before.find((r) => r.ruleId === 'placeholder')!.locations![0].physicalLocation!.region!.startLine! + 2);
    const placeholders = after.filter((r) => r.ruleId === 'placeholder').map((r) => r.partialFingerprints!['fazhiReportFinding/v1']);
    expect(placeholders).toHaveLength(2);
    expect(new Set(placeholders).size).toBe(2);
  });

  it('shows the finding\u2019s text and its line as snippets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-sarif-'));
    writeFileSync(join(dir, 'a.txt'), DRAFT);
    const result = sarif(['a.txt'], dir).runs[0].results!.find((r) => r.ruleId === 'placeholder')!;
    const physical = result.locations![0].physicalLocation!;
    expect(physical.region!.snippet).toEqual({ text: 'XX' });
    expect(physical.contextRegion!.snippet).toEqual({ text: '全年召开专题会议XX次。' });
  });
});
