import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIdNumber, buildPhone } from "./admin.test-support";
import { serverSchema, testDatabaseKinds } from "../../testing/test-database";
import { runAdmin } from "./admin.cli";

const network = [
  {
    code: "最高法",
    nameZh: "最高人民法院",
    nameEn: "Supreme People's Court",
    level: "supreme",
    parentCode: null,
  },
  {
    code: "浙",
    nameZh: "浙江省高级人民法院",
    nameEn: "Zhejiang High People's Court",
    level: "high",
    parentCode: "最高法",
  },
  {
    code: "浙01",
    nameZh: "浙江省杭州市中级人民法院",
    nameEn: "Hangzhou Intermediate People's Court",
    level: "intermediate",
    parentCode: "浙",
  },
];

describe.each(testDatabaseKinds())("netcourt admin on %s", (kind) => {
  let dir: string;
  let env: Record<string, string>;
  let schema: Awaited<ReturnType<typeof serverSchema>> | undefined;

  async function admin(...argv: string[]) {
    let out = "";
    let err = "";
    const code = await runAdmin(argv, {
      env,
      out: (text) => (out += text),
      err: (text) => (err += text),
      now: () => new Date("2026-03-02T09:00:00+08:00"),
    });
    return { code, out, err };
  }

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-admin-cli-"));
    env = { DATA_DIR: dir, LOG_LEVEL: "silent", PUBLIC_URL: "https://court.example" };
    if (kind === "postgres") {
      schema = await serverSchema();
      env = { ...env, ...schema.env };
    }
  });
  afterAll(async () => {
    await schema?.drop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("provisions a court, invites staff and rotates the TOTP key, with exit 2 and one line for bad input", async () => {
    const file = path.join(dir, "courts.json");
    await fs.writeFile(file, JSON.stringify(network));
    expect(await admin("courts", "import", "--file", file)).toMatchObject({
      code: 0,
      out: "added 3 courts, 0 already present\n",
    });
    expect((await admin("courts", "import", "--file", file)).out).toBe("added 0 courts, 3 already present\n");

    const court = ["--code", "浙0192", "--name-zh", "杭州互联网法院", "--name-en", "Hangzhou Internet Court"];
    const wrongParent = await admin(
      "court",
      "add",
      ...court,
      "--level",
      "basic",
      "--parent",
      "浙",
      "--internet",
    );
    expect(wrongParent.code).toBe(2);
    expect(wrongParent.err).toBe(
      "error: court_parent_invalid: The parent court does not exist or is not one level above (courts.0.parentCode)\n",
    );
    const badLevel = await admin("court", "add", ...court, "--level", "county");
    expect(badLevel).toMatchObject({
      code: 2,
      err: "error: --level must be one of supreme, high, intermediate, basic\n",
    });
    expect(
      (await admin("court", "add", ...court, "--level", "basic", "--parent", "浙01", "--internet")).code,
    ).toBe(0);
    expect(
      (
        await admin(
          "division",
          "add",
          "--court",
          "浙0192",
          "--code",
          "MS1",
          "--name-zh",
          "民事审判第一庭",
          "--name-en",
          "First Civil Division",
          "--kind",
          "civil",
        )
      ).code,
    ).toBe(0);

    const phone = buildPhone();
    const person = [
      "--name",
      "周法官",
      "--phone",
      phone,
      "--court",
      "浙0192",
      "--role",
      "judge",
      "--division",
      "MS1",
    ];
    const badId = await admin("staff", "invite", ...person, "--id-number", "110101199001011234");
    expect(badId).toMatchObject({
      code: 2,
      err: "error: id_number_invalid: The resident ID number is invalid (idNumber)\n",
    });
    const invited = await admin("staff", "invite", ...person, "--id-number", buildIdNumber());
    expect(invited.code).toBe(0);
    expect(invited.out).toMatch(
      /^invitation \(valid until 2026-03-05T01:00:00\.000Z, shown once\):\nhttps:\/\/court\.example\/invite\/[A-Za-z0-9_-]{43}\n$/,
    );
    expect((await admin("staff", "list", "--court", "浙0192")).out).toBe(
      `${phone}\tjudge\tMS1\tinvited\t周法官\n`,
    );
    expect((await admin("staff", "list", "--court", "湘")).err).toBe("error: no court with code 湘\n");

    const keyFile = path.join(dir, "totp-encryption.key");
    expect((await fs.stat(keyFile)).mode & 0o777).toBe(0o600);
    const rotated = await admin("keys", "rotate-totp", "--generate");
    expect(rotated.code).toBe(0);
    expect(rotated.out).toMatch(
      /^TOTP secrets under key [0-9a-f]{16}: 1 re-encrypted, 0 sealed from clear\n$/,
    );
    expect((await fs.readFile(keyFile, "utf8")).trim().split("\n")).toHaveLength(2);

    const reset = await admin("staff", "reset-second-factor", "--court", "浙0192", "--phone", phone);
    expect(reset.code).toBe(0);
    expect(reset.out).not.toContain(invited.out.split("\n")[1]);
    expect((await admin("staff", "deactivate", "--court", "浙0192", "--phone", phone)).out).toBe(
      `deactivated ${phone}\n`,
    );
    expect((await admin("staff", "list", "--court", "浙0192")).out).toBe(
      `${phone}\tjudge\tMS1\tdeactivated\t周法官\n`,
    );
    expect((await admin("staff", "fire", "--court", "浙0192")).code).toBe(2);
    expect((await admin("staff", "list", "--bogus")).code).toBe(2);
  });
});
