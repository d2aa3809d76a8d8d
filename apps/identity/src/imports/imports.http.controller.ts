import { Param, PayloadTooLargeException, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Request } from 'express';
import { IMPORT_MAX_BYTES, IMPORT_PURPOSES, ImportPurpose, ImportSummary } from '@cohort/contracts';
import { InternalHttpController } from '../http/internal-http.controller';
import { tenantIdParam } from '../http/zod.pipe';
import { IDENTITY, IdentityError } from '../identity.errors';
import { IMPORT_FORMATS, ImportFormat, looksLikeXlsx } from './import-file';
import { readBody, tooLarge } from './read-body';
import { StageImport } from './stage-import.handler';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Content types of an upload's raw bytes; none of them is consumed by the JSON or form body parsers. */
const FORMAT_BY_TYPE: Readonly<Record<string, ImportFormat | undefined>> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'text/plain': 'csv',
  [XLSX_TYPE]: 'xlsx',
  'application/octet-stream': undefined,
  '': undefined,
};

/**
 * `POST /internal/tenants/:tenantId/imports?format=csv|xlsx&purpose=invite|select` with the file's raw
 * bytes as the body → 201 ImportSummary. `purpose=invite` (the default) stages people to invite,
 * `purpose=select` matches a column of e-mails to existing people. The body is read here, past the 4 MB
 * JSON limit, up to IMPORT_MAX_BYTES; a larger file is a 413 as soon as its size is known (Content-Length)
 * or passed (chunked upload).
 */
@InternalHttpController('imports')
export class ImportsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  async upload(
    @Param('tenantId', tenantIdParam) tenantId: string,
    @Query('format') format: string | undefined,
    @Query('purpose') purpose: string | undefined,
    @Req() req: Request,
  ): Promise<ImportSummary> {
    const declared = declaredFormat(req.headers['content-type'], format);
    const intent = importPurpose(purpose);
    try {
      if (Number(req.headers['content-length'] ?? 0) > IMPORT_MAX_BYTES) {
        req.resume(); // drop the bytes on their way in, so the client reads the answer
        throw tooLarge(IMPORT_MAX_BYTES);
      }
      const file = await readBody(req, IMPORT_MAX_BYTES);
      return await this.commands.execute(new StageImport(tenantId, file, declared ?? (looksLikeXlsx(file) ? 'xlsx' : 'csv'), intent));
    } catch (err) {
      throw err instanceof IdentityError && err.code === IDENTITY.IMPORT_TOO_LARGE
        ? new PayloadTooLargeException({ code: err.code, message: err.message, details: { field: err.field } })
        : err;
    }
  }
}

/**
 * The format an upload declares, by `?format=` or else its content type; undefined for raw bytes
 * (application/octet-stream, or no type), whose first bytes then tell. Any other content type is a 400:
 * the JSON and form parsers would have consumed the body.
 */
export function declaredFormat(contentType: string | undefined, format: string | undefined): ImportFormat | undefined {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (!Object.hasOwn(FORMAT_BY_TYPE, type)) {
    throw new IdentityError(
      IDENTITY.INVALID_REQUEST,
      `content-type: send the file's bytes as text/csv, ${XLSX_TYPE} or application/octet-stream, not ${type}`,
      'content-type',
    );
  }
  if (format === undefined) return FORMAT_BY_TYPE[type];
  if (!(IMPORT_FORMATS as readonly string[]).includes(format))
    throw new IdentityError(IDENTITY.INVALID_REQUEST, `format: one of ${IMPORT_FORMATS.join(', ')}`, 'format');
  return format as ImportFormat;
}

/** `?purpose=`: invite when absent; anything but invite or select is a 400 naming it. */
export function importPurpose(purpose: string | undefined): ImportPurpose {
  if (purpose === undefined) return 'invite';
  if ((IMPORT_PURPOSES as readonly string[]).includes(purpose)) return purpose as ImportPurpose;
  throw new IdentityError(IDENTITY.INVALID_REQUEST, `purpose: one of ${IMPORT_PURPOSES.join(', ')}`, 'purpose');
}
