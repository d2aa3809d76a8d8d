import { z } from 'zod';

/**
 * The closed word lists of DESIGN.md §1 that messages, actions and the directory share:
 * each a readonly tuple, its zod enum and its union type, under one name.
 */
export const ROLES = ['Owner', 'Admin', 'HR', 'Curator', 'Manager', 'Learner', 'Reporter'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** The status of a person in the directory (not of a person inside a job: see ITEM_STATES). */
export const PERSON_STATUSES = ['invited', 'active', 'deactivated', 'archived', 'pending-deletion'] as const;
export const PersonStatus = z.enum(PERSON_STATUSES);
export type PersonStatus = z.infer<typeof PersonStatus>;

/** Interface languages a person can have; e-mail templates exist for each. */
export const LANGUAGES = ['en', 'nl', 'de', 'fr', 'es', 'it', 'pt', 'pl', 'sv', 'da', 'fi', 'nb'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const JOB_STATUSES = ['scheduled', 'awaiting-approval', 'queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;

/** The state of one person inside one job: pending → running → succeeded | skipped | failed | cancelled. */
export const ITEM_STATES = ['pending', 'running', 'succeeded', 'skipped', 'failed', 'cancelled'] as const;
export const ItemState = z.enum(ITEM_STATES);
export type ItemState = z.infer<typeof ItemState>;

export const PARTICIPATION_STATUSES = ['passed', 'failed', 'undecided'] as const;
export const ParticipationStatus = z.enum(PARTICIPATION_STATUSES);
export type ParticipationStatus = z.infer<typeof ParticipationStatus>;

/** An enrolment's status: finished ones (completed, passed, failed, undecided) are the permanent record. */
export const ENROLMENT_STATUSES = ['enrolled', 'in-progress', 'completed', 'passed', 'failed', 'undecided'] as const;
export const EnrolmentStatus = z.enum(ENROLMENT_STATUSES);
export type EnrolmentStatus = z.infer<typeof EnrolmentStatus>;

export const PROFILE_VISIBILITIES = ['public', 'private'] as const;
export const ProfileVisibility = z.enum(PROFILE_VISIBILITIES);
export type ProfileVisibility = z.infer<typeof ProfileVisibility>;

export const CONTENT_KINDS = ['item', 'channel', 'learnlist'] as const;
export const ContentKind = z.enum(CONTENT_KINDS);
export type ContentKind = z.infer<typeof ContentKind>;
