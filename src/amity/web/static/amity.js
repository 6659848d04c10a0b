// amity's only script, served from the package: the upload form (drop zone, progress).
// Text from the server is set with textContent, never as HTML.
"use strict";

(function () {
  const form = document.getElementById("upload-form");
  if (!form) return;
  const drop = document.getElementById("drop");
  const input = document.getElementById("files");
  const button = document.getElementById("upload-button");
  const panel = document.getElementById("job");
  const bar = document.getElementById("job-progress");
  const status = document.getElementById("job-status");
  const docList = document.getElementById("job-documents");
  const failList = document.getElementById("job-failures");
  let dropped = null;

  function say(text, state) {
    status.textContent = text;
    status.className = "status " + (state || "");
  }

  function item(list, text, href) {
    const li = document.createElement("li");
    if (href) {
      const a = document.createElement("a");
      a.href = href;
      a.textContent = text;
      li.appendChild(a);
    } else {
      li.textContent = text;
    }
    list.appendChild(li);
  }

  ["dragenter", "dragover"].forEach((name) => drop.addEventListener(name, (ev) => {
    ev.preventDefault();
    drop.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((name) => drop.addEventListener(name, () => {
    drop.classList.remove("over");
  }));
  drop.addEventListener("drop", (ev) => {
    ev.preventDefault();
    dropped = ev.dataTransfer.files;
    drop.firstChild.textContent = dropped.length + " file(s) dropped. ";
  });
  input.addEventListener("change", () => { dropped = null; });

  async function poll(id) {
    const response = await fetch("/api/jobs/" + encodeURIComponent(id));
    const job = await response.json();
    if (!response.ok) { say(job.detail || "lost track of the upload", "failed"); return; }
    bar.max = Math.max(job.total, 1);
    bar.value = job.done;
    if (job.state === "queued") say("Waiting for the upload before it…");
    else if (job.state === "running") say(job.done + " of " + job.total + " pages read, " + job.stored + " stored…");
    if (job.state === "done" || job.state === "failed") {
      say(job.message, job.state);
      bar.value = bar.max;
      docList.replaceChildren();
      failList.replaceChildren();
      job.documents.forEach((doc) => item(docList, "Stored: " + (doc.title || doc.id), "/documents/" + encodeURIComponent(doc.id)));
      job.failures.forEach((text) => item(failList, "Not stored: " + text));
      if (job.documents.length) item(docList, "All documents", "/documents");
      button.disabled = false;
      return;
    }
    setTimeout(() => poll(id), 400);
  }

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const files = dropped || input.files;
    if (!files || !files.length) { panel.hidden = false; say("Choose or drop at least one file.", "failed"); return; }
    const body = new FormData();
    for (const f of files) body.append("files", f, f.name);
    const headers = {};
    const token = document.getElementById("token");
    if (token && token.value) headers["Authorization"] = "Bearer " + token.value;
    panel.hidden = false;
    button.disabled = true;
    docList.replaceChildren();
    failList.replaceChildren();
    bar.removeAttribute("value");
    say("Sending " + files.length + " file(s)…");
    let response;
    try {
      response = await fetch("/api/upload", { method: "POST", body: body, headers: headers });
    } catch (err) {
      say("The upload did not reach the server: " + err, "failed");
      button.disabled = false;
      return;
    }
    const job = await response.json().catch(() => ({}));
    if (!response.ok) {
      say("Refused: " + (job.detail || response.statusText), "failed");
      button.disabled = false;
      return;
    }
    poll(job.id);
  });
})();
