// The story change form's background work: an autosave every half minute (never
// touching the story itself), a heartbeat that tells others the story is open, and
// a goodbye when the page is left. Configuration comes from a JSON script element.
(function () {
  "use strict";

  var configElement = document.getElementById("story-editor-config");
  if (!configElement) {
    return;
  }
  var config = JSON.parse(configElement.textContent);
  var form = document.getElementById("article_form");
  if (!form) {
    return;
  }
  var FIELDS = ["headline", "standfirst", "body", "dateline", "credit_line"];
  var lastSent = null;

  function csrfToken() {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function value(name) {
    if (name === "body" && window.CKEDITOR && window.CKEDITOR.instances.id_body) {
      return window.CKEDITOR.instances.id_body.getData();
    }
    var field = form.elements.namedItem(name);
    return field ? field.value : "";
  }

  function snapshot() {
    var data = {};
    FIELDS.forEach(function (name) {
      data[name] = value(name);
    });
    return data;
  }

  function showOthers(others) {
    var banner = document.getElementById("story-editing-banner");
    if (!banner || !others) {
      return;
    }
    banner.replaceChildren.apply(
      banner,
      others.map(function (other) {
        var line = document.createElement("p");
        var name = document.createElement("strong");
        name.textContent = other.name;
        line.append("Being edited by ", name, " since " + other.since + ".");
        return line;
      })
    );
    banner.hidden = others.length === 0;
  }

  function post(url, data) {
    var body = new FormData();
    body.append("csrfmiddlewaretoken", csrfToken());
    Object.keys(data || {}).forEach(function (key) {
      body.append(key, data[key]);
    });
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken() },
    }).then(function (response) {
      return response.ok ? response.json() : null;
    });
  }

  function beat() {
    var data = snapshot();
    var serialised = JSON.stringify(data);
    var request;
    if (lastSent === null) {
      // The first beat only records what the form held when it opened.
      lastSent = serialised;
      request = config.heartbeatUrl ? post(config.heartbeatUrl) : null;
    } else if (serialised !== lastSent) {
      lastSent = serialised;
      request = post(config.autosaveUrl, data);
    } else if (config.heartbeatUrl) {
      request = post(config.heartbeatUrl);
    }
    if (request) {
      request
        .then(function (answer) {
          if (answer) {
            showOthers(answer.others);
          }
        })
        .catch(function () {
          // Offline for a moment: the next beat tries again.
        });
    }
  }

  // Saving the form is not a change to keep in an autosave.
  form.addEventListener("submit", function () {
    lastSent = JSON.stringify(snapshot());
  });

  window.addEventListener("pagehide", function () {
    if (config.releaseUrl && navigator.sendBeacon) {
      var body = new FormData();
      body.append("csrfmiddlewaretoken", csrfToken());
      navigator.sendBeacon(config.releaseUrl, body);
    }
  });

  // Pictures uploaded from the body editor go through Django's CSRF check.
  function sendCsrfToken(editor) {
    editor.on("fileUploadRequest", function (event) {
      event.data.fileLoader.xhr.setRequestHeader("X-CSRFToken", csrfToken());
    });
  }
  if (window.CKEDITOR) {
    Object.keys(window.CKEDITOR.instances).forEach(function (name) {
      sendCsrfToken(window.CKEDITOR.instances[name]);
    });
    window.CKEDITOR.on("instanceCreated", function (event) {
      sendCsrfToken(event.editor);
    });
  }

  window.setTimeout(beat, 2000);
  window.setInterval(beat, config.interval || 30000);
})();
