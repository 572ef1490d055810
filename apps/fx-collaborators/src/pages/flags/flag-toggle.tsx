// One flag's on/off switch in one environment, Guarded on `experimentation:flag.toggle` with the resource the
// server asks about (project, environment with `production`, flag with `flagStatus` and `rulesetPublished`).
import { type Resource, type RouterOutputs, useGatehouse } from "@gatehouse/client";
import { Guarded, toast } from "@gatehouse/ui";
import { Switch } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";

export type FlagRow = RouterOutputs["flags"]["list"][number];
export type EnvironmentRow = RouterOutputs["projects"]["environments"]["list"][number];

/** The flag's state in the environment: no stored row means off and unpublished. */
export const stateIn = (flag: FlagRow, environment: string) =>
  flag.states.find((s) => s.environment === environment) ?? { enabled: false, rulesetPublished: false };

/** The resource `flags.toggle` is decided on, built as the server builds it from its rows. */
export const toggleResource = (scope: Resource, flag: FlagRow, environment: EnvironmentRow): Resource => ({
  ...scope,
  environment: environment.id,
  flag: flag.id,
  attrs: {
    platform: "feature",
    production: environment.production,
    flagStatus: flag.status,
    rulesetPublished: stateIn(flag, environment.id).rulesetPublished,
  },
});

export interface FlagToggleProps {
  readonly scope: Resource;
  readonly flag: FlagRow;
  readonly environment: EnvironmentRow;
}

export const FlagToggle = ({ scope, flag, environment }: FlagToggleProps) => {
  const client = useGatehouse();
  const queryClient = useQueryClient();
  const enabled = stateIn(flag, environment.id).enabled;
  const toggle = useMutation({
    mutationFn: (on: boolean) =>
      client.flags.toggle.mutate({ id: flag.id, environment: environment.id, enabled: on }),
    onSuccess: (_flag, on) => {
      toast.success(`${flag.name} is ${on ? "on" : "off"} in ${environment.name}`);
      return queryClient.invalidateQueries({ queryKey: ["flags.list", flag.project] });
    },
    onError: toast.failure,
  });
  return (
    <Guarded action="experimentation:flag.toggle" resource={toggleResource(scope, flag, environment)}>
      {(disabled) => (
        <Switch
          aria-label={`${flag.name} in ${environment.name}`}
          label={enabled ? "On" : "Off"}
          checked={enabled}
          disabled={disabled || toggle.isPending}
          onChange={(event) => toggle.mutate(event.currentTarget.checked)}
        />
      )}
    </Guarded>
  );
};
