// Text helpers shared by the parser and the renderers. Pure: strings in, strings out.

// CSI/OSC/other escape sequences, then any C0/C1 control character but tab and newline,
// the line and paragraph separators (YAML's \L and \P), and the bidirectional overrides
// and isolates that can make text display differently from what it is.
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Removes terminal escape sequences and control characters from untrusted text. */
export function sanitize(text: string): { text: string; removed: number; firstLine?: number } {
  let removed = 0;
  let firstIndex = -1;
  const note = (match: string, index: number): string => {
    removed += match.length;
    if (firstIndex < 0) firstIndex = index;
    return '';
  };
  const clean = text.replace(ESCAPE_SEQUENCE, note).replace(CONTROL, note);
  if (removed === 0) return { text, removed };
  return { text: clean, removed, firstLine: text.slice(0, firstIndex).split('\n').length };
}

// The same characters for showControls, and coach's own colour codes (SGR) that it
// lets through when colour is on.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_OR_SGR = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Shows control characters instead of sending them, as `less` and `git` do: ESC as
 * `\x1b`, NEL as `\u0085`, a right-to-left override as `\u202e`. Tab and newline stay.
 * With `keepColour`, colour codes (SGR: `ESC [ digits m`) pass, and nothing else does:
 * no cursor movement, no title, no clipboard, no link. File names go through this
 * where they enter (a name must stay recognisable); everything printed goes through
 * it on the way out (src/main.ts).
 */
export function showControls(text: string, keepColour = false): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_OR_SGR, (c) => {
    if (c.length > 1) return keepColour ? c : `\\x1b${c.slice(1)}`;
    const code = c.charCodeAt(0);
    return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

// Text with no letter or digit outside ASCII and nothing else but punctuation, arrows,
// maths and box drawing (none of them letters or digits): the bundled guides, and most.
const PLAIN = /^[\x00-\x7f\u2010-\u2027\u2030-\u205e\u2190-\u22ff\u2500-\u259f]*$/;
// A string, built into a pattern on first use: a literal's Unicode sets are built when
// the file is parsed, whether or not it ever runs.
const UNICODE_RUNS = String.raw`[\p{L}\p{N}]+`;
let unicodeRuns: RegExp | undefined;

/**
 * The runs of letters and digits in a text, as /[\p{L}\p{N}]+/gu finds them. Plain
 * text is read with an ASCII class: a Unicode property class builds its sets when its
 * pattern is parsed and again when it first runs (about 2 ms on Node 20), which a
 * command that reads plain text need not pay.
 */
export function alnumRuns(text: string): string[] {
  if (PLAIN.test(text)) return text.match(/[a-zA-Z0-9]+/g) ?? [];
  unicodeRuns ??= new RegExp(UNICODE_RUNS, 'gu');
  return text.match(unicodeRuns) ?? [];
}

/** Lower-case slug: letters, digits and single dashes. */
export function slug(text: string): string {
  // Plain ASCII has no accents to take off (most titles: thousands of cards are matched by slug).
  return (/[^\x00-\x7f]/.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Strips one pair of surrounding quotes, straight or curly; not two quotes side by side ('"a" or "b"'). */
export function unquote(text: string): string {
  const t = text.trim();
  const m = /^["“'‘](.*)["”'’]$/s.exec(t);
  if (!m) return t;
  // '"Trendy" or "users like it"' opens and closes two quotes: taking the outer marks would split both.
  if (/^["“]/.test(t) && /["”] *(?:\/|or|and|vs\.?) *["“]/i.test(m[1]!)) return t;
  return m[1]!.trim();
}

/** Collapses runs of spaces and trims. */
export function squash(text: string): string {
  // Most strings have nothing to squash; skip the replaces for them.
  if (!/[ \t]{2}|\t| \n|\n | $|^ /.test(text)) return text;
  return text
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Parses "0-5 min", "15–30 minutes", "Minutes 5-15" into a window. */
export function parseWindow(text: string): { start: number; end: number } | undefined {
  const m = /(\d+)\s*(?:-|–|—|to)\s*(\d+)/.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end > start ? { start, end } : undefined;
}

export function titleCase(id: string): string {
  return id
    .split('-')
    .filter(Boolean)
    .map((w) => (w.length <= 3 && /\d/.test(w) ? w : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');
}

/** Products and tools named in titles and labels: said as written, designed without an article. */
export const BRANDS =
  /^(uber|lyft|airbnb|google|netflix|twitter|amazon|meta|facebook|instagram|whatsapp|telegram|linkedin|youtube|reddit|tiktok|spotify|stripe|slack|zoom|dropbox|pinterest|shopify|paypal|tinder|yelp|twitch|discord|snapchat|github|gmail|kafka|redis|ticketmaster|doordash|quora|medium|wikipedia|bitly|pastebin|imdb|booking\.com|expedia|kayak|venmo|robinhood|coinbase|zillow|craigslist|etsy|ebay|alibaba|wechat|signal|messenger|notion|figma|jira|trello|salesforce|workday|chatgpt|openai|uber's|airbnb's|meet|docs|drive|maps|photos|calendar|sheets|search)$/i;

// Words a title keeps in capitals when it is made from a slug or from shouted text.
export const ACRONYMS = new Set(
  'api apis ai ml llm llms cdn dns sql nosql etl elt rag gpu gpus cpu tpu iot id ids url urls http https grpc rest p2p ota crm erp ats kyc aml s3 qps rps sla slo slos sre cicd ci cd ui ux sdk jwt oauth sso mfa otp sms tls ssl vpn ddos waf cqrs ddd mvp faq pos atm ev ar vr nlp ocr asr tts gdpr hipaa pci soc2 mlops llmops dag dags olap oltp ann knn hnsw bert gpt rl a/b ab k8s vm vms db dbs kv ttl lru'.split(
    ' ',
  ),
);
const MIXED: Record<string, string> = {
  nosql: 'NoSQL',
  llms: 'LLMs',
  apis: 'APIs',
  gpus: 'GPUs',
  mlops: 'MLOps',
  llmops: 'LLMOps',
  slos: 'SLOs',
  dags: 'DAGs',
  ids: 'IDs',
  urls: 'URLs',
  dbs: 'DBs',
  vms: 'VMs',
};

/**
 * One lower-case word of a title: the guide's own spelling of it where it writes it in
 * mixed case ("mTLS"); an acronym, or a short word without a vowel ("CRDT", "TSDB"), in
 * capitals; else capitalised.
 */
export function titleWord(word: string, spelling?: (lower: string) => string | undefined): string {
  const own = spelling?.(word);
  if (own) return own;
  if (ACRONYMS.has(word)) return MIXED[word] ?? word.toUpperCase();
  if (/^[b-df-hj-np-tv-xz]{2,5}$/.test(word)) return word.toUpperCase();
  return word.length <= 3 && /\d/.test(word) ? word : word[0]!.toUpperCase() + word.slice(1);
}

const SMALL_WORDS = /^(?:for|of|and|the|to|in|on|vs|with|a|an|at|by|or|via|per)$/;

/**
 * Shouted text ("WHATSAPP NATIVE ERP", "GSLB + ANYCAST") as a title: the guide's own
 * spelling of a word where it has one ("WhatsApp"), acronyms and words without a
 * vowel in capitals ("ERP", "GSLB"), small words in lower case, the rest capitalised.
 */
export function recaseShouted(text: string, spelling?: (lower: string) => string | undefined): string {
  return text
    .split(/([^A-Za-z0-9]+)/)
    .map((w, i) => {
      if (i % 2 === 1 || !/[A-Z]/.test(w) || /[a-z]/.test(w)) return w;
      const lower = w.toLowerCase();
      const own = spelling?.(lower);
      if (own) return own;
      if (i > 0 && SMALL_WORDS.test(lower)) return lower;
      if (!ACRONYMS.has(lower) && w.length >= 2 && !/[AEIOUY]/.test(w)) return w;
      return titleWord(lower);
    })
    .join('');
}

/** True when text is written in capitals: "DNS CHEAT SHEET", not "DNS Cheat Sheet". */
export function isShouted(text: string): boolean {
  // Small words in lower case ("PODCAST vs OTHER MEDIA") do not make it a name.
  return /[A-Z]{3}/.test(text) && text.split(/[^A-Za-z0-9]+/).every((w) => !/[a-z]/.test(w) || SMALL_WORDS.test(w));
}

/**
 * How a guide spells words in mixed case ("WhatsApp", "iOS", "PostgreSQL"), by their
 * lower-case form; the most frequent spelling wins. One pass over the text.
 */
export function mixedCaseSpellings(text: string): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9]*/g)) {
    const w = m[0];
    // Mixed case: a capital after a lower-case letter ("WhatsApp", "iOS"); not "Title" or "CAPS".
    if (w.length < 3 || !/[a-z][A-Z]/.test(w)) continue;
    const key = w.toLowerCase();
    const forms = counts.get(key) ?? new Map<string, number>();
    forms.set(w, (forms.get(w) ?? 0) + 1);
    counts.set(key, forms);
  }
  const out = new Map<string, string>();
  for (const [key, forms] of counts) out.set(key, [...forms].sort((a, b) => b[1] - a[1])[0]![0]);
  return out;
}

/**
 * A list item inside a block of text, as a quoted answer or summary writes it
 * (`  "- MLflow for experiment tracking`, `1. Decentralized"`): the item's words, without
 * the marker and the quotes; a line of a box drawn in text is none.
 */
export const TEXT_ITEM = /^[\s"'“>]*(?:[-*•]|\d{1,2}[.)])\s+([^│┃║|]+?)["'”]?\s*$/;

/** A line of a sample dialogue ("INTERVIEWER: …", "**You**: …"): who speaks, and what they say. */
export const SPEAKER = /^\s*\**\s*(interviewer|you|candidate|me|i)\s*\**\s*:\s*\**\s*(.+)$/i;
