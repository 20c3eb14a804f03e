/**
 * The local half of `doctor`: what is wrong with the key's value before anything is sent.
 * These are the article's 401 causes that can be seen without asking the API: whitespace
 * or a newline in the key, `Bearer ` pasted into the value, quotes kept from a `.env`
 * line, and a value that is not a DeepSeek key at all.
 */
import { API_KEY_PATTERN, PLATFORM_ORIGIN, isPlaceholderKey, redactKey } from '../deepseek';
import { type Verdict, verdict } from './verdict';

/** API_KEY_PATTERN, for a whole value rather than a search in a text. */
const WHOLE_KEY = new RegExp(`^(?:${API_KEY_PATTERN.source})$`);
const KEY_INSIDE = new RegExp(API_KEY_PATTERN.source);
const LINE_BREAK = /[\r\n]/;
const QUOTED = /^(["'`])[^]*\1$/;
const EDGE_QUOTE = /^["'`]|["'`]$/;
const EDGE_QUOTES = /^["'`]+|["'`]+$/g;
/** Characters no editor shows: pasted from a web page or a chat along with the key. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/;
/** `Bearer sk-…`, or the whole header line `Authorization: Bearer sk-…`. */
const HEADER_PREFIX = /^(?:authorization\s*:\s*)?bearer\s+/i;
const KEY_BODY_LENGTH = 32;

export interface KeyCheck {
  /** The key to send; undefined when a local check failed (then nothing is sent). */
  readonly key: string | undefined;
  /** The key as it may be shown: `sk-…abcd`, or a length when nothing in the value is key-shaped. */
  readonly shown: string;
  readonly verdicts: readonly Verdict[];
}

const CHECK = 'key';
const NEW_KEY_FIX = `create a key at ${PLATFORM_ORIGIN}/api_keys`;

export function checkKeyValue(envVar: string, value: string | undefined): KeyCheck {
  if (value === undefined) {
    return failed('(not set)', [verdict(CHECK, 'fail', `${envVar} is not set`, `export ${envVar}=<your key> (${NEW_KEY_FIX}), or pass --env-var with the variable your app reads`)]);
  }
  if (value.trim() === '') {
    return failed('(empty)', [verdict(CHECK, 'fail', `${envVar} is set but ${value === '' ? 'empty' : 'holds only whitespace'}`, `set it to your key (${NEW_KEY_FIX})`)]);
  }

  const faults: Verdict[] = [];
  if (LINE_BREAK.test(value)) {
    const where = LINE_BREAK.test(value.trim()) ? 'inside it' : /[\r\n]\s*$/.test(value) ? 'at its end' : 'at its start';
    faults.push(
      verdict(CHECK, 'fail', `${envVar} holds a line break ${where}: the Authorization header carries it and the API answers 401`,
        'remove it (a key file read with its trailing newline, or a paste from a terminal that wrapped the line)'),
    );
  }
  const withoutLineBreaks = value.replace(/[\r\n]+/g, '');
  if (withoutLineBreaks !== withoutLineBreaks.trim()) {
    faults.push(verdict(CHECK, 'fail', `${envVar} starts or ends with whitespace: the API answers 401`, 'trim the value where it is set'));
  }

  const { candidate, quotes, bearer } = unwrap(withoutLineBreaks.trim());
  if (bearer) {
    faults.push(
      verdict(CHECK, 'fail', `${envVar} starts with "Bearer ": SDKs add the scheme themselves, so the header becomes "Bearer Bearer sk-…" (401)`,
        'store the key alone, without "Bearer " (write the scheme only when you build the header by hand)'),
    );
  }
  if (quotes !== 'none') {
    const found = quotes === 'wrapped' ? 'is wrapped in quotes, which are sent' : 'starts or ends with a quote character, which is sent';
    faults.push(verdict(CHECK, 'fail', `${envVar} ${found} as part of the key (401)`, 'remove the quotes (docker --env-file and some .env loaders keep them)'));
  }

  const shown = WHOLE_KEY.test(candidate) ? redactKey(candidate) : shownWithoutKey(value);
  const shapeFault = shapeProblemOf(candidate);
  if (shapeFault) faults.push(verdict(CHECK, 'fail', `${envVar} ${shapeFault}`, `use a DeepSeek key: "sk-" and 32 characters 0-9a-f (${NEW_KEY_FIX})`));
  else if (isPlaceholderKey(candidate)) {
    faults.push(verdict(CHECK, 'fail', `${envVar} holds a placeholder (${shown}), not a real key`, `set your own key (${NEW_KEY_FIX})`));
  }

  if (faults.length > 0) return failed(shown, faults);
  return { key: candidate, shown, verdicts: [verdict(CHECK, 'ok', `${envVar} holds a well-formed DeepSeek key (${shown})`)] };
}

type Quotes = 'none' | 'wrapped' | 'stray';

/** The value without what is often pasted around a key: quotes and `Bearer `, in either order. */
function unwrap(value: string): { candidate: string; quotes: Quotes; bearer: boolean } {
  let candidate = value;
  let quotes: Quotes = 'none';
  const unquote = (): void => {
    if (candidate.length >= 2 && QUOTED.test(candidate)) {
      quotes = 'wrapped';
      candidate = candidate.slice(1, -1).trim();
    }
  };
  unquote();
  const bearer = HEADER_PREFIX.test(candidate);
  if (bearer) {
    candidate = candidate.replace(HEADER_PREFIX, '');
    unquote();
  }
  // What is left of unbalanced quotes (`sk-…"`), once the pairs are gone.
  if (EDGE_QUOTE.test(candidate)) {
    if (quotes === 'none') quotes = 'stray';
    candidate = candidate.replace(EDGE_QUOTES, '').trim();
  }
  return { candidate, quotes, bearer };
}

function failed(shown: string, verdicts: Verdict[]): KeyCheck {
  return { key: undefined, shown, verdicts };
}

/** A malformed value is never shown: only a key-shaped part of it, redacted, or its length. */
function shownWithoutKey(value: string): string {
  const inside = KEY_INSIDE.exec(value)?.[0];
  return inside ? redactKey(inside) : `(${value.length} characters)`;
}

/** Why `candidate` is not a DeepSeek key, as the end of a sentence; undefined when it is one. */
function shapeProblemOf(candidate: string): string | undefined {
  if (WHOLE_KEY.test(candidate)) return undefined;
  if (/^sk-ant-/.test(candidate)) return 'holds an Anthropic key (sk-ant-…): DeepSeek accepts only its own keys, on both of its surfaces';
  if (/^sk-(?:proj|svcacct|admin)-/.test(candidate)) return 'holds an OpenAI key (sk-proj-…): DeepSeek accepts only its own keys';
  const invisible = INVISIBLE.exec(candidate)?.[0];
  if (invisible) {
    const codePoint = `U+${invisible.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return `holds an invisible character (${codePoint}), pasted along with the key from a web page or a chat`;
  }
  if (/^\$\{?[A-Za-z_]/.test(candidate)) {
    return `holds a variable reference (${candidate.slice(0, 2)}…) that nothing expanded: the file or tool that sets it does not substitute variables`;
  }
  if (/\s/.test(candidate)) return 'has whitespace inside the key (two values pasted together?)';
  if (!candidate.startsWith('sk-')) return `does not start with "sk-" (${candidate.length} characters): it is not a DeepSeek key`;
  const body = candidate.slice(3);
  if (body.length !== KEY_BODY_LENGTH) {
    return `has ${body.length} characters after "sk-" where a DeepSeek key has ${KEY_BODY_LENGTH} (cut short, or two keys pasted together?)`;
  }
  if (/[A-F]/.test(body) && /^[0-9a-fA-F]+$/.test(body)) return 'holds upper-case letters: DeepSeek keys are lower-case (was it changed by an editor or a shell?)';
  return 'holds characters other than 0-9 and a-f after "sk-": it is not a DeepSeek key';
}
