/**
 * What the person typed into the page's forms, carried to the page they go to next: the same page after
 * the language switch's round trip, or the recovery form after "already booked". Stored in sessionStorage
 * (this tab only, gone when it closes) and removed as soon as the next page loads, so a NIK never sits in
 * a URL, a cookie or the server. Hidden fields are left alone: the page renders them.
 */
const KEY = "antrean:typed-input";

type Saved = { page: string; fields: { form: number; name: string; value: string; checked?: boolean }[] };

const KEPT_TYPES = new Set(["text", "tel", "email", "search", "number", "checkbox", "radio", "date", "textarea", "select-one"]);

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function controlsOf(form: HTMLFormElement): Control[] {
  return [...form.elements].filter((el): el is Control => "name" in el && Boolean((el as Control).name) && KEPT_TYPES.has((el as Control).type));
}

function isTick(el: Control): el is HTMLInputElement {
  return el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio");
}

/** The forms of the page's main content (the language switch sits in the header). */
function pageForms(): HTMLFormElement[] {
  return [...document.querySelectorAll<HTMLFormElement>("main form")];
}

/** Keeps the typed fields (or `only` those names) for `page`, the path the person is about to open. */
export function saveTypedInput(page: string, only?: readonly string[]): void {
  const fields: Saved["fields"] = [];
  pageForms().forEach((form, index) => {
    for (const el of controlsOf(form)) {
      if (only && !only.includes(el.name)) continue;
      if (isTick(el)) fields.push({ form: index, name: el.name, value: el.value, checked: el.checked });
      else if (el.value !== "") fields.push({ form: index, name: el.name, value: el.value });
    }
  });
  try {
    if (fields.length > 0) sessionStorage.setItem(KEY, JSON.stringify({ page, fields } satisfies Saved));
  } catch {
    // Storage may be full or blocked: the way on still works, only the typing is lost.
  }
}

/** Puts the saved input back if this is the page it was typed on; never overwrites what is already there. */
export function restoreTypedInput(page: string): void {
  let saved: Saved | null = null;
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return;
    sessionStorage.removeItem(KEY);
    saved = JSON.parse(raw) as Saved;
  } catch {
    return;
  }
  if (!saved || saved.page !== page) return;
  const forms = pageForms();
  for (const field of saved.fields) {
    const form = forms[field.form];
    if (!form) continue;
    for (const el of controlsOf(form)) {
      if (el.name !== field.name) continue;
      if (isTick(el)) {
        if (el.value === field.value && field.checked !== undefined) el.checked = field.checked;
      } else if (el.value === "" || el instanceof HTMLSelectElement) {
        el.value = field.value;
      }
    }
  }
}
