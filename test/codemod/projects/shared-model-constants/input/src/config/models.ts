// One place for the model names the services use.
export const CHAT_MODEL = 'deepseek-chat';
export const REASONING_MODEL = "deepseek-reasoner";

const SUMMARY_MODEL = 'deepseek-chat';
export { SUMMARY_MODEL as DIGEST_MODEL };

export const PRODUCT_NAME = 'Acme Assistant';
