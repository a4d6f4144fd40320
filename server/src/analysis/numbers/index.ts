import type { ReportDocument } from '../document';
import type { ParsedDocument } from '../parse';
import { extractQuantities, type FigureCache, type Quantity, type Statement } from './quantities';
import { findRelations, type Relation } from './relations';

export type { Quantity, Statement, Relation };
export { formatNumber } from './relations';

export interface Numbers {
  quantities: Quantity[];
  statements: Statement[];
  relations: Relation[];
  /** Each line's figures, for the next version of the document. */
  cache: FigureCache;
}

export function analyzeNumbers(doc: ReportDocument, parsed: ParsedDocument, lastLine?: number, previous?: FigureCache): Numbers {
  const { quantities, statements, cache } = extractQuantities(doc, parsed, lastLine, previous);
  return { quantities, statements, relations: findRelations(doc, quantities, statements), cache };
}
