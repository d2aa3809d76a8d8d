import type { JsonSchema } from '../api/types';
import { fieldsOf, initialValues, labelOf, paramsOf, problemsOf, splitTags } from './schema-fields';

const object = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({ type: 'object', properties, required });

describe('forms from parameter schemas', () => {
  it('picks a field kind per property', () => {
    const fields = fieldsOf(
      'x',
      object(
        {
          language: { type: 'string', enum: ['en', 'nl'] },
          groupIds: { type: 'array', items: { type: 'string' }, minItems: 1 },
          courseIds: { type: 'array', items: { type: 'string' } },
          courseId: { type: 'string' },
          managerUserId: { type: 'string' },
          labels: { type: 'array', items: { type: 'string', maxLength: 64 } },
          columns: { type: 'array', items: { type: 'string', enum: ['email', 'name'] } },
          email: { type: 'boolean', default: false },
          dueDate: { type: 'string', format: 'date' },
          title: { type: 'string', maxLength: 200 },
          body: { type: 'string', maxLength: 5000 },
          items: { type: 'array', items: object({ kind: { type: 'string', enum: ['item', 'channel'] }, id: { type: 'string' } }, ['kind', 'id']) },
        },
        ['language', 'groupIds'],
      ),
    );
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['language', 'select', true],
      ['groupIds', 'groups', true],
      ['courseIds', 'courses', false],
      ['courseId', 'course', false],
      ['managerUserId', 'manager', false],
      ['labels', 'tags', false],
      ['columns', 'checkboxes', false],
      ['email', 'checkbox', false],
      ['dueDate', 'date', false],
      ['title', 'text', false],
      ['body', 'textarea', false],
      ['items', 'rows', false],
    ]);
    expect(fields[11].columns?.map((c) => [c.name, c.kind, c.required])).toEqual([
      ['kind', 'select', true],
      ['id', 'text', true],
    ]);
  });

  it('asks invite-users for a file, not for a list of invitees', () => {
    expect(fieldsOf('invite-users', object({ invitees: { type: 'array', items: object({}) } }))).toEqual([]);
  });

  it('turns the form into params: trimmed, tags split, empty optional fields left out', () => {
    const fields = fieldsOf(
      'x',
      object(
        {
          title: { type: 'string' },
          description: { type: 'string', maxLength: 2000 },
          labels: { type: 'array', items: { type: 'string' } },
          email: { type: 'boolean', default: false },
          resetAccessCode: { type: 'boolean' },
          groupIds: { type: 'array', items: { type: 'string' } },
        },
        ['title'],
      ),
    );
    const values = { ...initialValues(fields), title: '  Onboarding ', labels: 'a, b;a\n c ', groupIds: ['g1'] };
    expect(paramsOf(fields, values)).toEqual({ title: 'Onboarding', labels: ['a', 'b', 'c'], email: false, groupIds: ['g1'] });
  });

  it('says what is missing or wrong before asking the server', () => {
    const fields = fieldsOf(
      'x',
      object(
        {
          role: { type: 'string', enum: ['Admin'] },
          title: { type: 'string', maxLength: 5 },
          country: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO code' },
          groupIds: { type: 'array', items: { type: 'string' } },
        },
        ['role', 'title', 'groupIds'],
      ),
    );
    expect(problemsOf(fields, { ...initialValues(fields), title: 'too long', country: 'nl' })).toEqual({
      role: 'Choose a role.',
      title: 'At most 5 characters.',
      country: 'Not valid: ISO code.',
      groupIds: 'Choose teams or groups.',
    });
    expect(problemsOf(fields, { role: 'Admin', title: 'ok', country: 'NL', groupIds: ['g'] })).toEqual({});
  });

  it('labels names for people', () => {
    expect(labelOf('dueDate')).toBe('Due date');
    expect(labelOf('profileVisibility')).toBe('Profile visibility');
    expect(labelOf('language')).toBe('Language');
    expect(splitTags(' , ')).toEqual([]);
  });
});
