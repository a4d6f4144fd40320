// The worst inputs we know for each module that scans text with patterns or
// loops: `npm test` runs each at 10 KB and 100 KB, `npm run fuzz` at 100 KB
// and 1 MB, and asserts that ten times the input costs less than twenty times
// the time (linear is about ten; a quadratic scan is about a hundred).
import { analyzeDetailed } from '../server/src/analysis/analyze';
import { suggestionsAt } from '../server/src/analysis/completion';
import { sectionCatalogue } from '../server/src/analysis/sections';
import { compileGlobs } from '../server/src/glob';
import { compilePhrase } from '../server/src/analysis/phrase';

export interface WorstCase {
  name: string;
  /** The module whose patterns or loops it attacks. */
  module: string;
  /** About n characters of input. */
  make(n: number): string;
  /** What is timed on that input. */
  run(text: string): void;
}

const analyzeAs = (format: 'plain' | 'markdown') => (text: string) => {
  analyzeDetailed(text, { format, maxFileSize: Infinity });
};
const plain = analyzeAs('plain');
const markdown = analyzeAs('markdown');
const both = (text: string) => {
  plain(text);
  markdown(text);
};
const repeat = (unit: string, n: number, head = '', tail = '') => head + unit.repeat(Math.max(1, Math.floor(n / unit.length))) + tail;

/** Completion at the end of the text, as an editor asks after each keystroke. */
const completeAtEnd = (text: string) => {
  const ctx = analyzeDetailed(text, { format: 'plain', maxFileSize: Infinity }).context!;
  suggestionsAt(ctx, text.length);
  suggestionsAt(ctx, text.length, true);
};

export const WORST_CASES: WorstCase[] = [
  // numerals and figures (numerals.ts, numbers/quantities.ts, numbers/relations.ts)
  { name: '共一 + 万 × n + 件', module: 'numerals', make: (n) => repeat('万', n, '共一', '件'), run: plain },
  { name: '一 × n', module: 'quantities', make: (n) => repeat('一', n), run: plain },
  { name: '1件 × n', module: 'quantities', make: (n) => repeat('1件', n), run: plain },
  { name: '共三件 × n', module: 'quantities', make: (n) => repeat('共三件', n), run: plain },
  { name: 'digits', module: 'quantities', make: (n) => repeat('1', n, '共', '件'), run: plain },
  { name: '1, × n', module: 'quantities', make: (n) => repeat('1,', n), run: plain },
  { name: '百分之 × n', module: 'quantities', make: (n) => repeat('百分之九', n), run: plain },
  { name: '共1件 + 其中 × n', module: 'relations', make: (n) => repeat('其中', n, '共1件'), run: plain },
  { name: 'one long statement', module: 'relations', make: (n) => repeat('共20件，其中1件，', n), run: plain },
  { name: '率 × n', module: 'relations', make: (n) => repeat('受理5件，办结4件，办结率80%，', n), run: plain },
  { name: '2023年 × n', module: 'year', make: (n) => repeat('2023年', n), run: plain },
  { name: '《 × n', module: 'year', make: (n) => repeat('《', n), run: both },
  // placeholders and blanks (rules/placeholder.ts, rules/blank-number.ts)
  { name: '□a × n', module: 'placeholder', make: (n) => repeat('□a', n), run: both },
  { name: 'XX␠ × n', module: 'placeholder', make: (n) => repeat('XX ', n), run: both },
  { name: 'X年 × n', module: 'placeholder', make: (n) => repeat('X年', n), run: plain },
  { name: '中␠ × n', module: 'blank-number', make: (n) => repeat('中 ', n), run: plain },
  { name: '共␠ × n', module: 'blank-number', make: (n) => repeat('共 件', n), run: plain },
  // outline (structure.ts, parse.ts)
  { name: '。一是 × n', module: 'structure', make: (n) => repeat('。一是', n), run: both },
  { name: '，一是 × n', module: 'structure', make: (n) => repeat('，一是', n), run: plain },
  { name: '一是 × n', module: 'structure', make: (n) => repeat('一是', n, '一、标题\n'), run: plain },
  { name: '1.a lines', module: 'structure', make: (n) => repeat('1.a\n', n), run: both },
  { name: '（一）甲 lines', module: 'structure', make: (n) => repeat('（一）甲\n', n), run: both },
  { name: 'headings and items', module: 'structure', make: (n) => repeat('一、甲\n（一）乙。一是丙，共3件，其中1件。二是丁。\n', n), run: both },
  { name: '（ × n', module: 'structure', make: (n) => repeat('（', n), run: both },
  { name: 'a + U+3000 × n', module: 'parse', make: (n) => repeat('\u3000', n, 'a\n'), run: markdown },
  { name: '|-| rows', module: 'parse', make: (n) => repeat('|a|b|\n|-|-|\n', n), run: markdown },
  { name: '# × n', module: 'parse', make: (n) => repeat('#', n), run: markdown },
  { name: '> × n', module: 'parse', make: (n) => repeat('>', n), run: markdown },
  { name: '- × n', module: 'parse', make: (n) => repeat('- ', n), run: markdown },
  { name: 'link definitions', module: 'parse', make: (n) => repeat('[x]: /y\n', n), run: markdown },
  // parts, regions and directives (sections.ts, phrase.ts, rules/region-mismatch.ts, directives.ts)
  { name: '存在 × n + 问题', module: 'sections', make: (n) => repeat('存在', n, '', '问题：'), run: plain },
  { name: '第一责任人 lines', module: 'sections', make: (n) => repeat('一是第一责任人职责。\n', n), run: plain },
  { name: '陕西省 × n', module: 'region-mismatch', make: (n) => repeat('陕西省', n, '信阳市2021年法治政府建设情况报告\n'), run: plain },
  { name: 'unclosed directives', module: 'directives', make: (n) => repeat('<!--fazhi-report-enable\t0', n), run: markdown },
  // style: punctuation, spans and ranges, dates, names and terms (rules/punctuation-*.ts, cjk-space.ts, span-dash.ts,
  // numeric-range.ts, date-format.ts, approx-number.ts, mixed-numerals.ts, official-title.ts, term-form.ts, heading-punctuation.ts)
  { name: '中, × n (one fix for all)', module: 'punctuation-width', make: (n) => repeat('中,', n), run: both },
  { name: '( × n', module: 'punctuation-width', make: (n) => repeat('(', n), run: plain },
  { name: 'a(中)a × n', module: 'punctuation-width', make: (n) => repeat('a(中)a,', n), run: plain },
  { name: 'http:// × n', module: 'punctuation-width', make: (n) => repeat('http://', n, '中,'), run: plain },
  { name: 'a@ × n', module: 'punctuation-width', make: (n) => repeat('a@', n, '中,', '.cn'), run: plain },
  { name: '( × n then 》 × n', module: 'punctuation-pair', make: (n) => repeat('（', n / 2) + repeat('》', n / 2, '', '。'), run: plain },
  { name: '“” lines', module: 'punctuation-pair', make: (n) => repeat('“中\n', n), run: both },
  { name: '，。 × n', module: 'punctuation-repeat', make: (n) => repeat('，。', n), run: plain },
  { name: '中␠ × n + ，', module: 'cjk-space', make: (n) => repeat('中 ', n, '', '中，'), run: plain },
  { name: '1-- × n', module: 'span-dash', make: (n) => repeat('1-', n, '', '6月'), run: plain },
  { name: 'digits - digits', module: 'numeric-range', make: (n) => repeat('1', n / 2, '', '-' + '2'.repeat(n / 2) + '件'), run: plain },
  { name: '月 × n', module: 'date-format', make: (n) => repeat('1月', n, '，'), run: plain },
  { name: '零 × n + 年', module: 'date-format', make: (n) => repeat('零', n, '，', '年'), run: plain },
  { name: '一 × n + 余件', module: 'approx-number', make: (n) => repeat('一', n, '约', '余件左右'), run: plain },
  { name: '受理12件，办结十件 × n', module: 'mixed-numerals', make: (n) => repeat('受理12件，办结十件，', n), run: plain },
  { name: '《near-miss title》 × n', module: 'official-title', make: (n) => repeat('《法治政府建设实施纲要（2022—2025）》', n), run: plain },
  { name: '《 + long title', module: 'official-title', make: (n) => repeat('法', n, '《', '》'), run: plain },
  { name: '法制政府 × n', module: 'term-form', make: (n) => repeat('法制政府，', n), run: plain },
  { name: '一、甲。 lines', module: 'heading-punctuation', make: (n) => repeat('一、甲。\n（一）乙 丙，\n', n), run: both },
  // completion after a long line (completion.ts)
  { name: 'completion after 中 × n + a', module: 'completion', make: (n) => repeat('中', n, '', 'a'), run: completeAtEnd },
  { name: 'completion after # + spaces', module: 'completion', make: (n) => repeat(' ', n, '# ', 'x'), run: completeAtEnd },
  { name: 'completion after 。 × n', module: 'completion', make: (n) => repeat('。', n), run: completeAtEnd },
  // settings are data: a hostile glob or synonym costs what a plain one does (glob.ts, phrase.ts)
  {
    name: 'nested extglob setting against a long path',
    module: 'glob',
    make: (n) => repeat('a/', n),
    run: (path) => {
      compileGlobs(['+(a|a)+(a|a)+(a|a)+(a|a)+(a|a)+(a|a)+(a|a)+(a|a)b', '**/*a*a*a*a*a*a*a*a*a*b', '{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}/**/x']).matches(path);
    },
  },
  {
    name: 'synonym with many gaps',
    module: 'phrase',
    make: (n) => repeat('存在', n),
    run: (text) => {
      compilePhrase('存…在…存…在…存…在…存…在…存…在…存…在…存…在…问题').search(text);
      sectionCatalogue({ problems: { synonyms: ['存…在…存…在…存…在…存…在…存…在…问题'] } });
    },
  },
];

/** CPU time of this process in milliseconds: unlike the clock, it does not run while other processes have the cores. */
function cpuTime(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Fastest of `runs` timings, in milliseconds of CPU time: the least disturbed by other
 * processes and collections (ratios are compared, never wall-clock limits). */
export function fastestTime(run: () => void, runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = cpuTime();
    run();
    times.push(cpuTime() - t0);
  }
  return Math.min(...times);
}

/**
 * time(large) / time(small) for a case, with a floor on the small time so that timer noise cannot dominate.
 * The runs alternate (small, large, small, …) so that a busy moment slows both alike.
 */
export function growth(c: WorstCase, small: number, large: number): { small: number; large: number; ratio: number } {
  const a = c.make(small);
  const b = c.make(large);
  c.run(c.make(Math.min(small, 2000))); // warm up
  let tSmall = Infinity;
  let tLarge = Infinity;
  // At least three pairs; cheap cases, whose few milliseconds another process can
  // double, get more pairs within about a second, and the fastest of each counts.
  const start = cpuTime();
  for (let i = 0; i < 3 || (i < 12 && cpuTime() - start < 1000); i++) {
    tSmall = Math.min(tSmall, fastestTime(() => c.run(a), 1));
    tLarge = Math.min(tLarge, fastestTime(() => c.run(b), 1));
  }
  return { small: tSmall, large: tLarge, ratio: tLarge / Math.max(tSmall, 1) };
}
