import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, CORPUS_DIR, ROOT } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CLEAN_REPORT = [
  '# 某区2023年度法治政府建设情况报告',
  '',
  '2023年，我区坚持以习近平法治思想为指导，扎实推进法治政府建设。',
  '',
  '一、推进法治政府建设的主要举措和成效',
  '',
  '全年受理矛盾纠纷1195件，调解成功1194件。',
  '',
  '二、主要负责人履行推进法治建设第一责任人职责情况',
  '',
  '区政府主要负责同志带头学法。',
  '',
  '三、存在的不足和原因',
  '',
  '基层执法力量仍显薄弱。',
  '',
  '四、2024年度推进法治政府建设的主要安排',
  '',
  '2024年，我们将持续深化依法行政。',
  '',
  '某区人民政府',
  '',
  '2024年2月20日',
  '',
].join('\n');

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'fazhi-cli-'));
  writeFileSync(join(tmp, 'clean.md'), CLEAN_REPORT);
  // UTF-8 with a few bytes of GBK pasted in: damaged UTF-8, not a GBK file (read as GBK, its Chinese would be mojibake).
  writeFileSync(join(tmp, 'damaged.txt'), Buffer.concat([Buffer.from('法治政府建设', 'utf8'), Buffer.from([0xb7, 0xa8, 0xd6, 0xce])]));
  writeFileSync(join(tmp, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
  writeFileSync(join(tmp, 'bom.md'), '\ufeff某区2023年度法治政府建设情况报告\n共XX件\n');
  mkdirSync(join(tmp, 'empty'));
  writeFileSync(join(tmp, 'empty', 'image.png'), 'not a report');
  mkdirSync(join(tmp, 'folder'));
  copyFileSync(join(CORPUS_DIR, CORPUS.suxitong), join(tmp, 'folder', 'b.txt'));
  writeFileSync(join(tmp, 'folder', 'a.md'), CLEAN_REPORT);
  writeFileSync(join(tmp, 'folder', 'skip.json'), '{}');
});

describe('fazhi-report check', () => {
  it('prints path:line:col severity message [rule] and a summary, exit 1 on an error', () => {
    const r = run(['check', 'test/fixtures/corpus/']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('test/fixtures/corpus/2022-suxitong-park.txt:36:202: error 遗留占位符“*****”：请填入实际内容 [placeholder]');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^\S+:\d+:\d+: (error|warning|info) .+ \[[a-z-]+\]$/);
    expect(lines.at(-1)).toMatch(/^检查了 3 个文件：\d+ 个错误，\d+ 个警告，\d+ 个提示$/);
    expect(r.stderr).toBe('');
  });

  it('prints one JSON element per report with the report year right', () => {
    const r = run(['check', '--format', 'json', 'test/fixtures/corpus/']);
    const out = JSON.parse(r.stdout);
    expect(out.map((e: { file: string }) => e.file)).toEqual([
      `test/fixtures/corpus/${CORPUS.jiangsu}`,
      `test/fixtures/corpus/${CORPUS.xinyang}`,
      `test/fixtures/corpus/${CORPUS.suxitong}`,
    ]);
    expect(out.map((e: { reportYear: number }) => e.reportYear)).toEqual([2020, 2021, 2022]);
    expect(out.map((e: { reportYearSource: string }) => e.reportYearSource)).toEqual(['title', 'plan', 'title']);
    for (const e of out) {
      expect(Object.keys(e)).toEqual(['file', 'reportYear', 'reportYearSource', 'title', 'sections', 'outline', 'findings']);
      expect(Object.keys(e.sections)).toEqual(['measures', 'firstResponsible', 'problems', 'nextYear', 'other']);
    }
    expect(out[2].title).toEqual({ text: '苏锡通园区2022年度法治政府建设情况报告', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 21 } } });
    expect(out[2].findings.find((f: { rule: string }) => f.rule === 'placeholder')).toEqual({
      rule: 'placeholder',
      severity: 'error',
      message: '遗留占位符“*****”：请填入实际内容',
      range: { start: { line: 35, character: 201 }, end: { line: 35, character: 206 } },
      line: 36,
      column: 202,
      endLine: 36,
      endColumn: 207,
    });
    expect(r.code).toBe(1);
  });

  it('exits 0 when nothing is an error', () => {
    const r = run(['check', join(tmp, 'clean.md')]);
    expect(r.stdout.trim()).toBe('检查了 1 个文件：0 个错误，0 个警告，0 个提示');
    expect(r.code).toBe(0);
  });

  it('walks a directory for the kinds it reads, in a stable order, and names the files it skips', () => {
    const r = run(['check', '--format', 'json', join(tmp, 'folder')]);
    expect(JSON.parse(r.stdout).map((e: { file: string }) => e.file)).toEqual([join(tmp, 'folder', 'a.md'), join(tmp, 'folder', 'b.txt')]);
    expect(r.stderr).toBe(`fazhi-report: 跳过 1 个不支持的文件：${join(tmp, 'folder', 'skip.json')}\n`);
    // A skipped file alone does not change the exit status.
    expect(r.code).toBe(1);
  });

  it('names each unreadable file and the reason, reports the others, and exits 2', () => {
    const r = run(['check', '--format', 'json', join(tmp, 'missing.md'), join(tmp, 'damaged.txt'), join(tmp, 'binary.md'), join(tmp, 'empty'), join(tmp, 'clean.md')]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(5);
    expect(out[0]).toEqual({ file: join(tmp, 'missing.md'), error: '文件或目录不存在' });
    expect(out[1]).toEqual({ file: join(tmp, 'damaged.txt'), error: '不是有效的 UTF-8 编码（第 19 个字节处），请另存为 UTF-8 后再检查' });
    expect(out[2].error).toBe('不是文本文件（第 5 个字节是 NUL 字节）');
    expect(out[3]).toEqual({ file: join(tmp, 'empty'), error: '目录中没有可检查的 .md、.markdown、.txt、.docx、.doc、.wps 或 .pdf 文件' });
    expect(out[4].reportYear).toBe(2023);
    expect(r.stderr).toContain(`fazhi-report: ${join(tmp, 'damaged.txt')}: 不是有效的 UTF-8 编码（第 19 个字节处）`);
    expect(r.stderr).toContain(`fazhi-report: ${join(tmp, 'missing.md')}: 文件或目录不存在`);
  });

  it('drops a UTF-8 BOM so that positions stay right', () => {
    const out = JSON.parse(run(['check', '--format', 'json', join(tmp, 'bom.md')]).stdout);
    expect(out[0].title.text).toBe('某区2023年度法治政府建设情况报告');
    expect(out[0].findings.find((f: { rule: string }) => f.rule === 'placeholder').range.start).toEqual({ line: 1, character: 1 });
  });

  it('exits 2 with the usage on wrong usage', () => {
    for (const args of [['check'], ['check', '--format', 'xml', 'a.md'], ['check', '--bogus', 'a.md'], ['check', '--year', '22', 'a.md'], ['frobnicate'], []]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('用法');
    }
  });

  it('takes the report year from --year', () => {
    const out = JSON.parse(run(['check', '--format', 'json', '--year', '2019', `test/fixtures/corpus/${CORPUS.suxitong}`]).stdout);
    expect([out[0].reportYear, out[0].reportYearSource]).toEqual([2019, 'option']);
  });

  it('reads the editor settings from --config', () => {
    const config = join(tmp, 'config.json');
    writeFileSync(config, JSON.stringify({ 'fazhiReport.rules': { placeholder: 'warning' }, 'fazhiReport.reportYear': 2021 }));
    const r = run(['check', '--format', 'json', '--config', config, `test/fixtures/corpus/${CORPUS.suxitong}`]);
    const out = JSON.parse(r.stdout);
    expect(out[0].findings.find((f: { rule: string }) => f.rule === 'placeholder').severity).toBe('warning');
    expect(out[0].reportYear).toBe(2021);
    expect(r.code).toBe(0);

    const nested = join(tmp, 'nested.json');
    writeFileSync(nested, JSON.stringify({ fazhiReport: { rules: { placeholder: 'off', 'no-such-rule': 'error' } } }));
    const r2 = run(['check', '--config', nested, `test/fixtures/corpus/${CORPUS.suxitong}`]);
    expect(r2.code).toBe(0);
    expect(r2.stderr).toContain('规则“no-such-rule”不存在');

    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, '{ "rules": ');
    const r3 = run(['check', '--config', broken, `test/fixtures/corpus/${CORPUS.suxitong}`]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain(`${broken}: 配置文件不是有效的 JSON`);
  });

  it('skips a 20 MB file with one info finding and goes on with the others', () => {
    const huge = join(tmp, 'huge.txt');
    writeFileSync(huge, '全年办结案件30件。\n'.repeat((20 * 1024 * 1024) / 27));
    const r = run(['check', '--format', 'json', huge, join(tmp, 'clean.md')]);
    const out = JSON.parse(r.stdout);
    expect(out[0].findings).toEqual([expect.objectContaining({ rule: 'file-size', severity: 'info' })]);
    expect(out[0].findings[0].message).toMatch(/^文件过大（20\.0 MB，超过 5\.0 MB 上限），已跳过检查/);
    expect(out[1].reportYear).toBe(2023);
    expect(r.code).toBe(0);
  });

  it('skips a file over the size limit with one info finding', () => {
    const config = join(tmp, 'small.json');
    writeFileSync(config, JSON.stringify({ maxFileSize: 1000 }));
    const r = run(['check', '--format', 'json', '--config', config, `test/fixtures/corpus/${CORPUS.suxitong}`]);
    const out = JSON.parse(r.stdout);
    expect(out[0].findings).toHaveLength(1);
    expect(out[0].findings[0]).toMatchObject({ rule: 'file-size', severity: 'info' });
    expect(out[0].findings[0].message).toContain('已跳过检查');
    expect(r.code).toBe(0);
  });
});

describe('fazhi-report check --format sarif', () => {
  it('is SARIF 2.1.0, field by field', () => {
    const json = JSON.parse(run(['check', '--format', 'json', 'test/fixtures/corpus/']).stdout);
    const r = run(['check', '--format', 'sarif', 'test/fixtures/corpus/', join(tmp, 'missing.md')]);
    expect(r.code).toBe(2);
    const log = JSON.parse(r.stdout) as Sarif.Log;
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
    const run0 = log.runs[0];
    expect(run0.tool.driver.name).toBe('fazhi-report');
    expect(run0.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(run0.columnKind).toBe('utf16CodeUnits');
    const rules = run0.tool.driver.rules!;
    const placeholderRule = rules.find((x) => x.id === 'placeholder')!;
    expect(placeholderRule.defaultConfiguration).toEqual({ level: 'error' });
    expect(placeholderRule.shortDescription?.text).toMatch(/占位符/);
    expect(rules.find((x) => x.id === 'file-size')!.defaultConfiguration).toEqual({ level: 'note' });
    expect(run0.artifacts!.map((a) => a.location!.uri)).toEqual([
      `test/fixtures/corpus/${CORPUS.jiangsu}`,
      `test/fixtures/corpus/${CORPUS.xinyang}`,
      `test/fixtures/corpus/${CORPUS.suxitong}`,
    ]);
    const expected = json.flatMap((e: { file: string; findings: { rule: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }) =>
      e.findings.map((f) => ({ file: e.file, ...f })),
    );
    expect(run0.results).toHaveLength(expected.length);
    run0.results!.forEach((result, i) => {
      const f = expected[i];
      expect(result.ruleId).toBe(f.rule);
      expect(rules[result.ruleIndex!].id).toBe(f.rule);
      expect(result.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[f.severity as string]);
      expect(result.message.text).toBe(f.message);
      const loc = result.locations![0].physicalLocation!;
      expect(loc.artifactLocation!.uri).toBe(f.file);
      expect(run0.artifacts![loc.artifactLocation!.index!].location!.uri).toBe(f.file);
      expect(loc.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
      expect(loc.region).toMatchObject({
        startLine: f.range.start.line + 1,
        startColumn: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
      });
    });
    const invocation = run0.invocations![0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications![0].level).toBe('error');
    expect(invocation.toolExecutionNotifications![0].message.text).toContain('文件或目录不存在');
  });
});

describe('fazhi-report outline', () => {
  it('prints the title and the headings as an indented tree', () => {
    const r = run(['outline', `test/fixtures/corpus/${CORPUS.suxitong}`]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('苏锡通园区2022年度法治政府建设情况报告    [1]');
    expect(lines[1]).toBe('一、推进法治政府建设的主要举措和成效    [4]');
    expect(lines[2]).toBe('  (一)推进行政机关依法高效履职情况    [5]');
  });

  it('prints JSON with the outline of the contract', () => {
    const out = JSON.parse(run(['outline', '--format', 'json', `test/fixtures/corpus/${CORPUS.xinyang}`]).stdout);
    expect(out.outline[0]).toMatchObject({ kind: 'addressee', level: null, title: '市法治政府建设领导小组办公室:' });
    expect(out.outline[1]).toMatchObject({ kind: 'heading', level: 1, numbering: '一、', title: '推进法治政府建设工作情况' });
  });

  it('needs exactly one readable file', () => {
    expect(run(['outline']).code).toBe(2);
    const r = run(['outline', join(tmp, 'damaged.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('damaged.txt: 不是有效的 UTF-8 编码');
  });
});

describe('fazhi-report rules', () => {
  it('lists every rule with its default severity, tags and fix, as text and as JSON', () => {
    const json = run(['rules', '--format', 'json']);
    expect(json.code).toBe(0);
    const rules = JSON.parse(json.stdout) as { id: string; title: string; name: string; severity: string; description: string; tags: string[]; fix: string; hasFix: boolean }[];
    expect(rules.find((r) => r.id === 'rate-mismatch')).toMatchObject({ title: '比率不符', name: 'RateMismatch', severity: 'warning', tags: ['numbers'], fix: 'safe', hasFix: true });
    expect(rules.find((r) => r.id === 'template-leftover')).toMatchObject({ severity: 'error', tags: ['leftovers'], hasFix: false });
    expect(rules.filter((r) => !['file-size', 'nesting-depth', 'finding-limit'].includes(r.id)).every((r) => r.tags.length > 0 && r.description.length > 0)).toBe(true);
    const text = run(['rules']);
    expect(text.code).toBe(0);
    expect(text.stdout.trim().split('\n')).toHaveLength(rules.length);
    expect(text.stdout).toMatch(/^growth-mismatch\s+warning\s+\[numbers\]/m);
    expect(run(['rules', 'report.md']).code).toBe(2);
  });
});
