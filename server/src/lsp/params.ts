// Checking what a client sends before a handler reads it: a malformed request
// gets an error with our own message, never a JavaScript one.
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';

export class InvalidParams extends ResponseError<void> {
  constructor(message: string) {
    super(ErrorCodes.InvalidParams, `参数无效：${message}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** `params.textDocument.uri`, a string. */
export function documentUri(params: unknown): string {
  const uri = isObject(params) && isObject(params.textDocument) ? params.textDocument.uri : undefined;
  if (typeof uri !== 'string') throw new InvalidParams('缺少 textDocument.uri');
  return uri;
}

export function position(value: unknown, name = 'position'): { line: number; character: number } {
  if (!isObject(value) || !isCount(value.line) || !isCount(value.character)) throw new InvalidParams(`${name} 应为 {line, character}（非负整数）`);
  return { line: value.line, character: value.character };
}

export function range(value: unknown, name = 'range'): { start: { line: number; character: number }; end: { line: number; character: number } } {
  if (!isObject(value)) throw new InvalidParams(`${name} 应为 {start, end}`);
  return { start: position(value.start, `${name}.start`), end: position(value.end, `${name}.end`) };
}

/** The first argument of a command, an object (a bare string is taken as its uri). */
export function commandArgument(params: unknown): Record<string, unknown> {
  const args = isObject(params) ? params.arguments : undefined;
  if (args !== undefined && !Array.isArray(args)) throw new InvalidParams('arguments 应为数组');
  const first = args?.[0];
  if (first === undefined || first === null) return {};
  if (typeof first === 'string') return { uri: first };
  if (!isObject(first)) throw new InvalidParams('命令参数应为对象');
  return first;
}

export function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InvalidParams(`${name} 应为字符串`);
  return value;
}

export function optionalCount(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isCount(value)) throw new InvalidParams(`${name} 应为非负整数`);
  return value;
}
