// A bare Fastify "hello" route: the ceiling the case-detail route is compared with in the same run.
// `/body` answers with whatever bytes were last PUT to it: the same ceiling for a response as large as
// the case detail, so the cost of the size can be told apart from the cost of netcourt's own work.
import Fastify from "fastify";

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
let body: Buffer = Buffer.from("{}");
app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, raw, done) => done(null, raw));
app.get("/hello", async () => ({ hello: "world" }));
app.put("/body", async (request) => {
  body = request.body as Buffer;
  return { bytes: body.length };
});
app.get("/body", async (_request, reply) => reply.type("application/json; charset=utf-8").send(body));
const port = Number(process.argv[2] ?? 0);
await app.listen({ port, host: "127.0.0.1" });
process.stdout.write(`listening ${port}\n`);
