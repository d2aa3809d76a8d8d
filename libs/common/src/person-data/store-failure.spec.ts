import { WorkChunk } from '@cohort/contracts';
import { DeliveryFencedError } from '@cohort/messaging';
import { storeFailure } from './person-data';

const work = { jobId: 'j1', step: 1, tenantId: 't1', action: 'enrol', userIds: ['u1', 'u2'], params: {} } as unknown as WorkChunk;

describe('storeFailure', () => {
  it('fails every person of the chunk, retryably, naming the service’s store', () => {
    expect(storeFailure('learning', work, new Error('connection reset'))).toEqual([
      { userId: 'u1', status: 'failed', code: 'LEARNING.STORE_UNAVAILABLE', message: 'learning store: connection reset', retryable: true },
      { userId: 'u2', status: 'failed', code: 'LEARNING.STORE_UNAVAILABLE', message: 'learning store: connection reset', retryable: true },
    ]);
  });

  it('reports nothing for a consumer the group dropped: the fence goes up to the transport, which leaves the chunk to its next owner', () => {
    expect(() => storeFailure('membership', work, new DeliveryFencedError('dropped'))).toThrow(DeliveryFencedError);
  });
});
