import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/analysis';
import { PHRASES_SOURCE } from '../../scripts/generate';
import { STYLE_RULES } from './style-support';

const bank = JSON.parse(readFileSync(PHRASES_SOURCE, 'utf8')) as { phrases: { part: string; label: string; text: string; source?: string }[] };

describe('the phrase bank', () => {
  it('is written in the conventions the style rules check: no phrase raises a style finding', () => {
    const style = new Set<string>(STYLE_RULES);
    for (const p of bank.phrases) {
      const text = `一、主要举措\n${p.text}\n`;
      expect(analyze(text, { format: 'plain' }).findings.filter((f) => style.has(f.rule)).map((f) => f.message), p.label).toEqual([]);
    }
  });

  it('has the phrases for reports on 2025 and plans for 2026, each with its source', () => {
    const sourced = bank.phrases.filter((p) => p.source !== undefined);
    expect(sourced.length).toBeGreaterThanOrEqual(10);
    for (const p of sourced) expect(p.source!, p.label).toMatch(/https?:\/\//);
    expect(sourced.some((p) => p.text.includes('“十四五”规划收官之年'))).toBe(true);
    expect(sourced.some((p) => p.text.includes('“十五五”规划开局之年'))).toBe(true);
    expect(sourced.some((p) => p.text.includes('中央全面依法治国工作会议'))).toBe(true);
    const labels = bank.phrases.map((p) => p.label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
