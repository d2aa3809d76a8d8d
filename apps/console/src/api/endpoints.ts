import { request, withQuery } from './client';
import type {
  ActionView,
  ConsoleConfig,
  Course,
  DevPerson,
  DirectoryPage,
  Group,
  ImportSummary,
  ItemPage,
  ItemState,
  JobList,
  JobRequest,
  JobView,
  NotificationPage,
  NotificationView,
  PeopleFilter,
  PersonProfile,
  Preview,
} from './types';

const id = encodeURIComponent;

/** Every route of the gateway the console calls, by name. */
export const api = {
  config: () => request<ConsoleConfig>('/console/config.json'),
  devPeople: (tenant: string) => request<{ tenantId: string; people: DevPerson[] }>(withQuery('/console/dev/people', { tenant })),
  devToken: (tenantId: string, userId: string) => request<{ token: string }>('/console/dev/token', { method: 'POST', body: { tenantId, userId } }),

  people: (filter: PeopleFilter, cursor: string | undefined, limit: number) =>
    request<DirectoryPage>('/v1/people', { query: { ...filter, cursor, limit } }),
  person: (userId: string) => request<PersonProfile>(`/v1/people/${id(userId)}`),
  groups: () => request<{ items: Group[] }>('/v1/groups'),
  courses: () => request<{ items: Course[] }>('/v1/courses'),
  actions: () => request<ActionView[]>('/v1/actions'),
  importFile: (file: File, purpose: 'invite' | 'select') =>
    request<ImportSummary>('/v1/imports', { method: 'POST', file, query: { purpose, format: /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv' } }),

  preview: (job: JobRequest) => request<Preview>('/v1/batch-jobs/preview', { method: 'POST', body: job }),
  submit: (job: JobRequest, idempotencyKey: string) =>
    request<{ id: string; status: string }>('/v1/batch-jobs', { method: 'POST', body: job, headers: { 'idempotency-key': idempotencyKey } }),
  jobs: (query: { status?: string; action?: string; cursor?: string; limit?: number }) => request<JobList>('/v1/batch-jobs', { query }),
  job: (jobId: string) => request<JobView>(`/v1/batch-jobs/${id(jobId)}`),
  items: (jobId: string, status: ItemState | undefined, cursor: string | undefined, limit = 50) =>
    request<ItemPage>(`/v1/batch-jobs/${id(jobId)}/items`, { query: { status, cursor, limit } }),
  cancel: (jobId: string) => request<JobView>(`/v1/batch-jobs/${id(jobId)}/cancel`, { method: 'POST' }),
  retry: (jobId: string) => request<{ id: string }>(`/v1/batch-jobs/${id(jobId)}/retry`, { method: 'POST' }),
  undoPreview: (jobId: string) => request<Preview>(`/v1/batch-jobs/${id(jobId)}/undo/preview`, { method: 'POST' }),
  undo: (jobId: string, confirm: { snapshotId: string; approvalCount?: number }) =>
    request<{ id: string }>(`/v1/batch-jobs/${id(jobId)}/undo`, { method: 'POST', body: confirm }),
  resultsCsvPath: (jobId: string) => `/v1/batch-jobs/${id(jobId)}/results.csv`,
  artifactPath: (jobId: string) => `/v1/batch-jobs/${id(jobId)}/artifact`,
  eventsPath: (jobId: string) => `/v1/batch-jobs/${id(jobId)}/events`,

  notifications: (cursor?: string) => request<NotificationPage>('/v1/me/notifications', { query: { cursor, limit: 20 } }),
  markRead: (notificationId: string) => request<NotificationView>(`/v1/me/notifications/${id(notificationId)}/read`, { method: 'POST' }),
};
