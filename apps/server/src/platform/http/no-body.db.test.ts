import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TestClient, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
// Platform behaviour seen through a real account: the identity factories build it.
// eslint-disable-next-line netcourt/module-boundaries
import { registerPerson } from "../../modules/identity/identity.test-support";

interface JsonSchema {
  type?: string;
  required?: string[];
}
interface Operation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
type OpenApi = { paths: Record<string, Record<string, Operation>> };
type ErrorBody = { error: string };

/** Every write route whose JSON body has no required field, i.e. needs no body, with its path filled in. */
function bodilessRoutes(openapi: OpenApi): Array<{ method: "POST" | "PUT" | "PATCH"; url: string }> {
  return Object.entries(openapi.paths).flatMap(([template, byMethod]) =>
    Object.entries(byMethod)
      .filter(([method, operation]) => {
        const schema = operation.requestBody?.content?.["application/json"]?.schema;
        return (
          ["post", "put", "patch"].includes(method) &&
          schema?.type === "object" &&
          (schema.required ?? []).length === 0
        );
      })
      .map(([method]) => ({
        method: method.toUpperCase() as "POST" | "PUT" | "PATCH",
        url: template.replace(/\{[^}]+\}/g, () => randomUUID()),
      })),
  );
}

describe.each(testDatabaseKinds())("write routes that need no body on %s", (kind) => {
  let app: TestApp;
  let routes: ReturnType<typeof bodilessRoutes>;

  beforeAll(async () => {
    app = await createTestApp(kind);
    const document = await new TestClient(app).get<OpenApi>("/api/openapi.json");
    expect(document.status).toBe(200);
    routes = bodilessRoutes(document.body);
  });
  afterAll(async () => {
    await app.close();
  });

  it("finds the body-less routes in the API document", () => {
    const urls = routes.map((r) => r.url.replace(/[0-9a-f-]{36}/g, ":id"));
    expect(urls).toEqual(
      expect.arrayContaining([
        "/api/auth/logout",
        "/api/auth/totp/setup",
        "/api/identity/verifications/:id/approve",
        "/api/admin/courts/:id/staff/:id/deactivate",
        "/api/admin/courts/:id/staff/:id/reset-second-factor",
      ]),
    );
  });

  it("takes a request with no body and no content type, or an empty JSON body, without a 400", async () => {
    const refused: string[] = [];
    for (const { method, url } of routes) {
      const variants: Array<{ headers?: Record<string, string>; payload?: string }> = [
        {},
        { headers: { "content-type": "application/json" }, payload: "" },
      ];
      for (const options of variants) {
        const response = await new TestClient(app).request<ErrorBody>(method, url, options);
        if (response.status === 400 || response.status >= 500)
          refused.push(
            `${method} ${url} ${JSON.stringify(options.headers ?? {})}: ${response.status} ${response.body.error}`,
          );
      }
    }
    expect(refused).toEqual([]);
  });

  it("signs out on a logout without a body, and still refuses a missing body where fields are needed", async () => {
    const client = new TestClient(app);
    await registerPerson(client);
    expect((await client.get("/api/me")).status).toBe(200);
    const loggedOut = await client.request("POST", "/api/auth/logout");
    expect(loggedOut.status).toBe(204);
    expect((await client.get("/api/me")).status).toBe(401);

    const register = await new TestClient(app).request<ErrorBody>("POST", "/api/auth/register");
    expect(register.status).toBe(400);
    expect(register.body.error).toBe("validation_failed");
  });
});
