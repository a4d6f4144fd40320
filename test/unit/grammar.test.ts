import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { CORPUS, ROOT, corpus } from '../helpers';

const grammarFile = (name: string) => JSON.parse(readFileSync(join(ROOT, 'syntaxes', name), 'utf8'));
// Stands in for VS Code's Markdown grammar: paragraphs and `#` headings are what we inject into.
const MARKDOWN = {
  scopeName: 'text.html.markdown',
  patterns: [
    { match: '^(#{1,6})[ \\t]+(.*)$', name: 'markup.heading.markdown', captures: { 2: { name: 'entity.name.section.markdown', patterns: [] } } },
    { begin: '^```', end: '^```', name: 'markup.fenced_code.block.markdown' },
    { begin: '^(?=\\S)', end: '^(?=\\s*$)', name: 'meta.paragraph.markdown' },
  ],
};

let registry: textmate.Registry;
beforeAll(async () => {
  const wasm = readFileSync(join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) =>
      scope === 'text.plain'
        ? grammarFile('plaintext.tmLanguage.json')
        : scope === 'fazhi-report.injection'
          ? grammarFile('fazhi-report.injection.tmLanguage.json')
          : scope === 'text.html.markdown'
            ? MARKDOWN
            : null,
    getInjections: (scope) => (scope === 'text.plain' || scope === 'text.html.markdown' ? ['fazhi-report.injection'] : undefined),
  });
});

/** [text, innermost scope] for each token of each line, skipping the unscoped ones. */
async function tokens(scope: string, text: string): Promise<[string, string][]> {
  const grammar = (await registry.loadGrammar(scope))!;
  let state = textmate.INITIAL;
  const out: [string, string][] = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const inner = t.scopes[t.scopes.length - 1];
      if (inner.endsWith('fazhi-report')) out.push([line.slice(t.startIndex, t.endIndex), inner]);
    }
    state = r.ruleStack;
  }
  return out;
}

const lineOf = (name: string, prefix: string) => corpus(name).split('\n').find((l) => l.startsWith(prefix))!;

describe('the injection grammar on real report lines', () => {
  it('marks the four heading levels, numbering and title up to 。', async () => {
    const line = lineOf(CORPUS.suxitong, '一、推进法治政府建设的主要举措和成效');
    expect(await tokens('text.plain', line)).toEqual([
      ['一、', 'keyword.other.numbering.level-1.fazhi-report'],
      ['推进法治政府建设的主要举措和成效', 'markup.heading.level-1.fazhi-report'],
    ]);
    const sub = lineOf(CORPUS.xinyang, '(一)努力开创');
    const found = await tokens('text.plain', sub);
    expect(found.slice(0, 3)).toEqual([
      ['(一)', 'keyword.other.numbering.level-2.fazhi-report'],
      ['努力开创法治政府建设新局面', 'markup.heading.level-2.fazhi-report'],
      ['一是', 'keyword.other.enumeration.fazhi-report'],
    ]);
    expect(await tokens('text.plain', '1.健全制度\n（1）细化规则\n③落实责任')).toEqual([
      ['1.', 'keyword.other.numbering.level-3.fazhi-report'],
      ['健全制度', 'markup.heading.level-3.fazhi-report'],
      ['（1）', 'keyword.other.numbering.level-4.fazhi-report'],
      ['细化规则', 'markup.heading.level-4.fazhi-report'],
      ['③', 'keyword.other.numbering.level-4.fazhi-report'],
      ['落实责任', 'markup.heading.level-4.fazhi-report'],
    ]);
  });

  it('marks 一是 items, figures with their units and percentages', async () => {
    const line = lineOf(CORPUS.suxitong, '三是全力化解信访事项');
    const found = await tokens('text.plain', line);
    expect(found[0]).toEqual(['三是', 'keyword.other.enumeration.fazhi-report']);
    const figures = found.filter(([, s]) => s.startsWith('constant.numeric')).map(([t]) => t);
    expect(figures).toEqual(expect.arrayContaining(['120余次', '1181件', '942件', '239件', '100%', '200多人次', '20件', '17件', '3件', '85%']));
    expect(found).toContainEqual(['85%', 'constant.numeric.percentage.fazhi-report']);
    expect(found).toContainEqual(['1181件', 'constant.numeric.figure.fazhi-report']);
  });

  it('reads Traditional lines alike, and leaves 2023年 alone', async () => {
    const line = lineOf(CORPUS.jiangsu, '一、全面履行政府職能');
    expect((await tokens('text.plain', line))[0]).toEqual(['一、', 'keyword.other.numbering.level-1.fazhi-report']);
    expect(await tokens('text.plain', '2023年，我市持续推进依法行政。')).toEqual([]);
  });

  it('applies in Markdown paragraphs and `#` headings, never in code blocks', async () => {
    const found = await tokens('text.html.markdown', '## 一、主要举措\n\n全年办结30件，一是加强领导。\n\n```\n二、代码 40件\n```\n');
    expect(found).toEqual([
      ['一、', 'keyword.other.numbering.level-1.fazhi-report'],
      ['主要举措', 'markup.heading.level-1.fazhi-report'],
      ['30件', 'constant.numeric.figure.fazhi-report'],
      ['一是', 'keyword.other.enumeration.fazhi-report'],
    ]);
  });
});
