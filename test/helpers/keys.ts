/**
 * Key-shaped test values, built at run time so no file in the repository
 * holds a string that looks like a real DeepSeek key.
 */
export function testKey(seed: number): string {
  let state = (seed * 2654435761) >>> 0 || 1;
  let body = '';
  while (body.length < 32) {
    // xorshift32: deterministic, well spread, never a placeholder-looking run.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    body += (state & 0xf).toString(16);
  }
  return `sk-${body}`;
}
