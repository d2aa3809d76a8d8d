import { Outcome, PersonView } from '@cohort/contracts';
import { IdentityPeopleClient, IdentityUnavailableError, PersonLookup } from './identity-people.client';
import { NotificationMailer } from './notification-mailer';
import { Notification } from './notification.schema';
import { DeliveredNotification, NotificationsRepository } from './notifications.repository';
import { testPersonView } from '@cohort/testing/fixtures/person-view';

/** For unit specs: the `notifications` collection in memory, as NotificationsRepository reads and writes it. */
export function fakeNotifications() {
  const docs = new Map<string, Notification>();
  const repo = {
    insert: async (n: Notification) => {
      if (!docs.has(n._id)) docs.set(n._id, { ...n });
      return { ...docs.get(n._id)! };
    },
    deliver: async (ids: string[], at: Date) => {
      for (const id of ids) if (docs.get(id)?.deliveredAt === null) docs.get(id)!.deliveredAt = at;
    },
    waiting: async (t: string, u: string) => [...docs.values()].filter((n) => n.tenantId === t && n.userId === u && !n.deliveredAt),
    pendingCopies: async (t: string, u: string) =>
      [...docs.values()].filter((n) => n.tenantId === t && n.userId === u && n.emailPending && n.deliveredAt) as DeliveredNotification[],
    copyDone: async (id: string) => void (docs.get(id)!.emailPending = false),
  } as unknown as NotificationsRepository;
  return { repo, docs };
}

/** For unit specs: identity's people (answered by user id), or identity down. */
export function fakeIdentity(people: Record<string, PersonLookup | 'down'>) {
  const answer = (id: string): PersonLookup => {
    const found = people[id];
    if (found === 'down') throw new IdentityUnavailableError('identity: connect ECONNREFUSED');
    return found ?? null;
  };
  return {
    person: async (_t: string, id: string) => answer(id),
    people: async (_t: string, ids: string[]) => {
      const found = new Map<string, PersonLookup | IdentityUnavailableError>();
      for (const id of ids) {
        try {
          found.set(id, answer(id));
        } catch (err) {
          found.set(id, err as IdentityUnavailableError);
        }
      }
      return found;
    },
  } as unknown as IdentityPeopleClient;
}

/** For unit specs: a mailer that sends each notification's copy at most once (as the outbox makes it) and records it. */
export function fakeMailer(result: (n: Notification) => Outcome = (n) => ({ userId: n.userId, status: 'succeeded' })) {
  const sent: { id: string; to: string }[] = [];
  const mailer = {
    sendCopy: async (n: Notification, person: PersonView) => {
      const outcome = result(n);
      if (outcome.status === 'succeeded' && !sent.some((s) => s.id === n._id)) sent.push({ id: n._id, to: person.email });
      return outcome;
    },
  } as unknown as NotificationMailer;
  return { mailer, sent };
}

/** A person as identity's GET person answers. */
export function personView(userId: string, fields: Partial<PersonView> = {}): PersonView {
  return testPersonView(userId, fields);
}
