import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { Parser as AsyncApiParser } from '@asyncapi/parser';
import { buildAsyncApi } from './asyncapi';
import { contractFiles, JSON_SCHEMA_DIR } from './contract-files';

const root = join(__dirname, '../../..');

/**
 * @asyncapi/parser's Node build cannot load in this repository: npm hoists ajv-errors next to
 * the top-level ajv 8.17 (pinned by @nestjs/cli) while Spectral uses its own ajv 8.20, and
 * mixing the two copies' code generators throws "Unexpected token ':'" (stoplightio/spectral#2946).
 * Its browser bundle carries one ajv of its own and runs under Node once `self` exists.
 */
function asyncApiParser(): AsyncApiParser {
  (globalThis as { self?: unknown }).self ??= globalThis;
  const Parser = jest.requireActual<new () => AsyncApiParser>('@asyncapi/parser/browser');
  return new Parser();
}

const ERROR = 0; // DiagnosticSeverity.Error

describe('generated contract documents (docs/contracts)', () => {
  const expected = contractFiles();

  it('are up to date with libs/contracts — run npm run contracts', () => {
    const problems: string[] = [];
    for (const [path, content] of Object.entries(expected)) {
      const abs = join(root, path);
      if (!existsSync(abs)) problems.push(`missing: ${path}`);
      else if (readFileSync(abs, 'utf8') !== content) problems.push(`stale: ${path}`);
    }
    const dir = join(root, JSON_SCHEMA_DIR);
    for (const file of existsSync(dir) ? readdirSync(dir) : []) {
      if (!(`${JSON_SCHEMA_DIR}/${file}` in expected)) problems.push(`unexpected: ${JSON_SCHEMA_DIR}/${file}`);
    }
    if (problems.length > 0) throw new Error(`contract files differ from libs/contracts, run npm run contracts:\n${problems.join('\n')}`);
  });

  it('include a valid AsyncAPI 3 document', async () => {
    const diagnostics = await asyncApiParser().validate(JSON.parse(JSON.stringify(buildAsyncApi())));
    const errors = diagnostics.filter((d) => d.severity === ERROR).map((d) => `${d.path.join('/')}: ${d.message}`);
    expect(errors).toEqual([]);
  });

  it('(the AsyncAPI validator does catch a broken document)', async () => {
    const broken = JSON.parse(JSON.stringify(buildAsyncApi()));
    broken.channels.commands.address = 42;
    broken.components.schemas.BatchCommand.properties.tenantId.type = 'tenant';
    const diagnostics = await asyncApiParser().validate(broken);
    expect(diagnostics.filter((d) => d.severity === ERROR).length).toBeGreaterThanOrEqual(1);
  });
});
