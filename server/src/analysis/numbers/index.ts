import type { ReportDocument } from '../document';
import type { ParsedDocument } from '../parse';
import { extractQuantities, type Quantity, type Statement } from './quantities';
import { findRelations, type Relation } from './relations';

export type { Quantity, Statement, Relation };
export { formatNumber } from './relations';

export interface Numbers {
  quantities: Quantity[];
  statements: Statement[];
  relations: Relation[];
}

export function analyzeNumbers(doc: ReportDocument, parsed: ParsedDocument, lastLine?: number): Numbers {
  const { quantities, statements } = extractQuantities(doc, parsed, lastLine);
  return { quantities, statements, relations: findRelations(doc, quantities, statements) };
}
