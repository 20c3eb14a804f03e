/**
 * `doctor`: from a 401 to its cause. The key's value is checked here first; only a
 * well-formed key is sent, to `GET /models` and `GET /user/balance` on the base URL, and
 * the project's model IDs are held against the list `/models` returns.
 */
import { API_ORIGIN, ENDPOINT_PATH_PATTERN, looksLikeDeepSeekHost } from '../deepseek';
import { type BalanceInfo, checkBalance, checkModels } from './api-checks';
import { checkKeyValue } from './key-check';
import { modelVerdicts } from './model-verdicts';
import { type ModelUse, modelIdsUsedIn } from './project-models';
import { type Verdict, verdict } from './verdict';

export interface DoctorOptions {
  readonly envVar: string;
  /** A base URL accepted by parseBaseUrl. */
  readonly baseUrl: string;
  readonly timeoutMs: number;
  /** Where to look for the project's model IDs. */
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

export interface DoctorReport {
  readonly envVar: string;
  readonly baseUrl: string;
  /** The key as shown: `sk-…abcd`, or a note when the value holds nothing key-shaped. */
  readonly key: string;
  readonly verdicts: readonly Verdict[];
  /** The IDs `/models` listed; null when it was not asked or gave no list. */
  readonly servedModels: readonly string[] | null;
  readonly usedModels: readonly ModelUse[];
  /** What `/user/balance` said; null when it was not asked or gave no balance. */
  readonly balance: { readonly is_available: boolean; readonly balance_infos: readonly BalanceInfo[] } | null;
  readonly ok: boolean;
}

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const keyCheck = checkKeyValue(options.envVar, options.env[options.envVar]);
  const verdicts: Verdict[] = [...keyCheck.verdicts];
  let served: readonly string[] | undefined;
  let balance: DoctorReport['balance'] = null;

  if (keyCheck.key === undefined) {
    const notSent = 'not sent: the key failed the local checks above';
    verdicts.push(verdict('GET /models', 'skip', notSent), verdict('GET /user/balance', 'skip', notSent));
  } else {
    const request = { baseUrl: options.baseUrl, key: keyCheck.key, timeoutMs: options.timeoutMs };
    const models = await checkModels(request);
    served = models.served;
    verdicts.push(models.verdict);
    if (models.reached) {
      const result = await checkBalance(request);
      verdicts.push(result.verdict);
      if (result.isAvailable !== undefined) balance = { is_available: result.isAvailable, balance_infos: result.balances };
    } else {
      verdicts.push(verdict('GET /user/balance', 'skip', `not sent: ${new URL(options.baseUrl).host} did not answer /models`));
    }
  }

  const project = modelIdsUsedIn(options.paths, options.cwd);
  verdicts.push(...modelVerdicts(project, served));
  return {
    envVar: options.envVar,
    baseUrl: options.baseUrl,
    key: keyCheck.shown,
    verdicts,
    servedModels: served ?? null,
    usedModels: project.uses,
    balance,
    ok: verdicts.every((entry) => entry.outcome !== 'fail'),
  };
}

const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The base URL the key may be sent to, normalised (no trailing slash); a string is the
 * one-line reason it is refused. Refused before anything is sent: a URL that is not
 * http(s), plain http to a host other than this machine, credentials, a query, an
 * endpoint path, or a look-alike of DeepSeek's host (a typo would hand the key to a stranger).
 */
export function parseBaseUrl(text: string): { url: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: `--base-url '${text}' is not a URL (expected e.g. ${API_ORIGIN})` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: `--base-url must be https:// (got ${url.protocol})` };
  if (url.protocol === 'http:' && !LOOPBACK_HOST.test(url.hostname)) {
    return { error: `refusing to send the key over plain http to ${url.host}: use https (http is accepted for localhost only)` };
  }
  if (url.username || url.password) return { error: '--base-url must not hold a user name or password' };
  if (url.search || url.hash) return { error: '--base-url must not hold a query or a fragment' };
  if (looksLikeDeepSeekHost(url.hostname)) {
    return { error: `${url.hostname} looks like DeepSeek's host but is not api.deepseek.com: check the spelling (nothing was sent)` };
  }
  const endpoint = ENDPOINT_PATH_PATTERN.exec(url.pathname);
  if (endpoint) return { error: `--base-url ends with the endpoint path ${endpoint[0]}: give the base only (e.g. ${API_ORIGIN})` };
  return { url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
