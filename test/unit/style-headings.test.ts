import { describe, expect, it } from 'vitest';
import { findings, fixedWithin, marked } from './style-support';

describe('heading-punctuation', () => {
  it('removes the full stop at the end of a level-1 heading on a line of its own', () => {
    const text = '一、强化主要责任人责任，夯实组织基础。\n全年召开会议4次。\n二、存在的问题\n';
    const [f, ...rest] = findings(text, 'heading-punctuation');
    expect(rest).toEqual([]);
    expect(f.severity).toBe('warning');
    expect(f.message).toBe('一级标题独占一行，末尾不加句号');
    expect(marked(text, f)).toBe('。');
    expect(fixedWithin(text, f)).toBe('一、强化主要责任人责任，夯实组织基础\n全年召开会议4次。\n二、存在的问题\n');
  });

  it('also under Markdown bold, and in Traditional text', () => {
    const md = '# 报告\n\n**一、加强党的领导。**\n\n正文。\n';
    expect(fixedWithin(md, findings(md, 'heading-punctuation', { format: 'markdown' })[0])).toBe('# 报告\n\n**一、加强党的领导**\n\n正文。\n');
    const text = '一、加強黨的領導。\n全年召開會議4次。\n';
    expect(findings(text, 'heading-punctuation')).toHaveLength(1);
  });

  it('leaves a numbered paragraph that is a sentence, and a level-1 heading run in with its text', () => {
    const quiet = [
      '二、分收入结构看：截至2015年8月底，累计完成税收收入36552万元，增长6.91%。\n',
      '一、加强党的领导。全年召开常委会会议4次，研究法治建设。\n',
      '一、加强党的领导\n（一）完善制度。全年制定文件3件。\n',
    ];
    for (const text of quiet) expect(findings(text, 'heading-punctuation'), text).toEqual([]);
  });

  it('hints that a run-in level-2 or level-3 heading ends with 。 when only a space or bold sets it apart', () => {
    const text = '一、主要举措\n（一）完善制度体系 加强规范性文件管理，全年制定3件。\n1、城镇化水平显著提高 城市面貌焕然一新。\n';
    const list = findings(text, 'heading-punctuation');
    expect(list.map((f) => [f.severity, marked(text, f), f.message])).toEqual([
      ['info', '（一）完善制度体系', '二级标题与正文同段，标题后习惯用句号隔开（此处用空格）'],
      ['info', '1、城镇化水平显著提高', '三级标题与正文同段，标题后习惯用句号隔开（此处用空格）'],
    ]);
    expect(list.every((f) => f.fix === undefined)).toBe(true);
    const md = '一、主要举措\n\n**（一）完善制度体系**加强规范性文件管理，全年制定3件。\n';
    expect(findings(md, 'heading-punctuation', { format: 'markdown' }).map((f) => f.message)).toEqual([
      '二级标题与正文同段，标题后习惯用句号隔开（此处用加粗）',
    ]);
  });

  it('accepts a colon after a run-in label, and headings on lines of their own', () => {
    const quiet = '一、主要举措\n（一）基本数据：全年受理案件12件。\n（二）完善制度体系\n1.加强学习。全年学法4次。\n';
    expect(findings(quiet, 'heading-punctuation')).toEqual([]);
  });
});
