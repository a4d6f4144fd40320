import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export const FIXTURES = join(__dirname, 'fixtures');
/** The real reports, copied from ../shared/corpus. */
export const CORPUS_DIR = join(FIXTURES, 'corpus');

export const CORPUS = {
  jiangsu: '2020-jiangsu-province-traditional.txt',
  xinyang: '2021-xinyang-hitech-zone.txt',
  suxitong: '2022-suxitong-park.txt',
} as const;

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function corpus(name: string): string {
  return readFileSync(join(CORPUS_DIR, name), 'utf8');
}
