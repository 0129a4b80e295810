/**
 * What marks a field in error: Mantine's controls (`aria-invalid`), their wrappers (`data-error`),
 * radio and checkbox groups (`data-invalid`) and the file pickers.
 */
const INVALID = "[aria-invalid='true'], [data-invalid='true'], [data-error]";
const CONTROL = "input, select, textarea, button";

/**
 * After a failed submit, moves focus to the control of the first field with a message (once it has rendered), so
 * that a screen reader reads the message out. The one implementation every form uses.
 */
export function focusFirstInvalid(root: HTMLElement | null | undefined) {
  window.setTimeout(() => {
    const first = root?.querySelector<HTMLElement>(INVALID);
    const control = first?.matches(CONTROL) ? first : first?.querySelector<HTMLElement>(CONTROL);
    control?.focus();
  }, 0);
}
