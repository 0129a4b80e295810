import { useForm, type UseFormReturnType } from "@mantine/form";
import { useCallback, useRef, useState, type FormEvent, type RefObject } from "react";
import type { z } from "zod";
import { contractErrors, placeServerError, type FieldErrors } from "./contractErrors";
import { focusFirstInvalid } from "./focusFirstInvalid";

interface ContractFormOptions<Values extends Record<string, unknown>, S extends z.ZodType> {
  /** The request contract from core (e.g. `LoginBody`, `DocumentRequestCreate`). */
  schema: S;
  initialValues: Values;
  /** The contract's input from the form's values, when they differ (empty strings to null, derived fields …). */
  toInput?: (values: Values) => unknown;
  /** Where a contract path shows when the form's field has another name (`{ confidentialBasis: "basis" }`). */
  aliases?: Partial<Record<string, string>>;
  /**
   * The form's field for a contract path that names and aliases cannot match (an index into a list the form
   * filters, a field that depends on another's value); `undefined` leaves it to the names and aliases.
   */
  fieldFor?: (path: string, values: Values) => string | undefined;
  /**
   * Rules the contract cannot state (across fields, dates against today) or a form's own wording; a message per
   * field path (`form` for none). They win over the contract's message for the same field.
   */
  validate?: (values: Values) => Partial<FieldErrors>;
  /** Called with the contract's parsed output when every check passes. */
  onSubmit: (data: z.output<S>, values: Values) => void;
}

export interface ContractForm<Values extends Record<string, unknown>> {
  /** Mantine's form: `values`, `setFieldValue`, `errors` … */
  form: UseFormReturnType<Values>;
  /** `value`, `onChange`, `error` for a field (Mantine's `getInputProps`). */
  field: UseFormReturnType<Values>["getInputProps"];
  /** The message on a field (for inputs that take `error` but not Mantine's props, e.g. a file picker). */
  error: (path: string) => string | undefined;
  /** Spread on the `<form>`: its ref (for focus), `onSubmit` and `noValidate`. */
  formProps: { ref: RefObject<HTMLFormElement | null>; onSubmit: (e?: FormEvent) => void; noValidate: true };
  /** A message that belongs to no field (the contract's root or a form-wide rule). */
  formError: string | undefined;
  /** The server's refusal when it names no field of this form (show it with `ErrorState`), else null. */
  submitError: unknown;
  /** For the mutation's `onError`: puts the server's message on the field it names (true), else on the form. */
  onServerError: (error: unknown) => boolean;
  /** Clears messages from the last submit (e.g. when the form is reused). */
  clear: () => void;
}

const hasPath = (values: unknown, path: string) => {
  let node: unknown = values;
  for (const part of path.split(".")) {
    if (node === null || typeof node !== "object" || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
};

/** The form's own field a contract path belongs to (`taskAreas.2` → `taskAreas` when it is one text), else `form`. */
const fieldOf = <Values>(
  values: Values,
  path: string,
  aliases?: Partial<Record<string, string>>,
  fieldFor?: (path: string, values: Values) => string | undefined,
) => {
  const mapped = fieldFor?.(path, values);
  if (mapped) return mapped;
  const aliased = aliases?.[path.split(".")[0]!];
  if (aliased) return aliased;
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join(".");
    if (hasPath(values, candidate)) return candidate;
  }
  return "form";
};

/**
 * One form on a core contract: field messages from the contract's zod schema (its Swedish messages, else a Swedish
 * one by issue code), focus to the first invalid field after a failed submit, and the server's message on the field
 * it names.
 */
export function useContractForm<Values extends Record<string, unknown>, S extends z.ZodType>(
  options: ContractFormOptions<Values, S>,
): ContractForm<Values> {
  const form = useForm<Values>({ mode: "controlled", initialValues: options.initialValues });
  const ref = useRef<HTMLFormElement | null>(null);
  const [formError, setFormError] = useState<string>();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const latest = useRef(options);
  latest.current = options;

  const onSubmit = useCallback(
    (e?: FormEvent) => {
      e?.preventDefault();
      const { schema, toInput, validate, aliases, fieldFor, onSubmit: submit } = latest.current;
      const values = form.getValues();
      const checked = contractErrors(schema, toInput ? toInput(values) : values);
      const errors: FieldErrors = {};
      // The form's own rules come first and name its fields (or state outside its values, such as chosen files).
      for (const [path, message] of Object.entries(validate?.(values) ?? {})) if (message) errors[path] ??= message;
      if (!checked.success) {
        for (const [path, message] of Object.entries(checked.errors))
          errors[fieldOf(values, path, aliases, fieldFor)] ??= message;
      }
      const { form: rootMessage, ...fields } = errors;
      form.setErrors(fields);
      setFormError(rootMessage);
      setSubmitError(null);
      if (!checked.success || Object.keys(errors).length > 0) {
        focusFirstInvalid(ref.current);
        return;
      }
      submit(checked.data, values);
    },
    [form],
  );

  const onServerError = useCallback(
    (error: unknown) => {
      const values = form.getValues();
      const placed = placeServerError(error, (path) => {
        const field = fieldOf(values, path, latest.current.aliases, latest.current.fieldFor);
        return field === "form" ? undefined : field;
      });
      if (Object.keys(placed.fields).length > 0) {
        form.setErrors(placed.fields);
        focusFirstInvalid(ref.current);
      }
      setSubmitError(placed.formError);
      return Object.keys(placed.fields).length > 0;
    },
    [form],
  );

  const clear = useCallback(() => {
    form.clearErrors();
    setFormError(undefined);
    setSubmitError(null);
  }, [form]);

  return {
    form,
    field: form.getInputProps,
    error: (path) => {
      const message = form.errors[path];
      return typeof message === "string" ? message : undefined;
    },
    formProps: { ref, onSubmit, noValidate: true },
    formError,
    submitError,
    onServerError,
    clear,
  };
}
