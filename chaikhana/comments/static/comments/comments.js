// Progressive enhancement, nothing a reader needs:
// 1. "Reply" moves the comment form under the comment instead of reloading the page with
//    ?replyto=. Without JavaScript the link does the same job.
// 2. When the form is first focused, ask for a timing token of her own
//    (comments/spam/forms.py): the page may come from the shared page cache, whose token every
//    reader of that copy sends. Without JavaScript (or if the request fails) the page's shared
//    token is sent, and accepted.
(function () {
  "use strict";
  var form = document.getElementById("comment-form");
  if (!form) return;
  var asked = false;
  form.addEventListener("focusin", function () {
    var url = form.getAttribute("data-token-url");
    if (asked || !url || !window.fetch || !form.elements.form_token) return;
    asked = true;
    fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data && data.token) form.elements.form_token.value = data.token; })
      .catch(function () {});
  });
  if (!form.elements.parent) return;
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.reply[data-comment]");
    if (!link) return;
    event.preventDefault();
    form.elements.parent.value = link.getAttribute("data-comment");
    link.closest("article").insertAdjacentElement("afterend", form);
    var body = document.getElementById("comment-body");
    if (body) body.focus();
  });
})();
