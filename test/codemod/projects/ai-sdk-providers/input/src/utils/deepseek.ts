import { createDeepSeek } from '@ai-sdk/deepseek';

const deepseek = createDeepSeek({ apiKey: process.env.DEEPSEEK_API_KEY });

export default deepseek;
