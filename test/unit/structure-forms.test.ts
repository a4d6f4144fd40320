// The forms real reports write their structure in (issue #17): a short excerpt
// in, the parts, the year and the findings out — each in Simplified and in
// Traditional characters (as machine-converted mirrors publish them).
import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis, type AnalyzeOptions } from '../../server/src/analysis';
import { applyEdits } from '../helpers';

const plain: AnalyzeOptions = { format: 'plain' };
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const lines = (...l: string[]) => l.join('\n');

/** Runs a check on the excerpt and on its Traditional version (titles compared in Simplified). */
function inBothScripts(name: string, text: string, check: (a: Analysis, script: 'simplified' | 'traditional', text: string) => void) {
  it(`${name} (简体)`, () => check(analyze(text, plain), 'simplified', text));
  it(`${name} (繁體)`, () => {
    const traditional = toTraditional(text);
    expect(traditional).not.toBe(text);
    check(analyze(traditional, plain), 'traditional', traditional);
  });
}
const rules = (a: Analysis) => a.findings.map((f) => f.rule);
const missing = (a: Analysis) => a.findings.filter((f) => f.rule === 'required-section').map((f) => /缺少必备部分“([^”]+)”/.exec(f.message)![1]);
const start = (s: Analysis['sections'][keyof Analysis['sections']]) => s && [s.asHeading, s.range.start.line];

const MEASURES = ['一、主要举措和成效', '全年办结行政复议案件30件，区长带头述法。'];

describe('the problems and the plan at sentence level', () => {
  inBothScripts(
    'a plan written as a paragraph whose second sentence reads `2024年，我们将…`',
    lines('某区2023年度法治政府建设情况报告', ...MEASURES, '二、存在的不足和原因', '基层执法力量薄弱。', '针对上述问题，我们认真研究了改进办法。2024年，我们将坚持以习近平法治思想为指导，持续深化依法行政。'),
    (a) => {
      expect(start(a.sections.nextYear)).toEqual([false, 5]);
      expect(a.sections.nextYear!.title).toMatch(/^2024年/);
      expect(missing(a)).toEqual([]);
      expect(rules(a)).not.toContain('plan-year');
    },
  );

  inBothScripts(
    'a plan naming the wrong year is the plan, and plan-year says so',
    lines('某区2023年度法治政府建设情况报告', ...MEASURES, '二、存在的不足和原因', '基层执法力量薄弱。', '2023年，我们将持续深化依法行政，加强执法队伍建设。'),
    (a) => {
      expect(start(a.sections.nextYear)).toEqual([false, 5]);
      expect(missing(a)).toEqual([]);
      expect(a.findings.find((f) => f.rule === 'plan-year')?.message).toBe('下一年度安排的年份应为 2024 年（报告年度 2023 年 + 1），文中为 2023 年');
    },
  );

  inBothScripts(
    'problems opened by a turn of phrase, not a heading, then the plan',
    lines('某区2023年度法治政府建设情况报告', ...MEASURES, '二、强化执法监督', '开展执法检查12次。一年来，我区法治政府建设取得了积极成效，但也存在一些问题和不足：一是执法力量不足；二是普法方式单一。', '下一步，我区将着力补齐短板，推动法治政府建设再上新台阶。'),
    (a, script) => {
      expect(a.sections.problems).toMatchObject({ asHeading: false });
      expect(a.sections.problems!.title).toMatch(script === 'simplified' ? /^一年来.*但也存在一些问题和不足$/ : /^一年來.*但也存在一些問題和不足$/);
      expect(start(a.sections.nextYear)).toEqual([false, 5]);
      expect(missing(a)).toEqual([]);
    },
  );

  inBothScripts(
    'a shortcoming named inside a measure is a measure (解决, 针对…)',
    lines('某区2023年度法治政府建设情况报告', '一、主要举措和成效', '针对执法检查中发现存在的问题，及时督促整改。', '二、2024年工作安排', '持续深化依法行政。'),
    (a) => {
      expect(a.sections.problems).toBeNull();
      expect(missing(a)).toContain('存在的不足和原因');
    },
  );

  for (const heading of ['三、短板弱项及原因分析', '三、差距和不足', '三、困难和问题', '三、存在的问题及原因', '三、工作中的不足']) {
    inBothScripts(`problems headed with a synonym: ${heading}`, lines('某区2023年度法治政府建设情况报告', ...MEASURES, heading, '基层执法力量薄弱。'), (a) => {
      expect(start(a.sections.problems)).toEqual([true, 3]);
    });
  }

  for (const heading of ['四、2024年工作思路', '四、下步打算', '四、2024年重点工作', '四、下一步工作计划']) {
    inBothScripts(`the plan headed with a synonym: ${heading}`, lines('某区2023年度法治政府建设情况报告', ...MEASURES, heading, '持续深化依法行政。'), (a) => {
      expect(start(a.sections.nextYear)).toEqual([true, 3]);
    });
  }

  inBothScripts(
    'a combined heading covers both parts',
    lines('某区2023年度法治政府建设情况报告', ...MEASURES, '二、存在的问题和下步打算', '基层执法力量薄弱。下一步，我们将持续深化依法行政。'),
    (a) => {
      expect(start(a.sections.problems)).toEqual([true, 3]);
      expect(start(a.sections.nextYear)).toEqual([true, 3]);
      expect(missing(a)).toEqual([]);
    },
  );

  inBothScripts(
    'a combined heading with a sub-heading for each part',
    lines('某区2023年度法治政府建设情况报告', ...MEASURES, '二、存在问题及下一步工作打算', '（一）存在问题', '基层执法力量薄弱。', '（二）下一步工作打算', '持续深化依法行政。'),
    (a) => {
      expect(start(a.sections.problems)).toEqual([true, 4]);
      expect(start(a.sections.nextYear)).toEqual([true, 6]);
    },
  );
});

describe("the leaders' duty", () => {
  inBothScripts(
    'reported through the regulation the unit carries out',
    lines('某局2023年度法治政府建设情况报告', '一、主要举措和成效', '（一）强化组织领导。严格贯彻落实《党政主要负责人履行推进法治建设第一责任人职责规定》，将法治建设纳入年度重点工作。', '二、存在问题', '正文。', '三、2024年工作计划', '正文。'),
    (a) => {
      expect(a.sections.firstResponsible).toMatchObject({ asHeading: false });
      expect(a.sections.firstResponsible!.range.start.line).toBe(2);
      expect(missing(a)).toEqual([]);
    },
  );

  inBothScripts(
    'worded without the keyword: a leader doing the duty (带头, 述法)',
    lines('某局2023年度法治政府建设情况报告', '一、主要举措和成效', '局主要负责人带头学法，年底向全局干部职工述法。', '二、存在问题', '正文。', '三、2024年工作计划', '正文。'),
    (a) => {
      expect(a.sections.firstResponsible!.range.start.line).toBe(2);
      expect(missing(a)).toEqual([]);
    },
  );

  inBothScripts(
    'in the opening paragraph',
    lines('某局2023年度法治政府建设情况报告', '2023年，我局认真履行法治建设第一责任人职责，扎实推进法治政府建设。现将有关情况报告如下：', '一、主要举措和成效', '正文。', '二、存在问题', '正文。', '三、2024年工作计划', '正文。'),
    (a) => {
      expect(a.sections.firstResponsible!.range.start.line).toBe(1);
      expect(missing(a)).toEqual([]);
    },
  );

  inBothScripts(
    'a first 一、 that is the duty section leaves the thematic sections after it to the measures',
    lines('某区2023年度法治政府建设情况报告', '一、区政府主要负责同志履行推进法治建设第一责任人职责情况', '区长带头学法。', '二、坚持依法行政，规范权力运行', '正文。', '三、深化普法宣传，营造法治氛围', '正文。', '四、存在的不足和原因', '正文。', '五、2024年工作安排', '正文。'),
    (a) => {
      expect(start(a.sections.firstResponsible)).toEqual([true, 1]);
      expect(a.sections.measures).toMatchObject({ asHeading: true, range: { start: { line: 3 }, end: { line: 6 } } });
      expect(missing(a)).toEqual([]);
      expect(rules(a)).not.toContain('section-order');
    },
  );

  inBothScripts(
    'a list of the report\'s parts in the opening is no report on the duty',
    lines('某局2023年度法治政府建设情况报告', '本报告包括主要举措和成效、党政主要负责人履行推进法治建设第一责任人职责情况、存在的不足和原因、下一年度工作安排四个部分。', '一、主要举措和成效', '正文。', '二、存在问题', '正文。', '三、2024年工作计划', '正文。'),
    (a) => {
      expect(a.sections.firstResponsible).toBeNull();
    },
  );
});

describe('the optional fifth part', () => {
  inBothScripts(
    '其他需要报告的情况 is recognised and never required',
    lines('某区2023年度法治政府建设情况报告', ...MEASURES, '二、存在的不足和原因', '正文。', '三、2024年工作安排', '正文。', '四、其他需要报告的情况', '无。'),
    (a) => {
      expect(start(a.sections.other)).toEqual([true, 7]);
      expect(start(a.sections.nextYear)).toEqual([true, 5]);
      expect(missing(a)).toEqual([]);
    },
  );

  it('is not missing when absent', () => {
    const a = analyze(lines('某区2023年度法治政府建设情况报告', ...MEASURES, '二、存在的不足和原因', '正文。', '三、2024年工作安排', '正文。'), plain);
    expect(a.sections.other).toBeNull();
    expect(missing(a)).toEqual([]);
  });
});

describe('the year', () => {
  inBothScripts('named only in 现将…YYYY年…报告如下', lines('为深入推进依法行政，根据上级要求，现将我局2022年法治政府建设情况报告如下：', '一、主要举措和成效', '正文。'), (a) => {
    expect([a.reportYear, a.reportYearSource]).toEqual([2022, 'opening']);
  });

  inBothScripts('named only in the first heading', lines('一、2025年推进法治政府建设的主要举措和成效', '正文。', '二、存在问题', '正文。'), (a) => {
    expect([a.reportYear, a.reportYearSource]).toEqual([2025, 'opening']);
  });

  inBothScripts(
    'page furniture never becomes the title',
    lines('首页 > 政务公开 > 法治政府建设年度报告', '发布时间：2024-03-01 来源：区司法局', '字号 大 中 小 打印本页', '某区司法局2023年度法治政府建设情况报告', '2023年，我局坚持依法行政。', '一、主要举措和成效', '正文。'),
    (a, script) => {
      expect(a.title!.text).toBe(script === 'simplified' ? '某区司法局2023年度法治政府建设情况报告' : toTraditional('某区司法局2023年度法治政府建设情况报告'));
      expect(a.reportYear).toBe(2023);
    },
  );

  inBothScripts('a title split over the unit line and the report line', lines('某县人民政府', '关于2023年度法治政府建设情况的报告', '2023年，我县坚持依法行政。', '一、主要举措和成效', '正文。'), (a) => {
    expect(a.title!.text.replace(/\s/g, '')).toMatch(/^某县人民政府关于2023年度法治政府建设情况的报告$|^某縣人民政府關於2023年度法治政府建設情況的報告$/);
    expect(a.title!.range.start.line).toBe(0);
  });
});

describe('year-mismatch', () => {
  inBothScripts(
    'a 2025 report whose measures read 2024',
    lines('某区2025年度法治政府建设情况报告', '一、2024年度推进法治政府建设的主要举措和成效', '正文。'),
    (a) => {
      const f = a.findings.find((x) => x.rule === 'year-mismatch')!;
      expect(f.message).toBe('“主要举措和成效”标题中的年度 2024 年与报告年度 2025 年（标题）不一致');
      expect(f.severity).toBe('warning');
      expect(f.range).toEqual({ start: { line: 1, character: 2 }, end: { line: 1, character: 6 } });
    },
  );

  it('is quiet when the heading and the opening name the report year', () => {
    const a = analyze(lines('某区2025年度法治政府建设情况报告', '2025年，我区坚持依法行政。', '一、2025年度推进法治政府建设的主要举措和成效', '正文。'), plain);
    expect(rules(a)).not.toContain('year-mismatch');
  });
});

describe('period-mismatch', () => {
  inBothScripts('a programme written with the wrong period, fixed to its own', lines('某区2023年度法治政府建设情况报告', '一、主要举措和成效', '深入贯彻《法治政府建设实施纲要（2021—2024年）》。'), (a, _script, text) => {
    const f = a.findings.find((x) => x.rule === 'period-mismatch')!;
    expect(f.message).toBe('法治政府建设实施纲要的期间为 2015—2020 年、2021—2025 年，文中写作 2021—2024 年');
    const fixed = applyEdits(text, f.fix!.edits);
    expect(fixed).toBe(text.replace('2021—2024', '2021—2025'));
  });

  it('an impossible period (2021-2021)', () => {
    const text = lines('某区2023年度法治政府建设情况报告', '一、主要举措和成效', '认真落实“八五”普法规划（2021-2021年）。');
    const f = analyze(text, plain).findings.find((x) => x.rule === 'period-mismatch')!;
    expect(f.message).toBe('“八五”普法的期间为 2021—2025 年，文中写作 2021—2021 年（起止年份有误）');
    expect(applyEdits(text, f.fix!.edits)).toBe(text.replace('2021-2021', '2021-2025'));
  });

  inBothScripts('a plan for 2026 that calls its year part of 十四五', lines('某区2025年度法治政府建设情况报告', '一、主要举措和成效', '正文。', '二、2026年工作安排', '2026年是“十四五”规划开局之年，我们将持续深化依法行政。'), (a, _script, text) => {
    const f = a.findings.find((x) => x.rule === 'period-mismatch')!;
    expect(f.message).toBe('2026 年不在“十四五”（2021—2025 年）期间内，应为“十五五”');
    expect(applyEdits(text, f.fix!.edits)).toBe(text.replace('十四五', '十五五'));
  });

  it('a provincial programme of the same name keeps its own period', () => {
    const a = analyze(lines('某县2019年度法治政府建设情况报告', '一、主要举措和成效', '认真贯彻《云南省法治政府建设实施纲要（2016—2020年）》。'), plain);
    expect(rules(a)).not.toContain('period-mismatch');
  });

  it('a programme with its right period, and the right stage of it, are quiet', () => {
    const a = analyze(lines('某区2025年度法治政府建设情况报告', '一、主要举措和成效', '2025年是“十四五”规划收官之年，深入实施《提升行政执法质量三年行动计划（2023—2025年）》。'), plain);
    expect(rules(a)).not.toContain('period-mismatch');
  });
});

describe('run-in headings', () => {
  const page =
    '某区2023年度法治政府建设情况报告。2023年，我区坚持以习近平法治思想为指导，扎实推进法治政府建设，各项工作取得积极成效，为全区经济社会高质量发展提供了有力法治保障，现将有关情况报告如下。' +
    '一、主要举措和成效。全年办结行政复议案件30件，较上年增加5件，行政机关负责人出庭应诉率达到100%，区长带头述法，切实履行法治建设第一责任人职责。' +
    '二、存在的不足和原因。基层执法力量薄弱，执法人员专业能力有待进一步提升，普法宣传的针对性和实效性还不够强。' +
    '三、2024年工作安排。持续深化依法行政，加强执法队伍建设，创新普法宣传方式，推动法治政府建设再上新台阶。';
  inBothScripts('a page copied as one paragraph', page, (a) => {
    expect(a.outline.filter((n) => n.kind === 'heading').map((n) => n.numbering)).toEqual(['一、', '二、', '三、']);
    expect(missing(a)).toEqual([]);
    expect(a.findings.filter((f) => f.rule === 'run-in-headings')).toHaveLength(1);
  });

  it('a report with paragraph breaks gets no such finding', () => {
    const a = analyze(lines('某区2023年度法治政府建设情况报告', ...MEASURES, '二、存在的不足和原因', '正文。', '三、2024年工作安排', '正文。'), plain);
    expect(rules(a)).not.toContain('run-in-headings');
  });
});

describe('who reports, and when', () => {
  const REPORT = (unit: string, date: string) =>
    lines(`${unit}关于2023年度法治政府建设情况的报告`, ...MEASURES, '二、存在的不足和原因', '正文。', '三、2024年工作安排', '正文。', '', unit, date);

  inBothScripts('a department dating its report after 3月1日', REPORT('某区司法局', '2024年3月15日'), (a) => {
    const f = a.findings.find((x) => x.rule === 'report-deadline')!;
    expect(f.severity).toBe('info');
    expect(f.message).toMatch(/晚于报送时限：.*为政府部门，2023 年度报告应于 2024年3月1日前报送$/);
  });

  it('a government may date it up to 4月1日', () => {
    const a = analyze(REPORT('某区人民政府', '2024年3月15日'), plain);
    expect(rules(a)).not.toContain('report-deadline');
    expect(rules(analyze(REPORT('某区人民政府', '2024年4月2日'), plain))).toContain('report-deadline');
  });

  inBothScripts('a date written with leading zeros, fixed to GB/T 9704', REPORT('某区人民政府', '2024年03月06日'), (a, _script, text) => {
    const f = a.findings.find((x) => x.rule === 'signature-date')!;
    expect(f.message).toBe('成文日期应写作“2024年3月6日”：用阿拉伯数字，月、日不编虚位（GB/T 9704-2012 7.3.5.4）');
    expect(applyEdits(text, f.fix!.edits)).toBe(text.replace('2024年03月06日', '2024年3月6日'));
  });

  it('a date in Chinese numerals, fixed', () => {
    const text = REPORT('某区人民政府', '二〇二四年三月六日');
    const f = analyze(text, plain).findings.find((x) => x.rule === 'signature-date')!;
    expect(applyEdits(text, f.fix!.edits)).toBe(text.replace('二〇二四年三月六日', '2024年3月6日'));
  });

  it('a finished report without its signature, or its date, is told so; a draft still being written is not', () => {
    const noSignature = lines('某区2023年度法治政府建设情况报告', ...MEASURES, '二、存在的不足和原因', '正文。', '三、2024年工作安排', '正文。');
    expect(analyze(noSignature, plain).findings.filter((f) => f.rule === 'report-frame').map((f) => f.message)).toEqual(['报告末尾缺少落款（发文单位）和成文日期']);
    const noDate = `${noSignature}\n\n某区人民政府`;
    expect(analyze(noDate, plain).findings.filter((f) => f.rule === 'report-frame').map((f) => f.message)).toEqual(['落款下缺少成文日期（如“2025年2月20日”）']);
    const draft = lines('某区2023年度法治政府建设情况报告', ...MEASURES, '二、存在的不足和原因', '正文。');
    expect(rules(analyze(draft, plain))).not.toContain('report-frame');
    const untitled = lines(...MEASURES, '二、存在的不足和原因', '正文。');
    expect(analyze(untitled, plain).findings.filter((f) => f.rule === 'report-frame').map((f) => f.message)).toEqual(['报告缺少标题（如“某区人民政府关于2024年度法治政府建设情况的报告”）']);
  });

  it('page furniture after the date is not part of the report', () => {
    const text = `${REPORT('某区人民政府', '2024年2月20日')}\n分享到：\n0人觉得有用\n无\n`;
    const a = analyze(text, plain);
    expect(a.outline.find((n) => n.kind === 'signature')?.title).toBe('某区人民政府 2024年2月20日');
    expect(rules(a)).not.toContain('report-frame');
  });
});
