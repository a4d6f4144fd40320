// The VS Code side of the Word commands, as far as it can be checked outside VS Code: the commands
// client/src/word.ts registers are the ones package.json contributes (with titles in both
// languages and their menus), and the extension's bundle holds none of the server's code but the
// protocol: the server reads and writes the Word files.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../helpers';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls = (name: string) => JSON.parse(readFileSync(join(ROOT, name), 'utf8'));
const source = readFileSync(join(ROOT, 'client', 'src', 'word.ts'), 'utf8');

describe('client/src/word.ts', () => {
  const registered = [...source.matchAll(/registerCommand\('([\w.]+)'/g)].map((m) => m[1]);

  it('registers 批注 Word 文档 and 导出为公文格式 Word, contributed with Chinese and English titles', () => {
    expect(registered).toEqual(['fazhiReport.annotateWord', 'fazhiReport.exportWord']);
    const contributed = pkg.contributes.commands.filter((c: { command: string }) => registered.includes(c.command));
    expect(contributed.map((c: { title: string }) => [nls('package.nls.zh-cn.json')[c.title.slice(1, -1)], nls('package.nls.json')[c.title.slice(1, -1)]])).toEqual([
      ['批注 Word 文档 (Annotate Word document with findings)', 'Annotate Word document with findings (批注 Word 文档)'],
      ['导出为公文格式 Word (Export as official-format Word document, GB/T 9704)', 'Export as official-format Word document, GB/T 9704 (导出为公文格式 Word)'],
    ]);
    expect(pkg.contributes.menus['explorer/context']).toContainEqual({ command: 'fazhiReport.annotateWord', when: 'resourceExtname == .docx', group: 'fazhiReport@1' });
    expect(pkg.contributes.menus.commandPalette.map((m: { command: string }) => m.command)).toEqual(expect.arrayContaining(registered));
  });

  it('bundles for the extension host (vscode external) with nothing of the server but its protocol', async () => {
    const result = await build({
      entryPoints: [join(ROOT, 'client', 'src', 'extension.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      mainFields: ['module', 'main'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((i) => i.startsWith('server/')).sort()).toEqual(['server/src/lsp/documents-protocol.ts', 'server/src/lsp/protocol.ts']);
    expect(inputs.filter((i) => /node_modules\/(docx|exceljs|unpdf|pdfjs-dist|word-extractor|unified|remark-parse)\//.test(i))).toEqual([]);
  });
});
