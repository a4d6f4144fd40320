// Settings per resource: `workspace/configuration` asked with the document's
// scopeUri, so a folder's own `fazhiReport.*` applies to the reports in it.
// Editors that cannot be asked push their settings (initializationOptions,
// didChangeConfiguration); those apply everywhere.
import { normalizeSettings, type Settings } from '../settings';
import type { Logger } from '../service/types';

export interface SettingsSource {
  settingsFor(uri: string): Promise<Settings>;
  /** Settings pushed by an editor that is not asked (initializationOptions, didChangeConfiguration). */
  setPushed(raw: unknown): void;
  /** Whether the editor answers `workspace/configuration`. */
  pull: boolean;
  /** The settings without a resource, for what is not per document (the report globs' folders). */
  global(): Promise<Settings>;
}

export function createSettingsSource(ask: ((scopeUri: string | undefined) => Promise<unknown>) | null, logger: Logger): SettingsSource {
  const reported = new Set<string>();
  let pushed: unknown = undefined;
  const normalize = (raw: unknown): Settings => {
    const { settings, problems } = normalizeSettings(raw);
    for (const p of problems) {
      if (reported.has(p)) continue;
      reported.add(p);
      logger.warn(`设置有误：${p}`);
    }
    return settings;
  };
  const read = async (scopeUri: string | undefined): Promise<Settings> => {
    if (!ask) return normalize(pushed);
    try {
      return normalize((await ask(scopeUri)) ?? pushed);
    } catch (error) {
      logger.error(`读取设置失败：${String(error)}`);
      return normalize(pushed);
    }
  };
  return {
    settingsFor: (uri) => read(uri),
    global: () => read(undefined),
    setPushed: (raw) => {
      pushed = raw;
    },
    pull: ask !== null,
  };
}
