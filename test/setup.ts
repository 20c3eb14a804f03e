// @typescript-eslint/rule-tester needs the test framework's hooks before the
// first `new RuleTester()`; vitest does not expose them as globals by default.
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
