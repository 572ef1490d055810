// The places a group can be given a role at, for one select: per product, every instance (when the admin may
// give roles product-wide), each instance and each Experimentation project, as assignable.scopes answers them.
import type { Resource } from "@gatehouse/client";
import type { InvitableProduct } from "../invite/invitable-scopes.ts";

export interface PlaceGroup {
  readonly group: string;
  readonly items: Array<{ readonly value: string; readonly label: string }>;
}

/** A place as a select's value, and back. */
export const placeValue = (scope: Resource): string => JSON.stringify(scope);
export const placeOf = (value: string): Resource => JSON.parse(value) as Resource;

export const placeOptions = (org: string, products: ReadonlyArray<InvitableProduct>): Array<PlaceGroup> =>
  products.map((p) => ({
    group: p.label,
    items: [
      ...(p.invitable
        ? [{ value: placeValue({ org, product: p.id }), label: `${p.label}: every instance (product-wide)` }]
        : []),
      ...p.instances.flatMap((i) => [
        ...(i.invitable
          ? [{ value: placeValue({ org, product: p.id, instance: i.id }), label: i.name }]
          : []),
        ...i.projects.map((project) => ({
          value: placeValue({ org, product: p.id, instance: i.id, project: project.id }),
          label: `${i.name} › ${project.name}`,
        })),
      ]),
    ],
  }));
