// Keys for the review page, served from 'self' (the Content-Security-Policy forbids inline script):
// S "same person", D "not the same", U "unsure", for the decision form the reviewer is in (focus),
// else the first one on the page. Typing in a field (the note) never triggers a decision, and a key
// with Ctrl, Alt or Meta is left to the browser.
document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) {
    return;
  }
  const target = event.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement || (target instanceof HTMLElement && target.isContentEditable)) {
    return;
  }
  const key = event.key.toLowerCase();
  if (!["s", "d", "u"].includes(key)) {
    return;
  }
  const focused = target instanceof Element ? target.closest("form[data-tg-decide]") : null;
  const form = focused || document.querySelector("form[data-tg-decide]");
  const button = form ? form.querySelector(`button[data-tg-key="${key}"]`) : null;
  if (button) {
    event.preventDefault();
    button.click();
  }
});
