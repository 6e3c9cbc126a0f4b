// Attention-over-time charts. Each .chart element lists its series as <li data-src data-label
// data-colour>; this script fetches each series from the JSON API (/api/counts) and draws them
// with the vendored uPlot. Labels are set as text, never as HTML.
(function () {
  "use strict";

  function toSeconds(day) {
    return Date.parse(day + "T00:00:00Z") / 1000;
  }

  function percent(v) {
    return v == null ? "" : (v * 100).toFixed(v < 0.01 ? 2 : 1) + "%";
  }

  function draw(el) {
    var measure = el.getAttribute("data-measure") === "count" ? "count" : "share";
    var items = Array.prototype.slice.call(el.querySelectorAll("li[data-src]"));
    if (!items.length || typeof uPlot === "undefined") return;
    Promise.all(items.map(function (li) {
      return fetch(li.getAttribute("data-src"), { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); });
    })).then(function (results) {
      var periods = {};
      results.forEach(function (res) { res.items.forEach(function (row) { periods[row.period] = true; }); });
      var xs = Object.keys(periods).sort();
      var data = [xs.map(toSeconds)];
      var series = [{}];
      results.forEach(function (res, i) {
        var byPeriod = {};
        res.items.forEach(function (row) { byPeriod[row.period] = row[measure]; });
        data.push(xs.map(function (p) { return p in byPeriod ? byPeriod[p] : 0; }));
        var colour = items[i].getAttribute("data-colour") || "#1f6feb";
        var one = {
          label: items[i].getAttribute("data-label") || "",
          stroke: colour,
          width: 2,
          points: { show: xs.length < 60 },
        };
        if (measure === "share") one.value = function (u, v) { return percent(v); };
        series.push(one);
      });
      if (xs.length === 1) {
        // One period alone: pad it with empty days on each side, or uPlot spans years.
        data[0] = [data[0][0] - 3 * 86400, data[0][0], data[0][0] + 3 * 86400];
        for (var k = 1; k < data.length; k++) data[k] = [null, data[k][0], null];
      }
      var list = el.querySelector("ul.series");
      if (list) list.hidden = true;
      var width = Math.max(320, el.clientWidth || 800);
      var opts = {
        width: width,
        height: 280,
        padding: [12, 48, 0, 0],
        series: series,
        scales: { x: { time: true } },
        tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); },
        axes: [{
          space: 70,
          // Whole days, weeks and months only: the series are daily or coarser.
          incrs: [86400, 2 * 86400, 7 * 86400, 14 * 86400, 30 * 86400, 91 * 86400, 365 * 86400],
          values: function (u, vals) { return vals.map(function (v) { return new Date(v * 1000).toISOString().slice(0, 10); }); },
        }, { size: 64 }],
      };
      if (measure === "share") opts.axes[1].values = function (u, vals) { return vals.map(percent); };
      else opts.axes[1].incrs = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000];
      var plot = new uPlot(opts, data, el);
      el.setAttribute("data-rendered", String(xs.length));
      window.addEventListener("resize", function () {
        plot.setSize({ width: Math.max(320, el.clientWidth || 800), height: 280 });
      });
    }).catch(function (err) {
      el.setAttribute("data-error", String(err));
      var p = document.createElement("p");
      p.className = "note";
      p.textContent = String(err);
      el.appendChild(p);
    });
  }

  document.querySelectorAll(".chart").forEach(draw);
})();
