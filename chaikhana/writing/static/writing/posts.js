/* The posts list: a "select all" box in the table's head. Without this file each row has
   its own box, which is all the bulk actions need (writing/views/bulk.py). */
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
  form.addEventListener("change", function (event) {
    if (event.target.name !== "post") { return; }
    var checked = form.querySelectorAll("input[name=post]:checked").length;
    head.checked = checked === boxes.length;
    head.indeterminate = checked > 0 && checked < boxes.length;
  });
}());
