// The section tree's lexer is marked's, made cheaper (issue 14): plain runs of inline
// text skip marked's inline rules, and list-item regexes are made once per indent.
// Each case is lexed both ways and must give the very same tokens.
import { Lexer, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { sectionTree } from '../src/guides/markdown.js';

/** Blocks as sectionTree keeps them: no spaces, rules or link definitions, no line numbers. */
function plain(tokens: Token[]): unknown {
  return JSON.parse(
    JSON.stringify(
      tokens.filter((t) => t.type !== 'space' && t.type !== 'hr' && t.type !== 'def'),
      (k, v: unknown) => (k === 'line' ? undefined : v),
    ),
  );
}

const CASES: [string, string][] = [
  ['a plain sentence', 'Use a write-ahead log; replicas replay it.'],
  ['lines of a paragraph', 'First line\nsecond line\nthird line'],
  ['a hard break (two spaces)', 'First line  \nsecond line'],
  ['a hard break (backslash)', 'First line\\\nsecond line'],
  ['emphasis and strong', 'Say **p99 latency** and _why_ it *matters*.'],
  ['a code span', 'Run `kubectl get pods` first.'],
  ['a link and an image', 'See [the docs](https://example.com) and ![diagram](d.png).'],
  ['a bare URL', 'Read https://example.com/a?b=c for more.'],
  ['a www address', 'Go to www.example.com today.'],
  ['an e-mail address', 'Write to ops@example.com now.'],
  ['an autolink', 'Link: <https://example.com>'],
  ['strikethrough', 'Not ~~two-phase commit~~ but sagas.'],
  ['an escape', 'Costs \\*not\\* counted.'],
  ['inline HTML', 'One<br>two <span>three</span>'],
  ['an unclosed <pre> before plain text', '<pre>\n\nplain text after it\n\nmore plain text'],
  ['entities', 'p99 &lt; 10 ms &amp; p50 &lt; 2 ms'],
  ['a table of plain and marked cells', '| Option | Latency | Notes |\n|---|---|---|\n| Redis | 1 ms | **fast** |\n| Postgres | 5 ms | see https://x.io |'],
  ['a setext heading in a block quote', '> Title line\n> =========\n>\n> Body text.'],
  ['lists at several indents', '- one\n  - two\n    - three\n      more of three\n- four\n\n1. first\n2. second\n   * nested `code`\n10. tenth\n\n   ```\n   fenced in a list\n   ```\n'],
  ['a task list', '- [ ] open item\n- [x] done **item**'],
  ['a loose list with a rule after it', '- a\n\n- b\n\n---\n\n- c'],
  ['a block quote with a list', '> - quoted item\n> - another\n>\n> plain quoted text'],
  ['an indented list item that ends at a heading', '- item\n  # heading inside\n- next'],
];

describe('sectionTree lexes as marked does', () => {
  it.each(CASES)('%s', (_name, markdown) => {
    expect(plain(sectionTree(markdown).blocks)).toEqual(plain(new Lexer({ gfm: true }).lex(markdown)));
  });

  it('gives the same tokens when the same list indents come back in a later file', () => {
    const markdown = CASES.find(([name]) => name === 'lists at several indents')![1];
    const first = plain(sectionTree(markdown).blocks);
    expect(plain(sectionTree(markdown).blocks)).toEqual(first);
  });
});
