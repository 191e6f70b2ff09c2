// Tergeu's own script, loaded from 'self' so the Content-Security-Policy can forbid inline script.
// A <select data-tg-autosubmit> sends its form when changed (the language chooser in the header).
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field instanceof HTMLSelectElement && field.hasAttribute("data-tg-autosubmit") && field.form) {
    field.form.submit();
  }
});
