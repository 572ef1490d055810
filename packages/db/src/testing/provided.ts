// What the global setup hands to test workers through Vitest's provide/inject.
// Either the URL of a PostgreSQL server to create test databases on, or why there is none.
export type ProvidedPostgres = { readonly url: string } | { readonly error: string };

declare module "vitest" {
  export interface ProvidedContext {
    gatehousePostgres: ProvidedPostgres;
  }
}
