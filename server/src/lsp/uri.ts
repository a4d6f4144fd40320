import { fileURLToPath } from 'node:url';

export const URI_FILE_PREFIX = 'file://';

export function uriToPath(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    return decodeURIComponent(uri.slice(URI_FILE_PREFIX.length));
  }
}

export function formatForDocument(uri: string, languageId: string): 'markdown' | 'plain' {
  if (languageId === 'plaintext') return 'plain';
  if (languageId === 'markdown') return 'markdown';
  return /\.txt$/i.test(uri) ? 'plain' : 'markdown';
}
