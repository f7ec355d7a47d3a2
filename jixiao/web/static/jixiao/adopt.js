// 采用重算值: the recomputed execution rate, execution points, total and grade (the live
// panel's, from the server) written into the form's fields, as if the clerk had typed them.
(function () {
  "use strict";
  const button = document.getElementById("adopt");
  const form = document.getElementById("editor");
  if (!button || !form) return;
  const layouts = JSON.parse(document.getElementById("layouts").textContent || "{}");
  const layout = form.elements.namedItem("template");
  const grade = form.elements.namedItem("grade");

  // The grade is a choice of the chosen layout's rule set's words; a word already chosen stays.
  function gradeChoices() {
    if (!grade || grade.tagName !== "SELECT" || !layout) return;
    const words = ((layouts.grades || {})[layout.value] || []).slice();
    const chosen = grade.value;
    if (chosen && !words.includes(chosen)) words.push(chosen);
    const blank = grade.options.length ? grade.options[0].text : "—";
    grade.replaceChildren(new Option(blank, ""), ...words.map((w) => new Option(w, w)));
    grade.value = chosen;
  }
  if (layout) layout.addEventListener("change", gradeChoices);
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
