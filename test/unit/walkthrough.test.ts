// The walkthrough a writer meets first (contributes.walkthroughs): three steps, in Chinese and English,
// each with its page under media/walkthrough/ — and every %key% of the manifest in both translations.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const translations = {
  en: JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>,
  'zh-cn': JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>,
};
const ourCommands = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}
const walkthroughs = manifest.contributes.walkthroughs as { id: string; title: string; description: string; steps: Step[] }[];

/** A manifest value as VS Code shows it in one language. */
function localized(value: string, language: keyof typeof translations): string | undefined {
  const key = /^%(.+)%$/.exec(value)?.[1];
  return key === undefined ? value : translations[language][key];
}

function keysIn(value: unknown): string[] {
  if (typeof value === 'string') return /^%.+%$/.test(value) ? [value.slice(1, -1)] : [];
  if (Array.isArray(value)) return value.flatMap(keysIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(keysIn);
  return [];
}

describe('translations of the manifest', () => {
  const used = [...new Set(keysIn(manifest))];

  it.each(Object.keys(translations))('every %%key%% of package.json is defined in %s', (language) => {
    const table = translations[language as keyof typeof translations];
    expect(used.filter((k) => !(k in table) || table[k]!.trim() === '')).toEqual([]);
  });

  it('both translations have the same keys, and none unused', () => {
    expect(Object.keys(translations['zh-cn']).sort()).toEqual(Object.keys(translations.en).sort());
    expect(Object.keys(translations.en).filter((k) => !used.includes(k))).toEqual([]);
  });
});

describe('the walkthrough of a first report', () => {
  it('has three steps: open or paste a draft, read the checklist, fix a finding', () => {
    expect(walkthroughs).toHaveLength(1);
    expect(walkthroughs[0]!.steps.map((s) => s.id)).toEqual(['openDraft', 'readChecklist', 'fixFinding']);
    expect(localized(walkthroughs[0]!.title, 'zh-cn')).toMatch(/报告/);
  });

  const steps = walkthroughs.flatMap((w) => w.steps);
  for (const language of Object.keys(translations) as (keyof typeof translations)[]) {
    for (const step of steps) {
      it(`${step.id} (${language}): its page exists, in its own language, and its pictures too`, () => {
        const page = localized(step.media.markdown ?? '', language);
        expect(page, `media of ${step.id}`).toMatch(/^media\/walkthrough\/.+\.md$/);
        expect(existsSync(join(ROOT, page!)), page).toBe(true);
        const text = readFileSync(join(ROOT, page!), 'utf8');
        const chinese = (text.replace(/`[^`]*`|《[^》]*》|“[^”]*”/g, '').match(/[\u4e00-\u9fff]/g) ?? []).length / text.length;
        // A Chinese page is mostly Chinese; an English one quotes only titles and terms.
        if (language === 'zh-cn') expect(chinese).toBeGreaterThan(0.3);
        else expect(chinese).toBeLessThan(0.1);
        for (const [, target] of text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
          const picture = resolve(dirname(join(ROOT, page!)), target!);
          expect(picture.startsWith(ROOT), target).toBe(true);
          expect(existsSync(picture), target).toBe(true);
        }
      });

      it(`${step.id} (${language}): a title, a description, and buttons for commands that exist`, () => {
        expect(localized(step.title, language)).toBeTruthy();
        const description = localized(step.description, language)!;
        expect(description).toBeTruthy();
        const commands = [...description.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]!);
        expect(commands.length).toBeGreaterThan(0);
        for (const command of commands.filter((c) => c.startsWith('fazhiReport.'))) expect(ourCommands).toContain(command);
      });
    }
  }

  it('every step is completed by something the writer does with the extension', () => {
    const known = new Set([...ourCommands].map((c) => `onCommand:${c}`));
    for (const view of manifest.contributes.views.explorer.concat(manifest.contributes.views.fazhiReport)) known.add(`onView:${view.id}`);
    known.add('onContext:fazhiReport.isReport');
    for (const step of steps) {
      expect(step.completionEvents?.length, step.id).toBeGreaterThan(0);
      for (const event of step.completionEvents!) expect(known, `${step.id}: ${event}`).toContain(event);
    }
  });
});
