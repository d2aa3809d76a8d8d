import { z } from 'zod';
import { listOf } from '../fields';
import { defineAction } from './define-action';

/** Columns of the people export, in file order. */
export const EXPORT_COLUMNS = [
  'userId',
  'email',
  'name',
  'status',
  'role',
  'language',
  'country',
  'teams',
  'groups',
  'labels',
  'specialisms',
  'registeredAt',
  'lastActiveAt',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/**
 * Export is not a service of its own: identity owns the people the CSV lists, so it owns
 * the action (teams and groups come from membership's query API while streaming).
 */
export const exportActions = [
  defineAction({
    id: 'export-csv',
    service: 'identity',
    title: 'Export CSV',
    description:
      'Streams a CSV of the selected people (a filter of {} is everyone) with profile, status, role, language, ' +
      'teams and groups (by name), labels, specialisms, registration and last-active dates, as they were when the job ran; ' +
      'the file is the artifact of the job (`GET /v1/batch-jobs/:id/artifact`), every cell safe to open in a spreadsheet.',
    params: z.strictObject({
      columns: listOf(z.enum(EXPORT_COLUMNS), EXPORT_COLUMNS.length).optional().describe('Columns to include, in this order; all if absent'),
    }),
    reversible: false,
    destructive: false,
    permission: 'export',
    artifact: { mediaType: 'text/csv', extension: 'csv' },
  }),
] as const;
