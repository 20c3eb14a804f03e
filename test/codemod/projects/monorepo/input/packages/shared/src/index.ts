import OpenAI from 'openai';

export const llm = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });

/** The model the app's quick answers use. */
export const QUICK_MODEL = 'deepseek-chat';
