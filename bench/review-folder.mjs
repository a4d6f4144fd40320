// A reviewer's folder for the benchmark: `count` reports of about `bytes`
// UTF-8 bytes each, every one its own unit, made of the real reports' sections
// (the genre's shared wording), paragraphs of its own (characters drawn from
// the reports' text), and every tenth report copying three paragraphs of the
// one before it.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedReport } from './texts.mjs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'corpus');

/** A small deterministic generator, so every run reviews the same folder. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

export function makeReviewFolder(dir, count = 300, bytes = 100 * 1024) {
  mkdirSync(dir, { recursive: true });
  const chars = [...new Set(readdirSync(FIXTURES).map((n) => readFileSync(join(FIXTURES, n), 'utf8')).join('').replace(/[^\u4e00-\u9fff]/g, ''))];
  const shared = generatedReport(bytes).split('\n').slice(2);
  const next = random(2023);
  const own = (n) => Array.from({ length: n }, () => chars[Math.floor(next() * chars.length)]).join('') + '。';
  let total = 0;
  let previous = [];
  for (let i = 0; i < count; i++) {
    const unit = `第${i + 1}区人民政府`;
    const lines = [`# ${unit}关于2023年度法治政府建设情况的报告`, '', '市人民政府：', ''];
    const mine = [];
    let size = 0;
    for (let k = 0; size < bytes; k++) {
      // Two of every three lines are the report's own; the third is the genre's.
      const line = k % 3 === 2 ? shared[(k + i * 7) % shared.length] : own(60 + Math.floor(next() * 240));
      if (k % 3 !== 2) mine.push(line);
      lines.push(line, '');
      size += Buffer.byteLength(line) + 2;
    }
    if (i % 10 === 9) lines.splice(8, 0, ...previous.slice(0, 3).flatMap((l) => [l, '']));
    lines.push(unit, '', '2024年3月20日', '');
    const text = lines.join('\n');
    writeFileSync(join(dir, `${String(i + 1).padStart(3, '0')}.md`), text);
    total += Buffer.byteLength(text);
    previous = mine;
  }
  return total;
}
