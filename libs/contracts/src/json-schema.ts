import { z } from 'zod';
import { ACTIONS, ACTION_IDS, CatalogueActionId } from './actions/catalogue';
import { BatchCommand } from './messages/command';
import { JobEvent } from './messages/event';
import { IdentityEvent } from './messages/identity-event';
import { PersonFacts } from './messages/person-facts';
import { PeopleFilter } from './messages/people-filter';
import { ChunkResult, WorkChunk } from './messages/work';

export type JsonSchema = { [key: string]: unknown };
/** draft 2020-12 for the published files; draft-07 inside the AsyncAPI document (its schema dialect). */
export type SchemaTarget = 'draft-2020-12' | 'draft-7';

/**
 * The JSON Schema of a zod schema as a publisher should read it: `io: 'input'`, so fields
 * with a default are optional. Refinements the dialect can't express (e.g. "exactly one of")
 * are stated with `.meta()` on the zod schema where JSON Schema has a word for them.
 */
export function toJsonSchema(schema: z.ZodType, target: SchemaTarget = 'draft-2020-12'): JsonSchema {
  return z.toJSONSchema(schema, { target, io: 'input', unrepresentable: 'throw' }) as JsonSchema;
}

export const paramsSchemaName = (id: string) => `params/${id}`;

/** The JSON Schema of an action's parameters, with its title and description (what `GET /v1/actions` serves). */
export function paramsJsonSchema(id: CatalogueActionId, target: SchemaTarget = 'draft-2020-12'): JsonSchema {
  const action = ACTIONS[id];
  const { $schema, description: _, ...rest } = toJsonSchema(action.params, target);
  return { $schema, title: action.title, description: action.description, ...rest };
}

/**
 * BatchCommand as JSON Schema, checking what `validateCommand` checks: `action` is one of the
 * catalogue, and `params` match that action's schema (`paramsOf` inlines them or refers to them).
 */
function batchCommandSchema(target: SchemaTarget, paramsOf: (id: CatalogueActionId) => JsonSchema): JsonSchema {
  const schema = toJsonSchema(BatchCommand, target);
  const properties = schema.properties as Record<string, JsonSchema>;
  properties.action = { ...properties.action, enum: [...ACTION_IDS] };
  schema.allOf = ACTION_IDS.map((id) => ({
    if: { properties: { action: { const: id } }, required: ['action'] },
    then: { properties: { params: paramsOf(id) } },
  }));
  return schema;
}

function titled(title: string, { $schema, ...schema }: JsonSchema): JsonSchema {
  return { $schema, title, ...schema };
}

function withoutDialect({ $schema: _, ...schema }: JsonSchema): JsonSchema {
  return schema;
}

export interface ContractSchemaOptions {
  target?: SchemaTarget;
  /** how BatchCommand embeds an action's params schema; inlined by default */
  paramsRef?: (id: CatalogueActionId) => JsonSchema;
}

/**
 * Every published schema by name: the messages of DESIGN.md §3, the directory filter and
 * each action's parameters as `params/<action-id>`. Names are in a fixed order.
 */
export function contractSchemas(options: ContractSchemaOptions = {}): Record<string, JsonSchema> {
  const target = options.target ?? 'draft-2020-12';
  const paramsOf = options.paramsRef ?? ((id: CatalogueActionId) => withoutDialect(paramsJsonSchema(id, target)));
  const schemas: Record<string, JsonSchema> = {
    BatchCommand: titled('BatchCommand', batchCommandSchema(target, paramsOf)),
    WorkChunk: titled('WorkChunk', toJsonSchema(WorkChunk, target)),
    ChunkResult: titled('ChunkResult', toJsonSchema(ChunkResult, target)),
    JobEvent: titled('JobEvent', toJsonSchema(JobEvent, target)),
    IdentityEvent: titled('IdentityEvent', toJsonSchema(IdentityEvent, target)),
    PersonFacts: titled('PersonFacts', toJsonSchema(PersonFacts, target)),
    PeopleFilter: titled('PeopleFilter', toJsonSchema(PeopleFilter, target)),
  };
  for (const id of ACTION_IDS) schemas[paramsSchemaName(id)] = paramsJsonSchema(id, target);
  return schemas;
}
