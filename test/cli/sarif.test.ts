// SARIF that GitHub code scanning accepts (issue #22): rules described as code scanning shows them,
// URIs relative to %SRCROOT%, fingerprints that survive unrelated edits (the multitool's check: sarif-multitool.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function sarif(args: string[], cwd: string): Sarif.Log {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'sarif', ...args], { cwd, encoding: 'utf8' });
  return JSON.parse(r.stdout) as Sarif.Log;
}

const DRAFT = '某区2024年度法治政府建设情况报告\n\n一、主要举措和成效\n\n全年受理矛盾纠纷1195件，调解成功1194件，调解成功率达98%。\n\n全年召开专题会议XX次。\n';

describe('SARIF for GitHub code scanning', () => {
  it('describes each rule as code scanning shows it: name, descriptions, help in text and Markdown, a help link, tags', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-sarif-'));
    writeFileSync(join(dir, 'a.txt'), DRAFT);
    const run = sarif(['a.txt'], dir).runs[0];
    const driver = run.tool.driver;
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(driver).toMatchObject({ name: 'fazhi-report', version, semanticVersion: version });
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(run.columnKind).toBe('utf16CodeUnits');
    const rate = driver.rules!.find((r) => r.id === 'rate-mismatch')!;
    expect(rate.name).toBe('RateMismatch');
    expect(rate.defaultConfiguration).toEqual({ level: 'warning' });
    expect(rate.shortDescription!.text).toContain('比率不符');
    expect(rate.fullDescription!.text).toContain('1194/1195');
    expect(rate.help!.text).toContain('为什么');
    expect(rate.help!.markdown).toContain('`受理1195件');
    expect(rate.helpUri).toMatch(/^https:\/\/.*#rules$/);
    expect(rate.properties!.tags).toEqual(['numbers']);
    for (const r of driver.rules!) {
      expect(r.fullDescription?.text && r.help?.text && r.help.markdown, r.id).toBeTruthy();
      expect(r.name, r.id).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    }
    expect(new Set(driver.rules!.map((r) => r.name)).size).toBe(driver.rules!.length);
  });

  it('names files relative to %SRCROOT% (--sarif-root, default the current folder), Chinese names percent-encoded, others absolute', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-sarif-'));
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', '2025年报告.md'), DRAFT);
    const outside = join(mkdtempSync(join(tmpdir(), 'fazhi-outside-')), 'b.txt');
    writeFileSync(outside, DRAFT);
    const run = sarif(['reports', outside], dir).runs[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: pathToFileURL(dir).href + '/' } });
    expect(run.artifacts!.map((a) => a.location)).toEqual([{ uri: 'reports/2025%E5%B9%B4%E6%8A%A5%E5%91%8A.md', uriBaseId: '%SRCROOT%' }, { uri: pathToFileURL(outside).href }]);
    const rooted = sarif(['--sarif-root', 'reports', 'reports'], dir).runs[0];
    expect(rooted.artifacts![0].location).toEqual({ uri: '2025%E5%B9%B4%E6%8A%A5%E5%91%8A.md', uriBaseId: '%SRCROOT%' });
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

  it('keeps a fingerprint when another sentence of its paragraph changes, not when its own does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-sarif-'));
    const print = (paragraph: string) => {
      writeFileSync(join(dir, 'a.txt'), DRAFT.replace('全年召开专题会议XX次。', paragraph));
      return sarif(['a.txt'], dir).runs[0].results!.find((r) => r.ruleId === 'placeholder')!.partialFingerprints!['fazhiReportFinding/v1'];
    };
    const before = print('健全依法决策机制。全年召开专题会议XX次，研究法治建设事项。推进严格规范公正文明执法。');
    expect(print('健全依法决策机制，修订议事规则。全年召开专题会议XX次，研究法治建设事项。推进严格规范公正文明执法，开展执法检查。')).toBe(before);
    expect(print('健全依法决策机制。全年召开常务会议XX次，研究法治建设事项。推进严格规范公正文明执法。')).not.toBe(before);
  });

  it('counts columns from 1 in UTF-16 code units, as columnKind says: 𠮷 is two', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-sarif-'));
    writeFileSync(join(dir, 'a.txt'), DRAFT.replace('全年召开专题会议XX次', '𠮷𠮷召开专题会议XX次'));
    const result = sarif(['a.txt'], dir).runs[0].results!.find((r) => r.ruleId === 'placeholder')!;
    const where = result.locations![0].physicalLocation!.region!;
    expect(where).toMatchObject({ startLine: 7, startColumn: '𠮷𠮷召开专题会议'.length + 1, endColumn: '𠮷𠮷召开专题会议XX'.length + 1 });
    expect(where.startColumn).toBe(11);
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
