import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export const FIXTURES = join(__dirname, 'fixtures');
/** The real reports, copied from ../shared/corpus. */
export const CORPUS_DIR = join(FIXTURES, 'corpus');

export const CORPUS = {
  jiangsu: '2020-jiangsu-province-traditional.txt',
  xinyang: '2021-xinyang-hitech-zone.txt',
  suxitong: '2022-suxitong-park.txt',
} as const;

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function corpus(name: string): string {
  return readFileSync(join(CORPUS_DIR, name), 'utf8');
}

/** Offset of an LSP position in a text with LF line ends. */
export function offsetOf(text: string, p: { line: number; character: number }): number {
  const lines = text.split('\n');
  return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
}

/** Applies text edits as LSP does: from the end; of edits at one position, the first in the array lands first in the text. */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  return edits
    .map((e, i) => ({ e, i, start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end) }))
    .sort((a, b) => b.start - a.start || b.i - a.i)
    .reduce((t, { e, start, end }) => t.slice(0, start) + e.newText + t.slice(end), text);
}
