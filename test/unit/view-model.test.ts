import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/analysis';
import { sectionCatalogue } from '../../server/src/analysis/sections';
import { outlineResponse } from '../../server/src/service/outline';
import { buildViewItems, itemAt, nextProblem, statusText, type ViewItem } from '../../client/src/model';
import { CORPUS, corpus } from '../helpers';

const responseFor = (text: string, isReport = true, version = 1) => outlineResponse('file:///r.txt', version, isReport, analyze(text, { format: 'plain' }), sectionCatalogue());
const flat = (items: ViewItem[]): ViewItem[] => items.flatMap((i) => [i, ...flat(i.children)]);

describe('the outline view of a real report', () => {
  it('has the checklist first, then the headings with their numbering', () => {
    const items = buildViewItems(responseFor(corpus(CORPUS.xinyang)));
    expect(items[0].label).toBe('必备部分');
    expect(items[0].description).toBe('4/4');
    expect(items[0].children.map((c) => [c.label, c.description])).toEqual([
      ['✓ 主要举措和成效', '有标题'],
      ['✓ 存在的不足和原因', '有标题'],
      ['⚠ 党政主要负责人履行推进法治建设第一责任人职责情况', '仅以段落或句子出现'],
      ['✓ 下一年度推进法治政府建设的主要安排', '有标题'],
      ['○ 其他需要报告的情况', '可选，未写'],
    ]);
    expect(items[0].children[2].tooltip).toContain('上一年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况');
    expect(items.slice(1).map((i) => i.label)).toEqual(['主送：市法治政府建设领导小组办公室:', '一、推进法治政府建设工作情况', '二、存在问题', '三、2022年工作计划']);
    // Sub-headings open; a heading holding only 一是 items starts collapsed.
    const first = items[2];
    expect(first.collapsible).toBe('expanded');
    expect(first.children[0]).toMatchObject({ label: '(一)努力开创法治政府建设新局面', collapsible: 'collapsed' });
    expect(first.children[0].children.map((c) => c.label)).toEqual(['一是加强党对法治政府建设的领导', '二是进一步强化考核评价和督促检查']);
  });

  it('marks missing parts and shows a badge where a section holds findings', () => {
    const jiangsu = buildViewItems(responseFor(corpus(CORPUS.jiangsu)));
    expect(jiangsu[0].description).toBe('2/4');
    expect(jiangsu[0].children.filter((c) => c.part?.state === 'missing' && c.part.required).map((c) => c.label)).toEqual(['✗ 存在的不足和原因', '✗ 下一年度推进法治政府建设的主要安排']);
    // The optional fifth part, not written, is no fault.
    expect(jiangsu[0].children.find((c) => c.part?.key === 'other')?.label).toBe('○ 其他需要报告的情况');
    const suxitong = buildViewItems(responseFor(corpus(CORPUS.suxitong)));
    const measures = suxitong[1];
    // The placeholder, and the three quotation marks left unmatched (punctuation-pair).
    expect(measures.description).toBe('4 个问题');
    expect(measures.children.filter((c) => c.findingCount > 0).map((c) => [c.label, c.description])).toEqual([
      ['(一)推进行政机关依法高效履职情况', '1 个问题'],
      ['(八)打造数字法治政府情况', '3 个问题'],
    ]);
  });

  it('keeps a node\'s id across an edit in another section', () => {
    const text = corpus(CORPUS.suxitong);
    const before = flat(buildViewItems(responseFor(text)));
    const edited = text.replace('一是学习内容与行政服务工作还不够贴合。', '一是学习内容与行政服务工作还不够贴合，需要加强。');
    const after = flat(buildViewItems(responseFor(edited, true, 2)));
    const idOf = (items: ViewItem[], label: string) => items.find((i) => i.label === label)!.id;
    for (const label of ['一、推进法治政府建设的主要举措和成效', '(八)打造数字法治政府情况', '四是深化法治政府建设责任制', '四、2023年度推进法治政府建设的主要安排']) {
      expect(idOf(after, label)).toBe(idOf(before, label));
    }
    expect(new Set(before.map((i) => i.id)).size).toBe(before.length);
  });

  it('is empty for a document that is not a report', () => {
    expect(buildViewItems(responseFor('# 写作笔记\n- 待办', false))).toEqual([]);
  });

  it('finds the section the cursor is in', () => {
    const items = buildViewItems(responseFor(corpus(CORPUS.suxitong)));
    expect(itemAt(items, { line: 31, character: 10 })!.label).toBe('四是深化法治政府建设责任制');
    expect(itemAt(items, { line: 31, character: 50 })!.label).toBe('一是严格执法准入');
    expect(itemAt(items, { line: 39, character: 0 })!.label).toBe('三、存在问题和不足');
    expect(itemAt(items, { line: 1, character: 0 })).toBeUndefined();
  });
});

describe('the status bar', () => {
  it('counts the parts present and the number problems', () => {
    expect(statusText(responseFor(corpus(CORPUS.suxitong)))).toBe('法治报告 ✓4/4');
    expect(statusText(responseFor(corpus(CORPUS.jiangsu)))).toBe('法治报告 ✓2/4');
    expect(statusText(responseFor(corpus(CORPUS.xinyang)))).toBe('法治报告 ✓4/4 · 2 处数字问题');
    const text = '某区2023年度法治政府建设情况报告\n一、主要举措和成效\n全年受理1195件，调解成功1194件，调解成功率达98%。\n';
    expect(statusText(responseFor(text))).toBe('法治报告 ✓1/4 · 1 处数字问题');
  });

  it('is hidden on other documents', () => {
    expect(statusText(responseFor('# 写作笔记', false))).toBeUndefined();
    expect(statusText(undefined)).toBeUndefined();
  });
});

describe('going to the next problem', () => {
  const problems = [
    { line: 10, character: 0 },
    { line: 2, character: 5 },
    { line: 2, character: 1 },
  ];
  it('walks in document order and wraps', () => {
    expect(nextProblem(problems, { line: 0, character: 0 }, 1)).toEqual({ line: 2, character: 1 });
    expect(nextProblem(problems, { line: 2, character: 1 }, 1)).toEqual({ line: 2, character: 5 });
    expect(nextProblem(problems, { line: 11, character: 0 }, 1)).toEqual({ line: 2, character: 1 });
    expect(nextProblem(problems, { line: 2, character: 1 }, -1)).toEqual({ line: 10, character: 0 });
    expect(nextProblem([], { line: 0, character: 0 }, 1)).toBeUndefined();
  });
});
