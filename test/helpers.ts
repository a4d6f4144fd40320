import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export const FIXTURES = join(__dirname, 'fixtures');

export const CORPUS = {
  jiangsu: '2020-jiangsu-province-traditional.txt',
  xinyang: '2021-xinyang-hitech-zone.txt',
  suxitong: '2022-suxitong-park.txt',
} as const;

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}
