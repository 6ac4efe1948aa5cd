// An incremental CSV reader (RFC 4180, forgiving): text is pushed in chunks as it is decoded and
// complete records come out, so a 100 MB file never becomes one string or one array.

const QUOTE = 34;
const CR = 13;
const LF = 10;

export class CsvReader {
  private buffer = '';
  private pos = 0;
  private field = '';
  private record: string[] = [];
  private quoted = false;
  /** True right after a closing quote (a doubled quote then means a literal one). */
  private afterQuote = false;
  private readonly delim: number;

  constructor(delimiter: string) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Feeds more text; returns the records completed by it. */
  push(text: string): string[][] {
    this.buffer = this.buffer.slice(this.pos) + text;
    this.pos = 0;
    return this.drain(false);
  }

  /** No more text: returns the last record, if any. */
  end(): string[][] {
    const out = this.drain(true);
    if (this.field !== '' || this.record.length > 0 || this.quoted) {
      this.record.push(this.field);
      out.push(this.record);
    }
    this.field = '';
    this.record = [];
    this.quoted = false;
    return out;
  }

  private drain(final: boolean): string[][] {
    const out: string[][] = [];
    const s = this.buffer;
    const n = s.length;
    let i = this.pos;
    while (i < n) {
      if (this.quoted) {
        const q = s.indexOf('"', i);
        if (q < 0) {
          this.field += s.slice(i);
          i = n;
          break;
        }
        if (q + 1 >= n && !final) {
          // Cannot tell a closing quote from a doubled one yet: wait for more text.
          this.field += s.slice(i, q);
          i = q;
          break;
        }
        this.field += s.slice(i, q);
        if (s.charCodeAt(q + 1) === QUOTE) {
          this.field += '"';
          i = q + 2;
        } else {
          this.quoted = false;
          this.afterQuote = true;
          i = q + 1;
        }
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === this.delim) {
        this.record.push(this.field);
        this.field = '';
        this.afterQuote = false;
        i++;
      } else if (c === LF || c === CR) {
        if (c === CR && i + 1 >= n && !final) break; // maybe CRLF split across chunks
        this.record.push(this.field);
        out.push(this.record);
        this.record = [];
        this.field = '';
        this.afterQuote = false;
        i += c === CR && s.charCodeAt(i + 1) === LF ? 2 : 1;
      } else if (c === QUOTE && this.field === '' && !this.afterQuote) {
        this.quoted = true;
        i++;
      } else {
        // Plain text up to the next delimiter, quote or line end.
        let j = i + 1;
        while (j < n) {
          const d = s.charCodeAt(j);
          if (d === this.delim || d === LF || d === CR || d === QUOTE) break;
          j++;
        }
        this.field += s.slice(i, j); // a stray quote inside a field is kept as it is
        i = j;
      }
    }
    this.pos = i;
    return out;
  }
}

/** Reads a whole string (tests, previews). */
export function parseCsv(text: string, delimiter: string): string[][] {
  const r = new CsvReader(delimiter);
  return [...r.push(text), ...r.end()];
}
