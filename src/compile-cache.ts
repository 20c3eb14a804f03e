/**
 * Imported first by the CLI and by the migration worker: V8's code cache on disk for
 * the modules loaded after it (each thread asks for its own), as ESLint's and tsc's
 * bins do. Node ≥ 22.1 only; on older Node the call does not exist and nothing
 * happens. `NODE_DISABLE_COMPILE_CACHE=1` turns it off.
 */
import nodeModule from 'node:module';

(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
