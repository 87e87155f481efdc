// Progressive enhancement: "Reply" moves the comment form under the comment instead of
// reloading the page with ?replyto=. Without JavaScript the link does the same job.
(function () {
  "use strict";
  var form = document.getElementById("comment-form");
  if (!form || !form.elements.parent) return;
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
