// The listing forms (technology, need, expert). Everything here enhances a form
// that works without it: long selects become Tom Select search boxes, the error
// summary takes the focus and its links reach the field, and "Add" in the
// classification suggestions chooses the suggested value.
(function () {
  "use strict";
  var form = document.querySelector("form.listing-form");
  if (!form) return;

  // Long lists (technology fields, 249 countries, regions, languages): type to
  // find. The <select> stays in the form and is what gets submitted.
  function makeSearchable(select) {
    if (typeof TomSelect === "undefined" || select.tomselect) return;
    var multiple = select.multiple;
    var box = new TomSelect(select, {
      plugins: multiple ? {remove_button: {title: "Remove"}} : [],
      maxOptions: null,
      refreshThrottle: 0, // a few hundred options filter at once; no wait after each key
      allowEmptyOption: !multiple,
      placeholder: multiple ? "Type to search" : undefined,
      closeAfterSelect: !multiple
    });
    // Help, errors and "required" are announced on the box people type in.
    ["aria-describedby", "aria-invalid", "aria-required"].forEach(function (name) {
      var value = select.getAttribute(name);
      if (value) box.focus_node.setAttribute(name, value);
    });
    // The field's label names the box alone, so "find by label" finds one thing;
    // the hidden <select> only carries the values now.
    select.setAttribute("aria-hidden", "true");
    box.dropdown_content.removeAttribute("aria-labelledby");
    box.dropdown_content.setAttribute("aria-label", "Options");
  }
  form.querySelectorAll("select[data-searchable]").forEach(makeSearchable);

  function focusField(target) {
    (target.closest(".field") || target).scrollIntoView({block: "center"});
    if (target.tomselect) { target.tomselect.focus(); return; }
    var input = target.matches("input, select, textarea") ? target : target.querySelector("input, select, textarea");
    if (input) input.focus({preventScroll: true});
  }

  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
  form.addEventListener("click", function (event) {
    var link = event.target.closest(".error-summary a[href^='#']");
    if (!link) return;
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    focusField(target);
  });

  // "Add" in the suggestion panel chooses the value in the form; the author still saves.
  function choose(name, value) {
    var control = form.querySelector('[name="' + CSS.escape(name) + '"]');
    if (!control) return false;
    if (control.tagName === "SELECT") {
      if (control.tomselect) {
        control.tomselect.addItem(value);
        return control.tomselect.items.indexOf(value) !== -1;
      }
      var option = Array.prototype.find.call(control.options, function (o) { return o.value === value; });
      if (!option) return false;
      option.selected = true;
      control.dispatchEvent(new Event("change", {bubbles: true}));
      return true;
    }
    var box = form.querySelector('input[name="' + CSS.escape(name) + '"][value="' + CSS.escape(value) + '"]');
    if (!box) return false;
    box.checked = true;
    box.dispatchEvent(new Event("change", {bubbles: true}));
    return true;
  }
  form.addEventListener("click", function (event) {
    var button = event.target.closest("[data-suggestion-name]");
    if (!button || !choose(button.dataset.suggestionName, button.dataset.suggestionValue)) return;
    button.textContent = "Added";
    button.disabled = true;
  });

  // A rate-limit answer (429) still carries a message worth showing in the panel.
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status === 429 && event.detail.target.id === "classification-suggestions") {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
