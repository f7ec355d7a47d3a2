// Amount inputs as users write them: thousands separators in the integer part, the decimals
// exactly as typed (so the number, and what a save records, never changes). Shown on load
// and when an amount input is left.
(function () {
  "use strict";
  const form = document.getElementById("editor");
  if (!form) return;
  const AMOUNT = /-(initial_budget|budget|total_budget|executed|previous_budget|previous_executed)$|^(initial_budget|budget|total_budget|executed|previous_budget|previous_executed)$/;

  function grouped(text) {
    const match = /^\s*(-?)([0-9][0-9,]*)(\.[0-9]*)?\s*$/.exec(text);
    if (!match) return text; // not a plain number: left as typed
    const whole = match[2].replace(/,/g, "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return match[1] + whole + (match[3] || "");
  }

  function amounts() { return Array.from(form.querySelectorAll("input.num")).filter((el) => AMOUNT.test(el.name)); }

  amounts().forEach((el) => { el.value = grouped(el.value); });
  form.addEventListener("focusout", (event) => {
    const el = event.target;
    if (el.matches && el.matches("input.num") && AMOUNT.test(el.name)) {
      const shown = grouped(el.value);
      if (shown !== el.value) el.value = shown;
    }
  });
})();
