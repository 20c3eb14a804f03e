// One place for the model names the services use.
export const CHAT_MODEL = 'deepseek-v4-flash';
export const REASONING_MODEL = "deepseek-v4-flash";

const SUMMARY_MODEL = 'deepseek-v4-flash';
export { SUMMARY_MODEL as DIGEST_MODEL };

export const PRODUCT_NAME = 'Acme Assistant';
