// LibreOffice as a fallback converter (.doc and .wps → .docx): headless, in a private temporary
// folder with its own user profile (so it neither touches nor waits for the user's running
// LibreOffice), with a time limit, and the folder removed afterwards.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExtractError } from './types';

export const DEFAULT_SOFFICE_TIMEOUT_MS = 60_000;

const WELL_KNOWN = [
  '/usr/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

/** LibreOffice's soffice on PATH (or where installers put it), or null. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const path = join(dir, name);
      if (isExecutable(path)) return path;
    }
  }
  return WELL_KNOWN.find(isExecutable) ?? null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Converts `bytes` (a file with extension `ext`, e.g. "doc") to .docx with LibreOffice. */
export async function convertToDocx(soffice: string, bytes: Uint8Array, ext: string, timeoutMs = DEFAULT_SOFFICE_TIMEOUT_MS): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'fazhi-report-soffice-'));
  try {
    const input = join(dir, `input.${ext}`);
    const out = join(dir, 'out');
    await writeFile(input, bytes, { mode: 0o600 });
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--invisible',
      '--norestore',
      '--nolockcheck',
      '--nodefault',
      '--nologo',
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      out,
      input,
    ];
    const { code, stderr } = await run(soffice, args, timeoutMs);
    let docx: Uint8Array;
    try {
      docx = await readFile(join(out, 'input.docx'));
    } catch {
      if (code === null) throw new ExtractError(`LibreOffice 转换超时（超过 ${Math.round(timeoutMs / 1000)} 秒）`);
      const detail = stderr.trim().split('\n').pop()?.slice(0, 120);
      throw new ExtractError(`LibreOffice 未能转换此文件${detail ? `（${detail}）` : ''}`);
    }
    return docx;
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own process group, so that a time-out also ends soffice.bin, which the soffice script starts.
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new ExtractError(`无法启动 LibreOffice（${(error as NodeJS.ErrnoException).code ?? error.message}）`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: timedOut ? null : code, stderr });
    });
  });
}
