import { content, fakeCatalogue, testPerson, testRunner, testWork } from '../test-learning';
import { ShareContent, ShareContentHandler } from './share-content.handler';

describe('ShareContentHandler', () => {
  const items = [
    { kind: 'item', id: 'i1' },
    { kind: 'learnlist', id: 'l1' },
  ];

  it('shares the items once; a redelivery adds nothing', async () => {
    const { runner, learners } = testRunner([testPerson('u1')]);
    const handler = new ShareContentHandler(runner, fakeCatalogue([], [content('item', 'i1'), content('learnlist', 'l1')]));
    const work = testWork('share-content', { items });
    const first = await handler.execute(new ShareContent(work));
    expect(first).toEqual([{ userId: 'u1', status: 'succeeded', before: items }]);
    expect(await handler.execute(new ShareContent(work))).toEqual(first);
    expect(learners.store.get('u1')?.contentShares.map((c) => `${c.kind}:${c.id}`)).toEqual(['item:i1', 'learnlist:l1']);
  });

  it('missing content fails everyone and writes nothing', async () => {
    const { runner, learners } = testRunner([testPerson('u1')]);
    const [outcome] = await new ShareContentHandler(runner, fakeCatalogue([], [content('item', 'i1')])).execute(
      new ShareContent(testWork('share-content', { items })),
    );
    expect(outcome).toMatchObject({ code: 'LEARNING.CONTENT_NOT_FOUND', message: 'learnlist l1 not found' });
    expect(learners.batches).toEqual([]);
  });

  it('bad params fail everyone naming the field', async () => {
    const { runner } = testRunner([testPerson('u1')]);
    const [outcome] = await new ShareContentHandler(runner, fakeCatalogue()).execute(
      new ShareContent(testWork('share-content', { items: [{ kind: 'video', id: 'v1' }] })),
    );
    expect(outcome).toMatchObject({ code: 'LEARNING.INVALID_PARAMS', message: expect.stringMatching(/^params\.items\.0\.kind: /) });
  });
});
