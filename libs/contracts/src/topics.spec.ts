import { dlqTopic, isExpressTopic, SERVICES, topicPlan, topicsFor, workTopic } from './topics';

describe('work topics and their express lanes', () => {
  const topics = topicsFor('p.');

  it('names the bulk topic and the express lane of every service, with the prefix', () => {
    expect(workTopic('identity', topics)).toBe('p.cohort.identity.work.v1');
    expect(workTopic('identity', topics, 'express')).toBe('p.cohort.identity.work.express.v1');
    for (const service of SERVICES) {
      expect(isExpressTopic(workTopic(service, topics, 'express'))).toBe(true);
      expect(isExpressTopic(workTopic(service, topics))).toBe(false);
    }
    expect(isExpressTopic(topics.commands)).toBe(false);
    expect(isExpressTopic(dlqTopic(workTopic('learning', topics, 'express')))).toBe(false); // a DLQ is consumed by nobody's lane
  });

  it('plans every lane with the partitions of its bulk topic, and a one-partition DLQ for each', () => {
    const plan = new Map(topicPlan(topics, 6).map((t) => [t.topic, t.numPartitions]));
    for (const service of SERVICES) {
      const express = workTopic(service, topics, 'express');
      expect(plan.get(express)).toBe(plan.get(workTopic(service, topics)));
      expect(plan.get(dlqTopic(express))).toBe(1);
    }
  });
});
