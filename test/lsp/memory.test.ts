// The server's memory over a long editing session: each analysis once kept the
// previous one alive, ≈109 KB per edit on an 11k-character report, until the
// server aborted. Measured from the process (RSS), after a warm-up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DocumentSymbolRequest } from 'vscode-languageserver-protocol/node';
import { CORPUS, ROOT, corpus } from '../helpers';
import { startServer } from './connection';

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

it('2,000 edits of a real report: RSS grows by less than 60 MB after the warm-up', async () => {
  const server = await startServer([join(ROOT, 'dist', 'server.js'), '--stdio']);
  const uri = 'untitled:memory.txt';
  const text = corpus(CORPUS.xinyang);
  const lines = text.split('\n').length;
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  let warm = 0;
  for (let version = 2; version <= 2001; version++) {
    // Type a character somewhere, then ask for the outline, so that every version is analysed.
    const line = (version * 7) % lines;
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: version % 2 ? '甲' : '1' }],
    });
    await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    if (version === 201) warm = rssMegabytes(server.process.pid!);
  }
  const end = rssMegabytes(server.process.pid!);
  await server.stop();
  expect(end - warm, `RSS ${warm.toFixed(0)} MB after 200 edits, ${end.toFixed(0)} MB after 2,000`).toBeLessThan(60);
}, 300_000);
