import {
  CountyParams,
  CriteriaProposalView,
  ErrorBody,
  EvidenceOptions,
  MunicipalityParams,
  MunicipalityVisitsQuery,
  NationalVisitCoverage,
  VisitAssessmentInput,
  VisitAssessmentView,
  VisitCreate,
  VisitCriteriaInput,
  VisitLetterParams,
  VisitLetterQuery,
  VisitLetterTemplate,
  VisitLetterTemplateUpdate,
  VisitList,
  VisitParams,
  VisitPlanProposalBody,
  VisitPlanPublishBody,
  VisitPlanQuery,
  VisitPlanSettingsBody,
  VisitPlanView,
  VisitUpdate,
  VisitView,
} from "@uppsikt/core";
import { writeContext } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import { sendFile } from "../../platform/http/files.js";
import * as letters from "./letter-service.js";
import * as plans from "./plan-service.js";
import * as visits from "./visit-service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const conflict = { 409: ErrorBody };
const tags = ["Uppföljningsbesök"];

/** Visit plans, visits, criteria and assessments (R2.7, R2.8-1). */
export function register(app: App, deps: Deps) {
  const {
    database: { db },
    clock,
  } = deps;

  app.get(
    "/api/v1/counties/:code/visit-plan",
    {
      schema: {
        tags,
        summary: "Länets plan för uppföljningsbesök under en mandatperiod, med täckning",
        params: CountyParams,
        querystring: VisitPlanQuery,
        response: { 200: VisitPlanView, ...errors },
      },
      preHandler: can("visitPlans.read"),
    },
    (req) => plans.getPlan(db, writeContext(req, clock), req.params.code, req.query.period),
  );
  app.post(
    "/api/v1/counties/:code/visit-plan/proposal",
    {
      schema: {
        tags,
        summary: "Låt systemet föreslå besöksplanen (ersätter planerade besök; hållna och inställda står kvar)",
        params: CountyParams,
        body: VisitPlanProposalBody,
        response: { 200: VisitPlanView, ...errors, ...conflict },
      },
      preHandler: can("visitPlans.write"),
    },
    (req) => plans.proposePlan(db, writeContext(req, clock), req.params.code, req.body),
  );
  app.put(
    "/api/v1/counties/:code/visit-plan/settings",
    {
      schema: {
        tags,
        summary: "Besöksplanens inställningar: länets kapacitet (besök per år)",
        params: CountyParams,
        body: VisitPlanSettingsBody,
        response: { 200: VisitPlanView, ...errors, ...conflict },
      },
      preHandler: can("visitPlans.write"),
    },
    (req) => plans.updatePlanSettings(db, writeContext(req, clock), req.params.code, req.body),
  );
  app.post(
    "/api/v1/counties/:code/visit-plan/publish",
    {
      schema: {
        tags,
        summary: "Publicera besöksplanen för kommunerna (länsråd/enhetschef)",
        params: CountyParams,
        body: VisitPlanPublishBody,
        response: { 200: VisitPlanView, ...errors, ...conflict },
      },
      preHandler: can("visitPlans.publish"),
    },
    (req) => plans.publishPlan(db, writeContext(req, clock), req.params.code, req.body),
  );
  app.get(
    "/api/v1/counties/:code/visit-plan/export",
    {
      schema: {
        tags,
        summary: "Besöksplanen som Excel",
        params: CountyParams,
        querystring: VisitPlanQuery,
        response: errors,
      },
      preHandler: can("visitPlans.read"),
    },
    async (req, reply) =>
      sendFile(reply, await letters.planWorkbook(db, writeContext(req, clock), req.params.code, req.query.period)),
  );
  app.get(
    "/api/v1/counties/:code/visit-plan/letters/:municipality",
    {
      schema: {
        tags,
        summary: "Informationsbrevet till en kommun: syfte, process och kommunens planerade besök (DOCX eller PDF)",
        params: VisitLetterParams,
        querystring: VisitLetterQuery,
        response: errors,
      },
      preHandler: can("visitPlans.read"),
    },
    async (req, reply) =>
      sendFile(
        reply,
        await letters.informationLetter(
          db,
          writeContext(req, clock),
          req.params.code,
          req.params.municipality,
          req.query,
        ),
      ),
  );
  app.get(
    "/api/v1/counties/:code/visit-plan/letter-template",
    {
      schema: {
        tags,
        summary: "Länets mall för informationsbrevet (de fasta texterna)",
        params: CountyParams,
        response: { 200: VisitLetterTemplate, ...errors },
      },
      preHandler: can("visitPlans.read"),
    },
    (req) => letters.getTemplate(db, writeContext(req, clock), req.params.code),
  );
  app.put(
    "/api/v1/counties/:code/visit-plan/letter-template",
    {
      schema: {
        tags,
        summary: "Ändra mallen för informationsbrevet (länsråd/enhetschef), med version",
        params: CountyParams,
        body: VisitLetterTemplateUpdate,
        response: { 200: VisitLetterTemplate, ...errors, ...conflict },
      },
      preHandler: can("visitPlans.editTemplate"),
    },
    (req) => letters.updateTemplate(db, writeContext(req, clock), req.params.code, req.body),
  );
  app.get(
    "/api/v1/national/visit-coverage",
    {
      schema: {
        tags,
        summary: "Besökstäckning per län och för landet (publicerade planer och hållna besök)",
        querystring: VisitPlanQuery,
        response: { 200: NationalVisitCoverage, ...errors },
      },
      preHandler: can("visits.nationalCoverage"),
    },
    (req) => plans.nationalCoverage(db, writeContext(req, clock), req.query.period),
  );

  app.post(
    "/api/v1/visits",
    {
      schema: {
        tags,
        summary: "Planera ett besök (månad eller datum, slag och skäl)",
        body: VisitCreate,
        response: { 201: VisitView, ...errors },
      },
      preHandler: can("visits.write"),
    },
    async (req, reply) => reply.status(201).send(await visits.createVisit(db, writeContext(req, clock), req.body)),
  );
  app.get(
    "/api/v1/municipalities/:code/visits",
    {
      schema: {
        tags,
        summary: "Kommunens besök under en mandatperiod",
        params: MunicipalityParams,
        querystring: MunicipalityVisitsQuery,
        response: { 200: VisitList, ...errors },
      },
      preHandler: can("visits.read"),
    },
    (req) => visits.listMunicipalityVisits(db, writeContext(req, clock), req.params.code, req.query.period),
  );
  app.get(
    "/api/v1/visits/:id",
    {
      schema: {
        tags,
        summary: "Ett besök med förberedelser, deltagare, varningar, kriterier och bedömning",
        params: VisitParams,
        response: { 200: VisitView, ...errors },
      },
      preHandler: can("visits.read"),
    },
    (req) => visits.getVisit(db, writeContext(req, clock), req.params.id),
  );
  app.put(
    "/api/v1/visits/:id",
    {
      schema: {
        tags,
        summary: "Ändra ett besök: planering, förberedelser, datum, plats, deltagare och anteckningar (med version)",
        params: VisitParams,
        body: VisitUpdate,
        response: { 200: VisitView, ...errors, ...conflict },
      },
      preHandler: can("visits.write"),
    },
    (req) => visits.updateVisit(db, writeContext(req, clock), req.params.id, req.body),
  );
  app.put(
    "/api/v1/visits/:id/criteria",
    {
      schema: {
        tags,
        summary: "Välj besökets kriterier (koder i besökets version av kriteriebiblioteket)",
        params: VisitParams,
        body: VisitCriteriaInput,
        response: { 200: VisitView, ...errors, ...conflict },
      },
      preHandler: can("visits.write"),
    },
    (req) => visits.setCriteria(db, writeContext(req, clock), req.params.id, req.body),
  );
  app.get(
    "/api/v1/visits/:id/criteria-proposal",
    {
      schema: {
        tags,
        summary: "Förslag på kriterier efter besökets slag (första, senare, enda)",
        params: VisitParams,
        response: { 200: CriteriaProposalView, ...errors },
      },
      preHandler: can("visits.write"),
    },
    (req) => visits.criteriaProposal(db, writeContext(req, clock), req.params.id),
  );
  app.get(
    "/api/v1/visits/:id/evidence-options",
    {
      schema: {
        tags,
        summary: "Underlag som bedömningen kan hänvisa till: kommunens dokumentversioner, granskningar och dialoger",
        params: VisitParams,
        response: { 200: EvidenceOptions, ...errors },
      },
      preHandler: can("visits.write"),
    },
    (req) => visits.listEvidenceOptions(db, writeContext(req, clock), req.params.id),
  );
  app.put(
    "/api/v1/visits/:id/assessment",
    {
      schema: {
        tags,
        summary: "Bedömningen per kriterium, med avsteg för område eller helhet; svarar med områden och helhet",
        params: VisitParams,
        body: VisitAssessmentInput,
        response: { 200: VisitAssessmentView, ...errors, ...conflict },
      },
      preHandler: can("visits.write"),
    },
    (req) => visits.saveAssessment(db, writeContext(req, clock), req.params.id, req.body),
  );
}
