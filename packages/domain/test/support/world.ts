// Test support: a fluent builder over `new Engine()` and its snapshot, so each test states its world in a line.
// world().org("agency", "partner", ["mission-control"]).user("u", "acme").grant("u", role, scope).engine
import { type CustomRoleInput, Engine, type GrantInput, type Scope } from "../../src/index.ts";

/** The moment every test decides at; grants expire relative to it. Passed explicitly, never the clock. */
export const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
export const HOUR = 3_600_000;
export const PAST = NOW - HOUR;
export const FUTURE = NOW + HOUR;

export interface GrantOptions {
  /** Grant id; defaults to `g1`, `g2`, … in the order grants are made. */
  readonly id?: string;
  readonly expiresAt?: number;
}

export class World {
  readonly engine = new Engine();
  private count = 0;

  get snapshot() {
    return this.engine.snapshot;
  }

  /** Sets an organization's kind and, when given, the only products it has enabled. */
  org(id: string, kind: "customer" | "partner", products?: ReadonlyArray<string>): this {
    this.snapshot.setOrg(id, { kind, products: products === undefined ? undefined : new Set(products) });
    return this;
  }

  user(id: string, org: string): this {
    this.snapshot.addUser(id, org);
    return this;
  }

  /** Several users of one organization at once. */
  users(org: string, ...ids: ReadonlyArray<string>): this {
    for (const id of ids) this.snapshot.addUser(id, org);
    return this;
  }

  group(id: string, org: string): this {
    this.snapshot.addGroup(id, org);
    return this;
  }

  member(group: string, user: string): this {
    this.snapshot.addMember(group, user);
    return this;
  }

  grant(subject: string, role: string, scope: Scope, options: GrantOptions = {}): this {
    this.snapshot.addGrant({ ...this.base(subject, scope, options), role });
    return this;
  }

  /** A grant of one extra permission (an action id) instead of a role. */
  permission(subject: string, permission: string, scope: Scope, options: GrantOptions = {}): this {
    this.snapshot.addGrant({ ...this.base(subject, scope, options), permission });
    return this;
  }

  customRole(input: CustomRoleInput): this {
    this.snapshot.upsertCustomRole(input);
    return this;
  }

  private base(
    subject: string,
    scope: Scope,
    options: GrantOptions,
  ): Omit<GrantInput, "role" | "permission"> {
    this.count += 1;
    return {
      id: options.id ?? `g${this.count}`,
      subject,
      scope,
      ...(options.expiresAt === undefined ? {} : { expiresAt: options.expiresAt }),
    };
  }
}

export const world = (): World => new World();
