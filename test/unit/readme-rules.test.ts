// The README's rule table and `fazhi-report rules` come from one source: the rules' metadata.
// Every rule has a row with its default severity, and no row names a rule that does not exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ruleDescriptors } from '../../server/src/analysis';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const table = readme.slice(readme.indexOf('### Rules'));
const rows = table
  .slice(0, table.indexOf('\n\n', table.indexOf('| rule |')))
  .split('\n')
  .map((line) => /^\| `([a-z0-9-]+)` \| (error|warning|info) \| (.+) \|$/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null);

it('the README lists every rule with the severity `fazhi-report rules` gives, and only those', () => {
  const fromReadme = new Map(rows.map((m) => [m[1], m[2]]));
  const fromRules = new Map(ruleDescriptors().map((r) => [r.id, r.severity as string]));
  expect(Object.fromEntries(fromReadme)).toEqual(Object.fromEntries(fromRules));
  expect(rows).toHaveLength(fromRules.size);
});

it('each row says what the rule finds with an example in backticks', () => {
  for (const m of rows) expect(m[3], m[1]).toMatch(/`[^`]+`/);
});
