/**
 * The remote half of `doctor`: `GET {base}/models` and `GET {base}/user/balance` with the
 * key, each answer read as the article's status table reads it.
 *
 * The key goes to the base URL's host and nowhere else: redirects are not followed
 * (`redirect: 'manual'`), since following one would send the Authorization header along.
 * Every request has a deadline, so a silent host ends in a timeout verdict, not a hang.
 */
import { API_ORIGIN, BALANCE_PATH, MODELS_PATH, PLATFORM_ORIGIN, redactKey, redactKeysIn } from '../deepseek';
import { type Verdict, verdict } from './verdict';

export interface RequestOptions {
  /** The base URL as the user gave it (or the default), without a trailing slash. */
  readonly baseUrl: string;
  readonly key: string;
  readonly timeoutMs: number;
}

/** An answer (any status), or why there was none. */
export type Answer =
  | { readonly kind: 'response'; readonly status: number; readonly location: string | null; readonly body: string }
  | { readonly kind: 'no-response'; readonly cause: string; readonly fix: string };

/** A body larger than this is not an API answer worth reading. */
const MAX_BODY_CHARS = 1024 * 1024;
/** How much of the API's own error message a verdict quotes. */
const MAX_API_MESSAGE_CHARS = 160;

export function endpointUrl(baseUrl: string, endpointPath: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${endpointPath}`;
}

export async function getWithKey(url: string, options: RequestOptions): Promise<Answer> {
  try {
    const response = await fetch(url, {
      method: 'GET',
      headers: { Authorization: `Bearer ${options.key}`, Accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const body = await response.text();
    return { kind: 'response', status: response.status, location: response.headers.get('location'), body: body.slice(0, MAX_BODY_CHARS) };
  } catch (error) {
    return { kind: 'no-response', ...describeNetworkError(error, new URL(url), options.timeoutMs) };
  }
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const RESET_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED']);
const UNREACHABLE_CODES = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN']);
/** OpenSSL's verification failures and Node's TLS errors. */
const TLS_CODE = /^(?:ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|EPROTO$|HOSTNAME_MISMATCH$)/;

/** Why a request got no HTTP answer, in one line, with what to check. */
export function describeNetworkError(error: unknown, url: URL, timeoutMs: number): { cause: string; fix: string } {
  const host = url.host;
  const name = (error as { name?: string } | undefined)?.name;
  const code = errorCodeOf(error);
  if (name === 'TimeoutError' || name === 'AbortError' || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return {
      cause: `timeout: ${host} did not answer within ${formatSeconds(timeoutMs)}`,
      fix: 'check your network, firewall or proxy; raise --timeout for a slow link',
    };
  }
  if (code !== undefined && DNS_CODES.has(code)) {
    return { cause: `DNS: the name ${url.hostname} does not resolve (${code})`, fix: 'check the spelling of --base-url, your DNS and your network' };
  }
  if (code === 'ECONNREFUSED') {
    return { cause: `connection refused: nothing listens at ${host}`, fix: 'check the host and port of --base-url, or start the proxy it names' };
  }
  if (code !== undefined && TLS_CODE.test(code)) {
    return {
      cause: `TLS: the secure connection to ${host} failed (${code})`,
      fix: 'a proxy that intercepts HTTPS needs its CA in NODE_EXTRA_CA_CERTS; also check the clock, and that the URL is not an http-only port',
    };
  }
  if (code !== undefined && RESET_CODES.has(code)) {
    return { cause: `connection closed by ${host} before an answer (${code})`, fix: 'retry; a proxy or firewall may be cutting the connection' };
  }
  if (code !== undefined && UNREACHABLE_CODES.has(code)) {
    return { cause: `network unreachable: no route to ${host} (${code})`, fix: 'check your network connection' };
  }
  const message = innermostMessage(error);
  return { cause: `no answer from ${host}: ${message}${code ? ` (${code})` : ''}`, fix: 'check --base-url and your network' };
}

/** Node's fetch wraps the socket error: `TypeError: fetch failed` with the real one as `cause`. */
function errorCodeOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, errors, cause } = current as { code?: unknown; errors?: unknown[]; cause?: unknown };
    if (typeof code === 'string') return code;
    // `localhost` is tried on ::1 and 127.0.0.1: an AggregateError holds both failures.
    const first = Array.isArray(errors) ? (errors[0] as { code?: unknown } | undefined) : undefined;
    if (typeof first?.code === 'string') return first.code;
    current = cause;
  }
  return undefined;
}

function innermostMessage(error: unknown): string {
  let current = error as { message?: unknown; cause?: unknown } | undefined;
  while (current?.cause && typeof (current.cause as { message?: unknown }).message === 'string') current = current.cause as typeof current;
  return oneLine(typeof current?.message === 'string' ? current.message : String(error));
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function oneLine(text: string): string {
  return redactKeysIn(text.split(/\r?\n/)[0] ?? '').trim();
}

/**
 * The verdict for any answer but a 200: the article's table, plus redirects, other 4xx and
 * 5xx. `apiMessage` is the API's own `error.message` when it sent one.
 */
export function statusVerdict(check: string, url: string, answer: Extract<Answer, { kind: 'response' }>, key: string): Verdict {
  const { status } = answer;
  const said = apiMessageOf(answer.body, key);
  const quoted = said ? ` (the API says: "${said}")` : '';
  if (status >= 300 && status < 400) {
    const to = answer.location ? ` to ${safeLocation(answer.location, key)}` : '';
    return verdict(check, 'fail', `redirected${to} (${status}); not followed, since the key would go along`,
      'if you trust the new address, pass it as --base-url', status);
  }
  switch (status) {
    case 401:
      return verdict(check, 'fail', `401: the key was refused${quoted}: it is wrong, revoked, or of another account (its format passed the local checks)`,
        `create a new key at ${PLATFORM_ORIGIN}/api_keys; after a rotation, restart whatever cached the old value`, status);
    case 402:
      return verdict(check, 'fail', `402: insufficient balance${quoted}; the key itself is fine`, `top up at ${PLATFORM_ORIGIN}/top_up`, status);
    case 403:
      return verdict(check, 'fail', `403: the account or workspace is restricted (a region or policy block)${quoted}`, 'contact DeepSeek support; a new key will not help', status);
    case 404:
      return verdict(check, 'fail', `404: ${url} does not exist${quoted}: the base URL or the path is wrong`,
        `use ${API_ORIGIN} (or its /v1 alias) as the base, with no endpoint path after it`, status);
    case 429:
      return verdict(check, 'fail', `429: too many requests at once${quoted}; a concurrency limit, not an auth problem`, 'retry in a moment; back off and retry in your client too', status);
    default:
      if (status >= 500) {
        return verdict(check, 'fail', `${status}: a server error on the API's side${quoted}; it says nothing about the key`, 'retry later; the key may well be fine', status);
      }
      return verdict(check, 'fail', `${status}: an answer this check does not expect${quoted}`, `check --base-url: it should point at the DeepSeek API or a proxy of it`, status);
  }
}

/** `error.message` of a DeepSeek error body, one line, shortened, with the key (in any form) taken out. */
function apiMessageOf(body: string, key: string): string | undefined {
  const parsed = parseJson(body) as { error?: { message?: unknown } } | undefined;
  const message = parsed?.error?.message;
  if (typeof message !== 'string' || message.trim() === '') return undefined;
  const clean = oneLine(message.split(key).join(redactKey(key))).replace(/"/g, "'");
  return clean.length > MAX_API_MESSAGE_CHARS ? `${clean.slice(0, MAX_API_MESSAGE_CHARS)}…` : clean;
}

/** A Location header as it may be printed: no key, no credentials, one line. */
function safeLocation(location: string, key: string): string {
  return oneLine(location.split(key).join(redactKey(key))).replace(/\/\/[^/@]*@/, '//');
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// The two checks
// ---------------------------------------------------------------------------

export interface ModelsCheck {
  readonly verdict: Verdict;
  /** The IDs `/models` listed; undefined when it did not answer with a list. */
  readonly served: readonly string[] | undefined;
  /** False when there was no HTTP answer at all: the next request to the same host is skipped. */
  readonly reached: boolean;
}

export async function checkModels(options: RequestOptions): Promise<ModelsCheck> {
  const check = `GET ${MODELS_PATH}`;
  const url = endpointUrl(options.baseUrl, MODELS_PATH);
  const answer = await getWithKey(url, options);
  if (answer.kind === 'no-response') return { verdict: verdict(check, 'fail', answer.cause, answer.fix), served: undefined, reached: false };
  if (answer.status !== 200) return { verdict: statusVerdict(check, url, answer, options.key), served: undefined, reached: true };
  const served = modelIdsOf(parseJson(answer.body));
  if (!served) {
    return {
      verdict: verdict(check, 'fail', `200, but the body is not a model list (${describeBody(answer.body)})`,
        'check --base-url: it answers, but not as the DeepSeek API (a login page or another service?)', 200),
      served: undefined,
      reached: true,
    };
  }
  const listed = served.length > 0 ? `: ${served.join(', ')}` : '';
  return { verdict: verdict(check, 'ok', `200: the key is accepted; ${served.length} model(s) listed${listed}`, undefined, 200), served, reached: true };
}

/** `{ object: 'list', data: [{ id: 'deepseek-v4-flash', … }] }` → the IDs; undefined for any other shape. */
function modelIdsOf(body: unknown): string[] | undefined {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) return undefined;
  const ids = data.map((entry) => (entry as { id?: unknown } | null)?.id);
  return ids.every((id): id is string => typeof id === 'string') ? ids : undefined;
}

export interface BalanceInfo {
  readonly currency: string;
  readonly total_balance: string;
  readonly granted_balance?: string;
  readonly topped_up_balance?: string;
}

export interface BalanceCheck {
  readonly verdict: Verdict;
  readonly isAvailable: boolean | undefined;
  readonly balances: readonly BalanceInfo[];
}

export async function checkBalance(options: RequestOptions): Promise<BalanceCheck> {
  const check = `GET ${BALANCE_PATH}`;
  const url = endpointUrl(options.baseUrl, BALANCE_PATH);
  const answer = await getWithKey(url, options);
  const none = { isAvailable: undefined, balances: [] };
  if (answer.kind === 'no-response') return { verdict: verdict(check, 'fail', answer.cause, answer.fix), ...none };
  if (answer.status !== 200) return { verdict: statusVerdict(check, url, answer, options.key), ...none };
  const balance = balanceOf(parseJson(answer.body));
  if (!balance) {
    return {
      verdict: verdict(check, 'fail', `200, but the body is not a balance (${describeBody(answer.body)})`,
        'check --base-url: a proxy may not pass /user/balance through', 200),
      ...none,
    };
  }
  const amounts = balance.balances.map(describeBalance).join('; ') || 'no balance listed';
  const outcome = balance.isAvailable ? verdict(check, 'ok', `200: balance available for API calls: ${amounts}`, undefined, 200)
    : verdict(check, 'fail', `200: no balance available for API calls (${amounts}); requests will get 402`, `top up at ${PLATFORM_ORIGIN}/top_up`, 200);
  return { verdict: outcome, ...balance };
}

/** `{ is_available: true, balance_infos: [{ currency, total_balance, granted_balance, topped_up_balance }] }`. */
function balanceOf(body: unknown): { isAvailable: boolean; balances: BalanceInfo[] } | undefined {
  const { is_available: isAvailable, balance_infos: infos } = (body ?? {}) as { is_available?: unknown; balance_infos?: unknown };
  if (typeof isAvailable !== 'boolean' || !Array.isArray(infos)) return undefined;
  const balances: BalanceInfo[] = [];
  for (const info of infos as Array<Record<string, unknown> | null>) {
    if (typeof info?.currency !== 'string' || typeof info.total_balance !== 'string') return undefined;
    const optional = (name: 'granted_balance' | 'topped_up_balance') => (typeof info[name] === 'string' ? { [name]: info[name] } : {});
    balances.push({ currency: info.currency, total_balance: info.total_balance, ...optional('granted_balance'), ...optional('topped_up_balance') });
  }
  return { isAvailable, balances };
}

function describeBalance(info: BalanceInfo): string {
  const parts = [
    info.topped_up_balance === undefined ? undefined : `${info.topped_up_balance} topped up`,
    info.granted_balance === undefined ? undefined : `${info.granted_balance} granted`,
  ].filter(Boolean);
  return `${info.total_balance} ${info.currency}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

function describeBody(body: string): string {
  if (body.trim() === '') return 'it is empty';
  return parseJson(body) === undefined ? 'it is not JSON' : 'its JSON has another shape';
}
