// The floors of `npm run eval` (scripts/eval.mjs): the checker scored on real
// sentences labelled by reading and arithmetic (test/fixtures/numbers) must not
// fall below the figures measured when the floors were set; a regression fails.
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain ES module script, shared with `npm run eval`
import { loadLibrary, NUMBER_SETS, scoreNumbers } from '../../scripts/eval.mjs';

interface KindScore { typos: number; caught: number; quietItems: number; falseAlarms: number }
interface NumbersScore {
  perKind: Record<string, KindScore>;
  recall: number;
  real: { items: number; falseAlarms: number };
  rewrites: { items: number; falseAlarms: number };
  published: { errors: number; caught: number };
}

/** Set at the figures measured on these corpora (see test/fixtures/numbers/README.md); raise them as the checker improves. */
const FLOORS = {
  seen: {
    // Measured 715 / 849 (rate 100, share 157, shares 70, sum 228, subset 84, growth 26, difference 20, points 5, average 25); a little below.
    recall: 712 / 849,
    perKind: { rate: 99 / 116, share: 156 / 175, shares: 69 / 78, sum: 226 / 272, subset: 83 / 113, growth: 25 / 28, difference: 19 / 21, points: 5 / 12, average: 24 / 34 } as Record<string, number>,
    realFalseAlarms: 0,
    rewriteFalseAlarms: 0,
    publishedCaught: 4,
    realItems: 339,
  },
  heldOut: {
    recall: 70 / 90,
    perKind: { rate: 14 / 16, share: 23 / 26, sum: 13 / 14, subset: 10 / 12 } as Record<string, number>,
    realFalseAlarms: 0,
    rewriteFalseAlarms: 0,
    publishedCaught: 1,
    realItems: 28,
  },
};

for (const [set, floors] of Object.entries(FLOORS) as [keyof typeof FLOORS, (typeof FLOORS)['seen']][]) {
  describe(`numbers on the labelled corpus, ${set === 'seen' ? 'the set the checker was tuned on' : 'the held-out set'} (npm run eval)`, () => {
    const score = scoreNumbers(loadLibrary(), NUMBER_SETS[set]) as NumbersScore;

    it('catches the one-figure typos at least as often as when the floors were set', () => {
      expect(score.recall).toBeGreaterThanOrEqual(floors.recall - 1e-9);
      for (const [kind, floor] of Object.entries(floors.perKind)) {
        const k = score.perKind[kind];
        expect(k.caught / k.typos, kind).toBeGreaterThanOrEqual(floor - 1e-9);
      }
    });

    it('raises no more false alarms on real sentences and consistent rewrites', () => {
      expect(score.real.falseAlarms).toBeLessThanOrEqual(floors.realFalseAlarms);
      expect(score.rewrites.falseAlarms).toBeLessThanOrEqual(floors.rewriteFalseAlarms);
      expect(score.real.items).toBe(floors.realItems);
    });

    it('still catches the inconsistencies found in published text', () => {
      expect(score.published.caught).toBeGreaterThanOrEqual(floors.publishedCaught);
    });
  });
}
