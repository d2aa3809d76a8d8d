import { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, HttpStatus, Logger, Param, Query, Res } from '@nestjs/common';
import { httpError, parseOr400 } from '@cohort/common';
import { EntityId, TenantId, UserId } from '@cohort/contracts';
import { z } from 'zod';
import { CERTIFICATE } from './certificate.errors';
import { CertificateArchive } from './certificate-archive';
import { entryBase } from './certificate-entry-names';
import { CertificatePdfs } from './certificate-pdfs';

const JobId = z.string().min(1).max(128);
const PdfQuery = z.object({ userId: UserId.optional() });

/**
 * learning's certificate files for the gateway (libs/contracts/src/internal/learning-api.ts): one PDF, and
 * the ZIP a download-certificates job produced. Both are streamed from the store, never held whole.
 */
@Controller('internal/tenants/:tenantId')
export class CertificatesHttpController {
  private readonly log = new Logger(CertificatesHttpController.name);

  constructor(
    private readonly pdfs: CertificatePdfs,
    private readonly archive: CertificateArchive,
  ) {}

  /** `GET …/certificates/:certificateId/pdf[?userId=]` → application/pdf; 404 LEARNING.CERTIFICATE_NOT_FOUND. */
  @Get('certificates/:certificateId/pdf')
  async pdf(
    @Param('tenantId') tenant: string,
    @Param('certificateId') certificate: string,
    @Query() query: unknown,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const tenantId = parseOr400('learning', TenantId, tenant, ['tenantId']);
    const certificateId = parseOr400('learning', EntityId, certificate, ['certificateId']);
    const { userId } = parseOr400('learning', PdfQuery, query);
    const found = await this.pdfs.find(tenantId, certificateId, userId);
    if (!found) throw httpError(HttpStatus.NOT_FOUND, CERTIFICATE.CERTIFICATE_NOT_FOUND, `no certificate ${certificateId}`, 'certificateId');
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Length', found.file.length);
    res.setHeader('Content-Disposition', contentDisposition('inline', `${entryBase(found.doc)}.pdf`));
    try {
      await pipeline(this.pdfs.open(found.file), res);
    } catch (err) {
      this.log.warn({ msg: 'certificate PDF cut short', tenantId, certificateId, err: String(err) });
    }
  }

  /** `GET …/jobs/:jobId/artifact` → application/zip of the job's certificates; 404 LEARNING.NO_ARTIFACT. */
  @Get('jobs/:jobId/artifact')
  async artifact(@Param('tenantId') tenant: string, @Param('jobId') job: string, @Res() res: ServerResponse): Promise<void> {
    const tenantId = parseOr400('learning', TenantId, tenant, ['tenantId']);
    const jobId = parseOr400('learning', JobId, job, ['jobId']);
    if (!(await this.archive.exists(tenantId, jobId))) {
      throw httpError(HttpStatus.NOT_FOUND, CERTIFICATE.NO_ARTIFACT, `job ${jobId} collected no certificates`, 'jobId');
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', contentDisposition('attachment', `certificates-${jobId}.zip`));
    res.setHeader('Cache-Control', 'no-store');
    const left = new AbortController();
    res.once('close', () => left.abort(new Error('the client went away')));
    try {
      await this.archive.write(tenantId, jobId, res, left.signal);
    } catch (err) {
      // headers and part of the ZIP are out: cutting the connection is the only way to say it is incomplete
      this.log.warn({ msg: 'certificates ZIP cut short', tenantId, jobId, err: String(err) });
      res.destroy();
    }
  }
}

/** `inline; filename="…"` with an ASCII fallback and the exact UTF-8 name (RFC 6266). */
function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
