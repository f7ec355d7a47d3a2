// Job pages: poll the job's progress until it is done, then reload to show the result.
(function () {
  "use strict";
  const bar = document.querySelector("[data-job-url]");
  if (!bar) return;
  const meter = bar.querySelector("progress");
  const text = bar.querySelector(".progress-text");
  function poll() {
    fetch(bar.dataset.jobUrl).then((r) => r.json()).then((job) => {
      meter.max = job.total || 1;
      meter.value = job.done;
      text.textContent = `${job.done} / ${job.total} (${job.percent}%) ${job.message || ""}`;
      if (job.status === "done" || job.status === "failed") { window.location.reload(); return; }
      setTimeout(poll, 1000);
    }).catch(() => setTimeout(poll, 3000));
  }
  poll();
})();
