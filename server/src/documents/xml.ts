// A small layer over saxes (a strict, streaming, well-kept XML parser: no recursion, no DTD,
// no entity expansion): element names with their namespace resolved to a short key (`w:p`
// whatever prefix the file uses), subtrees skipped on request, mc:AlternateContent read once
// (its first mc:Choice, else its mc:Fallback), and a nesting limit.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ExtractError } from './types';

const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://purl.oclc.org/ooxml/officeDocument/math': 'm',
};

export const MAX_XML_DEPTH = 256;

export interface XmlElement {
  /** `w:p`, `mc:Choice`, `rel:Relationship`; `?:local` for a namespace we do not know. */
  name: string;
  /** An attribute by its short name (`w:val`, or `Target` for one without a namespace). */
  attr(name: string): string | undefined;
  /** Offset in the XML just past the start tag's `>` (its `<` is the last one before). */
  readonly end: number;
  /** The prefix the file writes it with ('' for a default namespace), and its namespace. */
  readonly prefix: string;
  readonly uri: string;
}

export interface XmlHandler {
  /** Return true to skip the element's content (its close is still reported). */
  open(element: XmlElement, depth: number): boolean | void;
  /** `end`: offset just past the end tag's `>` (for `<x/>`, the same as its open's). */
  close(name: string, depth: number, end: number): void;
  text?(text: string): void;
  /** Called for elements inside a skipped subtree (for counting); their content is not reported. */
  openSkipped?(name: string): void;
}

class Element implements XmlElement {
  constructor(
    readonly name: string,
    private readonly tag: SaxesTagNS,
    readonly end: number,
  ) {}

  get prefix(): string {
    return this.tag.prefix;
  }

  get uri(): string {
    return this.tag.uri;
  }

  attr(name: string): string | undefined {
    const colon = name.indexOf(':');
    if (colon < 0) return this.tag.attributes[name]?.value;
    const key = name.slice(0, colon);
    const local = name.slice(colon + 1);
    for (const a of Object.values(this.tag.attributes)) {
      if (a.local === local && NAMESPACES[a.uri] === key) return a.value;
    }
    return undefined;
  }
}

function shortName(tag: SaxesTagNS): string {
  return `${NAMESPACES[tag.uri] ?? '?'}:${tag.local}`;
}

/**
 * Walks `xml`, reporting to `handler`. Throws an ExtractError naming `part` when the XML is not
 * well-formed or nests deeper than MAX_XML_DEPTH.
 */
export function walkXml(xml: string, part: string, handler: XmlHandler): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  /** Depth at which skipping started, or -1. */
  let skipFrom = -1;
  /** For each open mc:AlternateContent: whether one of its branches was taken. */
  const alternates: boolean[] = [];
  parser.on('opentag', (tag) => {
    depth++;
    if (depth > MAX_XML_DEPTH) throw new ExtractError(`文件结构异常（${part} 的 XML 嵌套超过 ${MAX_XML_DEPTH} 层），不像是 Word 正常保存的文件`);
    const name = shortName(tag);
    if (skipFrom >= 0) {
      handler.openSkipped?.(name);
      return;
    }
    if (name === 'mc:AlternateContent') alternates.push(false);
    else if (name === 'mc:Choice' || name === 'mc:Fallback') {
      if (alternates.length && alternates[alternates.length - 1]) {
        skipFrom = depth;
        return;
      }
      if (alternates.length) alternates[alternates.length - 1] = true;
    }
    if (handler.open(new Element(name, tag, parser.position), depth)) skipFrom = depth;
  });
  parser.on('closetag', (tag) => {
    if (skipFrom >= 0 && depth > skipFrom) {
      depth--;
      return;
    }
    const name = shortName(tag);
    const skippedHere = skipFrom === depth;
    skipFrom = -1;
    if (name === 'mc:AlternateContent') alternates.pop();
    // An mc:Choice or mc:Fallback not taken was never reported open.
    if (!(skippedHere && (name === 'mc:Choice' || name === 'mc:Fallback'))) handler.close(name, depth, parser.position);
    depth--;
  });
  const onText = (text: string) => {
    if (skipFrom < 0 && handler.text) handler.text(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('error', (error) => {
    throw new ExtractError(`文件已损坏（${part} 不是格式正确的 XML：${error.message.replace(/^.*?:\d+:\d+: /, '')}），请在 Word/WPS 中重新保存后再检查`);
  });
  parser.on('doctype', () => {
    throw new ExtractError(`文件结构异常（${part} 含有 DOCTYPE 声明），不像是 Word 正常保存的文件`);
  });
  parser.write(xml).close();
}
