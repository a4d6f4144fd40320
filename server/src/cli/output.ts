// Standard output for the CLI: written in chunks as the results come, so a
// result of any size never has to fit in one string, and a reader that stops
// early (`| head -1`) ends the output quietly instead of with an EPIPE trace.

const CHUNK = 64 * 1024;

export class Output {
  private buffer: string[] = [];
  private size = 0;
  private closed = false;

  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // The reader went away: nothing more to say, and no reason to fail.
      if (error.code === 'EPIPE') this.closed = true;
      else throw error;
    });
  }

  write(text: string): void {
    if (this.closed) return;
    this.buffer.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }

  /** Writes every chunk of a generator. */
  writeAll(chunks: Iterable<string>): void {
    for (const chunk of chunks) {
      if (this.closed) return;
      this.write(chunk);
    }
  }

  flush(): void {
    if (this.size === 0 || this.closed) return;
    this.stream.write(this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }
}

/** `value` as indented JSON, every line after the first indented by `indent`. */
export function indentedJson(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n' + indent);
}

/** A JSON array whose elements are written one at a time. */
export function* jsonArray<T>(items: Iterable<T>, element: (item: T, indent: string) => Iterable<string>, indent = ''): Generator<string> {
  let first = true;
  yield '[';
  for (const item of items) {
    yield first ? `\n${indent}  ` : `,\n${indent}  `;
    first = false;
    yield* element(item, indent + '  ');
  }
  yield first ? ']' : `\n${indent}]`;
}

/** A JSON object whose properties are written one at a time; a property given as a generator is streamed. */
export function* jsonObject(entries: Iterable<[string, unknown | (() => Iterable<string>)]>, indent: string): Generator<string> {
  let first = true;
  yield '{';
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    yield `${first ? '' : ','}\n${indent}  ${JSON.stringify(key)}: `;
    first = false;
    if (typeof value === 'function') yield* (value as () => Iterable<string>)();
    else yield indentedJson(value, indent + '  ');
  }
  yield first ? '}' : `\n${indent}}`;
}
