const DEEPSEEK_URL = 'https://api.deepseek.com/chat/completions';

export async function ask(question) {
  const response = await fetch(DEEPSEEK_URL, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      // Mistake: the key without the `Bearer ` scheme.
      Authorization: process.env.DEEPSEEK_API_KEY,
    },
    // Mistake: a retired model ID.
    body: JSON.stringify({ model: 'deepseek-reasoner', messages: [{ role: 'user', content: question }] }),
  });
  const data = await response.json();
  return data.choices[0].message.content;
}

export async function listModels() {
  // Mistake: the key in the query string.
  const response = await fetch(`https://api.deepseek.com/models?api_key=${process.env.DEEPSEEK_API_KEY}`);
  return response.json();
}
