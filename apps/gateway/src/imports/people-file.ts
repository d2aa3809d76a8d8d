import { HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { IMPORT_MAX_BYTES, ImportPurpose } from '@cohort/contracts';
import { ApiError, GATEWAY_ERRORS, invalidField } from '../gateway.errors';
import type { ImportFormat } from '../upstream/identity.client';
import type { RawBody } from '../upstream/upstream.client';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const IMPORT_FORMATS = ['csv', 'xlsx'] as const satisfies readonly ImportFormat[];

/**
 * `POST /v1/imports?format=csv|xlsx&purpose=invite|select`: the format, when the media type or file name
 * does not say it, and what the file is for (people to invite, the default; existing people to select).
 */
export const ImportQuery = z.strictObject({ format: z.enum(IMPORT_FORMATS).optional(), purpose: ImportPurpose.default('invite') });
export type ImportQueryInput = z.output<typeof ImportQuery>;

/** Media types of a raw upload and the format each means (octet-stream: say `?format=`). */
const FORMAT_OF_TYPE: Readonly<Record<string, ImportFormat | undefined>> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  [XLSX_TYPE]: 'xlsx',
  'application/octet-stream': undefined,
};
const CONTENT_TYPE_OF: Readonly<Record<ImportFormat, string>> = { csv: 'text/csv', xlsx: XLSX_TYPE };

/** A people file ready for identity. */
export interface PeopleFile {
  format: ImportFormat;
  bytes: RawBody;
}

/** The `file` part of a multipart upload as multer (memory storage) hands it over. */
export interface UploadedPart {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
  size: number;
}

/** 413 for a file over IMPORT_MAX_BYTES, with identity's code for the same refusal. */
export function importTooLarge(): ApiError {
  const mib = IMPORT_MAX_BYTES / (1024 * 1024);
  return new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, GATEWAY_ERRORS.importTooLarge, `file: larger than ${mib} MiB`, {
    field: 'file',
    maxBytes: IMPORT_MAX_BYTES,
  });
}

/** The file of a multipart upload: format from `?format=`, else the file name's extension, else the part's media type. */
export function fileOfPart(part: UploadedPart, format: ImportFormat | undefined): PeopleFile {
  const extension = /\.(csv|xlsx)$/i.exec(part.originalname)?.[1].toLowerCase() as ImportFormat | undefined;
  return peopleFile(part.buffer, format ?? extension ?? FORMAT_OF_TYPE[mediaType(part.mimetype)]);
}

/**
 * The file sent as the raw request body (text/csv, the XLSX type, or application/octet-stream with
 * `?format=`), read up to IMPORT_MAX_BYTES: a larger one is refused once its Content-Length is known or
 * the limit is passed, and the rest of it is drained unread so the client still gets the 413.
 */
export async function fileOfBody(req: Request, format: ImportFormat | undefined): Promise<PeopleFile> {
  const type = mediaType(req.headers['content-type']);
  if (type.startsWith('multipart/')) throw invalidField('file', 'send the people file in the form field named file');
  if (!Object.hasOwn(FORMAT_OF_TYPE, type)) {
    throw invalidField('Content-Type', `send the file as text/csv, ${XLSX_TYPE}, application/octet-stream (with ?format=) or multipart/form-data`);
  }
  if (Number(req.headers['content-length'] ?? 0) > IMPORT_MAX_BYTES) {
    req.resume();
    throw importTooLarge();
  }
  return peopleFile(await readLimited(req, IMPORT_MAX_BYTES), format ?? FORMAT_OF_TYPE[type]);
}

function peopleFile(data: Buffer, format: ImportFormat | undefined): PeopleFile {
  if (!format) throw invalidField('format', `say which format the file is: ?format=${IMPORT_FORMATS.join(' or ?format=')}`);
  if (data.length === 0) throw invalidField('file', 'the file is empty');
  return { format, bytes: { data, contentType: CONTENT_TYPE_OF[format] } };
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/** The whole stream, or importTooLarge() the moment it passes `limit` bytes (the rest flows on unread). */
function readLimited(body: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void parts.push(chunk);
      body.off('data', onData).off('end', onEnd);
      parts.length = 0;
      body.resume();
      reject(importTooLarge());
    };
    const onEnd = () => resolve(Buffer.concat(parts, size));
    body.on('data', onData).once('end', onEnd).once('error', reject);
  });
}
