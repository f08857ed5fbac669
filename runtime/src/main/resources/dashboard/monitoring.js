'use strict';

function percent(fraction) {
  return fraction === null || fraction === undefined || fraction < 0 ? '–' : (fraction * 100).toFixed(1) + ' %';
}

function setBar(id, fraction) {
  document.getElementById(id).style.width = Math.max(0, Math.min(100, fraction * 100)).toFixed(1) + '%';
}

function rows(id, entries) {
  document.querySelector('#' + id + ' tbody').replaceChildren(...entries.map(([key, value]) =>
    el('tr', {}, el('th', {}, key), el('td', { class: 'num' }, value))));
}

async function refresh() {
  const data = await Api.get('/api/v1/system');
  const system = data.system;
  document.getElementById('updated').textContent = new Date().toLocaleTimeString();

  document.getElementById('cpu-usage').textContent = percent(system.cpu.usage);
  setBar('cpu-bar', system.cpu.usage);
  document.getElementById('cpu-detail').textContent = system.cpu.logicalCores + ' cores · load ' +
    [system.cpu.load1, system.cpu.load5, system.cpu.load15].map((l) => l < 0 ? '–' : l.toFixed(2)).join(' / ');

  const used = system.memory.total - system.memory.available;
  document.getElementById('memory-used').textContent = formatBytes(used) + ' of ' + formatBytes(system.memory.total);
  setBar('memory-bar', used / system.memory.total);
  document.getElementById('memory-detail').textContent = 'Swap ' + formatBytes(system.memory.swapUsed) + ' of ' + formatBytes(system.memory.swapTotal);

  const process = system.process;
  rows('process', [
    ['PID', process.pid],
    ['Resident memory', formatBytes(process.residentBytes)],
    ['Heap', formatBytes(process.heapUsed) + ' of ' + formatBytes(process.heapMax)],
    ['Threads', process.threads],
    ['Open files', formatNumber(process.openFiles)],
    ['CPU time', formatNumber(process.cpuMillis / 1000) + ' s'],
    ['Uptime', formatNumber(process.uptimeMillis / 1000) + ' s'],
  ]);
  rows('dag-states', Object.entries(data.dagsByState).map(([state, count]) => [state, count]));

  document.querySelector('#disks tbody').replaceChildren(...system.disks.map((disk) => el('tr', {},
    el('td', {}, disk.mount), el('td', {}, disk.type),
    el('td', { class: 'num' }, formatBytes(disk.total)), el('td', { class: 'num' }, formatBytes(disk.usable)),
    el('td', {}, disk.total > 0 ? percent(1 - disk.usable / disk.total) : '–'))));
  document.querySelector('#networks tbody').replaceChildren(...system.networks.map((network) => el('tr', {},
    el('td', {}, network.name),
    el('td', { class: 'num' }, formatBytes(network.bytesReceived)), el('td', { class: 'num' }, formatBytes(network.bytesSent)),
    el('td', { class: 'num' }, formatNumber(network.packetsReceived)), el('td', { class: 'num' }, formatNumber(network.packetsSent)),
    el('td', { class: 'num' }, formatNumber(network.inErrors + network.outErrors)))));
  document.querySelector('#kinds tbody').replaceChildren(...data.calculatorKinds.map((kind) => el('tr', {},
    el('td', {}, kind.kind),
    el('td', {}, kind.available ? 'yes' : 'no: ' + kind.error),
    el('td', {}, kind.calculatorTypes.join(', ')),
    el('td', {}, kind.transformerTypes.join(', ')))));
}

document.addEventListener('DOMContentLoaded', async () => {
  await initPage('monitoring');
  poll(refresh, 5000);
});
