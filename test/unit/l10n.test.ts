// An English VS Code and a Chinese one: each command is found by either name,
// and every message of the client has its Chinese translation.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const json = (name: string) => JSON.parse(readFileSync(join(ROOT, name), 'utf8')) as Record<string, unknown>;
const HAN = /[\u4e00-\u9fff]/;

describe('command names', () => {
  const en = json('package.nls.json') as Record<string, string>;
  const zh = json('package.nls.zh-cn.json') as Record<string, string>;
  const commands = (json('package.json') as { contributes: { commands: { title: string }[] } }).contributes.commands;

  it('carry both languages, so the palette finds them by either', () => {
    for (const { title } of commands) {
      const key = title.replace(/^%|%$/g, '');
      expect(en[key], key).toMatch(/^[A-Za-z].*\(.*[\u4e00-\u9fff].*\)$/);
      expect(zh[key], key).toMatch(/^[\u4e00-\u9fff].*\([A-Za-z].*\)$/);
    }
  });
});

describe('the l10n bundle', () => {
  const bundle = json('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
  const sources = readdirSync(join(ROOT, 'client', 'src'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(ROOT, 'client', 'src', f), 'utf8'))
    .join('\n');
  const messages = [...sources.matchAll(/l10n\.t\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)].map((m) => m[2].replace(/\\(.)/g, '$1'));

  it('has a Chinese translation for every message the client shows, in English in the source', () => {
    expect(messages.length).toBeGreaterThan(20);
    for (const m of messages) {
      expect(bundle[m], m).toMatch(HAN);
      expect(m.replace(/[（(][^)）]*[)）]/g, ''), m).not.toMatch(HAN);
    }
  });

  it('keeps no translation of a message that is gone', () => {
    for (const key of Object.keys(bundle)) expect(messages, key).toContain(key);
  });
});
