/* The support chat room, live: new messages every two seconds, sending without reloading, and a room that
   closes itself when the session ends. The page works without this script (a form and a refresh link); this
   only adds to it. Messages are built as text nodes, never as HTML. */
(function () {
  "use strict";

  var room = document.querySelector("[data-chat]");
  if (!room || !window.fetch) return;

  var apiUrl = room.dataset.apiUrl;
  var cursor = parseInt(room.dataset.cursor || "0", 10) || 0;
  var open = room.dataset.open === "true";
  var log = room.querySelector("[data-chat-log]");
  var form = room.querySelector("[data-chat-form]");
  var input = room.querySelector("[data-chat-input]");
  var errors = room.querySelector("[data-chat-errors]");
  var status = room.querySelector("[data-chat-status]");
  var next = room.querySelector("[data-chat-next]");
  var text = room.dataset;
  var sendButton = form && form.querySelector("button[type=submit]:not([name=confirm])");
  var canRemove = false;
  var timer = null;
  var failures = 0;
  var sending = false; // one message in flight at a time: a second Enter does not post it twice
  var offline = false; // the errors on show are only "connection lost" (a successful poll clears that alone)
  var POLL_MS = 2000;

  function csrfToken() {
    var field = (form && form.querySelector("input[name=csrfmiddlewaretoken]")) ||
      document.querySelector("input[name=csrfmiddlewaretoken]");
    if (field) return field.value;
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  function showErrors(messages) {
    offline = false;
    if (!errors) return;
    errors.replaceChildren();
    messages.forEach(function (message) { errors.appendChild(el("p", "", message)); });
    errors.hidden = messages.length === 0;
  }

  function removeMessage(id) {
    var node = document.getElementById("message-" + id);
    if (node) node.remove();
  }

  // As the reader's sensitive-topic settings say: open, folded behind its warnings, or one line (the API sends
  // no words for a hidden one).
  function renderBody(message) {
    if (message.sensitive_choice === "hide") return el("p", "chat-hidden muted", text.textHidden);
    var body = el("div", "chat-body", message.body);
    if (message.sensitive_choice !== "collapse") return body;
    var fold = el("details", "content-warning");
    var labels = (message.content_warning_labels || message.content_warnings || []).join(", ");
    fold.appendChild(el("summary", "", text.textWarning + " " + labels + ". " + text.textShow));
    fold.appendChild(body);
    return fold;
  }

  function renderMessage(message) {
    if (document.getElementById("message-" + message.id)) return;
    var empty = log.querySelector("[data-chat-empty]");
    if (empty) empty.remove();
    var item = el("li", "chat-message" + (message.is_mine ? " mine" : ""));
    item.id = "message-" + message.id;
    item.dataset.messageId = message.id;
    var meta = el("p", "chat-meta");
    meta.appendChild(el("span", "chat-author", message.author ? message.author.name : text.textFormer));
    meta.appendChild(document.createTextNode(" "));
    var time = el("time", "", message.time);
    time.dateTime = message.created_at;
    meta.appendChild(time);
    item.appendChild(meta);
    item.appendChild(renderBody(message));
    if (message.removed) markRemoved(item, message.is_mine);
    else if (message.held) item.appendChild(el("p", "comment-status", text.textHeld));
    if (message.crisis) {
      var help = el("p", "chat-help");
      var link = el("a", "button help", text.textHelp);
      link.href = text.helpUrl;
      help.appendChild(link);
      item.appendChild(help);
    }
    if (canRemove && !message.is_mine) {
      var actions = el("div", "chat-remove");
      actions.dataset.chatActions = "";
      item.appendChild(actions);
      setActions(item, !!message.removed);
    }
    var atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    // In order of id: a message a host put back goes back where it was, not at the end.
    var later = Array.prototype.find.call(log.querySelectorAll("[data-message-id]"), function (other) {
      return Number(other.dataset.messageId) > Number(message.id);
    });
    if (later) {
      log.insertBefore(item, later);
      return;
    }
    log.appendChild(item);
    if (atBottom || message.is_mine) log.scrollTop = log.scrollHeight;
  }

  // A host's removal, shown in place: to its writer "only you can see it", to hosts "removed by a host" with an
  // undo. `removed` false takes the mark away (a host restored it).
  function markRemoved(item, mine) {
    var mark = item.querySelector("[data-chat-removed]");
    if (!mark) {
      mark = el("p", "comment-status", mine ? text.textRemoved : text.textRemovedHost);
      mark.dataset.chatRemoved = "";
      var actions = item.querySelector("[data-chat-actions]");
      item.insertBefore(mark, actions);
    }
  }

  function setRemoved(item, removed) {
    var mine = item.classList.contains("mine");
    var mark = item.querySelector("[data-chat-removed]");
    if (removed) markRemoved(item, mine);
    else if (mark) mark.remove();
    if (canRemove && !mine) setActions(item, removed);
  }

  function button(label, className, onClick) {
    var node = el("button", className || "link-button tap-target", label);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  // A host's tools on someone's message: "Remove", which asks "Remove for everyone? Yes / Cancel" before it
  // acts (no dialog box: the question takes the button's place, and keyboard focus goes with it), or, once
  // removed, "Undo: put it back".
  function setActions(item, removed) {
    var actions = item.querySelector("[data-chat-actions]");
    if (!actions) return;
    var id = item.dataset.messageId;
    actions.replaceChildren();
    if (removed) {
      actions.appendChild(button(text.textRestore, null, function () { moderate(id, "restore"); }));
      return;
    }
    var remove = button(text.textRemove, null, function () { ask(); });
    actions.appendChild(remove);
    function ask() {
      actions.replaceChildren();
      var question = el("span", "chat-confirm", text.textRemoveQuestion);
      question.setAttribute("role", "group");
      question.id = "remove-question-" + id;
      var yes = button(text.textYes, "button danger tap-target", function () { moderate(id, "remove"); });
      var no = button(text.textCancel, "button secondary tap-target", function () {
        setActions(item, false);
        var again = actions.querySelector("button");
        if (again) again.focus();
      });
      yes.setAttribute("aria-describedby", question.id);
      actions.appendChild(question);
      actions.appendChild(yes);
      actions.appendChild(no);
      yes.focus();
    }
  }

  // The page's own links and forms (without this script they lead to a confirmation page) become the same
  // two steps in place.
  function enhanceActions() {
    if (!log) return;
    Array.prototype.forEach.call(log.querySelectorAll("[data-chat-actions]"), function (actions) {
      var item = actions.closest("[data-message-id]");
      if (item) setActions(item, !!item.querySelector("[data-chat-removed]"));
    });
  }

  // Helplines in the room itself, straight away, when what the person wrote reads as a crisis (built from the
  // API's crisis_help; shown once).
  function showCrisisHelp(help) {
    if (!help || room.querySelector("[data-crisis-help]")) return;
    var panel = el("section", "help-card crisis-panel chat-crisis");
    panel.dataset.crisisHelp = "";
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-label", text.textCrisisTitle);
    panel.appendChild(el("h2", "", text.textCrisisTitle));
    panel.appendChild(el("p", "", help.message || text.textCrisisMessage));
    var danger = el("p");
    if (help.emergency && help.emergency.number) {
      danger.appendChild(el("strong", "", text.textEmergency + " "));
      var call = el("a", "button help", text.textCall + " " + help.emergency.number);
      call.href = "tel:" + String(help.emergency.number).replace(/\s+/g, "");
      danger.appendChild(call);
    } else {
      danger.appendChild(el("strong", "", text.textEmergencyLocal));
    }
    panel.appendChild(danger);
    var lines = (help.open_now || []).concat(help.closed_now || []);
    if (lines.length) {
      var list = el("ul", "helplines");
      lines.forEach(function (line) {
        var item = el("li");
        var link = el("a", line.opens !== undefined ? "button" : "button help", line.action);
        link.href = line.href;
        item.appendChild(link);
        item.appendChild(el("span", "small", " " + line.helpline + (line.opens !== undefined ? " · " + text.textClosedNow : "")));
        list.appendChild(item);
      });
      panel.appendChild(list);
    }
    var more = el("p");
    var moreLink = el("a", "", text.textMoreHelp);
    moreLink.href = help.help_url || text.helpUrl;
    more.appendChild(moreLink);
    panel.appendChild(more);
    var anchor = form || log;
    if (anchor && anchor.parentNode) anchor.parentNode.insertBefore(panel, anchor);
    else room.appendChild(panel);
  }

  function closeRoom(data) {
    open = false;
    if (timer) window.clearTimeout(timer);
    var unsent = input && input.value.trim() ? input.value : "";
    if (form) form.hidden = true;
    if (unsent && !room.querySelector("[data-chat-unsent]")) {
      // What they were writing stays theirs: shown, read-only, to copy.
      var kept = el("div", "chat-unsent");
      kept.dataset.chatUnsent = "";
      kept.appendChild(el("p", "", text.textUnsent));
      var copy = el("textarea");
      copy.readOnly = true;
      copy.rows = 3;
      copy.value = unsent;
      copy.setAttribute("aria-label", text.textUnsent);
      kept.appendChild(copy);
      if (form && form.parentNode) form.parentNode.insertBefore(kept, form.nextSibling);
      else room.appendChild(kept);
    }
    if (log) {
      // What was said stays on screen until the person leaves; an empty room just goes.
      var empty = log.querySelector("[data-chat-empty]");
      if (empty) empty.remove();
      if (!log.children.length) log.hidden = true;
      else log.classList.add("chat-log-closed");
    }
    if (status) {
      status.replaceChildren();
      var line = el("p");
      line.appendChild(el("strong", "", text.textClosed));
      if (data && data.next_session_text) line.appendChild(document.createTextNode(" " + text.textNext + " " + data.next_session_text));
      status.appendChild(line);
    }
    if (next) next.hidden = false;
  }

  // Messages this room took away (a host removed them, a moderator hid them): one no longer listed was put back,
  // and is fetched again with the session's recent messages.
  var gone = {};

  function backfill() {
    fetch(apiUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) (data.messages || []).forEach(renderMessage); }, function () {});
  }

  function apply(data) {
    canRemove = !!data.can_remove;
    (data.messages || []).forEach(renderMessage);
    var stillGone = {};
    (data.withdrawn || []).forEach(function (id) {
      stillGone[id] = true;
      gone[id] = true;
      removeMessage(id);
    });
    var restored = Object.keys(gone).filter(function (id) { return !stillGone[id]; });
    restored.forEach(function (id) { delete gone[id]; });
    if (restored.length) backfill();
    if (data.removed && log) {
      var removed = {};
      data.removed.forEach(function (id) { removed[id] = true; });
      Array.prototype.forEach.call(log.querySelectorAll("[data-message-id]"), function (item) {
        var isRemoved = !!removed[item.dataset.messageId];
        if (isRemoved !== !!item.querySelector("[data-chat-removed]")) setRemoved(item, isRemoved);
      });
    }
    if (typeof data.cursor === "number" && data.cursor > cursor) cursor = data.cursor;
    if (data.crisis_help) showCrisisHelp(data.crisis_help);
    if (!data.open) closeRoom(data);
  }

  function schedule(delay) {
    if (!open) return;
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(poll, delay);
  }

  function poll() {
    var url = apiUrl + "?after=" + encodeURIComponent(cursor);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        failures = 0;
        // Only "connection lost" goes away by itself; what was said about their message stays until they
        // send again or change the text.
        if (offline) showErrors([]);
        apply(data);
        schedule(document.hidden ? POLL_MS * 5 : POLL_MS);
      })
      .catch(function () {
        failures += 1;
        if (failures > 2 && (offline || !errors || errors.hidden)) {
          showErrors([text.textOffline]);
          offline = true;
        }
        schedule(Math.min(POLL_MS * Math.pow(2, failures), 30000));
      });
  }

  function setSending(value) {
    sending = value;
    if (sendButton) sendButton.disabled = value;
    if (input) input.setAttribute("aria-busy", value ? "true" : "false");
  }

  function send(confirm) {
    if (sending || !open) return;
    var body = input.value;
    if (!body.trim()) return;
    var payload = { body: body };
    if (confirm) payload.confirm = true;
    setSending(true);
    showErrors([]);
    fetch(apiUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(payload),
    })
      .then(function (response) {
        return response.json().then(function (data) { return { status: response.status, data: data }; });
      })
      .then(function (result) {
        var data = result.data || {};
        setSending(false);
        if (result.status === 201) {
          input.value = "";
          showErrors([]);
          renderMessage(data);
          if (data.id > cursor) cursor = data.id;
          if (data.moderation && data.moderation.help) showCrisisHelp(data.moderation.help);
          return;
        }
        if (result.status === 409 && data.code === "chat_closed") {
          closeRoom(data);
          return;
        }
        var messages = [];
        Object.keys(data.errors || {}).forEach(function (name) { messages = messages.concat(data.errors[name]); });
        showErrors(messages.length ? messages : [data.detail || ""]);
        if (data.code === "nudge" && errors) {
          var again = el("button", "button", text.textConfirm);
          again.type = "button";
          again.addEventListener("click", function () { send(true); });
          errors.appendChild(again);
        }
      })
      .catch(function () {
        setSending(false);
        showErrors([text.textOffline]);
      });
  }

  // what: "remove" or "restore". The host keeps the message on screen, marked (or unmarked), to undo.
  function moderate(id, what) {
    fetch(apiUrl + id + "/" + what + "/", {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
    }).then(function (response) {
      var item = document.getElementById("message-" + id);
      if (response.status === 204 && item) {
        setRemoved(item, what === "remove");
        var next = item.querySelector("[data-chat-actions] button");
        if (next) next.focus();
        return;
      }
      // Refused or failed: say so, never fail silently (the reason when the server gave one).
      return response.json().then(
        function (data) { showErrors([(data && (data.detail || data.message)) || text.textOffline]); },
        function () { showErrors([text.textOffline]); }
      );
    }, function () {
      showErrors([text.textOffline]);
    });
  }

  if (form && input) {
    form.addEventListener("submit", function (event) {
      if (event.submitter && event.submitter.name === "confirm") return; // the page's own "send anyway"
      event.preventDefault();
      send(false);
    });
    // Errors stay until the person sends again or changes the text.
    input.addEventListener("input", function () { if (errors && !errors.hidden) showErrors([]); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        send(false);
      }
    });
  }

  canRemove = !!(log && log.querySelector("[data-chat-actions]"));
  enhanceActions();
  if (log) log.scrollTop = log.scrollHeight;
  // The room closes itself at the end of the session, even between two polls.
  if (open && room.dataset.closesAt) {
    var closesIn = new Date(room.dataset.closesAt).getTime() - Date.now();
    if (closesIn > 0 && closesIn < 2147483647) window.setTimeout(poll, closesIn + 500);
  }
  document.addEventListener("visibilitychange", function () { if (!document.hidden) schedule(0); });
  schedule(POLL_MS);
})();
