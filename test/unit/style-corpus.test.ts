// The style rules on the evaluation corpora: every finding they raise is listed
// in test/fixtures/style-findings.md, with why it is right, and this test keeps
// the list true (FAZHI_UPDATE_STYLE_FINDINGS=1 rewrites its generated part).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, ruleDescriptors, type Finding } from '../../server/src/analysis';
import { FIXTURES, applyEdits, offsetOf } from '../helpers';
import { STYLE_RULES } from './style-support';

const FOLDERS = ['corpus', 'numbers/pages', 'openings', 'openings-holdout', 'passages'];
const LIST = join(FIXTURES, 'style-findings.md');
const BEGIN = '<!-- generated: npm test checks this part; FAZHI_UPDATE_STYLE_FINDINGS=1 npx vitest run test/unit/style-corpus.test.ts rewrites it -->';
const END = '<!-- end of generated part -->';

const files = FOLDERS.flatMap((d) =>
  readdirSync(join(FIXTURES, d))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => `${d}/${f}`),
);
const style = new Set<string>(STYLE_RULES);
const results = files.map((file) => {
  const text = readFileSync(join(FIXTURES, file), 'utf8');
  return { file, text, findings: analyze(text, { format: 'plain' }).findings.filter((f) => style.has(f.rule)) };
});

function context(text: string, f: Finding): string {
  const start = offsetOf(text, f.range.start);
  const end = f.range.end.line === f.range.start.line ? offsetOf(text, f.range.end) : start + 1;
  const shown = `${text.slice(Math.max(0, start - 10), start)}⟦${text.slice(start, end)}⟧${text.slice(end, end + 10)}`;
  return shown.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
}

function render(): string {
  const out: string[] = [];
  for (const rule of STYLE_RULES) {
    const rows = results.flatMap(({ file, text, findings }) => findings.filter((f) => f.rule === rule).map((f) => ({ file, text, f })));
    out.push(`### ${rule} (${rows.length})`, '');
    if (rows.length === 0) {
      out.push('None.', '');
      continue;
    }
    out.push('| where | text | severity | message |', '|---|---|---|---|');
    for (const { file, text, f } of rows) out.push(`| ${file}:${f.range.start.line + 1} | ${context(text, f)} | ${f.severity} | ${f.message.replace(/\|/g, '\\|')} |`);
    out.push('');
  }
  return out.join('\n');
}

describe('the style rules on the corpora', () => {
  it('raise exactly the findings listed and justified in test/fixtures/style-findings.md', () => {
    const doc = readFileSync(LIST, 'utf8');
    const from = doc.indexOf(BEGIN);
    const to = doc.indexOf(END);
    expect(from).toBeGreaterThan(0);
    const generated = `${BEGIN}\n\n${render()}\n${END}`;
    if (process.env.FAZHI_UPDATE_STYLE_FINDINGS === '1') writeFileSync(LIST, doc.slice(0, from) + generated + doc.slice(to + END.length));
    else expect(doc.slice(from, to + END.length)).toBe(generated);
  });

  it('give each page at most one punctuation-width finding (the stored pages fold full-width marks to ASCII)', () => {
    for (const { file, findings } of results) {
      const width = findings.filter((f) => f.rule === 'punctuation-width');
      expect(width.length, file).toBeLessThanOrEqual(1);
      expect(width.every((f) => f.severity === 'info'), file).toBe(true);
    }
  });

  it('have safe fixes that apply together (fix-all) and leave nothing of theirs to fix', () => {
    const safe = new Set(ruleDescriptors().filter((r) => style.has(r.id) && r.fix === 'safe').map((r) => r.id));
    expect(safe.size).toBeGreaterThanOrEqual(9);
    for (const { file, text, findings } of results) {
      const fixes = findings.filter((f) => safe.has(f.rule) && f.fix);
      if (fixes.length === 0) continue;
      const edits = fixes.flatMap((f) => f.fix!.edits).map((e) => [offsetOf(text, e.range.start), offsetOf(text, e.range.end)]);
      // No two edits replace the same characters.
      const sorted = edits.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i][0], file).toBeGreaterThanOrEqual(sorted[i - 1][1]);
      const fixed = applyEdits(text, fixes.flatMap((f) => f.fix!.edits));
      const again = analyze(fixed, { format: 'plain' }).findings.filter((f) => safe.has(f.rule) && f.fix);
      expect(again.map((f) => `${f.rule}: ${f.message}`), file).toEqual([]);
    }
  });
});
