// Front-end code that posts to DeepSeek with a token the user supplies.
const DEEPSEEK_URL = 'https://api.deepseek.com/chat/completions';

export async function ask(question, token) {
  const response = await fetch(DEEPSEEK_URL, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      model: 'deepseek-chat',
      messages: [{ role: 'user', content: question }],
    }),
  });
  return response.json();
}
