// The library's options are checked: a wrong one is a TypeError naming it and what it takes.
import { describe, expect, it } from 'vitest';
import { analyseReport, analyze } from '../../server/src/library';

const REPORT = '某区2024年度法治政府建设情况报告\n\n一、主要举措和成效\n\n召开会议XX次。\n';

describe('the library checks its options', () => {
  it('takes the options the editor has', () => {
    const analysis = analyze(REPORT, { format: 'plain', reportYear: 2024, rules: { placeholder: 'warning' }, sections: { firstResponsible: { required: false, synonyms: ['主要负责人履职'] } }, maxFileSize: 1_000_000 });
    expect(analysis.findings.find((f) => f.rule === 'placeholder')?.severity).toBe('warning');
    expect(analyseReport(REPORT, { format: 'plain', previous: analyseReport(REPORT) }).analysis.reportYear).toBe(2024);
  });

  it.each([
    [{ format: 'txt' }, 'format 应为 "markdown" 或 "plain"'],
    [{ fromat: 'plain' }, '未知选项 fromat'],
    [{ reportYear: 24 }, 'reportYear 应为 1990–2100'],
    [{ rules: { placeholders: 'off' } }, '规则 "placeholders" 不存在'],
    [{ rules: { placeholder: 'warn' } }, 'rules.placeholder 应为 "error"、"warning"、"info"、"off" 之一'],
    [{ sections: { plan: { required: false } } }, '部分 "plan" 不存在'],
    [{ sections: { problems: { required: 'no' } } }, 'sections.problems.required 应为 true 或 false'],
    [{ maxFileSize: -1 }, 'maxFileSize 应为正数'],
    ['plain', 'options 应为对象'],
  ])('refuses %j', (options, message) => {
    expect(() => analyze(REPORT, options as never)).toThrow(TypeError);
    expect(() => analyze(REPORT, options as never)).toThrow(message);
    expect(() => analyseReport(REPORT, options as never)).toThrow(message);
  });

  it('refuses, in analyseReport, a previous version that is not an analysed report (the analysis of analyze) and a callback that is not a function', () => {
    const previous = analyze(REPORT);
    expect(() => analyseReport(REPORT, { previous } as never)).toThrow(/^fazhi-report: previous 应为 analyseReport 返回的对象 .*, 收到 \{"reportYear":2024,.{0,50}…$/);
    expect(() => analyseReport(REPORT, { onRuleError: 'log' } as never)).toThrow('onRuleError 应为函数 (onRuleError must be a function), 收到 "log"');
    expect(() => analyze(REPORT, { previous: analyseReport(REPORT) } as never)).toThrow('未知选项 previous');
  });

  it('refuses a text that is not a string', () => {
    expect(() => analyze(Buffer.from(REPORT) as never)).toThrow('text 应为字符串 (text must be a string), 收到 object');
  });
});
