import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/settings';

describe('settings', () => {
  it('reads flat, nested and bare keys alike', () => {
    for (const raw of [
      { 'fazhiReport.rules': { placeholder: 'off' }, 'fazhiReport.debounce': 0 },
      { fazhiReport: { rules: { placeholder: 'off' }, debounce: 0 } },
      { rules: { placeholder: 'off' }, debounce: 0 },
    ]) {
      const { settings, problems } = normalizeSettings(raw);
      expect(problems).toEqual([]);
      expect(settings.rules).toEqual({ placeholder: 'off' });
      expect(settings.debounce).toBe(0);
    }
  });

  it('reports each bad value and keeps its default', () => {
    const { settings, problems } = normalizeSettings({
      files: 'a.md',
      reportYear: 22,
      rules: { placeholder: 'loud', nope: 'error' },
      sections: { measures: { synonyms: [1] }, extra: {} },
      debounce: -5,
      maxFileSize: 'big',
      colour: 'red',
    });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, sections: { measures: {} } });
    expect(problems).toHaveLength(9);
    expect(problems.join('\n')).toContain('规则“nope”不存在');
    expect(problems.join('\n')).toContain('未知设置项“colour”');
  });

  it('treats a non-object as defaults with one message', () => {
    expect(normalizeSettings([1, 2]).problems).toEqual(['设置应为 JSON 对象，已使用默认设置']);
    expect(normalizeSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });
});

describe('untrusted workspaces', () => {
  it('may not set which files are reports, the synonyms or the size limit (restrictedConfigurations)', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations).toEqual(['fazhiReport.files', 'fazhiReport.sections', 'fazhiReport.maxFileSize']);
  });
});
