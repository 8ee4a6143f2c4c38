// The story page's few lines of JavaScript. "Spread the love": copy the story's
// link, and offer the phone's own share sheet (without JavaScript every share link
// still works; "Copy link" is then a plain link). And one beacon to count the read,
// so the page itself stays cacheable.
(function () {
  "use strict";

  function announce(from, message) {
    var bar = from.closest(".share");
    var status = bar && bar.querySelector(".share__status");
    if (status) {
      status.textContent = message;
    }
  }

  document.addEventListener("click", function (event) {
    var copy = event.target.closest("[data-copy-url]");
    if (copy && navigator.clipboard) {
      event.preventDefault();
      navigator.clipboard.writeText(copy.dataset.copyUrl).then(
        function () {
          announce(copy, "Link copied.");
        },
        function () {
          announce(copy, "Could not copy: press and hold the link to copy it.");
        }
      );
      return;
    }
    var native = event.target.closest("[data-share-url]");
    if (native && navigator.share) {
      navigator
        .share({ title: native.dataset.shareTitle, url: native.dataset.shareUrl })
        .catch(function () {
          // The reader closed the share sheet: nothing to do.
        });
    }
  });

  if (navigator.share) {
    document.querySelectorAll("[data-native-share]").forEach(function (item) {
      item.hidden = false;
    });
  }

  var story = document.querySelector("[data-read-url]");
  if (story && navigator.sendBeacon) {
    window.addEventListener("load", function () {
      navigator.sendBeacon(story.dataset.readUrl);
    });
  }
})();
