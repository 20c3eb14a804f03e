/**
 * Everything this package knows about the DeepSeek API, in one place.
 *
 * Rules, the codemod and the CLI import these facts; none of them keeps a copy.
 * Sources: ../shared/reference (the auth article and facts.md) and
 * docs/sdk-evidence.md (SDK source and DeepSeek docs checked for this package).
 */

// ---------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------

/** Model IDs the official API serves today. */
export const CURRENT_MODEL_IDS = ['deepseek-v4-flash', 'deepseek-v4-pro', 'deepseek-flash'] as const;
export type CurrentModelId = (typeof CURRENT_MODEL_IDS)[number];

/**
 * IDs the API still accepts besides the current ones: served by DeepSeek-V4.1-Flash
 * (api-docs.deepseek.com/zh-cn/quick_start/pricing, footnote 1; docs/sdk-evidence.md §6).
 */
export const STILL_ACCEPTED_MODEL_IDS = ['deepseek-v4-flash-vision-exp'] as const;

/** Every ID a request to the official API may name without a 4xx (legacy IDs excluded). */
export const KNOWN_MODEL_IDS: readonly string[] = [...CURRENT_MODEL_IDS, ...STILL_ACCEPTED_MODEL_IDS];

/**
 * V4 models think unless told otherwise. Same test as the Vercel provider's
 * `isDeepSeekV4Model` (vercel/ai packages/deepseek/src/chat/is-deepseek-v4-model.ts).
 */
export function isV4ModelId(id: string): boolean {
  return /^deepseek-(?:v4|flash|pro)(?:$|-)/.test(id);
}

/** Whether a request naming `id` thinks when it sends no thinking flag; undefined for an ID we do not know. */
export function defaultThinkingOf(id: string): ThinkingType | undefined {
  const legacy = legacyModel(id);
  if (legacy) return legacy.thinking;
  return isV4ModelId(id) ? THINKING_DEFAULT : undefined;
}

/**
 * On the Anthropic surface `claude*` names are mapped to DeepSeek models
 * (api-docs.deepseek.com/guides/anthropic_api: "claude-opus* … deepseek-v4-pro,
 * other claude* names … deepseek-flash").
 */
export const ANTHROPIC_MAPPED_MODEL_PATTERN = /^claude/;

/** The documented migration target for the retired IDs. */
export const DEFAULT_TARGET_MODEL: CurrentModelId = 'deepseek-v4-flash';

export type ThinkingType = 'enabled' | 'disabled';

export interface LegacyModel {
  readonly id: string;
  /** The V4 model that served it, and whether it ran with thinking on. */
  readonly servedBy: CurrentModelId;
  readonly thinking: ThinkingType;
}

/**
 * Retired IDs. V4 models think by default, so a migration must always write
 * the thinking flag: dropping it would turn `deepseek-chat` into a thinking model.
 */
export const LEGACY_MODELS: Readonly<Record<string, LegacyModel>> = {
  'deepseek-chat': { id: 'deepseek-chat', servedBy: 'deepseek-v4-flash', thinking: 'disabled' },
  'deepseek-reasoner': { id: 'deepseek-reasoner', servedBy: 'deepseek-v4-flash', thinking: 'enabled' },
};

/** When the legacy IDs stopped working. */
export const LEGACY_MODELS_RETIRED_AT = '2026-07-24T15:59:00Z';

export function legacyModel(id: string): LegacyModel | undefined {
  return Object.hasOwn(LEGACY_MODELS, id) ? LEGACY_MODELS[id] : undefined;
}

/** Thinking mode is on unless the request turns it off (api-docs.deepseek.com/guides/thinking_mode). */
export const THINKING_DEFAULT: ThinkingType = 'enabled';

/** Quick pre-filter: a file whose text does not match cannot hold a legacy ID. */
export const LEGACY_MODEL_TEXT_PATTERN = /deepseek-(?:chat|reasoner)/;

/** What every legacy ID starts with (ASCII): a byte search for it comes before the pattern. */
export const LEGACY_MODEL_ID_PREFIX = 'deepseek-';

// ---------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------

/**
 * A DeepSeek API key: `sk-` and 32 lowercase hex characters, with a word
 * boundary before `sk-` (so `task-…` never matches) and no further key
 * character after it (so 33 characters never match).
 */
export const API_KEY_PATTERN = /\bsk-[a-f0-9]{32}(?![A-Za-z0-9_])/g;

/** Fewer distinct characters than this reads as a placeholder (`sk-000…0`, `sk-abab…`). */
const MIN_DISTINCT_KEY_CHARS = 6;

export interface KeyMatch {
  readonly key: string;
  /** Offset of `sk-` in the searched text. */
  readonly index: number;
}

/** Every real-looking DeepSeek key in `text`, placeholders left out. */
export function findApiKeys(text: string): KeyMatch[] {
  const matches: KeyMatch[] = [];
  if (!text.includes('sk-')) return matches;
  for (const match of text.matchAll(API_KEY_PATTERN)) {
    if (!isPlaceholderKey(match[0])) matches.push({ key: match[0], index: match.index });
  }
  return matches;
}

export function isPlaceholderKey(key: string): boolean {
  const body = key.slice(3);
  if (new Set(body).size < MIN_DISTINCT_KEY_CHARS) return true;
  // Counting sequences such as 0123456789abcdef0123… are examples, not keys.
  return '0123456789abcdef'.repeat(3).includes(body.slice(0, 16));
}

/** The only form in which a key may appear in any output: `sk-…` and its last 4 characters. */
export function redactKey(key: string): string {
  return `sk-…${key.slice(-4)}`;
}

/** Redact every key-shaped substring (placeholders included) of an arbitrary text. */
export function redactKeysIn(text: string): string {
  return text.replace(API_KEY_PATTERN, (key) => redactKey(key));
}

/** Where a key should come from instead of the source. */
export const API_KEY_ENV_VAR = 'DEEPSEEK_API_KEY';

/** Names of env vars or variables that hold a DeepSeek key or configuration. */
export const DEEPSEEK_NAME_PATTERN = /deepseek/i;

/** Words of a name: `deepseekApiKey` → deepseek, api, key; `NEXT_PUBLIC_DEEPSEEK_KEY` → next, public, deepseek, key. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/**
 * A name that holds the DeepSeek key itself: it names DeepSeek and a key or secret
 * (`DEEPSEEK_API_KEY`, `deepseekKey`, `deepseekSecret`, `DEEPSEEK_ACCESS_TOKEN`), not
 * other DeepSeek settings (`DEEPSEEK_BASE_URL`) nor token counts (`deepseekTokens`).
 */
export function isDeepSeekKeyName(name: string): boolean {
  if (!DEEPSEEK_NAME_PATTERN.test(name)) return false;
  const words = nameWords(name);
  return words.some((word, i) => {
    if (word === 'key' || word === 'apikey' || word.endsWith('apikey') || word === 'secret') return true;
    // `DEEPSEEK_TOKEN`, `deepseekAccessToken`; not `deepseekTokenCount`.
    return word === 'token' && i === words.length - 1 && ['api', 'access', 'auth', 'bearer', 'deepseek'].includes(words[i - 1] ?? '');
  });
}

/**
 * Env var prefixes that bundlers inline into browser code: Next.js, Vite, Create React App,
 * SvelteKit/Astro, Expo, Nuxt, Gatsby, Vue CLI, Storybook, Nx, Snowpack.
 */
export const PUBLIC_ENV_PREFIXES = [
  'NEXT_PUBLIC_',
  'VITE_',
  'REACT_APP_',
  'PUBLIC_',
  'EXPO_PUBLIC_',
  'NUXT_PUBLIC_',
  'NUXT_ENV_',
  'GATSBY_',
  'VUE_APP_',
  'STORYBOOK_',
  'NX_PUBLIC_',
  'SNOWPACK_PUBLIC_',
] as const;

/** The bundler prefix of an env var name, if it has one. */
export function publicEnvPrefixOf(name: string): string | undefined {
  return PUBLIC_ENV_PREFIXES.find((prefix) => name.startsWith(prefix));
}

// ---------------------------------------------------------------------------
// Hosts and surfaces
// ---------------------------------------------------------------------------

export const API_HOST = 'api.deepseek.com';
export const API_ORIGIN = `https://${API_HOST}`;

/** The two request formats one key authenticates. */
export type Surface = 'openai' | 'anthropic';

export const BASE_URLS: Readonly<Record<string, Surface>> = {
  [API_ORIGIN]: 'openai',
  [`${API_ORIGIN}/v1`]: 'openai',
  [`${API_ORIGIN}/anthropic`]: 'anthropic',
};

export interface ParsedApiUrl {
  readonly host: string;
  readonly scheme: string;
  /** Path after the host, without query or fragment; '' when there is none. */
  readonly path: string;
  readonly query: string;
}

const URL_PREFIX_PATTERN = /^([a-z][a-z0-9+.-]*):\/\/([^/?#:\s]+)(?::\d+)?([^?#\s]*)(\?[^#\s]*)?/i;

/** Parse the start of a (possibly partial) URL; partial because templates may end early. */
export function parseUrlPrefix(text: string): ParsedApiUrl | undefined {
  const match = URL_PREFIX_PATTERN.exec(text.trim());
  if (!match) return undefined;
  return {
    scheme: match[1].toLowerCase(),
    host: match[2].toLowerCase(),
    path: match[3] ?? '',
    query: match[4] ?? '',
  };
}

/**
 * Hosts that reach DeepSeek: the official one plus those the user lists
 * (proxies, gateways). Hosts compare case-insensitively; a listed host also
 * matches with a port or any path.
 */
export function isDeepSeekHost(host: string, extraHosts: readonly string[] = []): boolean {
  const lower = host.toLowerCase();
  return lower === API_HOST || extraHosts.some((extra) => extra.toLowerCase() === lower);
}

/**
 * A host that looks like DeepSeek's API host but is not it (nor a listed extra host):
 * another subdomain of deepseek.com (`deepseek.com`, `platform.deepseek.com`), a
 * registrable domain built on the name (`api.deepseek.ai`, `api-deepseek.com`,
 * `deepseekapi.com`), or a near-typo of `api.deepseek.com` (`api.deepsek.com`).
 * A company gateway such as `deepseek.gateway.example.com` does not match: only
 * the last two labels are compared.
 */
export function looksLikeDeepSeekHost(host: string, extraHosts: readonly string[] = []): boolean {
  const lower = host.toLowerCase().replace(/\.$/, '');
  if (isDeepSeekHost(lower, extraHosts)) return false;
  const registrable = lower.split('.').slice(-2).join('.');
  if (registrable.includes('deepseek')) return true;
  return editDistance(lower, API_HOST) <= 2;
}

/**
 * Cheap text test before any host check: can this text hold api.deepseek.com or a
 * look-alike of it? A host within edit distance 2 of `api.deepseek.com` keeps at
 * least one of its three pieces `api.d` / `eepse` / `ek.com` intact (two edits
 * touch at most two pieces); other look-alikes contain `deepseek`.
 */
const DEEPSEEK_HOST_HINT_PATTERN = /deepseek|api\.d|eepse|ek\.com/i;

export function mayHoldDeepSeekHost(text: string): boolean {
  return DEEPSEEK_HOST_HINT_PATTERN.test(text);
}

/** Levenshtein distance: the number of single-character edits from `a` to `b`. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Paths the SDKs append to the base URL themselves (openai: `/chat/completions`,
 * `/completions`, `/models`; Anthropic: `/v1/messages`). In a base URL they end up twice.
 */
export const ENDPOINT_PATH_PATTERN = /(?:\/v1)?\/(?:chat\/completions|completions|messages(?:\/count_tokens)?|models)\/?$/i;

export function isDeepSeekUrl(text: string, extraHosts: readonly string[] = []): boolean {
  const parsed = parseUrlPrefix(text);
  return parsed !== undefined && isDeepSeekHost(parsed.host, extraHosts);
}

/** The console where keys are made and balances topped up. */
export const PLATFORM_ORIGIN = 'https://platform.deepseek.com';

/**
 * Account endpoints, relative to a base URL, that check a key without spending tokens
 * (api-docs.deepseek.com/api/list-models, /api/get-user-balance): 200 valid, 401 not.
 */
export const MODELS_PATH = '/models';
export const BALANCE_PATH = '/user/balance';

/** The surface a DeepSeek URL addresses: `/anthropic…` is the Anthropic format, anything else OpenAI's. */
export function surfaceOfUrl(text: string): Surface {
  const parsed = parseUrlPrefix(text);
  return parsed && /^\/anthropic(?:\/|$)/i.test(parsed.path) ? 'anthropic' : 'openai';
}

// ---------------------------------------------------------------------------
// Headers and query parameters
// ---------------------------------------------------------------------------

export const AUTHORIZATION_HEADER = 'authorization';
export const BEARER_SCHEME = 'Bearer';

/**
 * Headers people put the key in instead of `Authorization` (the article:
 * "DeepSeek does not honour X-API-Key, Api-Key, or query-string keys").
 * Compared lower-case.
 */
export const NON_BEARER_KEY_HEADER_PATTERN =
  /^(?:x-)?(?:api[-_]?key|api[-_]?token|apikey|access[-_]?token|auth[-_]?token|secret[-_]?key|deepseek[-_](?:api[-_])?(?:key|token))$/i;

/** `x-api-key` is documented as fully supported on the Anthropic surface (api-docs.deepseek.com/guides/anthropic_api). */
export function isKeyHeaderAllowed(headerName: string, surface: Surface): boolean {
  return surface === 'anthropic' && headerName.toLowerCase() === 'x-api-key';
}

/** Query-string parameters that carry a key (`?api_key=`, `?key=`, …). */
export const KEY_QUERY_PARAM_PATTERN = /^(?:api[-_]?key|apikey|key|access[-_]?token|token|auth[-_]?token)$/i;

/** Header names compare case-insensitively (RFC 9110 §5.1). */
export function sameHeaderName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

// ---------------------------------------------------------------------------
// Thinking mode and request parameters
// ---------------------------------------------------------------------------

/**
 * Request parameters and what thinking mode does with them
 * (api-docs.deepseek.com/guides/thinking_mode; see docs/sdk-evidence.md).
 */
export const THINKING_INCOMPATIBLE_PARAMS: Readonly<Record<string, 'rejected' | 'ignored'>> = {
  logprobs: 'rejected',
  top_logprobs: 'rejected',
  temperature: 'ignored',
  top_p: 'ignored',
  presence_penalty: 'ignored',
  frequency_penalty: 'ignored',
};

// ---------------------------------------------------------------------------
// SDKs
// ---------------------------------------------------------------------------

/** Packages whose clients talk to DeepSeek when pointed at it (or always, for the DeepSeek ones). */
export const SDK_PACKAGES = {
  openai: 'openai',
  anthropic: '@anthropic-ai/sdk',
  aiSdkDeepSeek: '@ai-sdk/deepseek',
  aiSdkOpenAI: '@ai-sdk/openai',
  aiSdkCore: 'ai',
  langchainDeepSeek: '@langchain/deepseek',
  langchainOpenAI: '@langchain/openai',
} as const;

/** Option names that hold a base URL across SDKs and HTTP clients. */
export const BASE_URL_PROPERTY_NAMES = ['baseURL', 'baseUrl', 'base_url', 'prefixUrl', 'basePath'] as const;
