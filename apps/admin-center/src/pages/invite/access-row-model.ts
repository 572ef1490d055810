// One access row of an invitation: a product, optionally one of its instances, optionally some of that
// instance's projects, and the role to give there; and the grants (one per scope) it stands for.
export interface GrantScope {
  readonly org: string;
  readonly product?: string;
  readonly instance?: string;
  readonly project?: string;
}

export interface AccessRow {
  readonly key: string;
  readonly product: string;
  /** Empty until the admin chooses: an instance's id, or `ALL_INSTANCES` for the whole product. */
  readonly instance: string;
  /** Empty for the whole instance; several projects make one grant each. */
  readonly projects: ReadonlyArray<string>;
  readonly role: string;
}

/** The instance choice meaning every instance of the product (a product-wide grant), chosen by name. */
export const ALL_INSTANCES = "*";

let rowCount = 0;

export const newAccessRow = (preset: Partial<Omit<AccessRow, "key">> = {}): AccessRow => {
  rowCount += 1;
  return { key: `row-${rowCount}`, product: "", instance: "", projects: [], role: "", ...preset };
};

/** Where the row's grants go: each project, else the instance, else the product (none before both are chosen). */
export const scopesOf = (row: AccessRow, org: string): ReadonlyArray<GrantScope> => {
  if (row.product === "" || row.instance === "") return [];
  if (row.instance === ALL_INSTANCES) return [{ org, product: row.product }];
  if (row.projects.length === 0) return [{ org, product: row.product, instance: row.instance }];
  return row.projects.map((project) => ({ org, product: row.product, instance: row.instance, project }));
};

/** The grants of every row, or the first problem (a row without a product, a place or a role), in words. */
export const grantsOf = (
  rows: ReadonlyArray<AccessRow>,
  org: string,
  productLabel: (product: string) => string = (product) => product,
): { grants: Array<{ role: string; scope: GrantScope }> } | { problem: string } => {
  const grants: Array<{ role: string; scope: GrantScope }> = [];
  for (const [i, row] of rows.entries()) {
    if (row.product === "") return { problem: `Access ${i + 1}: choose a product` };
    if (row.instance === "") {
      const label = productLabel(row.product);
      return { problem: `Access ${i + 1}: choose a ${label} instance, or All ${label} instances` };
    }
    if (row.role === "") return { problem: `Access ${i + 1}: choose a role` };
    for (const scope of scopesOf(row, org)) grants.push({ role: row.role, scope });
  }
  return { grants };
};
