import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Thrown before a write by a consumer that no longer owns the message it is working on (the group dropped it
 * while the message was in hand, so the partition's next owner may be working the same message): the write is
 * not made and the message is left uncommitted for that owner.
 */
export class DeliveryFencedError extends Error {
  readonly code = 'DELIVERY.FENCED';
}

/** The delivery of the Kafka message being handled: whether this consumer still owns it. */
export interface Delivery {
  /** resolves when the consumer still owns the message; throws DeliveryFencedError when it does not */
  confirm(): Promise<void>;
}

const current = new AsyncLocalStorage<Delivery>();

/** Runs a message's handler with its delivery in scope (the consumer transport does this). */
export function withDelivery<T>(delivery: Delivery, handle: () => Promise<T>): Promise<T> {
  return current.run(delivery, handle);
}

/**
 * Called right before a write that must happen once per work chunk: throws DeliveryFencedError when the
 * consumer handling the chunk has been dropped from its group. Outside a Kafka delivery (an HTTP request, a
 * test) it does nothing.
 */
export async function confirmDelivery(): Promise<void> {
  await current.getStore()?.confirm();
}
