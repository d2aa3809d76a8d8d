import { Controller, Get, Logger, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { mayRun } from '@cohort/auth';
import type { CohortClaims } from '@cohort/auth';
import { EntityId } from '@cohort/contracts';
import { Caller } from '../auth/caller';
import { ApiErrors } from '../docs/api-docs';
import { sendFile } from '../http/send-file';
import { ZodPipe } from '../http/zod-validation.pipe';
import { LearningClient } from '../upstream/learning.client';

/**
 * Pure: whose certificates the caller may download. Callers with the certificates permission (who may run
 * assign-certificate) any of the tenant's (undefined: no owner check); anyone else only their own.
 */
export function certificateOwnerFilter(caller: Pick<CohortClaims, 'sub' | 'role' | 'perms'>): string | undefined {
  return mayRun({ role: caller.role, permissions: caller.perms }, 'assign-certificate') ? undefined : caller.sub;
}

/** Certificate PDFs, rendered and kept by learning. */
@ApiTags('certificates')
@ApiBearerAuth()
@Controller('v1/certificates')
export class CertificatesHttpController {
  private readonly logger = new Logger(CertificatesHttpController.name);

  constructor(private readonly learning: LearningClient) {}

  @Get(':id/pdf')
  @ApiOperation({
    summary: 'A certificate as PDF',
    description:
      "Callers with the certificates permission get any certificate of the tenant; anyone else only their own (another person's is 404, as an unknown one).",
  })
  @ApiParam({ name: 'id', description: 'Certificate id (from a profile’s learning.certificates)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, with Content-Disposition: attachment', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 401, 404, 429, 502, 503)
  async pdf(@Caller() caller: CohortClaims, @Param('id', new ZodPipe(EntityId, () => 'id')) id: string, @Res() res: Response): Promise<void> {
    const file = await this.learning.certificatePdf(caller.tid, id, certificateOwnerFilter(caller));
    await sendFile(res, file, { contentType: 'application/pdf', fileName: `certificate-${id}.pdf` }, this.logger, { certificateId: id });
  }
}
