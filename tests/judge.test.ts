// The judge: whether a text makes a key point, in any words, and how it is written.
// One line per case.
import { describe, expect, it } from 'vitest';
import { COVERED, LIST_CREDIT, domainKeys, glosses, matchKeyPoints, relevance } from '../src/judge/concepts.js';
import { explains, isDontKnow, isQuestion, isTermList, profile, sentences } from '../src/judge/prose.js';
import { tokenize, units } from '../src/judge/lexicon.js';
import type { KeyPoint } from '../src/guides/model.js';

const pit: KeyPoint = { label: 'Point-in-time correctness', terms: ['point-in-time', 'as-of join', 'data leakage'], hint: 'training rows get the feature value as it stood at event time' };
const degrade: KeyPoint = {
  label: 'Graceful degradation',
  terms: ['graceful degradation', 'default values', 'fallback model', 'circuit breaker'],
  hint: 'keep answering with lower accuracy instead of failing',
};
const autoscale: KeyPoint = { label: 'Autoscaling', terms: ['HPA', 'KEDA', 'autoscaling'], hint: 'what triggers a scale-up and how long it takes' };
const dual: KeyPoint = { label: 'Dual-store design', terms: ['online store', 'offline store', 'dual-store', 'Redis', 'Parquet'], hint: 'two stores for two access patterns' };

function credit(text: string, point: KeyPoint): number {
  return matchKeyPoints(text, [point]).results[0]!.credit;
}

describe('a key point is made in any words', () => {
  it.each([
    // The guide's own words.
    ['Training sets are built with a point-in-time join so that no label leaks.', pit],
    ['We use an AS-OF JOIN on the label timestamp to build the training rows.', pit],
    ['If Redis fails, a circuit breaker returns default values so authorisations keep flowing.', degrade],
    // Other words: synonyms and descriptions of the same idea.
    ['Each training example is joined to the feature values as they stood at that moment, so information from later never sneaks in.', pit],
    ['After five errors we stop calling the store and fall back to a simpler model, so approvals keep flowing at lower accuracy.', degrade],
    ['The pod autoscaler adds replicas once CPU passes 70%, and an event-driven one reacts to the request backlog.', autoscale],
    ['Lookups at request time go to a key-value store, while training sets are built from a columnar warehouse.', dual],
    // What goes wrong without it, and an affirmation after a denial.
    ['Without point-in-time joins, later labels would leak into the training rows.', pit],
    ['We never block on the model: a circuit breaker returns default values so authorisations keep flowing.', degrade],
    // The plain words of a system-design interview for its terms (points a guide from the wild names in one word).
    ['Most reads may be slightly behind, but some keys need every read to see the latest write.', { label: 'Consistency', terms: ['Consistency'], derived: true }],
    ['Since many companies share the system, their data is kept apart and one big customer cannot hog it.', { label: 'Multi-tenant?', terms: ['Multi-tenant?'], derived: true }],
    ["I'll take nine reads for every write, which steers how data is laid out on disk.", { label: 'Read-heavy or write-heavy?', terms: ['Read-heavy or write-heavy?'], derived: true }],
    ['It runs in three regions around the world, so a regional outage only reroutes traffic.', { label: 'Multi-Region Strategy', terms: ['Multi-Region Strategy'], derived: true }],
    ['With more time I would add atomic updates across several keys, which need two-phase commit.', { label: 'Risks and next steps', terms: ['Risks and next steps', 'future work'], derived: true }],
    [
      'In volume, I will plan for five hundred models answering fifty million requests a day, because that sizes the serving fleet.',
      { label: 'Ask about scale', terms: ['Ask about scale'], derived: true },
    ],
    ['We judge reads by the 99th percentile, because the median hides merge stalls.', { label: 'Latency requirements', terms: ['latency requirements'], derived: true }],
    // A name of the trade said in full, or what it is.
    [
      'I pick a selective forwarding unit over mixing, because re-encoding every stream costs far more CPU.',
      { label: 'SFU vs MCU decision', terms: ['SFU vs MCU decision', 'SFU', 'MCU'], derived: true },
    ],
    ['Each file carries a compact probabilistic filter, so a lookup opens only files that may hold the key.', { label: 'Bloom filters', terms: ['Bloom filters'], derived: true }],
    ['Distinct users are approximate distinct counts kept in 1 KB sketches, since exact sets would need 800 MB.', { label: 'HyperLogLog', terms: ['HyperLogLog'], derived: true }],
    // An acronym a guide writes, said in full.
    ['Is end-to-end encryption required for every chat, or only for some?', { label: 'Ask about E2EE requirement', terms: ['Ask about E2EE requirement', 'E2EE requirement'], derived: true }],
  ])('%s', (text, point) => {
    expect(credit(text, point)).toBeGreaterThanOrEqual(COVERED);
  });
});

describe('a key point is not made by', () => {
  it.each([
    ['words that only look alike', 'The time at which the point was logged is stored.', pit],
    ['an unrelated sentence', 'We render the booking page on the server and cache it at the edge.', degrade],
    ['a buzzword in a vague sentence', 'We would add autoscaling so that it is fast and reliable.', autoscale],
  ])('%s', (_, text, point) => {
    expect(credit(text, point)).toBeLessThan(COVERED);
  });

  it.each([
    ['the verb that tells the candidate to do it', 'Before drawing anything I want to ask a few questions so the design fits the business we serve.', 'Ask about scale'],
    ['the word a question opens with', "What's the rate at which the dispatcher receives requests from riders in the city?", "What's the expected scale"],
  ])('%s (a point coach derived from a guide)', (_, text, label) => {
    expect(credit(text, { label, terms: [label], derived: true })).toBe(0);
  });

  it.each([
    ['We will skip end-to-end encryption and the Signal Protocol entirely.', { label: 'End-to-end encryption', terms: ['end-to-end encryption', 'Signal Protocol'] }],
    ['We do not need a router, a presence service or an offline queue here.', { label: 'Presence service', terms: ['presence service'], derived: true }],
    ['Instead of a presence service, every message is simply retried until it lands.', { label: 'Presence service', terms: ['presence service'], derived: true }],
  ])('saying it is not done: "%s"', (text, point) => {
    expect(credit(text, point as KeyPoint)).toBe(0);
  });

  it("a figure of the guide's answer, said alone", () => {
    const point: KeyPoint = { label: 'We use hybrid fan-out with a 100K follower threshold', terms: ['100K', 'hybrid fan-out', 'follower threshold'], derived: true };
    expect(credit('We run 150 cache servers in 10 regions and handle 100K writes per second at p99 of 50 ms.', point)).toBeLessThan(COVERED);
    expect(credit('Accounts above 100K followers are pulled at read time and the rest pushed: a hybrid fan-out.', point)).toBeGreaterThanOrEqual(COVERED);
  });

  it('a quantity named without a figure (scale, latency): half a point at most', () => {
    for (const text of ['It needs to handle a lot of volume and be reliable.', 'Latency must be low and it must scale.'])
      for (const label of ['Ask about scale', 'Latency requirements']) expect(credit(text, { label, terms: [label], derived: true })).toBeLessThanOrEqual(0.5);
  });

  it('a derived point of what to ask is made by asking it', () => {
    expect(
      credit('I would ask about scale first: riders per second at peak, since that sets the number of matcher shards.', { label: 'Ask about scale', terms: ['Ask about scale'], derived: true }),
    ).toBeGreaterThanOrEqual(COVERED);
  });

  it('a bare list of its terms: a third of its credit', () => {
    const c = credit('point-in-time, as-of join, data leakage, seeing the future, time travel', pit);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThanOrEqual(LIST_CREDIT);
  });

  it('terms that fold to one concept count once ("HPA, KEDA and autoscaling" is one idea)', () => {
    const r = matchKeyPoints('autoscaling through HPA and KEDA', [autoscale]).results[0]!;
    expect(r.cues.filter((c) => c.source === 'term')).toHaveLength(1);
  });
});

describe('matchKeyPoints', () => {
  it('counts each key point once and says which words made it', () => {
    const m = matchKeyPoints('Circuit breakers open after 5 failures, and then we fall back to a simpler model for the rest of the hour.', [
      { label: 'Circuit breaker', terms: ['circuit breaker'] },
      { label: 'Fallback model', terms: ['fallback model', 'fall back'] },
      { label: 'Redundancy', terms: ['replica', 'multi-AZ'] },
    ]);
    expect(m.covered).toBe(2);
    expect(m.total).toBe(3);
    expect(m.results.map((r) => r.words)).toEqual(['Circuit breakers', 'fall back', undefined]);
  });

  it('honours abbreviations both ways', () => {
    expect(matchKeyPoints('We run it all on k8s, one namespace per team.', [{ label: 'Kubernetes', terms: ['kubernetes'] }]).covered).toBe(1);
    expect(matchKeyPoints('There is no single point of failure on the request path.', [{ label: 'SPOF', terms: ['spof'] }]).covered).toBe(1);
  });

  it('finds a phrase in its own order within a window, or side by side in any order', () => {
    const online: KeyPoint = { label: 'Online store', terms: ['loaded on demand'] };
    expect(credit('Models are loaded lazily on first demand by the server.', online)).toBeGreaterThan(0);
    expect(credit('Scale up on demand, and load balance across zones.', online)).toBe(0);
  });
});

describe('prose', () => {
  it.each([
    ['Feast, Redis, as-of join, defined once, compiles to both', true],
    ['online store, offline store, dual-store, Redis, Parquet', true],
    ['We use Feast for features, Redis for online lookups and Parquet for training sets.', false],
    ['If Redis fails, a circuit breaker returns defaults, a fallback model keeps answering, and alerts fire.', false],
  ])('isTermList(%s) = %s', (line, list) => {
    expect(isTermList(line)).toBe(list);
  });

  it.each([
    ['Feature store, Redis, Parquet, point-in-time', false],
    ['The feature store keeps an online copy in Redis because lookups must be fast.', true],
    ['Compression: dedicated time-series stores squeeze this data 10-20x.', true],
    ['Redis.', false],
  ])('a sentence that explains: %s -> %s', (line, expected) => {
    expect(sentences(line)[0]!.explains).toBe(expected);
  });

  it('needs five words to explain anything', () => {
    expect(explains(tokenize('Redis for lookups.'))).toBe(false);
  });

  it.each([
    ['How big is it', true],
    ['latency?', true],
    ['Is it multi-tenant', true],
    ['I will assume 100 ms', false],
    ['Falls back to rules when late.', false],
  ])('isQuestion(%s) = %s', (line, expected) => {
    expect(isQuestion(line)).toBe(expected);
  });

  it.each([
    ['I do not know.', true],
    ['Not sure, honestly.', true],
    ['No idea', true],
    ["I'm not sure whether Redis or Cassandra fits better, so I would benchmark both with our access pattern.", false],
    ['Redis Cluster across three zones.', false],
    ['Honestly, no idea, sorry.', true],
    ['How big is it?\nIs it in the cloud?\nno idea', false],
  ])('isDontKnow(%s) = %s', (text, expected) => {
    expect(isDontKnow(text)).toBe(expected);
  });

  it('profiles a term list as one, and prose as prose', () => {
    expect(profile('Feast, Redis, Parquet, KServe, MLflow, Airflow, Evidently').termList).toBe(true);
    expect(profile('The feature store is the foundation: every model reads the same definitions, so training and serving agree.').termList).toBe(false);
  });

  it('splits sentences at full stops but not inside numbers', () => {
    expect(sentences('Serving needs 99.9% availability. Training can live with less.').map((s) => s.text)).toEqual(['Serving needs 99.9% availability.', 'Training can live with less.']);
  });
});

describe('synonyms fold to one unit', () => {
  it.each([
    ['point-in-time', 'as-of join'],
    ['time travel', 'point in time'],
    ['circuit breaker', 'stop calling'],
    ['k8s', 'Kubernetes'],
  ])('%s ≈ %s', (a, b) => {
    expect(units(tokenize(a)).map((u) => u.key)).toEqual(units(tokenize(b)).map((u) => u.key));
  });
});

describe('relevance', () => {
  const domain = domainKeys(['ML platform for a fintech company', 'Design an ML platform for a fintech company.']);
  it('is high for an answer about the interview and low for one about something else', () => {
    expect(relevance('The feature store serves the fraud model its features within 10 ms. Training reads the offline store.', domain)).toBeGreaterThan(0.5);
    expect(relevance('Guests search hotels by city and date. Bookings hold a room for fifteen minutes.', domain)).toBe(0);
  });
});

describe('a point of a few specific words, said apart in one sentence', () => {
  const cardinality: KeyPoint = { label: 'Cardinality enforcement', terms: [] };
  it('is made when the sentence explains, wherever the words sit in it', () => {
    expect(credit('Cardinality is what grows, so per-tenant caps on how many new series a metric may create are enforced at the write entry point.', cardinality)).toBeGreaterThanOrEqual(COVERED);
  });

  it('is not made by the same words in a list of terms', () => {
    expect(credit('cardinality, tenants, enforced, dashboards, series', cardinality)).toBeLessThan(COVERED);
  });
});

// A video-call guide in brief: what it says around the SFU is how a candidate who never
// read it explains one.
const CALLS_GUIDE = `## Media routing
The SFU receives one stream from each participant and forwards it to every other participant without decoding it.
Because the SFU never mixes or transcodes, its CPU cost stays low and each client picks the layer it can take.
Simulcast lets a sender upload three resolutions so the SFU can forward the right one.
## Signalling
Clients exchange SDP offers through a WebSocket signalling server.
ICE candidates are gathered with STUN and TURN relays.
## Recording
Recordings are composited after the meeting ends and stored in object storage.
A worker pool renders each recording within an hour.
## Chat
Chat messages go through a pub/sub channel per meeting.
Messages are persisted so late joiners can read the history.
## Scale
Meetings are sharded across regions by meeting id.
Each region runs its own media servers close to participants.
## Authentication
Users sign in with OAuth and get a short-lived token.
Tokens are checked at the edge before a join is allowed.
## Presence
Presence is tracked with heartbeats every ten seconds.
A missed heartbeat marks the user away after thirty seconds.
## Screen sharing
Screen sharing is sent as a separate track at a lower frame rate.
Text stays sharp because the encoder favours resolution over motion.
## Monitoring
Call quality metrics are sampled from every client.
Dashboards show packet loss and jitter per region.
## Billing
Usage is metered per participant minute.
Invoices are produced monthly from the usage table.
## Mobile
Mobile clients drop to audio only when the network degrades badly.
Push notifications ring the callee's phone.
## Waiting room
Hosts admit guests from a waiting room.
The lobby state lives in the meeting's coordinator.
## Captions
Live captions come from a speech model run on the audio mix.
Caption text is shown a second behind the speaker.
## Breakout rooms
Breakout rooms are child meetings with their own routing.
Participants move between rooms without reconnecting.
## Security
Media is encrypted with DTLS-SRTP between client and server.
End-to-end encryption is an opt-in mode for small meetings.`;

describe('a key point is made in other words: the words its guide says around it', () => {
  const points: KeyPoint[] = [
    { label: 'Use an SFU for group calls', terms: ['SFU'] },
    { label: 'Composite recordings after the meeting', terms: ['recording compositing'] },
  ];
  const found = glosses(points, CALLS_GUIDE);
  const glossed: KeyPoint[] = points.map((p) => ({ ...p, gloss: found.get(p) ?? [] }));
  const credit = (text: string, list = glossed) => matchKeyPoints(text, list).results[0]!.credit;
  const paraphrase = "The media server receives each person's video once and relays it to the others untouched: it never decodes, mixes or transcodes, so CPU stays low.";

  it('glosses a point by the words said around its own terms, not by words said everywhere', () => {
    const sfu = found.get(points[0]!)!;
    for (const k of ['forward', 'decod', 'transcod', 'mix', 'simulcast']) expect(sfu).toContain(k);
    // Said around the SFU, but as often elsewhere, or a denial: no gloss.
    for (const k of ['meet', 'region', 'never', 'without']) expect(sfu).not.toContain(k);
  });

  it('leaves out of a gloss the words that name another point', () => {
    const simulcast: KeyPoint = { label: 'Simulcast layers', terms: ['simulcast'] };
    const withBoth = glosses([points[0]!, simulcast], CALLS_GUIDE).get(points[0]!)!;
    expect(found.get(points[0]!)).toContain('simulcast');
    expect(withBoth).not.toContain('simulcast');
    expect(withBoth).toContain('forward');
  });

  it('takes a plain word of a point only with the rest of its phrase: "valid" of an A/B test glosses no request validation', () => {
    const guide = `${CALLS_GUIDE}\n## Experiments\nAn A/B test needs a statistically valid sample size, a guardrail metric and a fixed launch date.\n## Gateway\nThe gateway checks each payload against the schema during request validation.\nRequest validation rejects a malformed payload before it reaches the schema registry.`;
    const point: KeyPoint = { label: 'request validation', terms: ['request validation'], derived: true };
    const gloss = glosses([point], guide).get(point) ?? [];
    expect(gloss).toEqual(expect.arrayContaining(['payload', 'schema']));
    for (const k of ['sampl', 'guardrail', 'statist']) expect(gloss).not.toContain(k);
  });

  it('makes the point from a sentence that says five of its gloss words, though none of its terms', () => {
    expect(credit(paraphrase)).toBeGreaterThanOrEqual(COVERED);
    expect(credit(paraphrase, points)).toBe(0);
    // The review quotes the sentence that made it.
    expect(matchKeyPoints(paraphrase, glossed).results[0]!.words).toMatch(/^The media server receives each person's video/);
  });

  it('gives half for four, and nothing for three, a vague sentence, a list of its words, or the words spread over sentences', () => {
    expect(credit('The server relays video without decoding, mixing or transcoding it, which keeps its CPU free.')).toBe(0.5);
    expect(credit('The server relays video without decoding or mixing it, which keeps its CPU free.')).toBe(0);
    expect(credit('The media layer will be scalable, efficient and reliable, with low latency for everyone.')).toBe(0);
    expect(credit('forwarding, decoding, mixing, transcoding, CPU, simulcast')).toBe(0);
    expect(credit('We forward media. Decoding is costly. Mixing too. Transcoding needs CPU.')).toBe(0);
  });
});
