import { toCsv } from "../../src/io/table/write-csv";
import { MASTER_ARTICLES, MASTER_CONTRACTS, MASTER_MAPPINGS, octoberCsv } from "../support/reconcile-scenario";
import { PASSWORD, testServer, type TestServer, upload } from "./server-fixture";

let s: TestServer;
beforeEach(async () => {
  s = await testServer();
});
afterEach(async () => {
  await s.close();
});

const seed = async (auth: { authorization: string }) => {
  const r = await s.inject({ method: "POST", url: "/api/import/master", headers: auth, payload: { files: [upload("articles.csv", MASTER_ARTICLES), upload("contracts.csv", MASTER_CONTRACTS), upload("mappings.csv", MASTER_MAPPINGS)] } });
  expect(r.statusCode).toBe(200);
};

describe("team server: logins and roles", () => {
  it("refuses requests without a valid token (401) but answers health and the OpenAPI document", async () => {
    expect((await s.inject({ method: "GET", url: "/api/runs" })).statusCode).toBe(401);
    expect((await s.inject({ method: "GET", url: "/api/runs", headers: { authorization: "Bearer nope" } })).statusCode).toBe(401);
    expect((await s.inject({ method: "POST", url: "/api/bill", payload: { month: "2026-10" } })).statusCode).toBe(401);
    expect((await s.inject({ method: "GET", url: "/api/health" })).json()).toMatchObject({ ok: true });
    const doc = (await s.inject({ method: "GET", url: "/openapi.json" })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ["/api/login", "/api/reconcile", "/api/apply", "/api/bill", "/api/undo", "/api/runs/{id}/export", "/api/lookups", "/api/audit", "/api/push", "/api/users"]) expect(Object.keys(doc.paths)).toContain(p);
  });

  it("lets only admins manage users (clerk 403, auditor 403, admin 201)", async () => {
    const body = { name: "neu", role: "clerk", password: "another long password" };
    expect((await s.inject({ method: "POST", url: "/api/users", headers: await s.login("clara"), payload: body })).statusCode).toBe(403);
    expect((await s.inject({ method: "GET", url: "/api/users", headers: await s.login("otto") })).statusCode).toBe(403);
    const admin = await s.login("ada");
    expect((await s.inject({ method: "POST", url: "/api/users", headers: admin, payload: { ...body, password: "short" } })).statusCode).toBe(400);
    expect((await s.inject({ method: "POST", url: "/api/users", headers: admin, payload: body })).statusCode).toBe(201);
    expect((await s.inject({ method: "POST", url: "/api/users", headers: admin, payload: body })).statusCode).toBe(409);
    expect((await s.inject({ method: "POST", url: "/api/login", payload: { user: "neu", password: body.password } })).statusCode).toBe(200);
  });

  it("lets auditors read and export but not write (403)", async () => {
    await seed(await s.login("clara"));
    const auditor = await s.login("otto");
    for (const [method, url, payload] of [
      ["POST", "/api/bill", { month: "2026-10" }],
      ["POST", "/api/apply", { review: upload("r.csv", "x") }],
      ["POST", "/api/import/master", { files: [upload("a.csv", MASTER_ARTICLES)] }],
      ["POST", "/api/undo", { batch: "import-00001" }],
      ["PUT", "/api/settings/rules", { text: "{}" }],
      ["POST", "/api/push", { file: upload("b.json", "{}") }],
    ] as const)
      expect([url, (await s.inject({ method, url, headers: auditor, payload })).statusCode]).toEqual([url, 403]);
    for (const url of ["/api/audit", "/api/runs", "/api/lookups", "/api/backup", "/api/revision"]) expect([url, (await s.inject({ method: "GET", url, headers: auditor })).statusCode]).toEqual([url, 200]);
  });

  it("names the user in every audit entry of their requests", async () => {
    await seed(await s.login("clara"));
    const audit = (await s.inject({ method: "GET", url: "/api/audit?limit=1000", headers: await s.login("otto") })).json() as { user?: string; kind: string }[];
    expect(audit.length).toBeGreaterThan(5);
    expect(new Set(audit.map((a) => a.user))).toEqual(new Set(["clara"]));
  });

  it("stores tokens only as hashes; tokens expire; logout ends them; a disabled user's tokens end", async () => {
    const auth = await s.login("clara");
    const token = auth.authorization.slice("Bearer ".length);
    const rows = await s.store.sql<{ token_hash: string }>(`SELECT "token_hash" FROM "server_tokens"`);
    expect(rows.length).toBe(1);
    expect(rows[0]!.token_hash).not.toContain(token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const users = await s.store.sql<{ password_hash: string }>(`SELECT "password_hash" FROM "server_users"`);
    for (const u of users) expect(u.password_hash).toMatch(/^scrypt\$/);
    expect((await s.inject({ method: "GET", url: "/api/me", headers: auth })).json()).toEqual({ name: "clara", role: "clerk" });
    s.clock.now = "2026-11-23T18:00:01.000Z"; // 8 h later
    expect((await s.inject({ method: "GET", url: "/api/me", headers: auth })).statusCode).toBe(401);
    s.clock.now = "2026-11-23T10:00:00.000Z";
    const again = await s.login("clara");
    expect((await s.inject({ method: "POST", url: "/api/logout", headers: again })).statusCode).toBe(200);
    expect((await s.inject({ method: "GET", url: "/api/me", headers: again })).statusCode).toBe(401);
    const third = await s.login("clara");
    expect((await s.inject({ method: "POST", url: "/api/users/clara/disabled", headers: await s.login("ada"), payload: { disabled: true } })).statusCode).toBe(200);
    expect((await s.inject({ method: "GET", url: "/api/me", headers: third })).statusCode).toBe(401);
    expect((await s.inject({ method: "POST", url: "/api/login", payload: { user: "clara", password: PASSWORD } })).statusCode).toBe(401);
  });

  it("throttles logins after five failures, even with the right password then", async () => {
    for (let i = 0; i < 5; i++) expect((await s.inject({ method: "POST", url: "/api/login", payload: { user: "ada", password: `wrong ${i}` } })).statusCode).toBe(401);
    const r = await s.inject({ method: "POST", url: "/api/login", payload: { user: "ada", password: PASSWORD } });
    expect(r.statusCode).toBe(429);
    expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("allows CORS only for the configured add-in origin", async () => {
    const ok = await s.inject({ method: "OPTIONS", url: "/api/runs", headers: { origin: "https://addin.example", "access-control-request-method": "GET" } });
    expect(ok.headers["access-control-allow-origin"]).toBe("https://addin.example");
    const other = await s.inject({ method: "OPTIONS", url: "/api/runs", headers: { origin: "https://evil.example", "access-control-request-method": "GET" } });
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("team server: billing work", () => {
  it("returns issues with code, params, file/row/column and text", async () => {
    const clerk = await s.login("clara");
    const r = await s.inject({ method: "POST", url: "/api/import/master", headers: { ...clerk, "accept-language": "en" }, payload: { files: [upload("articles.csv", "article_no,description,unit_price,vat_pct\nA1,Thing,abc,19")] } });
    expect(r.statusCode).toBe(422);
    const issue = r.json().issues.find((i: { severity: string }) => i.severity === "error");
    expect(issue).toMatchObject({ code: expect.any(String), params: expect.any(Object), where: { source: "articles.csv", row: 2 } });
    expect(issue.where.column).toBeDefined();
    expect(issue.text).toContain("articles.csv");
  });

  it("two clerks applying reviews of the same positions: the first wins, the second gets the conflict", async () => {
    const [a, b] = [await s.login("clara"), await s.login("ada")];
    await seed(a);
    const rec = async (auth: { authorization: string }) => (await s.inject({ method: "POST", url: "/api/reconcile", headers: auth, payload: { files: [upload("nce.csv", octoberCsv())], month: "2026-10" } })).json();
    const [ra, rb] = [await rec(a), await rec(b)];
    expect(ra.basis).toEqual(rb.basis);
    const review = (t: unknown[][]) => upload("review.csv", toCsv(t as never));
    const first = await s.inject({ method: "POST", url: "/api/apply", headers: a, payload: { review: review(ra.table), basis: ra.basis } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ versions: 3 });
    const second = await s.inject({ method: "POST", url: "/api/apply", headers: { ...b, "accept-language": "en" }, payload: { review: review(rb.table), basis: rb.basis } });
    expect(second.statusCode).toBe(409);
    const issues = second.json().issues;
    expect(issues.map((i: { code: string }) => i.code)).toEqual(["server.conflict", "server.conflict", "server.conflict"]);
    expect(issues[0].text).toMatch(/Reconcile again/);
    expect(issues[0].where.row).toBeGreaterThan(1);
    // Reconciling again gives a fresh basis, and the review applies (nothing left to do).
    const rc = await rec(b);
    const third = await s.inject({ method: "POST", url: "/api/apply", headers: b, payload: { review: review(rc.table), basis: rc.basis } });
    expect(third.statusCode).toBe(200);
    expect(third.json()).toMatchObject({ versions: 0, batchId: null });
  });

  it("a change to other contracts since the review is no conflict", async () => {
    const clerk = await s.login("clara");
    await seed(clerk);
    const r = (await s.inject({ method: "POST", url: "/api/reconcile", headers: clerk, payload: { files: [upload("nce.csv", octoberCsv())], month: "2026-10" } })).json();
    // Apply only V-1001's row first (as a colleague would), then the review keeping only V-2001's rows.
    const header = r.table[0] as string[];
    const contractCol = header.indexOf("contract_no");
    const only = (no: string) => [header, ...(r.table.slice(1) as unknown[][]).filter((row) => row[contractCol] === no)];
    expect((await s.inject({ method: "POST", url: "/api/apply", headers: clerk, payload: { review: upload("a.csv", toCsv(only("V-1001") as never)), basis: r.basis } })).statusCode).toBe(200);
    const other = await s.inject({ method: "POST", url: "/api/apply", headers: clerk, payload: { review: upload("b.csv", toCsv(only("V-2001") as never)), basis: r.basis } });
    expect(other.statusCode).toBe(200);
    expect(other.json()).toMatchObject({ versions: 2 });
  });

  it("ten clients billing the same month at once make exactly one run", async () => {
    const clerk = await s.login("clara");
    await seed(clerk);
    const replies = await Promise.all(Array.from({ length: 10 }, () => s.inject({ method: "POST", url: "/api/bill", headers: clerk, payload: { month: "2026-10", invoiceDate: "2026-11-01" } })));
    expect(replies.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    const runIds = replies.map((r) => r.json().runId).filter((id) => id !== null);
    expect(runIds.length).toBe(1);
    const runs = (await s.inject({ method: "GET", url: "/api/runs", headers: clerk })).json();
    expect(runs.length).toBe(1);
    const exp = await s.inject({ method: "GET", url: `/api/runs/${runIds[0]}/export?format=de`, headers: await s.login("otto") });
    expect(exp.statusCode).toBe(200);
    expect(exp.json().records).toBeGreaterThan(0);
    const undone = await s.inject({ method: "POST", url: "/api/undo", headers: clerk, payload: { run: runIds[0] } });
    expect(undone.statusCode).toBe(200);
  });

  it("serves the lookup data with the revision as ETag (304 until a write)", async () => {
    const clerk = await s.login("clara");
    await seed(clerk);
    const first = await s.inject({ method: "GET", url: "/api/lookups", headers: clerk });
    expect(first.statusCode).toBe(200);
    expect(first.json().contracts.length).toBeGreaterThan(0);
    const etag = first.headers.etag as string;
    expect((await s.inject({ method: "GET", url: "/api/lookups", headers: { ...clerk, "if-none-match": etag } })).statusCode).toBe(304);
    await s.inject({ method: "POST", url: "/api/bill", headers: clerk, payload: { month: "2026-10" } });
    const after = await s.inject({ method: "GET", url: "/api/lookups", headers: { ...clerk, "if-none-match": etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
  });
});
