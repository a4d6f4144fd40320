// A draft (.md or .txt) as the lines of an official document: each source line becomes one
// paragraph, its Markdown syntax (`#` marks, emphasis, links, code spans, bullets, comments)
// taken out and its text kept as typed, numbering included. Line i of the result is line i of
// the source, so the outline the core reads from the source tells each paragraph's role.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes, Root } from 'mdast';

export type DraftLineKind = 'prose' | 'code';

export interface DraftLine {
  /** The paragraph's text without Markdown syntax or surrounding blanks; '' for a line that shows nothing. */
  text: string;
  kind: DraftLineKind;
}

const processor = unified().use(remarkParse);

/** The source's lines split as the core splits them (\n, \r\n or a lone \r). */
export function sourceLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push(text.slice(start, i));
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  lines.push(text.slice(start));
  return lines;
}

/** Blanks around a paragraph: ASCII space, tab and the ideographic space writers indent with. */
function trimBlanks(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isBlank(s.charCodeAt(a))) a++;
  while (b > a && isBlank(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
}

export function draftLines(text: string, format: 'markdown' | 'plain'): DraftLine[] {
  const lines = sourceLines(text);
  if (format === 'plain') return lines.map((l) => ({ text: trimBlanks(l), kind: 'prose' }));
  const pieces: string[][] = lines.map(() => []);
  const kinds: DraftLineKind[] = lines.map(() => 'prose');
  /** Puts a value that may span lines on its lines, from the 0-based `line`. */
  const place = (value: string, line: number) => {
    const parts = sourceLines(value);
    for (let i = 0; i < parts.length && line + i < lines.length; i++) pieces[line + i].push(parts[i]);
  };
  const visit = (node: Nodes) => {
    const pos = node.position;
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        if (pos) place(node.value, pos.start.line - 1);
        return;
      case 'code': {
        if (!pos) return;
        // A fenced block's first line is the fence.
        const first = pos.start.line - 1;
        const fenced = /^[ \t]{0,3}(```|~~~)/.test(lines[first]);
        place(node.value, fenced ? first + 1 : first);
        for (let l = first; l < pos.end.line && l < lines.length; l++) kinds[l] = 'code';
        return;
      }
      case 'html':
        // Comments (the checker's disable directives among them) are not part of the document.
        if (pos && !node.value.trimStart().startsWith('<!--')) place(node.value, pos.start.line - 1);
        return;
      case 'thematicBreak':
      case 'image':
      case 'imageReference':
      case 'definition':
        return;
      case 'listItem': {
        // An ordered item's number is the writer's numbering (`1. 加强领导`): kept as typed.
        const first = node.children[0]?.position;
        if (pos && first && pos.start.offset !== undefined && first.start.offset !== undefined) {
          const marker = text.slice(pos.start.offset, first.start.offset).trimStart();
          if (/^\d{1,9}[.)]/.test(marker)) pieces[pos.start.line - 1].push(marker);
        }
        break;
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(processor.parse(text) as Root);
  return lines.map((_, i) => ({ text: trimBlanks(pieces[i].join('')), kind: kinds[i] }));
}
