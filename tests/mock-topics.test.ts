// Matching a clarifying question to the scenario's answer topics, and the reply.
import { describe, expect, it } from 'vitest';
import { isQuestion, matchTopics, reply } from '../src/mock/topics.js';

describe('matchTopics', () => {
  it.each([
    ['How many requests a second?', ['scale']],
    ["What's the expected QPS?", ['scale']],
    ['How many models and predictions per day?', ['scale']],
    ['How many users?', ['scale']],
    ['What is the p99 latency target?', ['latency']],
    ['Is it real-time or batch?', ['latency']],
    ['What kind of models: XGBoost or deep learning on GPUs?', ['models']],
    ['Do we need explainability for regulators?', ['compliance']],
    ['Any GDPR or audit requirements?', ['compliance']],
    ['What is the platform for, which workloads?', ['use-case']],
    ['Who are the users?', ['use-case']],
    ['What is it for and how many predictions a day?', ['use-case', 'scale']],
    ['How many data scientists are on the team?', ['team']],
    ['What infrastructure exists today: cloud, Kubernetes?', ['infrastructure']],
    ['What availability do we need, any failover?', ['availability']],
    ['Where does the data come from, is it streaming through Kafka?', ['data']],
    ['Is there a budget?', ['budget']],
    ['Do features have to be consistent between training and serving?', ['consistency']],
    ['What is the scale and the latency requirement?', ['scale', 'latency']],
    ['What latency does a fraud score need?', ['latency']],
    ['What latency budget do we have?', ['latency']],
    ['What colour is the logo?', []],
  ])('%s -> %j', (question, topics) => {
    expect(matchTopics(question)).toEqual(topics);
  });
});

describe('isQuestion', () => {
  it.each([
    ['How big is it', true],
    ['latency?', true],
    ['Is it multi-tenant', true],
    ['I will assume 100 ms', false],
    ['Falls back to rules when late.', false],
  ])('%s -> %s', (line, expected) => {
    expect(isQuestion(line)).toBe(expected);
  });
});

describe('reply', () => {
  const answers = {
    scale: { answer: '500 models, 50 million predictions a day.', assumption: false },
    compliance: { answer: 'PCI DSS applies.', assumption: true },
  };

  it("answers from the scenario, marking an assumption as one", () => {
    expect(reply('How many models?', answers).lines).toEqual([{ topic: 'scale', text: '500 models, 50 million predictions a day.', assumption: false }]);
    expect(reply('Any audit needs?', answers).lines).toEqual([{ topic: 'compliance', text: 'PCI DSS applies.', assumption: true }]);
  });

  it('says what to assume when the scenario has no answer for the topic', () => {
    const r = reply('Is there a budget?', answers);
    expect(r.topics).toEqual(['budget']);
    expect(r.lines[0]).toMatchObject({ topic: 'budget', assumption: true, fallback: true });
    expect(r.lines[0]!.text).toMatch(/^Assume /);
  });

  it('asks for an assumption when no topic matches', () => {
    expect(reply('What colour is the logo?', answers).lines[0]!.text).toMatch(/state what you would assume/);
  });
});
