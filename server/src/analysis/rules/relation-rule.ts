// The rules that report failed relations share this: a relation is reported
// when no reading gives the stated figure and one reading is certain.
import type { Relation, RelationKind } from '../numbers';
import type { RawFinding, RuleContext } from './rule';

/** Failed relations of the given kinds, each reported once at its anchor. */
export function failedRelations(ctx: RuleContext, kinds: readonly RelationKind[]): Relation[] {
  return ctx.numbers.relations.filter((r) => kinds.includes(r.kind) && !r.holds && r.certain);
}

/** The stated figure as written (`98%`, `1,195件`). */
export function written(ctx: RuleContext, f: { figureStart: number; end: number }): string {
  return ctx.doc.text.slice(f.figureStart, f.end);
}

/** Further readings tried, for the message when there were several. */
export function otherReadings(r: Relation): string {
  return r.readings.length > 1 ? `；另试 ${r.readings.length - 1} 种读法，均不符（悬停查看）` : '';
}

export function findingAt(r: Relation, message: string, extra: Partial<RawFinding> = {}): RawFinding {
  return { start: r.anchor.start, end: r.anchor.end, message, ...extra };
}
