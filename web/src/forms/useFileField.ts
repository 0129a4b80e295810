import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ChosenFile, fileProblem } from "../features/documents/FilePicker";

type FileProblem = NonNullable<ReturnType<typeof fileProblem>>;

/**
 * The message on the file field, or undefined when the files can go: `requiredMessage` when none is chosen and one
 * is required, else `problemMessage` of what the server would refuse (too many, too large, wrong type).
 */
export function fileFieldError(
  files: ChosenFile[],
  problemMessage: (problem: FileProblem) => string,
  requiredMessage?: string,
): string | undefined {
  if (requiredMessage !== undefined && files.length === 0) return requiredMessage;
  const problem = fileProblem(files);
  return problem ? problemMessage(problem) : undefined;
}

/** What a form with a file field needs of its `useContractForm`. */
interface FileFieldForm {
  error: (path: string) => string | undefined;
  form: { clearFieldError: (path: string) => void };
}

/**
 * The files of a form's `FilePicker`, kept beside the contract's fields under the field name `files`: the chosen
 * files, the check against what the server takes (`validate`, for `useContractForm`'s `validate`), the multipart
 * parts (`append`) and the picker's props. `requiredMessage` makes at least one file required, with that message.
 */
export function useFileField({ requiredMessage }: { requiredMessage?: string } = {}) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const validate = (): { files?: string } => {
    const message = fileFieldError(
      files,
      (problem) => t(`documentRequests.answerForm.${problem.kind}`, { name: problem.name }),
      requiredMessage,
    );
    return message === undefined ? {} : { files: message };
  };
  return {
    files,
    validate,
    /** One part `file` per chosen file. */
    append: (form: FormData) => {
      for (const f of files) form.append("file", f.file, f.file.name);
    },
    /** For `<FilePicker label description {...pickerProps(contract)} />`. */
    pickerProps: (contract: FileFieldForm) => ({
      error: contract.error("files"),
      files,
      onAdd: (added: ChosenFile[]) => {
        setFiles((prev) => [...prev, ...added]);
        contract.form.clearFieldError("files");
      },
      onRemove: (key: string) => setFiles((prev) => prev.filter((x) => x.key !== key)),
      texts: {
        chosen: t("documentRequests.answerForm.filesChosen"),
        none: t("documentRequests.answerForm.filesNone"),
        remove: t("documentRequests.answerForm.remove"),
      },
    }),
  };
}
