/**
 * What marks a field in error: Mantine's controls (`aria-invalid`), their wrappers (`data-error`),
 * radio and checkbox groups (`data-invalid`) and the file pickers.
 */
const INVALID = "[aria-invalid='true'], [data-invalid='true'], [data-error]";
const FIELD = "input:not([type='hidden']), select, textarea";
/** A button that is a field's control (a file picker), not a helper beside one (the date field's calendar). */
const BUTTON = "button:not([data-calendar-toggle])";

const controlOf = (el: HTMLElement) =>
  (el.matches(FIELD) ? el : el.querySelector<HTMLElement>(FIELD)) ??
  (el.matches(BUTTON) ? el : el.querySelector<HTMLElement>(BUTTON));

/**
 * After a failed submit, moves focus to the control of the first field with a message (once it has rendered), so
 * that a screen reader reads the message out. The one implementation every form uses.
 */
export function focusFirstInvalid(root: HTMLElement | null | undefined) {
  window.setTimeout(() => {
    const marked = Array.from(root?.querySelectorAll<HTMLElement>(INVALID) ?? []);
    for (const el of marked) {
      const control = controlOf(el);
      if (control) return control.focus();
    }
  }, 0);
}
