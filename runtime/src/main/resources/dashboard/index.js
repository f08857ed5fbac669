'use strict';

const previous = new Map();
let session;

function actionsFor(dag) {
  const cell = el('td', {});
  if (session.role !== 'admin' || session.mode === 'cluster') {
    return cell;
  }
  const action = (name, label, enabled, extraClass) => el('button', {
    class: extraClass || '',
    'data-action': name,
    'data-dag': dag.name,
    disabled: enabled ? null : 'disabled',
    onclick: () => runAction(dag.name, name),
  }, label);
  cell.append(
    action('suspend', 'Suspend', dag.state === 'RUNNING'), ' ',
    action('resume', 'Resume', dag.state === 'SUSPENDED'), ' ',
    action('stop', 'Stop', dag.state === 'RUNNING' || dag.state === 'SUSPENDED'), ' ',
    action('start', 'Start', dag.state === 'STOPPED' || dag.state === 'FAILED' || dag.state === 'CREATED'), ' ',
    el('button', { 'data-action': 'clone', 'data-dag': dag.name, onclick: () => cloneDag(dag.name) }, 'Clone'), ' ',
    el('button', { class: 'danger', 'data-action': 'delete', 'data-dag': dag.name, onclick: () => deleteDag(dag.name) }, 'Delete'));
  return cell;
}

async function runAction(name, action) {
  try {
    await Api.post('/api/v1/dags/' + encodeURIComponent(name) + '/' + action);
    showMessage('DAG ' + name + ': ' + action + ' done.', 'info');
    await refresh();
  } catch (e) {
    showMessage(e.message, 'error');
  }
}

async function cloneDag(name) {
  const newName = prompt('Name of the clone of ' + name + ':', name + '-copy');
  if (!newName) return;
  try {
    await Api.post('/api/v1/dags/' + encodeURIComponent(name) + '/clone', { name: newName });
    showMessage('Cloned ' + name + ' as ' + newName + '.', 'info');
    await refresh();
  } catch (e) {
    showMessage(e.message, 'error');
  }
}

async function deleteDag(name) {
  if (!confirm('Stop and delete DAG ' + name + '?')) return;
  try {
    await Api.del('/api/v1/dags/' + encodeURIComponent(name));
    showMessage('Deleted ' + name + '.', 'info');
    await refresh();
  } catch (e) {
    showMessage(e.message, 'error');
  }
}

async function addDag() {
  try {
    const created = await Api.post('/api/v1/dags', document.getElementById('manifest').value, 'application/yaml');
    showMessage('Added DAG ' + created.name + '.', 'info');
    document.getElementById('manifest').value = '';
    await refresh();
  } catch (e) {
    const problems = e.body && e.body.problems ? e.body.problems : [];
    if (problems.length > 0) {
      const lines = problems.map((problem) => problem.path + (problem.value ? ' (' + problem.value + ')' : '') + ': ' + problem.message);
      showMessage('The manifest has ' + problems.length + (problems.length === 1 ? ' problem:\n' : ' problems:\n') + lines.join('\n'), 'error');
    } else {
      showMessage(e.message, 'error');
    }
  }
}

async function refresh() {
  const data = await Api.get('/api/v1/dags');
  const body = document.querySelector('#dags tbody');
  const now = Date.now();
  body.replaceChildren();
  for (const dag of data.dags) {
    const last = previous.get(dag.name);
    const rate = last && now > last.time ? (dag.eventsIn - last.eventsIn) * 1000 / (now - last.time) : null;
    previous.set(dag.name, { time: now, eventsIn: dag.eventsIn });
    body.append(el('tr', { 'data-dag': dag.name },
      el('td', {}, el('a', { href: '/ui/dag.html?name=' + encodeURIComponent(dag.name) }, dag.name)),
      el('td', { class: 'dag-state' }, stateBadge(dag.state)),
      el('td', { class: 'num' }, dag.nodeCount),
      el('td', { class: 'num' }, formatNumber(dag.eventsIn)),
      el('td', { class: 'num' }, formatNumber(dag.eventsOut)),
      el('td', { class: 'num' }, formatNumber(dag.eventsFailed)),
      el('td', { class: 'num' }, rate === null ? '–' : formatNumber(Math.max(rate, 0))),
      el('td', { class: 'num' }, formatNumber(dag.queueDepth)),
      actionsFor(dag)));
  }
  document.getElementById('empty').classList.toggle('hidden', data.dags.length > 0);
}

document.addEventListener('DOMContentLoaded', async () => {
  session = await initPage('dags');
  if (session.role === 'admin' && session.mode === 'standalone') {
    document.getElementById('add-panel').classList.remove('hidden');
    document.getElementById('add').addEventListener('click', addDag);
  }
  poll(refresh, 2000);
});
