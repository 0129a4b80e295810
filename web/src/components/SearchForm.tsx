import { Button, Group, Paper, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";

interface SearchFormProps {
  /** The search in the address; the field follows it (back and forward buttons). */
  query: string | undefined;
  label: string;
  description: string;
  submitLabel: string;
  /** Shown, with focus on the field, for fewer than two characters. */
  tooShort: string;
  onSearch: (q: string) => void;
  /** More fields between the search field and the button, e.g. a period. */
  children?: ReactNode;
}

/** A search landmark with one search field of at least two characters. */
export function SearchForm({ query, label, description, submitLabel, tooShort, onSearch, children }: SearchFormProps) {
  const [text, setText] = useState(query ?? "");
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => setText(query ?? ""), [query]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = text.trim();
    if (next.length < 2) {
      setError(tooShort);
      window.setTimeout(() => field.current?.focus());
      return;
    }
    setError(null);
    onSearch(next);
  };

  return (
    <Paper withBorder p="md" component="form" role="search" onSubmit={submit} noValidate>
      <Group align="flex-end" gap="md">
        <TextInput
          ref={field}
          label={label}
          description={description}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          autoComplete="off"
          w={{ base: "100%", sm: 380 }}
          value={text}
          error={error}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        {children}
        <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />}>
          {submitLabel}
        </Button>
      </Group>
    </Paper>
  );
}
