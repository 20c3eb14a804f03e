/**
 * Every relative link in README.md, CHANGELOG.md and docs/ resolves: the file or
 * directory exists, and a `#fragment` names a heading of the target page, slugged
 * as GitHub slugs it. Links inside code are not links (marked's lexer skips them).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import GithubSlugger from 'github-slugger';
import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

function markdownUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownUnder(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : [],
  );
}

const PAGES = ['README.md', 'CHANGELOG.md', ...markdownUnder('docs')];

/** Every token of a page, nested ones included (links sit inside paragraphs, lists and tables). */
function allTokens(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  marked.walkTokens(tokens as Token[], (token) => {
    out.push(token);
  });
  return out;
}

function tokensOf(page: string): Token[] {
  return allTokens(marked.lexer(readFileSync(join(ROOT, page), 'utf8')));
}

/** The anchors GitHub gives the headings of a page (a repeated heading gets -1, -2, …). */
function anchorsOf(page: string): Set<string> {
  const slugger = new GithubSlugger();
  return new Set(
    tokensOf(page)
      .filter((token): token is Tokens.Heading => token.type === 'heading')
      .map((heading) => slugger.slug(heading.text.replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'))),
  );
}

function relativeLinksOf(page: string): string[] {
  return tokensOf(page)
    .filter((token): token is Tokens.Link => token.type === 'link')
    .map((link) => link.href)
    .filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href));
}

describe('relative links in README.md, CHANGELOG.md and docs/', () => {
  it('finds the pages and their links (the check below has something to check)', () => {
    expect(PAGES).toEqual(expect.arrayContaining(['docs/benchmarks.md', 'docs/reliability.md', 'docs/architecture.md', 'docs/integrations.md']));
    expect(relativeLinksOf('README.md').length).toBeGreaterThan(10);
    expect(anchorsOf('docs/integrations.md')).toContain('ci-reports-sarif');
  });

  it.each(PAGES)('%s: every relative link and #anchor resolves', (page) => {
    const broken = relativeLinksOf(page).filter((href) => {
      const [pathPart, fragment] = href.split('#', 2) as [string, string | undefined];
      const target = pathPart === '' ? join(ROOT, page) : join(ROOT, dirname(page), decodeURIComponent(pathPart));
      if (!existsSync(target)) return true;
      if (fragment === undefined) return false;
      if (statSync(target).isDirectory() || !target.endsWith('.md')) return true;
      return !anchorsOf(relative(ROOT, target)).has(decodeURIComponent(fragment));
    });
    expect(broken).toEqual([]);
  });
});
