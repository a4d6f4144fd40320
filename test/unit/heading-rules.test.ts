import { describe, expect, it } from 'vitest';
import { analyze, type Finding } from '../../server/src/analysis';
import { CORPUS, applyEdits, corpus } from '../helpers';

const findings = (text: string, rule: string) => analyze(text, { format: 'plain' }).findings.filter((f) => f.rule === rule);
const lineOf = (f: Finding) => f.range.start.line;

describe('heading-sequence', () => {
  it('flags a skipped number and offers the right one, editing only the numeral', () => {
    const text = '一、主要举措\n二、存在问题\n四、下一步安排\n';
    const [f] = findings(text, 'heading-sequence');
    expect(f).toMatchObject({ severity: 'warning', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } } });
    expect(f.message).toBe('标题序号跳号：“二、”之后是“四、”，缺少“三、”');
    expect(f.fix!.title).toBe('改为“三、”');
    expect(f.fix!.edits).toEqual([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, newText: '三' }]);
    expect(applyEdits(text, f.fix!.edits)).toBe('一、主要举措\n二、存在问题\n三、下一步安排\n');
  });

  it('flags a repeated and a restarted number within one parent', () => {
    const repeated = findings('一、甲\n（一）子一\n（二）子二\n（二）子三\n二、乙\n', 'heading-sequence');
    expect(repeated.map(lineOf)).toEqual([3]);
    expect(repeated[0].message).toBe('标题序号重复：第 3 行已是“（二）”，此处应为“（三）”');
    const restarted = findings('一、甲\n二、乙\n一、丙\n', 'heading-sequence');
    expect(restarted[0].message).toBe('标题序号重新开始：同一层级上一个标题是“二、”（第 2 行），此处为“一、”，应为“三、”');
  });

  it('counts each parent on its own, and numbers past ten', () => {
    const text = ['一、甲', '（一）子', '（二）子', '二、乙', '（一）子', ...['三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'].map((n) => `${n}、节`)].join('\n');
    expect(findings(text, 'heading-sequence')).toEqual([]);
    expect(findings('十、甲\n十二、乙\n', 'heading-sequence').map((f) => f.message)).toEqual([
      '同级标题序号应从“一、”开始，文中第一个是“十、”',
      '标题序号跳号：“十、”之后是“十二、”，缺少“十一、”',
    ]);
  });

  it('flags 一是…三是 with a gap, but not a new count', () => {
    const gap = findings('一、主要举措\n一是加强领导。三是完善制度。\n', 'heading-sequence');
    expect(gap.map((f) => f.message)).toEqual(['列举序号跳号：“一是”之后是“三是”，缺少“二是”']);
    expect(applyEdits('一、主要举措\n一是加强领导。三是完善制度。\n', gap[0].fix!.edits)).toBe('一、主要举措\n一是加强领导。二是完善制度。\n');
    expect(findings('一、主要举措\n一是甲。二是乙。\n一是丙。二是丁。\n四是…一是…二是…\n', 'heading-sequence').map(lineOf)).toEqual([3]);
    expect(findings('一、主要举措\n三是压实责任。四是深化改革。一是精简审批。二是优化服务。五是强化保障。\n', 'heading-sequence')).toEqual([]);
  });
});

describe('heading-level', () => {
  it('flags a level used where its parent level is missing', () => {
    const [f] = findings('一、主要举措\n（1）直接写四级\n', 'heading-level');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe('标题层级错位：四级标题“（1）”直接位于一级标题“一、主要举措”（第 1 行）之下，中间缺少二级标题“（一）”、三级标题“1.”');
    expect(findings('一、主要举措\n1.三级\n', 'heading-level')).toHaveLength(1);
  });

  it('flags a run of headings with no level-1 heading above them once', () => {
    const found = findings('（一）没有一级标题\n（二）第二个\n一、然后才有\n', 'heading-level');
    expect(found.map((f) => [lineOf(f), f.message])).toEqual([[0, '标题层级错位：二级标题“（一）”之前没有上级标题，缺少一级标题“一、”']]);
  });

  it('is quiet on a well-formed outline', () => {
    expect(findings('一、甲\n（一）乙\n1.丙\n（1）丁\n2.戊\n（二）己\n二、庚\n', 'heading-level')).toEqual([]);
  });
});

describe('heading-style', () => {
  it('flags the minority style of a level and offers the main one', () => {
    const text = '一、甲\n1.子一\n2.子二\n3、子三\n二、乙\n1.子\n';
    const [f] = findings(text, 'heading-style');
    expect(f).toMatchObject({ severity: 'info', range: { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } } });
    expect(f.message).toBe('编号样式不一致：本文三级标题多用“1.”（3 处），此处“3、”为“1、”');
    expect(applyEdits(text, f.fix!.edits)).toBe('一、甲\n1.子一\n2.子二\n3.子三\n二、乙\n1.子\n');
  });

  it('prefers the full-width （一） on a tie, and leaves a report that is consistent in half-width alone', () => {
    const [f] = findings('一、甲\n（一）子\n(二)子\n', 'heading-style');
    expect(f.message).toContain('此处“(二)”为半角括号“(一)”');
    expect(f.fix!.edits[0].newText).toBe('（二）');
    expect(findings('一、甲\n(一)子\n(二)子\n', 'heading-style')).toEqual([]);
  });
});

describe('numbering rules on the real reports', () => {
  it('find nothing: all three number their headings and enumerations correctly', () => {
    for (const name of Object.values(CORPUS)) {
      const all = analyze(corpus(name), { format: 'plain' }).findings.filter((f) => f.rule.startsWith('heading-'));
      expect(all, name).toEqual([]);
    }
  });
});
