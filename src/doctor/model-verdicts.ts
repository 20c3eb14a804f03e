/**
 * The project's model IDs against what `/models` lists: one verdict per ID.
 * Retired IDs fail whatever the list says and point at `migrate`.
 */
import { ANTHROPIC_MAPPED_MODEL_PATTERN, KNOWN_MODEL_IDS, LEGACY_MODELS_RETIRED_AT, legacyModel } from '../deepseek';
import { PACKAGE_NAME } from '../package-info';
import type { ModelUse, ProjectModels } from './project-models';
import { type Verdict, verdict } from './verdict';

const MIGRATE_FIX = `run \`npx ${PACKAGE_NAME} migrate\`: it writes a V4 model with the matching thinking flag`;
const RETIRED_ON = LEGACY_MODELS_RETIRED_AT.slice(0, 10);

/** `served`: the IDs `/models` listed, or undefined when it gave no list. */
export function modelVerdicts(project: ProjectModels, served: readonly string[] | undefined): Verdict[] {
  const byId = new Map<string, ModelUse[]>();
  for (const use of project.uses) byId.set(use.id, [...(byId.get(use.id) ?? []), use]);
  const verdicts: Verdict[] = [];
  if (byId.size === 0) {
    verdicts.push(verdict('models used', 'skip', `no DeepSeek model ID found in the project (${project.scannedFiles} source file(s) scanned)`));
  }
  const notCompared: string[] = [];
  for (const [id, uses] of byId) {
    const check = `model ${id}`;
    const where = whereUsed(uses);
    const legacy = legacyModel(id);
    if (legacy) {
      const listed = served?.includes(id) ? '; /models still lists it' : '';
      const outcome = served?.includes(id) ? 'warn' : 'fail';
      verdicts.push(verdict(check, outcome, `used at ${where}; retired on ${RETIRED_ON}, requests with it fail${listed}`, MIGRATE_FIX));
    } else if (!served) {
      notCompared.push(id);
    } else if (served.includes(id)) {
      verdicts.push(verdict(check, 'ok', `used at ${where}; listed by /models`));
    } else if (uses.every((use) => use.surface === 'anthropic') && ANTHROPIC_MAPPED_MODEL_PATTERN.test(id)) {
      verdicts.push(verdict(check, 'ok', `used at ${where}; a claude* name, which the Anthropic surface maps to a DeepSeek model`));
    } else if (KNOWN_MODEL_IDS.includes(id)) {
      verdicts.push(verdict(check, 'warn', `used at ${where}; not listed by /models, though DeepSeek documents it as accepted`));
    } else if (!uses.some((use) => use.confirmed)) {
      verdicts.push(verdict(check, 'warn', `used at ${where}; not listed by /models, but the request may go to another provider`));
    } else {
      verdicts.push(verdict(check, 'fail', `used at ${where}; not among the models /models lists, so requests with it fail`, `use one of: ${served.join(', ')}`));
    }
  }
  if (notCompared.length > 0) {
    verdicts.push(verdict('models used', 'skip', `${notCompared.join(', ')} not compared: /models gave no list`));
  }
  if (project.unreadableFiles > 0) {
    verdicts.push(
      verdict('models used', 'warn', `${project.unreadableFiles} file(s) that mention DeepSeek do not parse; their model IDs are not counted`,
        `\`npx ${PACKAGE_NAME} lint\` names them`),
    );
  }
  return verdicts;
}

/** `src/a.ts:3`, or `src/a.ts:3 and 2 more place(s)`. */
function whereUsed(uses: readonly ModelUse[]): string {
  const first = `${uses[0].path}:${uses[0].line}`;
  return uses.length === 1 ? first : `${first} and ${uses.length - 1} more place(s)`;
}
