const { client } = require('./lib/client');
const http = require('./lib/http');

async function ask(question) {
  const completion = await client.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content: question }] });
  return completion.choices[0].message.content;
}

async function think(question) {
  const { data } = await http.post('/chat/completions', { model: 'deepseek-reasoner', messages: [{ role: 'user', content: question }] });
  return data.choices[0].message.content;
}

module.exports = { ask, think };
