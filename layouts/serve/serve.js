// The behaviour of leaflet serve's pages: saving, jumping to a line, and following the event
// stream so that the page shows the newest findings, preview and files. Loaded from the app
// itself (the page's security policy allows no inline script).
"use strict";

const events = new EventSource("/events");

function say(element, message) {
  element.textContent = "";
  // A fresh text node, so that screen readers announce the same message twice in a row too.
  window.setTimeout(() => { element.textContent = message; }, 50);
}

async function fetchPage(address = window.location.pathname + window.location.search) {
  const response = await fetch(address, { cache: "no-store" });
  if (!response.ok) { return null; }
  return new DOMParser().parseFromString(await response.text(), "text/html");
}

function swap(page, ids) {
  const focused = document.activeElement && document.activeElement.id;
  for (const id of ids) {
    const fresh = page.getElementById(id);
    const here = document.getElementById(id);
    if (fresh && here) { here.replaceWith(document.adoptNode(fresh)); }
  }
  if (focused && !document.getElementById(focused)) { return; }
  if (focused && document.activeElement === document.body) { document.getElementById(focused).focus(); }
}

function libraryPage() {
  let waiting = null;
  const refresh = () => {
    window.clearTimeout(waiting);
    waiting = window.setTimeout(async () => {
      const page = await fetchPage("/" + window.location.search);
      if (page) { swap(page, ["library"]); }
    }, 300);
  };
  for (const kind of ["changed", "outputs", "removed"]) { events.addEventListener(kind, refresh); }
  importForm();
}

// The form posts the Word file itself without script; with script it is sent from here, and the
// answer (the library page with the report or the refusal) gives the report and the table.
function importForm() {
  const form = document.getElementById("import-form");
  const status = document.getElementById("import-status");
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  let sending = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (sending) { return; }
    sending = true;
    // Set at once (not through say), so that the answer, however quick, clears it.
    status.textContent = "Importing " + document.getElementById("word-file").files[0].name + "…";
    try {
      const response = await fetch(form.action, { method: "POST", body: new FormData(form), headers: { "X-CSRF-Token": csrf } });
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      if (!page.getElementById("import-report")) {
        say(status, "Not imported. " + page.body.textContent);
        return;
      }
      swap(page, ["import-report", "library"]);
      status.textContent = "";
      if (response.ok) { form.reset(); }
      document.getElementById("import-outcome").focus();
    } catch (error) {
      say(status, "The Word file could not be sent. Check that leaflet serve is still running, then try again.");
    } finally {
      sending = false;
    }
  });
}

function leafletPage() {
  const form = document.getElementById("editor");
  const text = document.getElementById("source-text");
  const status = document.getElementById("save-status");
  const conflict = document.getElementById("conflict");
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const slug = form.dataset.slug;
  let unsaved = false;
  let saving = null; // the save in progress: events wait for it, so that our own save is known as ours

  const refresh = async (ids) => {
    const page = await fetchPage();
    if (page) { swap(page, ids); }
  };
  const refreshAll = () => refresh(["findings", "preview", "outputs"]);

  const showConflict = (message) => {
    document.getElementById("conflict-message").textContent = message;
    conflict.hidden = false;
  };

  const loadNewest = async () => {
    const response = await fetch(form.dataset.source, { cache: "no-store" });
    if (!response.ok) { say(status, "The newest text could not be loaded. Reload the page."); return; }
    text.value = await response.text();
    form.dataset.etag = response.headers.get("ETag");
    unsaved = false;
    conflict.hidden = true;
    await refreshAll();
    say(status, "The newest text is loaded.");
  };

  const save = () => {
    const mine = (saving || Promise.resolve()).then(send);
    saving = mine;
    mine.finally(() => { if (saving === mine) { saving = null; } });
    return mine;
  };

  const send = async () => {
    say(status, "Saving…");
    const response = await fetch(form.dataset.source, {
      method: "PUT",
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-CSRF-Token": csrf, "If-Match": form.dataset.etag },
      body: text.value,
    });
    if (response.status === 412) {
      showConflict(await response.text());
      say(status, "Not saved: someone else changed this leaflet.");
      document.getElementById("load-newest").focus(); // the next thing to do, as an error summary would
      return;
    }
    if (!response.ok) { say(status, "Not saved. " + await response.text()); return; }
    const result = await response.json();
    form.dataset.etag = result.etag;
    unsaved = false;
    conflict.hidden = true;
    await refreshAll();
    if (result.problem) {
      say(status, "Saved, but the leaflet cannot be read: see What the check found.");
    } else {
      const found = result.findings === 1 ? "1 problem" : result.findings + " problems";
      const errors = result.errors === 1 ? ", 1 of them an error." : ", " + result.errors + " of them errors.";
      say(status, "Saved. The check found " + found + (result.errors ? errors : "."));
    }
  };

  const goToLine = (line) => {
    const lines = text.value.split("\n");
    const number = Math.max(1, Math.min(line, lines.length));
    const start = lines.slice(0, number - 1).reduce((sum, row) => sum + row.length + 1, 0);
    text.focus();
    text.setSelectionRange(start, start + lines[number - 1].length);
    const height = parseFloat(window.getComputedStyle(text).lineHeight) || 20;
    text.scrollTop = Math.max(0, (number - 3) * height);
    say(status, "Line " + number + " of the text is selected.");
  };

  form.addEventListener("submit", (event) => { event.preventDefault(); save(); });
  text.addEventListener("input", () => { unsaved = true; });
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") { event.preventDefault(); save(); }
  });
  document.addEventListener("click", (event) => {
    const button = event.target.closest(".go-to-line");
    if (button) { goToLine(parseInt(button.dataset.line, 10)); }
  });
  document.getElementById("load-newest").addEventListener("click", loadNewest);
  document.getElementById("keep-mine").addEventListener("click", () => {
    conflict.hidden = true;
    say(status, "Your text is kept but not saved. To save it, copy it, load the newest text and make your change again.");
  });
  window.addEventListener("beforeunload", (event) => { if (unsaved) { event.preventDefault(); } });

  events.addEventListener("changed", async (event) => {
    const data = JSON.parse(event.data);
    if (saving) { await saving; }
    if (data.slug !== slug || data.etag === form.dataset.etag) { return; }
    if (!unsaved) {
      await loadNewest();
      say(status, "This leaflet was changed somewhere else; the newest text is shown.");
    } else {
      await refreshAll();
      showConflict("This leaflet was changed somewhere else (on another page or in an editor) since you " +
        "opened it. Your unsaved text is still here, but it cannot be saved over the newer text. The findings " +
        "and preview show the newer text.");
    }
  });
  events.addEventListener("outputs", (event) => {
    if (JSON.parse(event.data).slug === slug) { refresh(["outputs"]); }
  });
  events.addEventListener("removed", (event) => {
    if (JSON.parse(event.data).slug === slug) { say(status, "The file of this leaflet was removed or renamed."); }
  });
}

if (document.body.dataset.page === "library") { libraryPage(); }
if (document.body.dataset.page === "leaflet") { leafletPage(); }
