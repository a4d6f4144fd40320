// The settings the editor (`fazhiReport.*`) and the CLI (`--config FILE`)
// share. Values from outside are checked here; a bad value is reported and
// its default used, never thrown at the user.
import { DEFAULT_MAX_FILE_SIZE, isReportYear, MAX_REPORT_YEAR, MIN_REPORT_YEAR, RULE_SETTINGS, ruleIds, SECTION_KEYS, type AnalyzeOptions, type RuleSetting, type SectionKey, type SectionSetting } from './analysis/api';
import { compileGlobs, GlobError } from './glob';
export { isReportYear };

export interface Settings {
  files: string[];
  reportYear: number | null;
  rules: Record<string, RuleSetting>;
  sections: Partial<Record<SectionKey, SectionSetting>>;
  debounce: number;
  maxFileSize: number;
  /** Our document symbols for Markdown: `auto` defers to an editor's own Markdown outline unless it misses numbered lines. */
  markdownSymbols: 'auto' | 'always' | 'never';
  /** Reports open with word wrap on (the VS Code client reads it; the server only checks it). */
  wordWrap: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  files: [],
  reportYear: null,
  rules: {},
  sections: {},
  debounce: 300,
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  markdownSymbols: 'auto',
  wordWrap: true,
};

/** Synonyms are headings' words: a setting beyond these bounds is a mistake (or an attack), not a heading. */
const MAX_SYNONYMS = 100;
const MAX_SYNONYM_LENGTH = 100;

/** Accepts `{"fazhiReport.rules": …}`, `{"fazhiReport": {"rules": …}}` or `{"rules": …}`. */
export function normalizeSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {}, sections: {} };
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('设置应为 JSON 对象，已使用默认设置');
    return { settings, problems };
  }
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === 'fazhiReport' && value && typeof value === 'object' && !Array.isArray(value)) Object.assign(flat, value);
    else if (key.startsWith('fazhiReport.')) flat[key.slice('fazhiReport.'.length)] = value;
    else flat[key] = value;
  }
  const known = new Set(ruleIds());
  for (const [key, value] of Object.entries(flat)) {
    if (value === undefined || value === null) continue;
    switch (key) {
      case 'files':
        if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
          settings.files = (value as string[]).filter((glob) => {
            try {
              compileGlobs([glob]);
              return true;
            } catch (error) {
              if (!(error instanceof GlobError)) throw error;
              problems.push(`fazhiReport.files 中的 glob ${error.message}，已忽略`);
              return false;
            }
          });
        } else problems.push('fazhiReport.files 应为字符串数组（glob），已忽略');
        break;
      case 'reportYear':
        if (isReportYear(value)) settings.reportYear = value;
        else problems.push(`fazhiReport.reportYear 应为 ${MIN_REPORT_YEAR}–${MAX_REPORT_YEAR} 之间的年份，收到 ${JSON.stringify(value)}，已忽略`);
        break;
      case 'rules':
        if (typeof value !== 'object' || Array.isArray(value)) {
          problems.push('fazhiReport.rules 应为对象 {"规则": "error|warning|info|off"}，已忽略');
          break;
        }
        for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
          if (!known.has(id)) problems.push(`fazhiReport.rules 中的规则“${id}”不存在，已忽略（可用：${[...known].join(', ')}）`);
          else if (typeof level !== 'string' || !(RULE_SETTINGS as readonly string[]).includes(level)) problems.push(`fazhiReport.rules.${id} 应为 error、warning、info 或 off，收到 ${JSON.stringify(level)}，已忽略`);
          else settings.rules[id] = level as RuleSetting;
        }
        break;
      case 'sections':
        readSections(value, settings, problems);
        break;
      case 'debounce':
        if (typeof value === 'number' && value >= 0 && value <= 10000) settings.debounce = value;
        else problems.push(`fazhiReport.debounce 应为 0–10000 之间的毫秒数，收到 ${JSON.stringify(value)}，已忽略`);
        break;
      case 'maxFileSize':
        if (typeof value === 'number' && value > 0) settings.maxFileSize = value;
        else problems.push(`fazhiReport.maxFileSize 应为正数（字节），收到 ${JSON.stringify(value)}，已忽略`);
        break;
      case 'markdownSymbols':
        if (value === 'auto' || value === 'always' || value === 'never') settings.markdownSymbols = value;
        else problems.push(`fazhiReport.markdownSymbols 应为 auto、always 或 never，收到 ${JSON.stringify(value)}，已忽略`);
        break;
      case 'wordWrap':
        if (typeof value === 'boolean') settings.wordWrap = value;
        else problems.push(`fazhiReport.wordWrap 应为 true 或 false，收到 ${JSON.stringify(value)}，已忽略`);
        break;
      default:
        problems.push(`未知设置项“${key}”，已忽略`);
    }
  }
  return { settings, problems };
}

function readSections(value: unknown, settings: Settings, problems: string[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push('fazhiReport.sections 应为对象，已忽略');
    return;
  }
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (!(SECTION_KEYS as readonly string[]).includes(key)) {
      problems.push(`fazhiReport.sections 中的部分“${key}”不存在，已忽略（可用：${SECTION_KEYS.join(', ')}）`);
      continue;
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`fazhiReport.sections.${key} 应为对象 {"synonyms": [...], "required": true|false}，已忽略`);
      continue;
    }
    const { synonyms, required } = entry as Record<string, unknown>;
    const out: SectionSetting = {};
    if (synonyms !== undefined) {
      if (Array.isArray(synonyms) && synonyms.length <= MAX_SYNONYMS && synonyms.every((s) => typeof s === 'string' && s.trim() !== '' && s.length <= MAX_SYNONYM_LENGTH)) out.synonyms = synonyms as string[];
      else problems.push(`fazhiReport.sections.${key}.synonyms 应为非空字符串数组（至多 ${MAX_SYNONYMS} 个，每个至多 ${MAX_SYNONYM_LENGTH} 字），已忽略`);
    }
    if (required !== undefined) {
      if (typeof required === 'boolean') out.required = required;
      else problems.push(`fazhiReport.sections.${key}.required 应为 true 或 false，已忽略`);
    }
    settings.sections[key as SectionKey] = out;
  }
}

export function analyzeOptionsFrom(settings: Settings, format: 'markdown' | 'plain'): AnalyzeOptions {
  return {
    format,
    reportYear: settings.reportYear,
    rules: settings.rules,
    sections: settings.sections,
    maxFileSize: settings.maxFileSize,
  };
}

/** `.txt` is plain text; everything else the tools open is Markdown. */
export function formatForPath(path: string): 'markdown' | 'plain' {
  return /\.txt$/i.test(path) ? 'plain' : 'markdown';
}
