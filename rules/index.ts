/** Every rule of the plugin, by name. The structure test keeps this list, docs/rules and test/rules in sync. */
import noHardcodedApiKey from './no-hardcoded-api-key';

export const rules = {
  'no-hardcoded-api-key': noHardcodedApiKey,
};
