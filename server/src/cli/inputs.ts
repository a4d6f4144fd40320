// What `check` reads: files, folders (walked), globs (tinyglobby) and `-`
// (standard input). Walking a folder or expanding a glob leaves out what
// .gitignore or .fazhi-reportignore ignore (the `ignore` package, git's
// rules); a folder walked also keeps only the files its `fazhiReport.files`
// names, when it names any. A file named on the command line is always read,
// as markdownlint-cli2 does: naming it is asking for it.
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ignore, { type Ignore } from 'ignore';
import { globSync } from 'tinyglobby';
import { collectFiles, readBounded, type Target } from '../files';
import { ReportDecider } from '../lsp/reports';
import type { ConfigResolver } from './config';

export const IGNORE_FILES = ['.gitignore', '.fazhi-reportignore'] as const;

/** The ignore files of a folder and of its parents, up to the git root (the folder holding .git) or the current folder. */
export class IgnoreRules {
  private readonly rules = new Map<string, Ignore | null>();
  private readonly tops = new Map<string, string>();

  constructor(private readonly cwd: string = process.cwd()) {}

  /**
   * Whether a path met in a walk or a glob is ignored (a folder's rules apply below it, the nearest
   * last). `from`: a folder named on the command line that is ignored itself: asked for, it is
   * walked, and only its own ignore files and those below it count.
   */
  ignored(path: string, isDirectory: boolean, from?: string): boolean {
    const absolute = resolve(path);
    const parent = dirname(absolute);
    const top = from ?? this.top(parent);
    const dirs: string[] = [];
    for (let d = parent; ; d = dirname(d)) {
      dirs.unshift(d);
      if (d === top || dirname(d) === d) break;
    }
    let ignored = false;
    for (const dir of dirs) {
      const rules = this.rulesOf(dir);
      if (!rules) continue;
      const rel = relative(dir, absolute).split(sep).join('/') + (isDirectory ? '/' : '');
      const verdict = rules.test(rel);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  /** The highest folder whose ignore files count for `dir`. */
  private top(dir: string): string {
    let top = this.tops.get(dir);
    if (top !== undefined) return top;
    if (existsSync(join(dir, '.git')) || dir === this.cwd || dirname(dir) === dir) top = dir;
    else top = this.top(dirname(dir));
    this.tops.set(dir, top);
    return top;
  }

  private rulesOf(dir: string): Ignore | null {
    if (this.rules.has(dir)) return this.rules.get(dir)!;
    let rules: Ignore | null = null;
    for (const name of IGNORE_FILES) {
      const read = readBounded(join(dir, name), 1024 * 1024);
      if (read.kind !== 'bytes') continue;
      rules ??= ignore();
      rules.add(new TextDecoder('utf-8').decode(read.bytes));
    }
    this.rules.set(dir, rules);
    return rules;
  }
}

/** `*`, `?`, `[…]` or `{…}`: a glob, unless a file of that very name exists. */
function isGlob(arg: string): boolean {
  return /[*?[\]{}]/.test(arg) && !existsSync(arg);
}

/** `fazhiReport.files` of the config that applies to a file, with globs relative to that config's folder or the current one. */
export class FilesFilter {
  private readonly deciders = new Map<string | null, ReportDecider>();

  constructor(
    private readonly configs: ConfigResolver,
    private readonly cwd: string = process.cwd(),
  ) {}

  /** Whether a file met in a walk is a report by its config's `files` (every file is, when `files` is empty). */
  accepts(file: string): boolean {
    const { settings, file: config } = this.configs.forFile(file);
    if (settings.files.length === 0) return true;
    let decider = this.deciders.get(config);
    if (!decider) {
      decider = new ReportDecider();
      const folders = [this.cwd, ...(config ? [dirname(resolve(config))] : [])];
      decider.setWorkspaceFolders(folders.map((f) => pathToFileURL(f).href));
      this.deciders.set(config, decider);
    }
    return decider.matchesGlobs(pathToFileURL(resolve(file)).href, settings.files);
  }
}

export type Input = Target | { stdin: true };

/**
 * Arguments → the files to read, in the order given: a folder walked, a glob expanded (sorted), `-` as
 * standard input. A glob matching nothing is an error of that argument, as a missing file is.
 */
export function collectInputs(args: string[], extensions: ReadonlySet<string>, skipped: string[], ignores: IgnoreRules, files: FilesFilter): Input[] {
  const inputs: Input[] = [];
  // Named folders that are ignored themselves: walked all the same, by their own rules.
  const namedIgnored = args.filter((a) => a !== '-' && !isGlob(a) && statSync(a, { throwIfNoEntry: false })?.isDirectory() && ignores.ignored(a, true)).map((a) => resolve(a));
  const walkFilter = (path: string, isDirectory: boolean) => {
    const absolute = resolve(path);
    const from = namedIgnored.filter((root) => absolute.startsWith(root + sep)).sort((a, b) => b.length - a.length)[0];
    return !ignores.ignored(path, isDirectory, from) && (isDirectory || !extensions.has(extname(path).toLowerCase()) || files.accepts(path));
  };
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) inputs.push(...collectFiles(pending, extensions, skipped, walkFilter));
    pending = [];
  };
  for (const arg of args) {
    if (arg === '-') {
      flush();
      inputs.push({ stdin: true });
      continue;
    }
    if (!isGlob(arg)) {
      pending.push(arg);
      continue;
    }
    const all = globSync([arg], { onlyFiles: true, absolute: isAbsolute(arg), expandDirectories: false, followSymbolicLinks: true })
      .map((p) => (isAbsolute(arg) ? p : p.split('/').join(sep)))
      .sort();
    const matched = all.filter((p) => !ignores.ignored(p, false));
    if (matched.length === 0) {
      flush();
      inputs.push({ file: arg, error: all.length ? `匹配的 ${all.length} 个文件都被 .gitignore 或 .fazhi-reportignore 忽略` : '没有与之匹配的文件' });
      continue;
    }
    for (const file of matched) {
      if (extensions.has(extname(file).toLowerCase())) pending.push(file);
      else if (statSync(file, { throwIfNoEntry: false })?.isFile()) skipped.push(file);
    }
  }
  flush();
  return inputs;
}

/** Standard input, whole, at most `maxSize` bytes (one more tells it is too large). */
export async function readStdin(maxSize: number): Promise<{ kind: 'bytes'; bytes: Buffer } | { kind: 'too-large'; size: number }> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buffer);
    total += buffer.length;
    if (total > maxSize) {
      process.stdin.destroy();
      return { kind: 'too-large', size: total };
    }
  }
  return { kind: 'bytes', bytes: Buffer.concat(chunks, total) };
}
