// The part of an organization's audit log an admin level below Super Admin may read: the products, instances
// and projects where the engine allows the user `admin-center:user.view` (what every admin level holds).
import { type Engine, products, spansProducts, UnknownSubject } from "@gatehouse/domain";
import type { AuditPlace, AuditReach } from "@gatehouse/store";

const USER_VIEW = "admin-center:user.view";

/** The user's reach in `org`, given the organization's places; undefined when it administers none of them. */
export const auditReach = (
  engine: Engine,
  user: string,
  org: string,
  places: ReadonlyArray<AuditPlace>,
): AuditReach | undefined => {
  const allows = (resource: Parameters<Engine["allows"]>[2]) => {
    try {
      return engine.allows(user, USER_VIEW, resource);
    } catch (cause) {
      if (cause instanceof UnknownSubject) return false;
      throw cause;
    }
  };
  const productIds = products.map((p) => p.id as string).filter((id) => !spansProducts(id));
  const wholeProducts = new Set(productIds.filter((product) => allows({ org, product })));
  const instances = new Set<string>();
  const projects = new Set<string>();
  for (const { product, instance, project } of places) {
    if (wholeProducts.has(product) || instances.has(instance)) continue;
    if (project === null) {
      if (allows({ org, product, instance })) instances.add(instance);
    } else if (allows({ org, product, instance, project })) projects.add(project);
  }
  if (wholeProducts.size + instances.size + projects.size === 0) return undefined;
  return { products: [...wholeProducts], instances: [...instances], projects: [...projects] };
};
