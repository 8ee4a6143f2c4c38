// The body editor's picture browser (a popup opened by CKEditor): choosing a
// picture hands its address, and its alt text, back to the editor's dialog.
(function () {
  "use strict";

  var list = document.querySelector(".image-browser");
  if (!list || !window.opener || !window.opener.CKEDITOR) {
    return;
  }
  var funcNum = list.dataset.funcNum;

  list.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-url]");
    if (!button) {
      return;
    }
    var alt = button.dataset.alt;
    window.opener.CKEDITOR.tools.callFunction(funcNum, button.dataset.url, function () {
      var dialog = this.getDialog();
      var field =
        dialog.getContentElement("info", "alt") ||
        dialog.getContentElement("info", "txtAlt");
      if (field && alt) {
        field.setValue(alt);
      }
    });
    window.close();
  });
})();
