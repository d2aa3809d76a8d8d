import { groupSettled, groupsSettled, GroupView } from './groups';
import { chaosPlan, seededRandom, serviceOf } from './plan';

describe('chaos: when a disruption is over (groups.ts)', () => {
  const stable = (...clientIds: string[]): GroupView => ({ state: 'Stable', clientIds });

  it('is settled with exactly the running processes: the killed member gone, the restarted one there, nobody else', () => {
    expect(groupSettled(stable('learning-i6'), ['learning-i6'])).toBe(true);
    expect(groupSettled(stable('learning-i3', 'learning-i6'), ['learning-i6'])).toBe(false); // the killed member lingers
    expect(groupSettled(stable('learning-i3'), ['learning-i6'])).toBe(false); // the restarted one has not joined
    expect(groupSettled(stable('learning-i6', 'learning-i6'), ['learning-i6'])).toBe(false); // a stale second member
    expect(groupSettled({ state: 'PreparingRebalance', clientIds: ['learning-i6'] }, ['learning-i6'])).toBe(false);
    expect(groupSettled(undefined, ['learning-i6'])).toBe(false); // the broker did not answer
    expect(groupSettled({ state: 'Empty', clientIds: [] }, [])).toBe(true); // nothing of its service runs
    expect(groupSettled({ state: 'Empty', clientIds: [] }, ['learning-i6'])).toBe(false);
  });

  /**
   * Seed 519783140 (issue 29): `kill -9 learning` began while learning-2 was in learning's groups; while it
   * settled, catching up started `learning-2 leaves`. The old rule waited for as many members as before the
   * kill (two) and, with learning-2 gone, could never see them: the run failed after 180 s. The rule now asks
   * for the processes that run at each look, so the same sequence ends.
   */
  it('replays seed 519783140: the kill of learning ends although learning-2 left while it settled', () => {
    const plan = chaosPlan(seededRandom(519783140), true);
    const order = [...plan].sort((a, b) => a.trigger.fraction - b.trigger.fraction).map((d) => d.what);
    // the seed's plan as the failed run carried it out: learning-2 joined before the kill of learning, and left after it
    expect(order.indexOf('learning-2 joins learning’s group')).toBeLessThan(order.indexOf('kill -9 learning'));
    expect(order.indexOf('kill -9 learning')).toBeLessThan(order.indexOf('learning-2 leaves learning’s group'));

    // the run's process table, by name as the harness keeps it: restarts replace the entry
    const running = new Map<string, string>([
      ['learning', 'chaos-learning-i3'],
      ['learning-2', 'chaos-learning-2-i5'],
    ]);
    const groups = ['p.cohort.learning', 'p.cohort.learning.express'];
    const expectedFor = (g: string) => {
      const service = g.slice('p.cohort.'.length).replace(/\.express$/, '');
      return [...running].filter(([name]) => serviceOf(name) === service).map(([, id]) => id);
    };
    const look = (...clientIds: string[]) => groupsSettled(new Map(groups.map((g) => [g, stable(...clientIds)])), groups, expectedFor);

    // kill -9 learning: gone from the table while down, then restarted with a client id of its own
    running.delete('learning');
    running.set('learning', 'chaos-learning-i6');
    const waits: boolean[] = [look('chaos-learning-i3', 'chaos-learning-2-i5')]; // the session of the killed member has not expired
    // catching up: learning-2 leaves before learning's groups settled
    running.delete('learning-2');
    waits.push(look('chaos-learning-i3', 'chaos-learning-2-i5')); // still the old members
    waits.push(look('chaos-learning-2-i5', 'chaos-learning-i6')); // a generation with learning-2 still in it
    waits.push(look('chaos-learning-i6')); // learning-2 gone, the restarted learning alone: what can still hold
    expect(waits).toEqual([false, false, false, true]);
  });

  it('a join waits for the new member, a leave for its member to be gone', () => {
    const running = ['chaos-learning-i1'];
    expect(groupSettled(stable('chaos-learning-i1'), [...running, 'chaos-learning-2-i2'])).toBe(false);
    expect(groupSettled(stable('chaos-learning-i1', 'chaos-learning-2-i2'), [...running, 'chaos-learning-2-i2'])).toBe(true);
    expect(groupSettled(stable('chaos-learning-i1', 'chaos-learning-2-i2'), running)).toBe(false);
    expect(groupSettled(stable('chaos-learning-i1'), running)).toBe(true);
  });
});
