/**
 * A live file count on stderr for long runs (issue 4, "Long runs"): only on
 * a terminal, never with --json, redrawn in place with `\r` at most every
 * PROGRESS_INTERVAL_MS, and erased before the summary is printed.
 */
const PROGRESS_INTERVAL_MS = 100;

export interface Progress {
  /** The text is built only when a line is drawn (called for every file: most calls draw nothing). */
  update(text: () => string): void;
  /** Erase the progress line (call before printing anything else to stderr). */
  clear(): void;
}

const SILENT: Progress = { update() {}, clear() {} };

export function createProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || !stream.isTTY) return SILENT;
  let lastDrawn = 0;
  let visible = false;
  return {
    update(text) {
      const now = Date.now();
      if (now - lastDrawn < PROGRESS_INTERVAL_MS) return;
      lastDrawn = now;
      const width = stream.columns > 1 ? stream.columns - 1 : 79;
      stream.write(`\r\x1b[K${text().slice(0, width)}`);
      visible = true;
    },
    clear() {
      if (visible) stream.write('\r\x1b[K');
      visible = false;
    },
  };
}
