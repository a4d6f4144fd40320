// Copied passages: the normalized text, the bounded sketches and what they
// estimate, stock shingles, and the pairs the index finds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toSimplified } from '../../server/src/analysis/normalize';
import { findCopies, stockUnitsFor, DEFAULT_COPY_OPTIONS, type IndexedParagraph } from '../../server/src/review/copies';
import { normalize, overlap, shingleHashes, sketchOf, stockShingles, SKETCH_SIZE } from '../../server/src/review/shingles';
import { STOCK_OUT, stockShingleList } from '../../scripts/stock-shingles';
import { CORPUS, corpus } from '../helpers';

const NONE = new Set<number>();
const sketch = (text: string, remove: string[] = []) => sketchOf(normalize(toSimplified(text), 0, text.length, remove).text, NONE);

describe('normalized paragraphs', () => {
  it('read alike in Traditional and Simplified, with any punctuation and spacing', () => {
    const simplified = normalize(toSimplified('全面推进依法行政，建设法治政府。'), 0, 16).text;
    const traditional = toSimplified('全面推進依法行政, 建設法治政府.');
    expect(normalize(traditional, 0, traditional.length).text).toBe(simplified);
  });

  it('leave out the report’s own unit name and fold the year', () => {
    const a = '2023年，示例区深化行政复议体制改革。';
    const b = '2022年，青山县深化行政复议体制改革。';
    expect(normalize(a, 0, a.length, ['示例区']).text).toBe(normalize(b, 0, b.length, ['青山县']).text);
  });

  it('keep where each character was', () => {
    const text = '一、推进 依法行政';
    const n = normalize(text, 0, text.length);
    expect([...n.at].map((i) => text[i]).join('')).toBe(n.text);
  });
});

describe('sketches', () => {
  const long = corpus(CORPUS.suxitong).split('\n')[26];

  it('keep at most SKETCH_SIZE hashes whatever the paragraph’s length', () => {
    expect(long.length).toBeGreaterThan(300);
    const s = sketch(long);
    expect(s.hashes.length).toBe(SKETCH_SIZE);
    expect(s.limit).toBeLessThan(0xffffffff);
    expect([...s.hashes]).toEqual([...s.hashes].sort((x, y) => x - y));
  });

  it('estimate the share of a long paragraph found in another near the exact share', () => {
    const edited = long.slice(0, Math.floor(long.length * 0.7)) + '建立领导干部包案化解制度，逐件明确责任人和办结时限，做到案结事了。';
    const exact = (() => {
      const a = new Set(shingleHashes(normalize(long, 0, long.length).text));
      const b = new Set(shingleHashes(normalize(edited, 0, edited.length).text));
      return [...a].filter((h) => b.has(h)).length / a.size;
    })();
    const o = overlap(sketch(long), sketch(edited), NONE);
    expect(exact).toBeGreaterThan(0.5);
    expect(exact).toBeLessThan(0.9);
    expect(Math.abs(o.ofA - exact)).toBeLessThan(0.2);
  });

  it('of a short paragraph are exact', () => {
    const o = overlap(sketch('区政府组织开展行政执法案卷评查两轮，发现问题38个并全部整改。'), sketch('区政府组织开展行政执法案卷评查两轮，发现问题38个。'), NONE);
    expect(o.ofB).toBe(1);
    expect(o.ofA).toBeLessThan(1);
  });
});

describe('stock shingles', () => {
  it('the data file is what scripts/stock-shingles.ts makes', () => {
    expect(JSON.parse(readFileSync(STOCK_OUT, 'utf8')).shingles).toEqual(stockShingleList().shingles);
  });

  it('hold the genre’s phrases and not a report’s own matter', () => {
    const stock = stockShingles();
    const stockShare = (text: string) => {
      const hashes = shingleHashes(normalize(text, 0, text.length).text);
      return hashes.filter((h) => stock.has(h)).length / hashes.length;
    };
    expect(stockShare('深入学习贯彻习近平法治思想')).toBe(1);
    expect(stockShare('现将有关情况报告如下')).toBe(1);
    expect(stockShare('苹果产业园土地流转纠纷通过调解全部化解')).toBe(0);
  });
});

describe('the index of paragraphs', () => {
  const para = (report: number, unit: number, text: string, previous = false): IndexedParagraph => ({ report, unit, previous, sketch: sketch(text) });
  const shared = '区司法局牵头建立涉企行政执法监督联络点十二个，聘请企业家担任行政执法社会监督员，收集并转办涉企执法问题线索四十三条。';

  it('pairs a paragraph two reports share, and not one report with itself', () => {
    const { pairs } = findCopies([para(0, 0, shared), para(0, 0, shared), para(1, 1, shared), para(1, 1, '全区新建村级公共法律服务工作室一百二十个，实现村居法律顾问全覆盖。')]);
    expect(pairs.map((p) => [p.a, p.b, p.share])).toEqual([
      [0, 2, 1],
      [1, 2, 1],
    ]);
  });

  it('a paragraph in the reports of many units is stock, not a copy', () => {
    const units = stockUnitsFor(6);
    const many = Array.from({ length: units }, (_, i) => para(i, i, shared));
    expect(findCopies(many).pairs).toEqual([]);
    expect(findCopies(many.slice(0, units - 1)).pairs.length).toBeGreaterThan(0);
  });

  it('compares last year’s paragraphs only with this year’s report of the same unit', () => {
    const { pairs } = findCopies([para(0, 0, shared), para(1, 1, shared, true), para(2, 0, shared, true)]);
    expect(pairs.map((p) => [p.a, p.b, p.carried])).toEqual([[0, 2, true]]);
  });

  it('the stock threshold grows with the set: four units, or one in twenty', () => {
    expect(stockUnitsFor(6)).toBe(4);
    expect(stockUnitsFor(300)).toBe(15);
    expect(DEFAULT_COPY_OPTIONS.minShare).toBeLessThan(DEFAULT_COPY_OPTIONS.minCarriedShare);
  });
});
