// Catalogue phrases and the user's synonyms are plain text, never patterns:
// `…` is a short gap inside one sentence, `YYYY` a year, and full-width
// punctuation also matches its ASCII twin. Matching is a scan, not a regular
// expression, so a phrase with many gaps costs what a phrase with one does:
// time linear in the text (times the number of pieces and their length).

/** The longest gap `…` stands for, in characters. */
export const PHRASE_GAP = 12;

const TWINS: Record<string, string> = { '，': ',', '：': ':', '；': ';', '（': '(', '）': ')' };
const SENTENCE_END = new Set(['。', '！', '？']);

/** One position of a piece: a character with its ASCII twin, or the four digits of a year. */
type Token = { kind: 'char'; char: string; twin?: string } | { kind: 'year' };

/** A run of tokens with no gap inside. */
interface Piece {
  tokens: Token[];
  /** Characters it covers (a year covers four). */
  length: number;
}

export interface Phrase {
  /** The phrase as written in the catalogue or the setting. */
  readonly source: string;
  /** Offset of the earliest match in `text`, or -1. */
  search(text: string): number;
  /** Whether a match starts at the very beginning of `text`. */
  matchesAtStart(text: string): boolean;
}

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('YYYY', i)) {
      tokens.push({ kind: 'year' });
      i += 3;
    } else tokens.push({ kind: 'char', char: text[i], twin: TWINS[text[i]] });
  }
  return tokens;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `19xx` or `20xx`. */
function yearAt(text: string, at: number): boolean {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  return ((a === 49 && b === 57) || (a === 50 && b === 48)) && isDigit(text.charCodeAt(at + 2)) && isDigit(text.charCodeAt(at + 3));
}

function pieceAt(piece: Piece, text: string, at: number): boolean {
  if (at + piece.length > text.length) return false;
  let i = at;
  for (const t of piece.tokens) {
    if (t.kind === 'year') {
      if (!yearAt(text, i)) return false;
      i += 4;
    } else {
      const c = text[i];
      if (c !== t.char && c !== t.twin) return false;
      i++;
    }
  }
  return true;
}

/** The longest run of plain characters in a piece (no twin, no year) and where it starts, for a native `indexOf`. */
function anchorOf(piece: Piece): { text: string; offset: number } | null {
  let best: { text: string; offset: number } | null = null;
  let run = '';
  let runStart = 0;
  let offset = 0;
  const close = () => {
    if (run && (!best || run.length > best.text.length)) best = { text: run, offset: runStart };
    run = '';
  };
  for (const t of piece.tokens) {
    if (t.kind === 'char' && !t.twin) {
      if (!run) runStart = offset;
      run += t.char;
    } else close();
    offset += t.kind === 'year' ? 4 : 1;
  }
  close();
  return best;
}

const anchors = new WeakMap<Piece, { text: string; offset: number } | null>();

function firstOccurrence(piece: Piece, text: string): number {
  let anchor = anchors.get(piece);
  if (anchor === undefined) anchors.set(piece, (anchor = anchorOf(piece)));
  if (!anchor) return occurrences(piece, text)[0] ?? -1;
  for (let hit = text.indexOf(anchor.text); hit >= 0; hit = text.indexOf(anchor.text, hit + 1)) {
    const at = hit - anchor.offset;
    if (at >= 0 && pieceAt(piece, text, at)) return at;
  }
  return -1;
}

/** Every offset where the piece occurs, in order. */
function occurrences(piece: Piece, text: string): number[] {
  const out: number[] = [];
  let anchor = anchors.get(piece);
  if (anchor === undefined) anchors.set(piece, (anchor = anchorOf(piece)));
  if (anchor) {
    // The engine's own search for the plain part, then a check of the whole piece around it.
    for (let hit = text.indexOf(anchor.text); hit >= 0; hit = text.indexOf(anchor.text, hit + 1)) {
      const at = hit - anchor.offset;
      if (at >= 0 && pieceAt(piece, text, at)) out.push(at);
    }
    return out;
  }
  const first = piece.tokens[0];
  for (let at = 0; at + piece.length <= text.length; at++) {
    if (first.kind === 'char' && text[at] !== first.char && text[at] !== first.twin) continue;
    if (pieceAt(piece, text, at)) out.push(at);
  }
  return out;
}

export function compilePhrase(source: string): Phrase {
  const pieces: Piece[] = source
    .split('…')
    .filter((p) => p.length > 0)
    .map((p) => {
      const tokens = tokensOf(p);
      return { tokens, length: tokens.reduce((n, t) => n + (t.kind === 'year' ? 4 : 1), 0) };
    });

  const search = (text: string): number => {
    if (pieces.length === 0) return -1;
    // A phrase without gaps (most of the catalogue): its first occurrence.
    if (pieces.length === 1) return firstOccurrence(pieces[0], text);
    // Where the latest sentence end before each offset is: a gap never crosses one.
    let ends: Int32Array | null = null;
    const lastSentenceEnd = (to: number): number => {
      if (!ends) {
        ends = new Int32Array(text.length + 1);
        let last = -1;
        for (let i = 0; i < text.length; i++) {
          ends[i] = last;
          if (SENTENCE_END.has(text[i])) last = i;
        }
        ends[text.length] = last;
      }
      return ends[to];
    };
    // Partial matches as (end of the last piece → earliest start), in order of end.
    let partialEnds = occurrences(pieces[0], text).map((at) => at + pieces[0].length);
    let partialStarts = partialEnds.map((end) => end - pieces[0].length);
    for (let k = 1; k < pieces.length && partialEnds.length; k++) {
      const piece = pieces[k];
      const nextEnds: number[] = [];
      const nextStarts: number[] = [];
      let from = 0;
      for (const at of occurrences(piece, text)) {
        // Earlier pieces ending at most PHRASE_GAP before `at`, with no sentence end between.
        const low = Math.max(at - PHRASE_GAP, lastSentenceEnd(at) + 1);
        while (from < partialEnds.length && partialEnds[from] < low) from++;
        let best = -1;
        for (let j = from; j < partialEnds.length && partialEnds[j] <= at; j++) {
          if (best < 0 || partialStarts[j] < best) best = partialStarts[j];
        }
        if (best >= 0) {
          nextEnds.push(at + piece.length);
          nextStarts.push(best);
        }
      }
      partialEnds = nextEnds;
      partialStarts = nextStarts;
    }
    let first = -1;
    for (const start of partialStarts) if (first < 0 || start < first) first = start;
    return first;
  };

  return { source, search, matchesAtStart: (text) => search(text) === 0 };
}
