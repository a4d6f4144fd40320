// Makes server/src/review/data/stock-shingles.json: the five-character
// shingles that many public reports share, the stock phrases of the genre
// (深入学习贯彻习近平法治思想, 扎实推进法治政府建设). They are counted in the
// public report texts the tests keep (test/fixtures: report openings, pages
// with figures, passages, whole reports), each text once, normalized as the
// review normalizes a paragraph; the phrase bank offered to writers
// (phrases.json) and the parts' names and guides (sections.json) are the
// genre's own wording and count whole. A test checks the data file matches.
// Run: npx esbuild scripts/stock-shingles.ts --bundle --platform=node --outfile=/tmp/stock.cjs && node /tmp/stock.cjs
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toSimplified } from '../server/src/analysis/normalize';
import { normalize, SHINGLE } from '../server/src/review/shingles';
import phraseBank from '../server/src/analysis/data/phrases.json';
import sectionData from '../server/src/analysis/data/sections.json';

const ROOT = process.env.FAZHI_REPORT_ROOT ?? join(__dirname, '..');
export const STOCK_OUT = join(ROOT, 'server/src/review/data/stock-shingles.json');
const SOURCES = ['test/fixtures/openings', 'test/fixtures/numbers/pages', 'test/fixtures/passages', 'test/fixtures/corpus'];
/** A shingle in at least this many of the texts is stock. */
export const MIN_TEXTS = 6;

export function referenceTexts(): string[] {
  const texts: string[] = [];
  for (const dir of SOURCES) {
    for (const name of readdirSync(join(ROOT, dir)).sort()) {
      if (name.endsWith('.txt')) texts.push(readFileSync(join(ROOT, dir, name), 'utf8'));
    }
  }
  return texts;
}

/** The genre's own wording: the phrase bank and the parts' names, regulation text and guides. */
export function genreTexts(): string[] {
  type Part = { name: string; regulation: string; skeleton: string; guide: string };
  const sections = (Object.values(sectionData) as unknown[]).filter((v): v is Part => typeof v === 'object' && v !== null);
  return [...phraseBank.phrases.map((p) => p.text), ...sections.flatMap((s) => [s.name, s.regulation, s.skeleton, s.guide])];
}

export function stockShingleList(texts = referenceTexts(), genre = genreTexts()): { texts: number; shingles: string[] } {
  const count = new Map<string, number>();
  for (const raw of genre) {
    const { text } = normalize(raw, 0, raw.length);
    for (let i = 0; i + SHINGLE <= text.length; i++) count.set(text.slice(i, i + SHINGLE), Infinity);
  }
  for (const raw of texts) {
    const norm = toSimplified(raw);
    const { text } = normalize(norm, 0, norm.length);
    const seen = new Set<string>();
    for (let i = 0; i + SHINGLE <= text.length; i++) seen.add(text.slice(i, i + SHINGLE));
    for (const s of seen) count.set(s, (count.get(s) ?? 0) + 1);
  }
  const shingles = [...count].filter(([s, n]) => n >= MIN_TEXTS && !/\d/.test(s)).map(([s]) => s).sort();
  return { texts: texts.length, shingles };
}

if (require.main === module) {
  const { texts, shingles } = stockShingleList();
  const data = { $comment: `Stock shingles of the genre: five characters found in at least ${MIN_TEXTS} of ${texts} public report texts (test/fixtures), or in the phrase bank and the parts' wording, made by scripts/stock-shingles.ts. \\u0001 stands for a year.`, shingles };
  writeFileSync(STOCK_OUT, JSON.stringify(data, null, 0).replace(/","/g, '",\n"') + '\n');
  console.log(`${shingles.length} stock shingles from ${texts} texts`);
}
