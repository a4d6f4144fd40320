#!/usr/bin/env node
// Labelled corpus of real sentences with figures, for scoring the numeric checker.
//
//   node scripts/numbers-corpus.mjs check [DIR]     validate pages, texts, references and every label
//   node scripts/numbers-corpus.mjs variants [DIR]  write DIR/variants.json
//
// DIR defaults to test/fixtures/numbers (the set the checker was tuned on); the
// held-out set is test/fixtures/numbers-holdout, in the same format.
//
// Plain Node 20 ESM, no dependencies. This file deliberately imports nothing from
// server/ or dist/: the labels are checked with the independent arithmetic below,
// never with the checker that the corpus is meant to score.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIR = process.argv[3] ? path.resolve(process.argv[3]) : path.join(ROOT, 'test', 'fixtures', 'numbers');
const EPS = 1e-9;

// ---------------------------------------------------------------------------
// Figures: parsing a literal such as "1194件", "2.73万件", "99.9%", "百分之九十八",
// "4 210个", "一万余", "１２３户".
// ---------------------------------------------------------------------------

const CN_DIGIT = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG = { 万: 1e4, 亿: 1e8, 萬: 1e4, 億: 1e8 };
const CN_CHARS = '零〇一二两兩三四五六七八九十百千万亿萬億';
const APPROX_IN_LITERAL = /余|餘|多|约|約|近|左右|以上|超过|超過|逾|上下|不足|不到/;
const APPROX_BEFORE = /(约|約|近|超过|超過|逾|将近|將近|接近|大约|大約|约为|約為|超|不足|不到)$/;
const APPROX_AFTER = /^(余|餘|多|左右|以上|上下)/;

function toAsciiDigits(s) {
  return s
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/％/g, '%');
}

function parseCnInt(s) {
  let total = 0; // value above the current 万/亿 section
  let section = 0;
  let num = 0;
  let pendingDigit = false;
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      num = CN_DIGIT[ch];
      pendingDigit = true;
    } else if (ch in CN_SMALL) {
      section += (pendingDigit ? num : 1) * CN_SMALL[ch];
      num = 0;
      pendingDigit = false;
    } else if (ch in CN_BIG) {
      section += num;
      num = 0;
      pendingDigit = false;
      if (ch === '亿' || ch === '億') {
        total = (total + section) * 1e8;
      } else {
        total += section * 1e4;
      }
      section = 0;
    }
  }
  return total + section + num;
}

const NUM_RE = /\d{1,3}(?:[,\u00a0\u2009\u202f ]\d{3})+(?:\.\d+)?|\d+(?: \d+)*(?:\.\d+)?/;
const CN_RE = /[零〇一二两兩三四五六七八九十百千万亿萬億]+(?:[点點][零〇一二三四五六七八九]+)?/;

/** Parse a figure literal. Returns value (in base units), decimals, multiplier, unit (one step of the last shown digit). */
export function parseFigure(lit) {
  const s = toAsciiDigits(lit);
  const approx = APPROX_IN_LITERAL.test(s);
  let m;
  if ((m = s.match(/百分之([零〇一二两兩三四五六七八九十百千]+)(?:[点點]([零〇一二三四五六七八九]+))?/))) {
    const decimals = m[2] ? m[2].length : 0;
    const frac = m[2] ? Number('0.' + [...m[2]].map((c) => CN_DIGIT[c]).join('')) : 0;
    const value = parseCnInt(m[1]) + frac;
    return { lit, value, decimals, mult: 1, unit: 10 ** -decimals, percent: true, approx, script: 'cnpercent', numStart: m.index, numEnd: m.index + m[0].length };
  }
  if ((m = s.match(NUM_RE))) {
    const raw = m[0];
    const numStr = raw.replace(/[,\u00a0\u2009\u202f ]/g, '');
    const decimals = numStr.includes('.') ? numStr.split('.')[1].length : 0;
    let mult = 1;
    let i = m.index + raw.length;
    const multStart = i;
    while (i < s.length) {
      const ch = s[i];
      if (ch === '万' || ch === '萬') mult *= 1e4;
      else if (ch === '亿' || ch === '億') mult *= 1e8;
      else if (ch === '千') mult *= 1e3;
      else if (ch === '百' && s[i + 1] !== '分') mult *= 100;
      else if ('余餘多'.includes(ch) && '万萬亿億千'.includes(s[i + 1] ?? '')) { /* "1580多万": approximate, multiplier follows */ }
      else if (ch === ' ' && '万萬亿億'.includes(s[i + 1] ?? '')) { /* "150.25 万件" */ }
      else break;
      i++;
    }
    const rest = s.slice(i);
    const percent = /^\s*%/.test(rest) || /^\s*(个)?百分点/.test(rest);
    const permille = /^\s*‰/.test(rest);
    const grouping = /,/.test(raw) ? ',' : /[\u00a0\u2009\u202f ]/.test(raw) ? raw.match(/[\u00a0\u2009\u202f ]/)[0] : '';
    const fullWidth = /[０-９]/.test(lit);
    return {
      lit, value: Number(numStr) * mult, decimals, mult, unit: 10 ** -decimals * mult, percent, permille, approx,
      script: 'arabic', grouping, fullWidth, numStart: m.index, numEnd: m.index + raw.length, multText: s.slice(multStart, i),
    };
  }
  if ((m = s.match(CN_RE))) {
    const [intPart, fracPart] = m[0].split(/[点點]/);
    const decimals = fracPart ? fracPart.length : 0;
    const frac = fracPart ? Number('0.' + [...fracPart].map((c) => CN_DIGIT[c]).join('')) : 0;
    const value = parseCnInt(intPart) + frac;
    const rest = s.slice(m.index + m[0].length);
    const percent = /^\s*%/.test(rest) || /^\s*(个)?百分点/.test(rest);
    return { lit, value, decimals, mult: 1, unit: 10 ** -decimals, percent, approx, script: 'cn', numStart: m.index, numEnd: m.index + m[0].length };
  }
  throw new Error(`no number in figure literal "${lit}"`);
}

// ---------------------------------------------------------------------------
// References: "1194件" or "1194件#2" (second occurrence). Only occurrences that
// are not part of a longer number count ("94件" does not match inside "1194件").
// ---------------------------------------------------------------------------

const DIGITISH = /[0-9０-９.．]/;
function isCn(ch) { return ch !== undefined && CN_CHARS.includes(ch); }

export function occurrences(text, lit) {
  const out = [];
  if (!lit) return out;
  const first = lit[0];
  const last = lit[lit.length - 1];
  const startsDigit = /[0-9０-９]/.test(first);
  const endsDigit = /[0-9０-９]/.test(last);
  let from = 0;
  for (;;) {
    const i = text.indexOf(lit, from);
    if (i < 0) break;
    from = i + 1;
    const prev = text[i - 1];
    const prev2 = text[i - 2];
    const next = text[i + lit.length];
    const next2 = text[i + lit.length + 1];
    if (startsDigit) {
      if (prev !== undefined && DIGITISH.test(prev)) continue;
      if (prev === ',' && prev2 !== undefined && /[0-9０-９]/.test(prev2) && /^[0-9０-９]{3}(?![0-9０-９])/.test(lit)) continue;
      if (/[ \u00a0\u2009\u202f]/.test(prev ?? '') && prev2 !== undefined && /[0-9０-９]/.test(prev2)) continue;
    } else if (isCn(first) && isCn(prev)) continue;
    if (endsDigit) {
      if (next !== undefined && DIGITISH.test(next) && !(next === '.' && !(next2 && /[0-9]/.test(next2)))) continue;
      if (next === ',' && text.slice(i + lit.length + 1).match(/^[0-9]{3}(?![0-9])/)) continue;
      if (/[ \u00a0\u2009\u202f]/.test(next ?? '') && /[0-9０-９]/.test(next2 ?? '')) continue;
    } else if (isCn(last) && isCn(next)) continue;
    out.push(i);
  }
  return out;
}

function splitRef(ref) {
  const m = /^(.*)#(\d+)$/.exec(ref);
  return m ? { lit: m[1], n: Number(m[2]) } : { lit: ref, n: 1 };
}

export function resolveRef(text, ref) {
  if (typeof ref !== 'string' || ref === '') throw new Error(`bad reference ${JSON.stringify(ref)}`);
  const { lit, n } = splitRef(ref);
  const occ = occurrences(text, lit);
  if (occ.length === 0) throw new Error(`reference "${ref}" not found as a figure in text`);
  if (n < 1 || n > occ.length) throw new Error(`reference "${ref}": only ${occ.length} occurrence(s)`);
  const pos = occ[n - 1];
  const f = parseFigure(lit);
  const before = text.slice(Math.max(0, pos - 4), pos);
  const after = text.slice(pos + lit.length);
  const approx = f.approx || APPROX_BEFORE.test(before) || APPROX_AFTER.test(after);
  return { ...f, ref, pos, approx };
}

/** The #k a literal needs so that it points at position pos in text. */
function refAt(text, lit, pos) {
  const occ = occurrences(text, lit);
  const k = occ.indexOf(pos);
  if (k < 0) throw new Error(`internal: "${lit}" not at ${pos}`);
  return k === 0 ? lit : `${lit}#${k + 1}`;
}

// ---------------------------------------------------------------------------
// Arithmetic. A shown figure stands for a true value in an interval:
//   exact whole counts (no decimals, no 万/亿)   : [v, v]
//   figures with decimals or a 万/亿 multiplier  : [v - u/2, v + u)   (rounded or truncated)
// where u is one step of the last shown digit. A derived figure (rate, share,
// growth, average, total, difference) holds when the range of the computed value
// over the intervals of its inputs meets [s - u/2, s + u): i.e. for exact inputs,
// when the computed value rounded (half up) OR truncated to the shown decimals
// equals the stated value. A stated 100% needs numerator = denominator, 0% needs 0.
// When any figure of a relation is approximate (余 多 约 近 左右 以上 超过 …) the
// relation holds when the computed value is within 10% (relative) of the stated one.
// ---------------------------------------------------------------------------

function baseInterval(f) {
  if (f.decimals === 0 && f.mult === 1) return [f.value, f.value];
  return [f.value - f.unit / 2, f.value + f.unit * (1 - 1e-9)];
}
function statedInterval(f) {
  return [f.value - f.unit / 2 - EPS * Math.max(1, Math.abs(f.value)), f.value + f.unit - EPS * Math.max(1, Math.abs(f.value))];
}
function rangeOf(fn, ivs) {
  let lo = Infinity;
  let hi = -Infinity;
  const n = ivs.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    const args = ivs.map((iv, i) => ((mask >> i) & 1 ? iv[1] : iv[0]));
    const v = fn(...args);
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return [lo, hi];
}
function meets(range, f) {
  const [slo, shi] = statedInterval(f);
  return range[0] < shi && range[1] >= slo;
}
function near(computed, stated, rel = 0.1) {
  if (stated === 0) return Math.abs(computed) < EPS;
  return Math.abs(computed - stated) <= rel * Math.abs(stated) + EPS;
}
function fmt(x) { return Number.isFinite(x) ? String(Math.round(x * 1e6) / 1e6) : String(x); }

const FIELDS = {
  rate: ['rate', 'numerator', 'denominator'],
  share: ['share', 'part', 'whole'],
  shares: [],
  sum: ['total'],
  subset: ['whole', 'part'],
  growth: ['current', 'previous', 'stated'],
  difference: ['current', 'previous', 'stated'],
  points: ['current', 'previous', 'stated'],
  average: ['total', 'stated'],
};

/** All references of a relation, in a fixed order, with their role. */
export function relationRefs(rel) {
  const out = [];
  for (const k of FIELDS[rel.kind] || []) out.push({ role: k, ref: rel[k] });
  if (rel.kind === 'sum') rel.parts.forEach((r, i) => out.push({ role: `parts.${i}`, ref: r }));
  if (rel.kind === 'shares') rel.shares.forEach((r, i) => out.push({ role: `shares.${i}`, ref: r }));
  if (rel.kind === 'average' && rel.count != null) out.push({ role: 'count', ref: rel.count });
  return out;
}

function validateShape(rel) {
  if (!rel || !(rel.kind in FIELDS)) throw new Error(`unknown relation kind ${JSON.stringify(rel && rel.kind)}`);
  for (const k of FIELDS[rel.kind]) if (typeof rel[k] !== 'string') throw new Error(`${rel.kind}: missing "${k}"`);
  if (typeof rel.holds !== 'boolean') throw new Error(`${rel.kind}: "holds" must be true or false`);
  if (rel.kind === 'sum' && (!Array.isArray(rel.parts) || rel.parts.length < 1 || typeof rel.complete !== 'boolean')) throw new Error('sum: needs parts[] and complete');
  if (rel.kind === 'shares' && (!Array.isArray(rel.shares) || rel.shares.length < 2 || typeof rel.complete !== 'boolean')) throw new Error('shares: needs shares[] (2+) and complete');
  if (['growth', 'difference', 'points'].includes(rel.kind) && !['up', 'down'].includes(rel.direction)) throw new Error(`${rel.kind}: direction must be "up" or "down"`);
  if (rel.kind === 'average' && rel.count == null && !(typeof rel.countValue === 'number' && rel.countValue > 0)) throw new Error('average: needs count or countValue');
}

/** Recompute a relation on text. Returns { holds, why }. */
export function evaluate(text, rel) {
  validateShape(rel);
  const F = {};
  for (const { role, ref } of relationRefs(rel)) F[role] = resolveRef(text, ref);
  const figs = Object.values(F);
  const approx = figs.some((f) => f.approx);
  const dirOf = (c, p) => (c > p ? 'up' : c < p ? 'down' : 'none');

  switch (rel.kind) {
    case 'rate':
    case 'share': {
      const s = rel.kind === 'rate' ? F.rate : F.share;
      const num = rel.kind === 'rate' ? F.numerator : F.part;
      const den = rel.kind === 'rate' ? F.denominator : F.whole;
      const scale = s.permille ? 1000 : 100; // a stated ‰ is per thousand
      const point = (num.value / den.value) * scale;
      const why = `${fmt(num.value)}/${fmt(den.value)} = ${fmt(point)}${s.permille ? '‰' : '%'} vs ${s.lit}`;
      if (approx) return { holds: near(point, s.value), why: why + ' (approximate: within 10%)' };
      if (s.value === scale) {
        const a = baseInterval(num);
        const b = baseInterval(den);
        return { holds: a[0] <= b[1] + EPS && b[0] <= a[1] + EPS, why: why + ' (100% needs numerator = denominator)' };
      }
      if (s.value === 0) return { holds: num.value === 0, why: why + ' (0% needs numerator 0)' };
      return { holds: meets(rangeOf((a, b) => (a / b) * scale, [baseInterval(num), baseInterval(den)]), s), why };
    }
    case 'shares': {
      const shares = rel.shares.map((_, i) => F[`shares.${i}`]);
      const sum = shares.reduce((a, f) => a + f.value, 0);
      const why = `sum of shares ${fmt(sum)}%`;
      if (!rel.complete) return { holds: sum <= 100 + shares.reduce((a, f) => a + f.unit / 2, 0) + EPS, why: why + ' <= 100' };
      if (approx) return { holds: Math.abs(sum - 100) <= 10 + EPS, why: why + ' (approximate: within 10)' };
      // each share rounded (error <= u/2) or truncated (error < u): 100 - Σu < Σ <= 100 + Σu/2
      const U = shares.reduce((a, f) => a + f.unit, 0);
      return { holds: sum > 100 - U + EPS && sum <= 100 + U / 2 + EPS, why: why + ` (tolerance -${fmt(U)}/+${fmt(U / 2)})` };
    }
    case 'sum': {
      const parts = rel.parts.map((_, i) => F[`parts.${i}`]);
      const t = F.total;
      const sum = parts.reduce((a, f) => a + f.value, 0);
      const why = `parts ${fmt(sum)} vs total ${fmt(t.value)}${rel.complete ? ' (complete)' : ''}`;
      if (approx) return { holds: rel.complete ? near(sum, t.value) : sum <= t.value * 1.1 + EPS, why: why + ' (approximate: 10%)' };
      const lo = parts.reduce((a, f) => a + baseInterval(f)[0], 0);
      const hi = parts.reduce((a, f) => a + baseInterval(f)[1], 0);
      const [tlo, thi] = baseInterval(t);
      if (rel.complete) return { holds: lo <= thi + EPS * Math.max(1, thi) && hi >= tlo - EPS * Math.max(1, tlo), why };
      return { holds: lo <= thi + EPS * Math.max(1, thi), why };
    }
    case 'subset': {
      const why = `part ${fmt(F.part.value)} vs whole ${fmt(F.whole.value)}`;
      if (approx) return { holds: F.part.value <= F.whole.value * 1.1 + EPS, why: why + ' (approximate: 10%)' };
      return { holds: baseInterval(F.part)[0] <= baseInterval(F.whole)[1] + EPS, why };
    }
    case 'growth':
    case 'difference':
    case 'points':
    case 'average': {
      if (rel.kind === 'average') {
        const count = rel.count != null ? F.count : { value: rel.countValue, decimals: 0, mult: 1, unit: 1 };
        const point = F.total.value / count.value;
        const why = `${fmt(F.total.value)}/${fmt(count.value)} = ${fmt(point)} vs ${F.stated.lit}`;
        if (approx) return { holds: near(point, F.stated.value), why: why + ' (approximate: within 10%)' };
        return { holds: meets(rangeOf((a, b) => a / b, [baseInterval(F.total), baseInterval(count)]), F.stated), why };
      }
      const c = F.current;
      const p = F.previous;
      const dir = dirOf(c.value, p.value);
      let point;
      let range;
      if (rel.kind === 'growth') {
        point = (Math.abs(c.value - p.value) / p.value) * 100;
        range = rangeOf((a, b) => (Math.abs(a - b) / b) * 100, [baseInterval(c), baseInterval(p)]);
      } else if (rel.kind === 'difference') {
        point = Math.abs(c.value - p.value);
        range = rangeOf((a, b) => Math.abs(a - b), [baseInterval(c), baseInterval(p)]);
      } else {
        // points: the two shown rates are taken as exact
        point = Math.abs(c.value - p.value);
        range = [point, point];
      }
      const why = `${fmt(c.value)} vs ${fmt(p.value)}: ${dir} ${fmt(point)} vs stated ${rel.direction} ${F.stated.lit}`;
      const dirOk = dir === rel.direction || (dir === 'none' && F.stated.value === 0);
      if (!dirOk) return { holds: false, why: why + ' (direction)' };
      if (approx) return { holds: near(point, F.stated.value), why: why + ' (approximate: within 10%)' };
      return { holds: meets(range, F.stated), why };
    }
    default:
      throw new Error(`unknown kind ${rel.kind}`);
  }
}

// ---------------------------------------------------------------------------
// Loading and checking.
// ---------------------------------------------------------------------------

function readJson(p) { return JSON.parse(fs.readFileSync(p, 'utf8')); }

function load() {
  const pages = readJson(path.join(DIR, 'pages.json'));
  const items = readJson(path.join(DIR, 'sentences.json'));
  const pageText = new Map();
  for (const p of pages) {
    const f = path.join(DIR, 'pages', `${p.id}.txt`);
    pageText.set(p.id, fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : null);
  }
  return { pages, items, pageText };
}

const KINDS = Object.keys(FIELDS);

function check() {
  const { pages, items, pageText } = load();
  const errors = [];
  const wrong = [];
  const seenPage = new Set();
  const seenUrl = new Set();
  for (const p of pages) {
    if (!/^[ph]\d{3}$/.test(p.id)) errors.push(`page id ${p.id}: expected pNNN (hNNN in the held-out set)`);
    if (seenPage.has(p.id)) errors.push(`page id ${p.id} repeated`);
    seenPage.add(p.id);
    if (seenUrl.has(p.url)) errors.push(`page url ${p.url} repeated`);
    seenUrl.add(p.url);
    if (typeof p.url !== 'string' || typeof p.query !== 'string') errors.push(`page ${p.id}: needs url and query`);
    if (pageText.get(p.id) == null) errors.push(`page ${p.id}: file pages/${p.id}.txt missing`);
  }
  const counts = Object.fromEntries(KINDS.map((k) => [k, { holds: 0, fails: 0, ambiguous: 0 }]));
  const seenId = new Set();
  const usedPages = new Set();
  let noRel = 0;
  let withRel = 0;
  const ambiguous = [];
  for (const it of items) {
    const where = `${it.id} (${it.page})`;
    if (!/^[sh]\d{4}$/.test(it.id)) errors.push(`${where}: id should be sNNNN (hNNNN in the held-out set)`);
    if (seenId.has(it.id)) errors.push(`${where}: id repeated`);
    seenId.add(it.id);
    const page = pageText.get(it.page);
    if (page == null) { errors.push(`${where}: unknown page`); continue; }
    usedPages.add(it.page);
    if (typeof it.text !== 'string' || !page.includes(it.text)) { errors.push(`${where}: text is not an exact substring of the page`); continue; }
    if (!Array.isArray(it.relations)) { errors.push(`${where}: relations must be an array`); continue; }
    if (it.ambiguous !== undefined && (typeof it.ambiguous !== 'string' || !it.ambiguous)) errors.push(`${where}: ambiguous must be a non-empty string`);
    if (it.tied !== undefined && (typeof it.tied !== 'string' || !it.tied)) errors.push(`${where}: tied must be a non-empty string`);
    if (it.relations.length === 0) noRel++; else withRel++;
    if (it.ambiguous) ambiguous.push(it);
    it.relations.forEach((rel, ri) => {
      let r;
      try {
        r = evaluate(it.text, rel);
      } catch (e) {
        errors.push(`${where} relation ${ri + 1}: ${e.message}`);
        return;
      }
      const c = counts[rel.kind];
      if (it.ambiguous) c.ambiguous++;
      else if (rel.holds) c.holds++;
      else c.fails++;
      if (r.holds !== rel.holds) wrong.push(`${where} relation ${ri + 1} (${rel.kind}): labelled holds=${rel.holds} but arithmetic says ${r.holds}: ${r.why}`);
    });
  }
  for (const p of pages) if (!usedPages.has(p.id)) errors.push(`page ${p.id}: no item uses it`);

  console.log(`pages: ${pages.length}   items: ${items.length}   with relations: ${withRel}   without: ${noRel}   ambiguous items: ${ambiguous.length}`);
  console.log('relations per kind (holding / not holding / in ambiguous items):');
  let tot = [0, 0, 0];
  for (const k of KINDS) {
    const c = counts[k];
    tot = [tot[0] + c.holds, tot[1] + c.fails, tot[2] + c.ambiguous];
    console.log(`  ${k.padEnd(11)} ${String(c.holds).padStart(4)} ${String(c.fails).padStart(4)} ${String(c.ambiguous).padStart(4)}`);
  }
  console.log(`  ${'total'.padEnd(11)} ${String(tot[0]).padStart(4)} ${String(tot[1]).padStart(4)} ${String(tot[2]).padStart(4)}`);
  if (errors.length || wrong.length) {
    for (const e of errors) console.error('ERROR ' + e);
    for (const w of wrong) console.error('WRONG LABEL ' + w);
    console.error(`${errors.length} error(s), ${wrong.length} wrong label(s)`);
    process.exit(1);
  }
  return { pages, items, pageText, counts };
}

// ---------------------------------------------------------------------------
// Variants.
// ---------------------------------------------------------------------------

function hashStr(s) {
  let h = 2166136261;
  for (const ch of s) { h ^= ch.codePointAt(0); h = Math.imul(h, 16777619) >>> 0; }
  return h >>> 0;
}
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffled(arr, r) {
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
  return a;
}

/** Replace figures at positions (list of {pos, lit, to}); returns the new text and a position map. */
function applyEdits(text, edits) {
  const sorted = edits.slice().sort((a, b) => a.pos - b.pos);
  let out = '';
  let last = 0;
  for (const e of sorted) {
    if (e.pos < last) throw new Error('overlapping edits');
    out += text.slice(last, e.pos) + e.to;
    last = e.pos + e.lit.length;
  }
  out += text.slice(last);
  const mapPos = (p) => {
    let shift = 0;
    for (const e of sorted) {
      if (e.pos === p) return p + shift;
      if (e.pos < p) shift += e.to.length - e.lit.length;
    }
    return p + shift;
  };
  return { text: out, mapPos };
}

/** Rewrite relation refs for a new text after edits. */
function remapRelation(rel, oldText, newText, mapPos, litAt) {
  const out = JSON.parse(JSON.stringify(rel));
  const fix = (ref) => {
    const f = resolveRef(oldText, ref);
    const np = mapPos(f.pos);
    const lit = litAt.get(f.pos) ?? splitRef(ref).lit;
    return refAt(newText, lit, np);
  };
  for (const k of FIELDS[rel.kind]) out[k] = fix(rel[k]);
  if (rel.kind === 'sum') out.parts = rel.parts.map(fix);
  if (rel.kind === 'shares') out.shares = rel.shares.map(fix);
  if (rel.kind === 'average' && rel.count != null) out.count = fix(rel.count);
  return out;
}

const TYPO_KINDS = new Set(KINDS);

function typoCandidates(f, r) {
  // digit positions inside the numeric part of the literal (Arabic digits only)
  if (f.script !== 'arabic') return [];
  const lit = f.lit;
  const pos = [];
  for (let i = f.numStart; i < f.numEnd; i++) if (/[0-9０-９]/.test(lit[i])) pos.push(i);
  const digitOf = (ch) => Number(toAsciiDigits(ch));
  const mk = (d, like) => (/[０-９]/.test(like) ? String.fromCharCode(48 + d + 0xfee0) : String(d));
  const swaps = [];
  for (let k = 0; k + 1 < pos.length; k++) {
    const i = pos[k];
    const j = pos[k + 1];
    if (lit[i] === lit[j]) continue;
    const chars = [...lit];
    [chars[i], chars[j]] = [chars[j], chars[i]];
    swaps.push({ to: chars.join(''), how: 'swap' });
  }
  const changes = [];
  for (const i of pos) {
    for (let d = 0; d <= 9; d++) {
      if (d === digitOf(lit[i])) continue;
      const chars = [...lit];
      chars[i] = mk(d, lit[i]);
      changes.push({ to: chars.join(''), how: 'digit' });
    }
  }
  return [...shuffled(swaps, r), ...shuffled(changes, r)];
}

function readable(orig, to) {
  const g = parseFigure(to);
  const o = parseFigure(orig);
  const s = toAsciiDigits(to).slice(g.numStart, g.numEnd).replace(/[, \u00a0\u2009\u202f]/g, '');
  if (/^0\d/.test(s)) return false; // leading zero
  if (o.value !== 0 && g.value === 0) return false;
  if (o.percent && o.value <= 100 && g.value > 100) return false;
  return true;
}

function makeTypos(it, rel, ri, out) {
  const r = rng(hashStr(`${it.id}/${ri}`));
  const refs = relationRefs(rel);
  const made = [];
  const usedRoles = new Set();
  for (const want of ['swap', 'digit']) {
    for (const { role, ref } of shuffled(refs, r)) {
      if (made.length && usedRoles.has(role) && refs.length > 1) continue;
      const f = resolveRef(it.text, ref);
      const cands = typoCandidates(f, r).filter((c) => c.how === want);
      let done = false;
      for (const c of cands) {
        if (!readable(f.lit, c.to)) continue;
        const { text, mapPos } = applyEdits(it.text, [{ pos: f.pos, lit: f.lit, to: c.to }]);
        if (text === it.text) continue;
        let nrel;
        try {
          nrel = remapRelation(rel, it.text, text, mapPos, new Map([[f.pos, c.to]]));
          if (evaluate(text, nrel).holds) continue;
        } catch {
          continue;
        }
        if (made.some((m) => m.text === text)) continue;
        made.push({ text, changed: { ref, to: c.to }, kind: rel.kind, relation: nrel });
        usedRoles.add(role);
        done = true;
        break;
      }
      if (done) break;
    }
  }
  for (const m of made) out.push(m);
}

function roundTo(x, decimals) {
  const f = 10 ** decimals;
  return Math.round(x * f + 1e-9 * Math.sign(x)) / f;
}

function cnFormatInt(n) {
  if (!Number.isInteger(n) || n < 0 || n >= 1e8) return null;
  if (n === 0) return '零';
  const digits = '零一二三四五六七八九';
  const four = (x, leadingZero) => {
    const units = ['千', '百', '十', ''];
    const ds = String(x).padStart(4, '0').split('').map(Number);
    let s = '';
    let zero = false;
    let started = leadingZero;
    ds.forEach((d, i) => {
      if (d === 0) { if (started) zero = true; return; }
      if (zero) { s += '零'; zero = false; }
      s += digits[d] + units[i];
      started = true;
    });
    return s;
  };
  const hi = Math.floor(n / 1e4);
  const lo = n % 1e4;
  let s = '';
  if (hi) s += four(hi, false) + '万';
  if (lo) s += (hi && lo < 1000 ? '零' : '') + four(lo, false);
  if (s.startsWith('一十')) s = s.slice(1);
  return s;
}

/** Write value v in the style of literal lit (same decimals, multiplier, grouping, digit width, unit). */
function formatLike(f, v) {
  const lit = f.lit;
  if (f.script === 'arabic') {
    const x = v / f.mult;
    let s = roundTo(x, f.decimals).toFixed(f.decimals);
    if (f.grouping) {
      const [ip, fp] = s.split('.');
      s = ip.replace(/\B(?=(\d{3})+(?!\d))/g, f.grouping) + (fp ? '.' + fp : '');
    }
    if (f.fullWidth) s = s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/\./g, '．');
    return lit.slice(0, f.numStart) + s + lit.slice(f.numEnd);
  }
  if (f.decimals !== 0) return null;
  const n = Math.round(v);
  const cn = cnFormatInt(n);
  if (cn == null) return null;
  const body = f.script === 'cnpercent' ? '百分之' + cn : cn;
  // the Chinese number in the literal may carry 两 etc.; keep the rest of the literal
  return lit.slice(0, f.numStart) + body + lit.slice(f.numEnd);
}

const DERIVED_ROLE = { rate: 'rate', share: 'share', growth: 'stated', difference: 'stated', points: 'stated', average: 'stated' };

/** A sum whose parts, as printed, add up exactly to the printed total (labelled complete or not). */
function exactSum(text, rel) {
  const t = resolveRef(text, rel.total);
  const parts = rel.parts.map((r) => resolveRef(text, r));
  if (t.approx || parts.some((f) => f.approx)) return false;
  const sum = parts.reduce((a, f) => a + f.value, 0);
  return Math.abs(sum - t.value) <= 1e-9 * Math.max(1, Math.abs(t.value));
}

/** Try to rewrite an item consistently. Returns {text, relations} or a reason string. */
function rewrite(it, attempt) {
  const text = it.text;
  const nodes = new Map(); // pos -> figure
  const relFigs = it.relations.map((rel) => {
    const m = {};
    for (const { role, ref } of relationRefs(rel)) {
      const f = resolveRef(text, ref);
      if (!nodes.has(f.pos)) nodes.set(f.pos, f);
      m[role] = f.pos;
    }
    return m;
  });
  // which figures are derived, and by which relation
  const derivedBy = new Map();
  it.relations.forEach((rel, i) => {
    let role = DERIVED_ROLE[rel.kind];
    if (rel.kind === 'sum' && (rel.complete || exactSum(text, rel))) role = 'total';
    if (!role) return;
    const pos = relFigs[i][role];
    if (!derivedBy.has(pos)) derivedBy.set(pos, i);
  });
  // standalone complete share lists: redistribute between first and last share
  const sharesFix = new Map();
  it.relations.forEach((rel, i) => {
    if (rel.kind !== 'shares') return;
    const ps = rel.shares.map((_, k) => relFigs[i][`shares.${k}`]);
    if (ps.every((p) => derivedBy.has(p))) return;
    if (ps.some((p) => derivedBy.has(p))) throw new Error('mixed derived/base shares');
    // shares standing beside their own counts are tied to those counts (a base that is not in the text): not rewritten
    const counted = /[0-9０-９](?:[0-9０-９.,]*)\s*(?:余|多|餘)?\s*(?:万|亿|萬|億)?(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\))?\s*(?:余|多|餘)?\s*(?:件|人|个|個|户|戶|起|元|次|家|宗|条|條|封|项|項|所|名|通|卷|批)/;
    const rest = ps.reduce((acc, p) => acc.replace(nodes.get(p).lit, ''), text);
    if (counted.test(rest)) throw new Error('shares beside counts whose whole is not in the text');
    for (const p of ps) sharesFix.set(p, i);
  });
  const newVal = new Map();
  // base figures
  const bases = [...nodes.keys()].filter((p) => !derivedBy.has(p)).sort((a, b) => a - b);
  const byValue = new Map();
  bases.forEach((p, idx) => {
    const f = nodes.get(p);
    if (sharesFix.has(p)) return;
    let v;
    if (attempt.common && byValue.has(`${f.value}|${f.percent}`)) { newVal.set(p, byValue.get(`${f.value}|${f.percent}`)); return; }
    if (f.percent) {
      if (f.value === 100 || f.value === 0) v = f.value;
      else v = f.value * (attempt.common ? attempt.pct : attempt.pct - 0.01 * (idx % 3));
    } else {
      const jitter = attempt.common ? 1 : 1 + 0.03 * ((idx * 7) % 5 - 2);
      v = f.value * attempt.factor * jitter;
    }
    // to the figure's own precision; an approximate round figure ("9400多") stays as round
    if (f.decimals === 0 && f.mult === 1) v = Math.round(v);
    else v = roundTo(v / f.mult, f.decimals) * f.mult;
    if (f.approx && f.decimals === 0 && f.script === 'arabic') {
      const digits = toAsciiDigits(f.lit).slice(f.numStart, f.numEnd).replace(/[^0-9]/g, '');
      const tz = digits.length - digits.replace(/0+$/, '').length;
      if (tz > 0) {
        const step = 10 ** tz * f.mult;
        v = Math.max(step, Math.round(v / step) * step);
      }
    }
    if (f.value > 0 && v <= 0) v = f.unit;
    newVal.set(p, v);
    byValue.set(`${f.value}|${f.percent}`, v);
  });
  const doneShares = new Set();
  for (const [, i] of sharesFix) {
    if (doneShares.has(i)) continue;
    doneShares.add(i);
    const rel = it.relations[i];
    const ps = rel.shares.map((_, k) => relFigs[i][`shares.${k}`]);
    const fs_ = ps.map((p) => nodes.get(p));
    ps.forEach((p, k) => newVal.set(p, fs_[k].value));
    const maxK = fs_.reduce((b, f, k) => (f.value > fs_[b].value ? k : b), 0);
    const minK = fs_.reduce((b, f, k) => (f.value < fs_[b].value ? k : b), maxK === 0 ? 1 : 0);
    const step = Math.max(fs_[maxK].unit, fs_[minK].unit) * (attempt.common ? 10 : 7);
    if (fs_[maxK].value - step <= 0) throw new Error('shares too small');
    newVal.set(ps[maxK], roundTo(fs_[maxK].value - step, fs_[maxK].decimals));
    newVal.set(ps[minK], roundTo(fs_[minK].value + step, fs_[minK].decimals));
  }
  // derived figures, in dependency order
  const shown = (p) => parseFigure(formatLike(nodes.get(p), newVal.get(p))).value;
  for (let guard = 0; guard < 20 && [...derivedBy.keys()].some((p) => !newVal.has(p)); guard++) {
    for (const [p, i] of derivedBy) {
      if (newVal.has(p)) continue;
      const rel = it.relations[i];
      const m = relFigs[i];
      const inputs = Object.entries(m).filter(([, q]) => q !== p).map(([, q]) => q);
      if (!inputs.every((q) => newVal.has(q))) continue;
      const f = nodes.get(p);
      const val = (role) => shown(m[role]);
      let v;
      const orig = it.relations[i];
      switch (rel.kind) {
        case 'rate':
        case 'share': {
          const num = val(rel.kind === 'rate' ? 'numerator' : 'part');
          const den = val(rel.kind === 'rate' ? 'denominator' : 'whole');
          const scale = f.permille ? 1000 : 100;
          v = roundTo((num / den) * scale, f.decimals);
          if (v >= scale && num !== den) v = Math.floor(((num / den) * scale) * 10 ** f.decimals) / 10 ** f.decimals;
          if (v === 0 && num !== 0) throw new Error('rate rounds to 0');
          break;
        }
        case 'sum': {
          v = rel.parts.reduce((a, _, k) => a + val(`parts.${k}`), 0);
          break;
        }
        case 'growth':
        case 'difference':
        case 'points': {
          const c = val('current');
          const pr = val('previous');
          const dir = c > pr ? 'up' : c < pr ? 'down' : 'none';
          if (dir !== orig.direction) throw new Error('direction changed');
          v = rel.kind === 'growth' ? (Math.abs(c - pr) / pr) * 100 : Math.abs(c - pr);
          break;
        }
        case 'average': {
          const cnt = rel.count != null ? val('count') : rel.countValue;
          v = val('total') / cnt;
          break;
        }
        default:
          throw new Error('not derivable');
      }
      if (!(f.decimals === 0 && f.mult === 1 && !f.percent) || rel.kind === 'sum') v = roundTo(v / f.mult, f.decimals) * f.mult;
      else v = roundTo(v, 0);
      newVal.set(p, v);
    }
  }
  if ([...derivedBy.keys()].some((p) => !newVal.has(p))) throw new Error('cyclic');
  // write the figures; every other occurrence of a changed literal changes with it
  const edits = new Map();
  for (const [p, f] of nodes) {
    const to = formatLike(f, newVal.get(p));
    if (to == null) throw new Error('cannot format');
    if (to === f.lit) continue;
    for (const q of occurrences(text, f.lit)) {
      if (edits.has(q) && edits.get(q).to !== to) throw new Error('same literal, two new values');
      if (q !== p && nodes.has(q) && formatLike(nodes.get(q), newVal.get(q)) !== to) throw new Error('same literal, two new values');
      edits.set(q, { pos: q, lit: f.lit, to });
    }
  }
  if (edits.size === 0) throw new Error('nothing changed');
  const { text: nt, mapPos } = applyEdits(text, [...edits.values()]);
  const litAt = new Map([...edits.values()].map((e) => [e.pos, e.to]));
  const rels = it.relations.map((rel) => remapRelation(rel, text, nt, mapPos, litAt));
  for (const rel of rels) if (!evaluate(nt, rel).holds) throw new Error('a relation no longer holds');
  // a list that added up exactly in the original must still add up exactly
  it.relations.forEach((rel, i) => {
    if (rel.kind === 'sum' && !rel.complete && exactSum(text, rel) && !evaluate(nt, { ...rels[i], complete: true }).holds) throw new Error('an exact sum no longer adds up');
  });
  return { text: nt, relations: rels };
}

const ATTEMPTS = [
  { factor: 1.13, pct: 0.97, common: false },
  { factor: 0.87, pct: 0.98, common: false },
  { factor: 1.21, pct: 0.96, common: false },
  { factor: 1.13, pct: 0.97, common: true },
  { factor: 0.87, pct: 0.98, common: true },
  { factor: 1.5, pct: 0.95, common: true },
  { factor: 2, pct: 0.99, common: true },
];

function variants() {
  const { items } = check();
  const out = [];
  const typoPerKind = Object.fromEntries(KINDS.map((k) => [k, 0]));
  let rewritten = 0;
  const skipped = [];
  for (const it of items) {
    if (it.ambiguous || it.relations.length === 0) continue;
    // typo variants, per holding relation (a text already made for another relation is not repeated)
    const texts = new Set();
    let t = 0;
    it.relations.forEach((rel, ri) => {
      if (!rel.holds || !TYPO_KINDS.has(rel.kind)) return;
      const made = [];
      makeTypos(it, rel, ri, made);
      for (const m of made) {
        if (texts.has(m.text)) continue;
        texts.add(m.text);
        out.push({ id: `${it.id}-t${++t}`, from: it.id, text: m.text, changed: m.changed, kind: m.kind, relation: m.relation, expect: 'flag' });
        typoPerKind[rel.kind]++;
      }
    });
    // consistent rewrite, when every relation of the item holds
    if (!it.relations.every((r) => r.holds)) continue;
    if (it.tied) {
      skipped.push(`${it.id}: tied (${it.tied})`);
      continue;
    }
    let res = null;
    let why = '';
    for (const a of ATTEMPTS) {
      try {
        res = rewrite(it, a);
        break;
      } catch (e) {
        why = e.message;
      }
    }
    if (res) {
      out.push({ id: `${it.id}-c1`, from: it.id, text: res.text, relations: res.relations, expect: 'quiet' });
      rewritten++;
    } else skipped.push(`${it.id}: ${why}`);
  }
  // verify every variant with the same arithmetic
  const bad = [];
  for (const v of out) {
    try {
      if (v.expect === 'flag') {
        if (evaluate(v.text, v.relation).holds) bad.push(`${v.id}: expected flag but the relation holds`);
      } else if (v.relations.some((r) => !evaluate(v.text, r).holds)) bad.push(`${v.id}: expected quiet but a relation fails`);
    } catch (e) {
      bad.push(`${v.id}: ${e.message}`);
    }
  }
  if (bad.length) {
    for (const b of bad) console.error('BAD VARIANT ' + b);
    process.exit(1);
  }
  fs.writeFileSync(path.join(DIR, 'variants.json'), JSON.stringify(out, null, 1) + '\n');
  console.log(`variants: ${out.length}   typo (expect flag): ${out.length - rewritten}   consistent rewrites (expect quiet): ${rewritten}`);
  console.log('typo variants per kind: ' + KINDS.map((k) => `${k} ${typoPerKind[k]}`).join(', '));
  console.log(`items with all relations holding but not rewritten: ${skipped.length}`);
  for (const s of skipped) console.log('  skipped ' + s);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const cmd = process.argv[2];
  if (cmd === 'check') check();
  else if (cmd === 'variants') variants();
  else {
    console.error('usage: node scripts/numbers-corpus.mjs check|variants [DIR]');
    process.exit(2);
  }
}
