// Every route the OpenAPI document describes, fed hostile input: no answer may be a 5xx. The routes, their
// fields and parameters come from the document itself (GET /api/openapi.json), so a new route or field
// is fuzzed without anyone adding it here.
import { randomUUID } from "node:crypto";
import RandExp from "randexp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { createTestApp, type TestApp, type TestClient } from "../../testing/test-app";
import { demoIdNumber } from "../../seed/demo-seed";

/** A 1×1 PNG: a file every upload route accepts. */
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  $ref?: string;
};
type Parameter = { in: "path" | "query" | "header" | "cookie"; name: string; schema?: JsonSchema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type OpenApi = { paths: Record<string, Record<string, Operation>> };
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What every field and parameter is sent, besides its valid-ish value. */
const hostile: Array<{ name: string; body: (valid: unknown) => unknown; url: string }> = [
  { name: "NUL", body: () => "a\u0000b", url: "a%00b" },
  // In a URL a lone surrogate can only arrive as its (invalid) UTF-8 bytes.
  { name: "lone surrogate", body: () => "a\uD800b", url: "a%ED%A0%80b" },
  { name: "100,000 characters", body: () => "长".repeat(100_000), url: "x".repeat(100_000) },
  {
    name: "wrong type",
    body: (valid) =>
      typeof valid === "string" ? 12345 : typeof valid === "number" || typeof valid === "boolean" ? "x" : 7,
    url: "%7B%7D",
  },
];

const BOUNDARY = "----netcourtfuzz";
/** Multipart bodies no parser should choke on (RFC 7578 / RFC 2046 §5.1.1 violations). */
const brokenMultipart: Array<{ name: string; contentType: string; body: Buffer }> = (() => {
  const part = (eol: string, boundary: string) =>
    `--${boundary}${eol}content-disposition: form-data; name="file"; filename="a.png"${eol}` +
    `content-type: image/png${eol}${eol}`;
  const png = PNG;
  const full = (eol: string, boundary: string, closing: boolean) =>
    Buffer.concat([
      Buffer.from(part(eol, boundary)),
      png,
      Buffer.from(closing ? `${eol}--${boundary}--${eol}` : eol),
    ]);
  return [
    { name: "no boundary", contentType: "multipart/form-data", body: full("\r\n", BOUNDARY, true) },
    {
      name: "wrong boundary",
      contentType: `multipart/form-data; boundary=${BOUNDARY}x`,
      body: full("\r\n", BOUNDARY, true),
    },
    {
      name: "no closing boundary",
      contentType: `multipart/form-data; boundary=${BOUNDARY}`,
      body: full("\r\n", BOUNDARY, false),
    },
    {
      name: "LF line ends",
      contentType: `multipart/form-data; boundary=${BOUNDARY}`,
      body: full("\n", BOUNDARY, true),
    },
    {
      name: "empty body",
      contentType: `multipart/form-data; boundary=${BOUNDARY}`,
      body: Buffer.alloc(0),
    },
  ];
})();

/** Alternatives of a schema (zod's nullable and union types become anyOf/oneOf). */
function alternatives(schema: JsonSchema): JsonSchema[] {
  return schema.anyOf ?? schema.oneOf ?? [];
}

/** Values for fields that are checked beyond their schema (check digits, number plans), by field name. */
const byFieldName: Record<string, () => unknown> = {
  phone: () => "13900007777",
  email: () => "fuzz@netcourt.test",
  idNumber: () => demoIdNumber("330106", "1991-05-04", 777),
  password: () => "court2026pass",
};

/**
 * A string matching `pattern` (a few repetitions at most), the same on every run (a generator seeded
 * by the pattern), or null when the pattern is not JavaScript's.
 */
function matching(pattern: string): string | null {
  try {
    const generator = new RandExp(new RegExp(pattern, "u"));
    generator.max = 3;
    let seed = [...pattern].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16_777_619) >>> 0, 2_166_136_261);
    generator.randInt = (from, to) => {
      seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
      return from + (seed % (to - from + 1));
    };
    return generator.gen();
  } catch {
    return null;
  }
}

/**
 * A value the schema probably accepts: enums, formats, patterns and minimums respected, nullable fields
 * null, every property present (so a hostile value in one field is not hidden by another's absence).
 */
function sampleOf(
  schema: JsonSchema | undefined,
  name: string,
  ids: Map<string, string>,
  depth = 0,
): unknown {
  if (!schema || schema.$ref || depth > 8) return "x";
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const options = alternatives(schema);
  if (options.length > 0) {
    if (options.some((s) => s.type === "null")) return null;
    return sampleOf(options[0], name, ids, depth + 1);
  }
  if (schema.allOf?.length) return sampleOf(schema.allOf[0], name, ids, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const value: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {}))
        value[key] = sampleOf(property, key, ids, depth + 1);
      if (Object.keys(value).length === 0 && typeof schema.additionalProperties === "object")
        value.note = sampleOf(schema.additionalProperties, "note", ids, depth + 1);
      return value;
    }
    case "array":
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        sampleOf(schema.items, name, ids, depth + 1),
      );
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    case "string": {
      const known = ids.get(name) ?? byFieldName[name]?.();
      if (known !== undefined) return known;
      if (schema.format === "uuid") return randomUUID();
      if (schema.format === "date-time") return "2026-03-02T09:00:00+08:00";
      if (schema.format === "date") return "2026-03-02";
      const matched = schema.pattern ? matching(schema.pattern) : null;
      if (matched !== null) return matched;
      const text = "示例".repeat(Math.ceil((schema.minLength ?? 1) / 2));
      return text.slice(0, Math.max(schema.maxLength ?? text.length, schema.minLength ?? 1));
    }
    default:
      return "x";
  }
}

/** Every place in a body schema a value can go: [path, schema] pairs, nested objects and arrays included. */
function fieldsOf(schema: JsonSchema | undefined, path: Array<string | number> = [], depth = 0) {
  const fields: Array<Array<string | number>> = [];
  if (!schema || depth > 8) return fields;
  if (path.length > 0) fields.push(path);
  for (const option of [...alternatives(schema), ...(schema.allOf ?? [])].slice(0, 1))
    fields.push(...fieldsOf(option, path, depth + 1).filter((p) => p !== path));
  for (const [key, property] of Object.entries(schema.properties ?? {}))
    fields.push(...fieldsOf(property, [...path, key], depth + 1));
  if (schema.items) fields.push(...fieldsOf(schema.items, [...path, 0], depth + 1));
  return fields;
}

function valueAt(root: unknown, path: Array<string | number>): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown> | undefined)?.[key];
  return node;
}

function withValueAt(root: unknown, path: Array<string | number>, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = typeof key === "number" ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path.at(-1)!] = value;
  return copy;
}

describe("the API under hostile input (OpenAPI-driven fuzz, PGlite)", () => {
  let app: TestApp;
  let openapi: OpenApi;
  /** Values for parameters and uuid fields by name: ids of records every client may name. */
  const shared = new Map<string, string>();
  let apiKey: string;
  /** Who asks, each with the ids of records it can see (its own draft, its court's submitted filing). */
  const identities: Array<{ name: string; login: string; client?: TestClient; ids: Map<string, string> }> = [
    { name: "litigant", login: "zhangsan@netcourt.demo", ids: new Map() },
    { name: "clerk", login: "hzhlw.clerk1@netcourt.demo", ids: new Map() },
  ];
  const idsOf = (identity: (typeof identities)[number]) => new Map([...shared, ...identity.ids]);

  beforeAll(async () => {
    app = await createTestApp("pglite", {
      now: "2026-03-02T09:00:00+08:00",
      ledger: { checkpointIntervalMs: 40, publishTimeoutMs: 4_000 },
    });
    await app.context.ledger.start();
    await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    for (const identity of identities) identity.client = await signIn(app, identity.login);
    const [litigant, clerk] = identities;
    const admin = await signIn(app, "hzhlw.admin1@netcourt.demo");

    const courts = (
      await litigant!.client!.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")
    ).body.items;
    const court = courts.find((c) => c.code === "浙0192")!;
    shared.set("courtId", court.id);
    const filing = async () => {
      const draft = await litigant!.client!.post<{ caseId: string }>("/api/filings", { courtId: court.id });
      const upload = await litigant!.client!.upload<{ id: string; sha256: string }>(
        `/api/filings/${draft.body.caseId}/attachments`,
        { name: "证据.png", content: PNG },
        { category: "evidence" },
      );
      expect(upload.status).toBe(201);
      const saved = await litigant!.client!.put(
        `/api/filings/${draft.body.caseId}`,
        shoppingComplaint({ evidenceAttachmentId: upload.body.id }),
      );
      expect(saved.status).toBe(200);
      return { caseId: draft.body.caseId, attachmentId: upload.body.id, sha256: upload.body.sha256 };
    };
    for (const [key, value] of Object.entries(await filing())) litigant!.ids.set(key, value);
    const submitted = await filing();
    expect((await litigant!.client!.post(`/api/filings/${submitted.caseId}/submit`)).status).toBe(200);
    for (const [key, value] of Object.entries(submitted)) clerk!.ids.set(key, value);

    const platform = await admin.post<{ id: string }>("/api/ledger/platforms", {
      courtId: court.id,
      name: "模糊测试平台",
      operatorName: "模糊测试公司",
      category: "other",
    });
    shared.set("platformId", platform.body.id);
    const credential = await admin.post<{ id: string; apiKey: string }>(
      `/api/ledger/platforms/${platform.body.id}/credentials`,
      { kind: "api_key" },
    );
    shared.set("credentialId", credential.body.id);
    apiKey = credential.body.apiKey;
    shared.set("index", "0");
    shared.set("gateway", "simulator");

    const document = await litigant!.client!.get<OpenApi>("/api/openapi.json");
    expect(document.status).toBe(200);
    openapi = document.body;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  /** A path parameter's value: an id the caller can see when it has one by that name, else by its schema. */
  function parameterValue(parameter: Parameter, path: string, ids: Map<string, string>): string {
    if (parameter.name === "id" && (path.startsWith("/api/cases/") || path.startsWith("/api/filings/")))
      return ids.get("caseId")!;
    if (parameter.name === "*") return "0/000";
    return String(ids.get(parameter.name) ?? sampleOf(parameter.schema, parameter.name, ids));
  }

  it("answers every route's malformed fields, parameters and multipart bodies without a 5xx", async () => {
    const failures: string[] = [];
    let sent = 0;
    const send = async (
      identity: (typeof identities)[number],
      method: Method,
      url: string,
      what: string,
      options: { payload?: string | Buffer; contentType?: string } = {},
    ) => {
      // The API key lets the platform routes past authentication; no other route reads Authorization.
      const headers: Record<string, string> = { authorization: `Bearer ${apiKey}` };
      if (options.contentType) headers["content-type"] = options.contentType;
      const response = await identity.client!.request(method, url, {
        headers,
        ...(options.payload !== undefined ? { payload: options.payload } : {}),
      });
      sent += 1;
      if (response.status >= 500)
        failures.push(
          `${response.status} ${method} ${url.slice(0, 120)} — ${what} as ${identity.name}: ` +
            JSON.stringify(response.body).slice(0, 200),
        );
    };

    // Deletions last, so the records the other routes are given still exist.
    const operations = Object.entries(openapi.paths)
      .flatMap(([template, byMethod]) =>
        Object.entries(byMethod).map(([method, operation]) => ({
          template,
          method: method.toUpperCase() as Method,
          operation,
        })),
      )
      .sort((a, b) => Number(a.method === "DELETE") - Number(b.method === "DELETE"));

    for (const { template, method, operation } of operations) {
      const parameters = operation.parameters ?? [];
      const pathParameters = parameters.filter((p) => p.in === "path");
      const queryParameters = parameters.filter((p) => p.in === "query");
      const content = operation.requestBody?.content ?? {};
      const jsonSchema = content["application/json"]?.schema;
      const isMultipart =
        "multipart/form-data" in content ||
        // Upload routes read the stream themselves and declare no body: every body-less write is sent
        // the broken multipart bodies too.
        (method !== "GET" && method !== "DELETE" && Object.keys(content).length === 0);

      for (const identity of identities) {
        const ids = idsOf(identity);
        const validQuery = Object.fromEntries(
          queryParameters.map((p) => [p.name, encodeURIComponent(String(sampleOf(p.schema, p.name, ids)))]),
        );
        const urlWith = (
          override: { name: string; value: string } | null,
          query: Record<string, string> = validQuery,
        ) => {
          let path = template;
          for (const p of pathParameters)
            path = path.replace(
              `{${p.name}}`,
              override?.name === p.name
                ? override.value
                : encodeURIComponent(parameterValue(p, template, ids)),
            );
          const search = Object.entries(query)
            .map(([k, v]) => `${encodeURIComponent(k)}=${v}`)
            .join("&");
          return search ? `${path}?${search}` : path;
        };
        const base = jsonSchema ? sampleOf(jsonSchema, "body", ids) : undefined;
        const withBody = (body: unknown) =>
          body === undefined ? {} : { payload: JSON.stringify(body), contentType: "application/json" };

        await send(identity, method, urlWith(null), "valid-ish request", withBody(base));
        for (const h of hostile) {
          for (const p of pathParameters)
            await send(
              identity,
              method,
              urlWith({ name: p.name, value: h.url }),
              `${h.name} in path ${p.name}`,
              withBody(base),
            );
          for (const p of queryParameters)
            await send(
              identity,
              method,
              urlWith(null, { ...validQuery, [p.name]: h.url }),
              `${h.name} in query ${p.name}`,
              withBody(base),
            );
        }
        if (jsonSchema) {
          for (const field of fieldsOf(jsonSchema))
            for (const h of hostile) {
              // JSON.stringify writes a lone surrogate as a \ud800 escape, as a hostile client would.
              const body = withValueAt(base, field, h.body(valueAt(base, field)));
              await send(
                identity,
                method,
                urlWith(null),
                `${h.name} in body ${field.join(".")}`,
                withBody(body),
              );
            }
          await send(identity, method, urlWith(null), "an array for the whole body", withBody([base]));
        }
        if (isMultipart)
          for (const broken of brokenMultipart)
            await send(identity, method, urlWith(null), `multipart with ${broken.name}`, {
              payload: broken.body,
              contentType: broken.contentType,
            });
      }
      // Some requests sign out (logout) or end a session: every route starts signed in.
      for (const identity of identities)
        if ((await identity.client!.get("/api/me")).status !== 200)
          identity.client = await signIn(app, identity.login);
    }
    console.info(`OpenAPI fuzz: ${sent} requests to ${operations.length} operations`);
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 240_000);
});
