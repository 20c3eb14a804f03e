export { deepseek as ds } from '@ai-sdk/deepseek';
