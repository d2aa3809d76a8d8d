import { Controller, Post, Query, Req, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { CohortClaims } from '@cohort/auth';
import { IMPORT_MAX_BYTES } from '@cohort/contracts';
import type { ImportSummary } from '@cohort/contracts';
import { Caller } from '../auth/caller';
import { ApiErrors, schemaRef } from '../docs/api-docs';
import { ZodPipe } from '../http/zod-validation.pipe';
import { IdentityClient } from '../upstream/identity.client';
import { ImportPurposeGuard } from './import-purpose.guard';
import { fileOfBody, fileOfPart, ImportQuery, ImportQueryInput, UploadedPart, XLSX_TYPE } from './people-file';
import { UploadErrorsInterceptor } from './upload-errors.interceptor';

/** Only the `file` part is kept (in memory, up to IMPORT_MAX_BYTES); a request that is not multipart passes untouched. */
const multipart = FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 20 } });

/**
 * People files: identity parses and stages the rows, then the caller previews and runs an action with
 * `selection: {importId}` through /v1/batch-jobs — invite-users over a file of people to invite
 * (`purpose=invite`), any other action over a file of existing people's e-mails (`purpose=select`).
 */
@ApiTags('imports')
@ApiBearerAuth()
@Controller('v1/imports')
export class ImportsHttpController {
  constructor(private readonly identity: IdentityClient) {}

  @Post()
  @UseGuards(ImportPurposeGuard)
  @UseInterceptors(UploadErrorsInterceptor, multipart)
  @ApiOperation({
    summary: 'Upload a CSV or XLSX of people to invite, or of existing people to select',
    description:
      'The file as the raw body (text/csv, the XLSX media type, or application/octet-stream with ?format=) or as the ' +
      `\`file\` field of multipart/form-data; at most ${IMPORT_MAX_BYTES / (1024 * 1024)} MiB, 100,000 rows; headers in ` +
      'English or Dutch. Answers what was found: rows, valid and invalid counts, the first invalid rows with their column.\n\n' +
      '`purpose=invite` (default): a row per person to invite (email, name or first name/infix/last name, role, language); ' +
      'then preview and run invite-users with `selection: {importId}`. Needs the invitations permission.\n\n' +
      '`purpose=select`: an e-mail column (other columns are ignored) naming existing people of the tenant, matched ' +
      'case-insensitively; an unknown e-mail or a repeated row is an invalid row ("no person with this e-mail", "also in ' +
      'row 3"). Then preview and run any other action (change-language, enrol, withdraw, …) with `selection: {importId}`: ' +
      'it covers exactly the matched people. For callers who may run at least one action besides invite-users.\n\n' +
      'A select import is refused by invite-users and an invite import by every other action (400 ' +
      'COMMAND.INVALID_SELECTION on selection.importId). Imports are kept 7 days.',
  })
  @ApiConsumes('text/csv', XLSX_TYPE, 'application/octet-stream', 'multipart/form-data')
  @ApiQuery({ name: 'format', required: false, enum: ['csv', 'xlsx'], description: 'Needed when neither media type nor file name says it' })
  @ApiQuery({
    name: 'purpose',
    required: false,
    enum: ['invite', 'select'],
    description: 'invite (default): people to invite with invite-users; select: existing people, by e-mail, for any other action',
  })
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
    return this.identity.importPeople(caller.tid, format, bytes, query.purpose);
  }
}
