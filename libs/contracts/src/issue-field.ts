import { z } from 'zod';

/**
 * The dotted path of the field a zod issue is about, as callers name it in errors
 * (`selection.userIds`, `params.role`); an unknown key names the key itself.
 */
export function issueField(issue: z.core.$ZodIssue, prefix: readonly string[] = []): string {
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
  return [...prefix, ...path.map(String)].join('.');
}
