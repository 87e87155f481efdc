/* Editor media, a progressive enhancement: without it the Upload button posts the whole
   editor form and the server appends the image's Markdown (writing/views/upload.py).
   With it: drop or paste photos into the text, or press Upload, and the Markdown goes in at
   the cursor (the same upload endpoint, so the same checks and metadata stripping);
   picker buttons insert a recent image. XMLHttpRequest, not fetch: only it reports upload
   progress, which matters on 3G. */
(function () {
  "use strict";
  var box = document.getElementById("editor-media");
  var form = document.getElementById("editor");
  var text = form && form.querySelector("textarea[name=body_source]");
  if (!box || !text || !window.FormData) return;
  var status = document.getElementById("upload-status");
  var fileInput = box.querySelector("input[type=file]");
  var altInput = box.querySelector("input[name=upload_alt]");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]");

  function say(template, values) {
    status.textContent = template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function insert(markdown) {
    var start = text.selectionStart, end = text.selectionEnd, value = text.value;
    var before = value.slice(0, start), after = value.slice(end);
    var pad = before && !/\n\n$/.test(before) ? (/\n$/.test(before) ? "\n" : "\n\n") : "";
    text.value = before + pad + markdown + "\n" + after;
    text.selectionStart = text.selectionEnd = (before + pad + markdown).length + 1;
    text.dispatchEvent(new Event("input", { bubbles: true }));  /* autosave notices it */
    text.focus();
  }

  function upload(file, alt) {
    var data = new FormData();
    data.append("upload_file", file);
    data.append("upload_alt", alt || "");
    var xhr = new XMLHttpRequest();
    xhr.open("POST", box.dataset.uploadUrl);
    xhr.setRequestHeader("X-CSRFToken", csrf ? csrf.value : "");
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        say(box.dataset.msgUploading, { name: file.name, percent: Math.round(100 * e.loaded / e.total) });
      }
    };
    xhr.onload = function () {
      var answer = {};
      try { answer = JSON.parse(xhr.responseText); } catch (err) { answer = { error: xhr.statusText }; }
      if (xhr.status === 200 && answer.markdown) {
        insert(answer.markdown);
        status.textContent = "";
      } else {
        say(box.dataset.msgFailed, { reason: answer.error || xhr.statusText });
      }
    };
    xhr.onerror = function () { say(box.dataset.msgFailed, { reason: "network" }); };
    xhr.send(data);
  }

  text.addEventListener("dragover", function (e) {
    if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, "Files") >= 0) {
      e.preventDefault();
    }
  });
  text.addEventListener("drop", function (e) {
    var files = e.dataTransfer && e.dataTransfer.files;
    if (!files || !files.length) return;
    e.preventDefault();
    Array.prototype.forEach.call(files, function (file) {
      upload(file, window.prompt(box.dataset.msgNoAlt + " " + file.name, "") || "");
    });
  });

  text.addEventListener("paste", function (e) {
    var files = e.clipboardData && e.clipboardData.files;
    var images = Array.prototype.filter.call(files || [], function (file) {
      return /^image\//.test(file.type);
    });
    if (!images.length) return;  /* text pastes as text */
    e.preventDefault();
    images.forEach(function (file) {
      upload(file, window.prompt(box.dataset.msgNoAlt + " " + (file.name || ""), "") || "");
    });
  });

  var button = box.querySelector("button[name=upload]");
  button.addEventListener("click", function (e) {
    if (!fileInput.files.length) return;  /* the server says what is missing */
    e.preventDefault();
    upload(fileInput.files[0], altInput.value);
    fileInput.value = "";
    altInput.value = "";
  });

  Array.prototype.forEach.call(box.querySelectorAll(".md-insert"), function (insertButton) {
    insertButton.hidden = false;
    insertButton.addEventListener("click", function () { insert(insertButton.dataset.markdown); });
  });
})();
