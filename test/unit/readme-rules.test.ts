// The README's rule table, SARIF's rule help and `fazhi-report rules` come from one source:
// the rules' metadata and data/rule-docs.json. FAZHI_UPDATE_README=1 writes the table anew.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ruleDescriptors } from '../../server/src/analysis';
import { ruleTable } from '../../server/src/analysis/rules/docs';
import docs from '../../server/src/analysis/data/rule-docs.json';

const README = join(__dirname, '..', '..', 'README.md');
const readme = readFileSync(README, 'utf8');
const start = readme.indexOf('| rule |', readme.indexOf('### Rules'));
const end = readme.indexOf('\n\n', start);

it('the README rule table is the one the rules\u2019 metadata and rule-docs.json give', () => {
  const table = ruleTable(ruleDescriptors());
  if (process.env.FAZHI_UPDATE_README) writeFileSync(README, readme.slice(0, start) + table + readme.slice(end));
  expect(readme.slice(start, end)).toBe(table);
});

it('every rule says what it finds with an example in backticks, and why its group matters', () => {
  for (const r of ruleDescriptors()) {
    expect(r.finds, r.id).toMatch(/`[^`]+`/);
    expect(r.why.length, r.id).toBeGreaterThan(20);
  }
});

it('rule-docs.json describes no rule that does not exist', () => {
  const ids = new Set(ruleDescriptors().map((r) => r.id));
  expect(Object.keys(docs.rules).filter((id) => !ids.has(id))).toEqual([]);
});

it('every rule has an English name SARIF takes: one Pascal-case word, its own, never the id', () => {
  const rules = ruleDescriptors();
  for (const r of rules) {
    expect(r.name, r.id).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    expect(r.name.toLowerCase(), r.id).not.toBe(r.id.toLowerCase());
  }
  expect(new Set(rules.map((r) => r.name)).size).toBe(rules.length);
  expect(rules.find((r) => r.id === 'rate-mismatch')!.name).toBe('RateMismatch');
});
