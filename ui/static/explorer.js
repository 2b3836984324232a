// The research-graph explorer: draws the slice around a researcher with cytoscape,
// expands a node's neighbours on click, opens its page on double-click, filters by
// type, and highlights the co-author path to another researcher. On a profile
// (`.explorer.compact`) it draws a smaller slice without the tools.
(function () {
  'use strict';
  const root = document.querySelector('.explorer');
  const centre = root.dataset.researcherId;
  const status = document.getElementById('explorer-status');
  const colours = { work: '#1f5fbf', researcher: '#c2410c', topic: '#15803d', institution: '#7c3aed', venue: '#64748b' };
  let labelWeight = 0;  // nodes at least this strong are named (set from the graph's size)

  const cy = cytoscape({
    container: document.getElementById('cy'),
    style: [
      // Labels stay readable on dense graphs: only the strongest nodes are named until one
      // hovers or selects another; a label too small to read at the current zoom is not
      // drawn at all, and each sits on a light band.
      { selector: 'node', style: { 'background-color': (n) => colours[n.data('type')] || '#999',
        label: (n) => (n.data('weight') >= labelWeight || n.hasClass('centre') ? n.data('short') : ''),
        'font-size': 9, 'min-zoomed-font-size': 7, 'text-wrap': 'ellipsis', 'text-max-width': 120,
        'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 1,
        width: 'mapData(weight, 0, 1, 14, 40)', height: 'mapData(weight, 0, 1, 14, 40)' } },
      { selector: 'node.named, node:selected', style: { label: 'data(short)', 'z-index': 10 } },
      { selector: 'node.centre', style: { 'border-width': 3, 'border-color': '#111' } },
      { selector: 'edge', style: { width: 1, 'line-color': '#cbd5e1', 'curve-style': 'haystack' } },
      { selector: '.path', style: { 'line-color': '#dc2626', 'background-color': '#dc2626', width: 3 } },
      { selector: '.hidden', style: { display: 'none' } },
    ],
  });
  window.bzpeerGraph = cy;  // for the browser test and curious users
  cy.on('mouseover', 'node', (e) => e.target.addClass('named'));
  cy.on('mouseout', 'node', (e) => e.target.removeClass('named'));

  function add(slice) {
    const added = [];
    for (const n of slice.nodes) {
      if (cy.getElementById(n.id).length) continue;
      const short = n.label.length > 40 ? n.label.slice(0, 39) + '…' : n.label;
      added.push({ group: 'nodes', data: { id: n.id, type: n.type, label: n.label, short, weight: Math.min(1, n.weight) } });
    }
    for (const e of slice.edges) {
      const id = e.source + '|' + e.target;
      if (cy.getElementById(id).length) continue;
      added.push({ group: 'edges', data: { id, source: e.source, target: e.target, type: e.type } });
    }
    const first = cy.nodes().length === 0;
    cy.add(added);
    // Name about the 12 strongest nodes; the rest on hover, selection or zoom.
    const weights = cy.nodes().map((n) => n.data('weight')).sort((a, b) => b - a);
    labelWeight = weights.length > 12 ? weights[11] + 1e-9 : 0;
    cy.style().update();
    applyFilter();
    // New nodes start stacked at the origin: the first layout scatters them.
    cy.layout({ name: 'cose', animate: false, randomize: first, fit: true, padding: 24, nodeRepulsion: 20000,
      idealEdgeLength: 110, nodeOverlap: 20, componentSpacing: 60 }).run();
    status.textContent = `${cy.nodes().length} nodes, ${cy.edges().length} links`;
  }

  async function load(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
    return body;
  }

  function applyFilter() {
    const inputs = root.querySelectorAll('.type-filter input');
    if (!inputs.length) return;  // no filter on the profile's inline slice
    const shown = new Set([...root.querySelectorAll('.type-filter input:checked')].map((i) => i.value));
    cy.nodes().forEach((n) => n.toggleClass('hidden', !shown.has(n.data('type')) && n.id() !== centre));
    // A node with no link in the drawing says nothing about the researcher: not drawn.
    cy.nodes().forEach((n) => {
      if (n.id() !== centre && n.connectedEdges().filter((e) => !e.source().hasClass('hidden') && !e.target().hasClass('hidden')).length === 0)
        n.addClass('hidden');
    });
  }

  function pageOf(node) {
    const id = node.id(), type = node.data('type');
    if (type === 'researcher') return '/researchers/' + id;
    if (type === 'work') return '/works/' + id;
    if (type === 'topic' || type === 'institution') return `/${type === 'topic' ? 'topics' : 'institutions'}/${encodeURIComponent(id)}`;
    // A venue: its words, all of them, in the venue field (venues are indexed without
    // positions, and their punctuation would break a query).
    const words = (node.data('label') || '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    return '/search?q=' + encodeURIComponent('venue:(' + words + ')');
  }

  root.querySelectorAll('.type-filter input').forEach((i) => i.addEventListener('change', applyFilter));
  const compact = root.classList.contains('compact');  // the profile's inline slice
  cy.on('tap', 'node', async (event) => {
    try {
      add(await load('/api/v1/graph/neighbors?limit=5&id=' + encodeURIComponent(event.target.id())));
    } catch (error) {
      status.textContent = error.message;
    }
  });
  cy.on('dbltap', 'node', (event) => { window.location.href = pageOf(event.target); });

  // "How am I connected to": a name (with suggestions as one types) or an id.
  const pathForm = document.getElementById('path-form');
  const pathTo = document.getElementById('path-to');
  const suggestions = document.getElementById('path-suggestions');
  const searchPeople = async (text) =>
    (await load(`/api/v1/researchers?search=${encodeURIComponent(text)}&per_page=8`)).results;
  let typing = null;
  if (pathTo && suggestions) pathTo.addEventListener('input', () => {
    clearTimeout(typing);
    const text = pathTo.value.trim();
    if (text.length < 2 || /^R\d+$/i.test(text)) return;
    typing = setTimeout(async () => {
      try {
        suggestions.replaceChildren(...(await searchPeople(text)).map((r) => {
          const option = document.createElement('option');
          option.value = `${r.display_name} (${r.id})`;
          option.label = `${r.works_count} works`;
          return option;
        }));
      } catch (error) { /* suggestions are a help, not a need */ }
    }, 200);
  });
  const researcherOf = async (text) => {
    const id = text.match(/\bR\d+\b/i);
    if (id) return id[0].toUpperCase();
    const found = await searchPeople(text);
    if (!found.length) throw new Error(`nobody named ${text}`);
    return found[0].id;
  };

  if (pathForm) pathForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = pathTo.value.trim();
    cy.elements().removeClass('path');
    try {
      const other = await researcherOf(text);
      const result = await load(`/api/v1/researchers/${centre}/path/${encodeURIComponent(other)}`);
      add({ nodes: result.path.map((p) => ({ id: p.id, type: 'researcher', label: p.label, weight: 0.5 })),
        edges: result.path.slice(1).map((p, i) => ({ source: result.path[i].id, target: p.id, type: 'coauthorship' })) });
      result.path.forEach((p, i) => {
        cy.getElementById(p.id).addClass('path');
        if (i) cy.getElementById(result.path[i - 1].id + '|' + p.id).addClass('path');
      });
      status.textContent = `${result.length} co-authorship link(s): ` + result.path.map((p) => p.label).join(' → ');
    } catch (error) {
      status.textContent = error.message;
    }
  });

  load(`/api/v1/researchers/${centre}/graph?limit=${compact ? 4 : 8}`)
    .then((slice) => { add(slice); cy.getElementById(centre).addClass('centre'); })
    .catch((error) => { status.textContent = error.message; });
}());
