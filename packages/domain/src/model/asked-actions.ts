// The actions a checkResources question asks of one of its resources: the resource's own, else the question's (a
// list page names its actions once for every row). The API's schema, its answer and the SDK all read them here.

/** A checkResources question as far as its actions go. */
export interface AskingActions {
  readonly actions?: ReadonlyArray<string>;
  readonly resources: ReadonlyArray<{ readonly actions?: ReadonlyArray<string> }>;
}

/** The actions asked of resource `r` of `question`: its own, else the question's; none when neither names any. */
export const askedActions = (
  question: AskingActions,
  r: AskingActions["resources"][number],
): ReadonlyArray<string> => r.actions ?? question.actions ?? [];
