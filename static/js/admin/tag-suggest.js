// Suggest existing tags while an editor types into taggit's comma-separated field.
// A native <datalist> holds the suggestions, so keyboard and screen readers work as
// with any input; typing a new tag name still creates the tag.
(function () {
  "use strict";

  function attach(input) {
    var list = document.createElement("datalist");
    var timer = null;
    var lastTerm = null;
    list.id = input.id + "-suggestions";
    input.setAttribute("list", list.id);
    input.setAttribute("autocomplete", "off");
    input.after(list);

    function suggest() {
      var parts = input.value.split(",");
      var term = parts.pop().trim();
      if (term.length < 2 || term === lastTerm) {
        return;
      }
      lastTerm = term;
      var before = parts
        .map(function (part) {
          return part.trim();
        })
        .filter(Boolean)
        .join(", ");
      var url = input.dataset.tagSuggestUrl + "?q=" + encodeURIComponent(term);
      fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          list.replaceChildren.apply(
            list,
            data.results.map(function (name) {
              var option = document.createElement("option");
              option.value = before ? before + ", " + name : name;
              return option;
            })
          );
        })
        .catch(function () {
          // Suggestions are a convenience; typing still works without them.
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(suggest, 150);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-tag-suggest-url]").forEach(attach);
  });
})();
