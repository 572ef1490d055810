// Migration 18, product groups described in words: "Everyone granted <role id>" named the role by its raw id on the
// Groups page; a product group's name is already its product's and role's labels, so its description reads from it.
import { runStatements } from "./run-statements.ts";

export const statements: ReadonlyArray<string> = [
  `update groups set description = 'Everyone given ' || name || ' directly, with no end date'
   where kind = 'product' and description = 'Everyone granted ' || role`,
];

export default runStatements(statements);
