// Globs of the `fazhiReport.files` setting, matched without backtracking.
// A workspace (even an untrusted one) may set them, so they are data: no
// extglobs, braces expanded up to a bound, and matching in time proportional
// to the path's length times the glob's. minimatch compiles globs to regular
// expressions, where nested extglobs took 87 s for one path.
//
// What is supported: `*` (any run of characters within a path segment), `?`,
// `[abc]`, `[a-z]`, `[!a]`/`[^a]`, `\` escapes, `**` as a whole segment (any
// number of segments), `{a,b}` alternatives (nested), and, as in minimatch's
// matchBase, a glob without `/` matches the file name at any depth. A glob
// starting with `!` excludes what it matches. Dot files are matched like others.

/** More alternatives than any real list of report folders. */
export const MAX_GLOB_EXPANSIONS = 256;
export const MAX_GLOB_LENGTH = 1000;

type Atom = { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negate: boolean; ranges: [string, string][] };
type Segment = { kind: 'globstar' } | { kind: 'atoms'; atoms: Atom[] };

interface CompiledGlob {
  segments: Segment[];
  /** No `/` in the glob: matched against the last segment only. */
  baseOnly: boolean;
}

export interface GlobMatcher {
  /** Whether the path (with `/` or `\` separators) matches. */
  matches(path: string): boolean;
}

export class GlobError extends Error {}

/** `{a,b{c,d}}x` → `ax`, `bcx`, `bdx`; a lone brace is literal. */
export function expandBraces(glob: string, limit = MAX_GLOB_EXPANSIONS): string[] {
  // Find the first top-level `{…}` holding a comma.
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '\\') {
      i++;
      continue;
    }
    if (glob[i] !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    let close = -1;
    for (let j = i; j < glob.length; j++) {
      const c = glob[j];
      if (c === '\\') {
        j++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) {
          close = j;
          break;
        }
      } else if (c === ',' && depth === 1) commas.push(j);
    }
    if (close < 0) return [glob];
    if (commas.length === 0) continue;
    const head = glob.slice(0, i);
    const tail = glob.slice(close + 1);
    const bounds = [i, ...commas, close];
    const out: string[] = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      for (const expanded of expandBraces(head + glob.slice(bounds[k] + 1, bounds[k + 1]) + tail, limit)) {
        out.push(expanded);
        if (out.length > limit) throw new GlobError(`花括号展开后超过 ${limit} 种`);
      }
    }
    return out;
  }
  return [glob];
}

function parseSegment(text: string): Segment {
  if (text === '**') return { kind: 'globstar' };
  const atoms: Atom[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) atoms.push({ kind: 'char', char: text[++i] });
    else if (c === '*') {
      // `**` inside a segment is one star.
      if (atoms[atoms.length - 1]?.kind !== 'star') atoms.push({ kind: 'star' });
    } else if (c === '?') atoms.push({ kind: 'any' });
    else if (c === '[') {
      const close = text.indexOf(']', i + 2);
      if (close < 0) {
        atoms.push({ kind: 'char', char: c });
        continue;
      }
      let body = text.slice(i + 1, close);
      const negate = body[0] === '!' || body[0] === '^';
      if (negate) body = body.slice(1);
      const ranges: [string, string][] = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          ranges.push([body[k], body[k + 2]]);
          k += 2;
        } else ranges.push([body[k], body[k]]);
      }
      atoms.push({ kind: 'class', negate, ranges });
      i = close;
    } else atoms.push({ kind: 'char', char: c });
  }
  return { kind: 'atoms', atoms };
}

function atomMatches(atom: Atom, c: string): boolean {
  switch (atom.kind) {
    case 'char':
      return atom.char === c;
    case 'any':
      return true;
    case 'class': {
      const inside = atom.ranges.some(([from, to]) => c >= from && c <= to);
      return inside !== atom.negate;
    }
    case 'star':
      return true;
  }
}

/** Wildcard matching of one segment: greedy with one resume point per star, O(text × atoms) at worst. */
function segmentMatches(atoms: Atom[], text: string): boolean {
  let a = 0;
  let t = 0;
  let starAtom = -1;
  let starText = 0;
  while (t < text.length) {
    if (a < atoms.length && atoms[a].kind !== 'star' && atomMatches(atoms[a], text[t])) {
      a++;
      t++;
    } else if (a < atoms.length && atoms[a].kind === 'star') {
      starAtom = a++;
      starText = t;
    } else if (starAtom >= 0) {
      a = starAtom + 1;
      t = ++starText;
    } else return false;
  }
  while (a < atoms.length && atoms[a].kind === 'star') a++;
  return a === atoms.length;
}

/** Segments against path parts, `**` taking any number: a table over (segment, part), O(segments × parts). */
function pathMatches(segments: Segment[], parts: string[]): boolean {
  // can[j]: segments[0..i) can match parts[0..j).
  let can = new Uint8Array(parts.length + 1);
  can[0] = 1;
  for (const segment of segments) {
    const next = new Uint8Array(parts.length + 1);
    if (segment.kind === 'globstar') {
      let reached = false;
      for (let j = 0; j <= parts.length; j++) {
        if (can[j]) reached = true;
        if (reached) next[j] = 1;
      }
    } else {
      for (let j = 0; j < parts.length; j++) if (can[j] && segmentMatches(segment.atoms, parts[j])) next[j + 1] = 1;
    }
    can = next;
  }
  return can[parts.length] === 1;
}

function compileOne(glob: string): CompiledGlob {
  const baseOnly = !glob.includes('/');
  const text = glob.startsWith('./') ? glob.slice(2) : glob;
  return { segments: text.split('/').filter((s, i, all) => s !== '' || i === all.length - 1).map(parseSegment), baseOnly };
}

/**
 * A matcher for a list of globs: a path matches when some glob matches it and
 * no `!glob` does. Throws GlobError naming the glob when one is too long or
 * expands to too many alternatives.
 */
export function compileGlobs(globs: readonly string[]): GlobMatcher {
  const include: CompiledGlob[] = [];
  const exclude: CompiledGlob[] = [];
  for (const raw of globs) {
    if (raw.length > MAX_GLOB_LENGTH) throw new GlobError(`“${raw.slice(0, 40)}…”过长（超过 ${MAX_GLOB_LENGTH} 个字符）`);
    const negated = raw.startsWith('!');
    const body = negated ? raw.slice(1) : raw;
    let expanded: string[];
    try {
      expanded = expandBraces(body);
    } catch (error) {
      throw new GlobError(`“${raw}”${(error as Error).message}`);
    }
    for (const glob of expanded) (negated ? exclude : include).push(compileOne(glob));
  }
  const test = (g: CompiledGlob, parts: string[]) => pathMatches(g.segments, g.baseOnly ? parts.slice(-1) : parts);
  return {
    matches(path: string): boolean {
      if (include.length === 0) return false;
      const parts = path.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
      if (parts.length === 0) return false;
      return include.some((g) => test(g, parts)) && !exclude.some((g) => test(g, parts));
    },
  };
}
