// The JSON of `fazhi-report check` carries every fix of a finding, in one shape.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function checkJson(name: string, text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-fixes-'));
  writeFileSync(join(dir, name), text);
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', name], { cwd: dir, encoding: 'utf8' });
  return JSON.parse(r.stdout)[0] as { findings: { rule: string; fix?: { title: string }; fixes?: { title: string; edits?: unknown[]; sameAs?: number }[] }[] };
}

describe('fazhi-report check --format json: fixes', () => {
  it('a missing part comes with both fixes: the insertion, and the insertion with the parts after it renumbered', () => {
    const text = '某区2024年度法治政府建设情况报告\n\n一、主要举措和成效\n\n正文。\n\n二、区政府主要负责人履行推进法治建设第一责任人职责情况\n\n正文。\n\n三、2025年工作安排\n\n正文。\n';
    const finding = checkJson('报告.txt', text).findings.find((f) => f.rule === 'required-section')!;
    expect(finding.fixes!.map((f) => f.title)).toEqual([finding.fix!.title, expect.stringContaining('重新编号其后的标题')]);
    expect(finding.fixes![1].edits!.length).toBeGreaterThan(1);
  });

  it('a renumbering several headings share is written once, and named by the others with sameAs', () => {
    const text = '一、甲\n\n一、乙\n\n一、丙\n\n一、丁\n';
    const findings = checkJson('草稿.txt', text).findings;
    const sequence = findings.map((f, i) => [f, i] as const).filter(([f]) => f.rule === 'heading-sequence');
    expect(sequence).toHaveLength(3);
    const [[first, firstIndex], ...others] = sequence;
    const whole = first.fixes!.find((x) => x.title.startsWith('重新编号'))!;
    expect(whole.edits).toHaveLength(3);
    for (const [f] of others) expect(f.fixes!.find((x) => x.title.startsWith('重新编号'))).toEqual({ title: whole.title, sameAs: firstIndex });
  });
});
