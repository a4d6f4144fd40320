// What the adapters (language service, LSP wiring, CLI, settings) may use of the
// core: the analysed report and the few constants they show or validate with.
// Nothing else of server/src/analysis is theirs (test/unit/core-api.test.ts).
export * from './index';
export { DEFAULT_MAX_FILE_SIZE } from './analyze';
export { advance, skeletonSnippet, tooLargeResult } from './report';
export { LEVEL_NAME } from './numbering';
export { ruleIds } from './rules';
export { expandSnippet } from './skeleton';
export { DOCUMENT_FORMATS, RULE_SETTINGS, SECTION_KEYS } from './types';
export { isReportYear, MAX_REPORT_YEAR, MIN_REPORT_YEAR } from './year';
