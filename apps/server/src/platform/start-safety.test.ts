import { describe, expect, it } from "vitest";
import { offsetClock, systemClock } from "./clock";
import { loadConfig, parseClockOffset, type SimulatorKind } from "./config";
import { StartRefusedError, checkStartSafety, simulatorsInUse } from "./start-safety";

const production = {
  isProduction: true,
  seedDemo: false,
  allowDemoSeed: false,
  allowSimulators: new Set<SimulatorKind>(),
  publicUrlIsSet: true,
  publicUrl: "https://hlwfy.example.gov.cn",
  clockOffsetMs: 0,
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
      case: "a moved clock",
      config: { clockOffsetMs: 20 * 24 * 60 * 60 * 1000 },
      kinds: [],
      refused: ["CLOCK_OFFSET"],
    },
    {
      case: "a moved clock outside production",
      config: { isProduction: false, clockOffsetMs: 20 * 24 * 60 * 60 * 1000 },
      kinds: [],
      refused: [],
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

  it("refuses a moved clock even where a staging court allows the demo seed and every simulator", () => {
    const staging = {
      ...production,
      seedDemo: true,
      allowDemoSeed: true,
      allowSimulators: new Set<SimulatorKind>(["payment", "real_name", "witnesses", "sms", "email"]),
    };
    expect(() => checkStartSafety({ ...staging, clockOffsetMs: 1 }, ["payment"])).toThrow("CLOCK_OFFSET");
    expect(() => checkStartSafety(staging, ["payment"])).not.toThrow();
  });
});

describe("CLOCK_OFFSET, the clock of a test or training court", () => {
  const day = 24 * 60 * 60 * 1000;

  it.each([
    ["20", 20 * day],
    ["P20D", 20 * day],
    ["P1DT12H", 1.5 * day],
    ["PT6H", day / 4],
    ["0", 0],
  ])("reads %s", (value, ms) => {
    expect(parseClockOffset(value)).toBe(ms);
    expect(loadConfig({ CLOCK_OFFSET: value }).clockOffsetMs).toBe(ms);
  });

  it.each(["P", "-3", "P2W", "20 days", "P1M"])("refuses %s, naming the setting", (value) => {
    expect(parseClockOffset(value)).toBeNull();
    expect(() => loadConfig({ CLOCK_OFFSET: value })).toThrow("CLOCK_OFFSET");
  });

  it("leaves the clock alone when unset, and otherwise runs it ahead by the offset", () => {
    expect(loadConfig({}).clockOffsetMs).toBe(0);
    expect(offsetClock(0)).toBe(systemClock);
    const ahead =
      offsetClock(20 * day)
        .now()
        .getTime() - Date.now();
    expect(ahead).toBeGreaterThan(20 * day - 5_000);
    expect(ahead).toBeLessThanOrEqual(20 * day);
  });
});
