/**
 * The floor for any Node tool: walk the tree, read every source file, search its
 * text for a legacy model ID, print the matching paths (like `grep -rl`).
 *
 *   node bench/node-scan.mjs <dir>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;
const LEGACY = /deepseek-(?:chat|reasoner)/;

const matches = [];
const visit = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.git') visit(path);
    } else if (entry.isFile() && SOURCE.test(entry.name) && LEGACY.test(readFileSync(path, 'utf8'))) {
      matches.push(path);
    }
  }
};
visit(process.argv[2]);
process.stdout.write(matches.length > 0 ? `${matches.join('\n')}\n` : '');
