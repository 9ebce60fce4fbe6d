// The parser on fixtures written for these tests, one per layout variant that
// guides written by other people use (docs/guide-format.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGuideText, idFromPath } from '../src/guides/parse.js';
import { recognizerFor } from '../src/guides/recognizers/index.js';
import type { Guide } from '../src/guides/model.js';

const dir = join(import.meta.dirname, 'fixtures/layouts');

function load(name: string): Guide {
  const path = join(dir, name);
  const parsed = parseGuideText(readFileSync(path, 'utf8'), { path });
  if (parsed.kind !== 'guide') throw new Error(`expected a guide, got ${JSON.stringify(parsed.problems)}`);
  return parsed.guide;
}

describe('pacing table, bold labels, Unicode box (no front matter)', () => {
  const g = load('table-pacing-bold-labels.md');

  it('takes the id from the file name and a generic first heading falls back to the id', () => {
    expect(g.id).toBe('table-pacing-bold-labels');
    expect(g.title).toBe('Table Pacing Bold Labels');
  });

  it('reads the five phases with their minutes, focus and tips', () => {
    expect(g.pacing.map((p) => [p.key, p.start, p.end])).toEqual([
      ['clarify', 0, 5],
      ['high-level', 5, 15],
      ['deep-dive', 15, 30],
      ['scale', 30, 40],
      ['wrap-up', 40, 45],
    ]);
    expect(g.pacing[0]).toMatchObject({ name: 'Clarify', focus: 'Requirements', tips: 'Ask about scale' });
  });

  it('reads questions with why they matter, and scenario branches from a code block', () => {
    expect(g.questionsToAsk).toEqual([
      { question: 'What types of models?', why: 'Runtime needs', group: 'clarifying', details: [] },
      { question: 'What scale?', why: 'Capacity planning', group: 'clarifying', details: [] },
    ]);
    expect(g.scenarioQuestions).toEqual([
      {
        scenario: 'Design an ML platform for a bank',
        ask: 'Fraud or credit?',
        branches: [
          { when: 'Fraud', then: 'Real-time, latency critical' },
          { when: 'Credit', then: 'Batch is fine' },
        ],
      },
    ]);
  });

  it('reads a trade-off table with recommendation and interview response', () => {
    expect(g.tradeoffs).toHaveLength(1);
    expect(g.tradeoffs[0]).toMatchObject({
      id: 'kubeflow-vs-custom-oss',
      options: ['Kubeflow', 'Custom OSS'],
      aspects: [
        { aspect: 'Integration', values: ['Pre-integrated', 'Manual'] },
        { aspect: 'Flexibility', values: ['Limited', 'Maximum'] },
      ],
      recommendation: 'Custom OSS with a platform team.',
      response: 'Kubeflow is integrated but opinionated.',
    });
  });

  it('reads traps with Good and Best answers, and a missing "What Interviewer Wants"', () => {
    expect(g.traps.map((t) => t.question)).toEqual(['Why not just use Kubeflow?', 'Why both online and offline stores?']);
    expect(g.traps[0]).toMatchObject({ wants: 'Trade-off thinking', weak: 'Kubeflow is outdated' });
    // A bold phrase inside the answer does not cut the answer in two.
    expect(g.traps[0]!.strong).toContain('independent upgrades');
    expect(g.traps[0]!.strong).toContain('Our team already runs Airflow');
    expect(g.traps[1]!.wants).toBeUndefined();
    expect(g.traps[1]!.strong).toBe('Different access patterns: bulk history versus point lookups.');
  });

  it('reads a Unicode box card into a title and a table', () => {
    expect(g.cards).toHaveLength(1);
    const card = g.cards[0]!;
    expect(card).toMatchObject({ id: 'latency-budget', title: 'Latency Budget', subtitle: 'INFERENCE LATENCY BUDGET (Target: 200ms P99)' });
    expect(card.blocks).toEqual([
      {
        kind: 'table',
        header: ['Component', 'Budget', 'Typical'],
        rows: [
          ['Feature lookup', '50ms', '15-25ms'],
          ['Model inference', '100ms', '50-80ms'],
          ['TOTAL', '200ms', '73-128ms'],
        ],
      },
    ]);
  });

  it('keeps a section it does not recognise', () => {
    expect(g.sections).toContainEqual(expect.objectContaining({ heading: 'Weird Section Nobody Knows', text: 'Some notes that must be kept.' }));
  });
});

describe('phase column first, capital labels in code blocks, key trade-off table, ASCII box', () => {
  const g = load('code-block-traps.md');

  it('reads a pacing table whose phase column comes first; Deliverables are the key points, not a tip', () => {
    expect(g.pacing.map((p) => p.name)).toEqual(['Clarify', 'High-Level', 'Deep Dive', 'Scale & Reliability', 'Wrap Up']);
    expect(g.pacing[3]).toMatchObject({ key: 'scale', start: 30, end: 40, tips: '', keyPoints: [expect.objectContaining({ label: 'Bottlenecks', derived: true })] });
  });

  it('reads must-ask and clarifying questions from a code block, with details', () => {
    expect(g.questionsToAsk).toEqual([
      { question: "What's the scale we're designing for?", group: 'must', details: ['Number of data scientists', 'Experiments per day'] },
      { question: 'Do we need distributed training?', group: 'clarifying', details: [] },
    ]);
  });

  it('turns each row of a key trade-off table into a trade-off', () => {
    expect(g.tradeoffs.map((t) => [t.title, t.options, t.recommendation])).toEqual([
      ['Metric Storage', ['PostgreSQL', 'ClickHouse'], 'ClickHouse - high cardinality'],
      ['Artifact Storage', ['Database BLOBs', 'Object Storage'], 'Object Storage'],
    ]);
  });

  it('reads a trap written in a code block with CAPITAL labels', () => {
    const t = g.traps[0]!;
    expect(t.question).toBe('Why not just use a database for metrics?');
    expect(t.wants).toBe('Trade-offs between general and specialized storage.');
    expect(t.weak).toBe('Databases can handle metrics fine.');
    // CARDINALITY: inside the answer is not taken for a label.
    expect(t.strong).toContain('1. CARDINALITY: Millions of run IDs bloat indexes');
    expect(t.strong).toContain('COMPRESSION');
  });

  it('derives key points from the labels of the numbered points when the guide gives none', () => {
    const t = g.traps[0]!;
    expect(t.derivedKeyPoints).toBe(true);
    expect(t.keyPoints).toEqual([
      { label: 'CARDINALITY', terms: ['CARDINALITY'], hint: 'CARDINALITY: Millions of run IDs bloat indexes', derived: true },
      { label: 'COMPRESSION', terms: ['COMPRESSION'], hint: expect.stringMatching(/^COMPRESSION: /), derived: true },
    ]);
  });

  it('reads key numbers and end questions with their why', () => {
    expect(g.numbers).toEqual([
      { metric: 'Metric write latency', value: '<100ms p99', context: 'Real-time feedback' },
      { metric: 'Leader election timeout', value: '30s', context: 'Scheduler failover' },
    ]);
    expect(g.endQuestions).toEqual([
      { question: 'Which ML frameworks must we support?', why: 'Shows awareness of the ecosystem' },
      { question: 'What hurts most today?', why: 'Shows customer focus' },
    ]);
  });

  it('reads an ASCII box laid out as two columns side by side', () => {
    const card = g.cards[0]!;
    expect(card.title).toBe('Tiny Platform Cheat Sheet');
    expect(card.blocks[0]).toEqual({
      kind: 'table',
      header: ['KEY NUMBERS', 'ARCHITECTURE'],
      rows: [
        ['• 10M predictions/sec', '• 3 planes'],
        ['• P95 < 10ms', '• Dual store'],
      ],
    });
  });
});

describe('no front matter, generic file name, phase headings, traps as table rows', () => {
  const g = load('3.5-uber-michelangelo/08-interview-guide.md');

  it('takes the id from the folder and the title from the first heading', () => {
    expect(g.id).toBe('uber-michelangelo');
    expect(g.title).toBe('Uber Michelangelo');
  });

  it('builds the pacing from one heading per phase', () => {
    expect(g.pacing.map((p) => [p.key, p.start, p.end, p.focus])).toEqual([
      ['clarify', 0, 5, 'Ask about scale and latency first.'],
      ['high-level', 5, 15, 'Three planes: control, offline, online.'],
      ['deep-dive', 15, 30, 'Pick the feature store or serving.'],
    ]);
  });

  it('reads traps from table rows', () => {
    expect(g.traps).toEqual([
      expect.objectContaining({ question: 'What if Cassandra goes down?', wants: 'Graceful degradation', strong: 'Replication factor 3, circuit breakers, cached features' }),
      expect.objectContaining({ question: 'Why not one database?', wants: 'Access patterns' }),
    ]);
  });
});

describe('question bank, mock prompts, discussion points, front matter', () => {
  const g = load('question-bank.md');

  it('uses the front matter id, title and tags', () => {
    expect(g).toMatchObject({ id: 'tiny-bank', title: 'Tiny Question Bank', tags: ['bank'] });
  });

  it('reads questions with category and level from headings or the question line', () => {
    expect(g.questions.map((q) => [q.id, q.text, q.category, q.level])).toEqual([
      ['Q1', 'Design a simple serving system', 'System Design', 'L3-L4'],
      ['Q2', 'How would you handle 1000 RPS?', 'System Design', 'L5-L6'],
      ['Q3', 'How do you onboard someone?', 'Behavioral', undefined],
    ]);
    expect(g.questions[1]!.answer).toBe('Use a Redis cache with a 90% hit rate.');
  });

  it('reads mock prompts with categories and discussion points by background', () => {
    expect(g.mockPrompts).toEqual([
      { category: 'System Design', prompt: 'Design a feed ranking system for 500K RPS' },
      { category: 'Debugging', prompt: 'Your model returns random predictions. Debug it.' },
    ]);
    expect(g.discussion.map((d) => [d.background, d.points])).toEqual([
      ['ml', ['Train-serve consistency', 'Drift detection']],
      ['infra', ['Circuit breakers']],
    ]);
  });

  it('keeps the study checklist as a section', () => {
    expect(g.sections.find((s) => s.heading === 'System Design' && s.text.includes('[ ] Multi-region deployment'))).toBeTruthy();
  });
});

describe('heading variants', () => {
  it.each([
    ['Interview Pacing (45-minute format)', 'pacing'],
    ['45-Minute Interview Pacing', 'pacing'],
    ['Interview Pacing (45 Minutes)', 'pacing'],
    ['45-Minute Pacing Guide', 'pacing'],
    ['Trap Questions & How to Handle', 'traps'],
    ['Trap Questions & Strong Answers', 'traps'],
    ['Trap Questions and Answers', 'traps'],
    ['Key Trade-Offs Table', 'tradeoffs'],
    ['Quick Reference Card', 'cards'],
    ['Questions to Ask Interviewer (End of Session)', 'endQuestions'],
    ['Questions to Ask Interviewer', 'questionsToAsk'],
    ['Key Numbers to Memorize', 'numbers'],
    ['Sample Interview Flow', 'flow'],
    ['Meta-Commentary: What Makes This System Unique', undefined],
  ])('%s → %s', (heading, kind) => {
    expect(recognizerFor(heading)?.part).toBe(kind);
  });

  it.each([
    ['guides/feature-store.md', 'feature-store'],
    ['x/3.5-uber-michelangelo/08-interview-guide.md', 'uber-michelangelo'],
    ['x/bighead/README.md', 'bighead'],
    ['x/Model Serving.md', 'model-serving'],
  ])('id of %s is %s', (path, id) => {
    expect(idFromPath(path)).toBe(id);
  });
});

// Found by a new user: guides saved as mtls.md and crdt.md under "# Interview Guide" were
// "Mtls" and "Crdt", and their mocks opened "Design a mtl.".
describe('a title made from a file name', () => {
  const title = (path: string, body = 'Text.'): string => {
    const p = parseGuideText(`# Interview Guide\n\n${body}\n`, { path });
    if (p.kind !== 'guide') throw new Error('expected a guide');
    return p.guide.title;
  };
  it('spells a word as the guide writes it in mixed case, and a short word without a vowel in capitals', () => {
    expect(title('/g/mtls.md', 'Every call between services uses mTLS, and mTLS certificates rotate daily.')).toBe('mTLS');
    expect(title('/g/crdt.md')).toBe('CRDT');
    expect(title('/g/tsdb-design.md')).toBe('TSDB Design');
    expect(title('/g/sync-service.md')).toBe('Sync Service');
  });
});

describe('titles of guides from the wild', () => {
  const title = (h1: string, path = '/g/x.md'): string => {
    const p = parseGuideText(`# ${h1}\n\n## Notes\n\nText.\n`, { path });
    if (p.kind !== 'guide') throw new Error('expected a guide');
    return p.guide.title;
  };
  it.each([
    ['Interview Guide', '/guides/1.14-api-gateway-design/interview-guide.md', 'API Gateway Design'],
    ['Interview Guide', '/guides/3.5-uber-michelangelo/08-interview-guide.md', 'Uber Michelangelo'],
    ['Interview Guide', '/guides/12.3-llm-rag-platform/README.md', 'LLM RAG Platform'],
    ['12.17 Content Moderation System — Interview Guide', '/g/x.md', 'Content Moderation System'],
    ['08 — Interview Guide: Bot Detection System', '/g/x.md', 'Bot Detection System'],
    ['Hotel Booking System — Interview Guide', '/g/x.md', 'Hotel Booking System'],
    ['Rate Limiter: Interview Guide', '/g/x.md', 'Rate Limiter'],
    ['Design an AI Copilot Platform', '/g/x.md', 'Design an AI Copilot Platform'],
    ['AI-Native Revenue Intelligence Platform --- Interview Guide', '/g/x.md', 'AI-Native Revenue Intelligence Platform'],
    ['Interview Guide --- Time-Series Database', '/g/x.md', 'Time-Series Database'],
    ['FEATURE FLAG & EXPERIMENTATION PLATFORM — Interview Quick Reference', '/g/x.md', 'Feature Flag & Experimentation Platform'],
    ['ML SERVING FOR GPU CLUSTERS: Cheat Sheet', '/g/x.md', 'ML Serving for GPU Clusters'],
    ['SMS Gateway', '/g/x.md', 'SMS Gateway'],
  ])('%s in %s → %s', (h1, path, expected) => {
    expect(title(h1, path)).toBe(expected);
  });
});

describe('HTML entities in guides from the wild', () => {
  it('reads "&lt;1s" as "<1s", as a markdown viewer shows it, and never makes a control character of one', () => {
    const src = '# Flags\n\n## Key Numbers\n\n| Metric | Target |\n|---|---|\n| Propagation | &lt;1s to 99% &amp; more |\n| Bell | a&#27;[2Jb &#x41; |\n';
    const p = parseGuideText(src, { path: '/g/flags.md' });
    if (p.kind !== 'guide') throw new Error('expected a guide');
    const values = p.guide.numbers.map((n) => n.value);
    expect(values).toContain('<1s to 99% & more');
    expect(values.join(' ')).not.toContain('\u001b');
    expect(values).toContain('a&#27;[2Jb A');
  });
});

describe('key points derived from a strong answer', () => {
  const points = (strong: string): string[] => {
    const p = parseGuideText(`# Bots\n\n## Trap Questions\n\n### Trap 1: A model that never changes\n\n**Good answer:** ${strong}\n`, { path: '/g/bots.md' });
    if (p.kind !== 'guide') throw new Error('expected a guide');
    return p.guide.traps[0]!.keyPoints.map((k) => k.label);
  };
  it('takes numbered heads over their own bullets as the points, not the bullets’ labels', () => {
    expect(
      points(
        'Here is how:\n1. Where the client is:\n   - Primary: the subnet the resolver passes on\n   - Fallback: the resolver address\n2. Which site answers:\n   - Nearest healthy site first\n3. Caching:\n   - Cache per subnet',
      ),
    ).toEqual(['Where the client is', 'Which site answers', 'Caching']);
  });
  it('takes a list written as one sentence item by item', () => {
    expect(points('Daily retraining, model rotation, canary features, red-team tests and decoy traffic.')).toEqual([
      'Daily retraining',
      'model rotation',
      'canary features',
      'red-team tests',
      'decoy traffic',
    ]);
  });
  it('takes points numbered inline, after the claim that leads them in, and what the answer says after them', () => {
    expect(
      points(
        'Layers of defence keep tenants apart: (1) a tenant id on every query, enforced in the data layer. (2) Row-level security in the database, or (3) a nightly job that looks for queries without the filter. Each layer catches what the one before misses.',
      ),
    ).toEqual([
      'Layers of defence keep tenants apart',
      'a tenant id on every query, enforced in the data layer',
      'Row-level security in the database',
      'a nightly job that looks for queries without the filter',
      'Each layer catches what the one before misses',
    ]);
  });
  it('takes a short answer that is a list after a colon item by item', () => {
    expect(points('Three reasons: latency (no network hop), privacy (data stays on the phone), and cost (no charge per call).')).toEqual(['latency', 'privacy', 'cost']);
  });
  it('takes a sentence of clauses clause by clause, not word by word', () => {
    expect(points('Retrain every night on fresh labels, compare the new model against the old one on live traffic, and roll back when precision drops.')).toHaveLength(3);
  });
});

describe('sections headed as traps', () => {
  const parse = (src: string) => {
    const p = parseGuideText(src, { path: '/g/traps.md' });
    if (p.kind !== 'guide') throw new Error('expected a guide');
    return p;
  };

  it('warns when a section headed as traps yields none, and keeps its text', () => {
    const p = parse('# Queue\n\n## Trap Questions\n\nThink about ordering and retries before you answer.\n');
    expect(p.guide.traps).toEqual([]);
    expect(p.guide.sections.map((s) => s.heading)).toContain('Trap Questions');
    expect(p.problems).toContainEqual(expect.objectContaining({ severity: 'warning', line: 3, message: expect.stringContaining("section 'Trap Questions' is headed as traps, but no trap was read") }));
  });

  it('does not warn when the traps are read', () => {
    const p = parse(
      '# Queue\n\n## Phase 5: Trap Questions\n\n### Trap Question 1: "Why not one queue?"\n\n**Bad answer:** "It is simpler."\n\n**Good answer:** One queue lets a slow tenant block every other tenant.\n',
    );
    expect(p.guide.traps.map((t) => t.question)).toEqual(['Why not one queue?']);
    expect(p.problems.filter((x) => /headed as traps/.test(x.message))).toEqual([]);
  });

  it('keeps a numbered question with no answer under it as a plain section, not a trap', () => {
    const p = parse('# Queue\n\n## Likely Interview Questions\n\n### Q1: Which brokers have you run?\n\nTalk about your own experience.\n');
    expect(p.guide.traps).toEqual([]);
    expect(p.guide.sections.find((s) => s.heading === 'Q1: Which brokers have you run?')?.text).toBe('Talk about your own experience.');
  });
});

describe('quick-reference cards', () => {
  it('makes a quote of several paragraphs several lines of the card, none holding a line break', () => {
    const p = parseGuideText('# Chat\n\n## Quick Reference Card\n\n### Closing Statement\n\n> "To sum up:\n>\n> - one\n> - two\n>\n> That is all."\n', { path: '/g/chat.md' });
    if (p.kind !== 'guide') throw new Error('expected a guide');
    const lines = p.guide.cards.flatMap((c) => c.blocks.flatMap((b) => (b.kind === 'lines' ? b.lines : [])));
    expect(lines).toEqual(['"To sum up:', '- one', '- two', 'That is all."']);
  });
});

describe('quotes around answers', () => {
  it.each([
    ['"Trendy" or "users like it"', '"Trendy" or "users like it"'],
    ['"Use a queue."', 'Use a queue.'],
    ['"Return {"status": "queued", "id": "a1"} and poll."', 'Return {"status": "queued", "id": "a1"} and poll.'],
  ])('a weak answer written %s reads %s', (written, read) => {
    const p = parseGuideText(`# Q\n\n## Trap Questions\n\n### Trap 1: "Why a queue?"\n\n**Bad answer:** ${written}\n\n**Good answer:** Because bursts.\n`, { path: '/g/q.md' });
    if (p.kind !== 'guide') throw new Error('expected a guide');
    expect(p.guide.traps[0]?.weak).toBe(read);
  });
});

describe('trade-offs under a heading that only says "Trade-offs"', () => {
  it('names the trade-off by its options, not by what is left of the heading ("s")', () => {
    const table = '| Option | Pros | Cons |\n|---|---|---|\n| Redis | Fast reads | Memory cost |\n| DynamoDB | Managed, durable | Higher latency |\n';
    const ids = (heading: string) => {
      const p = parseGuideText(`# Feature store\n\n## ${heading}\n\n${table}`, { path: '/g/fs.md' });
      if (p.kind !== 'guide') throw new Error('expected a guide');
      return p.guide.tradeoffs.map((t) => [t.id, t.title]);
    };
    expect(ids('Trade-offs')).toEqual([['redis-vs-dynamodb', 'Redis vs DynamoDB']]);
    expect(ids('Tradeoffs')).toEqual([['redis-vs-dynamodb', 'Redis vs DynamoDB']]);
    expect(ids('Trade-off 2: Online store')).toEqual([['online-store', 'Online store']]);
  });
});

describe('a trap whose key points follow a plain "Key points:" line', () => {
  it('reads the list as its key points and leaves it out of the strong answer', () => {
    const text =
      '# Serving\n\n## Traps\n\n### What happens when a canary model is slower?\n\n**Good answer:** Roll back automatically when the canary p99 exceeds the SLO.\n\nKey points:\n- **Rollback**: roll back, rollback\n- **Latency SLO**: p99, SLO\n';
    const p = parseGuideText(text, { path: '/g/serving.md' });
    if (p.kind !== 'guide') throw new Error('expected a guide');
    const trap = p.guide.traps[0]!;
    expect(trap.strong).toBe('Roll back automatically when the canary p99 exceeds the SLO.');
    expect(trap.keyPoints.map((k) => [k.label, k.terms, k.derived])).toEqual([
      ['Rollback', ['roll back', 'rollback'], undefined],
      ['Latency SLO', ['p99', 'SLO'], undefined],
    ]);
  });
});

describe('an ASCII box whose header row has a border under it', () => {
  it('is one table with that row as its header, not a table of one row and another', () => {
    const box =
      '```\n+------------------+---------+\n| Item             | Target  |\n+------------------+---------+\n| p99 latency      | 75 ms   |\n| GPU utilisation  | > 60%   |\n+------------------+---------+\n```\n';
    const p = parseGuideText(`# Serving\n\n## Serving cheat sheet\n\n${box}`, { path: '/g/serving.md' });
    if (p.kind !== 'guide') throw new Error('expected a guide');
    expect(p.guide.cards[0]?.blocks).toEqual([
      {
        kind: 'table',
        header: ['Item', 'Target'],
        rows: [
          ['p99 latency', '75 ms'],
          ['GPU utilisation', '> 60%'],
        ],
      },
    ]);
  });
});

// Found by a new user: none of four guides from the wild had a key number, though each
// has a table or a box of them (62 of 152 wild guides gain theirs).
describe('key numbers wherever the guide puts them', () => {
  it('reads a key-numbers table inside a quick reference card, and the card keeps it', () => {
    const src = '# Chat\n\n## Quick Reference Card\n\n### Key Numbers to Remember\n\n| Metric | Typical Value |\n|---|---|\n| Concurrent sockets | 12M+ |\n| Delivery target | <100ms |\n';
    const p = parseGuideText(src, { path: '/g/chat.md' });
    if (p.kind !== 'guide') throw new Error('expected a guide');
    expect(p.guide.numbers).toEqual([
      { metric: 'Concurrent sockets', value: '12M+' },
      { metric: 'Delivery target', value: '<100ms' },
    ]);
    expect(JSON.stringify(p.guide.cards)).toContain('Concurrent sockets');
  });

  it('reads a section headed "Quick Reference Numbers" as both a card and key numbers', () => {
    const src = '# Queue\n\n## Quick Reference Numbers\n\n| Metric | Typical Value | Notes |\n|---|---|---|\n| Partition throughput | 10-50 MB/s | Depends on message size |\n';
    const p = parseGuideText(src, { path: '/g/queue.md' });
    if (p.kind !== 'guide') throw new Error('expected a guide');
    expect(p.guide.numbers).toEqual([{ metric: 'Partition throughput', value: '10-50 MB/s', context: 'Depends on message size' }]);
  });
});

describe('key numbers without a heading of their own', () => {
  const numbersOf = (src: string) => {
    const p = parseGuideText(src, { path: '/g/zt.md' });
    if (p.kind !== 'guide') throw new Error('expected a guide');
    return p.guide.numbers;
  };

  it('reads a table led in by a line that names them, and no other table', () => {
    const src =
      '# Zero Trust\n\n## Quick Reference Card\n\n**Pull out these numbers in interview:**\n\n| Metric | Target |\n|---|---|\n| Policy evaluation latency (p99) | < 10ms |\n| Certificate TTL | 24 hours |\n\n**Key components:**\n\n| Component | Purpose |\n|---|---|\n| PDP | Policy evaluation |\n';
    expect(numbersOf(src)).toEqual([
      { metric: 'Policy evaluation latency (p99)', value: '< 10ms' },
      { metric: 'Certificate TTL', value: '24 hours' },
    ]);
  });

  it('reads the lines under a box’s numbers label up to its next label, each with a figure', () => {
    const box = [
      '│  FAILURE HANDLING:              │',
      '│  • Region fail: failover (< 90s) │',
      '│                                │',
      '│  CRITICAL NUMBERS:              │',
      '│  • Replication lag: 50-200ms   │',
      '│  • RPO: < replication lag      │',
      '│                                │',
      '│  INTERVIEW FLOW (45 min):       │',
      '│  • 0-5: Clarify requirements   │',
    ];
    const src = `# Regions\n\n## Quick Reference Card\n\n\`\`\`\n${box.join('\n')}\n\`\`\`\n`;
    expect(numbersOf(src)).toEqual([{ metric: 'Replication lag', value: '50-200ms' }]);
  });
});

// Found by a new user: "**The trap:** This sounds like good isolation but…" was shown as
// a weak answer a candidate gave, and "**Why it's a trap:** Tests understanding of…" as
// why a weak answer fails.
describe('what a trap’s labels say', () => {
  const trapOf = (body: string) => {
    const p = parseGuideText(`# Shop\n\n## Trap Questions\n\n### Trap 1: "Should each merchant get a database?"\n\n${body}\n`, { path: '/g/shop.md' });
    if (p.kind !== 'guide') throw new Error('expected a guide');
    return p.guide.traps[0]!;
  };
  it('"The trap:" that says why the easy answer fails is no weak answer', () => {
    const t = trapOf('**The trap:** This sounds like good isolation but is operationally disastrous at scale.\n\n**Correct reasoning:** Shared database with row-level tenant isolation.');
    expect(t.weak).toBeUndefined();
    expect(t.weakWhy).toBe('This sounds like good isolation but is operationally disastrous at scale.');
    expect(t.strong).toBe('Shared database with row-level tenant isolation.');
  });
  it('"The trap:" that quotes a candidate is the weak answer', () => {
    const t = trapOf('**The trap:** "Sure, it sounds simple: one database per merchant."\n\n**Correct reasoning:** Shared database with row-level tenant isolation.');
    expect(t.weak).toBe('Sure, it sounds simple: one database per merchant.');
  });
  it('"The trap:" whose reason opens with a quoted word is still a reason', () => {
    const t = trapOf('**The trap:** "Real-time" suggests pushing every change to every channel immediately.\n\n**Correct reasoning:** Priority-based async sync.');
    expect(t.weak).toBeUndefined();
    expect(t.weakWhy).toBe('"Real-time" suggests pushing every change to every channel immediately.');
  });
  it('"Why it\'s a trap: Sounds like X but tests…" is what the interviewer wants too', () => {
    const t = trapOf("**Why it's a trap:** Sounds like a simplification question but tests deep understanding of B2B search.\n\n**Strong answer:** Per-field vectors.");
    expect(t.wants).toBe('Sounds like a simplification question but tests deep understanding of B2B search.');
  });
  it('"Why it\'s a trap: Tests understanding of…" is what the interviewer wants', () => {
    const t = trapOf(
      '**Why it\'s a trap:** Tests understanding of tenant isolation at scale.\n\n**Weak answer:** "Yes, isolation is safest."\n\n**Strong answer:** Shared database with row-level isolation.',
    );
    expect(t.wants).toBe('Tests understanding of tenant isolation at scale.');
    expect(t.weakWhy).toBeUndefined();
    expect(t.weak).toBe('Yes, isolation is safest.');
  });
});

// Found by a new user: a guide's "**Opening prompt:**" was not its mock's opening.
describe('an opening prompt given as a labelled line', () => {
  const prompts = (body: string) => {
    const p = parseGuideText(`# Storefronts\n\n## Problem Exploration\n\n${body}\n`, { path: '/g/storefront.md' });
    if (p.kind !== 'guide') throw new Error('expected a guide');
    return p.guide.mockPrompts.map((m) => m.prompt);
  };
  it('is the mock’s opening when the guide has one', () => {
    expect(prompts('**Opening prompt:** "Design an AI-powered platform that lets small businesses sell online."')).toEqual(['Design an AI-powered platform that lets small businesses sell online.']);
  });
  it('is none when the guide gives one per deep dive, or one that asks to design nothing', () => {
    expect(prompts('**Opening prompt:** "Design the valuation model."\n\n**Opening prompt:** "Design the lease extractor."')).toEqual([]);
    expect(prompts('**Opening prompt:** "Tell me about yourself."')).toEqual([]);
  });
});

// Found by a new user: a guide's advice to interviewers was shown as the candidate's mistakes.
it('reads anti-patterns for the interviewer as no mistakes of the candidate', () => {
  const p = parseGuideText(
    '# Shop\n\n## Common Mistakes\n\n| Mistake | Why | Better |\n|---|---|---|\n| One database per merchant | Millions of migrations | Shared database |\n\n## Anti-Patterns to Avoid (as Interviewer)\n\n| Anti-Pattern | Problem | Alternative |\n|---|---|---|\n| Asking "What database would you use?" | Tests vendor knowledge | Ask about access patterns |\n',
    { path: '/g/shop.md' },
  );
  if (p.kind !== 'guide') throw new Error('expected a guide');
  expect(p.guide.mistakes.map((m) => m.mistake)).toEqual(['One database per merchant']);
});

// Found by a new user: "What's the read/write ratio?" listed twice, from the guide's table and its checklist.
it('lists a question to ask that the guide asks twice once, with why it matters', () => {
  const p = parseGuideText(
    "# Regions\n\n## Clarifying Questions to Ask\n\n| Question | Why It Matters |\n|---|---|\n| What's the read/write ratio? | Determines caching strategy |\n| How many regions do we need? | Topology complexity |\n\n## Questions to Ask Interviewer\n\n- What's the read/write ratio?\n- Any data residency requirements?\n",
    { path: '/g/regions.md' },
  );
  if (p.kind !== 'guide') throw new Error('expected a guide');
  const asked = p.guide.questionsToAsk.map((q) => [q.question, q.why ?? '']);
  expect(asked.filter(([q]) => q === "What's the read/write ratio?")).toEqual([["What's the read/write ratio?", 'Determines caching strategy']]);
});
