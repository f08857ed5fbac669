'use strict';

async function refresh() {
  const level = document.getElementById('level').value;
  const search = document.getElementById('search').value;
  const page = await Api.get('/api/v1/logs?limit=500&level=' + encodeURIComponent(level) + '&q=' + encodeURIComponent(search));
  document.getElementById('download').classList.toggle('hidden', !page.logFile);
  document.querySelector('#logs tbody').replaceChildren(...page.lines.map((line) => el('tr', { class: 'level-' + line.level },
    el('td', {}, new Date(line.timestamp).toISOString().replace('T', ' ').replace('Z', '')),
    el('td', {}, line.level),
    el('td', {}, line.logger.substring(line.logger.lastIndexOf('.') + 1)),
    el('td', {}, line.message + (line.error ? '\n' + line.error : '')))));
}

document.addEventListener('DOMContentLoaded', async () => {
  await initPage('logs');
  document.getElementById('level').addEventListener('change', refresh);
  document.getElementById('search').addEventListener('input', refresh);
  setInterval(() => { if (document.getElementById('follow').checked) refresh().catch((e) => showMessage(e.message, 'error')); }, 3000);
  refresh().catch((e) => showMessage(e.message, 'error'));
});
