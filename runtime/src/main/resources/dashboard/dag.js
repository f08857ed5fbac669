'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const NODE_WIDTH = 170;
const NODE_HEIGHT = 52;
const COLUMN_GAP = 70;
const ROW_GAP = 26;
// DAG states (upper case) colour every node of a DAG that is not running; node states (lower
// case) colour the nodes of a running DAG.
const COLOURS = {
  RUNNING: '#2e9e5b', SUSPENDED: '#d89b1d', STOPPED: '#8a94a3', STOPPING: '#8a94a3',
  FAILED: '#c83a3a', CREATED: '#5b7fd6',
  ok: '#2e9e5b', idle: '#5b7fd6', failing: '#c83a3a',
};
const dagName = new URLSearchParams(location.search).get('name');
let session;
let selectedNode = null;

function svg(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
  return node;
}

// Depth of a node = length of the longest path from a source, so every edge points right.
function depths(dag) {
  const depth = new Map(dag.topologicalOrder.map((name) => [name, 0]));
  for (const name of dag.topologicalOrder) {
    for (const edge of dag.edges) {
      if (edge.from === name) depth.set(edge.to, Math.max(depth.get(edge.to) || 0, depth.get(name) + 1));
    }
  }
  return depth;
}

function layout(dag) {
  const depth = depths(dag);
  const rows = new Map();
  const positions = new Map();
  for (const name of dag.topologicalOrder) {
    const column = depth.get(name);
    const row = rows.get(column) || 0;
    rows.set(column, row + 1);
    positions.set(name, { x: 20 + column * (NODE_WIDTH + COLUMN_GAP), y: 20 + row * (NODE_HEIGHT + ROW_GAP) });
  }
  const columns = Math.max(1, ...[...depth.values()].map((d) => d + 1));
  const maxRows = Math.max(1, ...rows.values());
  return { positions, width: 40 + columns * (NODE_WIDTH + COLUMN_GAP), height: 40 + maxRows * (NODE_HEIGHT + ROW_GAP) };
}

function nodeColour(dag, node) {
  if (dag.state !== 'RUNNING') return COLOURS[dag.state] || COLOURS.idle;
  return COLOURS[node.state] || COLOURS.ok;
}

function drawGraph(dag) {
  const graph = document.getElementById('graph');
  const { positions, width, height } = layout(dag);
  graph.setAttribute('width', width);
  graph.setAttribute('height', height);
  graph.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  graph.replaceChildren();

  const defs = svg('defs');
  const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' });
  marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#7d8796' }));
  defs.append(marker);
  graph.append(defs);

  for (const edge of dag.edges) {
    const from = positions.get(edge.from);
    const to = positions.get(edge.to);
    if (!from || !to) continue;
    const x1 = from.x + NODE_WIDTH;
    const y1 = from.y + NODE_HEIGHT / 2;
    const x2 = to.x;
    const y2 = to.y + NODE_HEIGHT / 2;
    const middle = (x1 + x2) / 2;
    const path = svg('path', { class: 'edge', d: `M ${x1} ${y1} C ${middle} ${y1}, ${middle} ${y2}, ${x2} ${y2}`, 'marker-end': 'url(#arrow)' });
    path.append(svg('title'));
    path.firstChild.textContent = edge.from + ' → ' + edge.to + (edge.as ? ' as ' + edge.as : '');
    graph.append(path);
  }

  for (const node of dag.nodes) {
    const position = positions.get(node.name);
    if (!position) continue;
    const group = svg('g', { class: 'node', 'data-node': node.name, 'data-state': node.state, transform: `translate(${position.x},${position.y})` });
    group.append(svg('rect', { width: NODE_WIDTH, height: NODE_HEIGHT, rx: 6, fill: nodeColour(dag, node) }));
    const title = svg('text', { x: 10, y: 20 });
    title.textContent = node.name + ' · ' + node.type;
    const counters = svg('text', { x: 10, y: 40, class: 'counters', 'data-counters': node.name });
    counters.textContent = 'in ' + formatNumber(node.in) + '  out ' + formatNumber(node.out) + '  ✗ ' + formatNumber(node.failed);
    group.append(title, counters);
    group.addEventListener('click', () => selectNode(node.name));
    graph.append(group);
  }
}

function renderActions(dag) {
  const bar = document.getElementById('actions');
  bar.replaceChildren();
  if (session.mode === 'cluster') {
    bar.append(el('span', { class: 'muted', id: 'cluster-note' },
      'The operator manages this DAG: change it with kubectl, for example kubectl patch dag ' + dagName
      + ' --type merge -p \'{"spec":{"suspend":true}}\''));
    return;
  }
  if (session.role !== 'admin') return;
  const states = {
    suspend: dag.state === 'RUNNING',
    resume: dag.state === 'SUSPENDED',
    stop: dag.state === 'RUNNING' || dag.state === 'SUSPENDED',
    start: dag.state === 'STOPPED' || dag.state === 'FAILED' || dag.state === 'CREATED',
  };
  for (const [action, enabled] of Object.entries(states)) {
    bar.append(el('button', {
      'data-action': action,
      disabled: enabled ? null : 'disabled',
      onclick: async () => {
        try {
          await Api.post('/api/v1/dags/' + encodeURIComponent(dagName) + '/' + action);
          showMessage(action + ' done.', 'info');
          await refresh();
        } catch (e) {
          showMessage(e.message, 'error');
        }
      },
    }, action.charAt(0).toUpperCase() + action.slice(1)));
  }
}

function renderTables(dag) {
  const nodes = document.querySelector('#nodes tbody');
  nodes.replaceChildren(...dag.nodes.map((node) => el('tr', { 'data-node': node.name },
    el('td', {}, el('a', { href: '#', onclick: (event) => { event.preventDefault(); selectNode(node.name); } }, node.name)),
    el('td', {}, node.type),
    el('td', { class: 'num' }, formatNumber(node.in)),
    el('td', { class: 'num' }, formatNumber(node.out)),
    el('td', { class: 'num' }, formatNumber(node.failed)),
    el('td', { class: 'num' }, formatNumber(node.queueDepth)))));
  const connectors = document.querySelector('#connectors tbody');
  connectors.replaceChildren(...dag.connectors.map((connector) => el('tr', {},
    el('td', {}, connector.name),
    el('td', {}, connector.role),
    el('td', {}, connector.uri),
    el('td', {}, connector.connected ? 'yes' : 'no' + (connector.lastError ? ' (' + connector.lastError + ')' : '')),
    el('td', { class: 'num' }, formatNumber(connector.reconnectAttempt)),
    el('td', { class: 'num' }, connector.lag === null || connector.lag === undefined ? '–' : formatNumber(connector.lag)))));
  document.getElementById('window').textContent = dag.window ? dag.window : 'Always on.';
}

async function selectNode(name) {
  selectedNode = name;
  document.getElementById('node-panel').classList.remove('hidden');
  document.getElementById('node-name').textContent = name;
  await refreshNode();
}

async function refreshNode() {
  if (!selectedNode) return;
  const dag = window.currentDag;
  const node = dag.nodes.find((n) => n.name === selectedNode);
  if (!node) return;
  const errors = document.getElementById('node-errors');
  errors.replaceChildren(node.lastErrors.length === 0
    ? el('p', { class: 'muted' }, 'No errors.')
    : el('table', {}, ...node.lastErrors.map((error) => el('tr', {}, el('td', {}, error.time), el('td', {}, error.errorType), el('td', {}, error.message)))));
  const outputs = await Api.get('/api/v1/dags/' + encodeURIComponent(dagName) + '/nodes/' + encodeURIComponent(selectedNode) + '/outputs');
  document.getElementById('node-outputs').textContent = outputs.outputs.length === 0
    ? 'No outputs yet.'
    : outputs.outputs.map((o) => JSON.stringify(o)).join('\n');
  const acceptsEvents = node.type === 'Subscription' && (session.role === 'admin' || session.mode === 'cluster');
  document.getElementById('event-form').classList.toggle('hidden', !acceptsEvents);
}

async function sendEvent() {
  let event;
  try {
    event = JSON.parse(document.getElementById('event').value);
  } catch (e) {
    showMessage('The event is not valid JSON: ' + e.message, 'error');
    return;
  }
  try {
    await Api.post('/api/v1/dags/' + encodeURIComponent(dagName) + '/nodes/' + encodeURIComponent(selectedNode) + '/events', event);
    showMessage('Event sent to ' + selectedNode + '.', 'info');
  } catch (e) {
    showMessage(e.message, 'error');
  }
}

async function refresh() {
  const dag = await Api.get('/api/v1/dags/' + encodeURIComponent(dagName));
  window.currentDag = dag;
  document.getElementById('dag-state').replaceChildren(stateBadge(dag.state));
  document.getElementById('dag-message').textContent = dag.message || '';
  drawGraph(dag);
  renderActions(dag);
  renderTables(dag);
  await refreshNode();
}

document.addEventListener('DOMContentLoaded', async () => {
  document.getElementById('dag-name').textContent = dagName;
  document.title = 'DishtaYantra · ' + dagName;
  session = await initPage('dags');
  document.getElementById('send-event').addEventListener('click', sendEvent);
  poll(refresh, 2000);
});
