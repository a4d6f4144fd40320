// The narrow core API: what the adapters ask of an analysed report, and the
// boundaries that keep them from reaching into the core's internals.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseReport, analyze } from '../../server/src/analysis';

const ROOT = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.ts$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gms)].map((m) => m[1]);
}

describe('the boundaries', () => {
  it('the language service, the LSP wiring, the CLI and the settings use the core only through analysis/api', () => {
    const adapters = [
      ...sources(join(ROOT, 'server/src/service')),
      ...sources(join(ROOT, 'server/src/lsp')),
      ...sources(join(ROOT, 'server/src/cli')),
      ...['cli.ts', 'server.ts', 'settings.ts', 'files.ts'].map((f) => join(ROOT, 'server/src', f)),
    ];
    const reaching: string[] = [];
    for (const file of adapters) {
      for (const from of imports(file)) {
        if (!/\/analysis(\/|$)/.test(from)) continue;
        // protocol.ts shares the result's shapes with the client: types only, no runtime code.
        const allowed = /\/analysis\/api$/.test(from) || (file.endsWith('lsp/protocol.ts') && /\/analysis\/types$/.test(from));
        if (!allowed) reaching.push(`${relative(ROOT, file)} → ${from}`);
      }
    }
    expect(reaching).toEqual([]);
  });

  it('the client imports nothing of the server but protocol.ts', () => {
    const reaching = sources(join(ROOT, 'client/src')).flatMap((file) =>
      imports(file)
        .filter((from) => from.includes('server/src') && !from.endsWith('server/src/lsp/protocol'))
        .map((from) => `${relative(ROOT, file)} → ${from}`),
    );
    expect(reaching).toEqual([]);
  });
});

const REPORT = [
  '某区2024年度法治政府建设情况报告',
  '',
  '一、主要举措和成效',
  '',
  '全年收到行政复议申请120件，受理100件，审结96件，审结率为96%。',
  '',
  '二、2025年工作安排',
  '',
  '一是深化改革。',
  '',
].join('\n');

describe('an analysed report', () => {
  const plain = { format: 'plain' as const, reportYear: 2024 };

  it('answers the relation under a figure, with its arithmetic and the readings tried', () => {
    const report = analyseReport(REPORT, plain);
    const line = 4;
    const at = REPORT.split('\n')[line].indexOf('96%');
    const relations = report.relationsAt({ line, character: at + 1 });
    expect(relations.map((r) => r.kind)).toContain('rate');
    const rate = relations.find((r) => r.kind === 'rate')!;
    expect(rate.range.start.line).toBe(line);
    expect(rate.explanation).toContain('96');
    expect(relations.length).toBeGreaterThan(0);
    expect(report.relationsAt({ line: 0, character: 2 })).toEqual([]);
  });

  it('inserts a missing part with the parts after it renumbered, and puts the cursor on its guide', () => {
    const report = analyseReport(REPORT, plain);
    expect(report.insertPart('measures')).toBeNull();
    const insertion = report.insertPart('problems')!;
    expect(insertion.heading).toBe('二、推进法治政府建设存在的不足和原因');
    expect(insertion.edits.map((e) => e.newText)).toContain('三');
    expect(insertion.cursor.line).toBeGreaterThan(insertion.edits[0].range.start.line);
    expect(report.insertPart('problems', false)!.edits).toHaveLength(1);
  });

  it('renumbers the level of the heading at a line', () => {
    const report = analyseReport('一、甲\n\n三、乙\n\n五、丙\n', { format: 'plain' });
    const { level, edits } = report.renumber(2);
    expect(level).toBe(1);
    expect(edits.map((e) => [e.range.start.line, e.newText])).toEqual([
      [2, '二'],
      [4, '三'],
    ]);
  });

  it('offers the next item of an enumeration at the start of a line, with the range it replaces', () => {
    const text = REPORT.replace('一是深化改革。\n', '一是深化改革。\n二是');
    const report = analyseReport(text, plain);
    const line = text.split('\n').findIndex((l) => l === '二是');
    const labels = report.suggestionsAt({ line, character: 2 }).map((s) => s.label);
    expect(labels.some((l) => l.startsWith('三是'))).toBe(false);
    const fresh = analyseReport(REPORT + '\n', plain).suggestionsAt({ line: 9, character: 0 });
    expect(fresh.find((s) => s.label.startsWith('二是'))?.range).toEqual({ start: { line: 9, character: 0 }, end: { line: 9, character: 0 } });
  });

  it('lists the checklist parts in the regulation order, with the user\u2019s settings', () => {
    const report = analyseReport(REPORT, { ...plain, sections: { firstResponsible: { required: false } } });
    expect(report.parts.map((p) => p.key)).toEqual(['measures', 'problems', 'firstResponsible', 'nextYear', 'other']);
    expect(report.parts.map((p) => p.required)).toEqual([true, true, false, true, false]);
  });

  it('tells whether numbered headings are plain lines an outline of # headings would miss', () => {
    expect(analyseReport(REPORT, { format: 'markdown' }).hasNumberedPlainHeadings).toBe(true);
    expect(analyseReport('# 某区2024年度法治政府建设情况报告\n\n## 一、主要举措和成效\n\n正文。\n', { format: 'markdown' }).hasNumberedPlainHeadings).toBe(false);
  });

  it('is analysed again from its previous version with the same result', () => {
    const first = analyseReport(REPORT, plain);
    const edited = REPORT.replace('审结96件', '审结95件');
    expect(analyseReport(edited, { ...plain, previous: first }).analysis).toEqual(analyze(edited, plain));
  });
});

describe('fixes in one shape', () => {
  it('a missing part: every fix in `fixes` in LSP ranges, the preferred first and the same as `fix`', () => {
    const finding = analyze(REPORT, { format: 'plain', reportYear: 2024 }).findings.find((f) => f.rule === 'required-section' && f.message.includes('不足'))!;
    expect(finding.fixes!.map((f) => f.title)).toEqual([expect.stringMatching(/^插入“二、推进法治政府建设存在的不足和原因”部分$/), expect.stringMatching(/并重新编号其后的标题$/)]);
    expect(finding.fix).toBe(finding.fixes![0]);
    for (const fix of finding.fixes!) for (const e of fix.edits) expect(e.range.start).toEqual({ line: expect.any(Number), character: expect.any(Number) });
  });

  it('a renumbering several headings share is one object in all their findings', () => {
    const findings = analyze('一、甲\n\n一、乙\n\n一、丙\n\n一、丁\n', { format: 'plain' }).findings.filter((f) => f.rule === 'heading-sequence');
    expect(findings.length).toBe(3);
    const shared = findings.map((f) => f.fixes!.find((x) => x.title.startsWith('重新编号')));
    expect(shared[0]).toBeDefined();
    expect(new Set(shared).size).toBe(1);
  });
});
