// The frame of every page: a "Skip to content" link, the product's name, the app's header tools (a search), its
// navigation (a menu button below 48em wide), the signed-in account with sign-out, and the page's breadcrumbs.
import { type Me, useSignOut } from "@gatehouse/client";
import {
  Anchor,
  AppShell,
  Breadcrumbs,
  Burger,
  Button,
  Group,
  NavLink,
  Text,
  useMantineTheme,
} from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";

export interface NavItem {
  readonly label: string;
  readonly to: string;
  /** The section of the signed-in user's (auth.me `sections`) that offers it; shown to everyone without one. */
  readonly section?: string;
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
  /** Tools in the header beside the account (the Admin Center's user search). */
  readonly tools?: ReactNode;
  readonly children: ReactNode;
}

/** The id of the page's main region, where "Skip to content" leads. */
const MAIN = "main-content";

export const Shell = ({ product, me, nav, tools, children }: ShellProps) => {
  const signOut = useSignOut();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const wide = useMediaQuery(`(min-width: ${useMantineTheme().breakpoints.sm})`, true, {
    getInitialValueInEffect: false,
  });
  // Folded off-screen below the breakpoint, the navigation is inert: out of the Tab order and the a11y tree.
  const folded = !wide && !opened;
  const account = `${me.name} (${me.email})${"org" in me ? ` · ${me.org}` : ""}`;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href={`#${MAIN}`} className="gh-skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? "Close navigation" : "Open navigation"}
            />
            <Text fw={700} visibleFrom="xs">
              Gatehouse · {product}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap" miw={0}>
            {tools}
            <Text
              size="sm"
              data-testid="signed-in-as"
              truncate="end"
              maw={{ base: 90, md: 420 }}
              title={account}
            >
              {account}
            </Text>
            <Button size="xs" variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main" inert={folded}>
        {nav.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            onClick={close}
            active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id={MAIN} tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
};

/** A crumb keeps to one line of at most 20rem (and the row's width), ending "…" with its full name as its title. */
const crumbText = (label: string) =>
  ({ size: "sm", truncate: "end", title: label, maw: "min(20rem, 100%)", children: label }) as const;

/** Breadcrumbs above a page's title: every crumb but the last is a link. */
export const Crumbs = ({ items }: { items: ReadonlyArray<Crumb> }) => (
  <Breadcrumbs mb="sm" aria-label="Breadcrumbs" style={{ flexWrap: "wrap" }}>
    {items.map((crumb) =>
      crumb.to === undefined ? (
        <Text key={crumb.label} {...crumbText(crumb.label)} />
      ) : (
        <Anchor key={crumb.label} component={Link} to={crumb.to} {...crumbText(crumb.label)} />
      ),
    )}
  </Breadcrumbs>
);
