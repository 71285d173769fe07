// Caduceus console: the live event stream. Served from the gateway itself (CSP script-src 'self'); builds rows with
// textContent only, so nothing an event carries can become markup.
(function () {
  "use strict";
  var table = document.getElementById("live-events");
  if (!table || !window.EventSource) { return; }
  var body = table.querySelector("tbody");
  var status = document.getElementById("live-status");
  var source = new EventSource(table.getAttribute("data-stream"));
  source.onopen = function () {
    table.setAttribute("data-connected", "true");
    if (status) { status.textContent = "Connected: new events appear at the top."; }
  };
  source.onerror = function () {
    table.setAttribute("data-connected", "false");
    if (status) { status.textContent = "Disconnected; reconnecting..."; }
  };
  source.addEventListener("security", function (message) {
    var e = JSON.parse(message.data);
    var row = document.createElement("tr");
    row.setAttribute("data-event-id", e.id);
    ["time", "type", "code", "application", "principal", "route", "entities", "id"].forEach(function (field) {
      var cell = document.createElement("td");
      cell.textContent = e[field];
      row.appendChild(cell);
    });
    body.insertBefore(row, body.firstChild);
    while (body.rows.length > 200) { body.deleteRow(body.rows.length - 1); }
  });
})();
