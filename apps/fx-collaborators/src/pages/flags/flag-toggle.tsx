// One flag's on/off switch in one environment, guarded by the server's answer for the very flags.toggle call the
// switch makes (engine `experimentation:flag.toggle` on the flag's resource there, as the server builds it); in a
// production environment it asks for confirmation naming the flag and the environment before calling.
import { type RouterOutputs, useGatehouse, useRefresh } from "@gatehouse/client";
import { confirm, GuardedCall, toast } from "@gatehouse/ui";
import { Switch } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";

export type FlagRow = RouterOutputs["flags"]["list"][number];
export type EnvironmentRow = RouterOutputs["projects"]["environments"]["list"][number];
/** The domain's FlagStatus (draft, running, paused), as flags.list serves it. */
export type FlagStatus = FlagRow["status"];

/** The flag's state in the environment: no stored row means off and unpublished. */
const stateIn = (flag: FlagRow, environment: string) =>
  flag.states.find((s) => s.environment === environment) ?? { enabled: false, rulesetPublished: false };

export interface FlagToggleProps {
  readonly flag: FlagRow;
  readonly environment: EnvironmentRow;
}

export const FlagToggle = ({ flag, environment }: FlagToggleProps) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const enabled = stateIn(flag, environment.id).enabled;
  const toggle = useMutation({
    mutationFn: (on: boolean) =>
      client.flags.toggle.mutate({ id: flag.id, environment: environment.id, enabled: on }),
    onSuccess: (_flag, on) => {
      toast.success(`${flag.name} is ${on ? "on" : "off"} in ${environment.name}`);
      return refresh.routers("flags");
    },
    onError: toast.failure,
  });
  const change = (on: boolean) => {
    if (!environment.production) return toggle.mutate(on);
    confirm({
      title: `Turn ${flag.name} ${on ? "on" : "off"} in ${environment.name}?`,
      message: `${flag.name} will be ${on ? "on" : "off"} in ${environment.name}, a production environment: your visitors see the change at once.`,
      confirmLabel: `Turn ${on ? "on" : "off"} in ${environment.name}`,
      cancelLabel: `Leave it ${on ? "off" : "on"}`,
      destructive: !on,
      onConfirm: () => toggle.mutate(on),
    });
  };
  return (
    <GuardedCall
      procedure="flags.toggle"
      input={{ id: flag.id, environment: environment.id, enabled: !enabled }}
    >
      {(disabled) => (
        <Switch
          aria-label={`${flag.name} in ${environment.name}`}
          label={enabled ? "On" : "Off"}
          checked={enabled}
          disabled={disabled || toggle.isPending}
          onChange={(event) => change(event.currentTarget.checked)}
        />
      )}
    </GuardedCall>
  );
};
