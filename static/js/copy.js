// "Copy" buttons for citations and permalinks. Without JavaScript the buttons stay hidden
// and the text is there to select.
(function () {
  if (!navigator.clipboard) return;
  document.querySelectorAll("button.copy").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var source = button.dataset.copyFrom && document.getElementById(button.dataset.copyFrom);
      var text = source ? source.textContent.trim() : button.dataset.copyText;
      var label = button.textContent;
      navigator.clipboard.writeText(text).then(function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = label; }, 1500);
      });
    });
  });
})();
