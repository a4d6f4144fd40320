import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/analysis';
import type { AnalyzeOptions } from '../../server/src/analysis';
import { sectionCatalogue } from '../../server/src/analysis/sections';
import { expandSnippet, reportSkeleton } from '../../server/src/analysis/skeleton';
import { readFileSync } from 'node:fs';
import { CORPUS, corpus } from '../helpers';

const leftovers = (text: string, options: AnalyzeOptions = { format: 'plain' }) =>
  analyze(text, options)
    .findings.filter((f) => f.rule === 'template-leftover')
    .map((f) => {
      const lines = text.split(/\r\n|\r|\n/);
      return f.range.start.line === f.range.end.line ? lines[f.range.start.line].slice(f.range.start.character, f.range.end.character) : `${lines[f.range.start.line].slice(f.range.start.character)}…`;
    });

describe('template-leftover', () => {
  it('finds the skeleton inserted and not filled in: its unit, its year and every guiding sentence', () => {
    const text = expandSnippet(reportSkeleton(sectionCatalogue(), null));
    const found = leftovers(text, { format: 'markdown' });
    // The skeleton writes a real year (the one before this, as the command does): only its unit and guides are left over.
    expect(found).toContain('某区');
    for (const key of ['measures', 'problems', 'firstResponsible', 'nextYear']) {
      const guide = sectionCatalogue().find((e) => e.key === key)!.guide;
      expect(found).toContain(guide);
    }
    const errors = analyze(text, { format: 'markdown' }).findings.filter((f) => f.rule === 'template-leftover');
    expect(errors.every((f) => f.severity === 'error')).toBe(true);
  });

  it('finds the guiding sentence of a part snippet, also in the other width of punctuation and in Traditional script', () => {
    expect(leftovers('一、推进法治政府建设存在的不足和原因\n\n实事求是查找法治政府建设中存在的不足，并分析其原因。')).toEqual(['实事求是查找法治政府建设中存在的不足，并分析其原因。']);
    expect(leftovers('实事求是查找法治政府建设中存在的不足,并分析其原因.')).toEqual(['实事求是查找法治政府建设中存在的不足,并分析其原因.']);
    expect(leftovers('實事求是查找法治政府建設中存在的不足，並分析其原因。')).toEqual(['實事求是查找法治政府建設中存在的不足，並分析其原因。']);
  });

  it('finds the blanks of a form and the snippet syntax pasted as text', () => {
    expect(leftovers('20__年，全区共办理复议案件____件。')).toEqual(['__', '____']);
    expect(leftovers('共召开常务会议（　）次，培训执法人员x名，发放资料X份。')).toEqual(['（　）', 'x', 'X']);
    expect(leftovers('**区人民政府关于${2:YYYY}年度法治政府建设情况的报告')).toEqual(['**', '${2:YYYY}']);
    expect(leftovers('某县人民政府关于2024年度法治政府建设情况的报告\n全年举办培训×场。')).toEqual(['某县', '×']);
    expect(leftovers('某区2023年度法治政府建设情况报告')).toEqual([]);
  });

  it('leaves real text alone', () => {
    expect(leftovers('推行7×24小时服务，某市民反映的问题当日办结，访问 www.xx_gov.cn 查询。')).toEqual([]);
    expect(leftovers('围绕法治政府建设各项任务，区政府逐项研究部署了12项举措。')).toEqual([]);
    expect(leftovers('**加强组织领导**，全区共办理案件25件。', { format: 'markdown' })).toEqual([]);
    for (const name of Object.values(CORPUS)) expect(leftovers(corpus(name))).toEqual([]);
  });

  it('finds the skeleton of the static snippet file, inserted as it comes', () => {
    const snippets = JSON.parse(readFileSync('snippets/fazhi-report.json', 'utf8')) as Record<string, { body: string | string[] }>;
    const frame = Object.values(snippets).find((s) => (Array.isArray(s.body) ? s.body.join('\n') : s.body).includes('人民政府关于'))!;
    const text = expandSnippet(Array.isArray(frame.body) ? frame.body.join('\n') : frame.body);
    const found = leftovers(text, { format: 'markdown' });
    expect(found).toContain('某区');
    for (const key of ['measures', 'problems', 'firstResponsible', 'nextYear']) expect(found).toContain(sectionCatalogue().find((e) => e.key === key)!.guide);
  });
});
