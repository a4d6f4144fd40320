import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/analysis';
import { CORPUS, corpus } from '../helpers';

const year = (text: string, options = {}) => {
  const a = analyze(text, { format: 'plain', ...options });
  return [a.reportYear, a.reportYearSource];
};

describe('report year', () => {
  it('reads each real report right', () => {
    expect(year(corpus(CORPUS.jiangsu))).toEqual([2020, 'title']);
    expect(year(corpus(CORPUS.xinyang))).toEqual([2021, 'plan']);
    expect(year(corpus(CORPUS.suxitong))).toEqual([2022, 'title']);
  });

  it('takes the title year even when another year is more frequent', () => {
    const text = [
      '某区2022年度法治政府建设情况报告',
      '2023年是全面贯彻党的二十大精神的开局之年。',
      '一、2023年以来的主要举措',
      '2023年，我区制定2023年工作要点，2023年共开展执法检查12次。',
      '二、2023年工作打算',
    ].join('\n');
    expect(year(text)).toEqual([2022, 'title']);
  });

  it('prefers the title when the title and the opening disagree', () => {
    const text = '某县2021年法治政府建设工作情况报告\n2022年，我县坚持以习近平法治思想为指导。\n一、主要举措和成效\n';
    expect(year(text)).toEqual([2021, 'title']);
  });

  it('reads no year from inside 《》, nor from a year range', () => {
    const text = '关于贯彻落实《法治政府建设实施纲要（2021-2025年）》的情况报告\n我区认真贯彻《2022年法治政府建设工作要点》。\n一、主要举措\n二、存在问题\n';
    expect(year(text)).toEqual([null, null]);
  });

  it('is null when there is no year at all', () => {
    expect(year('某局法治政府建设情况报告\n一、主要举措和成效\n二、存在的不足和原因\n')).toEqual([null, null]);
  });

  it('reads the opening `YYYY年，…` when the title has no year', () => {
    const text = '某区法治政府建设情况报告\n2023年，我区坚持以习近平新时代中国特色社会主义思想为指导。\n一、主要举措和成效\n四、2024年工作安排\n';
    expect(year(text)).toEqual([2023, 'opening']);
  });

  it('falls back to the next-year plan minus one', () => {
    const text = '区政府：\n我区全面落实法治政府建设各项任务。\n一、主要举措和成效\n二、存在问题\n三、2024年工作计划\n';
    expect(year(text)).toEqual([2023, 'plan']);
  });

  it('reads a title year written in Chinese digits', () => {
    expect(year('某市人民政府关于二〇二二年度法治政府建设情况的报告\n')).toEqual([2022, 'title']);
  });

  it('lets the option win over everything', () => {
    expect(year(corpus(CORPUS.suxitong), { reportYear: 2030 })).toEqual([2030, 'option']);
  });
});
