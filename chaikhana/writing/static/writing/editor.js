/* The editor's progressive enhancements: a Markdown toolbar, autosave every few seconds
   (creating a new post as a draft on its first autosave) with its state in the bar, a copy
   in localStorage, a live preview from the server's own renderer, word count and reading
   time, keyboard shortcuts, a distraction-free mode, and the publish panel opened beside the
   text on wide screens. Without this file the editor works the same, minus the conveniences. */
(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form || !window.fetch || !window.FormData) { return; }
  var body = form.elements.body_source;
  var title = form.elements.title;
  var statusBox = document.getElementById("autosave-status");
  var INTERVAL = 5000;

  /* ---- Markdown toolbar ------------------------------------------------------------- */
  var WRAPS = { bold: ["**", "**"], italic: ["_", "_"], link: ["[", "](https://)"] };
  var PREFIXES = { heading: "## ", quote: "> ", list: "- " };

  function insert(kind) {
    var start = body.selectionStart, end = body.selectionEnd, text = body.value;
    var selected = text.slice(start, end), replacement;
    if (WRAPS[kind]) {
      replacement = WRAPS[kind][0] + selected + WRAPS[kind][1];
    } else {
      var lineStart = text.lastIndexOf("\n", start - 1) + 1;
      start = lineStart;
      selected = text.slice(lineStart, end);
      replacement = selected.split("\n").map(function (line) {
        return PREFIXES[kind] + line;
      }).join("\n");
    }
    body.setRangeText(replacement, start, end, "end");
    body.focus();
    body.dispatchEvent(new Event("input", { bubbles: true }));
  }

  var toolbar = document.getElementById("md-toolbar");
  if (toolbar && body && typeof body.setRangeText === "function") {
    toolbar.hidden = false;
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-md]");
      if (button) { insert(button.getAttribute("data-md")); }
    });
  }

  /* ---- A copy in this browser ------------------------------------------------------- */
  function storageKey() {
    return "chaikhana:draft:" + form.dataset.blog + ":" + (form.dataset.postId || "new");
  }
  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }
  function current() {
    return { title: title.value, body: body.value, at: Date.now() };
  }
  function keepCopy() {
    var store = storage();
    if (!store) { return; }
    try { store.setItem(storageKey(), JSON.stringify(current())); } catch (e) { /* full */ }
  }
  function dropCopy() {
    var store = storage();
    if (store) { store.removeItem(storageKey()); }
  }
  function readCopy(store, key) {
    try { return JSON.parse(store.getItem(key) || "null"); } catch (e) { return null; }
  }
  function shownHere(copy) { return copy.body === body.value && copy.title === title.value; }
  // A copy goes only once the server has confirmed it — this page shows its text — never on
  // submit: a save can still die (a killed worker, a lost
  // connection) after the form left the browser, and the copy is then all she has.
  function offerCopy() {
    var store = storage(), box = document.getElementById("local-copy");
    if (!store || !box) { return; }
    var unsavedNew = "chaikhana:draft:" + form.dataset.blog + ":new";
    var fresh = readCopy(store, unsavedNew);
    if (form.dataset.postId && fresh && shownHere(fresh)) { store.removeItem(unsavedNew); }
    var copy = readCopy(store, storageKey());
    var savedAt = parseInt(form.dataset.savedAt || "0", 10) * 1000;
    if (!copy) { return; }
    if (shownHere(copy)) { dropCopy(); return; }
    if (copy.at <= savedAt) { return; }  // someone saved after it: kept, not offered over theirs
    box.hidden = false;
    document.getElementById("local-copy-restore").addEventListener("click", function () {
      title.value = copy.title;
      body.value = copy.body;
      box.hidden = true;
      body.focus();
    });
    document.getElementById("local-copy-dismiss").addEventListener("click", function () {
      box.hidden = true;
      dropCopy();
    });
  }

  /* ---- Autosave --------------------------------------------------------------------- */
  var lastSent = title.value + "\u0000" + body.value;
  var busy = false;

  function say(message) { if (statusBox) { statusBox.textContent = message; } }
  function hhmm(iso) {
    var d = new Date(iso);
    return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
  }
  function firstError(json) {
    var errors = (json && json.errors) || {};
    for (var name in errors) {
      if (Object.prototype.hasOwnProperty.call(errors, name) && errors[name].length) {
        return errors[name][0];
      }
    }
    return "";
  }

  function adopt(json) {
    // The new post now exists: from here on the form edits it.
    var oldKey = storageKey();
    form.dataset.postId = String(json.post_id);
    form.dataset.autosaveUrl = json.autosave_url;
    form.action = json.edit_url;
    form.elements.base_version.value = String(json.version);
    if (window.history && history.replaceState) { history.replaceState(null, "", json.edit_url); }
    var store = storage();
    if (store) { store.removeItem(oldKey); }
    keepCopy();
  }

  function autosave() {
    var snapshot = title.value + "\u0000" + body.value;
    if (busy || snapshot === lastSent) { return; }
    var isNew = !form.dataset.autosaveUrl;
    if (isNew && !title.value.trim() && !body.value.trim()) { return; }
    var url = isNew ? form.dataset.autosaveNewUrl : form.dataset.autosaveUrl;
    var data = new FormData(form);
    data.delete("preview");
    busy = true;
    say(form.dataset.msgSaving);
    fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": form.elements.csrfmiddlewaretoken.value, "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, json: json }; });
    }).then(function (result) {
      if (!result.ok) {
        say(form.dataset.msgFailed.replace("{reason}", firstError(result.json)));
        return;
      }
      lastSent = snapshot;
      if (isNew) { adopt(result.json); }
      say(form.dataset.msgSaved.replace("{time}", hhmm(result.json.saved_at)));
    }).catch(function () {
      say(form.dataset.msgOffline);
    }).then(function () { busy = false; });
  }

  form.addEventListener("input", function () {
    keepCopy();
    if (!busy && title.value + "\u0000" + body.value !== lastSent) { say(form.dataset.msgUnsaved); }
  });
  offerCopy();
  window.setInterval(autosave, INTERVAL);

  /* ---- Word count and reading time ---------------------------------------------------- */
  var counter = document.getElementById("word-count");
  var WORDS_PER_MINUTE = 200;
  function countWords() {
    var text = body.value
      .replace(/```[\s\S]*?```/g, " ")            /* galleries and code */
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, " ")       /* images */
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")      /* links keep their words */
      .replace(/<[^>]+>/g, " ");
    /* A word has a letter or a digit (Latin or Cyrillic): Markdown's marks alone are not. */
    var words = (text.match(/\S*[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]\S*/g) || []).length;
    var minutes = words ? Math.max(1, Math.ceil(words / WORDS_PER_MINUTE)) : 0;
    counter.textContent = form.dataset.msgWords
      .replace("{words}", words.toLocaleString()).replace("{minutes}", String(minutes));
  }
  if (counter) {
    countWords();
    body.addEventListener("input", countWords);
  }

  /* ---- Live preview, rendered by the server exactly as a save renders it --------------- */
  var preview = document.getElementById("live-preview");
  var previewBody = document.getElementById("live-preview-body");
  var previewButton = document.getElementById("preview-button");
  var previewTimer = null, previewBusy = false, previewAgain = false;

  function refreshPreview() {
    if (preview.hidden) { return; }
    if (previewBusy) { previewAgain = true; return; }
    previewBusy = true;
    var data = new FormData();
    data.append("body_source", body.value);
    data.append("post", form.dataset.postId || "");
    fetch(form.dataset.previewUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": form.elements.csrfmiddlewaretoken.value }
    }).then(function (response) {
      return response.text().then(function (text) {
        if (!response.ok) { throw new Error(text.slice(0, 200) || String(response.status)); }
        previewBody.innerHTML = text;  /* sanitised by the server's nh3 allow-list */
      });
    }).catch(function (error) {
      previewBody.textContent = form.dataset.msgPreviewFailed.replace("{reason}", error.message);
    }).then(function () {
      previewBusy = false;
      if (previewAgain) { previewAgain = false; schedulePreview(); }
    });
  }
  function schedulePreview() {
    window.clearTimeout(previewTimer);
    previewTimer = window.setTimeout(refreshPreview, 400);
  }
  function togglePreview(on) {
    var show = typeof on === "boolean" ? on : preview.hidden;
    preview.hidden = !show;
    form.classList.toggle("previewing", show);
    previewButton.setAttribute("aria-pressed", show ? "true" : "false");
    if (show) { refreshPreview(); }
  }
  if (preview && previewBody && previewButton && form.dataset.previewUrl) {
    previewButton.setAttribute("aria-pressed", preview.hidden ? "false" : "true");
    if (!preview.hidden) { form.classList.add("previewing"); }
    previewButton.addEventListener("click", function (event) {
      event.preventDefault();
      togglePreview();
    });
    body.addEventListener("input", schedulePreview);
  }

  /* ---- Distraction-free mode ---------------------------------------------------------- */
  var focusButton = document.getElementById("focus-toggle");
  function toggleFocus(on) {
    var active = typeof on === "boolean" ? on : !document.body.classList.contains("focus-mode");
    document.body.classList.toggle("focus-mode", active);
    focusButton.setAttribute("aria-pressed", active ? "true" : "false");
    body.focus();
  }
  if (focusButton) {
    focusButton.hidden = false;
    focusButton.addEventListener("click", function () { toggleFocus(); });
  }

  /* ---- Keyboard shortcuts (listed in the help line under the text) --------------------- */
  var saveButton = document.getElementById("save-button");
  document.addEventListener("keydown", function (event) {
    var mod = event.ctrlKey || event.metaKey;
    var key = (event.key || "").toLowerCase();
    if (mod && !event.shiftKey && key === "s") {
      event.preventDefault();
      if (form.requestSubmit) { form.requestSubmit(saveButton); } else { saveButton.click(); }
    } else if (mod && key === "enter" && preview) {
      event.preventDefault();
      togglePreview();
    } else if (mod && event.shiftKey && key === "f" && focusButton) {
      event.preventDefault();
      toggleFocus();
    } else if (key === "escape" && document.body.classList.contains("focus-mode")) {
      toggleFocus(false);
    }
  });
  var shortcuts = document.getElementById("shortcuts");
  if (shortcuts) { shortcuts.hidden = false; }

  /* ---- The publish panel: beside the text and open on wide screens -------------------- */
  var panel = document.getElementById("publish-panel");
  if (panel && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 1024px)");
    var openWhenWide = function () { if (wide.matches) { panel.open = true; } };
    openWhenWide();
    if (wide.addEventListener) { wide.addEventListener("change", openWhenWide); }
  }
}());
