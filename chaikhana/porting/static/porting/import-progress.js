// Progressive enhancement of an import's progress page: poll its JSON status and reload when
// the import is over. Without JavaScript the page refreshes itself (<noscript> meta refresh).
(function () {
  "use strict";
  var box = document.getElementById("import-progress");
  if (!box || !window.fetch) return;
  function poll() {
    fetch(box.getAttribute("data-poll"), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (s.finished) { location.reload(); return; }
        box.querySelector("progress").max = s.total || 1;
        box.querySelector("progress").value = s.done;
        box.querySelector("span").textContent = s.done + " / " + s.total;
        setTimeout(poll, 2000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 2000);
})();
