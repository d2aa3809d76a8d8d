/** The hottest functions of a V8 CPU profile (`node --cpu-prof`): self time per function, summed over its nodes. */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  /** `name (file:line)`, with the file relative to the project or its package */
  where: string;
  selfMs: number;
  /** share of the sampled time (idle included) */
  percent: number;
}

export function hottestFunctions(file: string, root: string, top = 15): { totalMs: number; idlePercent: number; functions: HotFunction[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const key = `${frame.functionName || '(anonymous)'} (${place(frame.url, root)}:${frame.lineNumber + 1})`;
    self.set(key, (self.get(key) ?? 0) + us);
  });
  const idle = [...self.entries()].filter(([k]) => k.startsWith('(idle)')).reduce((sum, [, us]) => sum + us, 0);
  const functions = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, us]) => ({ where, selfMs: Math.round(us / 1000), percent: Math.round((us / total) * 1000) / 10 }));
  return { totalMs: Math.round(total / 1000), idlePercent: Math.round((idle / total) * 1000) / 10, functions };
}

function place(url: string, root: string): string {
  if (!url) return '';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('node_modules/');
  return nm >= 0 ? path.slice(nm + 'node_modules/'.length) : relative(root, path);
}
