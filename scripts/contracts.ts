/**
 * Regenerates docs/contracts/ (JSON Schema per message and action, the AsyncAPI document) from
 * libs/contracts. `npm run contracts` writes; `npm run contracts -- --check` exits 1 when a file is
 * stale, missing or left over (CI and libs/contracts/src/contracts-fresh.spec.ts check the same).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { dirname, join, relative } from 'path';
import { contractFiles, JSON_SCHEMA_DIR } from '../libs/contracts/src';

const root = join(__dirname, '..');

type Drift = { path: string; problem: 'stale' | 'missing' | 'unexpected' };

function drift(files: Record<string, string>): Drift[] {
  const found: Drift[] = [];
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    if (!existsSync(abs)) found.push({ path, problem: 'missing' });
    else if (readFileSync(abs, 'utf8') !== content) found.push({ path, problem: 'stale' });
  }
  const schemaDir = join(root, JSON_SCHEMA_DIR);
  const present = existsSync(schemaDir) ? readdirSync(schemaDir).map((f) => `${JSON_SCHEMA_DIR}/${f}`) : [];
  for (const path of present) if (!(path in files)) found.push({ path, problem: 'unexpected' });
  return found;
}

function main(): void {
  const files = contractFiles();
  const problems = drift(files);
  if (process.argv.includes('--check')) {
    if (problems.length === 0) return console.log(`contracts: ${Object.keys(files).length} files up to date`);
    for (const { path, problem } of problems) console.error(`contracts: ${problem}: ${path}`);
    console.error('contracts: run npm run contracts');
    process.exit(1);
  }
  for (const { path, problem } of problems) {
    const abs = join(root, path);
    if (problem === 'unexpected') rmSync(abs);
    else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, files[path]);
    }
    console.log(`contracts: ${problem === 'unexpected' ? 'removed' : 'wrote'} ${relative(root, abs)}`);
  }
  console.log(`contracts: ${Object.keys(files).length} files, ${problems.length} changed`);
}

main();
