// The API through app.request: health, the public catalog over tRPC (with input validation, Feature role facts), the
// apps' pages (placeholders until an app is built), and the ids every answer carries, there and over node-server.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Engine } from "@gatehouse/domain";
import { type ServerType, serve } from "@hono/node-server";
import { describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app.ts";

const engine = new Engine();
const app = createApp({ engine: () => engine, appsDir: mkdtempSync(join(tmpdir(), "gatehouse-apps-")) });

const trpcGet = async (path: string, input?: unknown) => {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await app.request(`/trpc/${path}${query}`);
  return {
    status: res.status,
    body: (await res.json()) as { result?: { data: unknown }; error?: { message?: string } },
  };
};

describe("the API app", () => {
  it("answers /healthz with a request id", async () => {
    const res = await app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers with a request id and its worker over @hono/node-server too, a fresh id each time", async () => {
    const served = createApp({ engine: () => engine, appsDir: "/nonexistent", worker: "2" });
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: served.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const ids = [];
      for (const path of ["/healthz", "/trpc/catalog.products", "/v1/check", "/healthz"]) {
        const res = await fetch(
          `http://127.0.0.1:${port}${path}`,
          path === "/v1/check" ? { method: "POST" } : {},
        );
        await res.text();
        expect(res.headers.get("x-request-id"), path).toMatch(/^[0-9a-f-]{36}$/);
        expect(res.headers.get("x-gatehouse-worker"), path).toBe("2");
        ids.push(res.headers.get("x-request-id"));
      }
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("lists every product of the catalog with its roles and actions", async () => {
    const { status, body } = await trpcGet("catalog.products");
    expect(status).toBe(200);
    const products = body.result?.data as ReadonlyArray<{
      id: string;
      administers: boolean;
      roles: ReadonlyArray<{ id: string }>;
    }>;
    expect(products.map((p) => p.id)).toContain("mission-control");
    expect(products).toHaveLength(11);
    const mc = products.find((p) => p.id === "mission-control");
    expect(mc?.roles.map((r) => r.id)).toContain("mission-control:customerDev");
    expect(products.filter((p) => p.administers).map((p) => p.id)).toEqual(["admin-center"]);
  });

  it("serves each product's actions once by id, with each platform's words (the access matrix's options)", async () => {
    const { body } = await trpcGet("catalog.products");
    const products = body.result?.data as ReadonlyArray<{
      id: string;
      actions: ReadonlyArray<{
        id: string;
        label: string;
        platforms: ReadonlyArray<{ platform: string; label: string }> | null;
      }>;
    }>;
    for (const product of products) {
      const ids = product.actions.map((a) => a.id);
      expect(new Set(ids).size, product.id).toBe(ids.length);
    }
    const create = products
      .find((p) => p.id === "experimentation")
      ?.actions.find((a) => a.id === "experimentation:experiment.create");
    expect(create?.platforms).toEqual([
      { platform: "feature", label: "Create experiments" },
      { platform: "web", label: "Create experiments and campaigns" },
    ]);
    expect(create?.label).toBe("Create experiments / Create experiments and campaigns");
  });

  it("serves the Feature project roles' defaults and locks from the catalog", async () => {
    const { status, body } = await trpcGet("catalog.featureRoles");
    expect(status).toBe(200);
    const x = (name: string) => `experimentation:${name}`;
    const facts = body.result?.data as {
      projectRoles: ReadonlyArray<{ id: string; entityRolesLocked: boolean; defaultFlagRole: string }>;
      environmentRoles: ReadonlyArray<string>;
      flagRoles: ReadonlyArray<string>;
    };
    expect(facts.projectRoles.map((r) => [r.id, r.entityRolesLocked, r.defaultFlagRole])).toEqual([
      [x("administrator"), true, x("flag-admin")],
      [x("project-owner"), true, x("flag-admin")],
      [x("publisher"), false, x("flag-editor")],
      [x("editor"), false, x("flag-editor")],
      [x("viewer"), false, x("flag-viewer")],
    ]);
    // Editors are env-editor only in production: elsewhere their default lets them publish.
    expect(facts.projectRoles.find((r) => r.id === x("editor"))).toMatchObject({
      defaultEnvironmentRole: { production: x("env-editor"), other: x("env-publisher") },
    });
    expect(facts.environmentRoles).toEqual(["env-admin", "env-publisher", "env-editor", "env-viewer"].map(x));
    expect(facts.flagRoles).toEqual(["flag-admin", "flag-editor", "flag-viewer", "flag-none"].map(x));
  });

  it("returns one system role with its actions", async () => {
    const { status, body } = await trpcGet("catalog.role", { id: "mission-control:customerUser" });
    expect(status).toBe(200);
    expect(body.result?.data).toMatchObject({
      id: "mission-control:customerUser",
      product: "mission-control",
      actions: [
        "mission-control:site.view",
        "mission-control:site.restart",
        "mission-control:database.backup",
      ],
    });
  });

  it("refuses bad input with BAD_REQUEST naming the field", async () => {
    const { status, body } = await trpcGet("catalog.role", { id: 7 });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ message: "id: Expected string" });
  });

  it("sends no stack trace with an error", async () => {
    const res = await app.request(
      `/trpc/catalog.role?input=${encodeURIComponent(JSON.stringify({ id: 7 }))}`,
    );
    const body = (await res.json()) as { error: { data: Record<string, unknown> } };
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.data).not.toHaveProperty("stack");
  });

  it("hides an internal error's cause from the client and logs it", async () => {
    const failing = createApp({
      engine: () => {
        throw new Error("secret detail of the server");
      },
      appsDir: "/nonexistent",
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const res = await failing.request("/trpc/catalog.products");
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).toContain("Internal error");
      expect(text).not.toContain("secret detail");
      expect(text).not.toContain("stack");
      expect(String(logged.mock.calls[0]?.[1])).toContain("secret detail of the server");
    } finally {
      logged.mockRestore();
    }
  });

  it("answers NOT_FOUND for a role the catalog does not have", async () => {
    const { status } = await trpcGet("catalog.role", { id: "mission-control:nobody" });
    expect(status).toBe(404);
  });

  it("serves a placeholder for an app that is not built, and the built app when it is", async () => {
    const placeholder = await app.request("/mission-control/");
    expect(placeholder.status).toBe(200);
    expect(await placeholder.text()).toContain("has not been built yet");

    const dir = mkdtempSync(join(tmpdir(), "gatehouse-apps-"));
    mkdirSync(join(dir, "admin-center", "dist"), { recursive: true });
    writeFileSync(
      join(dir, "admin-center", "dist", "index.html"),
      "<html><body>built admin center</body></html>",
    );
    const built = createApp({ engine: () => engine, appsDir: dir });
    expect(await (await built.request("/admin-center/")).text()).toContain("built admin center");
    expect(await (await built.request("/admin-center/users/42")).text()).toContain("built admin center");
  });
});
