// Reads the TypeScript-like types of docs/json.md and checks a value against them:
// the schema check of every command's --json output. A field the type does not name is
// an error too, so the documentation has to be complete.
//
// The notation: string, number, boolean, null, unknown, "literal", a named type, T[],
// A | B, Record<string, T>, (T), and objects { name: T, optional?: T } (commas or
// semicolons between fields).

export type Shape =
  | { t: 'string' | 'number' | 'boolean' | 'null' | 'unknown' }
  | { t: 'literal'; value: string | number }
  | { t: 'ref'; name: string }
  | { t: 'array'; of: Shape }
  | { t: 'union'; of: Shape[] }
  | { t: 'record'; of: Shape }
  | { t: 'object'; fields: { name: string; optional: boolean; shape: Shape }[] };

/** Every `type Name = ...` in the ```ts blocks of a markdown text. */
export function readTypes(markdown: string): Map<string, Shape> {
  const types = new Map<string, Shape>();
  for (const block of markdown.matchAll(/```ts\n([\s\S]*?)```/g)) {
    const code = block[1]!;
    for (const def of code.split(/^(?=type )/m)) {
      const m = /^type (\w+)\s*=\s*([\s\S]*)$/.exec(def.trim());
      if (!m) continue;
      const p = parser(m[2]!);
      const shape = p.union();
      p.end();
      types.set(m[1]!, shape);
    }
  }
  return types;
}

function parser(text: string): { union: () => Shape; end: () => void } {
  const tokens = text.match(/"[^"]*"|-?\d+(?:\.\d+)?|\w+|\[\]|[{}()<>:?,;|]/g) ?? [];
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const take = (want?: string): string => {
    const t = tokens[i++];
    if (t === undefined || (want !== undefined && t !== want)) throw new Error(`expected ${want ?? 'more'} at token ${i} (${t}) in: ${text}`);
    return t;
  };
  const union = (): Shape => {
    if (peek() === '|') take('|');
    const of = [postfix()];
    while (peek() === '|') {
      take('|');
      of.push(postfix());
    }
    return of.length === 1 ? of[0]! : { t: 'union', of };
  };
  const postfix = (): Shape => {
    let s = primary();
    while (peek() === '[]') {
      take('[]');
      s = { t: 'array', of: s };
    }
    return s;
  };
  const primary = (): Shape => {
    const t = take();
    if (t === '(') {
      const s = union();
      take(')');
      return s;
    }
    if (t === '{') {
      const fields: { name: string; optional: boolean; shape: Shape }[] = [];
      while (peek() !== '}') {
        const name = take();
        const optional = peek() === '?';
        if (optional) take('?');
        take(':');
        fields.push({ name, optional, shape: union() });
        if (peek() === ',' || peek() === ';') take();
      }
      take('}');
      return { t: 'object', fields };
    }
    if (t === 'Record') {
      take('<');
      take('string');
      take(',');
      const of = union();
      take('>');
      return { t: 'record', of };
    }
    if (t.startsWith('"')) return { t: 'literal', value: t.slice(1, -1) };
    if (/^-?\d/.test(t)) return { t: 'literal', value: Number(t) };
    if (['string', 'number', 'boolean', 'null', 'unknown'].includes(t)) return { t } as Shape;
    if (/^[A-Z]\w*$/.test(t)) return { t: 'ref', name: t };
    throw new Error(`unexpected '${t}' in: ${text}`);
  };
  return { union, end: () => void (i < tokens.length && take('end')) };
}

/** The problems of a value against a shape, each with its path; none when it fits. */
export function check(value: unknown, shape: Shape, types: Map<string, Shape>, path = '$'): string[] {
  switch (shape.t) {
    case 'unknown':
      return [];
    case 'string':
    case 'number':
    case 'boolean':
      return typeof value === shape.t ? [] : [`${path}: expected ${shape.t}, got ${JSON.stringify(value)?.slice(0, 60)}`];
    case 'null':
      return value === null ? [] : [`${path}: expected null`];
    case 'literal':
      return value === shape.value ? [] : [`${path}: expected ${JSON.stringify(shape.value)}, got ${JSON.stringify(value)?.slice(0, 60)}`];
    case 'ref': {
      const named = types.get(shape.name);
      if (!named) return [`${path}: docs/json.md names no type ${shape.name}`];
      return check(value, named, types, path);
    }
    case 'array':
      if (!Array.isArray(value)) return [`${path}: expected a list`];
      return value.flatMap((v, i) => check(v, shape.of, types, `${path}[${i}]`));
    case 'record':
      if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected an object`];
      return Object.entries(value).flatMap(([k, v]) => check(v, shape.of, types, `${path}.${k}`));
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected an object`];
      const v = value as Record<string, unknown>;
      const problems: string[] = [];
      for (const f of shape.fields) {
        if (!(f.name in v)) {
          if (!f.optional) problems.push(`${path}.${f.name}: missing`);
        } else problems.push(...check(v[f.name], f.shape, types, `${path}.${f.name}`));
      }
      const known = new Set(shape.fields.map((f) => f.name));
      for (const k of Object.keys(v)) if (!known.has(k)) problems.push(`${path}.${k}: not in docs/json.md`);
      return problems;
    }
    case 'union': {
      if (shape.of.every((s) => s.t === 'literal')) {
        const values = shape.of.map((s) => (s as { value: string | number }).value);
        return values.includes(value as string) ? [] : [`${path}: expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)?.slice(0, 60)}`];
      }
      // The alternative with the fewest problems explains the value best.
      let best: string[] | undefined;
      for (const alt of shape.of) {
        const p = check(value, alt, types, path);
        if (p.length === 0) return [];
        if (!best || p.length < best.length) best = p;
      }
      return best ?? [`${path}: no alternative`];
    }
  }
}
