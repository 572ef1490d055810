// The frame of every page: the product's name, its navigation, the signed-in account with sign-out, and
// the breadcrumbs of where the page sits (Products › instance › users).
import { type Me, useSignOut } from "@gatehouse/client";
import { Anchor, AppShell, Breadcrumbs, Button, Group, NavLink, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";

export interface NavItem {
  readonly label: string;
  readonly to: string;
}
export interface Crumb {
  readonly label: string;
  /** Omitted for the current page. */
  readonly to?: string;
}

export interface ShellProps {
  readonly product: string;
  readonly me: Me;
  readonly nav: ReadonlyArray<NavItem>;
  readonly children: ReactNode;
}

export const Shell = ({ product, me, nav, children }: ShellProps) => {
  const signOut = useSignOut();
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: "sm" }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={4}>Gatehouse · {product}</Title>
          <Group gap="sm">
            <Text size="sm" data-testid="signed-in-as">
              {me.name} ({me.email}){"org" in me ? ` · ${me.org}` : ""}
            </Text>
            <Button size="xs" variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {nav.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
};

/** Breadcrumbs above a page's title: every crumb but the last is a link. */
export const Crumbs = ({ items }: { items: ReadonlyArray<Crumb> }) => (
  <Breadcrumbs mb="sm" aria-label="Breadcrumbs">
    {items.map((crumb) =>
      crumb.to === undefined ? (
        <Text key={crumb.label} size="sm">
          {crumb.label}
        </Text>
      ) : (
        <Anchor key={crumb.label} component={Link} to={crumb.to} size="sm">
          {crumb.label}
        </Anchor>
      ),
    )}
  </Breadcrumbs>
);
