/* cocreate: the participant's phone page. Plain JavaScript, no framework, no build step.
   People's text only ever goes in with textContent. */
(function () {
  'use strict';

  var TEXTS = {
    en: {
      switchTo: '中文',
      switchLabel: 'Switch to Chinese',
      loading: 'Connecting to the salon…',
      tryAgain: 'Try again',
      joinAgain: 'Join again',
      joinTitle: 'Join the salon',
      joinLead: 'Pick your name, or add yours if it is not there.',
      pickName: 'Pick your name',
      noNames: 'Every name is taken. Add yours below.',
      newName: 'New here? Type your name',
      namePlaceholder: 'Your name',
      join: 'Join',
      joining: 'Joining…',
      approveHint: 'The facilitator lets new names in, so you may wait a moment.',
      nameRequired: 'Type your name first.',
      waitingTitle: 'Almost there',
      waitingText: 'Waiting for the facilitator to let you in…',
      waitingAs: 'You asked to join as {name}.',
      linkTitle: 'This link no longer works',
      linkText: 'Ask the facilitator for the new QR code and scan it again.',
      removedTitle: 'You are no longer in the salon',
      removedText: 'The facilitator removed this phone or stopped inviting. ' +
        'To join again, scan the QR code on the screen.',
      youAre: 'You are',
      tabWrite: 'Write',
      tabVote: 'Vote',
      noteLabel: 'Your note',
      notePlaceholder: 'What did you notice? One thought per note.',
      counter: '{n} / {max}',
      categoryLabel: 'Kind',
      cat_pain_point: 'Pain point',
      cat_idea: 'Idea',
      cat_question: 'Question',
      cat_praise: 'Praise',
      cat_need: 'Need',
      aboutLabel: 'About (optional)',
      aboutNone: 'The journey as a whole',
      wholeStage: '{name}: the whole stage',
      otherCards: 'Other cards',
      send: 'Send',
      sending: 'Sending…',
      sendPaused: 'Paused',
      sent: 'Sent to the board.',
      sentShort: 'Sent',
      sentPrivate: 'Sent face down: only you can see it until it is revealed.',
      myNotes: 'Your notes',
      myNotesEmpty: 'The notes you send appear here.',
      faceDown: 'Face down',
      inCluster: 'In a group',
      deleteNote: 'Delete',
      deleteConfirm: 'Tap again to delete',
      deleted: 'Note deleted.',
      revealMine: 'Reveal mine',
      revealed: 'Turned over: {n}.',
      privateTitle: 'Private mode.',
      privateText: 'Your notes arrive face down until the facilitator reveals them.',
      privateAuthor: 'Your notes arrive face down; you reveal them yourself with “Reveal mine”.',
      pausedTitle: 'Paused.',
      pausedText: 'The facilitator has paused input; you can send again when it resumes.',
      reconnecting: 'Reconnecting…',
      roundTitle: 'Voting round {round}',
      dotsLeft: '{left} of {budget} dots left',
      voteHint: 'Tap a note or card to give it a dot. Tap it again to take the dot back.',
      voteNotes: 'Notes',
      voteCards: 'Cards',
      voteEmpty: 'Nothing to vote on yet.',
      addDot: 'Give another dot',
      yourDots: 'your dots: {n}',
      noDotsLeft: 'No dots left. Take one back to move it.',
      timerLeft: 'Time left {time}',
      timerPaused: 'Timer paused at {time}',
      timerDone: 'Time is up',
      untitledCard: '(untitled card)',
      err_network: 'No connection to the salon. Check the Wi-Fi and try again.',
      err_401: 'This phone is no longer in the salon. Scan the QR code to join again.',
      err_403: 'This link no longer works. Ask the facilitator for the new QR code.',
      err_not_yours: 'That note belongs to someone else.',
      err_not_allowed: 'That is not possible now: the facilitator reveals the notes.',
      err_not_found: 'That is no longer on the board.',
      err_name_taken: 'That name is taken. Pick another, or add an initial.',
      err_in_cluster: 'That note is in a group now, so it stays on the board.',
      err_no_round: 'The voting round has ended.',
      err_no_votes_left: 'No dots left. Take one back first.',
      err_409: 'That clashed with a change on the board. Try again.',
      err_413: 'That is too long to send. Shorten it and try again.',
      err_421: 'Open the address exactly as it is shown on the screen.',
      err_422: 'That note cannot be added: write up to 500 characters and pick a kind.',
      err_empty: 'Write something first.',
      err_429: 'Slow down a little: try again in {n} s.',
      err_503: 'Input is paused by the facilitator. Try again when it resumes.',
      err_room_full: 'The room is full. Ask the facilitator to make space.',
      err_waiting: 'The facilitator has not let you in yet. Please wait a moment.',
      err_busy: 'The board is busy. Try again in a moment.',
      err_closed: 'The facilitator has stopped inviting.',
      err_too_long: 'That is longer than 500 characters. Shorten it a little.',
      err_unknown_stage: 'That stage is no longer on the journey. Pick another.',
      err_unknown_card: 'That card is no longer on the journey. Pick another.',
      err_timeout: 'The connection is slow. Try again.',
      err_other: 'Something went wrong (error {status}). Try again.'
    },
    zh: {
      switchTo: 'EN',
      switchLabel: '切换到英文',
      loading: '正在连接工作坊…',
      tryAgain: '重试',
      joinAgain: '重新加入',
      joinTitle: '加入工作坊',
      joinLead: '选择你的名字；如果没有，请添加。',
      pickName: '选择你的名字',
      noNames: '所有名字都已被选用，请在下方添加你的名字。',
      newName: '第一次来？请输入你的名字',
      namePlaceholder: '你的名字',
      join: '加入',
      joining: '正在加入…',
      approveHint: '新名字需经主持人同意后加入，请稍候。',
      nameRequired: '请先输入你的名字。',
      waitingTitle: '马上就好',
      waitingText: '正在等待主持人让你加入…',
      waitingAs: '你申请以“{name}”的身份加入。',
      linkTitle: '此链接已失效',
      linkText: '请向主持人索取新的二维码，然后重新扫描。',
      removedTitle: '你已不在工作坊中',
      removedText: '主持人已移除这台手机，或已停止邀请。如需重新加入，请扫描屏幕上的二维码。',
      youAre: '你是',
      tabWrite: '写便利贴',
      tabVote: '投票',
      noteLabel: '你的便利贴',
      notePlaceholder: '你注意到了什么？每张便利贴写一个想法。',
      counter: '{n} / {max}',
      categoryLabel: '类型',
      cat_pain_point: '痛点',
      cat_idea: '想法',
      cat_question: '问题',
      cat_praise: '好评',
      cat_need: '需求',
      aboutLabel: '关于（可选）',
      aboutNone: '整个旅程',
      wholeStage: '{name}：整个阶段',
      otherCards: '其他触点',
      send: '发送',
      sending: '正在发送…',
      sendPaused: '已暂停',
      sent: '已发送到看板。',
      sentShort: '已发送',
      sentPrivate: '已背面朝上发送：揭晓之前只有你能看到。',
      myNotes: '你的便利贴',
      myNotesEmpty: '你发送的便利贴会显示在这里。',
      faceDown: '背面朝上',
      inCluster: '已归组',
      deleteNote: '删除',
      deleteConfirm: '再点一次删除',
      deleted: '便利贴已删除。',
      revealMine: '揭晓我的便利贴',
      revealed: '已揭晓 {n} 张。',
      privateTitle: '私密模式。',
      privateText: '你的便利贴会背面朝上提交，由主持人揭晓。',
      privateAuthor: '你的便利贴会背面朝上提交，请点“揭晓我的便利贴”自行揭晓。',
      pausedTitle: '已暂停。',
      pausedText: '主持人已暂停输入，恢复后即可继续发送。',
      reconnecting: '正在重新连接…',
      roundTitle: '第 {round} 轮投票',
      dotsLeft: '剩余 {left} / {budget} 票',
      voteHint: '点一下便利贴或触点即投一票，再点一下撤回。',
      voteNotes: '便利贴',
      voteCards: '触点',
      voteEmpty: '暂无可投票的内容。',
      addDot: '再投一票',
      yourDots: '你的票数：{n}',
      noDotsLeft: '票已投完。撤回一票即可改投。',
      timerLeft: '剩余时间 {time}',
      timerPaused: '计时暂停于 {time}',
      timerDone: '时间到',
      untitledCard: '（未命名触点）',
      err_network: '无法连接工作坊。请检查 Wi-Fi 后重试。',
      err_401: '这台手机已不在工作坊中。请扫描二维码重新加入。',
      err_403: '此链接已失效。请向主持人索取新的二维码。',
      err_not_yours: '这张便利贴不是你的。',
      err_not_allowed: '现在无法这样做：便利贴由主持人揭晓。',
      err_not_found: '该内容已不在看板上。',
      err_name_taken: '这个名字已被使用。请换一个，或加上姓氏首字母。',
      err_in_cluster: '这张便利贴已被归组，会保留在看板上。',
      err_no_round: '本轮投票已结束。',
      err_no_votes_left: '票已投完，请先撤回一票。',
      err_409: '与看板上的改动冲突，请重试。',
      err_413: '内容太长，无法发送。请缩短后重试。',
      err_421: '请按屏幕上显示的地址原样打开。',
      err_422: '无法添加这张便利贴：最多 500 个字符，并请选择类型。',
      err_empty: '请先写点内容。',
      err_429: '操作太快了，请 {n} 秒后再试。',
      err_503: '主持人已暂停输入，恢复后请重试。',
      err_room_full: '房间已满，请联系主持人。',
      err_waiting: '主持人还没有让你加入，请稍候。',
      err_busy: '看板正忙，请稍后重试。',
      err_closed: '主持人已停止邀请。',
      err_too_long: '超过了 500 个字符，请缩短一些。',
      err_unknown_stage: '该阶段已不在旅程中，请另选一个。',
      err_unknown_card: '该触点已不在旅程中，请另选一个。',
      err_timeout: '网络较慢，请重试。',
      err_other: '出错了（错误 {status}），请重试。'
    }
  };

  // Error codes the server may send that share a message with another code.
  var ERROR_ALIASES = {
    paused: 'err_503', bad_token: 'err_403', too_large: 'err_413', wrong_host: 'err_421',
    no_device: 'err_401', removed: 'err_401'
  };
  var STATUS_ERRORS = {
    401: 'err_401', 403: 'err_403', 404: 'err_not_found', 409: 'err_409', 413: 'err_413',
    421: 'err_421', 422: 'err_422', 503: 'err_503'
  };
  var CATEGORIES = ['pain_point', 'idea', 'question', 'praise', 'need'];
  var CATEGORY_COLORS = {
    pain_point: '#ef9a9a', idea: '#fff176', question: '#90caf9', praise: '#a5d6a7', need: '#ce93d8'
  };
  var MAX_NOTE = 500;
  var STATE_GAP_MS = 1000;
  var HEX = /^#[0-9a-fA-F]{6}$/;

  var app = {
    lang: 'en',
    token: '',
    lobby: null,
    state: null,
    screen: 'loading',
    gone: 'removed',
    askedName: '',
    tab: 'write',
    roundShown: null,
    category: 'idea',
    pending: null,
    busy: false,
    sentFlash: false,
    sentTimer: 0,
    voteBusy: false,
    confirmDelete: null,
    confirmTimer: 0,
    aboutKey: '',
    events: null,
    connected: true,
    retryDelay: 1000,
    retryTimer: 0,
    timer: { state: 'idle', remaining: 0, at: 0 },
    load: { inFlight: false, again: false, last: 0, timerId: 0 },
    toastTimer: 0
  };

  // ---------------------------------------------------------------- helpers

  function $(id) { return document.getElementById(id); }

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  function t(key, params) {
    var table = TEXTS[app.lang];
    var text = has(table, key) ? table[key] : (has(TEXTS.en, key) ? TEXTS.en[key] : key);
    if (params) {
      Object.keys(params).forEach(function (name) {
        text = text.split('{' + name + '}').join(String(params[name]));
      });
    }
    return text;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function show(node, visible) { node.hidden = !visible; }

  function safeColor(value, fallback) { return HEX.test(value || '') ? value : fallback; }

  function setColor(node, name, value) { node.style.setProperty(name, value); }

  function pickLanguage() {
    var saved = null;
    try { saved = window.localStorage.getItem('cocreate_lang'); } catch (e) { saved = null; }
    if (saved === 'en' || saved === 'zh') { return saved; }
    var wanted = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
    return /^zh/i.test(wanted) ? 'zh' : 'en';
  }

  function tokenFromPath() {
    var match = /^\/j\/([^/?#]+)/.exec(window.location.pathname);
    if (!match) { return ''; }
    try { return decodeURIComponent(match[1]); } catch (e) { return ''; }
  }

  function newClientId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    if (window.crypto && window.crypto.getRandomValues) {
      window.crypto.getRandomValues(bytes);
    } else {
      for (var i = 0; i < 16; i += 1) { bytes[i] = Math.floor(Math.random() * 256); }
    }
    return Array.prototype.map.call(bytes, function (b) {
      return (b + 256).toString(16).slice(1);
    }).join('');
  }

  function clock(seconds) {
    var whole = Math.max(0, Math.ceil(seconds));
    var minutes = Math.floor(whole / 60);
    var rest = whole % 60;
    return minutes + ':' + (rest < 10 ? '0' : '') + rest;
  }

  // ---------------------------------------------------------------- talking to the room

  function api(method, path, body, headers) {
    var sent = { 'Accept': 'application/json' };
    if (method !== 'GET') { sent['X-Cocreate'] = '1'; }
    if (body !== undefined) { sent['Content-Type'] = 'application/json'; }
    Object.keys(headers || {}).forEach(function (name) { sent[name] = headers[name]; });
    var options = {
      method: method, headers: sent, credentials: 'same-origin', cache: 'no-store'
    };
    if (body !== undefined) { options.body = JSON.stringify(body); }
    return window.fetch(path, options).then(function (response) {
      var retry = parseInt(response.headers.get('Retry-After') || '0', 10) || 0;
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { ok: response.ok, status: response.status, data: data || {}, retryAfter: retry };
      });
    }, function () {
      return { ok: false, status: 0, data: {}, retryAfter: 0 };
    });
  }

  function errorText(result) {
    if (result.status === 0) { return t('err_network'); }
    if (result.status === 429) { return t('err_429', { n: Math.max(1, result.retryAfter || 1) }); }
    var code = typeof result.data.error === 'string' ? result.data.error : '';
    if (code && has(TEXTS.en, 'err_' + code)) { return t('err_' + code); }
    if (code && has(ERROR_ALIASES, code)) { return t(ERROR_ALIASES[code]); }
    if (has(STATUS_ERRORS, result.status)) { return t(STATUS_ERRORS[result.status]); }
    return t('err_other', { status: result.status });
  }

  /** A failed change: a removed phone leaves the room, anything else is said in a toast. */
  function failed(result) {
    if (result.status === 401) { leave('removed'); return; }
    toast(errorText(result), true);
  }

  function requestState() {
    var load = app.load;
    if (load.inFlight) { load.again = true; return; }
    if (load.timerId) { return; }
    var wait = Math.max(0, load.last + STATE_GAP_MS - Date.now());
    load.timerId = window.setTimeout(loadState, wait);
  }

  function loadState() {
    var load = app.load;
    load.timerId = 0;
    load.inFlight = true;
    load.last = Date.now();
    return api('GET', '/api/state').then(function (result) {
      load.inFlight = false;
      if (result.ok) {
        acceptState(result.data);
      } else if (result.status === 401) {
        leave('removed');
      }
      if (load.again) { load.again = false; requestState(); }
      return result;
    });
  }

  function openEvents() {
    if (app.events || app.screen === 'gone') { return; }
    var source = new window.EventSource('/api/events');
    app.events = source;
    source.addEventListener('room', onRoomEvent);
    source.addEventListener('removed', function () { leave('removed'); });
    source.onopen = function () { setConnected(true); app.retryDelay = 1000; };
    source.onerror = function () {
      if (app.events !== source) { return; }
      setConnected(false);
      if (source.readyState === window.EventSource.CLOSED) {
        closeEvents();
        app.retryTimer = window.setTimeout(checkAfterDrop, app.retryDelay);
        app.retryDelay = Math.min(app.retryDelay * 2, 10000);
      }
    };
  }

  function closeEvents() {
    if (app.events) { app.events.close(); app.events = null; }
  }

  /** The stream closed for good: still in the room (reopen), or removed (say so). */
  function checkAfterDrop() {
    app.retryTimer = 0;
    api('GET', '/api/state').then(function (result) {
      if (result.status === 401) { leave('removed'); return; }
      if (result.ok) { acceptState(result.data); }
      openEvents();
    });
  }

  function onRoomEvent(event) {
    var room;
    try { room = JSON.parse(event.data); } catch (e) { return; }
    if (!room || typeof room !== 'object') { return; }
    setConnected(true);
    var state = app.state;
    if (state) {
      state.paused = !!room.paused;
      state.private_mode = !!room.private_mode;
      if (room.reveal_policy) { state.reveal_policy = room.reveal_policy; }
      mergeVoting(state, room.voting);
    }
    if (room.timer) { setTimer(room.timer); }
    var waiting = app.screen === 'waiting' && room.status === 'active';
    if (!state || waiting || room.version !== state.version) { requestState(); }
    if (state && app.screen === 'room') { renderRoom(); }
  }

  /** The round from the event at once; the dots given come with the state right after. */
  function mergeVoting(state, voting) {
    if (!voting) { state.voting = null; return; }
    var current = state.voting;
    if (!current || current.round !== voting.round) {
      state.voting = { round: voting.round, budget: voting.budget, left: voting.budget, mine: [] };
    } else {
      current.budget = voting.budget;
    }
  }

  function setConnected(on) {
    app.connected = on;
    show($('banner-offline'), !on && app.screen !== 'gone');
  }

  function setTimer(timer) {
    app.timer = {
      state: String(timer.state || 'idle'),
      remaining: Number(timer.remaining) || 0,
      at: Date.now()
    };
    renderTimer();
  }

  // ---------------------------------------------------------------- screens

  function showScreen(name) {
    app.screen = name;
    ['loading', 'join', 'waiting', 'gone', 'room'].forEach(function (screen) {
      show($('screen-' + screen), screen === name);
    });
    if (name !== 'room') {
      show($('banner-paused'), false);
      show($('banner-private'), false);
    }
    if (name === 'gone') { show($('banner-offline'), false); }
  }

  function leave(kind) {
    closeEvents();
    if (app.retryTimer) { window.clearTimeout(app.retryTimer); app.retryTimer = 0; }
    app.gone = kind;
    app.timer = { state: 'idle', remaining: 0, at: 0 };
    renderTimer();
    showScreen('gone');
    renderGone();
  }

  function renderGone() {
    var link = app.gone === 'link';
    $('gone-title').textContent = t(link ? 'linkTitle' : 'removedTitle');
    $('gone-text').textContent = t(link ? 'linkText' : 'removedText');
    show($('gone-retry'), !link);
  }

  function start() {
    app.lang = pickLanguage();
    app.token = tokenFromPath();
    bindControls();
    applyTexts();
    showScreen('loading');
    window.setInterval(renderTimer, 500);
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible' && app.screen === 'room') {
        requestState();
        if (!app.events && !app.retryTimer) { openEvents(); }
      }
    });
    enter();
  }

  /** Already in the room with this phone (a reload)? Else the lobby. */
  function enter() {
    show($('loading-retry'), false);
    $('loading-text').textContent = t('loading');
    api('GET', '/api/state').then(function (result) {
      if (result.ok) {
        acceptState(result.data);
        openEvents();
      } else if (result.status === 0) {
        loadingFailed(result);
      } else {
        openLobby();
      }
    });
  }

  function loadingFailed(result) {
    $('loading-text').textContent = errorText(result);
    show($('loading-retry'), true);
  }

  function openLobby() {
    if (!app.token) { leave('link'); return; }
    api('GET', '/api/lobby', undefined, { 'X-Cocreate-Token': app.token }).then(function (result) {
      if (result.ok) {
        app.lobby = result.data;
        showScreen('join');
        renderJoin();
      } else if (result.status === 403) {
        leave('link');
      } else {
        showScreen('loading');
        loadingFailed(result);
      }
    });
  }

  function acceptState(state) {
    // An answer that arrives after the phone left the room does not bring it back.
    if (!state || !state.you || app.screen === 'gone') { return; }
    app.state = state;
    if (state.timer) { setTimer(state.timer); }
    if (state.you.status === 'waiting') {
      showScreen('waiting');
      return;
    }
    if (app.screen !== 'room') { showScreen('room'); }
    renderRoom();
  }

  // ---------------------------------------------------------------- join

  function renderJoin() {
    var lobby = app.lobby || {};
    setTitle(lobby.session);
    var list = $('names');
    var free = (lobby.participants || []).filter(function (p) { return !p.taken; });
    list.replaceChildren();
    free.forEach(function (person) {
      var item = el('li');
      var button = el('button', 'name-choice');
      button.type = 'button';
      var swatch = el('span', 'swatch');
      setColor(swatch, '--swatch', safeColor(person.color, '#cfd8dc'));
      button.append(swatch, el('span', 'name-text', person.name));
      button.addEventListener('click', function () { join({ participant_id: person.id }); });
      item.append(button);
      list.append(item);
    });
    list.classList.toggle('many', free.length > 6);
    show($('names-empty'), free.length === 0);
    show($('approve-hint'), !!lobby.approve_newcomers);
  }

  function setTitle(session) {
    var title = session && session.title ? String(session.title) : 'cocreate';
    $('session-title').textContent = title;
    document.title = title === 'cocreate' ? title : title + ' · cocreate';
  }

  function joinError(text) {
    var box = $('join-error');
    box.textContent = text;
    show(box, !!text);
  }

  function join(body) {
    if (app.busy) { return; }
    body.token = app.token;
    app.busy = true;
    joinError('');
    setJoinBusy(true);
    api('POST', '/api/join', body).then(function (result) {
      app.busy = false;
      setJoinBusy(false);
      if (result.status === 202) {
        app.askedName = body.name || '';
        renderWaiting();
        showScreen('waiting');
        openEvents();
      } else if (result.ok) {
        loadState().then(openEvents);
      } else if (result.data.error === 'bad_token') {
        leave('link');
      } else {
        joinError(errorText(result));
        if (result.status === 409) { openLobby(); }
      }
    });
  }

  function renderWaiting() {
    var line = $('waiting-name');
    line.textContent = app.askedName ? t('waitingAs', { name: app.askedName }) : '';
    show(line, !!app.askedName);
  }

  function setJoinBusy(on) {
    var button = $('join-button');
    button.disabled = on;
    button.textContent = t(on ? 'joining' : 'join');
    Array.prototype.forEach.call(document.querySelectorAll('.name-choice'), function (b) {
      b.disabled = on;
    });
  }

  function submitName(event) {
    event.preventDefault();
    var name = $('new-name').value.trim();
    if (!name) { joinError(t('nameRequired')); $('new-name').focus(); return; }
    // Typing a name that is in the list (and free) picks it.
    var folded = name.toLowerCase();
    var listed = ((app.lobby && app.lobby.participants) || []).filter(function (person) {
      return !person.taken && String(person.name).trim().toLowerCase() === folded;
    })[0];
    join(listed ? { participant_id: listed.id } : { name: name });
  }

  // ---------------------------------------------------------------- the room

  function renderRoom() {
    var state = app.state;
    if (!state) { return; }
    setTitle(state.session);
    var person = state.you.participant || {};
    $('you-name').textContent = person.name || '';
    setColor($('you-swatch'), '--swatch', safeColor(person.color, '#cfd8dc'));
    show($('banner-paused'), !!state.paused);
    show($('banner-private'), !!state.private_mode);
    $('private-text').textContent = t(state.reveal_policy === 'author' ? 'privateAuthor' : 'privateText');
    renderTabs();
    renderAbout();
    renderSend();
    renderMyNotes();
    renderVoting();
  }

  function renderTabs() {
    var voting = app.state.voting;
    if (voting && app.roundShown !== voting.round) {
      // A new round opens the ballot, unless that would hide a note being written.
      app.roundShown = voting.round;
      if (!$('note-text').value.trim()) { app.tab = 'vote'; window.scrollTo(0, 0); }
    }
    if (!voting) { app.roundShown = null; app.tab = 'write'; }
    show($('tabs'), !!voting);
    $('tab-vote-count').textContent = voting ? String(voting.left) : '';
    ['write', 'vote'].forEach(function (name) {
      var selected = app.tab === name;
      $('tab-' + name).setAttribute('aria-selected', selected ? 'true' : 'false');
      show($('pane-' + name), selected);
    });
  }

  function selectTab(name) {
    app.tab = name;
    renderTabs();
    window.scrollTo(0, 0);
  }

  function journey() {
    var value = app.state && app.state.journey;
    return {
      stages: (value && value.stages) || [],
      cards: (value && value.cards) || []
    };
  }

  function stageName(id) {
    var found = journey().stages.filter(function (s) { return s.id === id; })[0];
    return found ? found.name : '';
  }

  function categoryName(category) {
    return CATEGORIES.indexOf(category) >= 0 ? t('cat_' + category) : '';
  }

  function cardTitle(card) { return card.title ? card.title : t('untitledCard'); }

  function aboutText(note) {
    if (note.touchpoint_id) {
      var card = journey().cards.filter(function (c) { return c.id === note.touchpoint_id; })[0];
      return card ? cardTitle(card) : '';
    }
    return note.stage_id ? stageName(note.stage_id) : '';
  }

  function renderCategories() {
    var box = $('categories');
    box.replaceChildren();
    CATEGORIES.forEach(function (category) {
      var chip = el('button', 'chip');
      chip.type = 'button';
      chip.setAttribute('role', 'radio');
      chip.setAttribute('aria-checked', category === app.category ? 'true' : 'false');
      chip.dataset.category = category;
      var dot = el('span', 'chip-dot');
      setColor(dot, '--swatch', CATEGORY_COLORS[category]);
      chip.append(dot, el('span', null, t('cat_' + category)));
      chip.addEventListener('click', function () {
        app.category = category;
        renderCategories();
      });
      box.append(chip);
    });
  }

  /** The stage or card a note is about; rebuilt only when the journey or language changes. */
  function renderAbout() {
    var select = $('about');
    var data = journey();
    var key = app.lang + JSON.stringify(data);
    if (key === app.aboutKey) { return; }
    app.aboutKey = key;
    var chosen = select.value;
    select.replaceChildren(option('', t('aboutNone')));
    var placed = {};
    data.stages.forEach(function (stage) {
      var group = el('optgroup');
      group.label = stage.name;
      group.append(option('s:' + stage.id, t('wholeStage', { name: stage.name })));
      data.cards.forEach(function (card) {
        if (card.stage_id === stage.id) {
          group.append(option('c:' + card.id, cardTitle(card)));
          placed[card.id] = true;
        }
      });
      select.append(group);
    });
    var rest = data.cards.filter(function (card) { return !placed[card.id]; });
    if (rest.length) {
      var other = el('optgroup');
      other.label = t('otherCards');
      rest.forEach(function (card) { other.append(option('c:' + card.id, cardTitle(card))); });
      select.append(other);
    }
    select.value = chosen;
    if (select.value !== chosen) { select.value = ''; }
  }

  function option(value, text) {
    var node = el('option', null, text);
    node.value = value;
    return node;
  }

  function renderCounter() {
    var length = $('note-text').value.length;
    var counter = $('counter');
    counter.textContent = t('counter', { n: length, max: MAX_NOTE });
    counter.classList.toggle('near', length >= MAX_NOTE - 50);
  }

  function renderSend() {
    var paused = !!(app.state && app.state.paused);
    var button = $('send');
    var label = app.busy ? 'sending' : (paused ? 'sendPaused' : (app.sentFlash ? 'sentShort' : 'send'));
    button.disabled = paused || app.busy;
    button.textContent = t(label);
    button.classList.toggle('done', label === 'sentShort');
  }

  /** Sent: the button says so for a moment (no toast over the list), and a reader hears it. */
  function flashSent(announcement) {
    $('live').textContent = announcement;
    app.sentFlash = true;
    window.clearTimeout(app.sentTimer);
    app.sentTimer = window.setTimeout(function () {
      app.sentFlash = false;
      renderSend();
    }, 1800);
    renderSend();
  }

  function sendNote(event) {
    event.preventDefault();
    if (app.busy || (app.state && app.state.paused)) { return; }
    var text = $('note-text').value;
    if (!text.trim()) { toast(t('err_empty'), true); $('note-text').focus(); return; }
    var body = { text: text, category: app.category };
    var about = $('about').value;
    if (about.indexOf('s:') === 0) { body.stage_id = parseInt(about.slice(2), 10); }
    if (about.indexOf('c:') === 0) { body.touchpoint_id = parseInt(about.slice(2), 10); }
    // A retry of the same note carries the same client id, so it is never added twice.
    var key = JSON.stringify(body);
    if (!app.pending || app.pending.key !== key) {
      app.pending = { key: key, clientId: newClientId() };
    }
    body.client_id = app.pending.clientId;
    app.busy = true;
    renderSend();
    api('POST', '/api/notes', body).then(function (result) {
      app.busy = false;
      renderSend();
      if (result.ok) {
        app.pending = null;
        $('note-text').value = '';
        renderCounter();
        flashSent(t(app.state && app.state.private_mode ? 'sentPrivate' : 'sent'));
        requestState();
      } else {
        failed(result);
      }
    });
  }

  function myNotes() {
    var notes = (app.state && app.state.notes) || [];
    return notes.filter(function (note) { return note.mine; })
      .sort(function (a, b) { return b.id - a.id; });
  }

  function renderMyNotes() {
    var notes = myNotes();
    var list = $('my-notes');
    var mine = safeColor(app.state.you.participant && app.state.you.participant.color, '#fff59d');
    list.replaceChildren();
    notes.forEach(function (note) {
      var item = el('li', 'note' + (note.hidden ? ' face-down' : ''));
      setColor(item, '--note', safeColor(note.color, mine));
      var meta = el('div', 'note-meta');
      if (categoryName(note.category)) {
        meta.append(el('span', 'tag', categoryName(note.category)));
      }
      var about = aboutText(note);
      if (about) { meta.append(el('span', 'about', about)); }
      if (note.hidden) { meta.append(el('span', 'tag tag-hidden', t('faceDown'))); }
      item.append(meta, el('p', 'note-body', note.text));
      item.append(noteAction(note));
      list.append(item);
    });
    show($('my-notes-empty'), notes.length === 0);
    var hidden = notes.some(function (note) { return note.hidden; });
    show($('reveal'), hidden && app.state.reveal_policy === 'author');
    $('reveal').disabled = !!app.state.paused;
  }

  function noteAction(note) {
    var row = el('div', 'note-actions');
    if (note.clustered) {
      row.append(el('span', 'tag tag-cluster', t('inCluster')));
      return row;
    }
    var confirming = app.confirmDelete === note.id;
    var button = el('button', 'button small ' + (confirming ? 'danger' : 'quiet'),
      t(confirming ? 'deleteConfirm' : 'deleteNote'));
    button.type = 'button';
    button.disabled = !!app.state.paused;
    button.addEventListener('click', function () { deleteNote(note.id); });
    row.append(button);
    return row;
  }

  function deleteNote(id) {
    window.clearTimeout(app.confirmTimer);
    if (app.confirmDelete !== id) {
      app.confirmDelete = id;
      app.confirmTimer = window.setTimeout(function () {
        app.confirmDelete = null;
        renderMyNotes();
      }, 4000);
      renderMyNotes();
      return;
    }
    app.confirmDelete = null;
    api('DELETE', '/api/notes/' + encodeURIComponent(id)).then(function (result) {
      if (result.ok) {
        app.state.notes = app.state.notes.filter(function (note) { return note.id !== id; });
        renderMyNotes();
        toast(t('deleted'), false);
        requestState();
      } else {
        renderMyNotes();
        failed(result);
      }
    });
  }

  function revealMine() {
    $('reveal').disabled = true;
    api('POST', '/api/reveal').then(function (result) {
      $('reveal').disabled = false;
      if (result.ok) {
        toast(t('revealed', { n: result.data.revealed || 0 }), false);
        requestState();
      } else {
        failed(result);
      }
    });
  }

  // ---------------------------------------------------------------- voting

  function targetKey(target) {
    return target.note_id ? 'n:' + target.note_id : 't:' + target.touchpoint_id;
  }

  function dotsOn(key) {
    var voting = app.state.voting;
    return ((voting && voting.mine) || []).filter(function (t2) {
      return targetKey(t2) === key;
    }).length;
  }

  function renderVoting() {
    var voting = app.state.voting;
    if (!voting) { return; }
    var color = safeColor(app.state.you.participant && app.state.you.participant.color, '#90a4ae');
    $('round-title').textContent = t('roundTitle', { round: voting.round });
    $('dots-left').textContent = t('dotsLeft', { left: voting.left, budget: voting.budget });
    var dots = $('budget-dots');
    dots.replaceChildren();
    for (var i = 0; i < voting.budget; i += 1) {
      var dot = el('span', 'budget-dot' + (i < voting.left ? ' full' : ''));
      setColor(dot, '--swatch', color);
      dots.append(dot);
    }
    var notes = ((app.state.notes) || []).filter(function (note) { return !note.hidden; });
    var cards = journey().cards;
    fillVoteList($('vote-notes'), notes.map(function (note) {
      return {
        target: { note_id: note.id }, text: note.text, color: safeColor(note.color, '#fff59d'),
        meta: [categoryName(note.category), aboutText(note)]
      };
    }), color);
    fillVoteList($('vote-cards'), cards.map(function (card) {
      return {
        target: { touchpoint_id: card.id }, text: cardTitle(card), color: '',
        meta: [stageName(card.stage_id)]
      };
    }), color);
    show($('vote-notes-title'), notes.length > 0);
    show($('vote-cards-title'), cards.length > 0);
    show($('vote-empty'), notes.length + cards.length === 0);
  }

  function fillVoteList(list, items, myColor) {
    var voting = app.state.voting;
    var paused = !!app.state.paused;
    list.replaceChildren();
    items.forEach(function (item) {
      var key = targetKey(item.target);
      var given = dotsOn(key);
      var row = el('li', 'vote-row');
      var button = el('button', 'vote-item' + (given ? ' voted' : '') + (item.color ? '' : ' is-card'));
      button.type = 'button';
      button.dataset.target = key;
      button.setAttribute('aria-pressed', given ? 'true' : 'false');
      if (item.color) { setColor(button, '--note', item.color); }
      var body = el('span', 'vote-body');
      body.append(el('span', 'vote-text', item.text));
      var meta = item.meta.filter(Boolean).join(' · ');
      if (meta) { body.append(el('span', 'vote-meta', meta)); }
      var marks = el('span', 'vote-dots');
      marks.setAttribute('aria-label', t('yourDots', { n: given }));
      for (var i = 0; i < given; i += 1) {
        var dot = el('span', 'dot');
        setColor(dot, '--swatch', myColor);
        marks.append(dot);
      }
      button.append(body, marks);
      button.disabled = paused || (!given && voting.left <= 0);
      button.addEventListener('click', function () { vote(item.target, !given); });
      row.append(button);
      if (given && voting.left > 0) {
        var more = el('button', 'more', '+1');
        more.type = 'button';
        more.disabled = paused;
        more.setAttribute('aria-label', t('addDot'));
        more.addEventListener('click', function () { vote(item.target, true); });
        row.append(more);
      }
      list.append(row);
    });
  }

  function vote(target, give) {
    var voting = app.state.voting;
    if (app.voteBusy || !voting) { return; }
    if (give && voting.left <= 0) { toast(t('noDotsLeft'), true); return; }
    app.voteBusy = true;
    api(give ? 'POST' : 'DELETE', '/api/votes', target).then(function (result) {
      app.voteBusy = false;
      var current = app.state.voting;
      if (result.ok && current) {
        if (typeof result.data.left === 'number') { current.left = result.data.left; }
        current.mine = current.mine || [];
        if (give) {
          current.mine.push(target);
        } else {
          var key = targetKey(target);
          var index = current.mine.map(targetKey).lastIndexOf(key);
          if (index >= 0) { current.mine.splice(index, 1); }
        }
        renderTabs();
        renderVoting();
        requestState();
      } else if (!result.ok) {
        failed(result);
        requestState();
      }
    });
  }

  // ---------------------------------------------------------------- timer, toast, language

  function renderTimer() {
    var node = $('timer');
    var timer = app.timer;
    if (timer.state === 'idle' || app.screen !== 'room') { show(node, false); return; }
    var left = timer.remaining;
    if (timer.state === 'running') { left = Math.max(0, left - (Date.now() - timer.at) / 1000); }
    var text = clock(left);
    node.className = 'timer timer-' + timer.state + (timer.state === 'running' && left <= 60 ? ' ending' : '');
    if (timer.state === 'finished' || (timer.state === 'running' && left <= 0)) {
      node.textContent = t('timerDone');
      node.setAttribute('aria-label', t('timerDone'));
    } else {
      node.textContent = text;
      node.setAttribute('aria-label', t(timer.state === 'paused' ? 'timerPaused' : 'timerLeft', { time: text }));
    }
    show(node, true);
  }

  function toast(text, isError) {
    var node = $('toast');
    node.textContent = text;
    node.className = 'toast' + (isError ? ' toast-error' : '');
    node.setAttribute('role', isError ? 'alert' : 'status');
    show(node, true);
    window.clearTimeout(app.toastTimer);
    app.toastTimer = window.setTimeout(function () { show(node, false); }, isError ? 6000 : 3000);
  }

  function applyTexts() {
    document.documentElement.lang = app.lang === 'zh' ? 'zh-CN' : 'en';
    Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (node) {
      node.textContent = t(node.getAttribute('data-t'));
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-t-placeholder]'), function (node) {
      node.placeholder = t(node.getAttribute('data-t-placeholder'));
    });
    var lang = $('lang');
    lang.textContent = t('switchTo');
    lang.setAttribute('aria-label', t('switchLabel'));
    renderCategories();
    renderCounter();
    renderGone();
    renderWaiting();
    renderSend();
    setJoinBusy(app.busy && app.screen === 'join');
    if (app.screen === 'join') { renderJoin(); }
    if (app.screen === 'room') { renderRoom(); }
    renderTimer();
  }

  function switchLanguage() {
    app.lang = app.lang === 'zh' ? 'en' : 'zh';
    try { window.localStorage.setItem('cocreate_lang', app.lang); } catch (e) { /* private tab */ }
    applyTexts();
  }

  function bindControls() {
    $('lang').addEventListener('click', switchLanguage);
    $('join-form').addEventListener('submit', submitName);
    $('loading-retry').addEventListener('click', enter);
    $('gone-retry').addEventListener('click', openLobby);
    $('note-form').addEventListener('submit', sendNote);
    $('note-text').addEventListener('input', renderCounter);
    $('reveal').addEventListener('click', revealMine);
    $('tab-write').addEventListener('click', function () { selectTab('write'); });
    $('tab-vote').addEventListener('click', function () { selectTab('vote'); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
