import { z } from 'zod';

/**
 * Field definitions shared by the command, the directory filter and the action parameters,
 * so a bound (how long a label may be, how many groups one action may name) is stated once.
 * Each use adds its own `.describe()` text where it differs: the console renders forms from it.
 */

/** Most user ids one command may list; larger selections are a filter plus exclusions. */
export const MAX_SELECTION_IDS = 10_000;

/** An id of a course, group, content item, ...: opaque, like a user id. */
export const EntityId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^:\s]+$/, 'id: no spaces or colons');

/** A bounded, non-empty list. */
export function listOf<T extends z.ZodType>(item: T, max: number) {
  return z.array(item).min(1).max(max);
}

/** A label or specialism. */
export const Tag = z.string().min(1).max(64);
/** ISO 3166-1 alpha-2, upper case. */
export const Country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as NL');
export const IsoDate = z.iso.date();
export const IsoDateTime = z.iso.datetime({ offset: true });

export const courseId = EntityId.describe('Id of the course');
export const courseIds = listOf(EntityId, 100).describe('Ids of the courses, learning paths or course series (1 to 100)');
export const groupIds = listOf(EntityId, 100).describe('Ids of the teams or groups (1 to 100)');
export const labels = listOf(Tag, 100).describe('Labels, each 1 to 64 characters (1 to 100 labels)');
export const specialisms = listOf(Tag, 100).describe('Specialisms, each 1 to 64 characters (1 to 100)');
