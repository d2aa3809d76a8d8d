import { z } from 'zod';
import {
  ACTION_IDS,
  CourseList,
  DirectoryPage,
  ImportSummary,
  ItemPage,
  JobEvent,
  JobList,
  JobStatus,
  JobView,
  JsonSchema,
  PeopleFilter,
  PersonView,
  Preview,
  SERVICES,
  TokenAccepted,
  UndoRequest,
  toJsonSchema,
} from '@cohort/contracts';
import { AcceptInvitationBody, PasswordResetBody } from '../accounts/account-links';
import { GroupPickerList } from '../groups/group-list';
import { PersonProfile } from '../people/person-profile';
import { CreateJobBody, PreviewBody } from '../jobs/job-requests';

/** A zod schema as an OpenAPI 3.1 component (JSON Schema 2020-12 without its dialect line). */
function component(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...rest } = toJsonSchema(schema);
  return rest;
}

/** A job body whose `action` lists the catalogue. */
function jobBody(schema: z.ZodType): JsonSchema {
  const body = component(schema);
  const properties = body.properties as Record<string, JsonSchema>;
  properties.action = { ...properties.action, enum: [...ACTION_IDS], description: 'Action id of the catalogue (see GET /v1/actions)' };
  return body;
}

const ErrorSchema: JsonSchema = {
  type: 'object',
  required: ['code', 'message', 'details'],
  properties: {
    code: { type: 'string', description: 'Stable code, e.g. REQUEST.INVALID, AUTH.FORBIDDEN, UPSTREAM.UNAVAILABLE' },
    message: { type: 'string' },
    details: { type: 'object', description: '`field` names the wrong field of a 400 as a dotted path', additionalProperties: true },
  },
};

const ActionSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'service', 'title', 'description', 'reversible', 'destructive', 'paramsSchema'],
  properties: {
    id: { type: 'string', enum: [...ACTION_IDS] },
    service: { type: 'string', enum: [...SERVICES] },
    title: { type: 'string' },
    description: { type: 'string' },
    reversible: { type: 'boolean', description: 'A finished job can be undone' },
    destructive: { type: 'boolean', description: 'Over the approval threshold it needs options.approvalCount' },
    paramsSchema: { type: 'object', description: 'JSON Schema (draft 2020-12) of the parameters' },
  },
};

/** The named schemas the routes refer to (`#/components/schemas/<name>`). */
export function openApiSchemas(): Record<string, JsonSchema> {
  return {
    Error: ErrorSchema,
    Action: ActionSchema,
    PreviewBody: jobBody(PreviewBody),
    CreateJobBody: jobBody(CreateJobBody),
    UndoBody: component(UndoRequest),
    JobAccepted: component(z.object({ id: z.string(), status: JobStatus })),
    Preview: component(Preview),
    JobView: component(JobView),
    JobList: component(JobList),
    ItemPage: component(ItemPage),
    JobEvent: component(JobEvent),
    PeopleFilter: component(PeopleFilter),
    PersonView: component(PersonView),
    PersonProfile: component(PersonProfile),
    GroupPickerList: component(GroupPickerList),
    CourseList: component(CourseList),
    DirectoryPage: component(DirectoryPage),
    ImportSummary: component(ImportSummary),
    AcceptInvitationBody: component(AcceptInvitationBody),
    PasswordResetBody: component(PasswordResetBody),
    TokenAccepted: component(TokenAccepted),
  };
}
