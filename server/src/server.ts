// Language server entry (dist/server.js): wiring only.
import { runLanguageServer } from './lsp/run';

runLanguageServer();
