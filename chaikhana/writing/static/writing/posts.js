/* The posts list: a "select all" box in the table's head, and deleting asks in a <dialog>.
   Without this file each row has its own box, and deleting asks on a page of its own
   (writing/views/bulk.py): the dialog only saves that round trip. */
(function () {
  "use strict";
  var form = document.getElementById("bulk-form");
  var head = document.getElementById("select-all");
  if (!form || !head) { return; }
  var boxes = form.querySelectorAll("input[name=post]");
  head.hidden = false;
  head.addEventListener("change", function () {
    Array.prototype.forEach.call(boxes, function (box) { box.checked = head.checked; });
  });
  var dialog = document.getElementById("bulk-delete-dialog");
  var confirmed = document.getElementById("bulk-confirmed");
  var action = document.getElementById("bulk-action");
  if (dialog && confirmed && action && typeof dialog.showModal === "function") {
    form.addEventListener("submit", function (event) {
      var chosen = form.querySelectorAll("input[name=post]:checked").length;
      if (action.value !== "delete" || confirmed.value === "1" || !chosen) { return; }
      event.preventDefault();
      dialog.showModal();
    });
    dialog.addEventListener("close", function () {
      if (dialog.returnValue !== "delete") { return; }
      confirmed.value = "1";
      form.submit();
    });
  }
  form.addEventListener("change", function (event) {
    if (event.target.name !== "post") { return; }
    var checked = form.querySelectorAll("input[name=post]:checked").length;
    head.checked = checked === boxes.length;
    head.indeterminate = checked > 0 && checked < boxes.length;
  });
}());
