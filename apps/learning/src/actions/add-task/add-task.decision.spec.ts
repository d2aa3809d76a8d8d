import { NOW, subject, testLearner, testPerson } from '../test-learning';
import { AddTaskContext, decideAddTask, taskIdFor } from './add-task.decision';

const ctx = (over: Partial<AddTaskContext['params']> = {}): AddTaskContext => ({
  params: { title: 'Read the handbook', dueDate: '2030-02-01', ...over },
  jobId: 'job1',
  now: NOW,
});

describe('taskIdFor', () => {
  it('is the same for the same job and person, different otherwise', () => {
    expect(taskIdFor('job1', 'u1')).toBe(taskIdFor('job1', 'u1'));
    expect(taskIdFor('job1', 'u1')).not.toBe(taskIdFor('job1', 'u2'));
    expect(taskIdFor('job1', 'u1')).not.toBe(taskIdFor('job2', 'u1'));
    expect(taskIdFor('job1', 'u1')).toMatch(/^task-[\w-]{22}$/);
  });
});

describe('decideAddTask', () => {
  it('gives an open task and hands the e-mail step a task-assigned LearningMail', () => {
    const d = decideAddTask(subject('u1'), ctx({ description: 'Chapters 1-3' }));
    expect(d.outcome).toEqual({
      userId: 'u1',
      status: 'succeeded',
      data: { kind: 'task-assigned', taskTitle: 'Read the handbook', dueDate: '2030-02-01' },
    });
    expect(d.change).toEqual({
      userId: 'u1',
      update: {
        $push: {
          tasks: {
            taskId: taskIdFor('job1', 'u1'),
            title: 'Read the handbook',
            description: 'Chapters 1-3',
            dueDate: '2030-02-01',
            status: 'open',
            createdAt: NOW,
            jobId: 'job1',
          },
        },
      },
      op: { k: 'job1:0' },
    });
  });

  it('no due date: none in the task or the e-mail data', () => {
    const d = decideAddTask(subject('u1'), ctx({ dueDate: undefined }));
    expect(d.outcome.data).toEqual({ kind: 'task-assigned', taskTitle: 'Read the handbook' });
  });

  it('skips an inactive person, fails the unknown', () => {
    expect(decideAddTask(subject('u1', { person: testPerson('u1', { status: 'archived' }) }), ctx()).outcome.code).toBe('LEARNING.PERSON_INACTIVE');
    expect(decideAddTask(subject('u9', { person: null }), ctx()).outcome.code).toBe('LEARNING.NOT_FOUND');
  });

  it('a redelivery hands on the same e-mail data and writes nothing', () => {
    const d = decideAddTask(subject('u1', { learner: testLearner('u1', { ops: [{ k: 'job1:0' }] }) }), ctx());
    expect(d.outcome).toEqual({
      userId: 'u1',
      status: 'succeeded',
      data: { kind: 'task-assigned', taskTitle: 'Read the handbook', dueDate: '2030-02-01' },
    });
    expect(d.change).toBeUndefined();
  });
});
