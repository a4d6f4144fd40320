// Renumbering the headings of one level after sections were moved, added or
// removed: each parent's headings of that level count 1, 2, 3 … again. Only
// the numeral characters change.
import { formatNumeral, numeralSpan } from './numbering';
import type { RawEdit } from './rules/rule';
import type { HeadingLine, Structure } from './structure';

/** Headings grouped by parent and level (numbered ones only), in document order. */
export function siblingGroups(headings: HeadingLine[]): HeadingLine[][] {
  const groups = new Map<string, HeadingLine[]>();
  const stack: { index: number; level: number }[] = [];
  headings.forEach((h, i) => {
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    if (h.style !== 'none') {
      const key = `${stack.length ? stack[stack.length - 1].index : -1}:${h.level}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push(h);
    }
    stack.push({ index: i, level: h.level });
  });
  return [...groups.values()];
}

export function renumberGroup(group: HeadingLine[]): RawEdit[] {
  const edits: RawEdit[] = [];
  group.forEach((h, i) => {
    const span = numeralSpan(h);
    if (span && h.value !== i + 1) edits.push({ start: span.start, end: span.end, newText: formatNumeral(i + 1, h.style) });
  });
  return edits;
}

/** Edits renumbering every heading of `level` (each parent's group from 1). */
export function renumberLevel(structure: Structure, level: number): RawEdit[] {
  return siblingGroups(structure.headings)
    .filter((g) => g[0].level === level)
    .flatMap(renumberGroup);
}

/** The level of the heading whose section holds `line` (the innermost), or 1. */
export function levelAtLine(structure: Structure, line: number): number {
  let level = 1;
  for (const h of structure.headings) {
    if (h.line > line) break;
    if (h.style !== 'none') level = h.level;
  }
  return level;
}
