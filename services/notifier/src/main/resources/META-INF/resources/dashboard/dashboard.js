/*
 * pactwatch dashboard enhancements (no framework, no build): the page is complete without this file. It
 *  - keeps the timeline and events table live: on every SSE message from /api/events/stream it fetches the
 *    server-rendered fragment for the current filters and swaps it in, highlighting and announcing the new event;
 *  - shows an event's evidence quotes and sources in a panel when a marker or table link is clicked.
 * Filters stay a plain form with an Apply button: submitting on every change would move keyboard users away while
 * they are still choosing (WCAG 3.2.2).
 */
(function () {
  'use strict';
  var status = document.getElementById('live-status');
  var live = document.getElementById('live');
  var announce = document.getElementById('announce');
  var panel = document.getElementById('evidence');
  var opener = null;
  /** Events stored by another notifier replica do not reach this replica's stream: refresh now and then anyway. */
  var CATCH_UP_MS = 60000;

  function setStatus(text, on) {
    if (!status) { return; }
    status.querySelector('.text').textContent = text;
    status.classList.toggle('on', on);
    status.classList.toggle('off', !on);
  }

  function refresh(eventId) {
    return fetch('/fragments/live' + window.location.search, { headers: { Accept: 'text/html' } })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.text(); })
      .then(function (html) {
        var focused = document.activeElement && live.contains(document.activeElement)
          ? document.activeElement.getAttribute('data-event-id') : null;
        live.innerHTML = html;
        if (focused) {
          var again = live.querySelector('a[data-event-id="' + CSS.escape(focused) + '"]');
          if (again) { again.focus(); }
        }
        if (!eventId) { return; }
        var marks = live.querySelectorAll('[data-event-id="' + CSS.escape(eventId) + '"]');
        marks.forEach(function (a) {
          var holder = a.closest('li.marker') || a.closest('tr');
          if (holder) { holder.classList.add('new'); }
        });
        var first = marks[0];
        if (first && announce) {
          announce.textContent = 'Updated: ' + first.dataset.label + ', ' + first.dataset.day + '.';
        }
      });
  }

  if (live && status && 'EventSource' in window) {
    setStatus('Connecting…', false);
    var queue = Promise.resolve();
    var source = new EventSource('/api/events/stream');
    var dropped = false;
    var later = function (id) {
      queue = queue.then(function () { return refresh(id); })
        .catch(function () { setStatus('Live, but the last refresh failed', true); });
    };
    source.onopen = function () {
      setStatus('Live', true);
      document.body.dataset.live = 'on';
      if (dropped) { later(null); } // catch up with what happened while disconnected
      dropped = false;
    };
    source.onerror = function () {
      setStatus('Reconnecting…', false);
      document.body.dataset.live = 'off';
      dropped = true;
    };
    window.setInterval(function () { if (!document.hidden) { later(null); } }, CATCH_UP_MS);
    source.onmessage = function (message) {
      var id = null;
      try { id = JSON.parse(message.data).eventId; } catch (e) { id = null; }
      later(id);
    };
  }

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value == null ? '' : String(value);
    if (cls) { el.className = cls; }
    return el;
  }

  function showEvidence(id, link) {
    opener = link;
    fetch('/api/events/' + encodeURIComponent(id), { headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (event) {
        panel.querySelector('#evidence-title').textContent = link.dataset.label || 'Evidence';
        panel.querySelector('.evidence-meta').textContent = (link.dataset.day || event.date) + ' · '
          + event.corroboration + (event.corroboration === 1 ? ' source' : ' sources');
        var list = panel.querySelector('.evidence-sources');
        list.textContent = '';
        (event.sources || []).forEach(function (s) {
          var li = document.createElement('li');
          li.appendChild(text('blockquote', s.evidence || '(no sentence stored)', 'quote'));
          var cite = text('p', '', 'cite');
          if (s.url && /^https?:\/\//i.test(s.url)) {
            var a = text('a', s.title || s.url);
            a.href = s.url;
            a.rel = 'noopener noreferrer';
            cite.appendChild(a);
          } else {
            cite.appendChild(text('span', s.title || ''));
          }
          cite.appendChild(document.createTextNode(' · ' + (s.feedName || '') + ' · ' + (s.publishedAt || '').slice(0, 10)));
          li.appendChild(cite);
          list.appendChild(li);
        });
        panel.querySelector('.evidence-link').href = '/events/' + encodeURIComponent(id);
        panel.hidden = false;
        panel.focus();
      })
      .catch(function () { window.location.href = link.href; });
  }

  function closePanel() {
    panel.hidden = true;
    if (opener && document.body.contains(opener)) { opener.focus(); }
  }

  if (panel) {
    document.addEventListener('click', function (e) {
      var a = e.target.closest && e.target.closest('a[data-event-id]');
      if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) { return; }
      e.preventDefault();
      showEvidence(a.dataset.eventId, a);
    });
    panel.querySelector('.close').addEventListener('click', closePanel);
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && !panel.hidden) { closePanel(); }
    });
  }
})();
