// JSON for other tools: the result as it is (see ../types.ts).
import type { ReviewResult } from '../types';

export function renderJson(result: ReviewResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}
