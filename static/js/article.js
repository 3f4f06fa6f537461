// The article page: character offsets of a text selection, quote ↔ speaker highlighting,
// opening an annotation from the text, and letting htmx show 400/409 answers.
// Offsets count Unicode code points, as Python's str indices do (JavaScript counts UTF-16 units).
(function () {
  "use strict";

  let lastSelection = null; // {start, end, text} inside #article-body

  function codePoints(text) {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0xd800 || c > 0xdbff) n++; // a high surrogate is counted with its low half
    }
    return n;
  }

  function offsetIn(body, node, offset) {
    const range = document.createRange();
    range.setStart(body, 0);
    range.setEnd(node, offset);
    return codePoints(range.toString());
  }

  function readSelection() {
    const body = document.getElementById("article-body");
    const selection = window.getSelection();
    if (!body || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return null;
    const start = offsetIn(body, range.startContainer, range.startOffset);
    const end = offsetIn(body, range.endContainer, range.endOffset);
    if (end <= start) return null;
    return { start: start, end: end, text: range.toString() };
  }

  function fill(form, sel) {
    if (!form || !sel) return;
    form.querySelector("[name=start]").value = sel.start;
    form.querySelector("[name=end]").value = sel.end;
    const text = form.querySelector("[name=text]");
    if (text) text.value = sel.text;
  }

  document.addEventListener("selectionchange", function () {
    const sel = readSelection();
    if (!sel) return;
    lastSelection = sel;
    fill(document.getElementById("new-annotation"), sel);
    const preview = document.getElementById("selection-preview");
    if (preview) preview.textContent = "“" + sel.text.slice(0, 200) + "” [" + sel.start + "–" + sel.end + "]";
  });

  // Typing offsets by hand invalidates the browser's copy of the selected text.
  document.addEventListener("input", function (event) {
    const form = event.target.closest("#new-annotation");
    if (form && (event.target.name === "start" || event.target.name === "end")) {
      form.querySelector("[name=text]").value = "";
    }
  });

  document.addEventListener("click", function (event) {
    const use = event.target.closest("[data-use-selection]");
    if (use) {
      fill(use.closest("form"), lastSelection);
      return;
    }
    const segment = event.target.closest("#article-body [data-refs]");
    if (!segment || !window.getSelection().isCollapsed) return;
    openAnnotation(segment.dataset.refs.split(" ")[0]);
  });

  function openAnnotation(ref) {
    const workspace = document.getElementById("workspace");
    const [kind, id] = ref.split("-");
    const template = workspace.dataset[kind === "mention" ? "mentionUrl" : "quoteUrl"];
    const url = template.replace(/\/0\/$/, "/" + id + "/");
    htmx.ajax("GET", url, { target: "#editor", swap: "innerHTML" });
  }

  // Hovering or focusing a quote (in the text or the list) lights up the quote and its speaker.
  function refsOf(element) {
    const holder = element.closest("[data-refs], [data-ref]");
    if (!holder) return [];
    return (holder.dataset.refs || holder.dataset.ref).split(" ");
  }

  function light(refs, on) {
    refs.forEach(function (ref) {
      document.querySelectorAll('[data-refs~="' + ref + '"], [data-ref="' + ref + '"]').forEach(function (el) {
        el.classList.toggle("linked", on);
      });
    });
  }

  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) { light(refsOf(event.target), true); });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) { light(refsOf(event.target), false); });
  });

  // Keyboard: j/k walk the highlighted spans, Enter opens one, a/r accept or reject the open one.
  let cursor = -1;
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest("input, select, textarea, [contenteditable]")) return;
    const spans = document.querySelectorAll("#article-body [data-refs]");
    const focused = event.target.closest && event.target.closest("#article-body [data-refs]");
    if (event.key === "j" || event.key === "k") {
      if (!spans.length) return;
      if (focused) cursor = Array.prototype.indexOf.call(spans, focused);
      cursor = event.key === "j" ? Math.min(cursor + 1, spans.length - 1) : Math.max(cursor - 1, 0);
      spans[cursor].tabIndex = -1;
      spans[cursor].focus();
      event.preventDefault();
    } else if (event.key === "Enter" && focused) {
      openAnnotation(focused.dataset.refs.split(" ")[0]);
      event.preventDefault();
    } else if (event.key === "a" || event.key === "r") {
      const label = event.key === "a" ? "Accept" : /Reject|Remove/;
      const button = Array.from(document.querySelectorAll("#editor .row button")).find(function (b) {
        return typeof label === "string" ? b.textContent.trim() === label : label.test(b.textContent);
      });
      if (button) {
        // Not button.click(): htmx wires swapped-in buttons only once they settle (20 ms later).
        htmx.ajax("POST", button.getAttribute("hx-post"), { source: button });
        event.preventDefault();
      }
    }
  });

  // A conflict (409) or invalid input (400) comes with the current workspace: show it.
  document.addEventListener("htmx:beforeSwap", function (event) {
    const status = event.detail.xhr.status;
    if (status === 409 || status === 400) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
