// The upload page: files and folders dropped on the box join the file input and are listed
// before upload; a drop anywhere else on the page is ignored instead of opening the file.
(function () {
  "use strict";

  const zone = document.getElementById("dropzone");
  const input = zone && zone.querySelector("input[type=file][name=files]");
  const folderInput = document.getElementById("folder-input");
  const list = document.getElementById("upload-list");
  if (!zone || !input || !list) return;

  let chosen = new DataTransfer();

  function sizeText(bytes) {
    if (bytes < 1024) return bytes + " B";
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(0) + " KB";
    return (bytes / 1024 / 1024).toFixed(1) + " MB";
  }

  function show() {
    list.replaceChildren();
    const files = Array.from(input.files).concat(folderInput ? Array.from(folderInput.files) : []);
    files.forEach(function (file) {
      const item = document.createElement("li");
      item.textContent = (file.webkitRelativePath || file.name) + " (" + sizeText(file.size) + ")";
      list.appendChild(item);
    });
    const summary = document.getElementById("upload-summary");
    if (summary) {
      summary.textContent = files.length ? files.length + " file" + (files.length === 1 ? "" : "s") + " ready to upload" : "";
    }
  }

  function add(files) {
    files.forEach(function (file) { chosen.items.add(file); });
    input.files = chosen.files;
    show();
  }

  // A dropped folder: every file inside it, however deep (readEntries answers in batches).
  function readEntry(entry) {
    if (entry.isFile) {
      return new Promise(function (resolve) { entry.file(function (f) { resolve([f]); }, function () { resolve([]); }); });
    }
    if (!entry.isDirectory) return Promise.resolve([]);
    const reader = entry.createReader();
    return new Promise(function (resolve) {
      const entries = [];
      (function batch() {
        reader.readEntries(function (some) {
          if (!some.length) {
            Promise.all(entries.map(readEntry)).then(function (lists) { resolve([].concat.apply([], lists)); });
            return;
          }
          entries.push.apply(entries, some);
          batch();
        }, function () { resolve([]); });
      })();
    });
  }

  function dropped(transfer) {
    const items = Array.from(transfer.items || []);
    const entries = items.map(function (item) { return item.webkitGetAsEntry ? item.webkitGetAsEntry() : null; });
    if (entries.length && entries.every(Boolean)) {
      return Promise.all(entries.map(readEntry)).then(function (lists) { return [].concat.apply([], lists); });
    }
    return Promise.resolve(Array.from(transfer.files || []));
  }

  // Anywhere on the page: no navigation to the dropped file.
  ["dragover", "drop"].forEach(function (type) {
    window.addEventListener(type, function (event) {
      if (!zone.contains(event.target)) {
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = "none";
      }
    });
  });

  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (event) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
      zone.classList.add("dragging");
    });
  });
  zone.addEventListener("dragleave", function (event) {
    if (!zone.contains(event.relatedTarget)) zone.classList.remove("dragging");
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    zone.classList.remove("dragging");
    dropped(event.dataTransfer).then(add);
  });

  // Chosen with the dialog: they join what was dropped before.
  input.addEventListener("change", function () {
    const picked = Array.from(input.files);
    chosen = new DataTransfer();
    add(picked);
  });
  if (folderInput) folderInput.addEventListener("change", show);
})();
