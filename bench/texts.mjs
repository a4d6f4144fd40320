// The texts of the benchmarks: real reports from test/fixtures, and a large
// report made of their sections.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'corpus');

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function chinese(n) {
  if (n < 10) return CN[n];
  if (n < 20) return '十' + (n % 10 ? CN[n % 10] : '');
  if (n < 100) return CN[Math.floor(n / 10)] + '十' + (n % 10 ? CN[n % 10] : '');
  const rest = n % 100;
  const head = CN[Math.floor(n / 100)] + '百';
  if (rest === 0) return head;
  if (rest < 10) return head + '零' + CN[rest];
  return head + (rest < 20 ? '一' : '') + chinese(rest);
}

/** The level-1 sections of the real reports, numbering removed. */
function realSections() {
  const sections = [];
  for (const name of readdirSync(FIXTURES)) {
    const lines = readFileSync(join(FIXTURES, name), 'utf8').split('\n');
    let current = null;
    for (const line of lines) {
      const m = /^[一二三四五六七八九十]+、(.*)$/.exec(line);
      if (m) {
        if (current) sections.push(current);
        current = [m[1]];
      } else if (current && line.trim() && !/^(标签|相關詞條|熱門詞條|聯絡我們|0人|招标|\||- 关注|关注|最近搜索|无|热门搜索)/.test(line)) current.push(line);
    }
    if (current) sections.push(current);
  }
  return sections;
}

/** A report of about `bytes` UTF-8 bytes: real sections repeated, level-1 headings renumbered past 一百. */
export function generatedReport(bytes) {
  const sections = realSections();
  const out = ['某市2022年度法治政府建设情况报告', ''];
  let size = 0;
  for (let k = 1; size < bytes; k++) {
    const [title, ...body] = sections[(k - 1) % sections.length];
    const block = [`${chinese(k)}、${title}`, ...body, ''].join('\n');
    out.push(block);
    size += Buffer.byteLength(block);
  }
  return out.join('\n');
}

