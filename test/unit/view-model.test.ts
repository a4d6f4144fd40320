import { describe, expect, it } from 'vitest';
import { analyseReport } from '../../server/src/analysis';
import { outlineResponse } from '../../server/src/service/outline';
import { buildViewItems, itemAt, nextProblem, rowIcon, shouldWrap, statusText, statusTooltip, type ViewItem } from '../../client/src/model';
import { CORPUS, corpus } from '../helpers';

const responseFor = (text: string, isReport = true, version = 1) => {
  const report = analyseReport(text, { format: 'plain' });
  return outlineResponse('file:///r.txt', version, isReport, report.analysis, report.parts);
};
const flat = (items: ViewItem[]): ViewItem[] => items.flatMap((i) => [i, ...flat(i.children)]);

describe('the outline view of a real report', () => {
  it('has the checklist first, then the headings with their numbering', () => {
    const items = buildViewItems(responseFor(corpus(CORPUS.xinyang)));
    expect(items[0].label).toBe('必备部分');
    expect(items[0].description).toBe('4/4');
    // The state is the icon, once: no glyph in the label besides it.
    expect(items[0].children.map((c) => [rowIcon(c)[0], c.label, c.description])).toEqual([
      ['pass', '主要举措和成效', '有标题'],
      ['pass', '存在的不足和原因', '有标题'],
      ['warning', '党政主要负责人履行推进法治建设第一责任人职责情况', '仅以段落或句子出现'],
      ['pass', '下一年度推进法治政府建设的主要安排', '有标题'],
      ['circle-large-outline', '其他需要报告的情况', '可选，未写'],
    ]);
    expect(items[0].children[2].tooltip).toContain('上一年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况');
    expect(items.slice(1).map((i) => i.label)).toEqual(['主送：市法治政府建设领导小组办公室:', '一、推进法治政府建设工作情况', '二、存在问题', '三、2022年工作计划']);
    // Headings get document icons, not the code symbols' { }.
    expect(rowIcon(items[2].children[0].children[0])[0]).toBe('circle-small-filled');
    // Sub-headings open; a heading holding only 一是 items starts collapsed.
    const first = items[2];
    expect(first.collapsible).toBe('expanded');
    expect(first.children[0]).toMatchObject({ label: '(一)努力开创法治政府建设新局面', collapsible: 'collapsed' });
    expect(first.children[0].children.map((c) => c.label)).toEqual(['一是加强党对法治政府建设的领导', '二是进一步强化考核评价和督促检查']);
  });

  it('marks missing parts and shows a badge where a section holds findings', () => {
    const jiangsu = buildViewItems(responseFor(corpus(CORPUS.jiangsu)));
    expect(jiangsu[0].description).toBe('2/4');
    expect(jiangsu[0].children.filter((c) => c.part?.state === 'missing' && c.part.required).map((c) => [rowIcon(c)[0], c.label])).toEqual([
      ['error', '存在的不足和原因'],
      ['error', '下一年度推进法治政府建设的主要安排'],
    ]);
    // The optional fifth part, not written, is no fault.
    expect(rowIcon(jiangsu[0].children.find((c) => c.part?.key === 'other')!)[0]).toBe('circle-large-outline');
    const suxitong = buildViewItems(responseFor(corpus(CORPUS.suxitong)));
    // The title has a row of its own, with the report year.
    expect(suxitong[1]).toMatchObject({ kind: 'title', label: '苏锡通园区2022年度法治政府建设情况报告', description: '2022 年度' });
    const measures = suxitong.find((i) => i.label === '一、推进法治政府建设的主要举措和成效')!;
    // The placeholder, and the three quotation marks left unmatched (punctuation-pair).
    expect(measures.description).toBe('4 个问题');
    expect(measures.children.filter((c) => c.findingCount > 0).map((c) => [c.label, c.description])).toEqual([
      ['(一)推进行政机关依法高效履职情况', '1 个问题'],
      ['(八)打造数字法治政府情况', '3 个问题'],
    ]);
  });

  it('shows a section whose findings are all errors with the error icon, one with warnings with the warning icon', () => {
    const text = '某区2023年度法治政府建设情况报告\n一、主要举措和成效\n全年受理XX件，办结XX件。\n二、存在的不足和原因\n基层力量不足\n';
    const items = buildViewItems(responseFor(text));
    const measures = items.find((i) => i.label === '一、主要举措和成效')!;
    expect(measures.findingCount).toBe(2);
    expect(rowIcon(measures)).toEqual(['error', 'list.errorForeground']);
    const problems = items.find((i) => i.label === '二、存在的不足和原因')!;
    expect([problems.findingCount, rowIcon(problems)[0]]).toEqual([0, 'bookmark']);
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
  it('counts the parts present and the findings by named group', () => {
    const text = '某区2023年度法治政府建设情况报告\n一、主要举措和成效\n全年受理1195件，调解成功1194件，调解成功率达98%。\n';
    // The three missing parts are 必备部分 findings; the rate is a 数字 one.
    expect(statusText(responseFor(text))).toBe('法治报告 ✓1/4 · 必备部分 3 · 数字 1');
    // Three placeholders are counted as what they are, not hidden behind 数字问题.
    const placeholders = text.replace('1195件', 'XX件').replace('1194件', 'XX件').replace('98%', 'XX%');
    expect(statusText(responseFor(placeholders))).toBe('法治报告 ✓1/4 · 必备部分 3 · 遗留 3');
    expect(statusTooltip(responseFor(placeholders))).toContain('错误 6 处，警告 0 处');
  });

  it('is hidden on other documents', () => {
    expect(statusText(responseFor('# 写作笔记', false))).toBeUndefined();
    expect(statusText(undefined)).toBeUndefined();
  });
});

describe('word wrap for reports', () => {
  it('wraps a report once, when the setting asks for it and the editor does not wrap already', () => {
    const base = { isReport: true, wanted: true, configured: 'off', alreadyWrapped: false };
    expect(shouldWrap(base)).toBe(true);
    expect(shouldWrap({ ...base, alreadyWrapped: true })).toBe(false);
    expect(shouldWrap({ ...base, configured: 'on' })).toBe(false);
    expect(shouldWrap({ ...base, wanted: false })).toBe(false);
    expect(shouldWrap({ ...base, isReport: false })).toBe(false);
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
