// Inline `<!-- fazhi-report-disable rule-id -->` … `<!-- fazhi-report-enable -->`
// comments: read once by the core for findings, and by completion.
import { LineKind } from './parse';
import type { RuleContext } from './rules/rule';

export interface DisabledRange {
  /** null: every rule. */
  rules: Set<string> | null;
  start: number;
  end: number;
}

// The rule list is bounded, so an unclosed comment costs a short look, not the rest of the line.
const DIRECTIVE = /<!--\s*fazhi-report-(disable|enable)\b([^>]{0,300}?)-->/g;

/** `<!-- fazhi-report-disable rule-id -->` … `<!-- fazhi-report-enable -->`, outside code. */
export function disabledRanges({ doc, parsed }: RuleContext): DisabledRange[] {
  const ranges: DisabledRange[] = [];
  if (!doc.text.includes('fazhi-report-')) return ranges;
  const open: DisabledRange[] = [];
  for (const line of doc.lines) {
    if (parsed.kinds[line.index] === LineKind.Code || !line.text.includes('fazhi-report-')) continue;
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(line.text); m; m = DIRECTIVE.exec(line.text)) {
      const ids = m[2].split(/[\s,，]+/).filter(Boolean);
      const at = line.start + m.index;
      if (m[1] === 'disable') {
        const range = { rules: ids.length ? new Set(ids) : null, start: at + m[0].length, end: doc.text.length };
        open.push(range);
        ranges.push(range);
      } else {
        for (const r of open) {
          if (r.end !== doc.text.length) continue;
          if (ids.length === 0 || (r.rules && ids.some((id) => r.rules!.has(id)))) r.end = at;
        }
      }
    }
  }
  return ranges;
}

export function isDisabled(ranges: DisabledRange[], ruleId: string, offset: number): boolean {
  return ranges.some((r) => offset >= r.start && offset < r.end && (r.rules === null || r.rules.has(ruleId)));
}
