/**
 * Preloaded with `node --require` into a measured child process: at exit, write
 * the process's peak resident set size (KB) to $BENCH_RSS_FILE.
 */
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
