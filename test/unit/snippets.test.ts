import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/analysis';
import { expandSnippet } from '../../server/src/analysis/skeleton';
import { PHRASES } from '../../server/src/analysis/phrases';
import { generatedFiles, SNIPPETS_OUT } from '../../scripts/generate';

const snippets = JSON.parse(readFileSync(SNIPPETS_OUT, 'utf8')) as Record<string, { prefix: string[]; body: string[]; description: string }>;

/** The tab-stop numbers of a body, with nested placeholders. */
function stops(body: string): number[] {
  return [...new Set([...body.matchAll(/\$\{?(\d+)/g)].map((m) => Number(m[1])))].filter((n) => n > 0).sort((a, b) => a - b);
}

describe('the snippet file', () => {
  it('is what the build generates from the data (no hand edits, no drift)', () => {
    for (const [path, content] of Object.entries(generatedFiles())) expect(readFileSync(path, 'utf8'), path).toBe(content);
  });

  it('is valid snippet JSON: each entry has prefixes, a body and a description', () => {
    expect(Object.keys(snippets).length).toBeGreaterThanOrEqual(6 + PHRASES.length);
    for (const [name, s] of Object.entries(snippets)) {
      expect(Array.isArray(s.prefix) && s.prefix.every((p) => typeof p === 'string' && p.length > 0), name).toBe(true);
      expect(Array.isArray(s.body) && s.body.every((l) => typeof l === 'string'), name).toBe(true);
      expect(typeof s.description, name).toBe('string');
    }
  });

  it('numbers tab stops from 1 without gaps, and every body expands', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const body = s.body.join('\n');
      const found = stops(body);
      expect(found, name).toEqual(found.map((_, i) => i + 1));
      // Balanced placeholders: the expansion leaves no `${` behind.
      const expanded = expandSnippet(body, { CURRENT_YEAR: () => '2025', CURRENT_MONTH: () => '03', CURRENT_DATE: () => '01' });
      expect(expanded, name).not.toMatch(/\$\{|\$\d/);
    }
  });

  it('the skeleton snippet, filled in, is a report with the four parts as headings', () => {
    const body = snippets['报告框架'].body.join('\n').replace('${2:YYYY}', '${2:2024}');
    const text = expandSnippet(body, { CURRENT_YEAR: () => '2025', CURRENT_MONTH: () => '03', CURRENT_DATE: () => '01' });
    const analysis = analyze(text, { format: 'markdown' });
    expect(analysis.reportYear).toBe(2024);
    const { measures, problems, firstResponsible, nextYear, other } = analysis.sections;
    expect([measures, problems, firstResponsible, nextYear].every((s) => s?.asHeading)).toBe(true);
    expect(other).toBeNull();
    // Nothing is wrong but what the writer has still to write: 某区 and the four guiding sentences.
    expect(analysis.findings.filter((f) => f.severity !== 'info').map((f) => f.rule)).toEqual(Array(5).fill('template-leftover'));
  });

  it('has the phrase bank with pinyin initials as prefixes', () => {
    const phrase = snippets['表述：开篇：指导思想'];
    expect(phrase.prefix).toEqual(['jcyx', 'jianchiyixij', '坚持以习']);
    expect(PHRASES.find((p) => p.label === '开篇：指导思想')!.initials.startsWith('jcyxjpxsd')).toBe(true);
  });
});
