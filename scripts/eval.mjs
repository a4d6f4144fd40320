// `npm run eval`: the checker scored on real text gathered from public pages,
// labelled by reading and arithmetic before the checker saw it
// (test/fixtures/numbers, test/fixtures/openings, test/fixtures/passages).
// Prints recall and false alarms per relation kind, and the structure scores.
// `node scripts/eval.mjs --list` also lists every miss and false alarm.
// The same functions give the floors asserted in npm test (test/unit/eval.test.ts).
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export function loadLibrary() {
  return require(join(ROOT, 'dist', 'analysis.js'));
}

const readJson = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

/** The rules whose findings say that figures disagree: every rule tagged `numbers`. */
export function numberRules(lib) {
  const rules = lib.ruleDescriptors ? lib.ruleDescriptors() : [];
  const tagged = rules.filter((r) => (r.tags ?? []).includes('numbers')).map((r) => r.id);
  return new Set(tagged.length ? tagged : ['rate-mismatch', 'sum-mismatch', 'part-exceeds-total', 'rate-over-100', 'repeated-figure']);
}

function numberFindings(lib, rules, text) {
  return lib.analyze(text, { format: 'plain' }).findings.filter((f) => rules.has(f.rule) && f.severity !== 'info');
}

const KINDS = ['rate', 'share', 'shares', 'sum', 'subset', 'growth', 'difference', 'points', 'average'];

/**
 * Numbers: recall on one-figure typos per relation kind, recall on the errors
 * found in published text, and false alarms on real sentences and on
 * consistent rewrites (ambiguous items are listed, not counted).
 */
/** The sentences the checker was tuned on, and the held-out ones labelled before it was run on them. */
export const NUMBER_SETS = { seen: 'test/fixtures/numbers', heldOut: 'test/fixtures/numbers-holdout' };

export function scoreNumbers(lib, dir = NUMBER_SETS.seen) {
  const rules = numberRules(lib);
  const items = readJson(`${dir}/sentences.json`);
  const variants = readJson(`${dir}/variants.json`);
  const perKind = Object.fromEntries(KINDS.map((k) => [k, { typos: 0, caught: 0, quietItems: 0, falseAlarms: 0 }]));
  const misses = [];
  const falseAlarms = [];
  const ambiguous = [];
  let realQuiet = 0;
  let realFalse = 0;
  let publishedErrors = 0;
  let publishedCaught = 0;
  for (const item of items) {
    const findings = numberFindings(lib, rules, item.text);
    if (item.ambiguous) {
      ambiguous.push({ id: item.id, why: item.ambiguous, findings: findings.map((f) => f.message) });
      continue;
    }
    const broken = item.relations.some((r) => r.holds === false);
    if (broken) {
      publishedErrors++;
      if (findings.length) publishedCaught++;
      else misses.push({ id: item.id, kind: 'published error', text: item.text });
      continue;
    }
    realQuiet++;
    const kinds = new Set(item.relations.map((r) => r.kind));
    for (const k of kinds) perKind[k].quietItems++;
    if (findings.length) {
      realFalse++;
      for (const k of kinds) perKind[k].falseAlarms++;
      falseAlarms.push({ id: item.id, text: item.text, findings: findings.map((f) => `${f.rule}: ${f.message}`) });
    }
  }
  let rewrites = 0;
  let rewriteFalse = 0;
  for (const v of variants) {
    const findings = numberFindings(lib, rules, v.text);
    if (v.expect === 'flag') {
      const k = perKind[v.kind];
      k.typos++;
      if (findings.length) k.caught++;
      else misses.push({ id: v.id, kind: v.kind, text: v.text, changed: v.changed });
    } else {
      rewrites++;
      if (findings.length) {
        rewriteFalse++;
        falseAlarms.push({ id: v.id, text: v.text, findings: findings.map((f) => `${f.rule}: ${f.message}`) });
      }
    }
  }
  const typos = KINDS.reduce((n, k) => n + perKind[k].typos, 0);
  const caught = KINDS.reduce((n, k) => n + perKind[k].caught, 0);
  return {
    perKind,
    typos,
    caught,
    recall: caught / typos,
    real: { items: realQuiet, falseAlarms: realFalse },
    rewrites: { items: rewrites, falseAlarms: rewriteFalse },
    falseAlarmRate: (realFalse + rewriteFalse) / (realQuiet + rewrites),
    published: { errors: publishedErrors, caught: publishedCaught },
    misses,
    falseAlarms,
    ambiguous,
  };
}

const PART_KEYS = ['measures', 'problems', 'firstResponsible', 'nextYear'];

/**
 * Structure: on real report openings (and passages), the year, the title, and
 * each visible part found (a part reported missing where it is there is the
 * error that matters most).
 */
/** Pages looked at while the structure code was written, and pages labelled afterwards and scored once, unseen. */
export const STRUCTURE_SETS = {
  seen: ['test/fixtures/openings', 'test/fixtures/passages'],
  heldOut: ['test/fixtures/openings-holdout'],
};

export function scoreStructure(lib, dirs = STRUCTURE_SETS.seen) {
  const sets = dirs.map((dir) => [dir, 'labels.json']).filter(([dir]) => existsSync(join(ROOT, dir)));
  const result = { pages: 0, years: { labelled: 0, right: 0 }, titles: { labelled: 0, right: 0 }, parts: { labelled: 0, found: 0, absent: 0, foundAbsent: 0 }, falseMissing: 0, wrong: [] };
  for (const [dir, labelsFile] of sets) {
    for (const label of readJson(join(dir, labelsFile))) {
      const text = readFileSync(join(ROOT, dir, label.file), 'utf8');
      const a = lib.analyze(text, { format: 'plain' });
      result.pages++;
      if (label.year !== undefined) {
        result.years.labelled++;
        if (a.reportYear === label.year) result.years.right++;
        else result.wrong.push({ file: `${dir}/${label.file}`, what: 'year', want: label.year, got: a.reportYear });
      }
      if (label.title !== undefined) {
        result.titles.labelled++;
        const got = a.title?.text ?? null;
        const norm = (t) => (t === null ? null : t.replace(/\s+/g, ''));
        if (norm(got) === norm(label.title)) result.titles.right++;
        else result.wrong.push({ file: `${dir}/${label.file}`, what: 'title', want: label.title, got });
      }
      for (const key of PART_KEYS) {
        if (label.parts && label.parts[key] === null) {
          // Not on the page: a part found there is found where it is not (it would hide a missing part).
          result.parts.absent++;
          if (a.sections[key]) {
            result.parts.foundAbsent++;
            result.wrong.push({ file: `${dir}/${label.file}`, what: `part ${key} found where absent`, want: null, got: a.sections[key].title });
          }
          continue;
        }
        if (!label.parts?.[key]) continue;
        result.parts.labelled++;
        if (a.sections[key]) result.parts.found++;
        else {
          result.wrong.push({ file: `${dir}/${label.file}`, what: `part ${key}`, want: label.parts[key].quote, got: null });
          if (a.findings.some((f) => f.rule === 'required-section' && f.message.includes(partName(key)))) result.falseMissing++;
        }
      }
    }
  }
  return result;
}

function partName(key) {
  return { measures: '主要举措和成效', problems: '存在的不足和原因', firstResponsible: '第一责任人', nextYear: '下一年度' }[key];
}

const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');

function numbersTable(out, title, numbers) {
  out.push(title);
  out.push('  kind         typos  caught  recall   consistent items  false alarms');
  for (const k of KINDS) {
    const s = numbers.perKind[k];
    if (!s.typos && !s.quietItems) continue;
    out.push(`  ${k.padEnd(12)} ${String(s.typos).padStart(5)}  ${String(s.caught).padStart(6)}  ${pct(s.caught, s.typos).padStart(6)}   ${String(s.quietItems).padStart(16)}  ${String(s.falseAlarms).padStart(12)}`);
  }
  out.push(`  all          ${String(numbers.typos).padStart(5)}  ${String(numbers.caught).padStart(6)}  ${pct(numbers.caught, numbers.typos).padStart(6)}`);
  out.push(`  false alarms: ${numbers.real.falseAlarms} of ${numbers.real.items} real sentences, ${numbers.rewrites.falseAlarms} of ${numbers.rewrites.items} consistent rewrites: ${pct(numbers.real.falseAlarms + numbers.rewrites.falseAlarms, numbers.real.items + numbers.rewrites.items)}`);
  out.push(`  errors in published text caught: ${numbers.published.caught} of ${numbers.published.errors}; ambiguous items (not scored): ${numbers.ambiguous.length}`);
  out.push('');
}

function printReport(numbers, structure, list, heldOut) {
  const out = [];
  numbersTable(out, 'Numbers (test/fixtures/numbers, the sentences the checker was tuned on): recall on one-figure typos, false alarms on consistent text', numbers);
  if (heldOut) numbersTable(out, 'Numbers, held out (test/fixtures/numbers-holdout, labelled before the checker was run on them)', heldOut);
  const structureLine = (name, r) => {
    const labelled = r.years.labelled + r.titles.labelled + r.parts.labelled;
    const right = r.years.right + r.titles.right + r.parts.found;
    out.push(`Structure, ${name}`);
    out.push(`  pages ${r.pages}: years ${r.years.right}/${r.years.labelled} (${pct(r.years.right, r.years.labelled)}), titles ${r.titles.right}/${r.titles.labelled} (${pct(r.titles.right, r.titles.labelled)}), visible parts found ${r.parts.found}/${r.parts.labelled} (${pct(r.parts.found, r.parts.labelled)}), reported missing where present: ${r.falseMissing}`);
    out.push(`  years, titles and visible parts right: ${pct(right, labelled)}; parts found where the page has none: ${r.parts.foundAbsent} of ${r.parts.absent}`);
  };
  structureLine('pages seen while building (test/fixtures/openings, passages)', structure.seen);
  structureLine('held-out pages, labelled before the tool was run on them (test/fixtures/openings-holdout)', structure.heldOut);
  if (list) {
    const sets = heldOut ? [numbers, heldOut] : [numbers];
    out.push('', 'False alarms:');
    for (const n of sets) for (const f of n.falseAlarms) out.push(`  ${f.id} ${f.text}\n      ${f.findings.join('\n      ')}`);
    out.push('', 'Missed typos and published errors:');
    for (const n of sets) for (const m of n.misses) out.push(`  ${m.id} [${m.kind}] ${m.changed ? `${m.changed.ref} → ${m.changed.to} ` : ''}${m.text}`);
    out.push('', 'Ambiguous (not scored):');
    for (const a of numbers.ambiguous) out.push(`  ${a.id} ${a.why}${a.findings.length ? `\n      flagged: ${a.findings.join(' | ')}` : ''}`);
    out.push('', 'Structure, wrong:');
    for (const w of [...structure.seen.wrong, ...structure.heldOut.wrong]) out.push(`  ${w.file} ${w.what}: want ${JSON.stringify(w.want)}, got ${JSON.stringify(w.got)}`);
  }
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const lib = loadLibrary();
  const heldOut = existsSync(join(ROOT, NUMBER_SETS.heldOut, 'variants.json')) ? scoreNumbers(lib, NUMBER_SETS.heldOut) : null;
  console.log(printReport(scoreNumbers(lib), { seen: scoreStructure(lib, STRUCTURE_SETS.seen), heldOut: scoreStructure(lib, STRUCTURE_SETS.heldOut) }, process.argv.includes('--list'), heldOut));
}
