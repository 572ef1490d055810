// Where a signed-in admin lands (spec: the landing page of each admin level): Products for a super admin, the
// instances of the only product for a product admin, the users of the only instance or project below that.
import type { Me } from "@gatehouse/client";
import { EmptyState } from "@gatehouse/ui";
import { Stack, Title } from "@mantine/core";
import { Navigate } from "react-router";

/** The path of the page `landing` names. */
export const landingPath = (landing: string): string | undefined => {
  if (landing === "products") return "/products";
  if (landing === "projects") return "/projects";
  if (landing.startsWith("instances:")) return `/products/${landing.slice("instances:".length)}`;
  if (landing.startsWith("users:instance:")) {
    const [product, instance] = landing.slice("users:instance:".length).split("/");
    return `/products/${product}/instances/${instance}`;
  }
  if (landing.startsWith("users:project:")) return `/projects/${landing.slice("users:project:".length)}`;
  return undefined;
};

export const Landing = ({ me }: { me: Me }) => {
  const path = "landing" in me ? landingPath(me.landing) : undefined;
  if (path !== undefined) return <Navigate to={path} replace />;
  return (
    <Stack>
      <Title order={1} size="h2">
        Admin Center
      </Title>
      <EmptyState title="No administration here">
        Your account holds no admin role in the Admin Center. Ask a super admin of your organization for one.
      </EmptyState>
    </Stack>
  );
};
