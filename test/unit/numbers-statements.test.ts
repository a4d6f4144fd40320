// The statement model on short excerpts: what links a breakdown to its total,
// which counts a rate is made of, when shares, ratios, averages and changes are
// checked — each a consistent sentence kept quiet and its one-figure slip caught.
import { describe, expect, it } from 'vitest';
import { analyze, type AnalyzeOptions } from '../../server/src/analysis';

const plain: AnalyzeOptions = { format: 'plain' };
const numberRules = new Set(['rate-mismatch', 'share-mismatch', 'sum-mismatch', 'part-exceeds-total', 'growth-mismatch', 'points-mismatch', 'average-mismatch', 'rate-over-100', 'repeated-figure']);
const flags = (text: string) =>
  analyze(text, plain)
    .findings.filter((f) => numberRules.has(f.rule))
    .map((f) => `${f.rule}: ${f.message}`);

/** The consistent sentence is quiet; the slip gets a finding of the rule named. */
function quietThenCaught(consistent: string, slip: string, ruleId: string): string[] {
  expect(flags(consistent)).toEqual([]);
  const found = flags(slip);
  expect(found.some((f) => f.startsWith(ruleId + ':'))).toBe(true);
  return found;
}

describe('breakdowns', () => {
  it('reads a partition whose members contain one another (满意 and 不满意, 税收 and 非税收入) as one list', () => {
    quietThenCaught('办理交办重要来电10件，其中满意7件，不满意3件。', '办理交办重要来电60件，其中满意7件，不满意3件。', 'sum-mismatch');
    quietThenCaught(
      '上半年，全市一般公共预算收入1144.4亿元，同比增长6.3%。其中：地方税收收入865.4亿元，同比增长2.8%；非税收入279亿元，同比增长18.8%。',
      '上半年，全市一般公共预算收入1147.4亿元，同比增长6.3%。其中：地方税收收入865.4亿元，同比增长2.8%；非税收入279亿元，同比增长18.8%。',
      'sum-mismatch',
    );
  });

  it('takes 市级一般公共预算支出 for a part (共 in 公共 marks no total)', () => {
    quietThenCaught(
      '全市一般公共预算支出503.4亿元。其中，市级一般公共预算支出118.3亿元；区市一般公共预算支出385.1亿元。',
      '全市一般公共预算支出503.4亿元。其中，市级一般公共预算支出418.3亿元；区市一般公共预算支出385.1亿元。',
      'sum-mismatch',
    );
  });

  it('opens a breakdown on 收案中， and 工单分类：, and links 。其中 to the count just before it in a unit of its family', () => {
    quietThenCaught(
      '全省法院新收各类刑事案件24 064件；审结24 083件。收案中，一审案件21 503件；二审案件2 395件；再审案件166件。',
      '全省法院新收各类刑事案件24 064件；审结24 083件。收案中，一审案件21 503件；二审案件2 935件；再审案件166件。',
      'sum-mismatch',
    );
    quietThenCaught(
      '2017年3月，共办理热线工单2495件。工单分类：求决类1878件、咨询类267件、揭发控告类87件、意见建议类53件、其他类210件。',
      '2017年3月，共办理热线工单2495件。工单分类：求决类1878件、咨询类261件、揭发控告类87件、意见建议类53件、其他类210件。',
      'sum-mismatch',
    );
    quietThenCaught('上班期间共接听532次。其中：政策咨询341件，举报投诉61件，求决11件，申诉2件，其他117件。', '上班期间共接听532次。其中：政策咨询341件，举报投诉61件，求决11件，申诉2件，其他171件。', 'sum-mismatch');
  });

  it('ends a list of named parts at a clause that opens with its own verb, not at a verb inside a name', () => {
    expect(flags('全县完成政府性基金收入969万元，其中国有土地使用权出让收入866万元，城市基础设施配套费收入35万元，污水处理费收入68万元；完成政府性基金支出4093万元。')).toEqual([]);
    quietThenCaught('集中行使行政权力事项1525项，其中行政许可事项203项，行政处罚权事项1322项。', '集中行使行政权力事项1522项，其中行政许可事项203项，行政处罚权事项1322项。', 'sum-mismatch');
  });

  it('reads counts that name both ways of handling (直办 and 交办) after a total as its parts, and only their excess as wrong', () => {
    quietThenCaught('本周共受理热线工单506件，比上周增长20.48%。交办相关二级责任单位495件，县热线办直办11件。', '本周共受理热线工单506件，比上周增长20.48%。交办相关二级责任单位945件，县热线办直办11件。', 'sum-mismatch');
    // A split that may leave some out: falling short is not wrong, and a count among others is no total.
    expect(flags('本周共受理热线工单560件。交办相关二级责任单位495件，县热线办直办11件。')).toEqual([]);
    // (Also when a breakdown stops at the second way's verb: `其中直接答复430件，受理转办…1133件`.)
    quietThenCaught(
      '2021年第四季度，“市长信箱”共收到群众来信1563件，其中直接答复430件，受理转办有效信件1133件，已办结1121件，办结率98.94%。',
      '2021年第四季度，“市长信箱”共收到群众来信1563件，其中直接答复630件，受理转办有效信件1133件，已办结1121件，办结率98.94%。',
      'sum-mismatch',
    );
    // (The same total may be split twice: by way of handling, then by kind.)
    quietThenCaught(
      '本周共受理热线工单506件。交办相关二级责任单位495件，县热线办直办11件。工单分类：求决类460件、咨询类38件、揭发控告类3件、意见建议类4件，申诉类1件。',
      '本周共受理热线工单506件。交办相关二级责任单位945件，县热线办直办11件。工单分类：求决类460件、咨询类38件、揭发控告类3件、意见建议类4件，申诉类1件。',
      'sum-mismatch',
    );
    expect(flags('自然资源类81件，城市管理类64件，农业农村类45件。')).toEqual([]);
  });

  it('keeps a complete split complete when a count of another unit follows its last part, not when one sits between parts', () => {
    quietThenCaught(
      '办理法律援助案件17,893件，其中，民事案件15,498件，刑事案件2,349件，行政案件46件，受援人数达18028人次。',
      '办理法律援助案件17,983件，其中，民事案件15,498件，刑事案件2,349件，行政案件46件，受援人数达18028人次。',
      'sum-mismatch',
    );
    // (`民事案件95件127人次`: a count of another measure inside the list, so the split may be of something else.)
    expect(flags('办理法律援助案件150件，其中，民事案件95件127人次，刑事案件19件，行政案件29件。')).toEqual([]);
  });

  it('checks done and in-progress against their total when a breakdown in parentheses follows the total', () => {
    quietThenCaught(
      '1—9月，民生工程重点督办事项共有375件（其中省重点督办事项74件），有320件已完成（其中省重点督办事项完成68件），55件正在有序推进中。',
      '1—9月，民生工程重点督办事项共有375件（其中省重点督办事项74件），有320件已完成（其中省重点督办事项完成68件），45件正在有序推进中。',
      'sum-mismatch',
    );
  });

  it('takes the figure given for a whole, not a floor said of it (突破1600亿元大关), for the total of its parts', () => {
    const text = '全年实现地区生产总值（GDP）1605.1亿元，按可比价计算，比上年增长8.2%。经济总量突破1600亿元大关。其中，第一产业增加值208.2亿元，增长3.7%；第二产业增加值940.0亿元，增长8.4%；第三产业增加值456.9亿元，增长10.0%。三次产业结构为13.0:58.6:28.4。';
    quietThenCaught(text, text.replace('208.2亿元', '206.2亿元'), 'sum-mismatch');
    quietThenCaught(text, text.replace('1605.1亿元', '1695.1亿元'), 'sum-mismatch');
  });

  it('takes a part that sums its own (其中…共计N人次；…) for a part when it closes its item, not when a list follows it', () => {
    quietThenCaught(
      '2018年7月16日—7月22日，天津市公共法律总计提供服务2597人次，其中各级实体平台共计服务1601人次；通过12348公共法律服务热线提供法律帮助996人次。',
      '2018年7月16日—7月22日，天津市公共法律总计提供服务2579人次，其中各级实体平台共计服务1601人次；通过12348公共法律服务热线提供法律帮助996人次。',
      'sum-mismatch',
    );
    expect(flags('全市共有律师事务所40家，其中一组共22家：甲所10家，乙所12家；二组共18家。')).toEqual([]);
  });

  it('reads counts named before a verb they share (市本级登记办理, 县登记办理) as items, not as the handling of an earlier part (省转办)', () => {
    quietThenCaught(
      '本月，共收到群众书面来信168件，与上月相比下降1.49%。其中，中、省转办47件次，市本级登记办理103件次，各县（市、区）、市直园区登记办理18件次。',
      '本月，共收到群众书面来信168件，与上月相比下降1.49%。其中，中、省转办49件次，市本级登记办理103件次，各县（市、区）、市直园区登记办理18件次。',
      'sum-mismatch',
    );
    quietThenCaught(
      '本月，共收到群众书面来信168件。其中，中、省转办47件次，市本级登记办理103件次，各县（市、区）、市直园区登记办理18件次。',
      '本月，共收到群众书面来信168件。其中，中、省转办47件次，市本级登记办理130件次，各县（市、区）、市直园区登记办理18件次。',
      'sum-mismatch',
    );
    // (A count whose clause opens with the verb is still the handling of what came before.)
    expect(flags('共接听群众来电8947个，其中转办2274件，办结1715件；直办6673件。')).toEqual([]);
  });

  it('counts 件次 with 件, 卷 as a measure word, and a place before a verb as part of a name (省交办)', () => {
    quietThenCaught(
      '今年1-6月，全县信访总量143件次。从信访形式看，来访95件127人次；来信19件次；网上投诉29件次。',
      '今年1-6月，全县信访总量143件次。从信访形式看，来访95件127人次；来信19件次；网上投诉92件次。',
      'sum-mismatch',
    );
    quietThenCaught('抽取行政许可案卷、行政处罚案卷共97卷（其中，行政许可案卷 16卷，行政处罚案卷81卷）。', '抽取行政许可案卷、行政处罚案卷共97卷（其中，行政许可案卷 18卷，行政处罚案卷81卷）。', 'sum-mismatch');
    quietThenCaught('10月办结省级交办工单40件，其中省长手机15件，省政务办件12件，省交办（微信）10件，“小赣事”3件。', '10月办结省级交办工单40件，其中省长手机15件，省政务办件12件，省交办（微信）10件，“小赣事”8件。', 'sum-mismatch');
  });

  it('reads the usual complete splits of statistics (住宿/餐饮, 商品零售/餐饮收入, 农林牧渔) as complete, court levels not', () => {
    // 基层/中级/高级 is no complete split: a national total has 最高人民法院 too, and 专门法院 are counted apart.
    expect(flags('全国法院共收各类案件321 146件。其中，基层法院收案271 997件，中级法院收案43 891件，高级法院收案5 255件。')).toEqual([]);
    quietThenCaught(
      '全年社会消费品零售总额9205.55亿元。按消费形态统计，商品零售额8165.90亿元，增长13.6%；餐饮收入额1039.66亿元，增长8.3%。',
      '全年社会消费品零售总额9205.55亿元。按消费形态统计，商品零售额8165.90亿元，增长13.6%；餐饮收入额1036.96亿元，增长8.3%。',
      'sum-mismatch',
    );
  });

  it('reads parts the total names one by one (投诉举报 → 投诉, 举报) as all of it', () => {
    quietThenCaught(
      '接收办理投诉举报42.21万件。其中，投诉33.17万件，举报9.04万件。',
      '接收办理投诉举报42.21万件。其中，投诉31.37万件，举报9.04万件。',
      'sum-mismatch',
    );
    // (Parts it does not name may leave some out.)
    expect(flags('接收办理投诉举报42.21万件。其中，电话投诉31.37万件，网络举报9.04万件。')).toEqual([]);
  });

  it('reads a done and an in-progress count as the whole of the count right before them', () => {
    quietThenCaught('受理省派工单2917件，已处理完毕2349件，正在办理568件。', '受理省派工单4917件，已处理完毕2349件，正在办理568件。', 'sum-mismatch');
    quietThenCaught('重点督办事项共有375件，有320件已完成，55件正在有序推进中。', '重点督办事项共有735件，有320件已完成，55件正在有序推进中。', 'sum-mismatch');
  });
});

describe('subsets by meaning', () => {
  it('lets closings exceed intake by carried-over cases, but not past half again', () => {
    expect(flags('上海法院共受理一审行政案件1990件，审结2083件。')).toEqual([]);
    const found = quietThenCaught('上海法院共受理一审行政案件1990件，审结1983件。', '上海法院共受理一审行政案件1990件，审结9183件。', 'part-exceeds-total');
    expect(found.join()).toContain('1.5 倍');
  });
});

describe('rates', () => {
  it('takes the count named by the rate itself (综合办结 for 综合办结率) and 有效工单 as its base', () => {
    quietThenCaught(
      '形成有效工单11171件，转派各成员单位4898件，在线办结数6273件，综合办结数为11163件，综合办结率达99.93%。',
      '形成有效工单11711件，转派各成员单位4898件，在线办结数6273件，综合办结数为11163件，综合办结率达99.93%。',
      'rate-mismatch',
    );
  });

  it('counts 未再进入诉讼程序 for 案结事了率 and names a count glossed in parentheses by the words before them', () => {
    quietThenCaught(
      '全国各级行政复议机构新收案件38.5万件，办结35.2万件。经行政复议后，有27万件案件未再进入诉讼程序，案结事了率达76.8%。',
      '全国各级行政复议机构新收案件38.5万件，办结35.2万件。经行政复议后，有27万件案件未再进入诉讼程序，案结事了率达71.8%。',
      'rate-mismatch',
    );
    quietThenCaught(
      '北京市共审结行政复议案件12195件，直接纠错（包括撤销、确认违法、变更和责令履行）1639件，直接纠错率13.4%。',
      '北京市共审结行政复议案件12195件，直接纠错（包括撤销、确认违法、变更和责令履行）1693件，直接纠错率13.4%。',
      'rate-mismatch',
    );
  });

  it('checks 出生率 and 死亡率 against the population with room for the year’s average, and 自然增长率 as their difference', () => {
    quietThenCaught(
      '年末全国人口141175万人。全年出生人口956万人，出生率为6.77‰；死亡人口1041万人，死亡率为7.37‰；自然增长率为-0.60‰。',
      '年末全国人口141175万人。全年出生人口956万人，出生率为7.67‰；死亡人口1041万人，死亡率为7.37‰；自然增长率为-0.60‰。',
      'rate-mismatch',
    );
    quietThenCaught(
      '全年出生人口1062万人，人口出生率为7.52‰；死亡人口1014万人，人口死亡率为7.18‰；人口自然增长率为0.34‰。',
      '全年出生人口1062万人，人口出生率为7.52‰；死亡人口1014万人，人口死亡率为7.18‰；人口自然增长率为0.74‰。',
      'growth-mismatch',
    );
  });
});

describe('shares', () => {
  it('reads a list of shares as complete when the words before it say how many members it has', () => {
    quietThenCaught(
      '从诉求类型来看，五个类型的占比是：投诉类占60.56%，咨询类占24.14%，建议类占8.85%，求助类占6.24%，无效类占0.20%。',
      '从诉求类型来看，五个类型的占比是：投诉类占68.56%，咨询类占24.14%，建议类占8.85%，求助类占6.24%，无效类占0.20%。',
      'share-mismatch',
    );
    // (Without the count the list may leave some out: falling short is no error.)
    expect(flags('从诉求类型来看，占比是：投诉类占50.56%，咨询类占24.14%，建议类占8.85%，求助类占6.24%，无效类占0.20%。')).toEqual([]);
  });

  it('reads 2.82万多 as 28 200 to 28 300, with no 10 % allowance on top (that is for 约, 左右)', () => {
    quietThenCaught(
      '截至2022年底，全国共有律师事务所3.86万多家。其中，合伙所2.82万多家，占73.06%，国资所604家，占1.56%，个人所9777家，占25.28%。',
      '截至2022年底，全国共有律师事务所3.86万多家。其中，合伙所2.82万多家，占73.61%，国资所604家，占1.56%，个人所9777家，占25.28%。',
      'share-mismatch',
    );
    expect(flags('全国共有律师事务所约3.86万家。其中，合伙所约2.82万家，占73.61%。')).toEqual([]);
  });

  it('requires shares beside their own counts to give one whole', () => {
    quietThenCaught(
      '从诉求类型来看，投诉类301件，占总量的60.56%；咨询类120件，占总量的24.14%；建议类44件，占总量的8.85%；求助类31件，占总量的6.24%；无效类1件，占总量的0.20%。',
      '从诉求类型来看，投诉类301件，占总量的60.56%；咨询类120件，占总量的24.14%；建议类44件，占总量的8.85%；求助类31件，占总量的6.24%；无效类1件，占总量的0.02%。',
      'share-mismatch',
    );
    // Shares nudged by one unit to add up to 100% are no slip.
    expect(flags('投诉类826件，占总量的52.84%；咨询类211件，占总量13.5%；求助类415件，占总量26.56%；建议类47件，占总量的3%。')).toEqual([]);
  });

  it('checks a ratio that splits a whole (三次产业结构) and 满意/基本满意/不满意 rates to add to 100', () => {
    quietThenCaught('全年实现地区生产总值1605.1亿元。三次产业结构为13.0:58.6:28.4。', '全年实现地区生产总值1605.1亿元。三次产业结构为13.0:58.6:24.8。', 'share-mismatch');
    expect(flags('全区男女性别比例为92.1:100。')).toEqual([]);
    quietThenCaught('该市平均满意率为95.95%，基本满意率为3.77%；不满意率为0.28%。', '该市平均满意率为95.95%，基本满意率为7.37%；不满意率为0.28%。', 'share-mismatch');
  });

  it('reads a count written with 万 or 亿 and no measure word, where its clause ends', () => {
    quietThenCaught('全省电子证照库累计汇聚证照1.6亿，其中可共享调用的1.2亿，占比为75%。', '全省电子证照库累计汇聚证照1.6亿，其中可共享调用的1.2亿，占比为57%。', 'share-mismatch');
  });

  it('takes a share of 全国就业人员 for one of the count the text names', () => {
    quietThenCaught('年末全国就业人员73351万人，其中城镇就业人员45931万人，占全国就业人员比重为62.6%。', '年末全国就业人员73051万人，其中城镇就业人员45931万人，占全国就业人员比重为62.6%。', 'share-mismatch');
  });
});

describe('changes and averages', () => {
  it('reads the figure after 比2014年的 or 比去年 as the one a change is measured from', () => {
    quietThenCaught('2015年行政机关败诉案件1803件，比2014年的1124件增加60%。', '2015年行政机关败诉案件1803件，比2014年的1024件增加60%。', 'growth-mismatch');
    expect(flags('全省法院审判执行收案78.14万件，比去年90.78万件减少12.64万件，降幅13.9%。')).toEqual([]);
  });

  it('pairs the counts of two years named alike with a `分别` list of growths after them', () => {
    quietThenCaught(
      '2022年共办理涉企行政复议案件1.9万件，为企业挽回经济损失20.4亿元；2023年共办理涉企行政复议案件3.98万件，为企业挽回经济损失103.9亿元，同比分别增长了109%和409%。',
      '2022年共办理涉企行政复议案件1.9万件，为企业挽回经济损失20.4亿元；2023年共办理涉企行政复议案件3.98万件，为企业挽回经济损失103.9亿元，同比分别增长了179%和409%。',
      'growth-mismatch',
    );
  });

  it('splits the changes on last year as the figures split, and takes a breakdown whose changes add up exactly for all of its total', () => {
    const consistent = '2012年全区共办理各类行政审批和公共服务事项315019件，比去年同期增加123232件。其中区政务中心办理183717件（比去年增加50209件），乡镇街便民服务中心办理59360件（比去年增加35969件），村（社区）代办站办理71942件（比去年增加37054件）。';
    expect(flags(consistent)).toEqual([]);
    // A change that breaks the split, and a part that falls short (the changes show the list is whole).
    expect(flags(consistent.replace('50209件', '52009件')).some((f) => f.startsWith('sum-mismatch:'))).toBe(true);
    expect(flags(consistent.replace('71942件', '17942件')).some((f) => f.startsWith('sum-mismatch:'))).toBe(true);
    // Signed: 增收 and 减收 of the parts make the total's 减收 (a share of the budget may come between).
    quietThenCaught(
      '4月，一般公共预算收入累计完成24627万元，完成年初预算数60999万元的40.4%，比上年减收1070万元，下降4.2%。其中：税收收入8103万元，比上年增收1284万元，增长18.8%；非税收入16524万元，比上年减收2354万元，下降12.5%。',
      '4月，一般公共预算收入累计完成24627万元，完成年初预算数60999万元的40.4%，比上年减收1074万元，下降4.2%。其中：税收收入8103万元，比上年增收1284万元，增长18.8%；非税收入16524万元，比上年减收2354万元，下降12.5%。',
      'sum-mismatch',
    );
    // (A partial list whose figures fall short says nothing of its changes.)
    expect(flags('全区共办理事项315019件，比去年同期增加123232件。其中区政务中心办理183717件（比去年增加50209件），乡镇街便民服务中心办理59360件（比去年增加35969件）。')).toEqual([]);
  });

  it('checks the change of 自然增长率 against the changes of 出生率 and 死亡率', () => {
    const found = quietThenCaught(
      '2023年全省出生人口21.31万人，比上年减少2.20万人；出生率为6.13‰，比上年下降0.62个千分点。死亡人口29.11万人，比上年增加2.20万人；死亡率为8.38‰，比上年上升0.65个千分点。人口自然增长率为-2.25‰，比上年下降1.27个千分点。',
      '2023年全省出生人口21.31万人，比上年减少2.20万人；出生率为6.13‰，比上年下降0.42个千分点。死亡人口29.11万人，比上年增加2.20万人；死亡率为8.38‰，比上年上升0.65个千分点。人口自然增长率为-2.25‰，比上年下降1.27个千分点。',
      'points-mismatch',
    );
    expect(found.join()).toContain('出生率变化 −0.42 − 死亡率变化 0.65 = −1.07 个千分点');
  });

  it('reads a rate listed by year after 2018年以来 (分别为…) as one value a year, and 同比 points against last year\'s', () => {
    const found = quietThenCaught(
      '2018年以来，山东省行政机关败诉率分别为16.4%、11.36%、9.72%、10.83%，2022年该省法院审结的行政一审案件中行政机关败诉1874件，败诉率为6.88%，同比下降3.95个百分点。',
      '2018年以来，山东省行政机关败诉率分别为16.4%、11.36%、9.72%、10.83%，2022年该省法院审结的行政一审案件中行政机关败诉1874件，败诉率为8.68%，同比下降3.95个百分点。',
      'points-mismatch',
    );
    expect(found.join()).toContain('8.68 − 10.83');
    // (A span must have as many years as values; categories listed 分别 are no years.)
    expect(flags('2019—2022年，山东省行政机关败诉率分别为16.4%、11.36%、9.72%，2022年败诉率为8.68%，同比下降3.95个百分点。')).toEqual([]);
  });

  it('reads the figure between 与去年同期（…）相比 as the one a change is measured from', () => {
    quietThenCaught('全年受理行政复议案件150件，与上年同期（120件）相比增长25%。', '全年受理行政复议案件150件，与上年同期（130件）相比增长25%。', 'growth-mismatch');
    quietThenCaught('全年办理法律援助案件640件，同2022年的512件相比增加128件。', '全年办理法律援助案件640件，同2022年的521件相比增加128件。', 'growth-mismatch');
  });

  it('checks 年均 against a change over the years its sentence spans, also across the line breaks of a PDF copy', () => {
    quietThenCaught(
      '到 2017 年末，城镇常住\n人口已经达到 8.1 亿人，比 1978 年末增加 6.4 亿人，年均增加 1644 万人；常住人口城镇化率达到 58.52%，比 1978 年末提高 40.6 个百分点，年均提高 1.04 个百分点。',
      '到 2017 年末，城镇常住\n人口已经达到 8.1 亿人，比 1978 年末增加 6.4 亿人，年均增加 1644 万人；常住人口城镇化率达到 58.52%，比 1978 年末提高 40.6 个百分点，年均提高 1.24 个百分点。',
      'average-mismatch',
    );
    // (A percentage per year compounds: `年均增长X%` is not the change divided by the years.)
    expect(flags('2023年地区生产总值比2018年增长40%，年均增长7%。')).toEqual([]);
  });

  it('checks an average time per call and 人均 over the total of the same act', () => {
    quietThenCaught('人工接听总量1095通，通话时长7045分钟，平均通话时长6.4分钟。', '人工接听总量1095通，通话时长7045分钟，平均通话时长4.6分钟。', 'average-mismatch');
    quietThenCaught(
      '全国法院共受理案件1458.6万件，结案888.7万件。全国共计约12万名员额法官，人均受理案件121.4件。',
      '全国法院共受理案件1458.6万件，结案888.7万件。全国共计约12万名员额法官，人均受理案件211.4件。',
      'average-mismatch',
    );
  });

  it('reads a ratio split after the ratio it replaced and around pinyin in the words before it', () => {
    quietThenCaught(
      '全年三次产业比例由上年的13.72∶46.43∶39.85调整为12.36∶48.34∶39.30。',
      '全年三次产业比例由上年的13.72∶46.43∶39.85调整为12.36∶48.34∶38.30。',
      'share-mismatch',
    );
    quietThenCaught(
      '三次產(chǎn)業(yè)結(jié)構(gòu)比為6.01:55.04:38.95。',
      '三次產(chǎn)業(yè)結(jié)構(gòu)比為6.01:55.04:36.95。',
      'share-mismatch',
    );
  });
});
