/** Every rule of the plugin, by name. The structure test keeps this list, docs/rules and test/rules in sync. */
import noApiKeyLogging from './no-api-key-logging';
import noClientSideApiKey from './no-client-side-api-key';
import noHardcodedApiKey from './no-hardcoded-api-key';
import noLegacyModelId from './no-legacy-model-id';
import noNonBearerAuth from './no-non-bearer-auth';
import noThinkingIncompatibleParams from './no-thinking-incompatible-params';
import noUnknownModelId from './no-unknown-model-id';
import validBaseUrl from './valid-base-url';
import validAuthorizationHeader from './valid-authorization-header';

export const rules = {
  'no-api-key-logging': noApiKeyLogging,
  'no-client-side-api-key': noClientSideApiKey,
  'no-hardcoded-api-key': noHardcodedApiKey,
  'no-legacy-model-id': noLegacyModelId,
  'no-non-bearer-auth': noNonBearerAuth,
  'no-thinking-incompatible-params': noThinkingIncompatibleParams,
  'no-unknown-model-id': noUnknownModelId,
  'valid-base-url': validBaseUrl,
  'valid-authorization-header': validAuthorizationHeader,
};
