// Live word counts under text areas, while typing (Streamlit reruns a form only on submit).
// Counts as ovpm.domain.submissions.count_words does: runs between the separators that Python
// sends (data.separators) holding at least one letter or digit.
export default function (component) {
  const { data } = component;
  const separators = new RegExp(data.separators, "u");
  const wordLike = /[\p{L}\p{N}]/u;
  const count = (text) => text.split(separators).filter((run) => wordLike.test(run)).length;
  const badges = new Map(); // text area -> its badge and limit
  const show = (area, entry) => {
    const words = count(area.value);
    const text = data.template.replace("{count}", words).replace("{limit}", entry.limit);
    if (entry.badge.textContent !== text) entry.badge.textContent = text;
    entry.badge.style.color = words > entry.limit ? "#B03A2E" : "rgba(49, 51, 63, 0.75)";
  };
  const attach = () => {
    for (const field of data.fields) {
      const selector = `textarea[aria-label="${CSS.escape(field.label)}"]`;
      for (const area of document.querySelectorAll(selector)) {
        let entry = badges.get(area);
        const box = area.closest('[data-testid="stTextArea"]') || area.parentElement;
        if (!entry || !entry.badge.isConnected) {
          const badge = document.createElement("div");
          badge.className = "ovpm-word-count";
          badge.setAttribute("aria-live", "polite");
          badge.style.cssText = "font-size:0.85rem;margin-top:0.25rem;";
          box.appendChild(badge);
          entry = { badge, limit: field.limit };
          badges.set(area, entry);
          area.addEventListener("input", () => show(area, entry));
        }
        show(area, entry);
      }
    }
    for (const area of badges.keys()) if (!area.isConnected) badges.delete(area);
  };
  attach();
  // Streamlit sets a text area's value without an input event (a rerun after a save, a reload):
  // recount on every change of the page and a few times a second, so a count is never stale.
  const observer = new MutationObserver(attach);
  observer.observe(document.body, { childList: true, subtree: true });
  const timer = setInterval(attach, 400);
  return () => {
    observer.disconnect();
    clearInterval(timer);
  };
}
