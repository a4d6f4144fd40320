import { describe, expect, it } from 'vitest';
import titleData from '../../server/src/analysis/data/titles.json';
import termData from '../../server/src/analysis/data/terms.json';
import { findings, fixAll, fixedWithin, marked } from './style-support';

describe('official-title', () => {
  it('flags a near miss of a known title with its exact form, editing only the characters that differ', () => {
    const text = '全面落实《法治政府建设实施纲要（2021—2025）》，严格执行《中华人民共和国行政复议》。\n';
    const list = findings(text, 'official-title');
    expect(list.map((f) => [marked(text, f), f.message])).toEqual([
      ['《法治政府建设实施纲要（2021—2025）》', '文件名称有误：《法治政府建设实施纲要（2021—2025）》应为《法治政府建设实施纲要（2021—2025年）》'],
      ['《中华人民共和国行政复议》', '文件名称有误：《中华人民共和国行政复议》应为《中华人民共和国行政复议法》'],
    ]);
    expect(list[0].fix!.edits.map((e) => e.newText)).toEqual(['5年']);
    expect(fixedWithin(text, list[0])).toBe(text.replace('2025）》', '2025年）》'));
    expect(fixAll(text, list)).toBe('全面落实《法治政府建设实施纲要（2021—2025年）》，严格执行《中华人民共和国行政复议法》。\n');
  });

  it('catches a year typed wrong, a character added, missing or swapped', () => {
    const cases: [string, string][] = [
      ['《党政主要负责人履行推进法治政府建设第一责任人职责规定》', '《党政主要负责人履行推进法治建设第一责任人职责规定》'],
      ['《重大行政决策程序暂行条列》', '《重大行政决策程序暂行条例》'],
      ['《法治政府建设与责任落实督查工作规定》', '《法治政府建设与责任落实督察工作规定》'],
      ['《提升行政执法质量三年行动计划（2023—2025）》', '《提升行政执法质量三年行动计划（2023—2025年）》'],
      ['《法治中国建设规划（2020年—2025年）》', '《法治中国建设规划（2020—2025年）》'],
      ['《法治社会建设实施纲要（2020—2025年度）》', '《法治社会建设实施纲要（2020—2025年）》'],
      ['《法治政府建设实施刚要》', '《法治政府建设实施纲要》'],
      ['《法治政府建设与责任落实察督工作规定》', '《法治政府建设与责任落实督察工作规定》'],
    ];
    for (const [written, exact] of cases) {
      const text = `认真贯彻${written}。\n`;
      const [f] = findings(text, 'official-title');
      expect(f?.message, written).toBe(`文件名称有误：${written}应为${exact}`);
      expect(fixedWithin(text, f), written).toBe(`认真贯彻${exact}。\n`);
    }
  });

  it('leaves the years of a programme whose periods are data to period-mismatch, and the brackets, dashes and spaces to their own rules', () => {
    const text = '认真学习贯彻《法治政府建设实施纲要 (2022-2025 年)》等文件。\n';
    expect(findings(text, 'official-title')).toEqual([]);
    const [f] = findings(text, 'period-mismatch');
    expect(fixedWithin(text, f)).toBe('认真学习贯彻《法治政府建设实施纲要 (2021-2025 年)》等文件。\n');
    expect(findings('全面落实《法治政府建设实施纲要(2021-2025年)》。\n', 'official-title')).toEqual([]);
  });

  it('never flags a local version named after its place or level (《市法治政府建设实施纲要》)', () => {
    for (const title of ['《市法治政府建设实施纲要（2021—2025年）》', '《省法治政府建设实施纲要》', '《全县法治政府建设实施纲要（2021—2025年）》']) {
      expect(findings(`严格按照${title}要求。\n`, 'official-title'), title).toEqual([]);
    }
    expect(findings('严格按照《市法治政府建设实施刚要》要求。\n', 'official-title')).toEqual([]);
  });

  it('never flags an exact title, a standard short form, an unknown title or a plan this list does not know', () => {
    const quiet =
      '依据《法治政府建设实施纲要（2021—2025年）》《纲要》《法治政府建设实施纲要》《行政复议法》《行政诉讼法》《中华人民共和国行政诉讼法》' +
      '《中华人民共和国行政许可法》《信访条例》《行政复议条例》《静海区法治政府建设实施纲要（2021—2025年）》《广东省法治政府建设实施纲要》' +
      '《法治政府建设实施方案（2021—2025年）》《法治政府建设实施纲要（2026—2030年）》《法治社会建设实施纲要（2026—2035年）》《规定》《条例》开展工作。\n';
    expect(findings(quiet, 'official-title')).toEqual([]);
  });

  it('reads Traditional text, writes its fix in the document’s script, and accepts Taiwan phrasing', () => {
    const text = '全面落實《法治政府建設實施綱要(2021—2025)》，嚴格執行《重大行政決策程序暫行條列》。\n';
    const list = findings(text, 'official-title');
    expect(list.map((f) => f.message)).toEqual([
      '文件名称有误：《法治政府建設實施綱要(2021—2025)》应为《法治政府建設實施綱要（2021—2025年）》',
      '文件名称有误：《重大行政決策程序暫行條列》应为《重大行政決策程序暫行條例》',
    ]);
    expect(fixAll(text, list)).toBe('全面落實《法治政府建設實施綱要(2021—2025年)》，嚴格執行《重大行政決策程序暫行條例》。\n');
    // A report converted with Taiwan phrases writes 程式 for 程序 and 最佳化 for 优化 throughout.
    expect(findings('嚴格執行《重大行政決策程式暫行條例》《最佳化營商環境條例》《規章制定程式條例》。\n', 'official-title')).toEqual([]);
  });

  it('keeps every entry of the data with its source, and each exact title unique', () => {
    const titles = titleData.titles.map((t) => t.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const t of titleData.titles) {
      expect(t.source.length, t.title).toBeGreaterThan(10);
      expect(t.title, t.title).not.toMatch(/[()-]/);
    }
  });
});

describe('term-form', () => {
  it('flags the wrong compound and fixes the one character', () => {
    const text = '推进法制政府建设，坚持依法制国，推行权利清单和责任清单，落实重大执法决定法治审核制度。\n';
    const list = findings(text, 'term-form');
    expect(list.map((f) => [marked(text, f), f.fix!.title])).toEqual([
      ['法制政府', '改为“法治政府”'],
      ['依法制国', '改为“依法治国”'],
      ['权利清单', '改为“权力清单”'],
      ['执法决定法治审核', '改为“执法决定法制审核”'],
    ]);
    expect(list[0].message).toBe('用语有误：“法制政府”应为“法治政府”（法治政府建设的目标是“法治政府”，不是“法制政府”）');
    for (const f of list) fixedWithin(text, f);
    expect(fixAll(text, list)).toBe('推进法治政府建设，坚持依法治国，推行权力清单和责任清单，落实重大执法决定法制审核制度。\n');
  });

  it('keeps 法制 where it is right, 权利清单 where it may be, and cited titles as issued', () => {
    const quiet = '加强法制宣传，落实法制审核，健全法制机构，区法制办，社会主义法制建设，公布市场主体权利清单，依法制定国有资产管理办法，学习《法制政府建设研究》一书。\n';
    expect(findings(quiet, 'term-form')).toEqual([]);
  });

  it('flags a renamed term only in reports on the years after the renaming', () => {
    expect(findings('全市中小学配备法制副校长200名。\n', 'term-form', { format: 'plain', reportYear: 2023 })).toHaveLength(1);
    expect(findings('全市中小学配备法制副校长200名。\n', 'term-form', { format: 'plain', reportYear: 2020 })).toEqual([]);
  });

  it('reads Traditional text and keeps its script', () => {
    const text = '堅持依法制國，推進法制政府建設。\n';
    expect(fixAll(text, findings(text, 'term-form'))).toBe('堅持依法治國，推進法治政府建設。\n');
  });

  it('keeps every entry of the data with its source', () => {
    for (const t of termData.terms) {
      expect(t.source.length, t.wrong).toBeGreaterThan(10);
      expect(t.wrong.length, t.wrong).toBe(t.right.length);
      expect(t.wrong, t.wrong).not.toBe(t.right);
    }
  });
});
