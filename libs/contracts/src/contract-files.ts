import { buildAsyncApi } from './asyncapi';
import { contractSchemas } from './json-schema';

/** Where the generated contract documents live, relative to the repository root. */
export const CONTRACTS_DIR = 'docs/contracts';
export const JSON_SCHEMA_DIR = `${CONTRACTS_DIR}/json-schema`;

/** How every generated file is written: 2-space JSON with a trailing newline. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** `params/change-role` → `params.change-role.json`: flat file names. */
export function schemaFileName(name: string): string {
  return `${name.replace(/\//g, '.')}.json`;
}

/**
 * Every generated contract file, path (relative to the repository root) → content.
 * Generation is deterministic: the same source gives byte-identical files, so a diff is a change.
 */
export function contractFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, schema] of Object.entries(contractSchemas())) {
    files[`${JSON_SCHEMA_DIR}/${schemaFileName(name)}`] = formatJson(schema);
  }
  files[`${CONTRACTS_DIR}/asyncapi.json`] = formatJson(buildAsyncApi());
  return files;
}
