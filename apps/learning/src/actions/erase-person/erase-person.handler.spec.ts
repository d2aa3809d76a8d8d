import { Connection } from 'mongoose';
import { CertificateFilesStore } from '../../certificates/certificate-files.store';
import { CertificatesRepository } from '../../certificates/certificates.repository';
import { work } from '../../certificates/test-certificates';
import { EraseLearningPerson, EraseLearningPersonHandler } from './erase-person.handler';

function setup(failFiles = false) {
  const log: string[] = [];
  const connection = {
    collection: (name: string) => ({
      deleteMany: async (where: { userId: { $in: string[] } }) => void log.push(`delete ${name} ${where.userId.$in}`),
    }),
  } as unknown as Connection;
  const files = {
    removeOfPeople: async (_t: string, ids: string[]) => {
      if (failFiles) throw new Error('connection reset');
      log.push(`files ${ids}`);
    },
  } as unknown as CertificateFilesStore;
  const certificates = {
    removeArtifactsOfPeople: async (_t: string, ids: string[]) => void log.push(`artifacts ${ids}`),
  } as unknown as CertificatesRepository;
  return { handler: new EraseLearningPersonHandler(connection, files, certificates), log };
}

describe('EraseLearningPersonHandler', () => {
  it('deletes the PDFs and download rows first, then every document of LEARNING_PERSON_DATA', async () => {
    const { handler, log } = setup();
    expect(await handler.execute(new EraseLearningPerson(work('erase-person', ['a', 'b'], {})))).toEqual([
      { userId: 'a', status: 'succeeded' },
      { userId: 'b', status: 'succeeded' },
    ]);
    expect(log).toEqual(['files a,b', 'artifacts a,b', 'delete learners a,b', 'delete certificates a,b']);
  });

  it('a store failure fails everyone retryably (the records stay for the retry); a dry run deletes nothing', async () => {
    const failing = setup(true);
    expect(await failing.handler.execute(new EraseLearningPerson(work('erase-person', ['a'], {})))).toEqual([
      expect.objectContaining({ status: 'failed', code: 'LEARNING.STORE_UNAVAILABLE', retryable: true }),
    ]);
    expect(failing.log).toEqual([]);
    const dry = setup();
    expect(await dry.handler.execute(new EraseLearningPerson(work('erase-person', ['a'], {}), true))).toEqual([{ userId: 'a', status: 'succeeded' }]);
    expect(dry.log).toEqual([]);
  });
});
