import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { analyze, type AnalyzeOptions, type OutlineNode } from '../../server/src/analysis';
import { CORPUS, corpus } from '../helpers';

/** `L1 一、title` / `· 一是title` lines, indented by depth: the outline as a careful reader lists it. */
function sketch(nodes: OutlineNode[], withItems = true, depth = 0): string[] {
  return nodes.flatMap((n) => {
    if (n.kind === 'item' && !withItems) return [];
    const label =
      n.kind === 'heading' ? `L${n.level} ${n.numbering ?? ''}${n.title}` : n.kind === 'item' ? `· ${n.numbering}${n.title}` : `[${n.kind}] ${n.title}`;
    return ['  '.repeat(depth) + label, ...sketch(n.children, withItems, depth + 1)];
  });
}

const outlineOf = (text: string, options: AnalyzeOptions = { format: 'plain' }) => analyze(text, options).outline;
const headingsOf = (text: string, options?: AnalyzeOptions) => sketch(outlineOf(text, options), false);
const itemCounts = (nodes: OutlineNode[]) => nodes.filter((n) => n.kind === 'heading').map((n) => n.children.filter((c) => c.kind === 'item').length);

describe('outline of the real reports', () => {
  it('Jiangsu (Traditional): 7 level-1 headings holding 5/4/4/5/4/5/4 items, no page furniture', () => {
    const outline = outlineOf(corpus(CORPUS.jiangsu));
    expect(sketch(outline, false)).toEqual([
      'L1 一、全面履行政府職能,最佳化治理改革穩步推進',
      'L1 二、提升立法制規質量,依法行政制度體系日臻完備',
      'L1 三、推進科學民主依法決策,提高重大行政決策質量',
      'L1 四、深化執法體制改革,推動嚴格規範公正文明執法',
      'L1 五、強化運行過程監督制約,權力多元監督體系日趨健全',
      'L1 六、依法有效化解矛盾糾紛,社會和諧穩定局面日益鞏固',
      'L1 七、加強組織領導,法治政府建設推進機制不斷完善',
    ]);
    expect(itemCounts(outline)).toEqual([5, 4, 4, 5, 4, 5, 4]);
    expect(sketch(outline[6].children)).toEqual([
      '· 一是積極履行法治政府建設第一責任人職責',
      '· 二是不斷提高政府工作人員法治思維',
      '· 三是強化考評督察,壓實法治政府主體責任',
      '· 四是突出典型引領,紮實開展進位爭先活動',
    ]);
    // The last section ends with its last paragraph, before 相關詞條 / 熱門詞條 / 聯絡我們.
    expect(outline[6].range).toEqual({ start: { line: 47, character: 0 }, end: { line: 51, character: corpus(CORPUS.jiangsu).split('\n')[51].length } });
  });

  it('Jiangsu gives the same outline shape as its simplified conversion', () => {
    const traditional = corpus(CORPUS.jiangsu);
    const simplified = OpenCC.Converter({ from: 'tw', to: 'cn' })(traditional);
    const shape = (nodes: OutlineNode[]): unknown => nodes.map((n) => [n.kind, n.level, n.range, n.selectionRange, shape(n.children)]);
    expect(shape(outlineOf(simplified))).toEqual(shape(outlineOf(traditional)));
    expect(analyze(simplified, { format: 'plain' }).title!.text).toBe('江苏省人民政府关于2020年度法治政府建设情况的报告');
  });

  it('Xinyang: the addressee and 3 level-1 headings with 7/3/3 level-2 headings', () => {
    const outline = outlineOf(corpus(CORPUS.xinyang));
    expect(sketch(outline, false)).toEqual([
      '[addressee] 市法治政府建设领导小组办公室:',
      'L1 一、推进法治政府建设工作情况',
      '  L2 (一)努力开创法治政府建设新局面',
      '  L2 (二)依法全面履行管委会职能',
      '  L2 (三)不断推进行政决策科学化、民主化、法治化',
      '  L2 (四)坚持严格规范公正文明执法',
      '  L2 (五)不断强化对行政权力的制约和监督',
      '  L2 (六)依法有效化解社会矛盾纠纷',
      '  L2 (七)持续提高全区人员法治思维和依法行政能力',
      'L1 二、存在问题',
      '  L2 (一)思想认识有待进一步提高',
      '  L2 (二)依法行政有待进一步加强',
      '  L2 (三)普法实效有待进一步提升',
      'L1 三、2022年工作计划',
      '  L2 (一)进一步落实市法治政府建设领导小组要求',
      '  L2 (二)进一步推进领导干部学法用法工作',
      '  L2 (三)进一步提升普法质效',
    ]);
    // Items written mid-line, after the heading's first sentence.
    expect(sketch(outline[1].children[0].children)).toEqual(['· 一是加强党对法治政府建设的领导', '· 二是进一步强化考核评价和督促检查']);
    expect(itemCounts(outline[1].children)).toEqual([2, 7, 3, 3, 2, 3, 2]);
  });

  it('Suxitong: the title once, 4 level-1 headings with 8/0/0/7 level-2 headings', () => {
    const text = corpus(CORPUS.suxitong);
    const analysis = analyze(text, { format: 'plain' });
    expect(analysis.title!.text).toBe('苏锡通园区2022年度法治政府建设情况报告');
    expect(sketch(analysis.outline, false)).toEqual([
      'L1 一、推进法治政府建设的主要举措和成效',
      '  L2 (一)推进行政机关依法高效履职情况',
      '  L2 (二)加强依法行政制度建设情况',
      '  L2 (三)推进依法科学民主决策情况',
      '  L2 (四)严格规范公正文明执法情况',
      '  L2 (五)依法应对重大突发事件情况',
      '  L2 (六)依法化解社会矛盾纠纷情况',
      '  L2 (七)强化行政权力制约监督情况',
      '  L2 (八)打造数字法治政府情况',
      'L1 二、主要负责人履行推进法治建设第一责任人职责情况',
      'L1 三、存在问题和不足',
      'L1 四、2023年度推进法治政府建设的主要安排',
      '  L2 (一)持续加强思想政治建设',
      '  L2 (二)持续加强队伍规范建设',
      '  L2 (三)加强部门联动提升综合执法效能',
      '  L2 (四)强化人才培养提升行政执法水平',
      '  L2 (五)深化法治建设,提供坚实的法治保障',
      '  L2 (六)聚力专项整治,扎实推进各类专项行动',
      '  L2 (七)提升市域社会治理现代化水平',
    ]);
    expect(sketch(analysis.outline[1].children)).toEqual(['· 一是深入学习贯彻习近平法治思想建设', '· 二是带头发挥法治表率作用,切实加强法治责任建设']);
    // 四是深化法治政府建设责任制。…一是严格执法准入。 — a nested count of its own.
    const seventh = analysis.outline[0].children[6];
    expect(sketch(seventh.children).slice(3, 6)).toEqual(['· 四是深化法治政府建设责任制', '  · 一是严格执法准入', '· 五是加强执法监督,落实行政执法责任制']);
    // The last section stops before the page's 标签 / 关注我们 / 热门搜索.
    expect(analysis.outline[3].range.end.line).toBe(51);
  });
});

describe('heading recognition', () => {
  it('knows the four GB/T 9704 levels and the variants real drafts use', () => {
    const text = [
      '一、第一部分',
      '（一）全角括号',
      '1.阿拉伯数字加点',
      '（1）全角括号数字',
      '(2)半角括号数字',
      '③带圈数字',
      '2、顿号',
      '3．全角点',
      '(二)半角括号',
      '十一、十一',
      '二十三、二十三',
      '一百零一、一百零一',
    ].join('\n');
    expect(headingsOf(text)).toEqual([
      'L1 一、第一部分',
      '  L2 （一）全角括号',
      '    L3 1.阿拉伯数字加点',
      '      L4 （1）全角括号数字',
      '      L4 (2)半角括号数字',
      '      L4 ③带圈数字',
      '    L3 2、顿号',
      '    L3 3．全角点',
      '  L2 (二)半角括号',
      'L1 十一、十一',
      'L1 二十三、二十三',
      'L1 一百零一、一百零一',
    ]);
  });

  it('takes the title of a heading up to its first 。, and the range over its whole section', () => {
    const text = '一、总体情况\n（一）突出思想政治引领。深化习近平法治思想学习宣传。\n全年开展学习12次。\n\n（二）加强制度建设\n二、存在问题\n';
    const outline = outlineOf(text);
    const first = outline[0].children[0];
    expect(first.title).toBe('突出思想政治引领');
    expect(first.selectionRange).toEqual({ start: { line: 1, character: 3 }, end: { line: 1, character: 11 } });
    expect(first.range).toEqual({ start: { line: 1, character: 0 }, end: { line: 2, character: 10 } });
    expect(outline[0].range).toEqual({ start: { line: 0, character: 0 }, end: { line: 4, character: 9 } });
  });

  it('reads Markdown `#` headings: the numbering decides the level, an unnumbered first one is the title', () => {
    const text = [
      '# 某区2023年度法治政府建设情况报告',
      '',
      '## 一、主要举措和成效',
      '',
      '### （一）依法履职',
      '',
      '#### 工作亮点',
      '',
      '# 二、存在问题',
      '',
      '**三、下一步安排**',
    ].join('\n');
    const analysis = analyze(text, { format: 'markdown' });
    expect(analysis.title!.text).toBe('某区2023年度法治政府建设情况报告');
    expect(sketch(analysis.outline, false)).toEqual([
      'L1 一、主要举措和成效',
      '  L2 （一）依法履职',
      '    L3 工作亮点',
      'L1 二、存在问题',
      'L1 三、下一步安排',
    ]);
    expect(analysis.outline[0].selectionRange).toEqual({ start: { line: 2, character: 5 }, end: { line: 2, character: 12 } });
  });

  it('finds the addressee, the signature and the date', () => {
    const text = '常州市人民政府：\n现将我区2023年度法治政府建设情况报告如下。\n一、主要举措和成效\n全年办结案件30件。\n\n常州市钟楼区人民政府\n2024年3月6日\n';
    expect(sketch(outlineOf(text))).toEqual([
      '[addressee] 常州市人民政府：',
      'L1 一、主要举措和成效',
      '[signature] 常州市钟楼区人民政府 2024年3月6日',
    ]);
    const outline = outlineOf(text);
    expect(outline[1].range.end.line).toBe(3);
    expect(outline[2].range).toEqual({ start: { line: 5, character: 0 }, end: { line: 6, character: 9 } });
  });

  it('never reads a heading in code, quotes, tables, or a line that starts with a figure', () => {
    const text = [
      '一、主要举措',
      '',
      '```',
      '二、代码里的标题',
      '```',
      '',
      '> 三、引用的别人的文字',
      '',
      '| 一、表格 | 数值 |',
      '| --- | --- |',
      '| 二、表格 | 1 |',
      '',
      '2023年，我市持续推进依法行政。',
      '',
      '1194件调解成功。',
      '',
      '1.5万人次参加培训。',
      '',
      '二、存在问题',
    ].join('\n');
    expect(headingsOf(text, { format: 'markdown' })).toEqual(['L1 一、主要举措', 'L1 二、存在问题']);
  });
});

describe('inline enumerations', () => {
  it('are items under their heading, at the start of a line or after 。', () => {
    const text = '一、主要举措\n一是加强领导。统筹推进各项工作。二是完善制度。\n三是强化监督，第一，严格考核。\n';
    expect(sketch(outlineOf(text))).toEqual(['L1 一、主要举措', '  · 一是加强领导', '  · 二是完善制度', '  · 三是强化监督', '    · 第一严格考核']);
  });

  it('start their own count when nested inside an item', () => {
    const text = '一、主要举措\n三是压实责任。四是深化改革。一是精简审批；二是优化服务。\n五是强化保障。\n';
    expect(sketch(outlineOf(text))).toEqual([
      'L1 一、主要举措',
      '  · 三是压实责任',
      '  · 四是深化改革',
      '    · 一是精简审批',
      '    · 二是优化服务',
      '  · 五是强化保障',
    ]);
  });

  it('accept 第一，第二， and a new 一是 on a new line starts a new list', () => {
    const text = '一、主要举措\n第一，加强领导。第二，完善制度。\n一是加强培训。二是强化考核。\n';
    const items = outlineOf(text)[0].children;
    expect(items.map((i) => i.numbering)).toEqual(['第一', '第二', '一是', '二是']);
    expect(items[0].title).toBe('加强领导');
  });

  it('are never words like 统一是 or 也是', () => {
    expect(sketch(outlineOf('一、主要举措\n标准统一是前提，这也是关键。\n'))).toEqual(['L1 一、主要举措']);
  });
});
