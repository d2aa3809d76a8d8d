import { Controller, Post, Query, Req, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { CohortClaims } from '@cohort/auth';
import { IMPORT_MAX_BYTES } from '@cohort/contracts';
import type { ImportSummary } from '@cohort/contracts';
import { Caller } from '../auth/caller';
import { MayRunGuard } from '../auth/may-run.guard';
import { ApiErrors, schemaRef } from '../docs/api-docs';
import { ZodPipe } from '../http/zod-validation.pipe';
import { IdentityClient } from '../upstream/identity.client';
import { fileOfBody, fileOfPart, ImportQuery, ImportQueryInput, UploadedPart, XLSX_TYPE } from './people-file';
import { UploadErrorsInterceptor } from './upload-errors.interceptor';

/** Only the `file` part is kept (in memory, up to IMPORT_MAX_BYTES); a request that is not multipart passes untouched. */
const multipart = FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 20 } });

/**
 * People files to invite: identity parses and stages the rows, then the caller previews and runs
 * `invite-users` with `selection: {importId}` through /v1/batch-jobs.
 */
@ApiTags('imports')
@ApiBearerAuth()
@Controller('v1/imports')
export class ImportsHttpController {
  constructor(private readonly identity: IdentityClient) {}

  @Post()
  @UseGuards(new MayRunGuard('invite-users'))
  @UseInterceptors(UploadErrorsInterceptor, multipart)
  @ApiOperation({
    summary: 'Upload a CSV or XLSX of people to invite',
    description:
      'The file as the raw body (text/csv, the XLSX media type, or application/octet-stream with ?format=) or as the ' +
      `\`file\` field of multipart/form-data; at most ${IMPORT_MAX_BYTES / (1024 * 1024)} MiB. Answers what was found: ` +
      'rows, valid and invalid counts, the first invalid rows with their column. Then preview and run invite-users ' +
      'with `selection: {importId}`. Needs the invitations permission.',
  })
  @ApiConsumes('text/csv', XLSX_TYPE, 'application/octet-stream', 'multipart/form-data')
  @ApiQuery({ name: 'format', required: false, enum: ['csv', 'xlsx'], description: 'Needed when neither media type nor file name says it' })
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary', description: 'The people file (multipart)' } } },
  })
  @ApiResponse({ status: 201, description: 'Staged', schema: schemaRef('ImportSummary') })
  @ApiErrors(400, 401, 403, 413, 429, 502, 503)
  async upload(
    @Caller() caller: CohortClaims,
    @Query(new ZodPipe(ImportQuery)) query: ImportQueryInput,
    @Req() req: Request,
    @UploadedFile() part: UploadedPart | undefined,
  ): Promise<ImportSummary> {
    const { format, bytes } = part ? fileOfPart(part, query.format) : await fileOfBody(req, query.format);
    return this.identity.importPeople(caller.tid, format, bytes);
  }
}
