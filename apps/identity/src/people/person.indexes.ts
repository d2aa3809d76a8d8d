/**
 * The indexes of identity's `people` collection (person.schema.ts declares them from this list; the
 * benches create the same set before seeding). One per directory filter field (DESIGN.md §1), so
 * counting "all N matching" is an index count on MongoDB.
 */
export const PERSON_INDEXES: ReadonlyArray<readonly [Record<string, 1>, { unique?: true }?]> = [
  [{ tenantId: 1, email: 1 }, { unique: true }],
  [{ tenantId: 1, role: 1 }],
  [{ tenantId: 1, status: 1 }],
  [{ tenantId: 1, labels: 1 }],
  [{ tenantId: 1, groupIds: 1 }],
  [{ tenantId: 1, courseIds: 1 }],
  [{ tenantId: 1, completedCourseIds: 1 }],
  [{ tenantId: 1, specialisms: 1 }],
  [{ tenantId: 1, language: 1 }],
  [{ tenantId: 1, country: 1 }],
  [{ tenantId: 1, hireDate: 1 }],
  [{ tenantId: 1, lastActiveAt: 1 }],
];
