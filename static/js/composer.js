/* The story composer: safe-messaging help while the person writes, and a gentle note on length.

   As they write (after a pause of ~800 ms, once there are 20 characters or more) and when they leave a field,
   the text goes to POST /api/v1/moderation/preview/; its message and suggestions appear in a polite live
   region, and when it reads as a crisis a gentle box points to help. Nothing here ever blocks typing or
   posting: screening on the server decides, and shows everything again without this script. */
(function () {
  "use strict";

  var form = document.querySelector("[data-composer]");
  if (!form) return;

  var DELAY = 800;
  var MIN_CHARS = 20;
  var MAX_CHARS = 20000; // what the preview reads at most
  var panel = form.querySelector("[data-preview-panel]");
  var items = form.querySelector("[data-preview-items]");
  var idle = form.querySelector("[data-preview-idle]");
  var crisisBox = form.querySelector("[data-preview-crisis]");
  var counter = form.querySelector("[data-char-count]");
  var url = form.getAttribute("data-preview-url");
  var fields = ["title", "body", "image_alt"]
    .map(function (name) { return form.elements.namedItem(name); })
    .filter(Boolean);
  var body = form.elements.namedItem("body");
  var timer = null;
  var lastSent = null;
  var sequence = 0;

  if (!panel || !items || !url) return;
  panel.hidden = false; // the live region is in place before anything is announced in it

  var storedText = form.hasAttribute("data-stored") ? text() : null;
  var storyId = parseInt(form.getAttribute("data-stored") || "", 10) || null;

  // Where the server re-showed the form with a step to read first (the "before you post" guide), go there.
  var focusTarget = form.querySelector("[data-focus-on-load]");
  if (focusTarget) focusTarget.focus();

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) return decodeURIComponent(match[1]);
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function text() {
    // What the server screens: title, story and picture description, as one text.
    return fields.map(function (field) { return field.value; }).filter(function (value) {
      return value.trim() !== "";
    }).join("\n\n");
  }

  function chosenWarnings() {
    return Array.prototype.map.call(form.querySelectorAll("input[name=content_warnings]:checked"), function (box) {
      return box.value;
    });
  }

  function show(answer) {
    var messages = [];
    // Someone who may be in crisis gets the gentle box alone: not writing tips, nor "your post is waiting".
    if (!answer.crisis) {
      if (answer.message) messages.push(answer.message);
      (answer.suggestions || []).forEach(function (suggestion) { messages.push(suggestion.message); });
    }
    var signature = JSON.stringify([messages, !!answer.crisis]);
    if (items.getAttribute("data-shown") === signature) return; // nothing new: say nothing again
    items.setAttribute("data-shown", signature);
    items.replaceChildren();
    if (messages.length) {
      var list = document.createElement("ul");
      list.className = "suggestions";
      messages.forEach(function (message) {
        var item = document.createElement("li");
        item.textContent = message; // text, never HTML
        list.appendChild(item);
      });
      items.appendChild(list);
    }
    if (crisisBox) crisisBox.hidden = !answer.crisis;
    if (idle) idle.hidden = messages.length > 0 || !!answer.crisis;
  }

  function preview() {
    var value = text();
    // A saved story's text, unchanged, would read as a copy of itself (screening holds repeats as spam), and the
    // page already says what screening decided about it: wait until the person changes something.
    if (storedText !== null && value === storedText) return;
    if (value.trim().length < MIN_CHARS || value.length > MAX_CHARS) return; // too long: the counter says so
    var request = { text: value, kind: "story", content_warnings: chosenWarnings() };
    if (storyId) request.replacing_story = storyId; // its saved copy is not a repeat of itself
    var payload = JSON.stringify(request);
    if (payload === lastSent) return;
    lastSent = payload;
    var mine = ++sequence;
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrfToken() },
      body: payload
    }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function (answer) {
      if (mine === sequence) show(answer); // an older answer never replaces a newer one
    }).catch(function () {
      lastSent = null; // busy or offline: try again on the next pause; posting still screens everything
    });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(preview, DELAY);
  }

  function count() {
    if (!counter || !body) return;
    var limit = parseInt(counter.getAttribute("data-limit"), 10);
    var left = limit - body.value.length;
    // Only near the limit: a running number is one more thing to compare yourself to.
    counter.hidden = left > 1000;
    counter.textContent = left >= 0
      ? interpolate(counter.getAttribute("data-left") || "%s characters left", [left])
      : interpolate(counter.getAttribute("data-over") || "%s characters over the limit", [-left]);
  }

  function interpolate(template, values) {
    var index = 0;
    return template.replace(/%s/g, function () { return String(values[index++]); });
  }

  fields.forEach(function (field) {
    field.addEventListener("input", schedule);
    field.addEventListener("blur", function () {
      window.clearTimeout(timer);
      preview();
    });
  });
  form.addEventListener("change", function (event) {
    if (event.target.name === "content_warnings") preview(); // a chosen warning answers "add a warning"
  });
  if (body) {
    body.addEventListener("input", count);
    count();
  }
  preview(); // a new story shown again after posting: its help at once
})();
