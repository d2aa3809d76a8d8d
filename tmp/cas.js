const { MongoClient } = require('mongodb');
(async () => {
  const c = await MongoClient.connect('mongodb://127.0.0.1:27018/');
  const col = c.db('cas_probe').collection('p');
  await col.drop().catch(() => {});
  const N = 20000;
  const docs = [];
  for (let i = 0; i < N; i++) docs.push({ _id: `t:${i}`, tenantId: 't', userId: String(i), ops: [], x: 0, ...(i % 2 ? { rev: 3 } : {}) });
  for (let i = 0; i < N; i += 1000) await col.insertMany(docs.slice(i, i + 1000));
  // semantics
  let r = await col.updateOne({ _id: 't:0', rev: { $exists: false } }, { $inc: { rev: 1 }, $set: { x: 1 } });
  console.log('exists:false on missing ->', r.matchedCount);
  r = await col.updateOne({ _id: 't:0', rev: { $exists: false } }, { $inc: { rev: 1 }, $set: { x: 2 } });
  console.log('exists:false after inc ->', r.matchedCount, await col.findOne({ _id: 't:0' }));
  r = await col.updateOne({ _id: 't:1', rev: 2 }, { $inc: { rev: 1 } });
  console.log('rev 2 on rev 3 ->', r.matchedCount);
  r = await col.updateOne({ _id: 't:1', rev: 3 }, { $inc: { rev: 1 } });
  console.log('rev 3 on rev 3 ->', r.matchedCount);
  const b = await col.bulkWrite([
    { updateOne: { filter: { _id: 't:3', rev: 3 }, update: { $inc: { rev: 1 } } } },
    { updateOne: { filter: { _id: 't:5', rev: 9 }, update: { $inc: { rev: 1 } } } },
    { updateOne: { filter: { _id: 't:7', rev: 3 }, update: { $inc: { rev: 1 } } } },
  ], { ordered: false });
  console.log('bulk matched', b.matchedCount, 'modified', b.modifiedCount);
  // timing
  async function time(label, mk) {
    const t = Date.now();
    for (let k = 0; k < 10; k++) {
      const ops = [];
      for (let i = 0; i < 100; i++) { const id = 2 * (k * 100 + i) + 1001; ops.push({ updateOne: { filter: mk(id), update: { $inc: { rev: 1, x: 1 }, $push: { ops: { $each: [{ k: 'j:' + label }], $slice: -50 } } } } }); }
      await col.bulkWrite(ops, { ordered: true });
    }
    console.log(label, ((Date.now() - t) / 1000).toFixed(2), 'ms/update');
  }
  await time('id', (id) => ({ _id: `t:${id}` }));
  await time('idrev', (id) => ({ _id: `t:${id}`, rev: 4 }));
  await time('id2', (id) => ({ _id: `t:${id}` }));
  await time('idexists', (id) => ({ _id: `t:${id}`, rev: { $exists: true } }));
  await c.db('cas_probe').dropDatabase();
  await c.close();
})();
