/* Concord's page behaviour. The CSP allows no inline script or handler, so everything a page
   needs is declared in data- attributes and wired up here, by delegation, so that it also works
   in fragments that htmx swaps in later. */
(function () {
  "use strict";

  var Concord = (window.Concord = window.Concord || {});
  var TYPING_DELAY_MS = 400;

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  // --- data-confirm --------------------------------------------------------------------------
  // Capturing at the document runs before htmx's own listener on the form, so a refusal stops
  // htmx requests as well as plain submissions.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    var submitter = event.submitter;
    var question = (submitter && submitter.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);

  // --- data-autosubmit -----------------------------------------------------------------------
  var TYPED = ["text", "search", "email", "tel", "url", "number"];
  var timers = new WeakMap();

  function usesHtmx(form) {
    return Boolean(window.htmx) && (form.hasAttribute("hx-get") || form.hasAttribute("hx-post"));
  }

  function submit(form) {
    if (usesHtmx(form)) {
      // A newer filter replaces a request still in flight, so answers cannot arrive out of order.
      if (!form.hasAttribute("hx-sync")) form.setAttribute("hx-sync", "this:replace");
      window.htmx.trigger(form, "submit");
    } else if (typeof form.requestSubmit === "function") {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  function isTyped(field) {
    return field.tagName === "TEXTAREA" || (field.tagName === "INPUT" && TYPED.indexOf(field.type) !== -1);
  }

  function autosubmitForm(field) {
    var form = field.form;
    return form && form.hasAttribute("data-autosubmit") ? form : null;
  }

  document.addEventListener("input", function (event) {
    var field = event.target;
    var form = autosubmitForm(field);
    // Without htmx each submission reloads the page and takes the caret away, so typed
    // filters then wait for "change" (leaving the field or pressing Enter).
    if (!form || !isTyped(field) || !usesHtmx(form)) return;
    window.clearTimeout(timers.get(form));
    timers.set(form, window.setTimeout(function () { submit(form); }, TYPING_DELAY_MS));
  });

  document.addEventListener("change", function (event) {
    var field = event.target;
    var form = autosubmitForm(field);
    if (!form) return;
    if (isTyped(field) && usesHtmx(form)) return;  // already sent while typing
    window.clearTimeout(timers.get(form));
    submit(form);
  });

  // --- table-stack ---------------------------------------------------------------------------
  // On a phone a .table-stack row is a card: each value is shown under its column's name.
  function labelStackedCells(root) {
    var tables = root.querySelectorAll("table.table-stack");
    Array.prototype.forEach.call(tables, function (table) {
      var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        // A sort link's hidden "(sorted in ascending order)" is for screen readers only.
        var name = th.cloneNode(true);
        Array.prototype.forEach.call(name.querySelectorAll(".visually-hidden"), function (hidden) {
          hidden.remove();
        });
        return name.textContent.trim();
      });
      Array.prototype.forEach.call(table.querySelectorAll("tbody > tr"), function (row) {
        Array.prototype.forEach.call(row.children, function (cell, index) {
          if (!cell.hasAttribute("colspan") && names[index]) cell.setAttribute("data-label", names[index]);
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { labelStackedCells(document); });
  // A swap may replace the table itself, so the whole page is looked at again (a few tables).
  document.addEventListener("htmx:afterSwap", function () { labelStackedCells(document); });

  // --- data-error-summary ------------------------------------------------------------------
  // A refused form's summary takes the focus, so that the reader hears or sees first that
  // nothing was saved; its links then move the focus to each field named.
  function focusErrorSummary(root) {
    var summary = root.querySelector("[data-error-summary]");
    if (summary) summary.focus();
  }

  document.addEventListener("DOMContentLoaded", function () { focusErrorSummary(document); });
  document.addEventListener("htmx:afterSwap", function (event) { focusErrorSummary(event.target); });

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("[data-error-summary] a[href^='#']");
    if (!link) return;
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({block: "center"});
    var control = field.matches("input, select, textarea") ? field : field.querySelector("input, select, textarea");
    if (control) control.focus();
  });

  // --- htmx ----------------------------------------------------------------------------------
  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrfToken();
    if (token) event.detail.headers["X-CSRFToken"] = token;
  });

  // The wording comes from the page (data- attributes of #messages), translated by Django.
  function phrase(name, fallback) {
    var area = document.getElementById("messages");
    return (area && area.getAttribute("data-text-" + name)) || fallback;
  }

  // A failed fragment request would otherwise change nothing on the screen.
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    Concord.notify(phrase("update-failed", "The page could not be updated.") + " (HTTP " + status + ")", "danger");
  });
  document.addEventListener("htmx:sendError", function () {
    Concord.notify(phrase("offline", "The server cannot be reached."), "danger");
  });

  /** Show a dismissible Bootstrap alert in the page's message area. */
  Concord.notify = function (text, level) {
    var area = document.getElementById("messages");
    if (!area) return;
    var alert = document.createElement("div");
    alert.className = "alert alert-" + (level || "info") + " alert-dismissible fade show";
    alert.setAttribute("role", "alert");
    alert.appendChild(document.createTextNode(text));
    var close = document.createElement("button");
    close.type = "button";
    close.className = "btn-close";
    close.setAttribute("data-bs-dismiss", "alert");
    close.setAttribute("aria-label", phrase("close", "Close"));
    alert.appendChild(close);
    area.appendChild(alert);
  };
})();
