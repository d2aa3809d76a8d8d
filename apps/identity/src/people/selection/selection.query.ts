import { Readable } from 'node:stream';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SelectionDigest, SelectionSpec } from '@cohort/contracts';
import { toPeopleQuery } from '../people-filter';
import { PeopleRepository } from '../people.repository';
import { digestOf, selectedIds, selectionLines } from './selection-lines';

/** Every person a selection covers, as an NDJSON stream (SelectionStreamLine). */
export class StreamSelection {
  constructor(
    readonly tenantId: string,
    readonly spec: SelectionSpec,
  ) {}
}

/** Who a selection covers, as count and digest only. */
export class DigestSelection {
  constructor(
    readonly tenantId: string,
    readonly spec: SelectionSpec,
  ) {}
}

/**
 * A pull stream over ONE store cursor: a line is produced only when the reader asks for it, so a slow
 * client pauses the cursor, and destroying the stream (client gone) closes the cursor. The filter is
 * checked before the stream exists, so a bad filter is still a 400.
 */
@QueryHandler(StreamSelection)
export class StreamSelectionHandler implements IQueryHandler<StreamSelection, Readable> {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ tenantId, spec }: StreamSelection): Promise<Readable> {
    const lines = selectionLines(selectedIds(this.selected(tenantId, spec), spec.excludeIds));
    return Readable.from(lines, { objectMode: false, highWaterMark: 1 << 16 });
  }

  // TODO(imports): spec.importId streams the staged rows of an upload
  private selected(tenantId: string, spec: SelectionSpec): AsyncIterable<string> {
    return this.people.userIds(toPeopleQuery(tenantId, spec.filter ?? {}));
  }
}

@QueryHandler(DigestSelection)
export class DigestSelectionHandler implements IQueryHandler<DigestSelection, SelectionDigest> {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ tenantId, spec }: DigestSelection): Promise<SelectionDigest> {
    return digestOf(selectedIds(this.people.userIds(toPeopleQuery(tenantId, spec.filter ?? {})), spec.excludeIds));
  }
}
