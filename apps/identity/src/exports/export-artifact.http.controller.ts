import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ServerResponse } from 'node:http';
import { Get, HttpStatus, Logger, Param, Res } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { httpError, parseOr400 } from '@cohort/common';
import { z } from 'zod';
import { ExportColumn, TenantId } from '@cohort/contracts';
import { InternalHttpController } from '../http/internal-http.controller';
import { IDENTITY } from '../identity.errors';
import { exportCells, GroupNames } from './export-row';
import { ExportsRepository } from './exports.repository';
import { MembershipGroupsClient, MembershipUnavailableError } from './membership-groups.client';

const JobId = z.string().min(1).max(128);

/** Excel reads a UTF-8 CSV as such only with the byte-order mark (names with accents otherwise come out garbled). */
const UTF8_BOM = '\ufeff';

/**
 * `GET /internal/tenants/:tenantId/jobs/:jobId/artifact` → text/csv: the file of an export-csv job, streamed
 * from its recorded rows through a cursor with backpressure (memory stays flat whatever the number of
 * people). 404 IDENTITY.NO_ARTIFACT when the job recorded nobody in this tenant; 503 when membership cannot
 * name the teams and groups the columns ask for. The gateway checks who may download it.
 */
@InternalHttpController()
export class ExportArtifactHttpController {
  private readonly log = new Logger(ExportArtifactHttpController.name);

  constructor(
    private readonly exports: ExportsRepository,
    private readonly membership: MembershipGroupsClient,
  ) {}

  @Get('jobs/:jobId/artifact')
  async artifact(@Param('tenantId') tenant: string, @Param('jobId') job: string, @Res() res: ServerResponse): Promise<void> {
    const tenantId = parseOr400('identity', TenantId, tenant, ['tenantId']);
    const jobId = parseOr400('identity', JobId, job, ['jobId']);
    const columns = await this.exports.columns(tenantId, jobId);
    if (!columns) throw httpError(HttpStatus.NOT_FOUND, IDENTITY.NO_ARTIFACT, `job ${jobId} exported nobody`, 'jobId');
    const groups = await this.groupNames(tenantId, columns);
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="people-${jobId.replace(/[^A-Za-z0-9._-]/g, '_')}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.write(UTF8_BOM);
    const cursor = this.exports.rowsCursor(tenantId, jobId);
    async function* records() {
      for await (const row of cursor) yield exportCells(row.userId, row.person, columns!, groups);
    }
    try {
      await pipeline(Readable.from(records()), stringify({ header: true, columns: [...columns] }), res);
    } catch (err) {
      // headers and part of the file are out: cutting the connection is the only way to say it is incomplete
      this.log.warn({ msg: 'export CSV cut short', tenantId, jobId, err: String(err) });
      res.destroy();
    } finally {
      await cursor.close().catch(() => undefined);
    }
  }

  private async groupNames(tenantId: string, columns: readonly ExportColumn[]): Promise<GroupNames> {
    if (!columns.includes('teams') && !columns.includes('groups')) return new Map();
    try {
      return await this.membership.names(tenantId);
    } catch (err) {
      if (err instanceof MembershipUnavailableError) throw httpError(HttpStatus.SERVICE_UNAVAILABLE, IDENTITY.MEMBERSHIP_UNAVAILABLE, err.message);
      throw err;
    }
  }
}
