// What a hostile or unlucky document or setting once did to the core, each
// test named after what it protects (issue: nothing may crash, hang or
// exhaust the checker).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/analysis';
import { analyzeDetailed, MAX_FINDINGS_PER_RULE } from '../../server/src/analysis/analyze';
import { parseChineseNumber } from '../../server/src/analysis/numerals';
import { toSimplified } from '../../server/src/analysis/normalize';
import { compilePhrase } from '../../server/src/analysis/phrase';
import { compileGlobs, expandBraces, GlobError } from '../../server/src/glob';
import { normalizeSettings } from '../../server/src/settings';
import { isTableDelimiter } from '../../server/src/analysis/parse';
import { CORPUS, corpus } from '../helpers';

describe('Chinese numerals of any length', () => {
  it('a run of 5,000 万 is no number, and reading it does not overflow the stack', () => {
    expect(parseChineseNumber('一' + '万'.repeat(5000))).toBeNull();
    const text = '共一' + '万'.repeat(5000) + '件';
    expect(() => analyze(text, { format: 'plain' })).not.toThrow();
    expect(() => analyze(text, { format: 'markdown' })).not.toThrow();
  });

  it('still reads the numerals reports write', () => {
    expect(['两千', '二〇二四', '一万', '十一', '一百零五', '三千五百万', '两亿三千万', '一万亿', '一千零一', '三亿零五万'].map(parseChineseNumber)).toEqual([
      2000, 2024, 10000, 11, 105, 35000000, 230000000, 1e12, 1001, 300050000,
    ]);
    expect(parseChineseNumber('万万')).toBeNull();
  });
});

describe('documents with very many headings', () => {
  it('130,000 headings are read without spreading them into Math.min', () => {
    const text = '1.a\n'.repeat(130_000);
    const a = analyze(text, { format: 'plain', maxFileSize: Infinity });
    expect(a.outline.length).toBe(130_000);
  });

  it('nested 一是 counts stop at three levels, so a run of them cannot nest the outline 30,000 deep', () => {
    const a = analyzeDetailed('一、标题\n' + '。一是'.repeat(30_000), { format: 'plain' });
    const depth = (nodes: { children: unknown[] }[]): number => (nodes.length ? 1 + Math.max(...nodes.slice(0, 3).map((n) => depth(n.children as never))) : 0);
    expect(depth(a.analysis.outline)).toBeLessThanOrEqual(4);
  });
});

describe('memory across versions', () => {
  it('an analysis does not keep the previous version alive through its options', () => {
    const text = corpus(CORPUS.suxitong);
    const first = analyzeDetailed(text, { format: 'plain' });
    const second = analyzeDetailed(text + '\n共XX件。', { format: 'plain', previous: first });
    expect(Object.keys(second.context!.options)).not.toContain('previous');
    expect(JSON.stringify(Object.keys(second.context!.options))).not.toMatch(/onRuleError|extraRules/);
  });
});

describe('findings of one rule are capped per document', () => {
  it('5,000 placeholders give the first 1,000 and one information finding with the count of the rest', () => {
    const a = analyze('XX\n'.repeat(5000), { format: 'plain' });
    expect(a.findings.filter((f) => f.rule === 'placeholder')).toHaveLength(MAX_FINDINGS_PER_RULE);
    const limit = a.findings.filter((f) => f.rule === 'finding-limit');
    expect(limit).toHaveLength(1);
    expect(limit[0]).toMatchObject({ severity: 'info', range: { start: { line: 1000, character: 0 } } });
    expect(limit[0].message).toContain('还有 4000 处');
  });
});

describe('the rate fix says no more than the arithmetic', () => {
  const fixOf = (text: string) => analyze(text, { format: 'plain' }).findings.find((f) => f.rule === 'rate-mismatch')?.fix;

  it('1194/1195 at whole percents becomes 99.9%, never 100%', () => {
    expect(fixOf('全年受理矛盾纠纷1195件，调解成功1194件，调解成功率达98%。')?.edits.map((e) => e.newText)).toEqual(['99.9%']);
  });

  it('a tiny share becomes 0.1%, never 0%', () => {
    expect(fixOf('全年受理矛盾纠纷1195件，败诉1件，败诉率为5%。')!.edits.map((e) => e.newText)).toEqual(['0.1%']);
  });

  it('百分之九十八 is replaced whole, in its own form, keeping the percent', () => {
    const text = '全年受理矛盾纠纷1195件，调解成功1194件，调解成功率达百分之九十八。';
    const fix = fixOf(text)!;
    expect(fix.edits).toHaveLength(1);
    const e = fix.edits[0];
    expect(text.slice(e.range.start.character, e.range.end.character)).toBe('百分之九十八');
    expect(e.newText).toBe('百分之九十九点九');
  });

  it('a full-width percent sign is kept', () => {
    expect(fixOf('全年受理矛盾纠纷200件，调解成功100件，调解成功率达60％。')?.edits.map((e) => e.newText)).toEqual(['50％']);
  });
});

describe('a part inserted into a Traditional report', () => {
  it('is written in Traditional characters, like the rest of the report', () => {
    const text = corpus(CORPUS.jiangsu);
    const missing = analyze(text, { format: 'plain' }).findings.filter((f) => f.rule === 'required-section');
    expect(missing.length).toBeGreaterThan(0);
    for (const f of missing) {
      const inserted = f.fix!.edits[0].newText;
      expect(toSimplified(inserted), inserted).not.toBe(inserted);
      expect(inserted).toMatch(/建設/);
    }
  });

  it('a Simplified report gets Simplified text', () => {
    const f = analyze('某区2023年度法治政府建设情况报告\n一、主要举措和成效\n二、存在问题\n三、2024年工作计划\n', { format: 'plain' }).findings.find((x) => x.rule === 'required-section')!;
    expect(f.fix!.edits[0].newText).toContain('党政主要负责人履行推进法治建设第一责任人职责情况');
  });
});

describe('section synonyms are plain text, never patterns', () => {
  it('regular-expression characters in a synonym are matched literally', () => {
    const { settings } = normalizeSettings({ sections: { problems: { synonyms: ['(.*)+短板'] } } });
    const hit = analyze('某区2023年度法治政府建设情况报告\n一、主要举措\n二、(.*)+短板\n', { format: 'plain', sections: settings.sections });
    expect(hit.sections.problems?.title).toBe('二、(.*)+短板');
    const miss = analyze('某区2023年度法治政府建设情况报告\n一、主要举措\n二、工作短板\n', { format: 'plain', sections: settings.sections });
    expect(miss.sections.problems).toBeNull();
  });

  it('… is a gap of at most 12 characters inside one sentence', () => {
    const p = compilePhrase('存在…问题');
    expect(p.search('工作中存在一些亟待解决的问题')).toBe(3);
    expect(p.search('存在' + '甲'.repeat(13) + '问题')).toBe(-1);
    expect(p.search('存在。问题')).toBe(-1);
    // A later, closer start is found even when an earlier one cannot complete.
    expect(compilePhrase('甲…乙…丙').search('甲乙' + '丁'.repeat(8) + '乙' + '丁'.repeat(10) + '丙')).toBe(0);
    expect(compilePhrase('YYYY年…计划').search('（三）2024年工作计划')).toBe(3);
    expect(compilePhrase('问题，…：').search('问题,如下:')).toBe(0);
  });

  it('a synonym longer than a heading, or too many of them, is refused with a message', () => {
    const long = normalizeSettings({ sections: { problems: { synonyms: ['问'.repeat(101)] } } });
    expect(long.settings.sections.problems?.synonyms).toBeUndefined();
    expect(long.problems[0]).toContain('至多');
  });
});

describe('fazhiReport.files globs are data', () => {
  it('matches as editors expect: *, **, ?, classes, braces, by name without a slash, ! excludes', () => {
    const m = compileGlobs(['drafts/**/*.txt', '*法治政府建设*.md', 'r?/[0-9][0-9].{md,txt}', '!drafts/old/**']);
    expect(m.matches('drafts/a.txt')).toBe(true);
    expect(m.matches('drafts/2024/3/a.txt')).toBe(true);
    expect(m.matches('drafts/old/a.txt')).toBe(false);
    expect(m.matches('x/2024年法治政府建设情况报告.md')).toBe(true);
    expect(m.matches('r1/24.txt')).toBe(true);
    expect(m.matches('r1/2a.txt')).toBe(false);
    expect(m.matches('notes.md')).toBe(false);
    expect(m.matches('C:\\reports\\drafts\\a.txt')).toBe(false);
    expect(compileGlobs(['**/*.md']).matches('a/.hidden/b.md')).toBe(true);
  });

  // minimatch took 87 s on this glob; its growth with the path is in the worst-case suite (module glob).
  it('an extglob is taken literally', () => {
    const glob = '+(a|a)+(a|a)+(a|a)+(a|a)+(a|a)+(a|a)+(a|a)+(a|a)+(a|a)+(a|a)b';
    const m = compileGlobs([glob]);
    expect(m.matches('a'.repeat(200))).toBe(false);
    expect(m.matches(glob)).toBe(true);
  });

  it('braces that expand beyond 256 alternatives are refused, by name, in the settings', () => {
    expect(expandBraces('{a,b}/{c,d}')).toEqual(['a/c', 'a/d', 'b/c', 'b/d']);
    expect(() => expandBraces('{a,b}'.repeat(20))).toThrow(GlobError);
    const { settings, problems } = normalizeSettings({ files: ['*.md', '{a,b}'.repeat(20)] });
    expect(settings.files).toEqual(['*.md']);
    expect(problems[0]).toMatch(/fazhiReport\.files 中的 glob .*超过 256 种/);
  });
});

describe('GFM table delimiter rows', () => {
  it('are read cell by cell', () => {
    expect(['| --- | :-: |', '---|---', '|-|', ':--|--:'].map(isTableDelimiter)).toEqual([true, true, true, true]);
    expect(['|a|', '---', '| -- | x |', 'a - b | c'].map(isTableDelimiter)).toEqual([false, false, false, false]);
  });
});
