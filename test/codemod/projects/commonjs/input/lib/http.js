const axios = require('axios');

module.exports = axios.create({ baseURL: 'https://api.deepseek.com', headers: { Authorization: `Bearer ${process.env.DEEPSEEK_API_KEY}` } });
