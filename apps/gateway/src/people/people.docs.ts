import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { PeopleFilter, toJsonSchema } from '@cohort/contracts';
import { LIST_PARAMS } from './people-query';

type PropertySchema = { description?: string; type?: string; items?: { enum?: string[] }; enum?: string[] };

/** The query parameters of `GET /v1/people`, one per PeopleFilter field (described from its schema) plus paging. */
export function ApiPeopleQuery(): MethodDecorator {
  const properties = toJsonSchema(PeopleFilter).properties as Record<string, PropertySchema>;
  const filters = Object.entries(properties).map(([name, schema]) => {
    const list = (LIST_PARAMS as readonly string[]).includes(name);
    const values = schema.items?.enum ?? schema.enum;
    const description = [schema.description, list && 'comma-separated or repeated', values && `one of ${values.join(', ')}`]
      .filter(Boolean)
      .join('; ');
    return ApiQuery({ name, required: false, type: String, description });
  });
  return applyDecorators(
    ...filters,
    ApiQuery({ name: 'cursor', required: false, type: String, description: 'nextCursor of the previous page' }),
    ApiQuery({ name: 'limit', required: false, type: Number, description: 'People per page, 1 to 200 (default 50)' }),
  );
}
