// The dashboard's six charts drawn with Chart.js 4 as a newsroom would: horizontal bars with
// their values, a 100 % stacked bar for each share, floating bars for the timeline. Animation
// off (it would only delay the charts). Each chart's box says when it has been drawn.
/* global Chart, PEER_CHARTS */
const colours = ['#0b5cad', '#c4480c', '#2b7a3e', '#7048e8'];
const drawn = { id: 'drawn', afterRender: (chart) => { chart.canvas.parentNode.dataset.drawn = '1'; } };
for (const c of PEER_CHARTS) {
  const box = document.querySelector(`[data-peer-chart="${c.id}"]`);
  const canvas = document.createElement('canvas');
  box.append(canvas);
  let config;
  if (c.kind === 'share') {
    config = {
      type: 'bar',
      data: { labels: [c.title], datasets: c.rows.map((r, i) => ({ label: r.label, data: [r.value / c.whole * 100], backgroundColor: colours[i % 4] })) },
      options: { indexAxis: 'y', scales: { x: { stacked: true, max: 100 }, y: { stacked: true, display: false } } },
    };
  } else if (c.kind === 'timeline') {
    config = {
      type: 'bar',
      data: { labels: c.rows.map((r) => r.label), datasets: [{ data: c.rows.map((r) => [r.start, r.end]), backgroundColor: colours[1] }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { min: c.from, max: c.to } } },
    };
  } else {
    config = {
      type: 'bar',
      data: { labels: c.rows.map((r) => r.label), datasets: [{ data: c.rows.map((r) => r.value), backgroundColor: colours[0] }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } } },
    };
  }
  config.options.animation = false;
  config.options.maintainAspectRatio = false;
  box.style.height = `${c.height}px`;
  config.plugins = [drawn];
  new Chart(canvas, config);
}
