import { describe, expect, it } from "vitest";
import {
  canActOnConfirmation,
  isDecided,
  partiesToWithdrawFor,
  withdrawalOutcome,
} from "./mediation.confirmation.rules";
import {
  deadlineBasis,
  doesAssignmentLapse,
  hasPassed,
  isAppointmentOverdue,
  isConfirmationAcceptanceOverdue,
  isConfirmationDecisionOverdue,
} from "./mediation.deadlines.rules";
import { canAct } from "./mediation.rules";

describe("a deadline passes with its last court day (民事诉讼法第八十五条)", () => {
  it("is not passed on the last day, passed the day after, and never without a day", () => {
    expect(hasPassed("2026-03-05", "2026-03-05")).toBe(false);
    expect(hasPassed("2026-03-05", "2026-03-06")).toBe(true);
    expect(hasPassed(null, "2026-12-31")).toBe(false);
  });
});

describe("the court's time to appoint a mediator (人民法院在线调解规则第十条第三款)", () => {
  const awaiting = {
    status: "awaiting_mediator" as const,
    appointmentDueOn: "2026-03-05",
    overdueMarked: false,
  };

  it("is overdue after three working days without an appointment", () => {
    expect(isAppointmentOverdue(awaiting, "2026-03-06")).toBe(true);
    expect(isAppointmentOverdue(awaiting, "2026-03-05")).toBe(false);
    expect(deadlineBasis.mediator_appointment).toBe("人民法院在线调解规则第十条第三款");
  });

  it("is not marked twice, nor once a mediator is appointed", () => {
    expect(isAppointmentOverdue({ ...awaiting, overdueMarked: true }, "2026-03-06")).toBe(false);
    expect(isAppointmentOverdue({ ...awaiting, status: "awaiting_acceptance" }, "2026-03-06")).toBe(false);
  });
});

describe("the mediator's time to confirm (人民法院在线调解规则第十二条)", () => {
  const assigned = {
    status: "awaiting_acceptance" as const,
    acceptanceDueOn: "2026-03-05",
    mediatorUserId: "m-1",
  };

  it("lapses the assignment of the awaited mediator after the last day (第十二条第二款)", () => {
    expect(doesAssignmentLapse(assigned, "m-1", "2026-03-06")).toBe(true);
    expect(doesAssignmentLapse(assigned, "m-1", "2026-03-05")).toBe(false);
    expect(canAct("awaiting_acceptance", "lapseAssignment")).toBe(true);
  });

  it("leaves a replaced mediator's, a confirmed or a declined assignment alone", () => {
    expect(doesAssignmentLapse(assigned, "m-2", "2026-03-06")).toBe(false);
    expect(doesAssignmentLapse({ ...assigned, status: "in_progress" }, "m-1", "2026-03-06")).toBe(false);
    expect(doesAssignmentLapse({ ...assigned, status: "awaiting_mediator" }, "m-1", "2026-03-06")).toBe(
      false,
    );
  });
});

describe("the court's time to accept and to decide on a confirmation (若干规定第四条、第五条)", () => {
  it("marks acceptance overdue only while the application awaits acceptance", () => {
    const applied = { status: "applied" as const, acceptanceDueOn: "2026-03-05", overdueMarked: false };
    expect(isConfirmationAcceptanceOverdue(applied, "2026-03-06")).toBe(true);
    expect(isConfirmationAcceptanceOverdue({ ...applied, status: "accepted" }, "2026-03-06")).toBe(false);
    expect(isConfirmationAcceptanceOverdue({ ...applied, overdueMarked: true }, "2026-03-06")).toBe(false);
  });

  it("marks the decision overdue only while the accepted application awaits the ruling", () => {
    const accepted = { status: "accepted" as const, decisionDueOn: "2026-03-20", overdueMarked: false };
    expect(isConfirmationDecisionOverdue(accepted, "2026-03-21")).toBe(true);
    expect(isConfirmationDecisionOverdue(accepted, "2026-03-20")).toBe(false);
    expect(isConfirmationDecisionOverdue({ ...accepted, status: "confirmed" }, "2026-03-21")).toBe(false);
    expect(isConfirmationDecisionOverdue({ ...accepted, status: "withdrawn" }, "2026-03-21")).toBe(false);
  });
});

describe("withdrawing an application for judicial confirmation (民诉法解释第三百五十七条; 若干规定第五条第二款)", () => {
  it("closes an application not yet accepted and rules on an accepted one", () => {
    expect(withdrawalOutcome("awaiting_parties")).toBe("closed");
    expect(withdrawalOutcome("applied")).toBe("closed");
    expect(withdrawalOutcome("accepted")).toBe("ruling");
  });

  it("is not possible after the ruling, a refusal or an earlier withdrawal", () => {
    for (const status of ["confirmed", "dismissed", "refused", "withdrawn"] as const) {
      expect(withdrawalOutcome(status)).toBeNull();
      expect(canActOnConfirmation(status, "withdraw")).toBe(false);
    }
    expect(isDecided("confirmed")).toBe(true);
    expect(isDecided("dismissed")).toBe(true);
    expect(isDecided("accepted")).toBe(false);
  });

  it("is the act of a party that applied", () => {
    expect(partiesToWithdrawFor(["p-1", "p-2"], ["p-2", "p-3"])).toEqual(["p-2"]);
    expect(partiesToWithdrawFor(["p-1"], ["p-2"])).toEqual([]);
  });
});
