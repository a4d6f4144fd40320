// The reviewer's folder for the review tests: the corpus reports, a copy of
// one under another unit's name with one paragraph edited, two reports that
// share only the genre's stock sentences, and a report whose unit reported
// last year too (test/fixtures/review/previous).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS, CORPUS_DIR, FIXTURES } from './helpers';

export const REVIEW_FIXTURES = join(FIXTURES, 'review');
export const PREVIOUS_DIR = join(REVIEW_FIXTURES, 'previous');

/** The line of the suxitong report edited in the copy (1-based, as 第N段 counts its non-blank lines). */
export const EDITED_LINE = 27;
export const EDITED_FROM = '严格落实党政领导接访工作';
export const EDITED_TO = '建立领导干部包案化解制度，逐件明确责任人和办结时限';

export interface ReviewFolder {
  dir: string;
  files: { jiangsu: string; xinyang: string; suxitong: string; copy: string; qingshan: string; baishui: string; donghu: string };
}

export function makeReviewFolder(): ReviewFolder {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-review-'));
  const reports = join(dir, 'reports');
  mkdirSync(reports);
  const at = (name: string) => join(reports, name);
  copyFileSync(join(CORPUS_DIR, CORPUS.jiangsu), at(CORPUS.jiangsu));
  copyFileSync(join(CORPUS_DIR, CORPUS.xinyang), at(CORPUS.xinyang));
  copyFileSync(join(CORPUS_DIR, CORPUS.suxitong), at(CORPUS.suxitong));
  const lines = readFileSync(join(CORPUS_DIR, CORPUS.suxitong), 'utf8').split('\n');
  lines[EDITED_LINE - 1] = lines[EDITED_LINE - 1].replace(EDITED_FROM, EDITED_TO);
  writeFileSync(at('2022-haimen-zone.txt'), lines.join('\n').replaceAll('苏锡通园区', '海门经济开发区'));
  for (const name of ['stock-qingshan.md', 'stock-baishui.md', 'donghu-2023.md']) copyFileSync(join(REVIEW_FIXTURES, name), at(name));
  return {
    dir: reports,
    files: {
      jiangsu: at(CORPUS.jiangsu),
      xinyang: at(CORPUS.xinyang),
      suxitong: at(CORPUS.suxitong),
      copy: at('2022-haimen-zone.txt'),
      qingshan: at('stock-qingshan.md'),
      baishui: at('stock-baishui.md'),
      donghu: at('donghu-2023.md'),
    },
  };
}
