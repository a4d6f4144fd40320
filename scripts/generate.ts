// Build-time generation (run by scripts/build.mjs): the phrase bank with its
// pinyin for completion, and the snippet file VS Code reads. Both outputs are
// committed; a test checks that they match what this script makes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import * as ToTraditional from 'opencc-js/preset/cn2t';
import { ConverterBuilder } from 'opencc-js/core';
import { sectionCatalogue } from '../server/src/analysis/sections';
import { partSnippet, reportSkeleton, REGULATION_ORDER } from '../server/src/analysis/skeleton';
import type { Phrase } from '../server/src/analysis/phrases';

// The bundled generator runs from a temporary folder: the build passes the project root.
const ROOT = process.env.FAZHI_REPORT_ROOT ?? join(__dirname, '..');
export const PHRASES_SOURCE = join(ROOT, 'server/src/analysis/data/phrases.json');
export const PHRASES_OUT = join(ROOT, 'server/src/analysis/data/phrases.generated.json');
export const SNIPPETS_OUT = join(ROOT, 'snippets/fazhi-report.json');
export const TRADITIONAL_OUT = join(ROOT, 'server/src/analysis/data/traditional.generated.json');

/**
 * The text we insert (each part's heading and guiding sentence) in standard,
 * Taiwan and Hong Kong Traditional, converted here with OpenCC's phrase
 * dictionaries so that the extension need not carry them (tens of MB in memory).
 */
export function generateTraditional(): Record<string, { t: string; tw: string; hk: string }> {
  const build = ConverterBuilder(ToTraditional);
  const convert = { t: build({ from: 'cn', to: 't' }), tw: build({ from: 'cn', to: 'tw' }), hk: build({ from: 'cn', to: 'hk' }) };
  const out: Record<string, { t: string; tw: string; hk: string }> = {};
  for (const entry of sectionCatalogue()) {
    for (const text of [entry.skeleton, entry.guide]) out[text] = { t: convert.t(text), tw: convert.tw(text), hk: convert.hk(text) };
  }
  return out;
}

interface SnippetEntry {
  prefix: string[];
  body: string[];
  description: string;
}

function spell(text: string): { initials: string; full: string } {
  const han = text.replace(/[^\u4e00-\u9fff]/g, '');
  const syllables = pinyin(han, { toneType: 'none', type: 'array', v: true }) as string[];
  return { initials: syllables.map((s) => s[0]).join(''), full: syllables.join('') };
}

export function generatePhrases(): Phrase[] {
  const source = JSON.parse(readFileSync(PHRASES_SOURCE, 'utf8')) as { phrases: { part: Phrase['part']; label: string; text: string }[] };
  return source.phrases.map((p) => {
    const { initials, full } = spell(p.text);
    return { ...p, initials, pinyin: full };
  });
}

/**
 * The snippets VS Code shows beside the server's completion: the skeleton and
 * the parts. The phrase bank is not among them: the server offers it (ranked
 * for the part the cursor is in), and a snippet too would list each phrase twice.
 */
export function generateSnippets(): Record<string, SnippetEntry> {
  const catalogue = sectionCatalogue();
  const snippets: Record<string, SnippetEntry> = {
    报告框架: {
      prefix: ['fzbg', '报告框架', '法治政府建设报告'],
      body: reportSkeleton(catalogue, null).split('\n'),
      description: '法治政府建设情况报告框架：标题、主送机关、四个必备部分、落款和日期',
    },
    一是二是三是: {
      prefix: ['yishi', '一是'],
      body: ['一是${1}。二是${2}。三是${3}。$0'],
      description: '“一是……二是……三是……”列举',
    },
  };
  for (const key of REGULATION_ORDER) {
    const entry = catalogue.find((e) => e.key === key)!;
    snippets[`必备部分：${entry.name}`] = {
      prefix: [spell(entry.skeleton.replace('YYYY年度', '下一年度')).initials.slice(0, 6), entry.name],
      body: partSnippet(entry).split('\n'),
      description: `必备部分：${entry.regulation}`,
    };
  }
  return snippets;
}

export function generatedFiles(): Record<string, string> {
  const phrases = generatePhrases();
  return {
    [PHRASES_OUT]: JSON.stringify(phrases, null, 2) + '\n',
    [SNIPPETS_OUT]: JSON.stringify(generateSnippets(), null, 2) + '\n',
    [TRADITIONAL_OUT]: JSON.stringify(generateTraditional(), null, 2) + '\n',
  };
}

if (require.main === module) {
  for (const [path, content] of Object.entries(generatedFiles())) writeFileSync(path, content);
}
