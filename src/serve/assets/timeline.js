/* global document, window, fetch, history, location */
// Timeline page: draws the events of /api/timeline on a vis-timeline axis (zoom, pan) and shows
// an event's evidence next to it. All text goes in through textContent, never as markup.
(function () {
  'use strict';
  var el = document.getElementById('timeline');
  var panel = document.getElementById('evidence-panel');
  if (!el || !window.vis) return;

  function text(tag, value, cls) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    n.textContent = value == null ? '' : String(value);
    return n;
  }

  function link(href, value) {
    var a = text('a', value);
    a.setAttribute('href', href);
    return a;
  }

  function label(e) {
    var who = e.actors.length ? e.actors.join(', ') : '';
    var s = e.type + (e.mode ? '/' + e.mode : '') + (who ? ': ' + who : '');
    if (e.recipients.length) s += ' → ' + e.recipients.join(', ');
    return s;
  }

  function showEvidence(e) {
    panel.replaceChildren();
    var sec = document.createElement('section');
    sec.className = 'evidence';
    sec.id = 'evidence';
    var h = document.createElement('h2');
    h.appendChild(text('span', e.type + (e.mode ? '/' + e.mode : ''), 'badge t-' + e.type));
    h.appendChild(document.createTextNode(' ' + (e.actors.join(', ') || '—') + (e.recipients.length ? ' → ' + e.recipients.join(', ') : '')));
    sec.appendChild(h);
    sec.appendChild(text('p', (e.date || 'ohne Datum') + (e.place ? ' · ' + e.place : '') + ' · ' + e.sources + (e.sources === 1 ? ' Quelle' : ' Quellen'), 'meta'));
    sec.appendChild(text('h3', 'Belege'));
    var ol = document.createElement('ol');
    ol.className = 'sentences';
    e.evidence.forEach(function (v) {
      var li = document.createElement('li');
      // A headline is marked as one (as on the event page): its article's body is evidence too.
      if (v.field === 'title') li.className = 'headline';
      li.appendChild(text('blockquote', v.sentence));
      li.appendChild(link('/articles/' + encodeURIComponent(v.articleId), v.title || v.articleId));
      li.appendChild(document.createTextNode(' '));
      li.appendChild(text('span', (v.field === 'title' ? 'Schlagzeile · ' : '') + (v.source || 'unbekannte Quelle') + ' · ' + (v.published || 'ohne Datum'), 'meta'));
      ol.appendChild(li);
    });
    sec.appendChild(ol);
    sec.appendChild(text('h3', 'Berichtende Medien'));
    var ul = document.createElement('ul');
    ul.className = 'chips';
    e.outlets.forEach(function (o) { ul.appendChild(text('li', o)); });
    sec.appendChild(ul);
    sec.appendChild(link('/events/' + encodeURIComponent(e.id), 'Eigene Seite dieses Ereignisses'));
    panel.appendChild(sec);
  }

  function select(id) {
    fetch('/api/events/' + encodeURIComponent(id), { headers: { accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error(String(r.status))); })
      .then(function (e) {
        showEvidence(e);
        var u = new URL(location.href);
        u.searchParams.set('event', id);
        history.replaceState(null, '', u.pathname + u.search);
      })
      .catch(function () { panel.replaceChildren(text('p', 'Belege konnten nicht geladen werden.', 'note')); });
  }

  fetch(el.getAttribute('data-src'), { headers: { accept: 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var items = data.events.filter(function (e) { return e.start; }).map(function (e) {
        var content = text('span', label(e));
        var item = { id: e.id, content: content, start: e.start, className: 't-' + e.type };
        if (!e.point) { item.end = e.end; item.type = 'range'; } else { item.type = 'box'; }
        return item;
      });
      var timeline = new window.vis.Timeline(el, new window.vis.DataSet(items), {
        stack: true,
        zoomKey: '',
        maxHeight: 520,
        minHeight: 300,
        zoomMin: 1000 * 60 * 60 * 24,
        xss: { disabled: false },
        tooltip: { followMouse: false },
      });
      timeline.on('select', function (props) {
        if (props.items && props.items.length) select(props.items[0]);
      });
      // Open on where most events are: a few mis-dated outliers would otherwise squeeze the rest.
      var starts = items.map(function (i) { return Date.parse(i.start); }).sort(function (a, b) { return a - b; });
      if (starts.length > 4) {
        var lo = starts[Math.floor(starts.length * 0.05)];
        var hi = starts[Math.ceil(starts.length * 0.95) - 1];
        var pad = Math.max((hi - lo) * 0.05, 3 * 86400000);
        timeline.setWindow(lo - pad, hi + pad, { animation: false });
      }
      var selected = new URL(location.href).searchParams.get('event');
      if (selected) timeline.setSelection([selected], { focus: true });
      function pan(f) {
        var w = timeline.getWindow();
        var span = w.end.valueOf() - w.start.valueOf();
        timeline.setWindow(w.start.valueOf() + span * f, w.end.valueOf() + span * f);
      }
      function zoom(f) { if (f > 0) timeline.zoomIn(f); else timeline.zoomOut(-f); }
      var zin = document.getElementById('tl-in');
      var zout = document.getElementById('tl-out');
      var fit = document.getElementById('tl-fit');
      if (zin) zin.addEventListener('click', function () { zoom(0.5); });
      if (zout) zout.addEventListener('click', function () { zoom(-0.5); });
      if (fit) fit.addEventListener('click', function () { timeline.fit({ animation: false }); });
      var back = document.getElementById('tl-back');
      var fwd = document.getElementById('tl-fwd');
      if (back) back.addEventListener('click', function () { pan(-0.3); });
      if (fwd) fwd.addEventListener('click', function () { pan(0.3); });
      document.addEventListener('keydown', function (ev) {
        var t = ev.target && ev.target.tagName;
        if (t === 'INPUT' || t === 'SELECT' || t === 'TEXTAREA') return;
        if (ev.key === '+' || ev.key === '=') zoom(0.5);
        else if (ev.key === '-') zoom(-0.5);
        else if (ev.key === '[') pan(-0.3);
        else if (ev.key === ']') pan(0.3);
      });
      el.setAttribute('data-ready', String(items.length));
    })
    .catch(function () { el.replaceChildren(text('p', 'Zeitleiste konnte nicht geladen werden.', 'note')); });
})();
