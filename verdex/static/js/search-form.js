// The search form: htmx GETs it (hx-get, so the URL stays shareable), except
// when the text would make the URL too long. gunicorn refuses a request line
// over 4,094 bytes (414), and a pasted paragraph of Chinese is three times
// longer percent-encoded. Such a search is POSTed instead; the server keeps
// the text and redirects to a short ?qref= address (search/views.py), which
// htmx pushes to the address bar. The limit is the form's data-post-over.
document.addEventListener("htmx:configRequest", (event) => {
  const form = event.detail.elt.closest("form[data-post-over]");
  if (!form || event.detail.verb !== "get") {
    return;
  }
  const text = event.detail.parameters.get("q") || "";
  if (encodeURIComponent(text).length > Number(form.dataset.postOver)) {
    event.detail.verb = "post";
    event.detail.useUrlParams = false;
    // htmx chose its headers for a GET; a form body needs its type named.
    event.detail.headers["Content-Type"] = "application/x-www-form-urlencoded";
  }
});
