import type { ReportDocument } from './document';
import { sectionEndLine, type Structure } from './structure';
import type { OutlineNode } from './types';

/** The outline tree of ../shared/design.md: headings by level, items under them, addressee and signature at the top. */
export function buildOutline(doc: ReportDocument, structure: Structure): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const { headings, items } = structure;
  if (structure.addressee) {
    const a = structure.addressee;
    const range = doc.range(a.start, a.end);
    roots.push({ kind: 'addressee', level: null, numbering: null, title: doc.text.slice(a.start, a.end).trim(), range, selectionRange: range, children: [] });
  }
  const headingNodes: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  const itemNodes: OutlineNode[] = [];
  let nextItem = 0;
  const attachItems = (headingIndex: number) => {
    for (; nextItem < items.length && items[nextItem].heading === headingIndex; nextItem++) {
      const item = items[nextItem];
      const node: OutlineNode = {
        kind: 'item',
        level: null,
        numbering: item.numbering,
        title: doc.text.slice(item.titleStart, item.titleEnd),
        range: doc.range(item.numberingStart, item.end),
        selectionRange: doc.range(item.titleStart, item.titleEnd),
        children: [],
      };
      itemNodes.push(node);
      const owner = item.parent >= 0 ? itemNodes[item.parent] : headingIndex >= 0 ? headingNodes[headingIndex] : null;
      (owner ? owner.children : roots).push(node);
    }
  };
  attachItems(-1);
  headings.forEach((h, i) => {
    const node: OutlineNode = {
      kind: 'heading',
      level: h.level,
      numbering: h.numbering || null,
      title: h.title,
      range: doc.lineRange(h.line, sectionEndLine(structure, i)),
      selectionRange: doc.range(h.titleStart, h.titleEnd),
      children: [],
    };
    headingNodes.push(node);
    while (stack.length && (stack[stack.length - 1].level ?? 0) >= h.level) stack.pop();
    (stack.length ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
    attachItems(i);
  });
  if (structure.signature) {
    const s = structure.signature;
    const range = doc.range(s.start, s.end);
    roots.push({ kind: 'signature', level: null, numbering: null, title: s.text, range, selectionRange: doc.range(s.start, doc.lines[s.firstLine].start + doc.lines[s.firstLine].text.trimEnd().length), children: [] });
  }
  return roots;
}
