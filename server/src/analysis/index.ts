// The library entry: require("fazhi-report/analysis").
export { analyze } from './analyze';
export type * from './types';
