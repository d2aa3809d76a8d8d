import { testPerson, testRunner, testWork } from '../test-learning';
import { taskIdFor } from './add-task.decision';
import { AddTask, AddTaskHandler } from './add-task.handler';

describe('AddTaskHandler', () => {
  it('stores one open task per person; a redelivery returns the same and adds none', async () => {
    const { runner, learners } = testRunner([testPerson('u1'), testPerson('off', { status: 'deactivated' })]);
    const handler = new AddTaskHandler(runner);
    const work = testWork('add-task', { title: 'Fill in the survey' }, ['u1', 'off']);
    const first = await handler.execute(new AddTask(work));
    expect(first).toEqual([
      { userId: 'u1', status: 'succeeded', data: { kind: 'task-assigned', taskTitle: 'Fill in the survey' } },
      expect.objectContaining({ userId: 'off', status: 'skipped', code: 'LEARNING.PERSON_INACTIVE' }),
    ]);
    expect(learners.store.get('u1')?.tasks).toEqual([
      expect.objectContaining({ taskId: taskIdFor('job1', 'u1'), title: 'Fill in the survey', status: 'open' }),
    ]);
    expect(await handler.execute(new AddTask(work))).toEqual(first);
    expect(learners.store.get('u1')?.tasks).toHaveLength(1);
  });

  it('bad params fail everyone naming the field', async () => {
    const { runner } = testRunner([testPerson('u1')]);
    const [outcome] = await new AddTaskHandler(runner).execute(new AddTask(testWork('add-task', { title: '', dueDate: 'soon' })));
    expect(outcome).toMatchObject({ code: 'LEARNING.INVALID_PARAMS', message: expect.stringMatching(/^params\.title: /) });
  });
});
