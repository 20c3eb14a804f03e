/**
 * Failures that a test cannot provoke on 127.0.0.1 without a real DNS or a certificate
 * (a name that does not resolve, an expired or self-signed certificate) are built here as
 * Node's fetch reports them: `TypeError: fetch failed` with the socket error as `cause`.
 */
import { describe, expect, it } from 'vitest';
import { describeNetworkError } from '../../src/doctor/api-checks';

const URL_OF_PROXY = new URL('https://llm-gateway.example.test/v1');

function fetchFailed(cause: object): TypeError {
  return Object.assign(new TypeError('fetch failed'), { cause });
}
function socketError(code: string, message = `${code} while connecting`): Error {
  return Object.assign(new Error(message), { code });
}

describe('describeNetworkError', () => {
  it.each([
    ['ENOTFOUND', 'DNS: the name llm-gateway.example.test does not resolve (ENOTFOUND)', 'check the spelling of --base-url, your DNS and your network'],
    ['EAI_AGAIN', 'DNS: the name llm-gateway.example.test does not resolve (EAI_AGAIN)', 'check the spelling of --base-url, your DNS and your network'],
    ['CERT_HAS_EXPIRED', 'TLS: the secure connection to llm-gateway.example.test failed (CERT_HAS_EXPIRED)', 'a proxy that intercepts HTTPS needs its CA in NODE_EXTRA_CA_CERTS; also check the clock, and that the URL is not an http-only port'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'TLS: the secure connection to llm-gateway.example.test failed (SELF_SIGNED_CERT_IN_CHAIN)', 'a proxy that intercepts HTTPS needs its CA in NODE_EXTRA_CA_CERTS; also check the clock, and that the URL is not an http-only port'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS: the secure connection to llm-gateway.example.test failed (ERR_TLS_CERT_ALTNAME_INVALID)', 'a proxy that intercepts HTTPS needs its CA in NODE_EXTRA_CA_CERTS; also check the clock, and that the URL is not an http-only port'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout: llm-gateway.example.test did not answer within 10 s', 'check your network, firewall or proxy; raise --timeout for a slow link'],
    ['ECONNRESET', 'connection closed by llm-gateway.example.test before an answer (ECONNRESET)', 'retry; a proxy or firewall may be cutting the connection'],
    ['ENETUNREACH', 'network unreachable: no route to llm-gateway.example.test (ENETUNREACH)', 'check your network connection'],
  ])('%s gets its own cause', (code, cause, fix) => {
    expect(describeNetworkError(fetchFailed(socketError(code)), URL_OF_PROXY, 10_000)).toEqual({ cause, fix });
  });

  it('reads the code inside an AggregateError (localhost tried on ::1 and 127.0.0.1)', () => {
    const both = new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')], '');
    expect(describeNetworkError(fetchFailed(both), new URL('http://localhost:8787'), 10_000).cause).toBe('connection refused: nothing listens at localhost:8787');
  });

  it("calls the deadline's abort a timeout, in the user's unit", () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(describeNetworkError(timeout, URL_OF_PROXY, 2_500).cause).toBe('timeout: llm-gateway.example.test did not answer within 2.5 s');
  });

  it('falls back to the innermost message, on one line', () => {
    const odd = fetchFailed(new Error('something odd\nwith a second line'));
    expect(describeNetworkError(odd, URL_OF_PROXY, 10_000)).toEqual({
      cause: 'no answer from llm-gateway.example.test: something odd',
      fix: 'check --base-url and your network',
    });
  });
});
