import { z } from 'zod';
import { Country, labels, listOf, MAX_SELECTION_IDS, specialisms } from '../fields';
import { UserId } from '../messages/work';
import { Language, ProfileVisibility, Role } from '../vocabulary';
import { defineAction, NoParams } from './define-action';

/** Identity owns people, roles, invitations and profile fields (DESIGN.md §1). */

export const Invitee = z.strictObject({
  userId: UserId.describe('The id the new account gets; it must also be listed in selection.userIds'),
  email: z.email().max(254).describe('E-mail address the invitation goes to'),
  name: z.string().min(1).max(200).optional().describe('Display name'),
  role: Role.default('Learner').describe('Role of the new account'),
  language: Language.optional().describe("Language of the invitation and the interface; the tenant's default if absent"),
});
export type Invitee = z.infer<typeof Invitee>;

export const identityActions = [
  defineAction({
    id: 'resend-invitation',
    service: 'identity',
    title: 'Resend invitation',
    description: 'Sends the invitation e-mail again to people who have not activated their account yet.',
    params: NoParams,
    reversible: false,
    destructive: false,
    permission: 'invitations',
  }),
  defineAction({
    id: 'cancel-invitation',
    service: 'identity',
    title: 'Cancel invitation',
    description: 'Withdraws the invitation of people who have not activated their account; the link stops working.',
    params: NoParams,
    reversible: false,
    destructive: true,
    permission: 'invitations',
  }),
  defineAction({
    id: 'invite-users',
    service: 'identity',
    title: 'Invite users',
    description:
      'Creates accounts for the rows of an uploaded XLSX/CSV (selection.importId) and sends each an invitation. ' +
      'A Kafka publisher may instead list the invitees in params, assigning each a user id and listing exactly those ids in selection.userIds.',
    params: z.strictObject({
      invitees: listOf(Invitee, MAX_SELECTION_IDS)
        .optional()
        .describe(`The people to invite (1 to ${MAX_SELECTION_IDS}); absent when the selection is an uploaded file (selection.importId)`),
    }),
    reversible: false,
    destructive: false,
    permission: 'invitations',
  }),
  defineAction({
    id: 'send-password-reset',
    service: 'identity',
    title: 'Send password reset',
    description: 'E-mails each person a link to choose a new password.',
    params: NoParams,
    reversible: false,
    destructive: false,
    permission: 'people-admin',
  }),
  defineAction({
    id: 'change-role',
    service: 'identity',
    title: 'Change role',
    description: 'Gives each person the chosen role. Nobody can demote themself; the last Owner keeps the role.',
    params: z.strictObject({ role: Role.describe('The new role') }),
    reversible: true,
    destructive: false,
    permission: 'people-admin',
  }),
  defineAction({
    id: 'change-language',
    service: 'identity',
    title: 'Change language',
    description: 'Sets the interface and e-mail language of each person.',
    params: z.strictObject({ language: Language.describe('The new language') }),
    reversible: true,
    destructive: false,
    permission: 'people-admin',
  }),
  defineAction({
    id: 'deactivate',
    service: 'identity',
    title: 'Deactivate',
    description: 'Blocks sign-in, removes upcoming tasks and event enrolments (completed work is kept) and holds pending messages.',
    params: NoParams,
    reversible: true,
    destructive: true,
    undoLeaves: 'the open tasks and upcoming event enrolments it removed (held messages stay held)',
    permission: 'people-admin',
  }),
  defineAction({
    id: 'reactivate',
    service: 'identity',
    title: 'Reactivate',
    description: 'Lets deactivated people sign in again.',
    params: NoParams,
    reversible: true,
    destructive: false,
    permission: 'people-admin',
  }),
  defineAction({
    id: 'delete',
    service: 'identity',
    title: 'Delete permanently',
    description: 'Erases each person and everything every service holds about them. Cannot be undone.',
    params: NoParams,
    reversible: false,
    destructive: true,
    permission: 'delete',
  }),
  defineAction({
    id: 'archive-profile',
    service: 'identity',
    title: 'Archive profile',
    description: 'Removes workspace access but keeps the account and its history.',
    params: NoParams,
    reversible: true,
    destructive: true,
    permission: 'people-admin',
  }),
  defineAction({
    id: 'reactivate-profile',
    service: 'identity',
    title: 'Reactivate profile',
    description: 'Gives archived people their workspace access back.',
    params: NoParams,
    reversible: true,
    destructive: false,
    permission: 'people-admin',
  }),
  defineAction({
    id: 'add-labels',
    service: 'identity',
    title: 'Add labels',
    description: 'Adds the labels to each person (labels they already carry are left as they are).',
    params: z.strictObject({ labels }),
    reversible: true,
    destructive: false,
    permission: 'labels',
  }),
  defineAction({
    id: 'remove-labels',
    service: 'identity',
    title: 'Remove labels',
    description: 'Removes the labels from each person.',
    params: z.strictObject({ labels }),
    reversible: true,
    destructive: false,
    permission: 'labels',
  }),
  defineAction({
    id: 'add-specialisms',
    service: 'identity',
    title: 'Add specialisms',
    description: 'Adds the specialisms to each person.',
    params: z.strictObject({ specialisms }),
    reversible: true,
    destructive: false,
    permission: 'specialisms',
  }),
  defineAction({
    id: 'update-properties',
    service: 'identity',
    title: 'Update properties',
    description: 'Sets country and profile visibility, or resets the access code of anonymous accounts.',
    params: z
      .strictObject({
        country: Country.optional().describe('Country (ISO 3166-1 alpha-2, e.g. NL)'),
        profileVisibility: ProfileVisibility.optional().describe('Whether colleagues can see the profile'),
        resetAccessCode: z.boolean().optional().describe('Issue a new access code (anonymous accounts only)'),
      })
      .refine((p) => p.country !== undefined || p.profileVisibility !== undefined || p.resetAccessCode === true, {
        message: 'give at least one of country, profileVisibility or resetAccessCode: true',
      })
      .meta({ minProperties: 1 }),
    reversible: false,
    destructive: false,
    permission: 'people-admin',
  }),
] as const;
