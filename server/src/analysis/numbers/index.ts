import type { ReportDocument } from '../document';
import type { ParsedDocument } from '../parse';
import type { Figure } from './annotate';
import { extractQuantities, type FigureCache, type Quantity, type Statement } from './quantities';
import { findRelations, type Relation, type RelationKind } from './relations';

export type { Quantity, Statement, Relation, RelationKind, Figure };
export { formatNumber } from './relations';

export interface Numbers {
  /** Every figure with its role and metric (annotate.ts). */
  quantities: Figure[];
  statements: Statement[];
  relations: Relation[];
  /** Each line's figures, for the next version of the document. */
  cache: FigureCache;
}

export function analyzeNumbers(doc: ReportDocument, parsed: ParsedDocument, lastLine?: number, previous?: FigureCache): Numbers {
  const { quantities, statements, cache } = extractQuantities(doc, parsed, lastLine, previous);
  return { quantities, statements, relations: findRelations(doc, quantities), cache };
}
