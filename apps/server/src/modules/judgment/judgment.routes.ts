import type { AppContext } from "../../context";
import { commandMeta, requireUser, type ZodApp } from "../../platform";
import { markElementPosition } from "./commands/mark-element-position";
import { proposeElementValue } from "./commands/propose-element-value";
import { settleAgreedElements } from "./commands/settle-agreed-elements";
import { settleElement } from "./commands/settle-element";
import { getElementTableView } from "./element-table.queries";
import {
  ZCaseParams,
  ZElementParams,
  ZElementTableView,
  ZPositionRequest,
  ZProposalRequest,
  ZSettlementRequest,
} from "./judgment.schemas";

const tags = ["judgment"];

/**
 * The element table of a case (要素式审判): the parties mark each element agreed or disputed and propose
 * values before the hearing, the judge settles them. Every act answers with the caller's view of the table.
 */
export async function registerJudgmentRoutes(app: ZodApp, context: AppContext): Promise<void> {
  const meta = (request: Parameters<typeof commandMeta>[0]) => commandMeta(request, context.clock.now());
  const view = (request: { actor: Parameters<typeof getElementTableView>[1] }, caseId: string) =>
    getElementTableView(context, request.actor, caseId);

  app.get(
    "/api/cases/:caseId/elements",
    {
      schema: {
        tags,
        summary:
          "The case's element table: each element's value, both sides' positions and the judge's finding",
        params: ZCaseParams,
        response: { 200: ZElementTableView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return view(request, request.params.caseId);
    },
  );

  app.put(
    "/api/cases/:caseId/elements/:key/position",
    {
      schema: {
        tags,
        summary: "Mark an element agreed or disputed for the caller's side (民诉法解释第二百二十六条)",
        params: ZElementParams,
        body: ZPositionRequest,
        response: { 200: ZElementTableView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await markElementPosition(context, meta(request), { ...request.params, ...request.body });
      return view(request, request.params.caseId);
    },
  );

  app.put(
    "/api/cases/:caseId/elements/:key/proposal",
    {
      schema: {
        tags,
        summary: "Propose the value of an element not yet agreed; the other side marks it again",
        params: ZElementParams,
        body: ZProposalRequest,
        response: { 200: ZElementTableView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await proposeElementValue(context, meta(request), { ...request.params, ...request.body });
      return view(request, request.params.caseId);
    },
  );

  app.put(
    "/api/cases/:caseId/elements/:key/settlement",
    {
      schema: {
        tags,
        summary:
          "Settle an element: the value found, with reasons and the evidence relied on (judge of the case)",
        params: ZElementParams,
        body: ZSettlementRequest,
        response: { 200: ZElementTableView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await settleElement(context, meta(request), { ...request.params, ...request.body });
      return view(request, request.params.caseId);
    },
  );

  app.post(
    "/api/cases/:caseId/elements/settle-agreed",
    {
      schema: {
        tags,
        summary: "Settle every element both sides agreed at the agreed value (judge of the case)",
        params: ZCaseParams,
        response: { 200: ZElementTableView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await settleAgreedElements(context, meta(request), request.params);
      return view(request, request.params.caseId);
    },
  );
}
