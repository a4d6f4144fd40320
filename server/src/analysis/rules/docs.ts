// What each rule finds and why its group matters, from data/rule-docs.json: the
// one source of the README's rule table, SARIF's rule help and `fazhi-report rules`.
import docs from '../data/rule-docs.json';
import type { RuleTag } from './rule';

const WHY: Record<RuleTag | 'other', string> = docs.why;
const FINDS: Record<string, { finds: string }> = docs.rules;

export interface RuleDocs {
  /** What the rule finds, with an example in backticks (Markdown, English with the Chinese it quotes). */
  finds: string;
  /** Why the rule's group matters (Chinese, with English). */
  why: string;
}

export function ruleDocs(id: string, tags: readonly RuleTag[]): RuleDocs {
  return { finds: FINDS[id]?.finds ?? '', why: WHY[tags[0] ?? 'other'] };
}

/** The README's rule table (`### Rules`), one row per rule. */
export function ruleTable(rules: readonly { id: string; severity: string; finds: string }[]): string {
  return ['| rule | default | what it finds |', '|---|---|---|', ...rules.map((r) => `| \`${r.id}\` | ${r.severity} | ${r.finds} |`)].join('\n');
}
