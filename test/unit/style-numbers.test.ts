import { describe, expect, it } from 'vitest';
import { findings, fixAll, fixedWithin, marked } from './style-support';

describe('span-dash', () => {
  it('writes the 一字线 for a span of years, in a title too', () => {
    const text = '全面落实《法治政府建设实施纲要（2021-2025年）》，完成2021～2025年各项任务。\n';
    const [hyphen, tilde] = findings(text, 'span-dash');
    expect(hyphen.severity).toBe('warning');
    expect(hyphen.message).toBe('时间起止应用一字线“—”（GB/T 15834 4.13）：“2021-2025年”应为“2021—2025年”');
    expect(marked(text, hyphen)).toBe('-');
    expect(fixedWithin(text, hyphen)).toBe(text.replace('2021-2025年）', '2021—2025年）'));
    // GB/T 15834 allows the tilde “有时”: information only.
    expect(tilde.severity).toBe('info');
    expect(tilde.message).toBe('时间起止一般用一字线“—”（GB/T 15834 4.13）：“2021～2025年”宜写作“2021—2025年”');
  });

  it('covers months, days, times and the dash forms that stand in for the 一字线', () => {
    const text = '今年1-6月，7月16日-7月22日，3月1-10日，工作日9:00-17:00，2024年3月-2025年2月，2015——2016年度，2021一2025年，2021–2025年。\n';
    expect(findings(text, 'span-dash').map((f) => marked(text, f))).toEqual(['-', '-', '-', '-', '-', '——', '一', '–']);
    expect(fixAll(text, findings(text, 'span-dash'))).toBe(
      '今年1—6月，7月16日—7月22日，3月1—10日，工作日9:00—17:00，2024年3月—2025年2月，2015—2016年度，2021—2025年，2021—2025年。\n',
    );
  });

  it('keeps the hyphen of an all-digit date and of codes, and the right dashes', () => {
    const quiet = '发布于2024-03-01，联系电话0371-63912345，见表2-8，门牌3-2-11室，2021—2025年，2021―2025年，12-3月。\n';
    expect(findings(quiet, 'span-dash')).toEqual([]);
  });

  it('reads Traditional text', () => {
    const text = '全面落實《法治政府建設實施綱要(2015-2020年)》各項任務。\n';
    const [f] = findings(text, 'span-dash');
    expect(fixedWithin(text, f)).toBe(text.replace('2015-2020', '2015—2020'));
  });
});

describe('numeric-range', () => {
  it('writes a range with the tilde and keeps % and 万/亿 on both ends (GB/T 15835)', () => {
    const text = '满意度在85%-100%之间，占比15～30%，投资9～16亿元，补助13-17万元，受理5-10件，年龄16-24岁。\n';
    const list = findings(text, 'numeric-range');
    expect(list.map((f) => [marked(text, f), f.fix!.title])).toEqual([
      ['85%-100%', '改为“85%～100%”'],
      ['15～30%', '改为“15%～30%”'],
      ['9～16亿', '改为“9亿～16亿”'],
      ['13-17万', '改为“13万～17万”'],
      ['5-10', '改为“5～10”'],
      ['16-24', '改为“16～24”'],
    ]);
    expect(list[1].message).toBe('数值范围应写作“15%～30%”（GB/T 15835：前一个数值也要带“%”）');
    expect(list[3].message).toBe('数值范围应写作“13万～17万”（GB/T 15835：用浪纹线“～”连接，前一个数值也要带“万”）');
    for (const f of list) fixedWithin(text, f);
    expect(fixAll(text, list)).toBe('满意度在85%～100%之间，占比15%～30%，投资9亿～16亿元，补助13万～17万元，受理5～10件，年龄16～24岁。\n');
  });

  it('accepts the 一字线 in a range, and leaves years, dates, labels, codes and descending pairs alone', () => {
    const quiet = '100—200公斤，15%～30%，2021-2025年，1-6月，3月1-10日，第3-5条，图1-2显示，表2-8，电话0371-6391234，比分5-3，G-1-2号。\n';
    expect(findings(quiet, 'numeric-range')).toEqual([]);
  });

  it('inserts the unit in the document’s own script', () => {
    const text = '投資9～16億元。\n';
    const [f] = findings(text, 'numeric-range');
    expect(fixedWithin(text, f)).toBe('投資9億～16億元。\n');
  });
});

describe('date-format', () => {
  it('drops leading zeros from a date written with 年月日', () => {
    const text = '区政府于2024年03月06日召开常务会议，3月08日印发方案。\n';
    const list = findings(text, 'date-format');
    expect(list.map((f) => f.message)).toEqual([
      '日期写法：“2024年03月06日”应为“2024年3月6日”（月、日不加“0”）',
      '日期写法：“3月08日”应为“3月8日”（月、日不加“0”）',
    ]);
    expect(fixedWithin(text, list[0])).toBe('区政府于2024年3月6日召开常务会议，3月08日印发方案。\n');
  });

  it('writes a date in one kind of numeral, and 〇 in a year written in Chinese', () => {
    const text = '2024年三月6日召开会议，二零二四年十二月完成，二〇二四年三月启动。\n';
    const list = findings(text, 'date-format');
    expect(list.map((f) => f.message)).toEqual([
      '日期写法：“2024年三月6日”应为“2024年3月6日”（阿拉伯数字与汉字数字不混用）',
      '年份中的“0”写作“〇”：“二零二四年”应为“二〇二四年”（GB/T 15835）',
    ]);
    expect(fixAll(text, list)).toBe('2024年3月6日召开会议，二〇二四年十二月完成，二〇二四年三月启动。\n');
  });

  it('keeps the all-digit form, cited titles, lunar dates, dates stamped by a system and the signature', () => {
    const quiet = [
      '2024-03-06召开会议，印发《关于2024年03月06日会议的纪要》，农历三月06日。\n',
      '发布时间：2024年03月06日\n',
      '今天是2025年06月08日 星期日，天气晴。\n',
      '一、工作情况\n全年召开会议4次。\n\n某某区人民政府\n2024年03月06日\n',
    ];
    for (const text of quiet) expect(findings(text, 'date-format'), text).toEqual([]);
  });

  it('reads Traditional text', () => {
    const text = '區政府於2024年03月06日召開常務會議。\n';
    expect(fixAll(text, findings(text, 'date-format'))).toBe('區政府於2024年3月6日召開常務會議。\n');
  });
});

describe('approx-number', () => {
  it('flags two approximating words on one figure, and moves 余 before the measure word', () => {
    const text = '全年受理案件约1195件余，近400余人参加，超过100余家企业，100余人左右，培训30件余。\n';
    const list = findings(text, 'approx-number');
    expect(list.map((f) => [marked(text, f), f.message])).toEqual([
      ['约1195件余', '概数用语：“约1195件余”中“约”与“余”不能同用；“余”应放在量词“件”之前'],
      ['近400余人', '概数用语：“近400余人”中“近”与“余”不能同用'],
      ['超过100余家', '概数用语：“超过100余家”中“超过”与“余”不能同用'],
      ['100余人左右', '概数用语：“100余人左右”中“余”与“左右”不能同用'],
      ['30件余', '概数用语：“30件余”中“余”应放在量词“件”之前'],
    ]);
    expect(list[4].fix!.title).toBe('“30件余”改为“30余件”');
    expect(fixedWithin(text, list[4])).toBe(text.replace('30件余', '30余件'));
    expect(list.slice(1, 4).every((f) => f.fix === undefined)).toBe(true);
  });

  it('flags 余 after an exact figure, and keeps 余 after round numbers, time units and in other words', () => {
    expect(findings('全年受理案件1195余件。\n', 'approx-number').map((f) => f.message)).toEqual(['概数用语：“1195余件”中精确数“1195”后不宜再用“余”']);
    const quiet = '受理100余件，培训3万余人次，历时一年余，用了两个多月，节约1000余万元，最近3年来，其余5件，办结10件余下2件在办，预约1000余人次。\n';
    expect(findings(quiet, 'approx-number')).toEqual([]);
  });

  it('reads Traditional text and moves the character as written', () => {
    const text = '全年辦理培訓30件餘。\n';
    const [f] = findings(text, 'approx-number');
    expect(fixedWithin(text, f)).toBe('全年辦理培訓30餘件。\n');
  });
});

describe('mixed-numerals', () => {
  it('writes the Chinese counts of a list of Arabic counts in Arabic digits', () => {
    const text = '全年受理案件12件，办结十件，调解三件。\n';
    const list = findings(text, 'mixed-numerals');
    expect(list.map((f) => f.message)).toEqual([
      '同一句统计数字中阿拉伯数字与汉字数字混用：“十件”宜写作“10件”（GB/T 15835）',
      '同一句统计数字中阿拉伯数字与汉字数字混用：“三件”宜写作“3件”（GB/T 15835）',
    ]);
    expect(list[0].severity).toBe('info');
    expect(fixAll(text, list)).toBe('全年受理案件12件，办结10件，调解3件。\n');
    for (const f of list) fixedWithin(text, f);
  });

  it('keeps names, “one”, orders, thresholds and sentences without Arabic counts', () => {
    const quiet = [
      '落实三项制度，开展检查5次。\n',
      '每年开展一次清理，共清理文件6件。\n',
      '第三次会议审议议案5件。\n',
      '37家超百人，46家过亿元。\n',
      '召开会议三次，开展培训两次。\n',
    ];
    for (const text of quiet) expect(findings(text, 'mixed-numerals'), text).toEqual([]);
  });
});
