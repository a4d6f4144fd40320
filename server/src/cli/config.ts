// The CLI's settings: `--config FILE`, or the nearest project config found
// from each checked file's folder upwards (lilconfig), read as JSONC (a BOM
// and comments allowed, as VS Code's settings.json) and checked by the same
// normalizeSettings as the editor's settings.
import { basename, dirname, resolve } from 'node:path';
import { lilconfigSync, type LilconfigResult } from 'lilconfig';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { readBounded } from '../files';
import { normalizeSettings, type Settings } from '../settings';

/** A config that cannot be used: the message names the file and the reason (exit 2). */
export class ConfigError extends Error {}

/** Where a project config may be, nearest first in each folder (markdownlint-cli2 and ESLint look likewise). */
export const CONFIG_FILES = ['.fazhi-report.json', '.fazhi-reportrc', '.fazhi-reportrc.json', 'package.json'] as const;
/** The key in package.json. */
export const PACKAGE_KEY = 'fazhi-report';

/** A configuration file is small: anything larger is not one. */
const MAX_CONFIG_SIZE = 1024 * 1024;

/** JSONC text → value; a parse error names the file and the line. */
export function parseConfigText(file: string, text: string): unknown {
  const errors: ParseError[] = [];
  // The BOM some Windows editors write is not JSON: dropped, as settings.json drops it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const value = parseJsonc(body, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const e = errors[0];
    const line = body.slice(0, e.offset).split('\n').length;
    throw new ConfigError(`${file}: 配置文件不是有效的 JSON（第 ${line} 行：${printParseErrorCode(e.error)}）`);
  }
  return value;
}

/** Reads a config file as a report is read: a regular file only, bounded. */
export function readConfigFile(file: string): unknown {
  const read = readBounded(file, MAX_CONFIG_SIZE);
  if (read.kind === 'error') throw new ConfigError(`${file}: 无法读取配置文件（${read.reason}）`);
  if (read.kind === 'too-large') throw new ConfigError(`${file}: 配置文件过大（超过 ${MAX_CONFIG_SIZE} 字节）`);
  return parseConfigText(file, new TextDecoder('utf-8').decode(read.bytes));
}

function jsoncLoader(file: string, content: string): unknown {
  if (basename(file) === 'package.json') {
    // Somebody else's file: one we cannot parse holds no settings of ours (npm would complain of it, not us).
    try {
      return parseConfigText(file, content) ?? {};
    } catch {
      return {};
    }
  }
  return parseConfigText(file, content);
}

export interface ResolvedSettings {
  settings: Settings;
  /** The config file, or null for the defaults. */
  file: string | null;
}

/**
 * Settings for each checked file. With `--config`, that file for all; otherwise
 * the nearest config above the file (each folder searched once).
 */
export class ConfigResolver {
  private readonly explorer = lilconfigSync(PACKAGE_KEY, {
    searchPlaces: [...CONFIG_FILES],
    packageProp: PACKAGE_KEY,
    loaders: { '.json': jsoncLoader, noExt: jsoncLoader },
  });
  private readonly byFile = new Map<string | null, Settings>();
  private readonly fixed: ResolvedSettings | null;

  constructor(
    configPath: string | undefined,
    private readonly warn: (message: string) => void,
  ) {
    this.fixed = configPath === undefined ? null : { settings: this.normalize(configPath, readConfigFile(configPath)), file: configPath };
  }

  /** The settings for a file (or, for standard input, the name it was given). */
  forFile(path: string): ResolvedSettings {
    if (this.fixed) return this.fixed;
    let found: LilconfigResult;
    try {
      found = this.explorer.search(dirname(resolve(path)));
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      const code = (error as NodeJS.ErrnoException)?.code;
      const file = (error as { path?: string })?.path ?? dirname(resolve(path));
      throw new ConfigError(`${file}: 无法读取配置文件（${code ?? (error as Error).message}）`);
    }
    const file = found?.filepath ?? null;
    let settings = this.byFile.get(file);
    if (!settings) {
      settings = this.normalize(file, found?.config);
      this.byFile.set(file, settings);
    }
    return { settings, file };
  }

  private normalize(file: string | null, raw: unknown): Settings {
    const { settings, problems } = normalizeSettings(raw);
    for (const p of problems) this.warn(`${file}: ${p}`);
    return settings;
  }
}
