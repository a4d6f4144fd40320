import termData from '../data/terms.json';
import type { RawFinding, Rule } from './rule';
import { bookTitleSpans, inDocumentScript, isLiteral, proseLines, SpanCursor } from './style-text';

interface Term {
  wrong: string;
  right: string;
  note: string;
  before?: string[];
  after?: string[];
  notAfter?: string[];
  since?: number;
}

const TERMS = termData.terms as Term[];
const FIRST_CHARS = new Set(TERMS.map((t) => t.wrong[0]));

/** Whether the context the entry asks for is there (`权利清单` only next to 责任清单 or after 政府). */
function inContext(term: Term, text: string, start: number, end: number): boolean {
  if (term.notAfter?.some((w) => text.startsWith(w, end))) return false;
  if (!term.before && !term.after) return true;
  return !!term.before?.some((w) => text.endsWith(w, start)) || !!term.after?.some((w) => text.startsWith(w, end));
}

export const termForm: Rule = {
  id: 'term-form',
  title: '术语误写',
  severity: 'warning',
  description: '法治领域固定用语的常见误写（“法制政府”应为“法治政府”，“依法制国”应为“依法治国”，“权利清单和责任清单”应为“权力清单和责任清单”）',
  tags: ['style'],
  fix: 'safe',
  check(ctx) {
    const { doc, year } = ctx;
    const findings: RawFinding[] = [];
    const terms = TERMS.filter((t) => !t.since || year.year === null || year.year >= t.since);
    for (const line of proseLines(ctx)) {
      const text = line.norm;
      let any = false;
      for (let i = 0; i < text.length && !any; i++) any = FIRST_CHARS.has(text[i]);
      if (!any) continue;
      const titles = bookTitleSpans(text, 200);
      for (const term of terms) {
        const inTitle = new SpanCursor(titles);
        for (let at = text.indexOf(term.wrong); at >= 0; at = text.indexOf(term.wrong, at + term.wrong.length)) {
          const end = at + term.wrong.length;
          if (inTitle.has(at) || !inContext(term, text, at, end) || !isLiteral(ctx, line.start + at)) continue;
          // Only the characters that differ are replaced (法制政府 → 治), in the document's script.
          let p = 0;
          while (term.wrong[p] === term.right[p]) p++;
          let q = 0;
          while (q < term.wrong.length - p && term.wrong[term.wrong.length - 1 - q] === term.right[term.right.length - 1 - q]) q++;
          const replacement = inDocumentScript(doc, term.right.slice(p, term.right.length - q));
          const right = inDocumentScript(doc, term.right) ?? term.right;
          const finding: RawFinding = {
            start: line.start + at,
            end: line.start + end,
            message: `用语有误：“${doc.text.slice(line.start + at, line.start + end)}”应为“${right}”（${term.note}）`,
          };
          if (replacement !== null) finding.fix = { title: `改为“${right}”`, edits: [{ start: line.start + at + p, end: line.start + end - q, newText: replacement }] };
          findings.push(finding);
        }
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
