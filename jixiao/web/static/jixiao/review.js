// Review pages: the move dialogs of a form (pass / return with 审核意见, submit, withdraw,
// publish), and the queue's tick boxes for moving many forms at once.
(function () {
  "use strict";

  document.querySelectorAll("[data-opens]").forEach((button) => {
    const dialog = document.getElementById(button.dataset.opens);
    if (!dialog || typeof dialog.showModal !== "function") return;
    button.addEventListener("click", () => {
      dialog.showModal();
      const note = dialog.querySelector("textarea");
      if (note) note.focus();
    });
    dialog.querySelector("button.close").addEventListener("click", () => dialog.close());
  });

  // A return needs its reason: said in the dialog before anything is sent.
  document.querySelectorAll("button[data-needs-note]").forEach((button) => {
    button.addEventListener("click", (event) => {
      const note = button.form.querySelector("textarea[name='reason']");
      if (!note) return;
      note.setCustomValidity(note.value.trim() ? "" : button.dataset.needsNote);
      if (!note.reportValidity()) event.preventDefault();
    });
  });
  document.querySelectorAll("dialog textarea[name='reason']").forEach((note) => {
    note.addEventListener("input", () => note.setCustomValidity(""));
  });

  // The queue: tick all, and a question before moving the ticked forms.
  const all = document.getElementById("tick-all");
  if (all) {
    all.addEventListener("change", () => {
      document.querySelectorAll("input.tick").forEach((box) => { box.checked = all.checked; });
    });
  }
  document.querySelectorAll("#batch button[data-confirm]").forEach((button) => {
    button.addEventListener("click", (event) => {
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  });
})();
