import { anyOf } from './join-patterns.ts';

/**
 * A literal prefilter for the rule patterns. Most sentences of a report match none of a rule's wordings, and the
 * regular-expression engine spends most of its time proving that, at every position of the sentence. Every match of
 * a rule pattern contains one of a few literal strings (`\bpin (?:numbers?|codes?)\b` always contains "pin number" or
 * "pin code"), worked out here from the pattern's own source, so a sentence that contains none of them cannot match.
 * All the gated patterns' literals are found in one pass over a sentence (Aho–Corasick), and only the patterns whose
 * literals it contains are run. The verdicts are exactly the patterns' own: the gate only skips certain misses.
 */

/** Longest set of exact strings kept while combining a pattern's parts; beyond it, its parts are required apart. */
const MAX_EXACT = 64;

/**
 * What a part of a pattern says about the text it matches: `exact`, it matches one of these strings exactly; or
 * `all`, every match contains, for each of these sets, one of its strings (an empty list: nothing is known).
 */
type Facts = { exact: Set<string> } | { all: Set<string>[] };

const EMPTY: Facts = { exact: new Set(['']) };
const UNKNOWN: Facts = { all: [] };

/**
 * What every match of `pattern` contains, from its source: for each returned list, one of its strings (lowercase).
 * Undefined when nothing is certain (a bare `\w+`), the pattern uses the `u` or `v` flag, or syntax this reader does
 * not follow. Sound for case-insensitive patterns, and for case-sensitive ones (the text is compared case-folded,
 * which only lets more through). Throws nothing.
 */
export function requiredLiterals(pattern: RegExp): string[][] | undefined {
  if (pattern.unicode || pattern.flags.includes('v')) return undefined;
  try {
    const reader = new SourceReader(pattern.source);
    const facts = reader.alternation();
    if (!reader.done()) return undefined;
    const required = requiredSets(facts);
    return required.length > 0 ? required.map((set) => [...set]) : undefined;
  } catch {
    return undefined;
  }
}

/** One set of strings, one of which any match contains; undefined when a match may be empty. */
function exactAsRequired(strings: Set<string>): Set<string> | undefined {
  return strings.size === 0 || strings.has('') ? undefined : strings;
}

function requiredSets(facts: Facts): Set<string>[] {
  if ('all' in facts) return facts.all;
  const required = exactAsRequired(facts.exact);
  return required ? [required] : [];
}

function cross(left: Set<string>, right: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const a of left) for (const b of right) out.add(a + b);
  return out;
}

/** Of several sets a match must meet, the most selective: the longest shortest string, then the fewest strings. */
function mostSelective(sets: readonly Set<string>[]): Set<string> | undefined {
  let best: Set<string> | undefined;
  let bestShortest = 0;
  for (const set of sets) {
    let shortest = Infinity;
    for (const string of set) shortest = Math.min(shortest, string.length);
    if (!best || shortest > bestShortest || (shortest === bestShortest && set.size < best.size)) {
      best = set;
      bestShortest = shortest;
    }
  }
  return best;
}

function sequence(parts: readonly Facts[]): Facts {
  const required: Set<string>[] = [];
  let run = new Set(['']);
  let allExact = true;
  const endRun = () => {
    const set = exactAsRequired(run);
    if (set) required.push(set);
    run = new Set(['']);
  };
  for (const part of parts) {
    if ('exact' in part && run.size * part.exact.size <= MAX_EXACT) {
      run = cross(run, part.exact);
      continue;
    }
    allExact = false;
    endRun();
    if ('exact' in part && part.exact.size <= MAX_EXACT) run = new Set(part.exact);
    else required.push(...requiredSets(part));
  }
  if (allExact) return { exact: run };
  endRun();
  return { all: required };
}

function union(alternatives: readonly Facts[]): Facts {
  if (alternatives.every((facts) => 'exact' in facts)) {
    const all = new Set<string>();
    for (const facts of alternatives) for (const string of (facts as { exact: Set<string> }).exact) all.add(string);
    if (all.size <= MAX_EXACT) return { exact: all };
  }
  // Each alternative is summed up by its most selective set: one of those strings is in any match of the whole.
  const all = new Set<string>();
  for (const facts of alternatives) {
    const best = mostSelective(requiredSets(facts));
    if (!best) return UNKNOWN;
    for (const string of best) all.add(string);
  }
  return { all: [all] };
}

/** A literal character as the gate sees it: ASCII letters folded to lowercase; unknown when case folding is not plain. */
function literalChar(char: string): Facts {
  if (char.charCodeAt(0) < 128) return { exact: new Set([char.toLowerCase()]) };
  // Outside ASCII, only characters without case (£, curly quotes) are compared as they are.
  return char.toLowerCase() === char && char.toUpperCase() === char ? { exact: new Set([char]) } : UNKNOWN;
}

const DIGITS: Facts = { exact: new Set('0123456789') };

/** Reads a pattern source (the syntax of patterns without the `u` flag) into Facts. */
class SourceReader {
  private at = 0;
  constructor(private readonly source: string) {}

  done(): boolean {
    return this.at >= this.source.length;
  }

  alternation(): Facts {
    const alternatives = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at += 1;
      alternatives.push(this.sequence());
    }
    return alternatives.length === 1 ? alternatives[0]! : union(alternatives);
  }

  private sequence(): Facts {
    const parts: Facts[] = [];
    while (!this.done() && this.source[this.at] !== '|' && this.source[this.at] !== ')') parts.push(this.quantified());
    return sequence(parts);
  }

  private quantified(): Facts {
    const atom = this.atom();
    const quantifier = this.quantifier();
    if (!quantifier) return atom;
    if (this.source[this.at] === '?') this.at += 1; // lazy
    const [min, max] = quantifier;
    if (min === 0) return max === 1 && 'exact' in atom ? { exact: new Set(['', ...atom.exact]) } : UNKNOWN;
    if (min === 1 && max === 1) return atom;
    return { all: requiredSets(atom) };
  }

  private quantifier(): [number, number] | undefined {
    const char = this.source[this.at];
    if (char === '?') return this.take(1, [0, 1]);
    if (char === '*') return this.take(1, [0, Infinity]);
    if (char === '+') return this.take(1, [1, Infinity]);
    if (char === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!braces) return undefined; // a literal "{"
      const min = Number(braces[1]);
      const max = braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Infinity;
      return this.take(braces[0].length, [min, max]);
    }
    return undefined;
  }

  private take<T>(length: number, value: T): T {
    this.at += length;
    return value;
  }

  private atom(): Facts {
    const char = this.source[this.at]!;
    if (char === '(') return this.group();
    if (char === '[') return this.characterClass();
    if (char === '\\') return this.escape();
    this.at += 1;
    if (char === '.') return UNKNOWN;
    if (char === '^' || char === '$') return EMPTY;
    return literalChar(char);
  }

  private group(): Facts {
    const rest = this.source.slice(this.at, this.at + 4);
    const lookaround = /^\(\?(?:=|!|<=|<!)/.exec(rest);
    const named = /^\(\?<[A-Za-z_$]/.test(rest) && !lookaround;
    if (lookaround) this.at += lookaround[0].length;
    else if (rest.startsWith('(?:')) this.at += 3;
    else if (named) this.at = this.source.indexOf('>', this.at) + 1;
    else if (rest.startsWith('(?')) throw new Error('unknown group'); // modifiers: not followed
    else this.at += 1;
    const inner = this.alternation();
    if (this.source[this.at] !== ')') throw new Error('unclosed group');
    this.at += 1;
    // A lookaround matches no text of its own.
    return lookaround ? EMPTY : inner;
  }

  private characterClass(): Facts {
    this.at += 1;
    const negated = this.source[this.at] === '^';
    if (negated) this.at += 1;
    const members = new Set<string>();
    let plain = !negated;
    // In JavaScript a "]" right after "[" or "[^" closes the class ("[]" matches nothing, "[^]" anything).
    while (!this.done() && this.source[this.at] !== ']') {
      let char = this.source[this.at]!;
      if (char === '\\') {
        this.at += 1;
        char = this.source[this.at]!;
        if (char === 'd') {
          for (const digit of '0123456789') members.add(digit);
          this.at += 1;
          continue;
        }
        if (/[DwWsSbBcxuk0-9]/.test(char)) plain = false;
      } else if (char === '-' && members.size > 0 && this.source[this.at + 1] !== ']') {
        plain = false; // a range
      }
      this.at += 1;
      const folded = literalChar(char);
      if ('exact' in folded) for (const member of folded.exact) members.add(member);
      else plain = false;
    }
    if (this.source[this.at] !== ']') throw new Error('unclosed class');
    this.at += 1;
    return plain && members.size > 0 && members.size <= 12 ? { exact: members } : UNKNOWN;
  }

  private escape(): Facts {
    const char = this.source[this.at + 1];
    if (char === undefined) throw new Error('trailing backslash');
    this.at += 2;
    if (char === 'b' || char === 'B') return EMPTY;
    if (char === 'd') return DIGITS;
    if (/[DwWsS]/.test(char)) return UNKNOWN;
    if (char === 'k' || /[1-9]/.test(char)) throw new Error('back-reference');
    if (char === 'u' || char === 'x' || char === 'c' || char === 'p' || char === 'P') throw new Error('escape not followed');
    if (/[A-Za-z0]/.test(char)) return UNKNOWN; // \n, \t and other control escapes: not gated on
    return literalChar(char);
  }
}

/**
 * One Aho–Corasick automaton over groups of literals: `scan(text)` finds, in one pass, the groups the text contains a
 * literal of. States × character classes in one table; ASCII letters folded to lowercase.
 */
class LiteralAutomaton {
  /** Character code (ASCII letters lowercase) → class; 0 for a character in no literal. */
  private readonly classOf = new Uint16Array(65536);
  private classCount = 0;
  /** next[state × classes + class]: the state after reading a character of that class. Two bytes a cell while they suffice. */
  private readonly next: Uint16Array | Int32Array;
  /** The groups one of whose literals ends at state s: foundGroups[foundStart[s]] up to foundStart[s + 1]. */
  private readonly foundStart: Int32Array;
  private readonly foundGroups: Int32Array;
  private readonly classes: number;

  constructor(literalsByGroup: readonly (readonly string[])[]) {
    for (const literals of literalsByGroup) {
      for (const literal of literals) for (let index = 0; index < literal.length; index += 1) this.classFor(literal.charCodeAt(index), true);
    }
    this.classes = this.classCount + 1; // class 0: a character in no literal
    const children: Map<number, number>[] = [new Map()];
    const ends: Set<number>[] = [new Set()];
    literalsByGroup.forEach((literals, group) => {
      for (const literal of literals) {
        let state = 0;
        for (let index = 0; index < literal.length; index += 1) {
          const klass = this.classFor(literal.charCodeAt(index), false);
          let child = children[state]!.get(klass);
          if (child === undefined) {
            child = children.length;
            children.push(new Map());
            ends.push(new Set());
            children[state]!.set(klass, child);
          }
          state = child;
        }
        ends[state]!.add(group);
      }
    });
    const next = children.length < 0x10000 ? new Uint16Array(children.length * this.classes) : new Int32Array(children.length * this.classes);
    const fail = new Int32Array(children.length);
    const queue: number[] = [];
    for (let klass = 0; klass < this.classes; klass += 1) {
      const child = children[0]!.get(klass) ?? 0;
      next[klass] = child;
      if (child !== 0) queue.push(child);
    }
    for (let head = 0; head < queue.length; head += 1) {
      const state = queue[head]!;
      for (const group of ends[fail[state]!]!) ends[state]!.add(group);
      for (let klass = 0; klass < this.classes; klass += 1) {
        const child = children[state]!.get(klass);
        if (child === undefined) {
          next[state * this.classes + klass] = next[fail[state]! * this.classes + klass]!;
        } else {
          fail[child] = next[fail[state]! * this.classes + klass]!;
          next[state * this.classes + klass] = child;
          queue.push(child);
        }
      }
    }
    this.next = next;
    this.foundStart = new Int32Array(ends.length + 1);
    ends.forEach((set, state) => (this.foundStart[state + 1] = this.foundStart[state]! + set.size));
    this.foundGroups = Int32Array.from(ends.flatMap((set) => [...set]));
  }

  private classFor(code: number, add: boolean): number {
    const folded = code >= 65 && code <= 90 ? code + 32 : code;
    if (this.classOf[folded] === 0 && add) {
      this.classCount += 1;
      this.classOf[folded] = this.classCount;
      if (folded >= 97 && folded <= 122) this.classOf[folded - 32] = this.classCount;
    }
    return this.classOf[folded]!;
  }

  /** Sets bit `group` of `bits` (cleared first) for every group one of whose literals `text` contains. */
  scan(text: string, bits: Uint32Array): void {
    bits.fill(0);
    const { next, foundStart, foundGroups, classes, classOf } = this;
    let state = 0;
    for (let index = 0; index < text.length; index += 1) {
      state = next[state * classes + classOf[text.charCodeAt(index)]!]!;
      for (let at = foundStart[state]!, end = foundStart[state + 1]!; at < end; at += 1) {
        const group = foundGroups[at]!;
        bits[group >>> 5]! |= 1 << (group & 31);
      }
    }
  }

}

/** Tells whether a text can contain a match of the patterns it was made for. */
export interface LiteralGate {
  /** False only when `text` lacks literals that every match of each of the patterns needs: then none can match. */
  mayMatch(text: string): boolean;
}

/**
 * Literals are cut to their first MAX_LITERAL characters for the automaton: a text that contains a literal contains
 * its start, so the gate stays sound, and the automaton stays small enough to scan from the processor's cache.
 */
const MAX_LITERAL = 12;

/** A set of literals cut to MAX_LITERAL, without those that contain another of the set (the shorter one suffices). */
function shortened(set: readonly string[]): string[] {
  const cut = [...new Set(set.map((literal) => literal.slice(0, MAX_LITERAL)))].sort((a, b) => a.length - b.length);
  return cut.filter((literal, index) => !cut.slice(0, index).some((shorter) => literal.includes(shorter)));
}

/** Every gate's sets of literals, each set one group of the shared automaton. */
const groups: string[][] = [];
let automaton: LiteralAutomaton | undefined;

/**
 * The last texts scanned and the groups each contains, as bitsets. Each rule pass (tactics, relevance, impersonated,
 * places, counts) goes through an article's sentences again: remembering a few more than an article's sentences
 * spares scanning each once per pass.
 */
const RECENT = 16;
const recentTexts: (string | undefined)[] = new Array<string | undefined>(RECENT).fill(undefined);
let recentBits: Uint32Array[] = [];
let nextSlot = 0;

function groupsIn(text: string): Uint32Array {
  if (automaton === undefined) {
    automaton = new LiteralAutomaton(groups);
    recentBits = Array.from({ length: RECENT }, () => new Uint32Array(Math.ceil(groups.length / 32)));
    recentTexts.fill(undefined);
  }
  for (let slot = 0; slot < RECENT; slot += 1) if (recentTexts[slot] === text) return recentBits[slot]!;
  const slot = nextSlot;
  nextSlot = (nextSlot + 1) % RECENT;
  automaton.scan(text, recentBits[slot]!);
  recentTexts[slot] = text;
  return recentBits[slot]!;
}

const OPEN_GATE: LiteralGate = { mayMatch: () => true };

/** Every gate made, with the patterns it stands for. */
const made: { patterns: readonly RegExp[]; gate: LiteralGate }[] = [];

/**
 * Every gate made so far and the patterns it stands for, so its soundness can be checked: wherever one of the patterns
 * matches a text, the gate must let that text through.
 */
export function everyLiteralGate(): readonly { patterns: readonly RegExp[]; gate: LiteralGate }[] {
  return made;
}

/**
 * A gate for these patterns together: it passes when any of them may match. A pattern whose literals cannot be worked
 * out (requiredLiterals gives undefined) leaves the gate always open. Every gate shares one automaton, built at the
 * first question, so a sentence is scanned once however many gates ask about it.
 */
export function literalGate(patterns: readonly RegExp[]): LiteralGate {
  const required = patterns.map(requiredLiterals);
  if (required.some((sets) => sets === undefined)) return OPEN_GATE;
  const needs = (required as string[][][]).map((sets) => sets.map((set) => groups.push(shortened(set)) - 1));
  automaton = undefined;
  const gate: LiteralGate = {
    mayMatch(text: string): boolean {
      const bits = groupsIn(text);
      for (const need of needs) {
        let all = true;
        for (const group of need) {
          if ((bits[group >>> 5]! & (1 << (group & 31))) === 0) {
            all = false;
            break;
          }
        }
        if (all) return true;
      }
      return false;
    },
  };
  made.push({ patterns: [...patterns], gate });
  return gate;
}

/** A pattern asked only through its literal gate: `test` and `exec` as the pattern's own, skipping certain misses. */
export interface GatedPattern {
  readonly pattern: RegExp;
  test(text: string): boolean;
  exec(text: string): RegExpExecArray | null;
}

/**
 * `pattern` behind its own literalGate. For patterns without the `g` or `y` flag (their test and exec keep no
 * position between calls, so a skipped call changes nothing). Throws on a `g` or `y` pattern.
 */
export function gatedPattern(pattern: RegExp): GatedPattern {
  if (pattern.global || pattern.sticky) throw new Error(`gatedPattern: pattern must not have the g or y flag: ${pattern}`);
  const gate = literalGate([pattern]);
  return {
    pattern,
    test: (text) => gate.mayMatch(text) && pattern.test(text),
    exec: (text) => (gate.mayMatch(text) ? pattern.exec(text) : null),
  };
}

/**
 * The same test as `patterns.some((pattern) => pattern.test(text))`: the patterns joined (see anyOf), run only when the
 * text holds the literals one of them needs (see literalGate). For patterns without the `g` or `y` flag; throws on one.
 */
export function anyOfGated(patterns: readonly RegExp[]): { test(text: string): boolean } {
  const stateful = patterns.find((pattern) => pattern.global || pattern.sticky);
  if (stateful) throw new Error(`anyOfGated: pattern must not have the g or y flag: ${stateful}`);
  const gate = literalGate(patterns);
  const joined = anyOf(patterns);
  return { test: (text) => gate.mayMatch(text) && joined.some((pattern) => pattern.test(text)) };
}
