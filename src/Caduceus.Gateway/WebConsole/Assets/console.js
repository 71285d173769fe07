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

// Passkeys: a form marked data-passkey="create" or "get" carries the server's WebAuthn options (JSON in
// data-options); on submit the browser makes or uses the passkey and the form posts its answer (toJSON()).
(function () {
  "use strict";
  var form = document.querySelector("form[data-passkey]");
  if (!form) { return; }
  var error = document.getElementById("passkey-error");
  var creating = form.getAttribute("data-passkey") === "create";
  var answer = form.querySelector(creating ? "input[name=credential]" : "input[name=assertion]");
  var say = function (text) {
    if (error) { error.textContent = text; error.hidden = false; }
  };
  form.addEventListener("submit", function (event) {
    if (answer.value) { return; }
    event.preventDefault();
    if (!window.PublicKeyCredential || !PublicKeyCredential.parseRequestOptionsFromJSON) {
      say("This browser cannot use passkeys here. Go back and sign in with your authenticator code.");
      return;
    }
    var options = JSON.parse(form.getAttribute("data-options"));
    var request = creating
      ? navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
      : navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
    request.then(function (credential) {
      answer.value = JSON.stringify(credential.toJSON());
      form.submit();
    }, function (reason) {
      say("The passkey was not used (" + (reason && reason.name ? reason.name : "cancelled") + "). Try again, or go back and use your authenticator code.");
    });
  });
})();

// Step-up with a passkey: the button asks the console for a ceremony, lets the browser answer it with one of the
// person's passkeys, and submits the action's form with the answer instead of a code.
(function () {
  "use strict";
  document.querySelectorAll("button[data-step-up-passkey]").forEach(function (button) {
    var form = button.form;
    var error = button.parentNode.querySelector("[data-step-up-error]");
    var say = function (text) {
      if (error) { error.textContent = text; error.hidden = false; }
    };
    button.addEventListener("click", function () {
      if (!window.PublicKeyCredential || !PublicKeyCredential.parseRequestOptionsFromJSON) {
        say("This browser cannot use passkeys here; enter the code instead.");
        return;
      }
      var body = new FormData();
      body.append("__csrf", form.querySelector("input[name=__csrf]").value);
      fetch("/console/passkeys/step-up/options", { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) {
          return response.json().then(function (json) {
            if (!response.ok) { throw new Error(json.detail || "The console refused the passkey step-up."); }
            return json;
          });
        })
        .then(function (started) {
          return navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(started.options) })
            .then(function (credential) {
              form.querySelector("input[name=step_up_ceremony]").value = started.ceremony_id;
              form.querySelector("input[name=step_up_assertion]").value = JSON.stringify(credential.toJSON());
              var code = form.querySelector("input[name=step_up_code]");
              if (code) { code.required = false; }
              form.requestSubmit();
            });
        })
        .catch(function (reason) {
          say(reason && reason.message ? reason.message : "The passkey was not used; enter the code instead.");
        });
    });
  });
})();
