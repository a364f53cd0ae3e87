"""The parts of the page Streamlit draws itself, made Swedish and accessible.

Streamlit serves `<html lang="en">` and has no translations: its skip link, the sidebar's buttons, the
multiselect's "Select all", the table toolbar and the file uploader speak English. One constant script
sets the page's language and swaps those exact texts (text, aria-label, title, placeholder) for Swedish
as Streamlit draws them; nothing from a file or a visitor reaches it. The menu (Print, Record screen,
Made with Streamlit) is hidden instead: `client.toolbarMode = "minimal"` in .streamlit/config.toml.
What remains English is listed in the README.

The same script mends what axe-core finds in Streamlit's own markup: a table wider than the page scrolls
sideways, so it is made reachable by keyboard (a named region); the file uploader's drop zone carries a
name under `role="presentation"`, so the role is dropped.
"""

from __future__ import annotations

import json

import streamlit as st

SWEDISH = {
    "Skip to main content": "Hoppa till huvudinnehållet",
    "Sidebar": "Sidopanel",
    "App pages": "Sidorna i appen",
    "Collapse sidebar": "Dölj sidopanelen",
    "Expand sidebar": "Visa sidopanelen",
    "Select all": "Välj alla",
    "Clear all": "Rensa alla",
    "No results": "Inga träffar",
    "Choose an option": "Välj ett alternativ",
    "Choose options": "Välj alternativ",
    "Show password": "Visa lösenord",
    "Hide password": "Dölj lösenord",
    "Download as CSV": "Ladda ner som CSV",
    "Search": "Sök",
    "Fullscreen": "Helskärm",
    "Close fullscreen": "Stäng helskärm",
    "Show/hide columns": "Visa eller dölj kolumner",
    "Sort ascending": "Sortera stigande",
    "Sort descending": "Sortera fallande",
    "Hide column": "Dölj kolumnen",
    "Pin column": "Fäst kolumnen",
    "Unpin column": "Lossa kolumnen",
    "Autosize": "Anpassa bredden",
    "Copy to clipboard": "Kopiera",
    "Upload": "Välj fil",  # the file uploader's button
    "file upload": "Välj fil att importera",
    "Browse files": "Välj fil",
    "Drag and drop file here": "Dra och släpp filen här",
    "Drag and drop files here": "Dra och släpp filerna här",
    "Remove file": "Ta bort filen",
    "Open": "Öppna",
    "Close": "Stäng",
    "Choose date": "Välj datum",
    "Previous month": "Föregående månad",
    "Next month": "Nästa månad",
    "Link to heading": "Länk till rubriken",
    "Show data": "Visa data",
    "Download as PNG": "Ladda ner som PNG",
    "January": "januari",
    "February": "februari",
    "March": "mars",
    "April": "april",
    "May": "maj",
    "June": "juni",
    "July": "juli",
    "August": "augusti",
    "September": "september",
    "October": "oktober",
    "November": "november",
    "December": "december",
    "Running...": "Arbetar …",
    "Stop": "Avbryt",
}
# Texts with a number in them: a JavaScript pattern and its Swedish replacement.
SWEDISH_PATTERNS = (
    (r"^(\d+(?:\.\d+)?)\s?MB per file$", "Högst $1 MB per fil"),
    (r"^(\d+(?:\.\d+)?)\s?GB per file$", "Högst $1 GB per fil"),
    (r"^Show data: ", "Visa data: "),
    (r"^Download as PNG: ", "Ladda ner som PNG: "),
)

_SCRIPT = """
(() => {
  document.documentElement.lang = "sv";
  if (window.__swedishPage) return;
  window.__swedishPage = true;
  const words = WORDS;
  const patterns = PATTERNS.map(([p, r]) => [new RegExp(p), r]);
  const attributes = ["aria-label", "title", "placeholder"];
  const swap = (value) => {
    const text = value.trim();
    if (Object.prototype.hasOwnProperty.call(words, text)) return value.replace(text, words[text]);
    for (const [pattern, swedish] of patterns) {
      if (pattern.test(text)) return value.replace(text, text.replace(pattern, swedish));
    }
    return value;
  };
  const one = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const swedish = swap(node.data);
      if (swedish !== node.data) node.data = swedish;
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      for (const name of attributes) {
        const value = node.getAttribute(name);
        if (value) {
          const swedish = swap(value);
          if (swedish !== value) node.setAttribute(name, swedish);
        }
      }
    }
  };
  const all = (root) => {
    one(root);
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) one(walker.currentNode);
  };
  const mend = () => {
    document.querySelectorAll('[data-testid="stFileUploaderDropzone"][role="presentation"]')
      .forEach((zone) => zone.removeAttribute("role"));
    document.querySelectorAll('[data-testid="stTable"] > div').forEach((box, index) => {
      const name = `Tabell ${index + 1}, rulla i sidled`;
      if (box.scrollWidth > box.clientWidth + 1 && box.getAttribute("aria-label") !== name) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", name);
      }
    });
  };
  let pending = false;
  const later = () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => { pending = false; mend(); });
    }
  };
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "childList") change.addedNodes.forEach(all);
      else one(change.target);
    }
    later();
  }).observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: attributes,
  });
  window.addEventListener("resize", later);
  all(document.body);
  mend();
})();
"""


def swedish_page() -> None:
    """Set the page's language to Swedish, keep Streamlit's own texts Swedish and its markup accessible
    (a constant script)."""
    script = _SCRIPT.replace("WORDS", json.dumps(SWEDISH, ensure_ascii=False)).replace(
        "PATTERNS", json.dumps(SWEDISH_PATTERNS)
    )
    st.html(f"<script>{script}</script>", unsafe_allow_javascript=True)
