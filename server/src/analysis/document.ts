import type { Position, Range } from './types';
import { toSimplified } from './normalize';

/** One source line; offsets are UTF-16 indices into the original text. */
export interface Line {
  index: number;
  start: number;
  /** End of the content, before the line break. */
  end: number;
  text: string;
  /** The same line in simplified Chinese, same length as `text`. */
  norm: string;
}

/**
 * The text as the core sees it: the original (every range refers to it) and a
 * simplified view of the same length, split into lines by \n, \r\n or a lone \r.
 */
export class ReportDocument {
  readonly lines: Line[];
  readonly norm: string;

  constructor(readonly text: string) {
    this.norm = toSimplified(text);
    this.lines = splitLines(text, this.norm);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lines.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lines[mid].start <= clamped) low = mid;
      else high = mid - 1;
    }
    const line = this.lines[low];
    return { line: low, character: Math.min(clamped, line.end) - line.start };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lines.length) return this.text.length;
    const line = this.lines[position.line];
    return Math.min(line.start + Math.max(0, position.character), line.end);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The whole of lines first..last (inclusive), without the final line break. */
  lineRange(first: number, last: number): Range {
    return { start: { line: first, character: 0 }, end: { line: last, character: this.lines[last].end - this.lines[last].start } };
  }
}

function splitLines(text: string, norm: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const push = (end: number, next: number) => {
    lines.push({ index: lines.length, start, end, text: text.slice(start, end), norm: norm.slice(start, end) });
    start = next;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) push(i, i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        push(i, i + 2);
        i++;
      } else push(i, i + 1);
    }
  }
  push(text.length, text.length);
  return lines;
}
