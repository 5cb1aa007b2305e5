// The page's own script (inlined by web/build.sh after wasm-bindgen's glue and
// the engine, gzipped and in base64, in RESDIFF_WASM). Plain JavaScript, no framework: read
// the two inputs, call the engine, show its HTML report, offer the saves.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const status = $("status");
  const error = $("error");
  const result = $("result");
  let engine = null; // wasm_bindgen once initialised
  let last = null; // { comparison, oldName, newName }
  let started = 0; // when the input that completed the pair arrived

  function say(text) {
    status.textContent = text;
  }
  function fail(message) {
    error.textContent = message;
    result.replaceChildren();
    setSaves(false);
    say("");
  }
  function setSaves(on) {
    for (const id of ["save-html", "save-markdown", "save-json", "save-docx"]) $(id).disabled = !on;
  }

  // The engine is compiled asynchronously, off the page's own thread where
  // the browser can: the page is usable (and says "Loading…") meanwhile.
  async function init() {
    try {
      const bin = atob(RESDIFF_WASM);
      const packed = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) packed[i] = bin.charCodeAt(i);
      // gzipped by web/assemble.py; unpacked here, in memory (a Response
      // built from a stream fetches nothing)
      const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
      const bytes = await new Response(stream).arrayBuffer();
      await wasm_bindgen({ module_or_path: bytes });
      engine = wasm_bindgen;
      const style = document.createElement("style");
      style.textContent = engine.stylesheet();
      document.head.insertBefore(style, document.head.querySelector("style"));
      // how long the page took to be ready, for the browser test's figures
      status.dataset.readyMs = Math.round(performance.now());
      say("Ready: choose, drop or paste two drafts.");
      // two files chosen while the engine was loading
      if ($("old").files[0] && $("new").files[0]) run(false);
    } catch (e) {
      fail("resdiff: this browser cannot run the comparison engine (" + e + ")");
    }
  }

  // One side's input: the chosen file, else the pasted text.
  async function side(which) {
    const file = $(which).files[0];
    if (file) {
      // refused by its size, as the command line would, before it is read
      const big = engine.too_large(file.name, file.size);
      if (big) throw big;
      return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    }
    const text = $(which + "-text").value;
    if (text.trim() !== "") return { name: which + " (pasted)", bytes: new TextEncoder().encode(text) };
    return null;
  }

  function options() {
    const t = $("threshold").value.trim();
    const n = t === "" ? 0.5 : Number(t);
    if (!Number.isFinite(n) || n < 0 || n > 1)
      throw "resdiff: the threshold must be a number from 0 to 1, not " + (t || "empty");
    const o = new engine.Options();
    o.changes_only = $("changes-only").checked;
    o.ignore_case = $("ignore-case").checked;
    o.ignore_punctuation = $("ignore-punctuation").checked;
    o.threshold = n;
    return o;
  }

  let running = Promise.resolve();
  // Comparisons run one after another, each on the inputs as they are then.
  function run(explicit) {
    running = running.then(() => compare(explicit));
    return running;
  }

  async function compare(explicit) {
    if (!engine) return;
    const t0 = started || performance.now();
    started = 0;
    let old, neu;
    try {
      [old, neu] = [await side("old"), await side("new")];
    } catch (e) {
      fail(typeof e === "string" ? e : "resdiff: cannot read the file: " + e);
      return;
    }
    if (!old || !neu) {
      if (explicit) fail("resdiff: give both drafts: a file or pasted text for each");
      else say(old || neu ? "Now the other draft." : "Ready: choose, drop or paste two drafts.");
      return;
    }
    say("Comparing…");
    // let the browser paint the message before the engine takes the thread
    await new Promise((r) => setTimeout(r, 0));
    let comparison, html;
    try {
      const opts = options();
      try {
        comparison = engine.compare(old.bytes, old.name, neu.bytes, neu.name, opts);
      } finally {
        opts.free();
      }
      html = comparison.html();
    } catch (e) {
      const panic = engine.last_panic();
      fail(panic || (typeof e === "string" ? e : "resdiff: " + e));
      // a panic aborts the engine mid-call: its state is not to be trusted
      if (panic) say("Reload the page before the next comparison.");
      return;
    }
    if (last) last.comparison.free();
    last = { comparison, oldName: old.name, newName: neu.name };
    // the report as the command line writes it; its body, adopted here
    const doc = new DOMParser().parseFromString(html, "text/html");
    error.textContent = "";
    result.replaceChildren(...doc.body.childNodes);
    setSaves(true);
    // the time includes laying the report out, as a reader waits for it
    void result.offsetHeight;
    const ms = Math.round(performance.now() - t0);
    result.dataset.ms = ms;
    say((comparison.changed() ? "Compared: the drafts differ" : "Compared: no substantive difference") + ` (${ms} ms).`);
  }

  function stem(name) {
    return name.replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "draft";
  }
  function save(kind, ext, mime) {
    if (!last) return;
    let text;
    try {
      text = last.comparison[kind]();
    } catch (e) {
      fail(typeof e === "string" ? e : "resdiff: " + e);
      return;
    }
    const url = URL.createObjectURL(new Blob([text], { type: mime }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${stem(last.oldName)}-vs-${stem(last.newName)}.${ext}`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function chosen(which) {
    const f = $(which).files[0];
    $(which + "-chosen").textContent = f ? `${f.name} (${f.size.toLocaleString("en")} bytes)` : "";
  }

  for (const which of ["old", "new"]) {
    const input = $(which);
    input.addEventListener("change", () => {
      started = performance.now();
      chosen(which);
      run(false);
    });
    // a file once chosen wins over pasted text: this lets the user go back
    $(which + "-clear").addEventListener("click", () => {
      input.value = "";
      $(which + "-text").value = "";
      chosen(which);
      say(`The ${which} draft is cleared.`);
    });
    const zone = $(which + "-zone");
    zone.addEventListener("dragover", (e) => {
      e.preventDefault();
      zone.classList.add("over");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (e) => {
      e.preventDefault();
      zone.classList.remove("over");
      if (e.dataTransfer.files.length === 0) return;
      const dt = new DataTransfer();
      dt.items.add(e.dataTransfer.files[0]);
      input.files = dt.files;
      started = performance.now();
      chosen(which);
      run(false);
    });
  }
  // a file dropped outside the two zones is not opened in place of the page
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());
  for (const id of ["changes-only", "ignore-case", "ignore-punctuation", "threshold"]) {
    $(id).addEventListener("change", () => {
      if (last) run(false);
    });
  }
  $("form").addEventListener("submit", (e) => {
    e.preventDefault();
    run(true);
  });
  $("save-html").addEventListener("click", () => save("html", "html", "text/html"));
  $("save-markdown").addEventListener("click", () => save("markdown", "md", "text/markdown"));
  $("save-json").addEventListener("click", () => save("json", "json", "application/json"));
  $("save-docx").addEventListener("click", () =>
    save("docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
  init();
})();
