import { Alert, Badge, Button, Paper, Stack, Tabs, Text, Textarea, Title } from "@mantine/core";
import { IconMessage } from "@tabler/icons-react";
import {
  ANNUAL_FORM_PARTS,
  ANNUAL_FORM_QUESTION_PARTS,
  type AgreementAreaCode,
  type AnnualFormDefinition,
  type AnnualFormPart,
  type AnnualReport,
  type Answers,
  type Question,
} from "@uppsikt/core";
import type { CSSProperties, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { TEXT_COLOR } from "../documents/colors";
import { AnswerInput, GroupInput } from "./AnswerInput";
import { AnswerView } from "./AnswerView";
import { EconomyPart } from "./EconomyPart";
import { questionAnchor, type CostRow } from "./model";

const AREA_COLOR: Record<AgreementAreaCode, string> = { crisisPreparedness: "blue", civilDefence: "violet" };

/** The agreement area a question belongs to (R2.1-2), in words and colour. */
export function AreaBadge({ area }: { area: AgreementAreaCode }) {
  const { t } = useTranslation();
  const color = AREA_COLOR[area];
  return (
    <Badge
      variant="light"
      color={color}
      size="sm"
      tt="none"
      radius="sm"
      style={{ "--badge-color": TEXT_COLOR[color] } as CSSProperties}
    >
      {t(`annualReports.area.${area}`)}
    </Badge>
  );
}

/** The reviewer's comment drafts, per question key ("economy" for the economy part). */
export interface ReviewDrafts {
  drafts: Record<string, string>;
  open: ReadonlySet<string>;
  toggle: (key: string) => void;
  set: (key: string, text: string) => void;
}

function ReviewComment({ id, label, review }: { id: string; label: string; review: ReviewDrafts }) {
  const { t } = useTranslation();
  const open = review.open.has(id);
  const fieldId = `annual-comment-${id}`;
  return (
    <Stack gap={4}>
      <div>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconMessage size={14} aria-hidden />}
          aria-expanded={open}
          aria-controls={open ? fieldId : undefined}
          onClick={() => review.toggle(id)}
        >
          {t("annualReports.review.comment")}
          <span className="visually-hidden-text">: {label}</span>
        </Button>
      </div>
      {open && (
        <Textarea
          id={fieldId}
          label={t("annualReports.review.commentLabel")}
          description={label}
          autosize
          minRows={2}
          value={review.drafts[id] ?? ""}
          onChange={(e) => review.set(id, e.currentTarget.value)}
          data-testid={`annual-comment-${id}`}
        />
      )}
    </Stack>
  );
}

/** The county's comments on a question from its latest return, beside the question. */
function ReturnedComments({ texts }: { texts: string[] | undefined }) {
  const { t } = useTranslation();
  if (!texts?.length) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      title={t("annualReports.returned.comment")}
      styles={{ title: { color: TEXT_COLOR.orange }, message: { color: "var(--mantine-color-text)" } }}
      data-testid="annual-returned-comment"
    >
      <Stack gap={4}>
        {texts.map((text, i) => (
          <Text key={i} size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {text}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

function QuestionBlock({
  question,
  value,
  editable,
  onAnswer,
  returned,
  review,
}: {
  question: Question;
  value: Answers[string] | undefined;
  editable: boolean;
  onAnswer: (key: string, value: Answers[string]) => void;
  returned: string[] | undefined;
  review: ReviewDrafts | null;
}) {
  const { t } = useTranslation();
  const anchor = questionAnchor(question.key);
  const labelId = `${anchor}-label`;
  let body: ReactNode;
  if (!editable)
    body = (
      <Stack gap={4} role="group" aria-labelledby={labelId} id={anchor}>
        <Text fw={600} id={labelId}>
          {question.label}
          {question.required && <span aria-hidden> *</span>}
        </Text>
        {question.help && (
          <Text size="sm" c="dark.5">
            {question.help}
          </Text>
        )}
        <AnswerView question={question} value={value} />
      </Stack>
    );
  else if (question.type === "group")
    body = (
      <Stack gap={4} role="group" aria-labelledby={labelId}>
        <Text fw={600} id={labelId}>
          {question.label}
          {question.required && (
            <span aria-hidden style={{ color: "var(--mantine-color-error)" }}>
              {" "}
              *
            </span>
          )}
          {question.required && <span className="visually-hidden-text"> ({t("annualReports.required")})</span>}
        </Text>
        {question.help && (
          <Text size="sm" c="dark.5">
            {question.help}
          </Text>
        )}
        <GroupInput
          question={question}
          value={value}
          onChange={(rows) => onAnswer(question.key, rows as Answers[string])}
        />
      </Stack>
    );
  else
    body = (
      <AnswerInput
        spec={question}
        anchor={anchor}
        label={question.label}
        description={question.help || undefined}
        value={value}
        onChange={(v) => onAnswer(question.key, v as Answers[string])}
      />
    );
  return (
    <Paper withBorder p="md" data-question={question.key}>
      <Stack gap="xs">
        <div>
          <AreaBadge area={question.area} />
        </div>
        {body}
        <ReturnedComments texts={returned} />
        {review && <ReviewComment id={question.key} label={question.label} review={review} />}
      </Stack>
    </Paper>
  );
}

/** The form in its four parts, as tabs: the questions by section, and the economy. */
export function ReportParts({
  report,
  definition,
  answers,
  costs,
  editable,
  onAnswer,
  onCosts,
  returned,
  review,
  part,
  onPart,
}: {
  report: AnnualReport;
  definition: AnnualFormDefinition;
  answers: Answers;
  costs: CostRow[];
  editable: boolean;
  onAnswer: (key: string, value: Answers[string]) => void;
  onCosts: (rows: CostRow[]) => void;
  returned: Map<string, string[]>;
  review: ReviewDrafts | null;
  part: AnnualFormPart;
  onPart: (part: AnnualFormPart) => void;
}) {
  const { t } = useTranslation();
  return (
    <Tabs value={part} onChange={(v) => v && onPart(v as AnnualFormPart)} variant="outline">
      <Tabs.List aria-label={t("annualReports.partsLabel")}>
        {ANNUAL_FORM_PARTS.map((p) => (
          <Tabs.Tab key={p} value={p}>
            {t(`annualReports.parts.${p}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {ANNUAL_FORM_QUESTION_PARTS.map((p) => (
        <Tabs.Panel key={p} value={p} pt="md">
          <Stack gap="lg">
            {definition[p].sections.map((s) => (
              <Stack key={s.key} gap="sm" component="section" aria-labelledby={`annual-section-${s.key}`}>
                <Title order={4} id={`annual-section-${s.key}`}>
                  {s.title}
                </Title>
                {s.questions.map((q) => (
                  <QuestionBlock
                    key={q.key}
                    question={q}
                    value={answers[q.key]}
                    editable={editable}
                    onAnswer={onAnswer}
                    returned={returned.get(q.key)}
                    review={review}
                  />
                ))}
              </Stack>
            ))}
          </Stack>
        </Tabs.Panel>
      ))}
      <Tabs.Panel value="economy" pt="md">
        <EconomyPart
          report={report}
          costs={costs}
          onCosts={onCosts}
          editable={editable}
          aside={
            <>
              <ReturnedComments texts={returned.get("economy")} />
              {review && <ReviewComment id="economy" label={t("annualReports.parts.economy")} review={review} />}
            </>
          }
        />
      </Tabs.Panel>
    </Tabs>
  );
}
