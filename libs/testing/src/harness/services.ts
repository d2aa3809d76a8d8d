import { INestApplication, Type } from '@nestjs/common';
import { createServiceApp } from '@cohort/common';

/** Boots a service in this process on the real broker and store, on a free port. */
export async function startService(module: Type<unknown>): Promise<INestApplication> {
  return createServiceApp(module, { port: 0 });
}

export async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 30000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A tenant id no other test uses. */
export function uniqueTenant(label = 't'): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}
