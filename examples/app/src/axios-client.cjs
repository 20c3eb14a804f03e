const axios = require('axios');

const api = axios.create({
  baseURL: 'https://api.deepseek.com',
  // Mistake: `Token` is not the scheme DeepSeek accepts.
  headers: { Authorization: `Token ${process.env.DEEPSEEK_API_KEY}` },
});

async function balance() {
  // Mistake: DeepSeek ignores X-API-Key on its OpenAI-format endpoints.
  const response = await api.get('/user/balance', { headers: { 'X-API-Key': process.env.DEEPSEEK_API_KEY } });
  return response.data;
}

module.exports = { balance };
