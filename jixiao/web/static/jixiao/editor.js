// Entry page: live figures from the server, rows added / removed / reordered, unsaved-change warning.
(function () {
  "use strict";
  const form = document.getElementById("editor");
  if (!form) return;
  const live = document.getElementById("live");
  const body = document.querySelector("#indicator-rows tbody");
  const total = form.querySelector("input[name='ind-TOTAL_FORMS']");
  const layouts = JSON.parse(document.getElementById("layouts").textContent || "{}");
  const layoutSelect = form.querySelector("[name='template']");
  let dirty = false;
  let timer = null;
  let inflight = null;

  function rows() { return Array.from(body.querySelectorAll("tr.indicator-row")); }
  function liveRows() { return rows().filter((r) => !(r.querySelector("input[name$='-DELETE']") || {}).checked); }

  function renumber() {
    // The formset's ORDER field follows the rows' order on the page.
    rows().forEach((row, i) => { const o = row.querySelector("input[name$='-ORDER']"); if (o) o.value = i + 1; });
  }

  function showLayout() {
    // The chosen layout's tree and its 分值 column, without a reload.
    const template = layoutSelect.value;
    const names = Object.keys((layouts.trees || {})[template] || {});
    const hint = document.getElementById("tree-hint");
    hint.hidden = names.length === 0;
    hint.querySelector("span").textContent = names.join("、");
    const weighted = Boolean((layouts.weighted || {})[template]);
    form.querySelectorAll(".weight-col").forEach((cell) => { cell.hidden = !weighted; });
    levelLists();
  }

  function levelLists() {
    const levels = (layouts.trees || {})[layoutSelect.value] || {};
    let l1 = document.getElementById("level1-options");
    l1.innerHTML = Object.keys(levels).map((n) => `<option value="${n}">`).join("");
    rows().forEach((row, i) => {
      const level1 = row.querySelector("input[name$='-level1']");
      const level2 = row.querySelector("input[name$='-level2']");
      if (!level1 || !level2) return;
      level1.setAttribute("list", "level1-options");
      const id = `level2-options-${i}`;
      let list = document.getElementById(id);
      if (!list) { list = document.createElement("datalist"); list.id = id; form.appendChild(list); }
      list.innerHTML = (levels[level1.value] || []).map((n) => `<option value="${n}">`).join("");
      level2.setAttribute("list", id);
    });
  }

  function applyReadings() {
    const data = document.getElementById("live-rows");
    if (!data) return;
    const readings = JSON.parse(data.textContent);
    liveRows().forEach((row, i) => {
      const r = readings[i] || {};
      const reading = row.querySelector(".reading");
      const rule = row.querySelector(".rule");
      if (reading) reading.textContent = r.reading || "";
      if (rule) rule.textContent = r.rule ? `${live.dataset.ruleWord} ${r.rule}` : (r.tier || "");
    });
  }

  function refresh() {
    renumber();
    if (inflight) inflight.abort();
    inflight = new AbortController();
    fetch(form.dataset.preview, { method: "POST", body: new FormData(form), signal: inflight.signal,
                                  headers: { "X-Requested-With": "fetch" } })
      .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
      .then((html) => { live.innerHTML = html; applyReadings(); })
      .catch((e) => { if (e.name !== "AbortError") live.dataset.error = String(e); });
  }

  function changed() {
    dirty = true;
    document.getElementById("dirty-note").hidden = false;
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  }

  document.getElementById("add-row").addEventListener("click", () => {
    const index = Number(total.value);
    const html = document.getElementById("empty-row").innerHTML.replace(/__prefix__/g, String(index));
    body.insertAdjacentHTML("beforeend", html);
    total.value = index + 1;
    showLayout();
    changed();
  });

  body.addEventListener("click", (event) => {
    const row = event.target.closest("tr.indicator-row");
    if (!row) return;
    if (event.target.classList.contains("up") && row.previousElementSibling) {
      body.insertBefore(row, row.previousElementSibling); changed();
    } else if (event.target.classList.contains("down") && row.nextElementSibling) {
      body.insertBefore(row.nextElementSibling, row); changed();
    }
  });

  form.addEventListener("input", (event) => {
    if (event.target.name && event.target.name.endsWith("-level1")) levelLists();
    changed();
  });
  form.addEventListener("change", (event) => {
    if (event.target === layoutSelect) showLayout();
    changed();
  });
  form.addEventListener("submit", () => { renumber(); dirty = false; });
  window.addEventListener("beforeunload", (event) => {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });

  showLayout();
  renumber();
  refresh();
})();
