import { content, NOW, subject, testLearner, testPerson } from '../test-learning';
import { contentKey } from '../../catalogue/catalogue';
import { decideShareContent, ShareContext } from './share-content.decision';

const tenantContent = new Map([content('item', 'i1'), content('channel', 'ch1'), content('learnlist', 'l1')].map((c) => [contentKey(c), c]));
const ctx = (...items: ShareContext['items']): ShareContext => ({ items, content: tenantContent, now: NOW });

describe('decideShareContent', () => {
  const learner = testLearner('u1', { contentShares: [{ kind: 'item', id: 'i1', sharedAt: new Date(0) }] });

  it('adds what is not shared yet; before = the items shared now', () => {
    const d = decideShareContent(
      subject('u1', { learner }),
      ctx({ kind: 'item', id: 'i1' }, { kind: 'channel', id: 'ch1' }, { kind: 'channel', id: 'ch1' }),
    );
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: [{ kind: 'channel', id: 'ch1' }] });
    expect(d.change?.update).toEqual({ $push: { contentShares: { $each: [{ kind: 'channel', id: 'ch1', sharedAt: NOW }] } } });
    expect(d.preview).toEqual({
      before: [{ kind: 'item', id: 'i1' }],
      after: [
        { kind: 'item', id: 'i1' },
        { kind: 'channel', id: 'ch1' },
      ],
    });
  });

  it('skips ALREADY_SHARED when everything is shared', () => {
    expect(decideShareContent(subject('u1', { learner }), ctx({ kind: 'item', id: 'i1' })).outcome).toEqual({
      userId: 'u1',
      status: 'skipped',
      code: 'LEARNING.ALREADY_SHARED',
      message: 'everything is shared with them already',
    });
  });

  it('content the tenant lacks fails the person, naming it (an id of another kind too)', () => {
    expect(decideShareContent(subject('u1'), ctx({ kind: 'item', id: 'ch1' })).outcome).toEqual({
      userId: 'u1',
      status: 'failed',
      code: 'LEARNING.CONTENT_NOT_FOUND',
      message: 'item ch1 not found',
      retryable: false,
    });
  });

  it('skips the inactive, fails the unknown', () => {
    expect(
      decideShareContent(subject('u1', { person: testPerson('u1', { status: 'deactivated' }) }), ctx({ kind: 'learnlist', id: 'l1' })).outcome.code,
    ).toBe('LEARNING.PERSON_INACTIVE');
    expect(decideShareContent(subject('u9', { person: null }), ctx({ kind: 'learnlist', id: 'l1' })).outcome.code).toBe('LEARNING.NOT_FOUND');
  });
});
