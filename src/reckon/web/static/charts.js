/* Reckon's charts. No inline script (the CSP forbids it): data comes from
   <script type="application/json"> blocks, parsed as JSON, never evaluated or
   inserted as HTML; Chart.js draws on <canvas>, so labels stay text. */
(function () {
  "use strict";
  function readJson(id) {
    var node = document.getElementById(id);
    if (!node) { return null; }
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }
  var palette = ["#8a1c1c", "#13457a", "#b45309", "#166534", "#6b21a8", "#0e7490", "#9f1239"];
  var fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

  function timeline() {
    var rows = readJson("timeline-data");
    var canvas = document.getElementById("timeline-chart");
    if (!rows || !canvas || !window.Chart) { return; }
    Chart.defaults.font.family = fontFamily;
    new Chart(canvas, {
      data: {
        labels: rows.map(function (r) { return r.month; }),
        datasets: [
          { type: "bar", label: "Incidents", data: rows.map(function (r) { return r.incidents; }),
            backgroundColor: "#c9c2b4", yAxisID: "incidents", order: 2 },
          { type: "line", label: "Killed, highest claims", data: rows.map(function (r) { return r.killed_max; }),
            borderColor: "#8a1c1c", backgroundColor: "#8a1c1c", yAxisID: "killed", tension: 0.2, order: 1 },
          { type: "line", label: "Killed, lowest claims", data: rows.map(function (r) { return r.killed_min; }),
            borderColor: "#13457a", backgroundColor: "#13457a", borderDash: [4, 3], yAxisID: "killed", tension: 0.2, order: 1 }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        interaction: { mode: "index", intersect: false },
        plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
        scales: {
          incidents: { position: "left", beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "incidents" } },
          killed: { position: "right", beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: "killed (claimed)" } }
        }
      }
    });
  }

  // Each source's figure per kind of harm as a floating bar [lowest, highest]; a one-sided
  // figure ("at least 23") is drawn as its one bound.
  function claims() {
    var byKind = readJson("claims-data");
    var canvas = document.getElementById("claims-chart");
    if (!byKind || !canvas || !window.Chart) { return; }
    var kinds = Object.keys(byKind);
    var claimants = [];
    kinds.forEach(function (kind) {
      byKind[kind].forEach(function (c) { if (claimants.indexOf(c.claimant) < 0) { claimants.push(c.claimant); } });
    });
    var datasets = claimants.map(function (name, i) {
      return {
        label: name,
        backgroundColor: palette[i % palette.length],
        minBarLength: 4,
        data: kinds.map(function (kind) {
          var found = byKind[kind].filter(function (c) { return c.claimant === name; });
          if (!found.length) { return null; }
          var c = found[found.length - 1];
          var low = c.min === null ? c.max : c.min, high = c.max === null ? c.min : c.max;
          return [low, high];
        })
      };
    });
    Chart.defaults.font.family = fontFamily;
    new Chart(canvas, {
      type: "bar",
      data: { labels: kinds, datasets: datasets },
      options: {
        indexAxis: "y", responsive: true, maintainAspectRatio: false, animation: false,
        plugins: {
          legend: { position: "bottom", labels: { boxWidth: 12 } },
          tooltip: { callbacks: { label: function (ctx) {
            var v = ctx.raw; if (!v) { return ""; }
            var figure = v[0] === v[1] ? String(v[0]) : v[0] + "–" + v[1];
            return figure + " " + ctx.label + ", according to " + ctx.dataset.label;
          } } }
        },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }

  function start() { timeline(); claims(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
