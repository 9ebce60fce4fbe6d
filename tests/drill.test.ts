// coach drill as a function on a plain Io with a scripted prompt: each deck's round,
// the reviews it saves, the lapsed item asked again, /quit and Ctrl-C, and no terminal.
import { describe, expect, it } from 'vitest';
import { testIo } from './helpers/io.js';
import { CTRL_C, scripted } from './practice-script.js';
import { drill, renderDrill } from '../src/commands/drill.js';
import { readHistory } from '../src/store/history.js';
import { CancelledError, UsageError } from '../src/errors.js';

const OSS = { guide: 'oss-ml-platform' };

describe('coach drill without a terminal', () => {
  it('is a usage error that points at --plan', async () => {
    const err = await drill({}, testIo()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).hint).toContain('coach drill --plan');
  });

  it('--plan lists the session: new items across decks and guides, nothing asked', async () => {
    const io = testIo();
    const result = await drill({ plan: true, newItems: 4 }, io);
    expect(result.mode === 'plan' && result.items.map((i) => i.deck)).toEqual(['traps', 'numbers', 'questions', 'tradeoffs']);
    expect(renderDrill(result, io)).toMatch(/Drill plan \(all\): 0 due, 4 new/);
  });

  // Found by a new user: "Start it in a terminal: coach drill --deck numbers" had dropped --guide.
  it('--plan says the command that starts that very session', async () => {
    const io = testIo();
    const result = await drill({ plan: true, deck: 'numbers', guide: 'oss-ml-platform', newItems: 50, limit: 50 }, io);
    expect(renderDrill(result, io)).toContain('Start it in a terminal: coach drill --deck numbers --guide oss-ml-platform --limit 50 --new 50');
    expect(renderDrill(await drill({ plan: true }, io), io)).toMatch(/Start it in a terminal: coach drill$/m);
  });

  it('--json is the plan too', async () => {
    expect((await drill({ json: true }, testIo())).mode).toBe('plan');
  });

  it('rejects an unknown deck', async () => {
    await expect(drill({ deck: 'cards', plan: true }, testIo())).rejects.toBeInstanceOf(UsageError);
  });
});

describe('a numbers drill', () => {
  it('accepts equivalent answers, asks a missed number again at the end, and saves every review', async () => {
    const io = testIo({ interactive: true });
    // End-to-end target 200 ms P99; feature lookup 50 ms; Redis P99 under 50 ms.
    const prompt = scripted({ input: ['200ms', '50 milliseconds', '100 ms', '<50ms'], select: [false] });
    io.prompt = prompt;
    const result = await drill({ ...OSS, deck: 'numbers', limit: 3, newItems: 3 }, io);
    expect(prompt.asked.map((a) => a.message)).toEqual([
      'End-to-end inference target?',
      'Feature lookup budget?',
      'Online store (Redis) latency?',
      'Count it as right?',
      'Online store (Redis) latency?',
    ]);
    expect(prompt.asked[3]).toMatchObject({ kind: 'select', defaultValue: false });
    const out = io.out();
    expect(out).toContain('✓ 200 ms P99');
    expect(out).toContain('✗ P99 under 50 ms — Requirement for real-time lookups');
    expect(out).toMatch(/^1 of 3 · Key number · /m);
    expect(out).toMatch(/^3 of 3 · Key number · /m);
    expect(out).toMatch(/^again 1 of 1 · Key number · /m);
    expect(out).not.toMatch(/of 4/);
    expect(result).toMatchObject({ mode: 'session', reviewed: 4, correct: 3, again: ['oss-ml-platform/online-store-redis-latency'] });
    expect(renderDrill(result, io)).toMatch(/Drill done: 4 reviewed · 3 correct \(75%\)/);
    const history = await readHistory(io);
    expect(history.map((e) => e.kind === 'review' && [e.deck, e.item, e.rating, e.correct])).toEqual([
      ['numbers', 'oss-ml-platform/end-to-end-inference-target', 'good', true],
      ['numbers', 'oss-ml-platform/feature-lookup-budget', 'good', true],
      ['numbers', 'oss-ml-platform/online-store-redis-latency', 'again', false],
      ['numbers', 'oss-ml-platform/online-store-redis-latency', 'good', true],
    ]);
  });

  it('lets a miss be overruled: the answer then counts as right', async () => {
    const io = testIo({ interactive: true });
    io.prompt = scripted({ input: ['two hundred milliseconds at the 99th percentile'], select: [true] });
    const result = await drill({ ...OSS, deck: 'numbers', limit: 1, newItems: 1 }, io);
    expect(io.out()).toContain('✗ 200 ms P99');
    expect(io.out()).toContain('→ good · next in');
    expect(result).toMatchObject({ reviewed: 1, correct: 1, again: [] });
    const history = await readHistory(io);
    expect(history.map((e) => e.kind === 'review' && [e.item, e.rating, e.correct])).toEqual([['oss-ml-platform/end-to-end-inference-target', 'good', true]]);
  });

  // Found by a new user: "I don't know" was asked "Count it as right?".
  it('does not offer to overrule an answer that names no number', async () => {
    const io = testIo({ interactive: true });
    const prompt = scripted({ input: ["I don't know", '200 ms'] });
    io.prompt = prompt;
    const result = await drill({ ...OSS, deck: 'numbers', limit: 1, newItems: 1 }, io);
    // Missed, not asked about, and asked again at the end.
    expect(prompt.asked.map((a) => a.message)).toEqual(['End-to-end inference target?', 'End-to-end inference target?']);
    expect(result).toMatchObject({ reviewed: 2, correct: 1 });
  });

  it('has nothing to drill once everything is scheduled for later', async () => {
    const io = testIo({ interactive: true });
    io.prompt = scripted({ input: ['200 ms'] });
    await drill({ ...OSS, deck: 'numbers', limit: 1, newItems: 1 }, io);
    const result = await drill({ ...OSS, deck: 'numbers', limit: 5, newItems: 0 }, io);
    expect(renderDrill(result, io)).toMatch(/^Nothing to drill in numbers: nothing is due and nothing is new\. Next review in 10m\./);
  });
});

describe('a trade-off drill', () => {
  async function round(pickRight: boolean): Promise<{ out: string; correct: boolean; options: string[] }> {
    const io = testIo({ interactive: true });
    let options: string[] = [];
    const prompt = scripted({ select: [] });
    // Answer from the table: the option whose row holds the quoted value.
    prompt.select = async <T>(message: string, choices: { name: string; value: T }[]): Promise<T> => {
      options = choices.map((c) => c.name);
      const { tradeoff } = await import('../src/commands/tradeoff.js');
      const t = await tradeoff({ query: 'kubeflow-vs-custom-oss-composition' }, io);
      if (t.kind !== 'tradeoff') throw new Error('no trade-off');
      expect(message).toMatch(/^Which (fits|is it)\?$/);
      const need = /“(.+)”/.exec(io.out())![1]!;
      const right = t.tradeoff.aspects.flatMap((a) => a.values.map((v, i) => [v, i] as const)).find(([v]) => v === need)![1];
      return (pickRight ? right : 1 - right) as never;
    };
    io.prompt = prompt;
    const result = await drill({ ...OSS, deck: 'tradeoffs', limit: 1, newItems: 1 }, io);
    return { out: io.out(), correct: result.mode === 'session' && result.correct === 1, options };
  }

  it('asks which option a need belongs to and shows the recommendation', async () => {
    const { out, correct, options } = await round(true);
    expect(options).toEqual(['Kubeflow', 'Custom OSS', 'stop the drill']);
    expect(correct).toBe(true);
    expect(out).toMatch(/✓ (Kubeflow|Custom OSS)/);
    expect(out).toContain('Recommendation');
    expect(out).toContain('Compose your own OSS stack');
  });

  it('says which option it was after a wrong pick', async () => {
    const { out, correct } = await round(false);
    expect(correct).toBe(false);
    expect(out).toMatch(/✗ It is (Kubeflow|Custom OSS)/);
  });
});

describe('a question-bank drill', () => {
  it('shows the model answer and saves the rating the user picks', async () => {
    const io = testIo({ interactive: true });
    io.prompt = scripted({ notes: ['MLflow, FastAPI, Redis, Prometheus'], select: ['hard'] });
    await drill({ deck: 'questions', limit: 1, newItems: 1 }, io);
    expect(io.out()).toContain('Design a simple ML model serving system');
    expect(io.out()).toContain('Model answer');
    expect(io.out()).toContain('Model registry: MLflow');
    expect(await readHistory(io)).toEqual([expect.objectContaining({ deck: 'questions', item: 'mlops-question-bank/Q1', guide: 'mlops-question-bank', rating: 'hard', correct: true })]);
  });
});

describe('stopping a drill', () => {
  it('/quit in an answer ends the session; what was answered is kept', async () => {
    const io = testIo({ interactive: true });
    io.prompt = scripted({ notes: ['/quit'], input: ['200 ms'] });
    const result = await drill({ ...OSS, deck: 'all', limit: 5, newItems: 5 }, io).catch((e: unknown) => e);
    // Traps come first in the plan: the first answer is /quit.
    expect(result).toMatchObject({ mode: 'session', stopped: true, reviewed: 0 });
    expect(await readHistory(io)).toEqual([]);
  });

  it('Ctrl-C prints the summary, keeps the reviews made and exits as cancelled', async () => {
    const io = testIo({ interactive: true });
    io.prompt = scripted({ input: ['200 ms', CTRL_C] });
    const err = await drill({ ...OSS, deck: 'numbers', limit: 3, newItems: 3 }, io).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as Error).message).toBe('drill stopped; 1 review saved');
    expect(io.out()).toMatch(/Drill stopped: 1 reviewed · 1 correct \(100%\)/);
    expect(await readHistory(io)).toHaveLength(1);
  });
});

describe('a trap in a drill', () => {
  it('runs the trap round with the drill header and saves it in the traps deck', async () => {
    const io = testIo({ interactive: true });
    io.prompt = scripted({ notes: ['Kubeflow is a legitimate option; MLflow 3 has GenAI tracing'], select: ['good'] });
    await drill({ ...OSS, deck: 'traps', limit: 1, newItems: 1 }, io);
    expect(io.out()).toMatch(/1 of 1 · Trap · Open-Source ML Platform on Kubernetes/);
    expect(io.out()).toContain('Key points: 2 of');
    expect(await readHistory(io)).toEqual([expect.objectContaining({ deck: 'traps', rating: 'good', covered: 2 })]);
  });
});
