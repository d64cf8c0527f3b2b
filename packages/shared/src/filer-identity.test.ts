import { describe, expect, it } from "vitest";
import { filerIdentityIssues, type FilerAccount } from "./filer-identity";
import { maskIdNumber } from "./masking";

const b: FilerAccount = {
  kind: "person",
  name: "李四",
  idNumber: "11010519491231002X",
  creditCode: null,
  lawyerLicenceNumber: null,
};
const lawyer: FilerAccount = { ...b, name: "王律师", lawyerLicenceNumber: "13301201810123456" };
const company: FilerAccount = {
  kind: "organisation",
  name: "杭州某某科技有限公司",
  idNumber: null,
  creditCode: "91330106MA2DEM01X1",
  lawyerLicenceNumber: null,
};

const party = (overrides: Record<string, unknown> = {}) => ({
  kind: "natural_person" as const,
  name: "李四",
  idNumber: "11010519491231002x",
  creditCode: null,
  isFiler: true,
  ...overrides,
});
const agent = (overrides: Record<string, unknown> = {}) => ({
  kind: "lawyer" as const,
  name: "王律师",
  licenceNumber: "13301201810123456",
  isFiler: true,
  ...overrides,
});

describe("who may file a complaint", () => {
  it.each([
    ["the account holder in person", [party()], [], b, []],
    ["the account holder leaving the ID number to the account", [party({ idNumber: null })], [], b, []],
    [
      "a party who is not the filer, with anyone's details",
      [party({ isFiler: false, name: "张三" })],
      [],
      b,
      [],
    ],
    [
      "someone else's name and ID number",
      [party({ name: "张三", idNumber: "330106199003072130" })],
      [],
      b,
      [
        { path: "parties.0.name", code: "filer_not_account_holder" },
        { path: "parties.0.idNumber", code: "filer_not_account_holder" },
      ],
    ],
    [
      "one's name with someone else's ID number",
      [party({ idNumber: "330106199003072130" })],
      [],
      b,
      [{ path: "parties.0.idNumber", code: "filer_not_account_holder" }],
    ],
    [
      "a person filing as an organisation",
      [party({ kind: "legal_person", idNumber: null })],
      [],
      b,
      [{ path: "parties.0.kind", code: "filer_not_account_holder" }],
    ],
    [
      "an organisation with its own credit code",
      [party({ kind: "legal_person", name: company.name, idNumber: null, creditCode: company.creditCode })],
      [],
      company,
      [],
    ],
    [
      "an organisation with another credit code",
      [party({ kind: "legal_person", name: company.name, idNumber: null, creditCode: "91330106MA2DEM02XX" })],
      [],
      company,
      [{ path: "parties.0.creditCode", code: "filer_not_account_holder" }],
    ],
    ["a lawyer filing as agent", [party({ isFiler: false })], [agent()], lawyer, []],
    [
      "an agent under another name",
      [party({ isFiler: false })],
      [agent({ name: "赵律师" })],
      lawyer,
      [{ path: "agents.0.name", code: "agent_not_account_holder" }],
    ],
    [
      "a lawyer agent without a lawyer's account",
      [party({ isFiler: false })],
      [agent({ name: "李四" })],
      b,
      [{ path: "agents.0.licenceNumber", code: "agent_not_lawyer" }],
    ],
    [
      "a relative as agent",
      [party({ isFiler: false })],
      [agent({ name: "李四", kind: "relative", licenceNumber: null })],
      b,
      [],
    ],
    [
      "an organisation account as agent",
      [party({ isFiler: false })],
      [agent({ name: company.name, kind: "employee", licenceNumber: null })],
      company,
      [{ path: "agents.0.name", code: "agent_not_account_holder" }],
    ],
  ] as const)("%s", (_name, parties, agents, account, expected) => {
    expect(filerIdentityIssues({ parties: [...parties], agents: [...agents] }, account)).toEqual(expected);
  });
});

describe("masking ID numbers", () => {
  it("keeps the first and last four characters", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("1101**********002X");
  });
});
