// Bytes to text: strict UTF-8, no control characters. A report in another encoding (Windows-1252's
// 0xE9 for "é") or with binary junk is refused with the place it goes wrong, never guessed at.
import { ReportFormatError } from './contract.ts';

const ASK = 'Ask the clearinghouse to send it as UTF-8 (or plain ASCII) text.';

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let code = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF are not UTF-8.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line += 1;
  return line;
}

const CONTROL_NAMES: Record<number, string> = {
  0: 'NUL',
  0x1a: 'SUB (end-of-file marker)',
  0x1b: 'ESC',
  0x0c: 'form feed',
  0x0b: 'vertical tab',
  0x08: 'backspace',
};

function controlMessage(code: number, offset: number, line: number, unit: string): string {
  const hex = `0x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  const name = CONTROL_NAMES[code] ? `${CONTROL_NAMES[code]}, ${hex}` : hex;
  return (
    `The file contains a control character (${name}) at ${unit} ${offset} (line ${line}); ` +
    'a report is plain text, so the file is damaged or is not a report. Ask the clearinghouse to send it again.'
  );
}

/** A C0 control character other than tab, CR and LF. */
const isForbiddenControl = (code: number) => code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;

/**
 * Strict UTF-8 (a byte-order mark is removed); throws ReportFormatError naming the first byte that is not
 * UTF-8, or the first control character (other than tab, CR, LF), with its offset and line.
 */
export function decodeReportBytes(bytes: Uint8Array): string {
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) {
    // A byte that is not UTF-8 is 0x80 or above: always two hex digits.
    const hex = `0x${bytes[invalid]!.toString(16).toUpperCase()}`;
    throw new ReportFormatError(`The file is not UTF-8 text: byte ${hex} at offset ${invalid} (line ${lineOfByte(bytes, invalid)}) is not valid UTF-8. ${ASK}`);
  }
  const control = bytes.findIndex(isForbiddenControl);
  if (control >= 0) throw new ReportFormatError(controlMessage(bytes[control]!, control, lineOfByte(bytes, control), 'byte offset'));
  // Cannot throw now; `fatal` stays as a second guard. TextDecoder removes a leading BOM.
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, firstInvalidUtf8 has refused every byte `fatal` would
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The same control-character check on text already decoded (offsets in characters). */
export function assertNoControlCharacters(text: string): void {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const found = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.exec(text);
  if (found === null) return;
  const line = text.slice(0, found.index).split('\n').length;
  throw new ReportFormatError(controlMessage(text.charCodeAt(found.index), found.index, line, 'character offset'));
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Lines of a text file, whatever its line ends (CRLF, LF or CR). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
