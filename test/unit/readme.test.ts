// The README a clerk reads first: the Chinese part names every command and setting the manifest
// contributes, in both languages, and its links lead somewhere.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const english = readme.indexOf('\n# English / for developers');
const chinese = readme.slice(0, english);
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const zh = JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
const en = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const key = (value: string) => value.replace(/^%|%$/g, '');

/** GitHub's heading anchors: lower case, punctuation dropped (CJK kept), spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

describe('the Chinese README', () => {
  it('comes first, with the English part for developers after it', () => {
    expect(english).toBeGreaterThan(0);
    for (const part of ['## 快速上手', '## 审阅', '## 离线安装', '## 设置', '## 常见问题']) expect(chinese).toContain(part);
  });

  const commands = manifest.contributes.commands as { command: string; title: string; category: string }[];
  it.each(commands)('names the command $command as the palette shows it in Chinese and in English', ({ title, category }) => {
    expect(chinese).toContain(`${zh[key(category)]}: ${zh[key(title)]}`);
    expect(chinese).toContain(`${en[key(category)]}: ${en[key(title)]}`);
  });

  it.each(Object.keys(manifest.contributes.configuration.properties))('lists the setting %s in the settings table', (setting) => {
    expect(chinese).toMatch(new RegExp(`^\\| \`${setting.replace('.', '\\.')}\` \\|`, 'm'));
  });

  it('shows pictures that exist, and its links to headings lead to one', () => {
    const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    expect(pictures.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
    const outsideCode = readme.replace(/^```[\s\S]*?^```/gm, '');
    const anchors = new Set([...outsideCode.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
    const links = [...outsideCode.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((l) => !anchors.has(l))).toEqual([]);
  });
});
