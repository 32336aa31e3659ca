/* Statistics charts drawn with the vendored Apache ECharts.
 *
 * Every .chart[data-figure] is drawn from the figures in the JSON script
 * #statistics-data (no inline script: the CSP forbids it). Colours follow the
 * Okabe–Ito palette; the map uses a single-hue blue ramp; both stay apart for
 * colour-blind readers. Each chart's figures are also in a table on the page.
 */
(function () {
  "use strict";

  const KIND_COLOURS = { technologies: "#009E73", needs: "#0072B2", experts: "#D55E00", connections: "#CC79A7", awaiting: "#E69F00" };
  const PALETTE = ["#009E73", "#0072B2", "#D55E00", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];
  const MAP_RAMP = ["#e3eef9", "#9ecae1", "#4292c6", "#08519c", "#08306b"];
  const LABELS = {
    technologies: "Technologies", needs: "Needs", experts: "Experts", connections: "Connections",
    technologies_cumulative: "Technologies in total", needs_cumulative: "Needs in total",
    experts_cumulative: "Experts in total",
    awaiting: "Awaiting the other side's confirmation",
  };

  const source = document.getElementById("statistics-data");
  if (!source || !window.echarts) return;
  const figures = JSON.parse(source.textContent);
  const charts = {};

  function narrow() {
    return window.matchMedia("(max-width: 600px)").matches;
  }

  function base(extra) {
    return Object.assign({
      color: PALETTE,
      animation: false,
      textStyle: { fontFamily: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif" },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, confine: true },
      legend: { top: 0, type: "scroll" },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    }, extra);
  }

  function categoryAxis(labels, horizontal) {
    return {
      type: "category", data: labels, inverse: horizontal,
      axisLabel: { width: narrow() ? 110 : 200, overflow: "truncate", interval: 0, hideOverlap: !horizontal },
    };
  }

  /* Bars for each of ``keys``: horizontal (categories down the side) or vertical. */
  function bars(rows, labelOf, keys, horizontal, names) {
    const labels = rows.map(labelOf);
    const series = keys.map((key) => ({
      name: (names && names[key]) || LABELS[key] || key, type: "bar", data: rows.map((row) => row[key]),
      itemStyle: { color: KIND_COLOURS[key] }, barMaxWidth: 28,
    }));
    const values = { type: "value", minInterval: 1 };
    return base({
      legend: { top: 0, type: "scroll", show: keys.length > 1 },
      grid: { left: 8, right: 24, top: keys.length > 1 ? 40 : 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? values : categoryAxis(labels, false),
      yAxis: horizontal ? categoryAxis(labels, true) : values,
      series: series,
    });
  }

  function growth(rows) {
    const kinds = ["technologies", "needs", "experts"];
    const months = rows.map((row) => row.month.slice(0, 7));
    const series = kinds.map((kind) => ({
      name: LABELS[kind], type: "bar", stack: "new", data: rows.map((row) => row[kind]),
      itemStyle: { color: KIND_COLOURS[kind] },
    })).concat(kinds.map((kind) => ({
      name: LABELS[kind + "_cumulative"], type: "line", yAxisIndex: 1, symbol: "none",
      data: rows.map((row) => row[kind + "_cumulative"]),
      lineStyle: { color: KIND_COLOURS[kind], width: 2, type: kind === "needs" ? "dashed" : kind === "experts" ? "dotted" : "solid" },
      itemStyle: { color: KIND_COLOURS[kind] },
    })));
    return base({
      grid: { left: 8, right: 8, top: narrow() ? 64 : 40, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: months, axisLabel: { hideOverlap: true } },
      yAxis: [{ type: "value", name: "New", minInterval: 1 }, { type: "value", name: "Total", minInterval: 1, splitLine: { show: false } }],
      series: series,
    });
  }

  function funnel(rows) {
    return base({
      tooltip: { trigger: "item", confine: true },
      legend: { show: false },
      series: [{
        type: "funnel", sort: "none", top: 8, bottom: 8, left: "5%", width: "90%", minSize: "2%", gap: 2,
        label: {
          position: "inside", color: "#fff", textBorderColor: "#000", textBorderWidth: 2,
          formatter: (item) => {
            const row = rows[item.dataIndex];
            const share = row.conversion_percent === null ? "" : " (" + row.conversion_percent + "%)";
            return row.label + ": " + row.connections + share;
          },
        },
        data: rows.map((row, index) => ({
          name: row.label, value: row.connections, itemStyle: { color: PALETTE[index % PALETTE.length] },
        })),
      }],
    });
  }

  const OPTIONS = {
    growth: (rows) => growth(rows),
    fields: (rows) => bars(rows, (row) => row.name, ["technologies", "needs"], true),
    maturity: (rows) => bars(rows, (row) => row.label.replace(/ \(.*\)$/, ""), ["technologies"], false),
    regions: (rows) => bars(rows, (row) => row.name, ["technologies", "needs"], false),
    countries: (rows) => bars(rows.slice(0, 15), (row) => row.rank + ". " + row.name, ["technologies", "needs"], true),
    funnel: (rows) => funnel(rows),
    outcomes: (rows) => bars(rows, (row) => row.label, ["connections", "awaiting"], true,
      { connections: "Confirmed by both sides" }),
    declines: (rows) => bars(rows, (row) => row.label, ["connections"], true),
  };

  function draw(element, option) {
    const chart = echarts.init(element, null, { renderer: "canvas" });
    chart.setOption(option);
    charts[element.dataset.figure] = chart;
    if (window.ResizeObserver) new ResizeObserver(() => chart.resize()).observe(element);
    element.dataset.drawn = "true";
    return chart;
  }

  document.querySelectorAll(".chart[data-figure]").forEach((element) => {
    const make = OPTIONS[element.dataset.figure];
    if (make) draw(element, make(figures[element.dataset.figure] || []));
  });

  /* The world map: the country outlines come from our static files, keyed by ISO alpha-2 code. */
  const mapElement = document.getElementById("chart-map");
  if (mapElement) {
    fetch(mapElement.dataset.mapUrl).then((response) => response.json()).then((world) => {
      echarts.registerMap("world", world);
      const names = {};
      world.features.forEach((feature) => { names[feature.properties.name] = feature.properties.label; });
      const rows = figures.map || [];
      const switcher = document.querySelector(".map-switch");
      const measure = () => (switcher.querySelector("input:checked") || {}).value || "technologies";
      const option = (key) => {
        const max = Math.max(1, ...rows.map((row) => row[key]));
        return {
          animation: false,
          tooltip: {
            trigger: "item", confine: true,
            formatter: (item) => {
              const name = item.data ? item.data.countryName : (names[item.name] || item.name);
              return name + ": " + (item.data ? item.data.value : 0) + " " + LABELS[key].toLowerCase();
            },
          },
          visualMap: {
            type: "continuous", min: 0, max: max, left: 8, bottom: 8, orient: "horizontal",
            itemWidth: 12, itemHeight: narrow() ? 100 : 160, text: [String(max), "0"], calculable: false,
            inRange: { color: MAP_RAMP },
          },
          series: [{
            name: LABELS[key], type: "map", map: "world", roam: false, top: 8, bottom: 48, left: 8, right: 8,
            emphasis: { label: { show: false }, itemStyle: { areaColor: "#E69F00" } },
            select: { disabled: true },
            itemStyle: { areaColor: "#f2f2f2", borderColor: "#8a968f", borderWidth: 0.5 },
            data: rows.map((row) => ({ name: row.code, value: row[key], countryName: row.name })),
          }],
        };
      };
      const chart = draw(mapElement, option(measure()));
      mapElement.dataset.measure = measure();
      switcher.hidden = false;
      switcher.addEventListener("change", () => {
        chart.setOption(option(measure()), { replaceMerge: ["series"] });
        mapElement.dataset.measure = measure();
        mapElement.setAttribute("aria-label", "World map of " + LABELS[measure()].toLowerCase() +
          " per country. The figures are in the table beside it.");
      });
    });
  }

  document.querySelectorAll("button[data-png]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => {
      const chart = charts[button.dataset.png];
      if (!chart) return;
      const link = document.createElement("a");
      link.href = chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
      link.download = "verdex-" + button.dataset.png + ".png";
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  });
})();
