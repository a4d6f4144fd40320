// One report as the reviewer sees it: the row of the table, the key figures,
// the sketches of its paragraphs and its plan for next year. Pure: the caller
// reads the file (documents/) and keeps only what this returns.
import { analyzeDetailed } from '../analysis/analyze';
import { ruleDescriptors } from '../analysis/rules';
import type { RuleContext } from '../analysis/rules/rule';
import type { AnalyzeOptions, Range, Severity } from '../analysis/types';
import type { ExtractedDocument } from '../documents/types';
import { placeOf, withParagraphs, type LocatedDocument } from './places';
import { keyFigures } from './figures';
import { normalize, sketchOf, stockShingles, SHINGLE, type Sketch } from './shingles';
import { GROUP_KEYS, type GroupKey, type PartKey, type PartStatus, type ReportRow, type ReviewFigure, type ReviewFinding } from './types';
import { deadlineFor, nameVariants, readSignature, readUnit } from '../analysis/unit';
import { planItems, type PlanItem } from './plans';

/** Findings listed per report (the counts are always complete). */
export const MAX_LISTED_FINDINGS = 200;
/** Paragraphs shorter than this (in kept characters) are headings or lines of furniture, not passages. */
export const MIN_PARAGRAPH = 20;

export interface ParagraphRecord {
  paragraph: number;
  page?: number;
  /** Offsets in the analysed text. */
  start: number;
  end: number;
  /** Lines and characters, for an editor. */
  range: Range;
  sketch: Sketch;
}

export interface ReportReview {
  row: ReportRow;
  /** Names the report uses for itself, left out when paragraphs are compared. */
  names: string[];
  paragraphs: ParagraphRecord[];
  /** The items of its next-year plan (for next year's review). */
  plan: PlanItem[];
  /** The analysis context, for the caller to use before it lets the report go. */
  context: RuleContext | null;
  document: LocatedDocument;
}

const RULES = new Map(ruleDescriptors().map((r) => [r.id, r]));
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function partStatus(context: RuleContext, key: Exclude<PartKey, 'other'>): PartStatus {
  const s = context.sections[key];
  return !s ? 'missing' : s.asHeading ? 'heading' : 'paragraph';
}

const OTHER_PART = '其他需要报告';

/** The optional fifth part, 其他需要报告的情况: a heading, else a paragraph that names it. */
function otherPart(context: RuleContext): PartStatus {
  const { doc, structure } = context;
  if (structure.headings.some((h) => doc.norm.slice(h.titleStart, h.titleEnd).includes(OTHER_PART))) return 'heading';
  return doc.norm.includes(OTHER_PART) ? 'paragraph' : 'missing';
}

/** Reviews one extracted document. */
export function reviewDocument(file: string, extracted: ExtractedDocument, options: AnalyzeOptions): ReportReview {
  const document = withParagraphs(extracted);
  const detailed = analyzeDetailed(document.text, { ...options, format: document.format });
  const { analysis, context } = detailed;

  const signature = readSignature(context?.structure.signature?.text ?? null);
  const unit = readUnit(analysis.title?.text ?? null, signature.unit);
  const due = deadlineFor(unit.kind, analysis.reportYear, signature.date);

  const groups = Object.fromEntries(GROUP_KEYS.map((g) => [g, { errors: 0, warnings: 0 }])) as ReportRow['groups'];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of detailed.findings) {
    counts[f.severity]++;
    if (f.severity === 'info') continue;
    const tags: GroupKey[] = RULES.get(f.rule)?.tags ?? [];
    for (const tag of tags.length ? tags : (['other'] as GroupKey[])) groups[tag][f.severity === 'error' ? 'errors' : 'warnings']++;
  }
  const listed = [...detailed.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.start - b.start).slice(0, MAX_LISTED_FINDINGS);
  const findings: ReviewFinding[] = listed.map((f) => ({
    rule: f.rule,
    title: RULES.get(f.rule)?.title ?? f.rule,
    severity: f.severity,
    message: f.message,
    ...placeOf(file, document, context, f.start, f.end),
    range: f.range,
  }));

  const figures: ReviewFigure[] = context
    ? keyFigures(context, context.structure.lastContentLine).map((k) => ({
        key: k.key,
        area: k.area,
        figure: k.figure,
        value: k.value,
        text: k.text,
        ...placeOf(file, document, context, k.start, k.end, document.text.slice(k.quoteStart, k.quoteEnd).replace(/\s+/g, ' ').trim()),
      }))
    : [];

  const parts: Record<PartKey, PartStatus> = context
    ? {
        measures: partStatus(context, 'measures'),
        firstResponsible: partStatus(context, 'firstResponsible'),
        problems: partStatus(context, 'problems'),
        nextYear: partStatus(context, 'nextYear'),
        other: otherPart(context),
      }
    : { measures: 'missing', firstResponsible: 'missing', problems: 'missing', nextYear: 'missing', other: 'missing' };

  const row: ReportRow = {
    file,
    kind: document.kind,
    title: analysis.title?.text ?? null,
    unit: unit.unit,
    unitSource: unit.source,
    unitKind: unit.kind,
    reportYear: analysis.reportYear,
    signatureDate: signature.date,
    deadline: due.deadline,
    meetsDeadline: due.met,
    parts,
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
    groups,
    findings,
    moreFindings: detailed.findings.length - findings.length,
    figures,
    notes: document.notes,
  };

  const names = nameVariants(unit.unit);
  const paragraphs: ParagraphRecord[] = [];
  if (context) {
    const stock = stockShingles();
    const last = context.doc.lines[context.structure.lastContentLine]?.end ?? document.text.length;
    for (const p of document.paragraphs) {
      if (p.start > last) break;
      const { text } = normalize(context.doc.norm, p.start, p.end, names, false);
      if (text.length < Math.max(MIN_PARAGRAPH, SHINGLE)) continue;
      const sketch = sketchOf(text, stock);
      if (sketch.hashes.length === 0) continue;
      const record: ParagraphRecord = { paragraph: p.index, start: p.start, end: p.end, range: context.doc.range(p.start, p.end), sketch };
      if (p.page !== undefined) record.page = p.page;
      paragraphs.push(record);
    }
  }
  return { row, names, paragraphs, plan: context ? planItems(file, document, context, names) : [], context, document };
}
