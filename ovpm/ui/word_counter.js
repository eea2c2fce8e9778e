// Live word counts under text areas, while typing (Streamlit reruns a form only on submit).
// Counts runs of non-space characters, exactly as ovpm.domain.submissions.count_words does.
export default function (component) {
  const { data } = component;
  const count = (text) => (text.trim().match(/\S+/g) || []).length;
  const attach = () => {
    for (const field of data.fields) {
      const selector = `textarea[aria-label="${CSS.escape(field.label)}"]`;
      for (const area of document.querySelectorAll(selector)) {
        if (area.dataset.ovpmWords) continue;
        area.dataset.ovpmWords = "1";
        const box = area.closest('[data-testid="stTextArea"]') || area.parentElement;
        const badge = document.createElement("div");
        badge.className = "ovpm-word-count";
        badge.setAttribute("aria-live", "polite");
        badge.style.cssText = "font-size:0.85rem;margin-top:0.25rem;";
        box.appendChild(badge);
        const update = () => {
          const words = count(area.value);
          const text = data.template.replace("{count}", words).replace("{limit}", field.limit);
          if (badge.textContent !== text) badge.textContent = text;
          badge.style.color = words > field.limit ? "#B03A2E" : "rgba(49, 51, 63, 0.65)";
        };
        area.addEventListener("input", update);
        update();
      }
    }
  };
  attach();
  const observer = new MutationObserver(attach);
  observer.observe(document.body, { childList: true, subtree: true });
  return () => observer.disconnect();
}
