// Which files the reader layer takes, by extension: its own module, so that a caller can choose
// files without loading the readers.
import type { SourceKind } from './types';

const KIND_BY_EXTENSION: Record<string, SourceKind> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.docx': 'docx',
  '.doc': 'doc',
  '.wps': 'wps',
  '.pdf': 'pdf',
};

/** The extensions extractDocument reads. */
export const DOCUMENT_EXTENSIONS: readonly string[] = Object.keys(KIND_BY_EXTENSION);

/** The kind of a file by its extension (any case), or null when it is not one we read. */
export function kindForPath(path: string): SourceKind | null {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0 && !(dot === 0 && name.length > 1)) return null;
  return KIND_BY_EXTENSION[name.slice(dot).toLowerCase()] ?? null;
}
