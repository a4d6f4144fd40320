// Position encodings (LSP 3.17): a Chinese line counted in UTF-8 bytes for Neovim and Helix, in UTF-16 units for VS Code.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, PositionCodec, utf16ToUtf8, utf8ToUtf16 } from '../../server/src/lsp/positionEncoding';

const LINE = '𠮷全年共XX件，a';

describe('position encodings', () => {
  it('uses UTF-8 when the client offers it, else UTF-16', () => {
    expect(chooseEncoding(['utf-8', 'utf-16', 'utf-32'])).toBe('utf-8');
    expect(chooseEncoding(['utf-16'])).toBe('utf-16');
    expect(chooseEncoding(undefined)).toBe('utf-16');
  });

  it('counts a Chinese line in bytes: 𠮷 four, each Han character three, ASCII one', () => {
    // 𠮷 is two UTF-16 units; XX starts at unit 5 (𠮷 2 + 全年共 3) and at byte 4 + 9 = 13.
    expect(utf16ToUtf8(LINE, 5)).toBe(13);
    expect(utf8ToUtf16(LINE, 13)).toBe(5);
    for (let units = 0; units <= LINE.length; units++) if (units !== 1) expect(utf8ToUtf16(LINE, utf16ToUtf8(LINE, units))).toBe(units);
    // A count inside a character stops before it.
    expect(utf8ToUtf16(LINE, 2)).toBe(0);
  });

  it('converts every position of a result, and leaves everything else as it is', () => {
    const doc = TextDocument.create('file:///a.txt', 'plaintext', 1, `标题\n${LINE}\n`);
    const codec = new PositionCodec('utf-8');
    const diagnostic = { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 7 } }, message: 'XX', code: 'placeholder', data: { line: 1 } };
    expect(codec.toClient(doc, [diagnostic])).toEqual([{ ...diagnostic, range: { start: { line: 1, character: 13 }, end: { line: 1, character: 15 } } }]);
    expect(codec.fromClient(doc, { line: 1, character: 15 })).toEqual({ line: 1, character: 7 });
    expect(new PositionCodec('utf-16').toClient(doc, diagnostic)).toBe(diagnostic);
  });

  it('applies a change whose range is in bytes, each edit against the text the one before left', () => {
    const doc = TextDocument.create('file:///a.txt', 'plaintext', 1, `${LINE}\n`);
    const codec = new PositionCodec('utf-8');
    const changed = codec.update(
      doc,
      [
        { range: { start: { line: 0, character: 13 }, end: { line: 0, character: 15 } }, text: '12' },
        { range: { start: { line: 0, character: 4 }, end: { line: 0, character: 7 } }, text: '今' },
      ],
      2,
    );
    expect(changed.getText()).toBe('𠮷今年共12件，a\n');
  });
});
