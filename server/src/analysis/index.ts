// The library entry: require("fazhi-report/analysis").
export { analyze } from './analyze';
export { analyseReport, fixesOf, type AnalysedReport, type PartDescription, type PartInsertionEdits, type RelationAt, type ReportOptions, type SuggestionAt } from './report';
export { ruleDescriptors, type RuleDescriptor } from './rules';
export type * from './types';
