import { ESLintUtils } from '@typescript-eslint/utils';

/** Docs live in the repository next to the rules; the URL is what editors link to. */
export const REPOSITORY_URL = 'https://github.com/deepseek-tools/eslint-plugin-deepseek';

export interface DeepSeekRuleDocs {
  description: string;
  /** In `configs.recommended` (every rule is in `configs.all`). */
  recommended?: boolean;
}

export const createRule = ESLintUtils.RuleCreator<DeepSeekRuleDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
