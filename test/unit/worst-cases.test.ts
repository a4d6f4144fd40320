// Linear time on the worst inputs we know (test/worst-cases.ts). `npm test`
// compares 10 KB with 100 KB; `npm run fuzz` compares 100 KB with 1 MB and
// prints every ratio.
import { describe, expect, it } from 'vitest';
import { growth, WORST_CASES } from '../worst-cases';

const FUZZ = process.env.FAZHI_FUZZ === '1';
const [SMALL, LARGE] = FUZZ ? [100_000, 1_000_000] : [10_000, 100_000];

describe(`time(${LARGE / 1000} K) / time(${SMALL / 1000} K) < 20 on the worst inputs`, () => {
  for (const c of WORST_CASES) {
    it(`${c.module}: ${c.name}`, () => {
      // A busy machine can slow one measurement; a quadratic scan stays slow
      // when measured again, so a high ratio is confirmed once before failing.
      let g = growth(c, SMALL, LARGE);
      if (g.ratio >= 20) g = growth(c, SMALL, LARGE);
      const line = `${c.module.padEnd(16)} ${c.name.padEnd(44)} ${g.small.toFixed(1).padStart(8)} ms → ${g.large.toFixed(1).padStart(9)} ms  ×${g.ratio.toFixed(1)}`;
      if (FUZZ) console.log(line);
      // Linear is about 10; a quadratic scan would be about 100.
      expect(g.ratio, line).toBeLessThan(20);
    });
  }
});
