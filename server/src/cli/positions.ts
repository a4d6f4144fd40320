// Positions for people and for tools other than LSP clients: 1-based lines
// and columns, as ESLint's and markdownlint's, the columns counted in
// characters (code points, as Emacs counts them) so that a supplementary
// character (𠮷) is one column, not two UTF-16 units. LSP ranges (0-based,
// UTF-16 units) stay as they are in the JSON; these are added beside them.
import type { Position, Range } from '../analysis/api';

export interface HumanPosition {
  line: number;
  column: number;
}

/** A function from LSP positions in `text` to 1-based line and code-point column. */
export function humanPositions(text: string | undefined): (p: Position) => HumanPosition {
  if (text === undefined) return (p) => ({ line: p.line + 1, column: p.character + 1 });
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (p) => {
    const start = lineStarts[p.line] ?? text.length;
    return { line: p.line + 1, column: codePoints(text, start, Math.min(start + p.character, text.length)) + 1 };
  };
}

/** Code points in text[from, to): a surrogate pair (𠮷) is one. */
function codePoints(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // A low surrogate after a high one is the second half of one character.
    if (c >= 0xdc00 && c <= 0xdfff && i > from && isHigh(text.charCodeAt(i - 1))) continue;
    n++;
  }
  return n;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** `line`, `column`, `endLine`, `endColumn` of a range. */
export function humanRange(range: Range, at: (p: Position) => HumanPosition): { line: number; column: number; endLine: number; endColumn: number } {
  const start = at(range.start);
  const end = at(range.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
