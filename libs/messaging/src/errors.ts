/** A message that can never be processed as it is (bad JSON, fails its schema): it goes to the DLQ at once. */
export class InvalidMessageError extends Error {
  constructor(
    message: string,
    readonly code = 'MESSAGE.INVALID',
    readonly field?: string,
  ) {
    super(message);
  }
}
