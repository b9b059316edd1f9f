// The ai-lab dashboard. One script for the served page (data from /api/, live through one
// Server-Sent Events stream) and for the exported file (data from the inline snapshot, routes in
// the hash). Everything from the store is put in the page as text (textContent); the only HTML
// inserted is an item body that the server rendered with raw HTML escaped.
(function () {
  'use strict';

  var settings = readJson('settings') || {};
  var snapshot = readJson('snapshot');
  var exported = settings.mode === 'export';
  var STATUSES = ['todo', 'doing', 'blocked', 'done'];
  var PRIORITIES = ['urgent', 'high', 'normal', 'low'];
  var FILTERS = ['project', 'label', 'assignee', 'priority', 'q'];
  var COLUMN_LIMIT = 200; // cards drawn per column; the count above it is always exact

  // Versions (see LiveUpdates): every answer of /api/ names the live version it holds at least,
  // every change event its own, hello the one its stream starts after. dataVersion is what the
  // drawn view holds; events that come while a view loads wait in pending.
  var state = { items: null, overview: null, instance: null, connected: false,
    loading: false, pending: [], dataVersion: -1, loadVersion: Infinity, helloVersion: -1, renders: 0 };
  var view = document.getElementById('view');

  function readJson(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  // ------------------------------------------------------------------ small DOM helpers

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') { e.textContent = attrs[k]; } else if (k === 'cls') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) { if (c !== null && c !== undefined) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }

  function table(headers, rows, numeric) {
    var head = el('tr', null, headers.map(function (h, i) { return el('th', { text: h, cls: numeric && numeric[i] ? 'num' : '' }); }));
    var body = rows.map(function (r) {
      return el('tr', null, r.map(function (v, i) {
        var td = el('td', { cls: numeric && numeric[i] ? 'num' : '' });
        if (v instanceof Node) { td.appendChild(v); } else { td.textContent = v === null || v === undefined ? '-' : String(v); }
        return td;
      }));
    });
    return el('table', null, [el('thead', null, [head]), el('tbody', null, body)]);
  }

  function notice(text) {
    var n = document.getElementById('notice');
    n.textContent = text || '';
    n.hidden = !text;
  }

  // ------------------------------------------------------------------ routes

  function currentRoute() {
    var path, search;
    if (exported) {
      var h = location.hash.replace(/^#/, '') || '/';
      var q = h.indexOf('?');
      path = q < 0 ? h : h.substring(0, q);
      search = q < 0 ? '' : h.substring(q + 1);
    } else {
      path = location.pathname;
      search = location.search.replace(/^\?/, '');
    }
    var name = path.replace(/^\//, '') || 'overview';
    return { view: name, params: new URLSearchParams(search) };
  }

  function href(name, params) {
    var qs = params && params.toString() ? '?' + params.toString() : '';
    return exported ? '#/' + name + qs : '/' + name + qs;
  }

  function go(name, params, replace) {
    var target = href(name, params);
    if (exported) {
      if (replace) { history.replaceState(null, '', target); render(); } else { location.hash = target.substring(1); }
    } else {
      history[replace ? 'replaceState' : 'pushState'](null, '', target);
      render();
    }
  }

  function link(text, name, params) {
    var a = el('a', { text: text, href: href(name, params) });
    a.addEventListener('click', function (e) {
      if (e.button === 0 && !e.ctrlKey && !e.metaKey) { e.preventDefault(); go(name, params); }
    });
    return a;
  }

  function itemLink(id, title) {
    return link('#' + id + (title ? ' ' + title : ''), 'item', new URLSearchParams({ id: String(id) }));
  }

  // ------------------------------------------------------------------ data

  function api(path) {
    return fetch(path, { headers: { Accept: 'application/json' } }).then(function (r) {
      var version = r.headers.get('X-AI-Lab-Version');
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.error + (body.hint ? ' (' + body.hint + ')' : '')); }
        if (version !== null) { state.loadVersion = Math.min(state.loadVersion, Number(version)); }
        return body;
      });
    });
  }

  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-AI-Lab-Token': settings.write_token || '' },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (b) {
        if (!r.ok) { throw new Error(b.error + (b.hint ? ' (' + b.hint + ')' : '')); }
        notice('');
        return b;
      });
    }).catch(function (e) { notice(e.message); throw e; });
  }

  function filterParams(params) {
    var p = new URLSearchParams();
    FILTERS.forEach(function (k) { if (params.get(k)) { p.set(k, params.get(k)); } });
    return p;
  }

  function loadItems(params) {
    if (exported) { return Promise.resolve(snapshot.items.filter(function (c) { return matches(c, params); })); }
    return api('/api/items?' + filterParams(params).toString());
  }

  function loadOverview() {
    if (exported) { return Promise.resolve(snapshot.overview); }
    return api('/api/overview');
  }

  // The same narrowing as the server's, for cards that arrive through the stream. Text search
  // also looks at bodies, which cards do not carry: with a text filter the server decides.
  function matches(card, params) {
    if (params.get('project') && card.project !== params.get('project')) { return false; }
    if (params.get('label') && card.labels.indexOf(params.get('label').toLowerCase()) < 0) { return false; }
    if (params.get('assignee') && card.assignee !== params.get('assignee')) { return false; }
    if (params.get('priority') && card.priority !== params.get('priority')) { return false; }
    if (exported && params.get('q')) {
      var q = params.get('q').toLowerCase();
      var body = (snapshot.bodies[card.id] || '').toLowerCase();
      if (card.title.toLowerCase().indexOf(q) < 0 && body.indexOf(q) < 0) { return false; }
    }
    return true;
  }

  // ------------------------------------------------------------------ views

  var views = {
    overview: function () {
      return loadOverview().then(function (o) {
        state.overview = o;
        drawOverview(o);
        return exported ? snapshot.host : api('/api/host');
      }).then(drawHost);
    },
    board: function (params) {
      return loadItems(params).then(function (cards) {
        state.items = new Map();
        cards.forEach(function (c) { state.items.set(c.id, c); });
        drawBoard(params);
      });
    },
    item: function (params) {
      var id = params.get('id');
      if (exported) {
        var card = snapshot.items.find(function (c) { return String(c.id) === id; });
        if (!card) { return Promise.reject(new Error('item #' + id + ' is not in this export')); }
        drawItem({ item: card, body_html: snapshot.bodies[card.id] || '', children: snapshot.items.filter(function (c) { return c.parent === card.id; }),
          sessions: snapshot.sessions.recent.filter(function (s) { return card.sessions.indexOf(s.id) >= 0; }), idea: null });
        return Promise.resolve();
      }
      return api('/api/items/' + encodeURIComponent(id)).then(drawItem);
    },
    sessions: function (params) {
      var p = new URLSearchParams();
      ['from', 'to', 'agent'].forEach(function (k) { if (params.get(k)) { p.set(k, params.get(k)); } });
      var load = exported ? Promise.resolve(snapshot.sessions) : api('/api/sessions?' + p.toString());
      return load.then(function (s) { drawSessions(s, params); });
    },
    projects: function () {
      var load = exported ? Promise.resolve(snapshot.projects) : api('/api/projects');
      return load.then(drawProjects);
    }
  };

  function render() {
    var route = currentRoute();
    var draw = views[route.view] || views.overview;
    document.querySelectorAll('nav a').forEach(function (a) {
      a.classList.toggle('active', a.getAttribute('data-view') === route.view || (route.view === 'item' && a.getAttribute('data-view') === 'board'));
    });
    var mine = ++state.renders;
    state.loading = true;
    state.loadVersion = Infinity;
    return draw(route.params).then(function () {
      if (mine !== state.renders) { return; } // a newer render took over
      state.loading = false;
      if (state.loadVersion !== Infinity) { state.dataVersion = state.loadVersion; }
      if (state.dataVersion < state.helloVersion) { render(); return; } // a change came before the stream opened
      var waiting = state.pending;
      state.pending = [];
      waiting.forEach(applyChange);
    }).catch(function (e) {
      if (mine === state.renders) { state.loading = false; state.pending = []; }
      view.replaceChildren(el('h1', { text: 'Cannot show this view' }), el('p', { text: e.message }));
    });
  }

  function storeBanner(exists, where) {
    var b = document.getElementById('banner');
    if (exists === false) {
      b.textContent = 'No store yet at ' + where + ': it appears here once a command such as \u2018ai-lab work add\u2019 creates it.';
      b.hidden = false;
    } else if (state.connected || exported) {
      b.hidden = true;
    }
  }

  function drawOverview(o) {
    storeBanner(o.store_exists, o.store);
    var totals = el('div', { cls: 'totals' }, STATUSES.map(function (s) {
      return el('div', { cls: 'total' }, [el('span', { cls: 'n', 'data-count': s, text: String(o.totals[s]) }), s]);
    }));
    var byProject = table(['project'].concat(STATUSES), o.by_project.map(function (p) {
      var name = p.project === null ? '(no project)' : link(p.project, 'board', new URLSearchParams({ project: p.project }));
      return [name, p.todo, p.doing, p.blocked, p.done];
    }), [false, true, true, true, true]);
    function dueRows(list) {
      return list.length === 0 ? el('p', { cls: 'muted', text: 'none' })
        : table(['item', 'project', 'status', 'due'], list.map(function (d) { return [itemLink(d.id, d.title), d.project, d.status, d.due]; }));
    }
    var agents = o.sessions_this_week.length === 0 ? el('p', { cls: 'muted', text: 'no sessions in the last seven days' })
      : table(['agent', 'sessions', 'tokens in', 'tokens out', 'cost'], o.sessions_this_week.map(function (a) {
        return [a.agent, a.sessions, a.tokens_in, a.tokens_out, a.cost.toFixed(2)];
      }), [false, true, true, true, true]);
    var backup = o.backup.file === null ? 'no database backup yet (ai-lab db backup makes one)'
      : 'newest database backup: ' + o.backup.age_hours + ' h old (' + o.backup.file + ')';
    view.replaceChildren(el('h1', { text: 'Overview' }), totals,
      el('h2', { text: 'Items by status per project' }), byProject,
      el('h2', { text: 'Due in the next seven days' }), el('div', { id: 'due-soon' }, [dueRows(o.due_this_week)]),
      el('h2', { text: 'Overdue' }), el('div', { id: 'overdue' }, [dueRows(o.overdue)]),
      el('h2', { text: 'Sessions in the last seven days, per agent' }), agents,
      el('h2', { text: 'Backups' }), el('p', { id: 'backup', text: backup }));
  }

  // The host's deploy status, when a host is set up here: its state and each agent's secret and container.
  function drawHost(h) {
    if (!h || !h.configured || currentRoute().view !== 'overview') { return; }
    var st = h.status;
    var agents = (st.agents || []).map(function (a) { return [a.name, a.secret, a.container, a.container_state]; });
    view.append(el('h2', { text: 'Host' }), el('p', { id: 'host-state', text: st.state + ' (' + st.reason + ')' + (st.next ? '; next: ' + st.next : '') }),
      agents.length ? table(['agent', 'secret', 'container', 'state'], agents) : el('p', { cls: 'muted', text: 'no agents configured' }));
  }

  function filterForm(params) {
    var form = el('form', { cls: 'filters', id: 'filters' });
    function field(name, label, control) {
      control.name = name;
      control.value = params.get(name) || '';
      form.appendChild(el('label', null, [label, control]));
    }
    field('project', 'project', el('input', { type: 'text', size: '12' }));
    field('label', 'label', el('input', { type: 'text', size: '10' }));
    field('assignee', 'assignee', el('input', { type: 'text', size: '10' }));
    var pri = el('select', null, [el('option', { value: '', text: 'any' })].concat(PRIORITIES.map(function (p) { return el('option', { value: p, text: p }); })));
    field('priority', 'priority', pri);
    field('q', 'text', el('input', { type: 'search', size: '16' }));
    form.appendChild(el('button', { type: 'submit', text: 'Filter' }));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var p = new URLSearchParams();
      FILTERS.forEach(function (k) { var v = form.elements[k].value.trim(); if (v) { p.set(k, v); } });
      go('board', p);
    });
    pri.addEventListener('change', function () { form.requestSubmit(); });
    return form;
  }

  function editForms() {
    if (!settings.allow_edit) { return null; }
    var item = el('form', { id: 'add-item' }, [el('input', { name: 'title', placeholder: 'new item title', size: '28', required: 'required' }),
      el('input', { name: 'project', placeholder: 'project', size: '10' }), el('button', { type: 'submit', text: 'Add item' })]);
    item.addEventListener('submit', function (e) {
      e.preventDefault();
      post('/api/items', { title: item.elements.title.value, project: item.elements.project.value || null }).then(function () { item.reset(); });
    });
    var idea = el('form', { id: 'add-idea' }, [el('input', { name: 'title', placeholder: 'new idea', size: '28', required: 'required' }),
      el('button', { type: 'submit', text: 'Add idea' })]);
    idea.addEventListener('submit', function (e) {
      e.preventDefault();
      post('/api/ideas', { title: idea.elements.title.value }).then(function () { idea.reset(); notice('idea added'); });
    });
    return el('div', { cls: 'edit' }, [item, idea]);
  }

  function move(id, status) {
    return post('/api/items/' + id + '/status', { status: status }).then(function (row) {
      var c = state.items && state.items.get(row.id);
      if (c) { c.status = row.status; drawColumns(currentRoute().params); }
    });
  }

  function drawCard(c) {
    var meta = el('div', { cls: 'meta' }, [el('span', { cls: 'pri-' + c.priority, text: c.priority })]);
    c.labels.forEach(function (l) { meta.appendChild(el('span', { cls: 'label', text: l })); });
    if (c.due) { meta.appendChild(el('span', { text: 'due ' + c.due })); }
    if (c.project) { meta.appendChild(el('span', { text: c.project })); }
    if (c.assignee) { meta.appendChild(el('span', { text: '@' + c.assignee })); }
    if (c.sessions.length) { meta.appendChild(el('span', { text: 'sessions ' + c.sessions.map(function (s) { return '#' + s; }).join(' ') })); }
    var card = el('div', { cls: 'card', 'data-id': String(c.id) }, [itemLink(c.id, c.title), meta]);
    if (settings.allow_edit) {
      card.setAttribute('draggable', 'true');
      card.addEventListener('dragstart', function (e) { e.dataTransfer.setData('text/plain', String(c.id)); });
      var sel = el('select', { cls: 'move', 'aria-label': 'move to' }, STATUSES.map(function (s) { return el('option', { value: s, text: s }); }));
      sel.value = c.status;
      sel.addEventListener('change', function () { move(c.id, sel.value); });
      meta.appendChild(sel);
    }
    return card;
  }

  function drawColumns(params) {
    var board = document.getElementById('board');
    if (!board) { return; }
    var cards = Array.from(state.items.values()).filter(function (c) { return matches(c, params); });
    cards.sort(function (a, b) { return PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority) || a.id - b.id; });
    board.replaceChildren.apply(board, STATUSES.map(function (s) {
      var mine = cards.filter(function (c) { return c.status === s; });
      var col = el('section', { cls: 'column', 'data-status': s }, [el('h2', null, [s, el('span', { cls: 'muted', 'data-count': s, text: String(mine.length) })])]);
      mine.slice(0, COLUMN_LIMIT).forEach(function (c) { col.appendChild(drawCard(c)); });
      if (mine.length > COLUMN_LIMIT) { col.appendChild(el('p', { cls: 'more', text: (mine.length - COLUMN_LIMIT) + ' more: narrow the filter' })); }
      if (settings.allow_edit) {
        col.addEventListener('dragover', function (e) { e.preventDefault(); col.classList.add('drop'); });
        col.addEventListener('dragleave', function () { col.classList.remove('drop'); });
        col.addEventListener('drop', function (e) { e.preventDefault(); col.classList.remove('drop'); move(e.dataTransfer.getData('text/plain'), s); });
      }
      return col;
    }));
  }

  function drawBoard(params) {
    view.replaceChildren(el('h1', { text: 'Board' }), filterForm(params), editForms(), el('div', { cls: 'board', id: 'board' }));
    drawColumns(params);
    // For bench/dashboard.sh: when the board was first usable, in the page's own clock.
    if (window.boardReadyAt === undefined) { window.boardReadyAt = performance.now(); }
    document.body.setAttribute('data-ready', 'board');
  }

  function drawItem(v) {
    var it = v.item;
    var rows = [['status', it.status], ['priority', it.priority], ['project', it.project], ['labels', (it.labels || []).join(', ')],
      ['assignee', it.assignee], ['due', it.due], ['parent', it.parent === null || it.parent === undefined ? null : itemLink(it.parent)],
      ['created', it.created], ['updated', it.updated]];
    var body = el('div', { cls: 'body', id: 'item-body' });
    body.innerHTML = v.body_html; // rendered by the server with raw HTML escaped and unsafe links dropped
    var parts = [el('h1', { id: 'item-title', text: '#' + it.id + ' ' + it.title }), table(['field', 'value'], rows), el('h2', { text: 'Description' }),
      v.body_html ? body : el('p', { cls: 'muted', text: 'no description' })];
    parts.push(el('h2', { text: 'Children' }));
    parts.push(v.children.length ? el('ul', null, v.children.map(function (c) { return el('li', null, [itemLink(c.id, c.title), ' ' + c.status]); }))
      : el('p', { cls: 'muted', text: 'none' }));
    parts.push(el('h2', { text: 'Sessions' }));
    parts.push(v.sessions.length ? table(['id', 'agent', 'model', 'started', 'ended', 'cost'], v.sessions.map(function (s) {
      return ['#' + s.id, s.agent, s.model, s.started, s.ended, s.cost];
    })) : el('p', { cls: 'muted', text: 'none' }));
    if (v.idea) { parts.push(el('h2', { text: 'From idea' }), el('p', { text: '#' + v.idea.id + ' ' + v.idea.title })); }
    view.replaceChildren.apply(view, parts);
  }

  function drawSessions(s, params) {
    var form = el('form', { cls: 'filters', id: 'session-filters' }, [
      el('label', null, ['from', el('input', { type: 'date', name: 'from', value: s.from })]),
      el('label', null, ['to', el('input', { type: 'date', name: 'to', value: s.to })]),
      el('label', null, ['agent', el('input', { type: 'text', name: 'agent', value: params.get('agent') || '', size: '10' })]),
      el('button', { type: 'submit', text: 'Show' })]);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var p = new URLSearchParams();
      ['from', 'to', 'agent'].forEach(function (k) { if (form.elements[k].value) { p.set(k, form.elements[k].value); } });
      go('sessions', p);
    });
    // One point per day of the period, zero where nothing ran.
    var days = [];
    for (var d = new Date(s.from + 'T00:00:00Z'); d <= new Date(s.to + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1)) {
      days.push(d.toISOString().substring(0, 10));
    }
    var index = {};
    days.forEach(function (day, i) { index[day] = i; });
    var tin = days.map(function () { return 0; });
    var tout = tin.slice();
    var cost = tin.slice();
    var groups = {};
    s.days.forEach(function (r) {
      var i = index[r.day];
      if (i !== undefined) { tin[i] += r.tokens_in; tout[i] += r.tokens_out; cost[i] += r.cost; }
      var key = r.agent + ' / ' + (r.model || '-');
      var g = groups[key] || (groups[key] = { sessions: 0, tin: 0, tout: 0, cost: 0 });
      g.sessions += r.sessions; g.tin += r.tokens_in; g.tout += r.tokens_out; g.cost += r.cost;
    });
    var xs = days.map(function (day) { return Date.parse(day + 'T00:00:00Z') / 1000; });
    var charts = el('div', { id: 'charts' });
    var perAgent = Object.keys(groups).sort().map(function (k) {
      var g = groups[k];
      return [k, g.sessions, g.tin, g.tout, g.cost.toFixed(2)];
    });
    view.replaceChildren(el('h1', { text: 'Sessions' }), form, charts,
      el('h2', { text: 'Per agent and model' }), perAgent.length ? table(['agent / model', 'sessions', 'tokens in', 'tokens out', 'cost'], perAgent, [false, true, true, true, true])
        : el('p', { cls: 'muted', text: 'no sessions in this period' }),
      el('h2', { text: 'Newest sessions' }), table(['id', 'project', 'agent', 'model', 'started', 'ended', 'tokens in', 'tokens out', 'cost'],
        s.recent.map(function (r) { return ['#' + r.id, r.project, r.agent, r.model, r.started, r.ended, r.tokens_in, r.tokens_out, r.cost]; })));
    if (window.uPlot) {
      var width = Math.min(720, Math.max(320, view.clientWidth - 40));
      var tokens = el('div', { cls: 'chart', id: 'chart-tokens' });
      var money = el('div', { cls: 'chart', id: 'chart-cost' });
      charts.append(tokens, money);
      new window.uPlot({ title: 'Tokens per day', width: width, height: 220,
        series: [{}, { label: 'in', stroke: '#0b5cad' }, { label: 'out', stroke: '#c2410c' }] }, [xs, tin, tout], tokens);
      new window.uPlot({ title: 'Cost per day', width: width, height: 220,
        series: [{}, { label: 'cost', stroke: '#15803d', fill: 'rgba(21,128,61,0.1)' }] }, [xs, cost], money);
    }
  }

  function drawProjects(list) {
    view.replaceChildren(el('h1', { text: 'Projects' }), list.length === 0 ? el('p', { cls: 'muted', text: 'no projects registered (ai-lab project register FOLDER)' })
      : table(['project', 'open items', 'last session', 'template', 'profile', 'folder'], list.map(function (p) {
        var folder = p.folder_missing ? el('span', { cls: 'missing', text: 'missing: ' + (p.path || '') }) : p.path;
        return [link(p.name, 'board', new URLSearchParams({ project: p.name })), p.open_items, p.last_session, p.template, p.profile, folder];
      }), [false, true, false, false, false, false]));
  }

  // ------------------------------------------------------------------ live updates

  function applyChange(ev) {
    if (exported) { return; }
    if (state.loading) { state.pending.push(ev); return; }
    if (ev.version <= state.dataVersion) { return; } // the drawn view holds it already
    state.dataVersion = ev.version;
    var route = currentRoute();
    if (ev.reload || !ev.overview) { render(); return; } // another store file (db restore): draw anew
    state.overview = ev.overview;
    if (route.view === 'overview') { drawOverview(ev.overview); return; }
    if (route.view === 'board' && state.items) {
      ev.removed.forEach(function (id) { state.items.delete(id); });
      var changed = ev.changed;
      var settle = Promise.resolve(changed);
      if (route.params.get('q') && changed.length) {
        // The server decides which changed items match the text (it searches bodies too).
        var p = filterParams(route.params);
        p.set('ids', changed.map(function (c) { return c.id; }).join(','));
        settle = api('/api/items?' + p.toString()).then(function (matching) {
          var ok = new Set(matching.map(function (c) { return c.id; }));
          changed.forEach(function (c) { if (!ok.has(c.id)) { state.items.delete(c.id); } });
          return matching;
        });
      }
      settle.then(function (cards) {
        cards.forEach(function (c) { state.items.set(c.id, c); });
        drawColumns(currentRoute().params);
      });
      return;
    }
    if (route.view === 'item' && ev.changed.concat(ev.removed).some(function (c) { return String(c.id === undefined ? c : c.id) === route.params.get('id'); })) { render(); return; }
    if ((route.view === 'sessions' && ev.sessions) || (route.view === 'projects' && ev.projects)) { render(); }
  }

  function connect() {
    var status = document.getElementById('connection');
    var source = new EventSource('/api/events');
    source.addEventListener('hello', function (e) {
      var hello = JSON.parse(e.data);
      var restarted = state.instance !== null && state.instance !== hello.instance;
      var wasDown = !state.connected && state.instance !== null;
      state.instance = hello.instance;
      state.connected = true;
      if (restarted) { state.dataVersion = -1; state.pending = []; }
      state.helloVersion = hello.version;
      status.textContent = settings.allow_edit ? 'live \u00b7 editing allowed' : 'live \u00b7 read-only';
      status.classList.remove('down');
      document.getElementById('banner').hidden = true;
      // Whatever changed while the stream was away, or between the first answer and this stream.
      if (restarted || wasDown || (!state.loading && state.dataVersion < state.helloVersion)) { render(); }
    });
    source.addEventListener('change', function (e) { applyChange(JSON.parse(e.data)); });
    source.onerror = function () {
      if (!state.connected && state.instance === null) { return; }
      state.connected = false;
      status.textContent = 'server stopped \u00b7 reconnecting';
      status.classList.add('down');
      var b = document.getElementById('banner');
      b.textContent = 'The dashboard server stopped. This page reconnects by itself when it is back.';
      b.hidden = false;
    };
  }

  // ------------------------------------------------------------------ start

  document.querySelectorAll('nav a').forEach(function (a) {
    var name = a.getAttribute('data-view');
    a.setAttribute('href', href(name));
    a.addEventListener('click', function (e) { if (e.button === 0 && !e.ctrlKey && !e.metaKey) { e.preventDefault(); go(name); } });
  });
  window.addEventListener(exported ? 'hashchange' : 'popstate', render);
  if (exported) {
    document.getElementById('connection').textContent = 'exported ' + snapshot.exported_at;
  } else {
    connect();
  }
  render();
}());
