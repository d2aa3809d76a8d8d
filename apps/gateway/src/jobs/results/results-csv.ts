import { Transform, TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { stringify } from 'csv-stringify';
import type { ItemView } from '@cohort/contracts';
import { cellText } from '@cohort/common';

/** The columns of `results.csv`, in order; the first line of the file names them. */
export const RESULT_COLUMNS = ['userId', 'status', 'code', 'message', 'step', 'attempts', 'before', 'data'] as const;

/** Longest NDJSON line accepted (one person's outcome); longer means a broken stream. */
const MAX_LINE = 1 << 20;

/** Bytes of NDJSON in, one parsed object per line out; blank lines are skipped. */
export class NdjsonParser extends Transform {
  private readonly decoder = new StringDecoder('utf8');
  private buffered = '';

  constructor() {
    super({ readableObjectMode: true });
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.buffered += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    const lines = this.buffered.split('\n');
    this.buffered = lines.pop() ?? '';
    if (this.buffered.length > MAX_LINE) return callback(new Error('NDJSON line too long'));
    callback(this.pushLines(lines));
  }

  override _flush(callback: TransformCallback): void {
    callback(this.pushLines([this.buffered + this.decoder.end()]));
  }

  private pushLines(lines: string[]): Error | null {
    for (const line of lines) {
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        return new Error('invalid NDJSON line');
      }
      if (typeof value !== 'object' || value === null) return new Error('NDJSON line is not an object');
      this.push(value);
    }
    return null;
  }
}

/** One ItemView → one CSV record, every cell neutralised against formula injection. */
export function resultRecord(item: Partial<ItemView>): string[] {
  return RESULT_COLUMNS.map((column) => cellText(item[column]));
}

/** ItemView objects in, CSV text out (header line first). */
export function resultsCsvStages(): Transform[] {
  const toRecord = new Transform({
    objectMode: true,
    transform: (item: Partial<ItemView>, _encoding, callback) => callback(null, resultRecord(item)),
  });
  return [new NdjsonParser(), toRecord, stringify({ header: true, columns: [...RESULT_COLUMNS] })];
}

/** `job-<id>-results.csv`, with anything unsafe in a header value replaced. */
export function resultsFileName(jobId: string): string {
  return `job-${jobId.replace(/[^A-Za-z0-9._-]/g, '_')}-results.csv`;
}
