// 采用重算值: the recomputed execution rate, execution points, total and grade (the live
// panel's, from the server) written into the form's fields, as if the clerk had typed them.
(function () {
  "use strict";
  const button = document.getElementById("adopt");
  const form = document.getElementById("editor");
  if (!button || !form) return;
  button.addEventListener("click", () => {
    const data = document.getElementById("recomputed");
    if (!data) return;
    const values = JSON.parse(data.textContent);
    Object.entries(values).forEach(([name, value]) => {
      const field = form.elements.namedItem(name);
      if (!field) return;
      if (field.tagName === "SELECT" && !Array.from(field.options).some((o) => o.value === value)) {
        field.add(new Option(value, value));
      }
      field.value = value;
    });
    form.dispatchEvent(new Event("input", { bubbles: true }));
  });
})();
