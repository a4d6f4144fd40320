import approximations from '../data/approximations.json';
import measures from '../data/measures.json';
import type { RawFinding, Rule } from './rule';
import { charTable, hanAt, isAsciiLetter, isDigit, isLiteral, proseLines } from './style-text';

const BEFORE = [...approximations.before].sort((a, b) => b.length - a.length);
const NOT_AFTER = approximations.notAfter as Record<string, string[]>;
const AFTER = approximations.after;
const BOUNDS = approximations.bounds;
const UNITS = [...new Set([...measures.counts, ...measures.continuous])].sort((a, b) => b.length - a.length);
const COUNT_SET = new Set(measures.counts);
const CN_NUMERAL = '零〇一二两三四五六七八九十百千';
const FIGURE_CHARS = charTable('0123456789' + CN_NUMERAL);
const NEAR_AFTER = charTable([...AFTER, ...BOUNDS].map((w) => w[0]).join(''));

const startsWithAny = (text: string, at: number, words: readonly string[]) => words.find((w) => text.startsWith(w, at)) ?? '';

/** The approximating word that ends just before `at`, unless it is the tail of another word (`预约`, `最近`). */
function approxBefore(text: string, at: number): string {
  for (const w of BEFORE) {
    if (!text.endsWith(w, at)) continue;
    const prev = text[at - w.length - 1];
    if (prev !== undefined && NOT_AFTER[w]?.includes(prev)) continue;
    return w;
  }
  return '';
}

export const approxNumber: Rule = {
  id: 'approx-number',
  title: '概数用语',
  severity: 'warning',
  description: '概数用语重复或矛盾（“约1000余件”“将近400余人”“100余人左右”），“余”“多”放错位置（“30件余”应为“30余件”），或精确数后加“余”（“1195余件”）',
  tags: ['style'],
  fix: 'safe',
  check(ctx) {
    const { doc } = ctx;
    const findings: RawFinding[] = [];
    for (const line of proseLines(ctx)) {
      const text = line.norm;
      if (!/[余多左以上]/.test(text)) continue;
      for (let a = 0; a < text.length; a++) {
        if (!FIGURE_CHARS[text.charCodeAt(a)]) continue;
        const arabic = isDigit(text.charCodeAt(a));
        // The whole figure: digits (with a decimal part) or a Chinese numeral.
        const figureStart = a;
        let figureEnd = a;
        if (arabic) while (figureEnd < text.length && (isDigit(text.charCodeAt(figureEnd)) || (text[figureEnd] === '.' && isDigit(text.charCodeAt(figureEnd + 1))))) figureEnd++;
        else while (figureEnd < text.length && figureEnd - a < 12 && CN_NUMERAL.includes(text[figureEnd])) figureEnd++;
        a = figureEnd - 1;
        if (arabic && (isAsciiLetter(text.charCodeAt(figureStart - 1)) || text[figureStart - 1] === '.')) continue;
        // Every problem needs 余, 多, 左右, 以上 or 上下 within a few characters after the figure.
        let near = false;
        for (let k = figureEnd; k < figureEnd + 8 && k < text.length && !near; k++) near = NEAR_AFTER[text.charCodeAt(k)] === 1;
        if (!near) continue;
        const figure = text.slice(figureStart, figureEnd);
        let k = figureEnd;
        const multiplier = text[k] === '万' || text[k] === '亿' ? text[k] : '';
        k += multiplier.length;
        const inner = startsWithAny(text, k, AFTER); // 1000余件
        k += inner.length;
        const unit = startsWithAny(text, k, UNITS);
        k += unit.length;
        if (!unit && !multiplier && !inner) continue;
        // 1000件余: 余 or 多 after a counted thing's measure word, closing the phrase (一年余 and 两个多月 are right).
        const outer = unit && !inner && COUNT_SET.has(unit) ? startsWithAny(text, k, AFTER) : '';
        const misplaced = !!outer && !hanAt(text, k + 1);
        const outerStart = k;
        if (misplaced) k += outer.length;
        const bound = startsWithAny(text, k, BOUNDS);
        const before = approxBefore(text, figureStart);
        const approxAfter = inner || (misplaced ? outer : '');
        const problems: string[] = [];
        if (before && (approxAfter || bound)) problems.push(`“${before}”与“${approxAfter || bound}”不能同用`);
        else if (approxAfter && bound) problems.push(`“${approxAfter}”与“${bound}”不能同用`);
        // 1195余件: 余 and 多 follow a round number (十余, 100余, 3万余), never an exact one.
        if (arabic && inner && !multiplier && unit && /^\d+$/.test(figure) && !figure.endsWith('0') && Number(figure) > 10) {
          problems.push(`精确数“${figure}”后不宜再用“${inner}”`);
        }
        if (misplaced) problems.push(`“${outer}”应放在量词“${unit}”之前`);
        if (problems.length === 0 || !isLiteral(ctx, line.start + figureStart)) continue;
        const start = line.start + figureStart - before.length;
        const end = line.start + k + bound.length;
        const finding: RawFinding = { start, end, message: `概数用语：“${doc.text.slice(start, end)}”中${problems.join('；')}` };
        if (misplaced) {
          // Move 余/多 before the measure word: `30件余` → `30余件`.
          const unitStart = line.start + outerStart - unit.length;
          const moved = doc.text.slice(line.start + outerStart, line.start + k);
          const written = doc.text.slice(line.start + figureStart, line.start + k);
          const fixed = doc.text.slice(line.start + figureStart, unitStart) + moved + doc.text.slice(unitStart, line.start + outerStart);
          finding.fix = {
            title: `“${written}”改为“${fixed}”`,
            edits: [
              { start: unitStart, end: unitStart, newText: moved },
              { start: line.start + outerStart, end: line.start + k, newText: '' },
            ],
          };
        }
        findings.push(finding);
      }
    }
    return findings;
  },
};
