import { describe, expect, it } from 'vitest';
import { CORPUS, corpus } from '../helpers';
import { findings, fixAll, fixedWithin, marked } from './style-support';

describe('punctuation-width', () => {
  const fullReport = '一、主要举措\n全年受理案件12件，办结10件；调解成功率达100%（较上年持平）。区政府召开常务会议4次,研究法治政府建设工作。\n';

  it('in a report written with full-width marks, flags each half-width one in Chinese text and fixes that mark only', () => {
    const [f, ...rest] = findings(fullReport, 'punctuation-width');
    expect(rest).toEqual([]);
    expect(f.severity).toBe('warning');
    expect(marked(fullReport, f)).toBe(',');
    expect(f.message).toBe('中文行文应使用全角“，”，此处为半角“,”');
    expect(fixedWithin(fullReport, f)).toBe(fullReport.replace('4次,', '4次，'));
  });

  it('leaves the marks of digits, times, URLs, e-mail addresses and English alone', () => {
    const text =
      '全年受理1,234件，增长3.5%（同比），办公时间9:30—17:00。网址：http://www.gov.cn/a?b=1,c=2，邮箱：fzb@example.gov.cn。他说：“Hello, world (here)!”这是英文。\n';
    expect(findings(text, 'punctuation-width')).toEqual([]);
    const half = '全年受理1,234件,网址:http://www.gov.cn/a?b=1,c=2,邮箱:fzb@example.gov.cn,Hello, world (here)! 完毕。\n';
    const [f] = findings(half, 'punctuation-width');
    // Only the four marks in Chinese text: after 件, after 网址, after the URL (its own commas stay), after 邮箱.
    expect(fixAll(half, [f])).toBe('全年受理1,234件，网址：http://www.gov.cn/a?b=1,c=2，邮箱：fzb@example.gov.cn,Hello, world (here)! 完毕。\n');
  });

  it('gives a web copy written in half-width marks one information finding, with one fix for all of them', () => {
    const text = '2023年,静海区坚持以习近平法治思想为指导,按照《纲要(2021—2025年)》要求:\n一、主要举措\n(一)加强领导。全年召开会议4次;开展培训2次?是的!\n';
    const list = findings(text, 'punctuation-width');
    expect(list).toHaveLength(1);
    const [f] = list;
    expect(f.severity).toBe('info');
    expect(f.message).toBe('全文中文标点多为半角（半角 10 处，全角 0 处，如“,”“(”“)”“:”）：中文行文应使用全角标点（GB/T 15834）');
    expect(f.fix!.title).toBe('全文改为全角标点（10 处）');
    expect(fixAll(text, list)).toBe(
      '2023年，静海区坚持以习近平法治思想为指导，按照《纲要（2021—2025年）》要求：\n一、主要举措\n（一）加强领导。全年召开会议4次；开展培训2次？是的！\n',
    );
  });

  it('reads Traditional text through its simplified form; the marks are the same', () => {
    const text = '一、主要舉措\n全年受理案件12件，辦結10件,調解成功率達100%（較上年持平）。\n';
    const [f] = findings(text, 'punctuation-width');
    expect(fixedWithin(text, f)).toBe(text.replace('10件,', '10件，'));
  });

  it('leaves heading numbering to heading-style, and honours the disable comment in the fix-all', () => {
    expect(findings('一、主要举措\n(一)加强领导，全年召开会议4次；开展培训2次。\n（二）完善制度，制定文件3件。\n', 'punctuation-width')).toEqual([]);
    const text = '2023年,全区召开会议4次,开展培训2次。\n<!-- fazhi-report-disable punctuation-width -->\n引用原文:照录,不改。\n';
    const [f] = findings(text, 'punctuation-width', { format: 'markdown' });
    expect(f.fix!.edits).toHaveLength(2);
  });

  it('gives each of the three corpus reports (web copies in half-width marks) at most one finding', () => {
    for (const name of Object.values(CORPUS)) {
      const list = findings(corpus(name), 'punctuation-width');
      expect(list.length, name).toBeLessThanOrEqual(1);
      expect(list.every((f) => f.severity === 'info'), name).toBe(true);
    }
  });
});

describe('punctuation-pair', () => {
  it('flags a quotation mark left open in a finished paragraph, where the stack of marks leaves it', () => {
    const text = '一、主要举措\n推行“四个规范”，做到学习教育与日常工作“两不误，双促进。\n';
    const [f] = findings(text, 'punctuation-pair');
    expect(f.message).toBe('引号不成对：本段有前引号““”2 个、后引号“””1 个');
    expect(text.slice(0, f.range.start.character + text.indexOf('推'))).toContain('工作');
    expect(marked(text, f)).toBe('“');
    expect(f.range.start.character).toBe('推行“四个规范”，做到学习教育与日常工作'.length);
  });

  it('fixes a quotation mark written the wrong way round', () => {
    const closing = '深化“放管服“改革。\n';
    const [f] = findings(closing, 'punctuation-pair');
    expect(f.message).toBe('引号方向有误：此处应为后引号“””');
    expect(fixedWithin(closing, f)).toBe('深化“放管服”改革。\n');
    const opening = '推进”一网通办”改革。\n';
    const [g] = findings(opening, 'punctuation-pair');
    expect(g.message).toBe('引号方向有误：此处应为前引号““”');
    expect(fixedWithin(opening, g)).toBe('推进“一网通办”改革。\n');
    // Quotes nested in quotes are balanced, whatever GB/T 15834 says of ‘’ inside “”: no guess.
    expect(findings('他说“要“严格执法”才行”。\n', 'punctuation-pair')).toEqual([]);
  });

  it('flags lone brackets and book-title marks, of either width in Chinese text', () => {
    expect(findings('贯彻落实《纲要精神，完善制度。\n', 'punctuation-pair').map((f) => f.message)).toEqual(['书名号不成对：“《”没有对应的“》”']);
    expect(findings('全年受理案件12件（其中行政复议5件，办结10件。\n', 'punctuation-pair').map((f) => f.message)).toEqual(['括号不成对：“（”没有对应的“）”']);
    expect(findings('办结10件）。其余案件在办。\n', 'punctuation-pair').map((f) => f.message)).toEqual(['括号不成对：“）”前面没有对应的“（”']);
    expect(findings('全年受理案件(其中行政复议5件,办结10件。\n', 'punctuation-pair')).toHaveLength(1);
    // A bracket of each width closing the other is a width slip, not a lone bracket.
    expect(findings('全年受理案件(其中行政复议5件）。\n', 'punctuation-pair')).toEqual([]);
  });

  it('is quiet on numbering with a closing bracket, nested quotes, long quotations, apostrophes, pinyin and text still being written', () => {
    const quiet = [
      '主要做法：1）加强领导；2）完善制度。\n',
      '他说：“要‘严格规范公正文明执法’。”\n',
      '“第一段引文，\n“第二段引文。”\n',
      'It’s fine，我们继续。\n',
      '萬(wàn)人的?。▍^、市)有22個,其中超过。\n',
      '【字体：大 中 小】【打印】\n正文第一句。\n',
      '正文第一句。\n全年办理“枫桥经验',
      '司法部表示将在全国组织开展“法律援助服务为民 ...\n下一段。\n',
    ];
    for (const text of quiet) expect(findings(text, 'punctuation-pair'), text).toEqual([]);
  });

  it('reads a paragraph wrapped mid-sentence (a PDF, a fixed-width copy) as one', () => {
    expect(findings('也是中共中央、国务院《法治政府建设实施纲要\n（2015—2020年）》收官之年。\n', 'punctuation-pair')).toEqual([]);
    expect(findings('一、关于《纲要\n正文第一句。\n', 'punctuation-pair')).toEqual([]);
  });

  it('finds the three unmatched quotation marks of the 2022 corpus report, each a real slip', () => {
    const text = corpus(CORPUS.suxitong);
    const list = findings(text, 'punctuation-pair');
    expect(list.map((f) => [f.range.start.line + 1, marked(text, f)])).toEqual([
      [6, '“'],
      [35, '”'],
      [36, '“'],
    ]);
  });
});

describe('punctuation-repeat', () => {
  it('removes a doubled mark', () => {
    const text = '全年受理案件12件，，办结10件。。\n';
    const list = findings(text, 'punctuation-repeat');
    expect(list.map((f) => f.message)).toEqual(['标点重复：“，，”', '标点重复：“。。”']);
    expect(fixedWithin(text, list[0])).toBe('全年受理案件12件，办结10件。。\n');
    expect(fixAll(text, list)).toBe('全年受理案件12件，办结10件。\n');
  });

  it('flags clashing marks without guessing which one was meant, and allows ？！', () => {
    const list = findings('全年受理案件12件，。办结10件。难道不是吗？！\n', 'punctuation-repeat');
    expect(list.map((f) => [f.message, f.fix])).toEqual([['标点连用：“，。”，应只保留一个', undefined]]);
  });

  it('removes the mark after a bracketed or dotted number, and writes 一、 for 一. in running text', () => {
    const text = '（一）、加强领导，全年召开会议4次。\n主要做法：1.、完善制度；措施：一.加强学习。\n';
    const list = findings(text, 'punctuation-repeat');
    expect(list.map((f) => f.message)).toEqual([
      '序号后多余的标点：“（一）、”，括号序号后不再加“、”',
      '序号后多余的标点：“.、”',
      '汉字序号后应用顿号：“一.”应为“一、”',
    ]);
    expect(fixAll(text, list)).toBe('（一）加强领导，全年召开会议4次。\n主要做法：1.完善制度；措施：一、加强学习。\n');
    for (const f of list) fixedWithin(text, f);
  });

  it('keeps a list of numbers joined by 、, and a decimal after a Chinese numeral never occurs', () => {
    expect(findings('依照本条第（一）、（二）项的规定办理。\n', 'punctuation-repeat')).toEqual([]);
    expect(findings('统一.net平台\n', 'punctuation-repeat')).toEqual([]);
  });
});

describe('cjk-space', () => {
  it('flags a space inside a sentence, and leaves the choice between deleting it and a mark to the writer', () => {
    const text = '一、主要举措\n确保法治教化顺当推动 我局高度重视法治建设工作，全年召开会议4次。\n';
    const [f] = findings(text, 'cjk-space');
    expect(f.severity).toBe('info');
    expect(f.message).toBe('汉字之间有空格：“顺当推动 我局高度”（删去空格，或改用标点）');
    expect(f.fix).toBeUndefined();
  });

  it('quotes the words around the space on a line that holds run-in headings too', () => {
    // A report whose line breaks became spaces: title, opening and headings on one line.
    const text = '某街2020年法治政府建设情况报告 2020年,在区委的领导下,在区法治政府 建设领导小组的指导下,现将工作情况报告如下: 一、主要举措和成效 (一)加强组织领导 成立领导小组。(二)深化改革 全年办结审批事项12项。\n';
    const [f] = findings(text, 'cjk-space');
    expect(f.message).toBe('汉字之间有空格：“法治政府 建设领导”（删去空格，或改用标点）');
  });

  it('is quiet on menus, datelines, bylines, joint issuers, slogans in quotes, labels and blanks where a figure is missing', () => {
    const quiet = [
      '政法 军事 司法行政 【人民调解工作】 2003年，人民调解工作开展顺利。\n',
      '新华社北京7月31日电 (记者 张素)中国最高人民法院31日发布数据。\n',
      '以落实中共中央 国务院《法治政府建设实施纲要（2021—2025年）》为主线，推进工作。\n',
      '以“加强法治政府建设 打造人民满意政府”为主题，开展活动。\n',
      '第一条 为了规范重大行政决策程序，制定本办法。\n',
      '全年共收集 企业问题，解决 个。\n',
      '审判管理办公室主任 李亮：今年上半年，新收案件上升。\n',
      '今天是2025年6月8日 星期日，天气晴。\n',
      '法 治 政 府 建 设 年 度 报 告，全 文 如 下。\n',
    ];
    for (const text of quiet) expect(findings(text, 'cjk-space'), text).toEqual([]);
  });

  it('leaves a heading run in with its text to heading-punctuation', () => {
    expect(findings('（一）完善制度体系 加强规范性文件管理，全年制定3件。\n', 'cjk-space')).toEqual([]);
  });
});
