import { describe, expect, it } from "vitest";
import type { SimulatorKind } from "./config";
import { StartRefusedError, checkStartSafety, simulatorsInUse } from "./start-safety";

const production = {
  isProduction: true,
  seedDemo: false,
  allowDemoSeed: false,
  allowSimulators: new Set<SimulatorKind>(),
  publicUrlIsSet: true,
  publicUrl: "https://hlwfy.example.gov.cn",
};

describe("the production start check", () => {
  it("collects the simulators that ports report, whatever the port", () => {
    const sms = { simulates: "payment" as const };
    expect(simulatorsInUse([{ name: "x" }, { simulates: "real_name" }, sms, sms, undefined])).toEqual([
      "payment",
      "real_name",
    ]);
  });

  it.each([
    {
      case: "development allows everything",
      config: { isProduction: false, seedDemo: true },
      kinds: ["payment"],
      refused: [],
    },
    { case: "real adapters only", config: {}, kinds: [], refused: [] },
    { case: "the payment simulator", config: {}, kinds: ["payment"], refused: ["ALLOW_SIMULATORS=payment"] },
    {
      case: "no PUBLIC_URL",
      config: { publicUrlIsSet: false, publicUrl: "http://localhost:3000" },
      kinds: [],
      refused: ["PUBLIC_URL is unset", "http://localhost:3000"],
    },
    {
      case: "the demo seed",
      config: { seedDemo: true },
      kinds: [],
      refused: ["SEED_DEMO", "ALLOW_DEMO_SEED=true"],
    },
    {
      case: "one simulator allowed, another not",
      config: { allowSimulators: new Set<SimulatorKind>(["payment"]) },
      kinds: ["payment", "real_name"],
      refused: ["ALLOW_SIMULATORS=real_name"],
    },
  ] as const)("$case", ({ config, kinds, refused }) => {
    const check = () => checkStartSafety({ ...production, ...config }, kinds);
    if (refused.length === 0) {
      expect(check()).toEqual({ warnings: [] });
      return;
    }
    expect(check).toThrow(StartRefusedError);
    for (const setting of refused) expect(check).toThrow(setting);
  });

  it("starts a staging court with what it allows, and warns about each", () => {
    const { warnings } = checkStartSafety(
      {
        ...production,
        seedDemo: true,
        allowDemoSeed: true,
        allowSimulators: new Set<SimulatorKind>(["payment", "real_name", "witnesses"]),
      },
      ["payment", "real_name", "witnesses"],
    );
    expect(warnings).toHaveLength(4);
    expect(warnings.join("\n")).toContain("/sim/pay");
  });
});
