import { z } from 'zod';
import { groupIds } from '../fields';
import { UserId } from '../messages/work';
import { defineAction } from './define-action';

/** Membership owns teams/groups, memberships, auto-enrolment targets and shares (DESIGN.md §1). */
export const membershipActions = [
  defineAction({
    id: 'add-to-groups',
    service: 'membership',
    title: 'Add to teams or groups',
    description:
      "Adds each person to the teams or groups. A group's auto-enrolment targets enrol them in its courses, " + 'even courses they completed before.',
    params: z.strictObject({ groupIds }),
    reversible: true,
    destructive: false,
    permission: 'team-management',
  }),
  defineAction({
    id: 'remove-from-groups',
    service: 'membership',
    title: 'Remove from teams or groups',
    description: 'Removes each person from the teams or groups; enrolments made by auto-enrolment stay.',
    params: z.strictObject({ groupIds }),
    reversible: true,
    destructive: false,
    permission: 'team-management',
  }),
  defineAction({
    id: 'add-share',
    service: 'membership',
    title: 'Share with a manager',
    description: 'Shares these people with a manager of another team, who can then follow their progress.',
    params: z.strictObject({
      managerUserId: UserId.describe('User id of the manager the people are shared with'),
    }),
    reversible: false,
    destructive: false,
    permission: 'team-management',
  }),
] as const;
