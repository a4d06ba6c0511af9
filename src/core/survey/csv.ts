/**
 * A small RFC 4180 reader for form tools' exports: fields separated by commas, records by CRLF
 * (LF and CR alone are taken too), fields in double quotes may hold commas, quotes written twice
 * and line breaks. It is strict where a lenient reader would guess: a stray quote is an error with
 * its line and column, not a field silently cut in two. Linear in the input; no recursion.
 */

export interface CsvField {
  text: string;
  line: number;
  column: number;
}

export interface CsvRecord {
  fields: CsvField[];
  /** The line the record starts on. */
  line: number;
}

export interface CsvProblem {
  line: number;
  column: number;
  message: string;
}

export type CsvResult = { records: CsvRecord[] } | { problem: CsvProblem };

export function parseCsv(text: string): CsvResult {
  const special = /["\r\n]/g;
  const records: CsvRecord[] = [];
  let fields: CsvField[] = [];
  let recordLine = 1;
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const n = text.length;
  /** Past a line break at i (CRLF, LF or CR): where the next line starts. */
  const breakAt = (at: number): number => (text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1);
  const endRecord = () => {
    // A blank line is no record (RFC 4180 would read it as one empty field).
    if (!(fields.length === 1 && fields[0]?.text === '')) records.push({ fields, line: recordLine });
    fields = [];
  };
  while (i <= n) {
    const column = i - lineStart + 1;
    const fieldLine = line;
    if (fields.length === 0) recordLine = line;
    let value = '';
    if (text[i] === '"') {
      const openLine = line;
      const openColumn = column;
      i++;
      for (;;) {
        if (i >= n)
          return {
            problem: {
              line: openLine,
              column: openColumn,
              message: 'A quoted field opens here and never closes; add the closing double quote (a quote inside a field is written twice: "").',
            },
          };
        const c = text[i] as string;
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\r' || c === '\n') {
          const next = breakAt(i);
          value += '\n';
          i = next;
          line++;
          lineStart = i;
          continue;
        }
        // Plain text up to the next quote or line break, in one slice.
        special.lastIndex = i;
        const stop = special.exec(text)?.index ?? n;
        value += text.slice(i, stop);
        i = stop;
      }
      if (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n')
        return {
          problem: {
            line,
            column: i - lineStart + 1,
            message: 'Text follows the closing quote of a quoted field; a quote inside a field is written twice (""), and the field ends at a comma.',
          },
        };
    } else {
      const start = i;
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"')
          return {
            problem: {
              line,
              column: i - lineStart + 1,
              message: 'A double quote inside a field that is not quoted; put the whole field in double quotes and write the quote twice ("").',
            },
          };
        i++;
      }
      value = text.slice(start, i);
    }
    fields.push({ text: value, line: fieldLine, column });
    if (i >= n) {
      endRecord();
      break;
    }
    if (text[i] === ',') {
      i++;
      continue;
    }
    // A line break ends the record; one at the very end of the file ends the last one.
    i = breakAt(i);
    line++;
    lineStart = i;
    endRecord();
    if (i >= n) break;
  }
  return { records };
}

/**
 * Strict UTF-8: the text, or where the first byte that is not UTF-8 sits (line and column of the
 * text before it). TextDecoder's fatal mode says only that the bytes are wrong, not where.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { line: number; column: number } {
  const bad = firstInvalidUtf8(bytes);
  if (bad === undefined) {
    const text = new TextDecoder('utf-8').decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  const line = (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  return { line, column: before.length - lastBreak };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(b: Uint8Array): number | undefined {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let j = 1; j <= need; j++) {
      const d = b[i + j];
      if (d === undefined || d < (j === 1 ? lo : 0x80) || d > (j === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return undefined;
}
