// The invite page's breadcrumbs: from the instance or project it was opened from (?product=…&instance=…
// [&project=…]), else from Users, so the admin can go back where they came from.
import { type Crumb, Crumbs } from "@gatehouse/ui";
import type { InvitableProduct } from "./invitable-scopes.ts";

export interface InviteOrigin {
  readonly product?: string;
  readonly instance?: string;
  readonly project?: string;
}

export const InviteCrumbs = ({
  origin,
  products,
  current,
}: {
  origin: InviteOrigin;
  products: ReadonlyArray<InvitableProduct> | undefined;
  current: string;
}) => {
  const product = products?.find((p) => p.id === origin.product);
  const instance = product?.instances.find((i) => i.id === origin.instance);
  const project = instance?.projects.find((p) => p.id === origin.project);
  const items: Crumb[] =
    origin.project !== undefined
      ? [
          { label: "Projects", to: "/projects" },
          { label: project?.name ?? origin.project, to: `/projects/${origin.project}` },
        ]
      : origin.product !== undefined
        ? [
            { label: "Products", to: "/products" },
            { label: product?.label ?? origin.product, to: `/products/${origin.product}` },
            ...(origin.instance === undefined
              ? []
              : [
                  {
                    label: instance?.name ?? origin.instance,
                    to: `/products/${origin.product}/instances/${origin.instance}`,
                  },
                ]),
          ]
        : [{ label: "Users", to: "/users" }];
  return <Crumbs items={[...items, { label: current }]} />;
};
