import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { PersonLearning, PersonMemberships, PersonView } from '@cohort/contracts';
import { GATEWAY_CONFIG, GatewayConfig } from '../gateway.config';
import { CommunicationsClient } from '../upstream/communications.client';
import { IdentityClient } from '../upstream/identity.client';
import { LearningClient } from '../upstream/learning.client';
import { MembershipClient } from '../upstream/membership.client';

/** The services whose part of a profile may be missing (identity's is the profile: without it, no answer). */
export const PROFILE_PARTS = ['membership', 'learning', 'communications'] as const;
export type ProfilePart = (typeof PROFILE_PARTS)[number];

/**
 * `GET /v1/people/:id`: the person as identity knows them, plus what every other service knows. A part
 * whose service is down or slow is `null` and its service is named in `unavailable`.
 */
export const PersonProfile = PersonView.extend({
  groups: PersonMemberships.shape.groups.nullable().describe("The person's teams and groups (membership); null when unavailable"),
  sharedWith: PersonMemberships.shape.sharedWith.nullable().describe('Managers of other teams the person is shared with (membership)'),
  learning: PersonLearning.nullable().describe('Enrolments, tasks, certificates, event enrolments and content shares (learning)'),
  notifications: z
    .object({ unread: z.number().int().min(0) })
    .nullable()
    .describe('Unread in-app notifications (communications)'),
  unavailable: z.array(z.enum(PROFILE_PARTS)).describe('Services that did not answer in time: their parts are null'),
});
export type PersonProfile = z.infer<typeof PersonProfile>;

/** What one service answered for its part: the value, or nothing (down, slow, failed). */
export type PartResult<T> = { ok: true; value: T } | { ok: false };

export interface ProfileParts {
  membership: PartResult<PersonMemberships>;
  learning: PartResult<PersonLearning>;
  communications: PartResult<{ unread: number }>;
}

/** Pure: the profile out of the person and each part as it came back. */
export function profileOf(person: PersonView, parts: ProfileParts): PersonProfile {
  const { membership, learning, communications } = parts;
  return {
    ...person,
    groups: membership.ok ? membership.value.groups : null,
    sharedWith: membership.ok ? membership.value.sharedWith : null,
    learning: learning.ok ? learning.value : null,
    notifications: communications.ok ? { unread: communications.value.unread } : null,
    unavailable: PROFILE_PARTS.filter((part) => !parts[part].ok),
  };
}

/** A part's read, settled: a failure (already logged by the upstream client) becomes a missing part. */
async function part<T>(read: Promise<T>): Promise<PartResult<T>> {
  try {
    return { ok: true, value: await read };
  } catch {
    return { ok: false };
  }
}

/**
 * Reads a profile from every service at once. Identity decides whether there is a person (its 404 and
 * failures pass through); membership, learning and communications each get GATEWAY_PART_TIMEOUT_MS.
 */
@Injectable()
export class PersonProfiles {
  constructor(
    private readonly identity: IdentityClient,
    private readonly membership: MembershipClient,
    private readonly learning: LearningClient,
    private readonly communications: CommunicationsClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async profile(tenantId: string, userId: string): Promise<PersonProfile> {
    const timeoutMs = this.config.partTimeoutMs;
    const parts = Promise.all([
      part(this.membership.memberships(tenantId, userId, timeoutMs)),
      part(this.learning.personLearning(tenantId, userId, timeoutMs)),
      part(this.communications.notifications(tenantId, userId, { limit: 1 }, timeoutMs)),
    ]);
    const person = await this.identity.person(tenantId, userId);
    const [membership, learning, communications] = await parts;
    return profileOf(person, { membership, learning, communications });
  }
}
