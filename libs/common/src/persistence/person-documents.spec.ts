import { Collection } from 'mongodb';
import { PersonDocument, PersonDocuments } from './person-documents';

interface Doc extends PersonDocument {
  tasks: string[];
}

/** Records what the documents class sends to the collection. */
function recordingCollection() {
  const sent: { inserts: unknown[][]; bulk: unknown[][] } = { inserts: [], bulk: [] };
  const collection = {
    insertMany: async (docs: unknown[]) => {
      sent.inserts.push(docs);
      return { insertedCount: docs.length };
    },
    bulkWrite: async (ops: unknown[]) => {
      sent.bulk.push(ops);
      return {};
    },
  } as unknown as Collection<Doc>;
  return { collection, sent };
}

describe('PersonDocuments.applyOnce', () => {
  it('writes each person by `_id` alone with its op marker, one ordered bulk write (any other filter is a collection scan on FerretDB 1.x)', async () => {
    const { collection, sent } = recordingCollection();
    const docs = new PersonDocuments<Doc>(collection, () => ({ tasks: [] }));
    await docs.applyOnce('t', [
      { userId: 'a', update: { $set: { tasks: ['x'] } }, op: { k: 'job:1', b: { tasks: [] } } },
      { userId: 'b', update: { $push: { tasks: 'y' } }, op: { k: 'job:1' } },
    ]);
    expect(sent.inserts).toEqual([
      [
        { tasks: [], _id: 't:a', tenantId: 't', userId: 'a', ops: [] },
        { tasks: [], _id: 't:b', tenantId: 't', userId: 'b', ops: [] },
      ],
    ]);
    expect(sent.bulk).toEqual([
      [
        {
          updateOne: {
            filter: { _id: 't:a' },
            update: { $set: { tasks: ['x'] }, $push: { ops: { $each: [{ k: 'job:1', b: { tasks: [] } }], $slice: -50 } } },
          },
        },
        { updateOne: { filter: { _id: 't:b' }, update: { $push: { tasks: 'y', ops: { $each: [{ k: 'job:1' }], $slice: -50 } } } } },
      ],
    ]);
  });

  it('writes nothing for no updates', async () => {
    const { collection, sent } = recordingCollection();
    await new PersonDocuments<Doc>(collection, () => ({ tasks: [] })).applyOnce('t', []);
    expect(sent).toEqual({ inserts: [], bulk: [] });
  });
});
