import { Injectable } from '@nestjs/common';
import type { CourseList, PersonLearning } from '@cohort/contracts';
import { seg, UpstreamClient, UpstreamFile } from './upstream.client';

/** learning's internal API (libs/contracts/src/internal/learning-api.ts), per tenant. */
@Injectable()
export class LearningClient {
  constructor(private readonly upstream: UpstreamClient) {}

  /** Courses, learning paths and series. */
  async courses(tenantId: string, timeoutMs?: number): Promise<CourseList> {
    return (await this.upstream.json<CourseList>('learning', `/internal/tenants/${seg(tenantId)}/courses`, { timeoutMs })).body;
  }

  /** A person's enrolments, tasks, certificates, event enrolments and content shares (empty lists for someone unknown). */
  async personLearning(tenantId: string, userId: string, timeoutMs?: number): Promise<PersonLearning> {
    const path = `/internal/tenants/${seg(tenantId)}/people/${seg(userId)}/learning`;
    return (await this.upstream.json<PersonLearning>('learning', path, { timeoutMs })).body;
  }

  /** A certificate's PDF, streamed; with `ownerId` learning answers 404 unless the certificate is that person's. */
  certificatePdf(tenantId: string, certificateId: string, ownerId?: string): Promise<UpstreamFile> {
    const path = `/internal/tenants/${seg(tenantId)}/certificates/${seg(certificateId)}/pdf`;
    return this.upstream.download('learning', path, 'application/pdf', { userId: ownerId });
  }
}
