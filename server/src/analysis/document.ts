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
 * `lines` are the lines the analysis reads: the physical lines, or finer where
 * a page copied without paragraph breaks is split again at its run-in headings
 * (`splitAt`); positions (LSP line and character) always count physical lines.
 */
export class ReportDocument {
  lines: Line[];
  readonly norm: string;
  /** The lines as the file has them, for positions. */
  readonly physical: Line[];
  /** Offsets where `splitAt` began a line inside a physical line. */
  runInBreaks: number[] = [];
  /** Of those, the headings run into a sentence (a page copied without paragraph breaks). */
  runInHeadingBreaks: number[] = [];

  constructor(readonly text: string) {
    this.norm = toSimplified(text);
    this.physical = splitLines(text, this.norm);
    this.lines = this.physical;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** Begins a new line at each offset (inside a physical line): the analysis reads each piece as a line. */
  splitAt(offsets: number[]): void {
    if (offsets.length === 0) return;
    const sorted = [...new Set(offsets)].sort((a, b) => a - b);
    const lines: Line[] = [];
    let k = 0;
    for (const line of this.physical) {
      let start = line.start;
      for (; k < sorted.length && sorted[k] <= line.end; k++) {
        const at = sorted[k];
        if (at <= start || at >= line.end) continue;
        lines.push({ index: lines.length, start, end: at, text: this.text.slice(start, at), norm: this.norm.slice(start, at) });
        start = at;
      }
      lines.push({ index: lines.length, start, end: line.end, text: this.text.slice(start, line.end), norm: this.norm.slice(start, line.end) });
    }
    this.lines = lines;
    this.runInBreaks = sorted;
  }

  /** The analysis line holding an offset. */
  lineAt(offset: number): Line {
    return this.lines[findLine(this.lines, offset)];
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const index = findLine(this.physical, clamped);
    const line = this.physical[index];
    return { line: index, character: Math.min(clamped, line.end) - line.start };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.physical.length) return this.text.length;
    const line = this.physical[position.line];
    return Math.min(line.start + Math.max(0, position.character), line.end);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The whole of analysis lines first..last (inclusive), without the final line break. */
  lineRange(first: number, last: number): Range {
    return this.range(this.lines[first].start, this.lines[last].end);
  }
}

/** The index of the line whose start is the last at or before `offset`. */
function findLine(lines: Line[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
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
