import { describe, expect, it } from 'vitest';
import { analyze, type AnalyzeOptions } from '../../server/src/analysis';
import { analyzeDetailed } from '../../server/src/analysis/analyze';
import { parseChineseNumber } from '../../server/src/analysis/numerals';
import type { Quantity, Relation, RelationKind } from '../../server/src/analysis/numbers';
import { CORPUS, corpus } from '../helpers';

const plain: AnalyzeOptions = { format: 'plain' };
const numbersOf = (text: string) => analyzeDetailed(text, plain).context!.numbers;
const q = (text: string) => numbersOf(text).quantities.map((x) => [x.value, x.unit, x.approx]);
const relationsOf = (text: string) => numbersOf(text).relations;
const describeRelation = (r: Relation) => `${r.kind} ${r.explanation}`;
const rule = (text: string, id: string) => analyze(text, plain).findings.filter((f) => f.rule === id);

describe('Chinese numerals', () => {
  it('decodes what nzh gets wrong', () => {
    expect(parseChineseNumber('两千')).toBe(2000);
    expect(parseChineseNumber('二〇二四')).toBe(2024);
    expect(parseChineseNumber('一万')).toBe(10000);
    expect(parseChineseNumber('十一')).toBe(11);
    expect(parseChineseNumber('一百零五')).toBe(105);
    expect(parseChineseNumber('三千五百万')).toBe(35000000);
    expect(parseChineseNumber('两亿三千万')).toBe(230000000);
  });
});

describe('quantities', () => {
  it('reads Arabic figures with decimals and thousands groups, units and approximations', () => {
    expect(q('全年受理1,195件，调解成功1194 件，成功率达99.9%。')).toEqual([
      [1195, '件', false],
      [1194, '件', false],
      [99.9, '%', false],
    ]);
    // An ASCII comma between clauses is no thousands separator.
    expect(q('共20件,已化解17件,还有3件未化解')).toEqual([
      [20, '件', false],
      [17, '件', false],
      [3, '件', false],
    ]);
    expect(q('培训3.5万人次，发放资料1万余份，开展活动80余次，约300人参加，近50家企业，100人左右，提高5个百分点')).toEqual([
      [35000, '人次', false],
      [10000, '份', true],
      [80, '次', true],
      [300, '人', true],
      [50, '家', true],
      [100, '人', true],
      [5, '个百分点', false],
    ]);
    expect(q('合格率为百分之九十五，通过率98％')).toEqual([
      [95, '%', false],
      [98, '%', false],
    ]);
  });

  it('reads Chinese numerals that count, not those in names', () => {
    expect(q('组织开展两次专题培训，出台十余条措施，印发一万余份宣传册')).toEqual([
      [2, '次', false],
      [10, '条', true],
      [10000, '份', true],
    ]);
    expect(q('全面推行行政执法三项制度，落实“四个一”工作机制，进一步统一标准')).toEqual([]);
  });

  it('never counts names, dates, years, titles or codes', () => {
    expect(
      q('“八五”普法启动，落实“532”发展战略，12345热线受理，5·12防灾日，7×24小时服务，2023年3月1日，2022年度，《2021-2025年规划》，第3批，二〇二三年'),
    ).toEqual([]);
  });
});

describe('relations found in the real reports, listed by hand', () => {
  it('Suxitong', () => {
    const found = relationsOf(corpus(CORPUS.suxitong)).map(describeRelation);
    for (const expected of [
      'sum 942 + 239 = 1181 = 1181（总数）✓',
      'rate 17 / 20 = 85%，文中 85% ✓',
      'sum 17 + 3 = 20 = 20（总数）✓',
      'subset 490 ≤ 502 ✓',
      'subset 4 ≤ 54 ✓',
    ]) {
      expect(found).toContain(expected);
    }
    expect(relationsOf(corpus(CORPUS.suxitong)).every((r) => r.holds)).toBe(true);
  });

  it('the examples of ../shared/domain.md', () => {
    // 调解成功 is a subset of what was received by its definition; the count right before it is its whole.
    expect(relationsOf('全年受理矛盾纠纷1195件，调解成功1194件，调解成功率达99.9%。').map(describeRelation)).toEqual(['subset 1194 ≤ 1195 ✓', 'rate 1194 / 1195 = 99.92%，文中 99.9% ✓']);
    expect(relationsOf('国家、省、市交办的初次走访事项共20件，已化解17件，还有3件未化解，化解率85%。').map(describeRelation)).toEqual([
      'sum 17 + 3 = 20 = 20（总数）✓',
      'rate 17 / 20 = 85%，文中 85% ✓',
    ]);
    expect(relationsOf('共受理和办结信访事项1181件，其中阳光信访平台942件，市长信箱239件。').map(describeRelation)).toEqual(['sum 942 + 239 = 1181 = 1181（总数）✓']);
    expect(
      relationsOf('全面清理我市制发的规范性文件66件，其中政府规范性文件33件（继续实施17件，修改3件，失效13件），部门规范性文件33件（继续实施25件，废止2件，失效6件）。').map(describeRelation),
    ).toEqual(['sum 33 + 33 = 66 = 66（总数）✓', 'sum 17 + 3 + 13 = 33 = 33（总数）✓', 'sum 25 + 2 + 6 = 33 = 33（总数）✓']);
    expect(relationsOf('新增行政诉讼案件17起，上年度流转3起，共计20起。').map(describeRelation)).toEqual(['sum 17 + 3 = 20 = 20（总数）✓']);
    expect(relationsOf('共排查出54起矛盾纠纷，其中涉稳重大矛盾纠纷4起。').map(describeRelation)).toEqual(['subset 4 ≤ 54 ✓']);
  });
});

describe('rate-mismatch', () => {
  it('flags a rate off by more than its own rounding, with the facts and a fix that never rounds up to 100%', () => {
    const [f] = rule('全年受理矛盾纠纷1195件，调解成功1194件，调解成功率达98%。', 'rate-mismatch');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe('比率与分子分母不一致：1194/1195 = 99.92%（调解成功 / 受理矛盾纠纷），文中写 98%');
    // 99.92% at whole percents would read 100%, which says every dispute was settled: one decimal more.
    expect(f.fix).toEqual({ title: '改为 99.9%', edits: [{ range: { start: { line: 0, character: 30 }, end: { line: 0, character: 33 } }, newText: '99.9%' }] });
    const [g] = rule('共20件，已化解17件，还有3件未化解，化解率80.5%。', 'rate-mismatch');
    expect(g.fix!.title).toBe('改为 85.0%');
  });

  it('stays quiet within rounding, by rounding or by truncation, and with approximate counts', () => {
    expect(rule('全年受理矛盾纠纷1195件，调解成功1194件，调解成功率达99.9%。', 'rate-mismatch')).toEqual([]);
    // 2/3 = 66.67%: 66.7% rounded, 66.6% truncated; both are how writers state it.
    expect(rule('受理3件，调解成功2件，调解成功率66.7%。', 'rate-mismatch')).toEqual([]);
    expect(rule('受理3件，调解成功2件，调解成功率66.6%。', 'rate-mismatch')).toEqual([]);
    expect(rule('受理100余件，调解成功90件，调解成功率达85%。', 'rate-mismatch')).toEqual([]);
  });

  it('takes 100% to say every one: 1194 of 1195 is not 100%, and the fix adds a decimal', () => {
    const [f] = rule('受理1195件，调解成功1194件，调解成功率达100%。', 'rate-mismatch');
    expect(f.fix!.edits[0].newText).toBe('99.9%');
    expect(rule('受理1195件，调解成功1195件，调解成功率达100%。', 'rate-mismatch')).toEqual([]);
  });
});

describe('sum-mismatch', () => {
  it('flags parts over the total', () => {
    const [f] = rule('共受理信访事项1181件，其中阳光信访平台952件，市长信箱239件。', 'sum-mismatch');
    expect(f.message).toBe('分项之和大于总数：952件 + 239件 = 1191件，总数为 1181件');
    expect(f.range.start.character).toBe(7);
  });

  it('flags parts under the total only where the list is complete', () => {
    expect(rule('共排查出54起矛盾纠纷，其中涉稳重大矛盾纠纷4起。', 'sum-mismatch')).toEqual([]);
    expect(rule('新增行政诉讼案件17起，上年度流转3起，共计21起。', 'sum-mismatch').map((f) => f.message)).toEqual(['分项之和小于总数：17起 + 3起 = 20起，总数为 21起（文中分项已列全）']);
    expect(rule('交办事项共20件，已化解17件，还有2件未化解。', 'sum-mismatch')).toHaveLength(1);
    expect(rule('共收到建议30条，其中采纳20条，其余5条正在研究。', 'sum-mismatch')).toHaveLength(1);
  });

  it('checks nested groups', () => {
    const text = '全面清理规范性文件66件，其中政府规范性文件33件（继续实施17件，修改3件，失效15件），部门规范性文件33件（继续实施25件，废止2件，失效6件）。';
    expect(rule(text, 'sum-mismatch').map((f) => f.message)).toEqual(['分项之和大于总数：17件 + 3件 + 15件 = 35件，总数为 33件']);
  });
});

describe('part-exceeds-total', () => {
  it('flags a subset larger than its whole', () => {
    const [f] = rule('截至目前，园区接报警共502起，调处510起。', 'part-exceeds-total');
    expect(f.message).toBe('部分大于整体：“调处”510起，多于“园区接报警”502起');
    expect(rule('截至目前，园区接报警共502起，调处490起。', 'part-exceeds-total')).toEqual([]);
    // Cases closed this year include older ones: more closed than newly received is no error by itself.
    expect(rule('全年受理行政复议案件30件，办结32件。', 'part-exceeds-total')).toEqual([]);
    // A 纠错 is a decision on a case received: it cannot outnumber them.
    expect(rule('全年共受理行政复议案件30件，纠错32件。', 'part-exceeds-total')).toHaveLength(1);
  });
});

describe('rate-over-100', () => {
  it('flags a share rate above 100%, not a growth rate', () => {
    expect(rule('按期办结率为102%。', 'rate-over-100').map((f) => f.message)).toEqual(['按期办结率按定义不超过 100%，文中为 102%']);
    // A court's 结案率 counts the old cases it closed: it may pass 100%.
    expect(rule('全年结案率为102%。', 'rate-over-100')).toEqual([]);
    expect(rule('群众满意率达100%，答复率达100%。', 'rate-over-100')).toEqual([]);
    expect(rule('案件数量同比增长率达150%，营商指数增长120%。', 'rate-over-100')).toEqual([]);
  });
});

describe('repeated-figure', () => {
  it('flags the same metric stated twice with different numbers', () => {
    const text = '一、主要举措\n园区、镇街、各部门共开展集中宣讲21次，参会人数共计669人。\n二、其他\n各部门共开展集中宣讲20次，参会人数共计669人。\n';
    const [f] = rule(text, 'repeated-figure');
    expect(f.message).toBe('同一指标前后不一致：“各部门共开展集中宣讲”第 2 行为 21次，此处为 20次');
    expect(f.range.start.line).toBe(3);
    expect(rule(text.replace('宣讲20次', '宣讲21次'), 'repeated-figure')).toEqual([]);
  });

  it('ignores short subjects, approximations and the plan', () => {
    expect(rule('开展5次。开展7次。', 'repeated-figure')).toEqual([]);
    expect(rule('开展普法宣传活动20余次。开展普法宣传活动30余次。', 'repeated-figure')).toEqual([]);
    expect(rule('某区2023年度报告\n一、主要举措\n开展普法宣传活动20次。\n二、2024年工作计划\n开展普法宣传活动30次。\n', 'repeated-figure')).toEqual([]);
  });
});

describe('plan-year', () => {
  it('flags a plan whose year is not the report year + 1', () => {
    const [f] = rule('某区2023年度法治政府建设情况报告\n一、主要举措\n二、2023年工作计划\n', 'plan-year');
    expect(f.message).toBe('下一年度安排的年份应为 2024 年（报告年度 2023 年 + 1），文中为 2023 年');
    expect(f.range).toEqual({ start: { line: 2, character: 2 }, end: { line: 2, character: 6 } });
    expect(rule('某区2021年度法治政府建设情况报告\n一、主要举措\n二、2022年工作计划\n', 'plan-year')).toEqual([]);
  });

  it('leaves a title year that disagrees with the opening to year-mismatch', () => {
    expect(rule('某县2021年法治政府建设工作情况报告\n2022年，我县坚持依法行政。\n一、主要举措\n', 'plan-year')).toEqual([]);
    const [f] = rule('某县2021年法治政府建设工作情况报告\n2022年，我县坚持依法行政。\n一、主要举措\n', 'year-mismatch');
    expect(f.message).toBe('开篇所写的年度 2022 年与报告年度 2021 年（标题）不一致');
    expect(f.range).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
  });

  it('is quiet on the real reports', () => {
    for (const name of Object.values(CORPUS)) expect(rule(corpus(name), 'plan-year'), name).toEqual([]);
  });
});

describe('blank-number', () => {
  it('finds the blanks of the Xinyang report', () => {
    const found = rule(corpus(CORPUS.xinyang), 'blank-number');
    expect(found.map((f) => f.message)).toEqual(['数字空缺：“年共收集 企业问题”此处缺少数字', '数字空缺：“题,解决 个;在为”此处缺少数字']);
    expect(found.every((f) => f.severity === 'error')).toBe(true);
  });

  it('takes `1194 件` with a space for a number, and leaves spaced web layouts alone', () => {
    expect(rule('调解成功1194 件，审查262 项。', 'blank-number')).toEqual([]);
    expect(rule('共召开会议 次。', 'blank-number')).toHaveLength(1);
    expect(rule('首页 新闻 动态 通知 公告 收集 意见 专栏 互动', 'blank-number')).toEqual([]);
  });
});

describe('placeholder, for figures', () => {
  it('finds （数字）, masked years and a lone star for a count', () => {
    const found = rule('全年办理案件（数字）件，20XX年度，x01x年度，共召开会议*次。', 'placeholder').map((f) => f.message);
    expect(found).toEqual([
      '遗留占位符“（数字）”：请填入实际内容',
      '遗留占位符“20XX”：请填入实际内容',
      '遗留占位符“x01x”：请填入实际内容',
      '遗留占位符“*”：请填入实际内容',
    ]);
  });
});

describe('region-mismatch', () => {
  it('flags another province\'s programme in the Xinyang (河南) report', () => {
    const found = rule(corpus(CORPUS.xinyang), 'region-mismatch');
    expect(found).toHaveLength(1);
    expect(found[0].message).toBe('疑似从其他地区报告中遗留：本报告属河南，此处写“陕西省法治政府建设“六”');
    expect(found[0].severity).toBe('warning');
  });

  it('leaves fixed expressions, visits and reports of unknown region alone', () => {
    const head = '信阳市2023年度法治政府建设情况报告\n一、主要举措\n';
    expect(rule(head + '全面落实陕西省法治政府建设要求。\n', 'region-mismatch')).toHaveLength(1);
    expect(rule(head + '推进长三角、京津冀、川渝通办、跨省通办事项。\n', 'region-mismatch')).toEqual([]);
    expect(rule(head + '组织干部赴浙江省学习考察法治政府建设经验。\n', 'region-mismatch')).toEqual([]);
    expect(rule(head + '落实信阳市法治政府建设要求，贯彻河南省委部署。\n', 'region-mismatch')).toEqual([]);
    expect(rule(head + '落实郑州市法治政府建设要求。\n', 'region-mismatch')).toHaveLength(1);
    expect(rule('某区2023年度法治政府建设情况报告\n一、主要举措\n全面实施陕西省法治政府建设要求。\n', 'region-mismatch')).toEqual([]);
  });
});

describe('precision on the real reports', () => {
  it('raises warnings and errors of the numbers issue only for the true faults', () => {
    const numberRules = ['rate-mismatch', 'sum-mismatch', 'part-exceeds-total', 'rate-over-100', 'repeated-figure', 'plan-year', 'blank-number', 'placeholder', 'region-mismatch'];
    const found = Object.values(CORPUS).flatMap((name) =>
      analyze(corpus(name), plain)
        .findings.filter((f) => numberRules.includes(f.rule) && f.severity !== 'info')
        .map((f) => `${name.slice(0, 4)} ${f.rule} ${f.range.start.line}`),
    );
    expect(found).toEqual(['2021 blank-number 4', '2021 blank-number 4', '2021 region-mismatch 18', '2022 placeholder 35']);
  });
});

/** Replaces a figure's digits in the text. */
function mutate(text: string, quantity: Quantity, value: number): string {
  const digits = Number.isInteger(value) ? String(value) : value.toFixed(quantity.decimals);
  return text.slice(0, quantity.figureStart) + digits + text.slice(quantity.figureEnd);
}

const RULE_OF: Record<RelationKind, string> = { rate: 'rate-mismatch', share: 'share-mismatch', shares: 'share-mismatch', sum: 'sum-mismatch', subset: 'part-exceeds-total', growth: 'growth-mismatch', difference: 'growth-mismatch', points: 'points-mismatch', average: 'average-mismatch' };

describe('mutations of the real reports', () => {
  it('every consistent relation, once broken beyond rounding, is flagged', () => {
    const texts = [
      ...Object.values(CORPUS).map((name) => corpus(name)),
      '全年受理矛盾纠纷1195件，调解成功1194件，调解成功率达99.9%。',
      '全面清理我市制发的规范性文件66件，其中政府规范性文件33件（继续实施17件，修改3件，失效13件），部门规范性文件33件（继续实施25件，废止2件，失效6件）。',
      '新增行政诉讼案件17起，上年度流转3起，共计20起。',
      '共受理群众诉求9230件，其中咨询类4733件，占51.28%；求助类3162件，占34.26%。',
      '2023年受理复议案件66件，2024年受理复议案件151件，同比增长128.79%。',
      '刑事案件262件，同比下降2.60%，同比减少7件。',
      '办结率由80%提高到85%，提高5个百分点。',
      '2024年第26周（6月24日—6月30日）共受理诉求71412件，日均10202件。',
    ];
    let relations = 0;
    let mutations = 0;
    let caught = 0;
    for (const text of texts) {
      for (const r of relationsOf(text)) {
        if (!r.holds || r.anchor.chinese || r.members.some((m) => m.chinese)) continue;
        relations++;
        const variants: string[] = [];
        if (r.kind === 'rate') {
          // The stated rate, and the numerator, pushed beyond rounding.
          variants.push(mutate(text, r.anchor, r.anchor.value >= 50 ? r.anchor.value - 10 : r.anchor.value + 10));
          variants.push(mutate(text, r.members[0], Math.max(0, Math.round(r.members[0].value * 0.5))));
        } else if (r.kind === 'sum') {
          // Raise a part past the total, and, separately, lower the total below the parts.
          variants.push(mutate(text, r.members[0], r.members[0].value + (r.anchor.value - r.computed) + Math.max(2, Math.ceil(r.anchor.value * 0.2))));
          variants.push(mutate(text, r.anchor, Math.max(0, r.computed - Math.max(2, Math.ceil(r.anchor.value * 0.2)))));
        } else {
          variants.push(mutate(text, r.members[0], r.anchor.value + Math.max(2, Math.ceil(r.anchor.value * 0.2))));
        }
        for (const variant of variants) {
          mutations++;
          const flagged = analyze(variant, plain).findings.some((f) => f.rule === RULE_OF[r.kind]);
          if (flagged) caught++;
          else console.log(`not caught: ${r.kind} ${r.explanation}`);
        }
      }
    }
    console.log(`mutation test: ${relations} consistent relations, ${mutations} mutations, ${caught} caught`);
    expect(relations).toBeGreaterThanOrEqual(17);
    expect(caught).toBe(mutations);
  });
});
