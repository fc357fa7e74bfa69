// The dashboard's six charts drawn with Vega-Lite 6 (through vega-embed, SVG renderer) as a
// newsroom would: horizontal bars with their values, a normalised stacked bar for each share,
// ranged bars for the timeline. Each chart's box says when it has been drawn.
/* global vegaEmbed, PEER_CHARTS */
for (const c of PEER_CHARTS) {
  const box = document.querySelector(`[data-peer-chart="${c.id}"]`);
  let spec;
  if (c.kind === 'share') {
    spec = {
      data: { values: c.rows },
      mark: 'bar',
      encoding: {
        x: { field: 'value', type: 'quantitative', stack: 'normalize', axis: { format: '%' }, title: null },
        color: { field: 'label', type: 'nominal', legend: { orient: 'bottom', title: null } },
      },
    };
  } else if (c.kind === 'timeline') {
    spec = {
      data: { values: c.rows },
      mark: 'bar',
      encoding: {
        y: { field: 'label', type: 'nominal', sort: null, title: null },
        x: { field: 'start', type: 'quantitative', scale: { domain: [c.from, c.to] }, axis: { format: 'd' }, title: null },
        x2: { field: 'end' },
      },
    };
  } else {
    spec = {
      data: { values: c.rows },
      encoding: {
        y: { field: 'label', type: 'nominal', sort: null, title: null },
        x: { field: 'value', type: 'quantitative', title: null },
      },
      layer: [{ mark: 'bar' }, { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'value' } } }],
    };
  }
  spec.$schema = 'https://vega.github.io/schema/vega-lite/v6.json';
  spec.width = 'container';
  spec.height = c.height - 60;
  vegaEmbed(box, spec, { renderer: 'svg', actions: false, defaultStyle: false }).then(() => { box.dataset.drawn = '1'; });
}
