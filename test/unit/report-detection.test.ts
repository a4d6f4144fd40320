import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDetailed } from '../../server/src/analysis/analyze';
import { CORPUS, ROOT, corpus, fixture } from '../helpers';

const looks = (text: string, format: 'markdown' | 'plain' = 'plain') => analyzeDetailed(text, { format }).looksLikeReport;

describe('which documents look like reports', () => {
  it('takes the three real reports and the sample draft', () => {
    expect(looks(corpus(CORPUS.jiangsu))).toBe(true);
    expect(looks(corpus(CORPUS.xinyang))).toBe(true);
    expect(looks(corpus(CORPUS.suxitong))).toBe(true);
    expect(looks(readFileSync(join(ROOT, 'samples', '2023-示例区-法治政府建设情况报告.md'), 'utf8'), 'markdown')).toBe(true);
  });

  it('leaves the project README and a writer\'s notes alone', () => {
    expect(looks(readFileSync(join(ROOT, 'README.md'), 'utf8'), 'markdown')).toBe(false);
    expect(looks(fixture('notes.md'), 'markdown')).toBe(false);
  });

  it('needs the topic and a report shape', () => {
    expect(looks('某局2023年度安全生产工作情况报告\n一、主要做法\n二、存在问题\n')).toBe(false);
    expect(looks('关于法治政府建设的几点思考\n法治政府建设是一项系统工程。\n')).toBe(false);
    expect(looks('区法治办：\n现将我局法治政府建设情况报告如下。\n一、主要举措和成效\n二、存在问题\n')).toBe(true);
    expect(looks('```\n法治政府建设\n一、\n二、\n```\n', 'markdown')).toBe(false);
  });
});
