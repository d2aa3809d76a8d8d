import { INestApplication } from '@nestjs/common';
import { Producer } from 'kafkajs';
import { GridFSBucket } from 'mongodb';
import PDFParser from 'pdf2json';
import yauzl from 'yauzl';
import { ChunkResult, ItemView, JobView, TOPICS, WorkChunk } from '@cohort/contracts';
import { eventually, plainProducer, TopicRecorder, uniqueTenant } from '@cohort/testing';
import { certificateIdFor } from '../../apps/learning/src/certificates/certificate';
import { caughtMail } from '../support/maildev';
import { CohortSystem, getJson, personDoc, postJson, startSystem } from '../support/system';

/** The text of a PDF as a reader extracts it. */
function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParser(null, true);
  return new Promise((resolve, reject) => {
    parser.on('pdfParser_dataError', (err) => reject(err instanceof Error ? err : err.parserError));
    parser.on('pdfParser_dataReady', () => resolve(parser.getRawTextContent()));
    parser.parseBuffer(pdf, 0);
  });
}

/** Every entry of a ZIP, by name. */
function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err ?? new Error('no zip'));
      const entries = new Map<string, Buffer>();
      file.on('error', reject).on('end', () => resolve(entries));
      file.on('entry', (entry: yauzl.Entry) =>
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no entry stream'));
          const parts: Buffer[] = [];
          stream.on('data', (p: Buffer) => parts.push(p)).on('error', reject);
          stream.on('end', () => (entries.set(entry.fileName, Buffer.concat(parts)), file.readEntry()));
        }),
      );
      file.readEntry();
    });
  });
}

/**
 * Certificates end to end on real parts (Kafka, the store with GridFS, SMTP into MailDev): assign-certificate
 * through the orchestrator renders a PDF per person and e-mails them once; download-certificates collects the
 * selection's PDFs into one streamed ZIP; learning's erase-person removes the records and their files.
 */
describe('certificates: assign, e-mail, PDF, ZIP of a selection, erasure', () => {
  const tenant = uniqueTenant('certs');
  let system: CohortSystem;
  let learning: INestApplication;
  let learningUrl: string;
  let recorder: TopicRecorder;
  let producer: Producer;
  const certificates = () => system.db('learning').collection<{ _id: string } & Record<string, unknown>>('certificates');
  const gridFiles = () => system.db('learning').collection<Record<string, unknown>>('certificate_files.files');
  const gridChunks = () => system.db('learning').collection<Record<string, unknown>>('certificate_files.chunks');
  const PARAMS = { title: 'Certificate of Completion', courseId: 'safety' };

  async function runJob(action: string, params: Record<string, unknown>, userIds: string[]): Promise<{ id: string; items: Map<string, ItemView> }> {
    const res = await postJson<{ id: string }>(system.jobsUrl(tenant), { actorId: 'owner', action, params, selection: { userIds } });
    expect(res.status).toBe(202);
    const url = `${system.jobsUrl(tenant)}/${res.body.id}`;
    await eventually(async () => ['completed', 'failed'].includes((await getJson<JobView>(url)).body.status), 45_000, `${action} job to end`);
    const items = await getJson<{ items: ItemView[] }>(`${url}/items`);
    return { id: res.body.id, items: new Map(items.body.items.map((i) => [i.userId, i])) };
  }

  const mailsTo = (userId: string) => caughtMail((a) => a === `${userId}@${tenant}.test`);

  beforeAll(async () => {
    recorder = await new TopicRecorder([TOPICS.results]).start();
    producer = await plainProducer();
    system = await startSystem();
    learning = await system.startParticipant('learning');
    await system.startParticipant('communications');
    learningUrl = `${(await learning.getUrl()).replace('[::1]', '127.0.0.1')}/internal/tenants/${tenant}`;
    await system
      .db('identity')
      .collection('people')
      .insertMany([
        personDoc(tenant, 'owner', { role: 'Owner' }),
        personDoc(tenant, 'lukasz', { name: 'Łukasz Müller', language: 'pl' }),
        personDoc(tenant, 'orsted', { name: 'Ørsted Hansen', language: 'da' }),
        personDoc(tenant, 'olaf', { name: 'Olaf', status: 'deactivated' }),
        personDoc(tenant, 'uma', { name: 'Uma Uncertified' }),
        personDoc(tenant, 'seeded', { name: 'Sam Seeded' }),
      ] as never[]);
    await system
      .db('learning')
      .collection('courses')
      .insertOne({ _id: `${tenant}:safety`, tenantId: tenant, courseId: 'safety', title: 'Safety at Work', kind: 'course' } as never);
    // a certificate recorded without its PDF (seeded data): the download job renders it on the way
    await certificates().insertOne({
      _id: `${tenant}:crt-seeded`,
      tenantId: tenant,
      userId: 'seeded',
      certificateId: 'crt-seeded',
      title: 'First Aid',
      personName: 'Sam Seeded',
      verificationCode: 'SEED-SEED-SEED',
      issuedAt: new Date('2025-06-01T00:00:00Z'),
      jobId: 'seed',
    });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await system?.stop();
  });

  it('assign-certificate: a PDF per person with their name and code, one e-mail each; inactive skipped, unknown failed', async () => {
    const { items } = await runJob('assign-certificate', PARAMS, ['lukasz', 'orsted', 'olaf', 'ghost']);
    expect(items.get('lukasz')).toMatchObject({ status: 'succeeded' });
    expect(items.get('orsted')).toMatchObject({ status: 'succeeded' });
    expect(items.get('olaf')).toMatchObject({ status: 'skipped', code: 'LEARNING.PERSON_INACTIVE' });
    expect(items.get('ghost')).toMatchObject({ status: 'failed', code: 'LEARNING.NOT_FOUND' });

    for (const [userId, name] of [
      ['lukasz', 'Łukasz Müller'],
      ['orsted', 'Ørsted Hansen'],
    ]) {
      const record = await certificates().findOne({ tenantId: tenant, userId, title: PARAMS.title });
      expect(record).toMatchObject({ courseId: 'safety', courseTitle: 'Safety at Work', personName: name, issuedAt: expect.any(Date) });
      expect(record?.verificationCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const pdf = await fetch(`${learningUrl}/certificates/${record!.certificateId}/pdf?userId=${userId}`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const text = await pdfText(Buffer.from(await pdf.arrayBuffer()));
      for (const expected of [name, String(record!.verificationCode), PARAMS.title, 'Safety at Work']) expect(text).toContain(expected);
      await eventually(async () => (await mailsTo(userId)).length > 0, 15_000, `the certificate e-mail to ${userId}`);
      const mails = await mailsTo(userId);
      expect(mails).toHaveLength(1);
      expect(mails[0].text).toContain(`/certificates/${record!.certificateId}`);
    }
    expect(await gridFiles().countDocuments({ 'metadata.tenantId': tenant })).toBe(2);
    expect(await mailsTo('olaf')).toHaveLength(0);
    const someone = await certificates().findOne({ tenantId: tenant, userId: 'lukasz' });
    expect((await fetch(`${learningUrl}/certificates/${someone!.certificateId}/pdf?userId=orsted`)).status).toBe(404);
    expect((await fetch(`${learningUrl}/certificates/crt-nope/pdf`)).status).toBe(404);

    // the same certificate again: ALREADY_CERTIFIED, no second record, file or e-mail
    const again = await runJob('assign-certificate', PARAMS, ['lukasz']);
    expect(again.items.get('lukasz')).toMatchObject({ status: 'skipped', code: 'LEARNING.ALREADY_CERTIFIED' });
    expect(await certificates().countDocuments({ tenantId: tenant, userId: 'lukasz' })).toBe(1);
    expect(await gridFiles().countDocuments({ 'metadata.tenantId': tenant })).toBe(2);
    expect(await mailsTo('lukasz')).toHaveLength(1);
  });

  it('download-certificates: one streamed ZIP with one PDF per certificate holder; nobody else', async () => {
    const { id, items } = await runJob('download-certificates', {}, ['lukasz', 'orsted', 'uma', 'seeded']);
    expect(items.get('uma')).toMatchObject({ status: 'skipped', code: 'LEARNING.NO_CERTIFICATE' });
    for (const userId of ['lukasz', 'orsted', 'seeded']) expect(items.get(userId)).toMatchObject({ status: 'succeeded' });

    const res = await fetch(`${learningUrl}/jobs/${id}/artifact`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const entries = await unzip(Buffer.from(await res.arrayBuffer()));
    expect(entries.size).toBe(3);
    expect([...entries.keys()]).toEqual(
      expect.arrayContaining([
        'Sam Seeded - First Aid - SEED-SEED-SEED.pdf',
        expect.stringMatching(/^Łukasz Müller - Certificate of Completion - [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\.pdf$/),
        expect.stringMatching(/^Ørsted Hansen - Certificate of Completion - [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\.pdf$/),
      ]),
    );
    for (const [name, pdf] of entries) expect(await pdfText(pdf)).toContain(name.split(' - ')[0]);
    expect(await certificates().findOne({ _id: `${tenant}:crt-seeded` })).toMatchObject({ fileId: expect.anything() });

    const none = await getJson<{ code: string }>(`${learningUrl}/jobs/no-such-job/artifact`);
    expect(none).toEqual({ status: 404, body: expect.objectContaining({ code: 'LEARNING.NO_ARTIFACT' }) });
  });

  it('erase-person removes the person’s certificate records and PDFs (files and chunks), and nobody else’s', async () => {
    const files = await gridFiles().find({ 'metadata.tenantId': tenant, 'metadata.userId': 'lukasz' }).toArray();
    expect(files).toHaveLength(1);
    const work: WorkChunk = {
      jobId: `erase-${tenant}`,
      step: 2,
      chunk: 0,
      attempt: 1,
      tenantId: tenant,
      action: 'erase-person',
      params: {},
      userIds: ['lukasz'],
    };
    await producer.send({ topic: TOPICS.learningWork, messages: [{ key: work.jobId, value: JSON.stringify(work) }] });
    const [result] = await recorder.waitFor<ChunkResult>(TOPICS.results, (r) => r.jobId === work.jobId && r.service === 'learning');
    expect(result.outcomes).toEqual([{ userId: 'lukasz', status: 'succeeded' }]);

    expect(await certificates().countDocuments({ tenantId: tenant, userId: 'lukasz' })).toBe(0);
    expect(await gridFiles().countDocuments({ 'metadata.tenantId': tenant, 'metadata.userId': 'lukasz' })).toBe(0);
    expect(await gridChunks().countDocuments({ files_id: files[0]._id })).toBe(0);
    expect(await system.db('learning').collection('certificate_artifacts').countDocuments({ tenantId: tenant, userId: 'lukasz' })).toBe(0);
    expect(await certificates().countDocuments({ tenantId: tenant, userId: 'orsted' })).toBe(1);
    expect(await gridFiles().countDocuments({ 'metadata.tenantId': tenant, 'metadata.userId': 'orsted' })).toBe(1);
  });

  it('a retry after a crash between upload and record reuses the uploaded PDF; a redelivery writes nothing more', async () => {
    const jobId = `crashed-${tenant}`;
    const certificateId = certificateIdFor(tenant, jobId, 'uma');
    const issuedAt = new Date('2026-02-03T00:00:00Z');
    const bucket = new GridFSBucket(system.db('learning'), { bucketName: 'certificate_files' });
    const upload = bucket.openUploadStream(`${certificateId}.pdf`, { metadata: { tenantId: tenant, userId: 'uma', certificateId, issuedAt } });
    await new Promise((resolve, reject) => upload.once('finish', resolve).once('error', reject).end(Buffer.from('%PDF-1.3 the first attempt')));

    const deliver = async (attempt: number) => {
      const work: WorkChunk = {
        jobId,
        step: 0,
        chunk: 0,
        attempt,
        tenantId: tenant,
        action: 'assign-certificate',
        params: { title: 'Mentor' },
        userIds: ['uma'],
      };
      await producer.send({ topic: TOPICS.learningWork, messages: [{ key: jobId, value: JSON.stringify(work) }] });
      const [result] = await recorder.waitFor<ChunkResult>(
        TOPICS.results,
        (r) => r.jobId === jobId && r.attempt === attempt && r.service === 'learning',
      );
      return result.outcomes;
    };
    const first = await deliver(1);
    expect(first).toEqual([{ userId: 'uma', status: 'succeeded', data: { kind: 'certificate-awarded', courseTitle: 'Mentor', certificateId } }]);
    expect(await deliver(2)).toEqual(first);
    expect(await certificates().find({ tenantId: tenant, userId: 'uma' }).toArray()).toEqual([
      expect.objectContaining({ certificateId, title: 'Mentor', fileId: upload.id, issuedAt }),
    ]);
    expect(await gridFiles().countDocuments({ filename: `${certificateId}.pdf` })).toBe(1);
  });
});
