import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/analysis';
import type { AnalyzeOptions } from '../../server/src/analysis';
import { CORPUS, corpus } from '../helpers';

const placeholders = (text: string, options: AnalyzeOptions = { format: 'plain' }) =>
  analyze(text, options)
    .findings.filter((f) => f.rule === 'placeholder')
    .map((f) => {
      const line = text.split(/\r\n|\r|\n/)[f.range.start.line];
      return line.slice(f.range.start.character, f.range.end.character);
    });

describe('placeholder', () => {
  it('finds each kind of left-in placeholder', () => {
    expect(placeholders('全年办理XX件，同比增长××%。')).toEqual(['XX', '××']);
    expect(placeholders('于X月X日召开专题会议。')).toEqual(['X月X日']);
    expect(placeholders('专题图数量全市领先，*****三项指标均居全市前列。')).toEqual(['*****']);
    expect(placeholders('共培训执法人员【待补充】人次，□□家单位参加。')).toEqual(['【待补充】', '□□']);
    expect(placeholders('ＸＸ区司法局（待填写）')).toEqual(['ＸＸ', '（待填写）']);
  });

  it('is an error with a message that quotes the placeholder', () => {
    const [finding] = analyze('共收到建议XX条。', { format: 'plain' }).findings.filter((f) => f.rule === 'placeholder');
    expect(finding).toMatchObject({ rule: 'placeholder', severity: 'error', range: { start: { line: 0, character: 5 }, end: { line: 0, character: 7 } } });
    expect(finding.message).toContain('“XX”');
  });

  it('leaves real text alone', () => {
    expect(placeholders('推行7×24小时不打烊服务，访问 http://www.xx.gov.cn 查询，XXL 号码。')).toEqual([]);
    expect(placeholders('**加强组织领导**，落实*三项制度*。', { format: 'markdown' })).toEqual([]);
  });

  it('tells Markdown syntax from a placeholder left as text', () => {
    expect(placeholders('第一段\n\n***\n\n第二段', { format: 'markdown' })).toEqual([]);
    expect(placeholders('*****三项指标均居全市前列', { format: 'markdown' })).toEqual(['*****']);
    expect(placeholders('*****三项指标均居全市前列', { format: 'plain' })).toEqual(['*****']);
  });

  it('never looks inside code blocks', () => {
    expect(placeholders('```\n模板：XX区X月X日\n```\n', { format: 'markdown' })).toEqual([]);
    expect(placeholders('    XX区X月X日\n', { format: 'markdown' })).toEqual([]);
  });

  it('honours disable and enable comments', () => {
    const text = '前文XX\n<!-- fazhi-report-disable placeholder -->\n模板XX\n<!-- fazhi-report-enable -->\n后文XX\n';
    expect(placeholders(text, { format: 'markdown' })).toEqual(['XX', 'XX']);
    expect(analyze(text, { format: 'markdown', rules: { 'required-section': 'off' } }).findings.map((f) => f.range.start.line)).toEqual([0, 4]);
    const all = '<!-- fazhi-report-disable -->\n模板XX\n';
    expect(placeholders(all, { format: 'markdown' })).toEqual([]);
  });

  it('can be switched off or downgraded by settings', () => {
    const only = (rules: Record<string, 'off' | 'warning'>) => analyze('共XX件', { format: 'plain', rules }).findings.filter((f) => f.rule === 'placeholder');
    expect(only({ placeholder: 'off' })).toEqual([]);
    expect(only({ placeholder: 'warning' })[0].severity).toBe('warning');
  });

  it('finds only the real fault in the real reports', () => {
    expect(placeholders(corpus(CORPUS.suxitong))).toEqual(['*****']);
    expect(placeholders(corpus(CORPUS.xinyang))).toEqual([]);
    expect(placeholders(corpus(CORPUS.jiangsu))).toEqual([]);
  });
});
