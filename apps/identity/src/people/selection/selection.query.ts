import { Readable } from 'node:stream';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SelectionDigest, SelectionSpec } from '@cohort/contracts';
import { StagedInviteesRepository } from '../../imports/staged-invitees.repository';
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
 * The ids a selection spec matches, through one store cursor: the people matching the filter, or the
 * rows of an uploaded file (`importId`: for an invite import the user ids `invite-users` will give them,
 * for a select import the existing people whose e-mail matched — unknown e-mails were never staged).
 * Which actions may use which import is checked at intake (validateCommand). A bad filter throws here,
 * before any stream exists, so it is still a 400.
 */
function matchingIds(people: PeopleRepository, staged: StagedInviteesRepository, tenantId: string, spec: SelectionSpec): AsyncIterable<string> {
  if (spec.importId !== undefined) return staged.userIds(tenantId, spec.importId);
  return people.userIds(toPeopleQuery(tenantId, spec.filter ?? {}));
}

/**
 * A pull stream over ONE store cursor: a line is produced only when the reader asks for it, so a slow
 * client pauses the cursor, and destroying the stream (client gone) closes the cursor.
 */
@QueryHandler(StreamSelection)
export class StreamSelectionHandler implements IQueryHandler<StreamSelection, Readable> {
  constructor(
    private readonly people: PeopleRepository,
    private readonly staged: StagedInviteesRepository,
  ) {}

  async execute({ tenantId, spec }: StreamSelection): Promise<Readable> {
    const lines = selectionLines(selectedIds(matchingIds(this.people, this.staged, tenantId, spec), spec.excludeIds));
    return Readable.from(lines, { objectMode: false, highWaterMark: 1 << 16 });
  }
}

@QueryHandler(DigestSelection)
export class DigestSelectionHandler implements IQueryHandler<DigestSelection, SelectionDigest> {
  constructor(
    private readonly people: PeopleRepository,
    private readonly staged: StagedInviteesRepository,
  ) {}

  async execute({ tenantId, spec }: DigestSelection): Promise<SelectionDigest> {
    return digestOf(selectedIds(matchingIds(this.people, this.staged, tenantId, spec), spec.excludeIds));
  }
}
