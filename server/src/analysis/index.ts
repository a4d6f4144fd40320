// The library entry: require("fazhi-report/analysis").
export { analyze } from './analyze';
export { ruleDescriptors, type RuleDescriptor } from './rules';
export type * from './types';
