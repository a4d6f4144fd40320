import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis, type AnalyzeOptions, type Range } from '../../server/src/analysis';
import { CORPUS, applyEdits, corpus, offsetOf } from '../helpers';

const plain: AnalyzeOptions = { format: 'plain' };

/** key → [title, asHeading, start line, end line] or null: the map as a reader writes it down. */
function sketch(a: Analysis) {
  return Object.fromEntries(
    Object.entries(a.sections).map(([k, v]) => [k, v ? [v.title, v.asHeading, v.range.start.line, v.range.end.line] : null]),
  );
}
const missing = (a: Analysis) =>
  a.findings.filter((f) => f.rule === 'required-section').map((f) => /缺少必备部分“([^”]+)”/.exec(f.message)![1]);

function deleteRange(text: string, r: Range): string {
  return text.slice(0, offsetOf(text, r.start)) + text.slice(offsetOf(text, r.end));
}

describe('sections of the real reports', () => {
  it('Suxitong has all four parts as level-1 headings', () => {
    expect(sketch(analyze(corpus(CORPUS.suxitong), plain))).toEqual({
      measures: ['一、推进法治政府建设的主要举措和成效', true, 3, 35],
      firstResponsible: ['二、主要负责人履行推进法治建设第一责任人职责情况', true, 36, 38],
      problems: ['三、存在问题和不足', true, 39, 42],
      nextYear: ['四、2023年度推进法治政府建设的主要安排', true, 43, 51],
      other: null,
    });
  });

  it('Xinyang reports the leaders\' duty in one sentence of its measures: present, not a heading', () => {
    const a = analyze(corpus(CORPUS.xinyang), plain);
    expect(sketch(a)).toEqual({
      measures: ['一、推进法治政府建设工作情况', true, 2, 9],
      firstResponsible: ['落实党委主要领导第一责任人责任', false, 3, 3],
      problems: ['二、存在问题', true, 10, 14],
      nextYear: ['三、2022年工作计划', true, 15, 19],
      other: null,
    });
    // The plan's 严格落实党政主要负责人履行推进法治建设第一责任人职责 (line 18) is a plan, not the report.
    expect(a.sections.firstResponsible!.range.start.line).toBe(3);
    expect(missing(a)).toEqual([]);
    expect(a.findings.filter((f) => f.rule === 'section-heading').map((f) => f.range.start.line)).toEqual([3]);
  });

  it('Jiangsu, as published here: measures over seven sections, the duty as an item, no problems and no plan', () => {
    const a = analyze(corpus(CORPUS.jiangsu), plain);
    expect(sketch(a)).toEqual({
      measures: ['一、全面履行政府職能,最佳化治理改革穩步推進', true, 10, 51],
      firstResponsible: ['一是積極履行法治政府建設第一責任人職責', false, 48, 48],
      problems: null,
      nextYear: null,
      other: null,
    });
    expect(missing(a)).toEqual(['存在的不足和原因', '下一年度推进法治政府建设的主要安排']);
    const first = a.findings.find((f) => f.rule === 'required-section')!;
    expect(first.severity).toBe('error');
    expect(first.range).toEqual(a.title!.range);
    expect(first.message).toBe('缺少必备部分“存在的不足和原因”：《法治政府建设与责任落实督察工作规定》要求年度报告写明“上一年度推进法治政府建设存在的不足和原因”');
  });

  it('none of the real reports has its parts out of order', () => {
    for (const name of Object.values(CORPUS)) expect(analyze(corpus(name), plain).findings.filter((f) => f.rule === 'section-order'), name).toEqual([]);
  });
});

const FULL = [
  '某区2023年度法治政府建设情况报告',
  '一、主要举措和成效',
  '全年办结行政复议案件30件。',
  '二、存在的不足和原因',
  '基层执法力量薄弱。',
  '三、区政府主要负责同志履行推进法治建设第一责任人职责情况',
  '区长带头学法。',
  '四、2024年工作打算',
  '持续深化依法行政。',
].join('\n');

describe('finding a part', () => {
  it('as a heading at any level, with the synonyms seen in real reports', () => {
    const full = analyze(FULL, plain).sections;
    expect([full.measures, full.problems, full.firstResponsible, full.nextYear].every((s) => s?.asHeading)).toBe(true);
    expect(full.other).toBeNull();
    const variants: [string, string][] = [
      ['problems', '三、存在问题和不足'],
      ['problems', '二、存在的问题'],
      ['problems', '三、问题与不足'],
      ['problems', '三、短板和不足'],
      ['nextYear', '三、下一步工作打算'],
      ['nextYear', '三、2022年工作计划'],
      ['nextYear', '四、下步打算'],
      ['nextYear', '四、下一年度工作思路'],
      ['measures', '一、工作开展情况'],
      ['measures', '一、2023年推进法治政府建设情况'],
      ['measures', '二、主要做法'],
      ['firstResponsible', '一、区政府主要负责同志履行推进法治建设第一责任人职责情况'],
    ];
    for (const [key, heading] of variants) {
      const found = analyze(`某区2023年度法治政府建设情况报告\n${heading}\n正文。\n`, plain).sections[key as keyof Analysis['sections']];
      expect(found?.title, heading).toBe(heading);
    }
    const sub = analyze('某区2023年度法治政府建设情况报告\n一、工作总结\n（一）主要举措和成效\n正文。\n（二）存在的不足和原因\n正文。\n二、下一步工作安排\n正文。\n', plain);
    expect(sub.sections.problems).toMatchObject({ title: '（二）存在的不足和原因', asHeading: true });
  });

  it('as an unnumbered paragraph that opens the problems or the plan', () => {
    const text = [
      '某区2023年度法治政府建设情况报告',
      '一、主要举措和成效',
      '全年办结行政复议案件30件。',
      '在充分肯定成绩的同时，也清醒认识到法治政府建设中的问题和不足：一是执法力量薄弱；二是普法方式单一。',
      '2024年，我们将坚持以习近平法治思想为指导，一是深化改革；二是强化监督。',
    ].join('\n');
    const a = analyze(text, { ...plain, sections: { firstResponsible: { required: false } } });
    expect(sketch(a)).toMatchObject({
      problems: ['在充分肯定成绩的同时，也清醒认识到法治政府建设中的问题和不足', false, 3, 3],
      nextYear: ['2024年，我们将坚持以习近平法治思想为指导，一是深化改革；二是强化监督', false, 4, 4],
    });
    // A complete excerpt without its signature also gets report-frame's information.
    expect(a.findings.map((f) => f.rule)).toEqual(['section-heading', 'section-heading', 'report-frame']);
    expect(analyze(text.replace('某区2023年度法治政府建设情况报告', '某区法治政府建设情况报告'), plain).reportYear).toBe(2023);
  });

  it('the leaders\' duty as a sub-heading, an item or a sentence inside another part', () => {
    const sub = analyze('某区2023年度报告\n一、主要举措和成效\n（一）压实党政主要负责人推进法治政府建设第一责任人职责\n正文。\n', plain);
    expect(sub.sections.firstResponsible).toMatchObject({ title: '（一）压实党政主要负责人推进法治政府建设第一责任人职责', asHeading: true });
    const item = analyze('某区2023年度报告\n一、主要举措和成效\n一是积极履行法治政府建设第一责任人职责。区长带头学法。\n', plain);
    expect(item.sections.firstResponsible).toMatchObject({ title: '一是积极履行法治政府建设第一责任人职责', asHeading: false });
    const sentence = analyze('某区2023年度报告\n一、主要举措和成效\n强化考核。落实党委主要领导第一责任人责任。将法治建设纳入规划。\n', plain);
    expect(sentence.sections.firstResponsible).toMatchObject({ title: '落实党委主要领导第一责任人责任', asHeading: false, range: { start: { line: 2, character: 5 }, end: { line: 2, character: 21 } } });
  });

  it('never counts a mention inside the plan, or the regulation\'s name, as the report on the duty', () => {
    const text = '某区2023年度报告\n一、主要举措和成效\n按照《党政主要负责人履行推进法治建设第一责任人职责规定》要求开展工作。\n二、存在问题\n正文。\n三、2024年工作计划\n严格落实党政主要负责人履行推进法治建设第一责任人职责。\n';
    const a = analyze(text, plain);
    expect(a.sections.firstResponsible).toBeNull();
    expect(missing(a)).toEqual(['党政主要负责人履行推进法治建设第一责任人职责情况']);
    // 着力解决存在问题 in the plan is a plan, not the problems part.
    const plan = analyze('某区2023年度报告\n一、主要举措和成效\n正文。\n二、2024年工作计划\n（一）着力解决存在问题\n正文。\n', plain);
    expect(plan.sections.problems).toBeNull();
    // A sub-heading of the measures about last year's plan is no plan.
    const done = analyze('某区2023年度报告\n一、主要举措和成效\n（一）落实年度工作计划\n正文。\n二、存在问题\n正文。\n', plain);
    expect(done.sections.nextYear).toBeNull();
    const sub = analyze('某区2023年度报告\n一、工作总结\n（一）主要举措\n正文。\n（二）存在问题\n正文。\n（三）2024年工作计划\n正文。\n', plain);
    expect(sub.sections.nextYear!.title).toBe('（三）2024年工作计划');
  });

  it('in Traditional Chinese', () => {
    const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(FULL);
    expect(traditional).not.toBe(FULL);
    expect(sketch(analyze(traditional, plain))).toEqual(
      Object.fromEntries(Object.entries(sketch(analyze(FULL, plain))).map(([k, v]) => [k, v && [OpenCC.Converter({ from: 'cn', to: 'tw' })(v[0] as string), ...v.slice(1)]])),
    );
  });

  it('with a user synonym, and a part marked not required', () => {
    const text = '某区2023年度法治政府建设情况报告\n一、主要举措和成效\n正文。\n二、存在的不足和原因\n正文。\n三、来年重点工作\n正文。\n';
    expect(analyze(text, plain).sections.nextYear).toBeNull();
    const withSynonym = analyze(text, { ...plain, sections: { nextYear: { synonyms: ['来年重点工作'] }, firstResponsible: { required: false } } });
    expect(withSynonym.sections.nextYear!.title).toBe('三、来年重点工作');
    expect(missing(withSynonym)).toEqual([]);
    // A synonym is plain text: regex characters match themselves.
    const dotted = { ...plain, sections: { nextYear: { synonyms: ['a.b'] } } };
    expect(analyze('某区2023年度报告\n一、主要举措\n二、a.b\n', dotted).sections.nextYear!.title).toBe('二、a.b');
    expect(analyze('某区2023年度报告\n一、主要举措\n二、axb\n', dotted).sections.nextYear).toBeNull();
  });

  it('is information only for reports before the 2019 rule', () => {
    const a = analyze('某县2017年法治政府建设情况报告\n一、主要做法\n正文。\n', plain);
    const found = a.findings.filter((f) => f.rule === 'required-section');
    expect(found).toHaveLength(3);
    expect(found.every((f) => f.severity === 'info')).toBe(true);
    expect(found[0].message).toContain('早于该规定施行');
  });
});

describe('section-order', () => {
  it('flags measures after the problems, and a plan that is not last', () => {
    const text = '某区2023年度报告\n一、存在的不足和原因\n正文。\n二、主要举措和成效\n正文。\n三、2024年工作计划\n正文。\n四、主要负责人履行推进法治建设第一责任人职责情况\n正文。\n';
    const found = analyze(text, plain).findings.filter((f) => f.rule === 'section-order');
    expect(found.map((f) => [f.severity, f.range.start.line, f.message])).toEqual([
      ['info', 3, '“主要举措和成效”应写在“存在的不足和原因”之前（后者在第 2 行）'],
      ['info', 5, '“下一年度推进法治政府建设的主要安排”应为报告的最后一部分，其后还有“党政主要负责人履行推进法治建设第一责任人职责情况”'],
    ]);
  });

  it('accepts the leaders\' duty first, as some reports do', () => {
    const text = '某区2023年度报告\n一、区政府主要负责同志履行推进法治建设第一责任人职责情况\n正文。\n二、主要举措和成效\n正文。\n三、存在问题\n正文。\n四、2024年工作打算\n正文。\n';
    expect(analyze(text, plain).findings.filter((f) => f.rule !== 'report-frame')).toEqual([]);
  });
});

describe('the required-section quick fixes', () => {
  const withoutProblems = FULL.replace('二、存在的不足和原因\n基层执法力量薄弱。\n三、', '二、').replace('四、2024年工作打算', '三、2024年工作打算');

  it('(a) inserts exactly the skeleton where the 规定 puts it, changing nothing else', () => {
    const a = analyze(withoutProblems, plain);
    const finding = a.findings.find((f) => f.rule === 'required-section')!;
    expect(finding.fix!.title).toBe('插入“二、推进法治政府建设存在的不足和原因”部分');
    expect(finding.fix!.edits).toHaveLength(1);
    const edit = finding.fix!.edits[0];
    expect(edit.range.start).toEqual(edit.range.end);
    expect(edit.range.start).toEqual({ line: 3, character: 0 });
    const fixed = applyEdits(withoutProblems, finding.fix!.edits);
    expect(fixed).toBe(withoutProblems.replace('二、区政府', `${edit.newText}二、区政府`));
    expect(edit.newText).toBe('二、推进法治政府建设存在的不足和原因\n实事求是查找法治政府建设中存在的不足，并分析其原因。\n');
    const after = analyze(fixed, plain);
    expect(after.sections.problems).toMatchObject({ title: '二、推进法治政府建设存在的不足和原因', asHeading: true });
    // The duplicate 二、 that follows is heading-sequence's to report.
    // The inserted guide is a template leftover until the writer replaces it (line 4).
    expect(after.findings.filter((f) => f.rule !== 'report-frame').map((f) => [f.rule, f.range.start.line])).toEqual([['template-leftover', 4], ['heading-sequence', 5]]);
  });

  it('(b) also renumbers the top-level headings after it', () => {
    const finding = analyze(withoutProblems, plain).findings.find((f) => f.rule === 'required-section')!;
    const renumber = finding.fixes![1];
    expect(renumber.title).toBe('插入“二、推进法治政府建设存在的不足和原因”部分，并重新编号其后的标题');
    const fixed = applyEdits(withoutProblems, renumber.edits);
    expect(fixed.split('\n').filter((l) => /^[一二三四五]、/.test(l))).toEqual([
      '一、主要举措和成效',
      '二、推进法治政府建设存在的不足和原因',
      '三、区政府主要负责同志履行推进法治建设第一责任人职责情况',
      '四、2024年工作打算',
    ]);
    const after = analyze(fixed, plain);
    expect(after.sections.problems!.asHeading).toBe(true);
    expect(after.findings.filter((f) => f.rule !== 'report-frame').map((f) => f.rule)).toEqual(['template-leftover']);
  });

  it('puts a missing plan at the end of the body, before the signature, with the next year in it', () => {
    const text = '某区2023年度法治政府建设情况报告\n\n一、主要举措和成效\n\n正文。\n\n二、存在问题\n\n正文。\n\n三、主要负责人履行推进法治建设第一责任人职责情况\n\n正文。\n\n某区人民政府\n2024年3月1日\n';
    const finding = analyze(text, plain).findings.find((f) => f.rule === 'required-section')!;
    const fixed = applyEdits(text, finding.fix!.edits);
    expect(fixed).toBe(text.replace('正文。\n\n某区人民政府', '正文。\n\n四、2024年度推进法治政府建设的主要安排\n\n结合上级部署和本地实际，写明下一年度推进法治政府建设的主要安排。\n\n某区人民政府'));
    expect(analyze(fixed, plain).sections.nextYear!.asHeading).toBe(true);
  });

  it('keeps Markdown `#` headings and CRLF line ends', () => {
    const text = '# 某区2023年度法治政府建设情况报告\r\n\r\n## 一、主要举措和成效\r\n\r\n正文。\r\n\r\n## 二、2024年工作计划\r\n\r\n正文。\r\n';
    const finding = analyze(text, { format: 'markdown', sections: { firstResponsible: { required: false } } }).findings.find((f) => f.rule === 'required-section')!;
    expect(finding.fix!.edits[0].newText).toBe('## 二、推进法治政府建设存在的不足和原因\r\n\r\n实事求是查找法治政府建设中存在的不足，并分析其原因。\r\n\r\n');
    expect(finding.fix!.edits[0].range.start).toEqual({ line: 6, character: 0 });
  });

  it('on each real report, yields the part as a heading', () => {
    const text = corpus(CORPUS.jiangsu);
    for (const finding of analyze(text, plain).findings.filter((f) => f.rule === 'required-section')) {
      expect(finding.fixes![0]).toBe(finding.fix);
      for (const fix of finding.fixes!) {
        const fixed = applyEdits(text, fix.edits);
        const after = analyze(fixed, plain);
        const key = finding.message.includes('不足') ? 'problems' : 'nextYear';
        expect(after.sections[key], fix.title).toMatchObject({ asHeading: true });
        // Insertion only: the original text is all still there, in order.
        const inserted = fix.edits.find((e) => e.newText.includes('\n'))!;
        expect(fixed.replace(inserted.newText, '').length).toBeLessThanOrEqual(text.length);
      }
    }
  });
});

// Where a report says the same thing twice, deleting the first leaves the second:
// Jiangsu also writes of its leaders' duty as a duty assessed (主要負責同志法治建設履職情況納入…考評).
const FOUND_AGAIN: Record<string, string> = {
  [`${CORPUS.jiangsu}:firstResponsible`]: '強化推進依法行政、建設法治政府主體責任,將黨政主要負責同志法治建設履職情況納入',
};

describe('deleting a part of a real report', () => {
  it('brings exactly one required-section for it, and the other parts stay as they were', () => {
    let checked = 0;
    for (const name of Object.values(CORPUS)) {
      const text = corpus(name);
      const before = analyze(text, plain);
      for (const [key, part] of Object.entries(before.sections)) {
        if (!part) continue;
        const after = analyze(deleteRange(text, part.range), plain);
        const again = FOUND_AGAIN[`${name}:${key}`];
        if (again) {
          expect(after.sections[key as keyof Analysis['sections']]?.title.startsWith(again), `${name} without ${key}`).toBe(true);
          expect(missing(after)).toEqual(missing(before));
          checked++;
          continue;
        }
        // Parts that lay inside the deleted one go with it (the leaders' duty inside the measures).
        const within = Object.entries(before.sections)
          .filter(([k, s]) => k !== key && s && offsetOf(text, s.range.start) >= offsetOf(text, part.range.start) && offsetOf(text, s.range.end) <= offsetOf(text, part.range.end))
          .map(([k]) => k);
        const missingBefore = missing(before);
        const newlyMissing = missing(after).filter((m) => !missingBefore.includes(m));
        expect(newlyMissing, `${name} without ${key}`).toHaveLength(1 + within.length);
        expect(after.sections[key as keyof Analysis['sections']], `${name} without ${key}`).toBeNull();
        for (const [k, s] of Object.entries(before.sections)) {
          if (k === key || within.includes(k)) continue;
          const now = after.sections[k as keyof Analysis['sections']];
          expect(now && [now.title, now.asHeading], `${name} without ${key}: ${k}`).toEqual(s && [s.title, s.asHeading]);
        }
        checked++;
      }
    }
    expect(checked).toBe(10);
  });
});
