import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/analysis';
import { expandSnippet } from '../../server/src/analysis/skeleton';
import { PHRASES } from '../../server/src/analysis/phrases';
import { generatedFiles, SNIPPETS_OUT } from '../../scripts/generate';

const snippets = JSON.parse(readFileSync(SNIPPETS_OUT, 'utf8')) as Record<string, { prefix: string[]; body: string[]; description: string }>;

/** The tab-stop numbers of a body, with nested placeholders (a transform's groups are not stops). */
function stops(body: string): number[] {
  const outside = body.replace(/\/(?:\\.|[^\\/])*\/(?:\\.|[^\\/])*\/\}/g, '}');
  return [...new Set([...outside.matchAll(/\$\{?(\d+)/g)].map((m) => Number(m[1])))].filter((n) => n > 0).sort((a, b) => a - b);
}

describe('the snippet file', () => {
  it('is what the build generates from the data (no hand edits, no drift)', () => {
    for (const [path, content] of Object.entries(generatedFiles())) expect(readFileSync(path, 'utf8'), path).toBe(content);
  });

  it('is valid snippet JSON: each entry has prefixes, a body and a description', () => {
    expect(Object.keys(snippets).length).toBe(6);
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

  it('the skeleton snippet writes last year, as the command does, and its plan year follows the year typed', () => {
    const body = snippets['报告框架'].body.join('\n');
    const expand = (currentYear: string) => expandSnippet(body, { CURRENT_YEAR: () => currentYear, CURRENT_MONTH: () => '03', CURRENT_DATE: () => '01' });
    for (const [now, year, plan] of [['2025', '2024', '2025'], ['2030', '2029', '2030'], ['2000', '1999', '2000'], ['2021', '2020', '2021']]) {
      const text = expand(now);
      expect(text, now).toContain(`某区人民政府关于${year}年度法治政府建设情况的报告`);
      expect(text, now).toContain(`四、${plan}年度推进法治政府建设的主要安排`);
    }
    // The writer types another year in its tab stop: the plan year is one more.
    for (const [typed, plan] of [['2019', '2020'], ['2009', '2010'], ['1999', '2000'], ['2099', '2100']]) {
      const typedIn = body.replace(/\$\{1:\$\{CURRENT_YEAR\/(?:\\.|[^\\/])*\/(?:\\.|[^\\/])*\/\}\}/, `\${1:${typed}}`);
      expect(expandSnippet(typedIn), typed).toContain(`四、${plan}年度推进法治政府建设的主要安排`);
    }
  });

  it('the skeleton snippet, filled in, is a report with the four parts as headings', () => {
    const body = snippets['报告框架'].body.join('\n');
    const text = expandSnippet(body, { CURRENT_YEAR: () => '2025', CURRENT_MONTH: () => '03', CURRENT_DATE: () => '01' });
    const analysis = analyze(text, { format: 'markdown' });
    expect(analysis.reportYear).toBe(2024);
    const { measures, problems, firstResponsible, nextYear, other } = analysis.sections;
    expect([measures, problems, firstResponsible, nextYear].every((s) => s?.asHeading)).toBe(true);
    expect(other).toBeNull();
    // Nothing is wrong but what the writer has still to write: 某区 and the four guiding sentences.
    expect(analysis.findings.filter((f) => f.severity !== 'info').map((f) => f.rule)).toEqual(Array(5).fill('template-leftover'));
  });

  it('leaves the phrase bank to the server, so that no phrase is offered twice', () => {
    expect(Object.keys(snippets).filter((name) => name.startsWith('表述'))).toEqual([]);
    expect(PHRASES.find((p) => p.label === '开篇：指导思想')!.initials.startsWith('jcyxjpxsd')).toBe(true);
  });
});
