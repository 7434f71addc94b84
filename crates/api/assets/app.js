// tocsin dashboard: plain JavaScript over /api, no build step, no network beyond this server.
(function () {
  "use strict";

  var TYPE_COLOURS = {
    "Battles": "#d62728",
    "Violence against civilians": "#8e44ad",
    "Explosions/Remote violence": "#f28e2b",
    "Protests": "#2e9d4f",
    "Riots": "#d4a017",
    "Strategic developments": "#3b6fb6"
  };
  var FIELD_COLOURS = {
    event_date: "#4e79a7", sub_event_type: "#e15759", actor1: "#f28e2b", actor2: "#b07aa1",
    assoc_actor_1: "#ff9da7", assoc_actor_2: "#9c755f", location: "#59a14f", fatalities: "#edc948",
    civilian_targeting: "#76b7b2", event: "#bab0ac"
  };
  var FIELD_NAMES = {
    event: "event sentence", event_date: "date", sub_event_type: "sub-event type", actor1: "actor 1",
    actor2: "actor 2", assoc_actor_1: "associated actor 1", assoc_actor_2: "associated actor 2",
    civilian_targeting: "civilian targeting", location: "location", fatalities: "fatalities"
  };
  var MAP_LIMIT = 1000;

  var state = { week: null, events: [], selected: null };
  var map, clusters, form = document.getElementById("filter-form");

  function $(id) { return document.getElementById(id); }
  function colour(type) { return TYPE_COLOURS[type] || "#666"; }
  function esc(text) {
    return String(text == null ? "" : text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function filterParams() {
    var params = new URLSearchParams();
    var data = new FormData(form);
    data.forEach(function (value, key) { if (String(value).trim() !== "") params.set(key, String(value).trim()); });
    if (!params.get("actor")) params.delete("with_subgroups");
    if (state.week) { params.set("start", state.week.start); params.set("end", state.week.end); }
    return params;
  }

  function api(path, params) {
    var url = "api/" + path + (params && String(params) ? "?" + params : "");
    return fetch(url).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error((body.error || response.statusText) + (body.hint ? " — " + body.hint : ""));
        return body;
      });
    });
  }

  function showError(error) {
    var box = $("error");
    if (error) { box.textContent = error.message || String(error); box.hidden = false; }
    else { box.hidden = true; }
  }

  // ---- map ----
  function initMap() {
    map = L.map("map", { zoomControl: true, worldCopyJump: true, preferCanvas: false, minZoom: 2, maxZoom: 12 })
      .setView([12, 2], 5);
    map.attributionControl.addAttribution("Borders: Natural Earth");
    clusters = L.markerClusterGroup({
      disableClusteringAtZoom: 9, maxClusterRadius: 34, showCoverageOnHover: false, chunkedLoading: true,
      iconCreateFunction: function (cluster) {
        var count = cluster.getChildCount();
        var size = Math.round(26 + 14 * Math.log10(count + 1));
        // A ring of the event types' shares around the count.
        var byType = {};
        cluster.getAllChildMarkers().forEach(function (m) { byType[m.options.eventType] = (byType[m.options.eventType] || 0) + 1; });
        var stops = [], at = 0;
        Object.keys(TYPE_COLOURS).forEach(function (type) {
          if (!byType[type]) return;
          var next = at + 360 * byType[type] / count;
          stops.push(TYPE_COLOURS[type] + " " + at.toFixed(1) + "deg " + next.toFixed(1) + "deg");
          at = next;
        });
        return L.divIcon({
          html: '<span class="ring" style="background:conic-gradient(' + stops.join(",") + ')"></span><span class="count">' + count + "</span>",
          className: "cluster", iconSize: L.point(size, size)
        });
      }
    });
    map.addLayer(clusters);
    return fetch("data/countries-50m.json").then(function (r) { return r.json(); }).then(function (topology) {
      var countries = topojson.feature(topology, topology.objects.countries);
      L.geoJSON(countries, {
        style: { color: "#9aa6b2", weight: 0.8, fillColor: "#fbfaf7", fillOpacity: 1 },
        interactive: false
      }).addTo(map).bringToBack();
    }).catch(function () { /* the map still shows the events without borders */ });
  }

  function drawMarkers(events) {
    clusters.clearLayers();
    var markers = [];
    var bounds = [];
    events.forEach(function (event) {
      if (event.latitude == null || event.longitude == null) return;
      var marker = L.circleMarker([event.latitude, event.longitude], {
        radius: 5 + Math.min(14, Math.sqrt(event.fatalities) * 2),
        color: "rgba(0,0,0,.55)", weight: 1, fillColor: colour(event.event_type), fillOpacity: 0.85,
        className: "event-marker", eventType: event.event_type
      });
      marker.bindTooltip(esc(event.date || "undated") + " · " + esc(event.sub_event_type) + "<br>" +
        esc(event.location || "") + (event.fatalities ? " · " + event.fatalities + " dead" : ""));
      marker.on("click", function () { openEvent(event.id); });
      markers.push(marker);
      bounds.push([event.latitude, event.longitude]);
    });
    clusters.addLayers(markers);
    if (bounds.length && !state.fitted) {
      map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7 });
      state.fitted = true;
    }
  }

  // ---- timeline ----
  function drawTimeline(weeks) {
    var svg = $("timeline");
    var width = svg.clientWidth || 800, height = 92, bottom = 16, top = 6;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    if (!weeks.length) { svg.innerHTML = '<text x="4" y="40">no dated events</text>'; return; }
    var max = Math.max.apply(null, weeks.map(function (w) { return w.events; }));
    var step = width / weeks.length, barWidth = Math.max(1, step - 2);
    var parts = [];
    weeks.forEach(function (week, i) {
      var h = Math.max(1, (height - bottom - top) * week.events / max);
      var selected = state.week && state.week.week === week.week ? " selected" : "";
      parts.push('<rect class="bar' + selected + '" data-index="' + i + '" x="' + (i * step + 1).toFixed(1) +
        '" y="' + (height - bottom - h).toFixed(1) + '" width="' + barWidth.toFixed(1) + '" height="' + h.toFixed(1) +
        '"><title>' + week.week + " (" + week.start + " to " + week.end + "): " + week.events + " events, " +
        week.fatalities + " deaths</title></rect>");
    });
    var every = Math.max(1, Math.ceil(weeks.length / Math.max(1, Math.floor(width / 70))));
    weeks.forEach(function (week, i) {
      if (i % every === 0) parts.push('<text x="' + (i * step + 1).toFixed(1) + '" y="' + (height - 3) + '">' + week.start + "</text>");
    });
    parts.push('<text x="' + (width - 4) + '" y="12" text-anchor="end">max ' + max + "/week</text>");
    svg.innerHTML = parts.join("");
    Array.prototype.forEach.call(svg.querySelectorAll("rect.bar"), function (rect) {
      rect.addEventListener("click", function () {
        var week = weeks[Number(rect.getAttribute("data-index"))];
        state.week = state.week && state.week.week === week.week ? null : week;
        refresh();
      });
    });
    state.weeks = weeks;
  }

  function weekNote() {
    var note = $("week-note");
    if (state.week) {
      note.innerHTML = "week " + esc(state.week.week) + " (" + esc(state.week.start) + " to " + esc(state.week.end) + ')<a id="clear-week">show all weeks</a>';
      $("clear-week").addEventListener("click", function () { state.week = null; refresh(); });
    } else {
      note.textContent = "click a week to filter";
    }
  }

  // ---- table ----
  function drawTable(page) {
    var rows = page.events.map(function (e) {
      var location = [e.location, e.admin1, e.country].filter(Boolean).filter(function (v, i, a) { return a.indexOf(v) === i; }).join(", ");
      return '<tr data-id="' + esc(e.id) + '"><td>' + esc(e.date || "—") + '</td><td><span class="type-dot" style="background:' +
        colour(e.event_type) + '"></span>' + esc(e.event_type) + "</td><td>" + esc(e.sub_event_type) + "</td><td>" +
        esc(e.actor1) + "</td><td>" + esc(e.actor2 || "") + "</td><td>" + esc(location) + '</td><td class="num">' + e.fatalities + "</td></tr>";
    });
    var body = document.querySelector("#events tbody");
    body.innerHTML = rows.join("");
    Array.prototype.forEach.call(body.querySelectorAll("tr"), function (row) {
      if (row.getAttribute("data-id") === state.selected) row.classList.add("active");
      row.addEventListener("click", function () { openEvent(row.getAttribute("data-id")); });
    });
    $("table-note").textContent = page.total > page.events.length
      ? "Showing " + page.events.length + " of " + page.total + " events (newest first); narrow the filters to see the rest."
      : page.total + " events.";
  }

  function drawLegend(stats) {
    var counts = {};
    stats.by_event_type.forEach(function (t) { counts[t.event_type] = t.events; });
    $("legend").innerHTML = Object.keys(TYPE_COLOURS).map(function (type) {
      return '<div data-type="' + esc(type) + '"><span class="dot" style="background:' + TYPE_COLOURS[type] + '"></span>' +
        esc(type) + '<span class="count">' + (counts[type] || 0) + "</span></div>";
    }).join("") + '<p class="note" style="padding:6px 0 0">Circle size: fatalities. Click a type to filter.</p>';
    Array.prototype.forEach.call($("legend").querySelectorAll("div[data-type]"), function (item) {
      item.addEventListener("click", function () {
        var select = $("f-type");
        select.value = select.value === item.getAttribute("data-type") ? "" : item.getAttribute("data-type");
        refresh();
      });
    });
  }

  function drawSummary(stats, page) {
    $("summary").innerHTML = "<b>" + stats.events.toLocaleString() + "</b> events · <b>" +
      stats.fatalities.toLocaleString() + "</b> reported deaths" +
      (page.total > MAP_LIMIT ? " · map shows the newest " + MAP_LIMIT : "");
  }

  // ---- event panel ----
  function confidence(value) {
    var pct = Math.round((value || 0) * 100);
    return '<span class="conf"><i style="width:' + pct + '%"></i></span><span class="conf-text">' + pct + "%</span>";
  }

  function highlight(text, evidence) {
    var units = text; // JavaScript strings index UTF-16 code units, like utf16_start/utf16_end.
    var spans = evidence.filter(function (e) { return e.utf16_start != null && e.utf16_end != null && e.utf16_end > e.utf16_start; });
    var cuts = [0, units.length];
    spans.forEach(function (s) { cuts.push(s.utf16_start, s.utf16_end); });
    cuts = cuts.filter(function (c, i, a) { return c >= 0 && c <= units.length && a.indexOf(c) === i; }).sort(function (a, b) { return a - b; });
    var html = [];
    for (var i = 0; i + 1 < cuts.length; i++) {
      var from = cuts[i], to = cuts[i + 1];
      var piece = esc(units.slice(from, to));
      var covering = spans.filter(function (s) { return s.utf16_start <= from && s.utf16_end >= to; });
      var fields = covering.filter(function (s) { return s.field !== "event"; });
      var inTrigger = covering.some(function (s) { return s.field === "event"; });
      if (fields.length) {
        fields.sort(function (a, b) { return (a.utf16_end - a.utf16_start) - (b.utf16_end - b.utf16_start); });
        var field = fields[0].field, c = FIELD_COLOURS[field] || "#999";
        var names = fields.map(function (f) { return FIELD_NAMES[f.field] || f.field; }).join(", ");
        var endsHere = fields[0].utf16_end === to;
        piece = '<mark class="ev" data-field="' + esc(field) + '" title="' + esc(names) + " · confidence " +
          Math.round(fields[0].confidence * 100) + '%" style="background:' + c + '33;border-color:' + c + '">' + piece +
          (endsHere ? "<sub>" + esc(FIELD_NAMES[field] || field) + "</sub>" : "") + "</mark>";
      }
      if (inTrigger) piece = '<span class="trigger">' + piece + "</span>";
      html.push(piece);
    }
    return html.join("");
  }

  function openEvent(id) {
    state.selected = id;
    Array.prototype.forEach.call(document.querySelectorAll("#events tbody tr"), function (row) {
      row.classList.toggle("active", row.getAttribute("data-id") === id);
    });
    api("events/" + encodeURIComponent(id)).then(function (detail) {
      var e = detail.event;
      var where = [e.location, e.admin2, e.admin1, e.country].filter(Boolean).filter(function (v, i, a) { return a.indexOf(v) === i; }).join(", ");
      if (e.coordinates_of) where += " (not in the gazetteer: mapped at " + e.coordinates_of + ")";
      var html = ['<h2><span class="type-dot" style="background:' + colour(e.event_type) + '"></span>' + esc(e.sub_event_type) + "</h2>",
        '<div class="meta">' + esc(e.id) + " · " + esc(e.date || "undated") + " · " + esc(where) + " · " + e.fatalities +
        " deaths · overall confidence " + Math.round(e.confidence * 100) + "%</div>", "<h3>Fields</h3>", '<table class="fields">'];
      detail.fields.forEach(function (f) {
        if (f.field === "event" || (f.value == null && !f.evidence.length)) return;
        var quotes = f.evidence.filter(function (ev) { return ev.text; }).map(function (ev) { return "“" + esc(ev.text) + "”"; });
        html.push('<tr><td class="name"><span class="sw" style="background:' + (FIELD_COLOURS[f.field] || "#999") + '"></span>' +
          esc(FIELD_NAMES[f.field] || f.field) + "</td><td>" + (f.value == null ? '<span class="conf-text">—</span>' : esc(f.value)) +
          (quotes.length ? '<div class="conf-text">' + quotes.join(" ") + "</div>" : f.value != null ? '<div class="conf-text">inferred</div>' : "") +
          "</td><td>" + confidence(f.confidence) + "</td></tr>");
      });
      html.push("</table>", "<h3>Sources (" + detail.sources.length + ")</h3>");
      detail.sources.forEach(function (s) {
        html.push('<div class="source"><div class="title">' + esc(s.title || s.report_id) + "</div>" +
          '<div class="outlet">' + esc([s.source, s.published, s.language].filter(Boolean).join(" · ")) +
          (s.url ? ' · <span title="' + esc(s.url) + '">' + esc(s.url) + "</span>" : "") + "</div>" +
          '<div class="text">' + (s.text ? highlight(s.text, s.evidence) : "<i>report text not stored</i>") + "</div></div>");
      });
      if (detail.history.length) {
        html.push("<h3>History</h3>");
        detail.history.forEach(function (h) { html.push('<div class="conf-text">' + esc(h.timestamp) + " — " + esc(h.change) + "</div>"); });
      }
      $("panel-body").innerHTML = html.join("");
      $("panel").hidden = false;
      document.body.dataset.panel = id;
    }).catch(showError);
  }

  // ---- loading ----
  function refresh() {
    showError(null);
    var params = filterParams();
    var statsParams = new URLSearchParams(params);
    if (state.week) { statsParams.delete("start"); statsParams.delete("end"); restoreDates(statsParams); }
    var pageParams = new URLSearchParams(params);
    pageParams.set("limit", String(MAP_LIMIT));
    document.body.dataset.loading = "1";
    var timelineRequest = state.week ? api("stats", statsParams) : null;
    return Promise.all([api("events", pageParams), api("stats", params), timelineRequest]).then(function (answers) {
      var page = answers[0], stats = answers[1], timelineStats = answers[2] || answers[1];
      state.events = page.events;
      drawMarkers(page.events);
      drawTimeline(timelineStats.by_week);
      weekNote();
      drawTable(page);
      drawLegend(stats);
      drawSummary(stats, page);
      if (!String(params)) loadCountries(stats);
      document.body.dataset.total = String(page.total);
      document.body.dataset.loading = "";
      document.body.dataset.markers = String(page.events.length);
      if (!window.tocsinMapDrawnAt) window.tocsinMapDrawnAt = performance.now();
    }).catch(function (error) { document.body.dataset.loading = ""; showError(error); });
  }

  function restoreDates(params) {
    var start = $("f-start").value, end = $("f-end").value;
    if (start) params.set("start", start);
    if (end) params.set("end", end);
  }

  function loadCountries(stats) {
    if (state.countriesLoaded) return;
    state.countriesLoaded = true;
    (function () {
      var countries = {};
      stats.by_admin1.forEach(function (a) { if (a.country) countries[a.country] = (countries[a.country] || 0) + a.events; });
      var select = $("f-country");
      Object.keys(countries).sort().forEach(function (name) {
        var option = document.createElement("option");
        option.value = name; option.textContent = name + " (" + countries[name] + ")";
        select.appendChild(option);
      });
    })();
  }

  // The actor suggestions cost a pass over the events: fetched when first wanted.
  function loadActors() {
    if (state.actorsLoaded) return;
    state.actorsLoaded = true;
    api("actors", new URLSearchParams({ limit: "200" })).then(function (actors) {
      $("actor-list").innerHTML = actors.map(function (a) { return '<option value="' + esc(a.name) + '">'; }).join("");
    }).catch(function () { state.actorsLoaded = false; });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); state.week = null; refresh(); });
  ["f-country", "f-type", "f-subgroups"].forEach(function (id) { $(id).addEventListener("change", function () { refresh(); }); });
  $("reset").addEventListener("click", function () { form.reset(); state.week = null; refresh(); });
  $("panel-close").addEventListener("click", function () { $("panel").hidden = true; delete document.body.dataset.panel; });
  window.addEventListener("resize", function () { if (state.weeks) drawTimeline(state.weeks); });

  $("f-actor").addEventListener("focus", loadActors);
  $("place-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var q = $("place-q").value.trim();
    var box = $("place-results");
    if (!q) { box.innerHTML = ""; return; }
    api("places", new URLSearchParams({ q: q, limit: "6" })).then(function (places) {
      if (!places.length) { box.innerHTML = '<div class="muted">no such place</div>'; return; }
      box.innerHTML = places.map(function (p, i) {
        return '<div data-index="' + i + '">' + esc(p.name) + ' <span class="conf-text">' +
          esc([p.admin1, p.country].filter(Boolean).join(", ")) + "</span></div>";
      }).join("");
      Array.prototype.forEach.call(box.querySelectorAll("div[data-index]"), function (item) {
        item.addEventListener("click", function () {
          var p = places[Number(item.getAttribute("data-index"))];
          map.flyTo([p.latitude, p.longitude], 9);
          L.popup().setLatLng([p.latitude, p.longitude]).setContent(esc(p.name)).openOn(map);
        });
      });
    }).catch(function (error) { box.innerHTML = '<div class="muted">' + esc(error.message) + "</div>"; });
  });
  var bordersReady = initMap();
  Promise.all([bordersReady, refresh()]).then(function () { document.body.dataset.ready = "1"; });
})();
