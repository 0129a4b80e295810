import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { DECISION_BODIES, NationalRuleVersionInput, SUPPORT_NEED_RULES, type NationalRuleVersion } from "@uppsikt/core";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, isApiError } from "../../api/client";
import { DateField } from "../../components/DateField";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { decisionBodyLabel, typeName } from "../documents/labels";
import { createNationalRuleVersion, nationalRulesKeys } from "./api";
import {
  SOURCED_KEYS,
  VALUE_KINDS,
  rowKey,
  rulesFieldFor,
  rulesFormValues,
  rulesVersionBody,
  type RulesFormValues,
} from "./rulesForm";
import type { nationalRulesSv } from "./strings";

const ELIGIBILITIES = ["eligible", "notEligible", "limited"] as const;
const LEGEND = { legend: { fontWeight: 600 } } as const;

/** The service names the field as `[{ field, message }]`; the form reads `{ field }`. */
const withField = (error: unknown) => {
  if (!isApiError(error) || !Array.isArray(error.details)) return error;
  const named = (error.details as { field?: unknown }[]).find((d) => typeof d?.field === "string");
  return named ? new ApiError(error.status, error.code, error.message, error.requestId, { field: named.field }) : error;
};

/**
 * A new version of the national rules, field by field (R1-2): a copy of the version in force, each value with its
 * source or marked unverified, sent as the same body as the JSON editor and the YAML import.
 */
export function RulesVersionForm({
  base,
  onDone,
  onJson,
}: {
  /** The version the new one starts from (the one in force). */
  base: NationalRuleVersion;
  onDone: () => void;
  /** Switches to the JSON editor (advanced). */
  onJson: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  // The copy is made once, when the form opens (its rows' keys stay the same while it is edited).
  const [initial] = useState<RulesFormValues>(() => rulesFormValues(base));
  const mutation = useMutation({
    mutationFn: createNationalRuleVersion,
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: nationalRulesKeys.all });
      notifySaved(t("nationalRules.created", { date: saved.appliesFrom }));
      onDone();
    },
    // A date that already has a version (409) or is not after today lands on the date.
    onError: (error) => contract.onServerError(withField(error)),
  });
  const contract = useContractForm({
    schema: NationalRuleVersionInput,
    initialValues: initial,
    toInput: rulesVersionBody,
    fieldFor: rulesFieldFor,
    onSubmit: (body) => mutation.mutate(body),
  });
  const { form, field } = contract;
  const rules = form.values.rules;
  const f = (key: keyof typeof nationalRulesSv.form) => t(`nationalRules.form.${key}`);
  const decimalSeparator = i18n.language.startsWith("en") ? "." : ",";

  /** A value's source and its "ej verifierad" box, under `path`. */
  const sourceFields = (path: string) => (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput label={f("source")} description={f("sourceHelp")} {...field(`${path}.source`)} />
      <Checkbox
        mt={{ base: 0, sm: 32 }}
        label={f("unverified")}
        description={f("unverifiedHelp")}
        {...field(`${path}.unverified`, { type: "checkbox" })}
      />
    </SimpleGrid>
  );

  const valueField = (key: (typeof SOURCED_KEYS)[number]): ReactNode => {
    const path = `rules.${key}.value`;
    switch (VALUE_KINDS[key]) {
      case "years":
        return <TextInput label={f("value")} description={f("electionYearsHelp")} required {...field(path)} />;
      case "integer":
        return <NumberInput label={f("value")} required allowDecimal={false} min={0} w={200} {...field(path)} />;
      case "share":
        return (
          <NumberInput
            label={f("value")}
            description={f("shareHelp")}
            required
            min={0}
            max={1}
            step={0.05}
            decimalScale={4}
            decimalSeparator={decimalSeparator}
            w={200}
            {...field(path)}
          />
        );
      case "monthDay":
        return (
          <Group gap="sm" align="flex-start">
            <NumberInput
              label={f("month")}
              required
              allowDecimal={false}
              min={1}
              max={12}
              w={140}
              {...field(`${path}.month`)}
            />
            <NumberInput
              label={f("day")}
              required
              allowDecimal={false}
              min={1}
              max={31}
              w={140}
              {...field(`${path}.day`)}
            />
          </Group>
        );
      case "cutOff":
        return (
          <Stack gap="xs">
            <Group gap="sm" align="flex-start">
              <NumberInput
                label={f("month")}
                required
                allowDecimal={false}
                min={1}
                max={12}
                w={140}
                {...field(`${path}.month`)}
              />
              <NumberInput
                label={f("day")}
                required
                allowDecimal={false}
                min={1}
                max={31}
                w={140}
                {...field(`${path}.day`)}
              />
            </Group>
            <Checkbox
              label={f("inclusive")}
              description={f("inclusiveHelp")}
              {...field(`${path}.inclusive`, { type: "checkbox" })}
            />
          </Stack>
        );
      case "types":
        return (
          <Checkbox.Group
            label={f("value")}
            value={rules[key].value as string[]}
            onChange={(v) => form.setFieldValue(path, v)}
            error={contract.error(path)}
          >
            <Stack gap={4} mt="xs">
              {rules.documentTypes.map((d) => (
                <Checkbox key={d.id} value={d.id} label={typeName(t, d.id)} />
              ))}
            </Stack>
          </Checkbox.Group>
        );
      case "boolean":
        return <Checkbox label={f("yes")} {...field(path, { type: "checkbox" })} />;
      case "weights":
        return (
          <Stack gap="xs">
            <Text size="sm">{f("weightsHelp")}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {SUPPORT_NEED_RULES.map((rule) => (
                <NumberInput
                  key={rule}
                  label={t(`nationalRules.weights.${rule}`)}
                  required
                  min={0}
                  max={100}
                  decimalScale={2}
                  decimalSeparator={decimalSeparator}
                  {...field(`${path}.${rule}`)}
                />
              ))}
            </SimpleGrid>
          </Stack>
        );
    }
  };

  return (
    <form {...contract.formProps} data-rules-form>
      <Stack gap="lg">
        <Text size="sm">{f("intro")}</Text>
        <Text size="sm">{t("common.requiredNote")}</Text>
        <FormMessages form={contract} />

        <Fieldset legend={f("versionLegend")} styles={LEGEND}>
          <Stack gap="sm">
            <DateField
              label={t("nationalRules.appliesFrom")}
              description={t("nationalRules.appliesFromHelp")}
              required
              w={{ base: "100%", sm: 280 }}
              {...field("appliesFrom")}
            />
            <TextInput label={t("nationalRules.sourceTitle")} required {...field("sourceTitle")} />
            <TextInput label={t("nationalRules.sourceDnr")} {...field("sourceDnr")} />
          </Stack>
        </Fieldset>

        <Fieldset legend={f("valuesLegend")} styles={LEGEND}>
          <Stack gap="md">
            {SOURCED_KEYS.map((key) => (
              <Fieldset key={key} legend={t(`nationalRules.names.${key}`)} variant="filled" styles={LEGEND}>
                <Stack gap="sm">
                  {valueField(key)}
                  {sourceFields(`rules.${key}`)}
                </Stack>
              </Fieldset>
            ))}
          </Stack>
        </Fieldset>

        <Fieldset legend={f("documentTypesLegend")} styles={LEGEND}>
          <Stack gap="md">
            {rules.documentTypes.map((d, i) => {
              const path = `rules.documentTypes.${i}`;
              return (
                <Fieldset key={d.id} legend={typeName(t, d.id)} variant="filled" styles={LEGEND}>
                  <Stack gap="sm">
                    <NativeSelect
                      label={f("decisionLevel")}
                      w={{ base: "100%", sm: 320 }}
                      data={[
                        { value: "", label: f("levelNone") },
                        ...DECISION_BODIES.map((b) => ({ value: b, label: decisionBodyLabel(t, b) })),
                      ]}
                      {...field(`${path}.requiredDecisionLevel`)}
                    />
                    <Fieldset legend={f("deadlineLegend")} styles={LEGEND}>
                      <Group gap="sm" align="flex-start">
                        <NumberInput
                          label={f("yearOfPeriod")}
                          required
                          allowDecimal={false}
                          min={1}
                          max={4}
                          w={220}
                          {...field(`${path}.deadline.yearOfPeriod`)}
                        />
                        <NumberInput
                          label={f("month")}
                          required
                          allowDecimal={false}
                          min={1}
                          max={12}
                          w={140}
                          {...field(`${path}.deadline.month`)}
                        />
                        <NumberInput
                          label={f("day")}
                          required
                          allowDecimal={false}
                          min={1}
                          max={31}
                          w={140}
                          {...field(`${path}.deadline.day`)}
                        />
                        <NativeSelect
                          label={f("measuredFrom")}
                          w={200}
                          data={[
                            { value: "decided", label: f("measuredDecided") },
                            { value: "received", label: f("measuredReceived") },
                          ]}
                          {...field(`${path}.deadline.measuredFrom`)}
                        />
                      </Group>
                    </Fieldset>
                    <Checkbox
                      label={f("feedbackExpected")}
                      {...field(`${path}.feedbackExpected`, { type: "checkbox" })}
                    />
                    {sourceFields(path)}
                  </Stack>
                </Fieldset>
              );
            })}
          </Stack>
        </Fieldset>

        <Fieldset legend={f("rsaLegend")} styles={LEGEND}>
          <Stack gap="md">
            <Fieldset legend={f("rsaSourceLegend")} variant="filled" styles={LEGEND}>
              {sourceFields("rules.rsaDisposition")}
            </Fieldset>
            {rules.rsaDisposition.sections.map((s, i) => {
              const path = `rules.rsaDisposition.sections.${i}`;
              const no = i + 1;
              return (
                <Fieldset
                  key={s.key}
                  legend={t("nationalRules.form.sectionLegend", { no })}
                  variant="filled"
                  styles={LEGEND}
                >
                  <Stack gap="sm">
                    <Group gap="sm" align="flex-start">
                      <NumberInput
                        label={f("position")}
                        required
                        allowDecimal={false}
                        min={1}
                        max={50}
                        w={120}
                        {...field(`${path}.position`)}
                      />
                      <TextInput
                        label={f("sectionTitle")}
                        required
                        style={{ flex: 1 }}
                        miw={220}
                        {...field(`${path}.title`)}
                      />
                    </Group>
                    <TextInput
                      label={f("keywords")}
                      description={f("keywordsHelp")}
                      required
                      {...field(`${path}.keywords`)}
                    />
                    <Group gap="lg">
                      <Checkbox label={f("required")} {...field(`${path}.required`, { type: "checkbox" })} />
                      <Checkbox label={f("verified")} {...field(`${path}.verified`, { type: "checkbox" })} />
                    </Group>
                    <Group justify="flex-end">
                      <Button
                        variant="subtle"
                        color="red.9"
                        size="xs"
                        leftSection={<IconTrash size={14} aria-hidden />}
                        onClick={() => form.removeListItem("rules.rsaDisposition.sections", i)}
                      >
                        {t("nationalRules.form.removeSection", { no })}
                      </Button>
                    </Group>
                  </Stack>
                </Fieldset>
              );
            })}
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() =>
                  form.insertListItem("rules.rsaDisposition.sections", {
                    key: rowKey(),
                    position: Math.max(0, ...rules.rsaDisposition.sections.map((x) => Number(x.position) || 0)) + 1,
                    title: "",
                    keywords: "",
                    required: true,
                    verified: false,
                  })
                }
              >
                {f("addSection")}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={f("costLegend")} styles={LEGEND}>
          <Stack gap="md">
            <TextInput label={f("instructions")} required {...field("rules.costCategories.instructions")} />
            <Checkbox label={f("example")} {...field("rules.costCategories.example", { type: "checkbox" })} />
            {rules.costCategories.items.map((c, i) => {
              const path = `rules.costCategories.items.${i}`;
              const no = i + 1;
              return (
                <Fieldset
                  key={c.key}
                  legend={t("nationalRules.form.categoryLegend", { no, name: c.name })}
                  variant="filled"
                  styles={LEGEND}
                >
                  <Stack gap="sm">
                    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                      <TextInput label={f("code")} description={f("codeHelp")} required {...field(`${path}.code`)} />
                      <TextInput label={f("name")} required {...field(`${path}.name`)} />
                      <TextInput label={f("nameEn")} required {...field(`${path}.nameEn`)} />
                    </SimpleGrid>
                    <NativeSelect
                      label={f("eligibility")}
                      w={{ base: "100%", sm: 320 }}
                      data={ELIGIBILITIES.map((e) => ({ value: e, label: t(`nationalRules.eligibility.${e}`) }))}
                      {...field(`${path}.eligibility`)}
                    />
                    <Textarea label={f("rule")} required autosize minRows={2} {...field(`${path}.rule`)} />
                    {sourceFields(path)}
                    <Group justify="flex-end">
                      <Button
                        variant="subtle"
                        color="red.9"
                        size="xs"
                        leftSection={<IconTrash size={14} aria-hidden />}
                        onClick={() => form.removeListItem("rules.costCategories.items", i)}
                      >
                        {t("nationalRules.form.removeCategory", { no })}
                      </Button>
                    </Group>
                  </Stack>
                </Fieldset>
              );
            })}
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() =>
                  form.insertListItem("rules.costCategories.items", {
                    key: rowKey(),
                    code: "",
                    name: "",
                    nameEn: "",
                    eligibility: "eligible",
                    rule: "",
                    source: "",
                    unverified: false,
                  })
                }
              >
                {f("addCategory")}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Group justify="space-between" gap="sm">
          <Button variant="subtle" onClick={onJson}>
            {f("asJson")}
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={onDone}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t("nationalRules.create")}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
