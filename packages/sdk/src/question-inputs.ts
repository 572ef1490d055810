// The questions checked as the server checks them: the same schemas (@gatehouse/contracts/check-inputs, through its
// inputSchema), and a refusal thrown as BadQuestion in the server's 400 words ("resource.attrs.production: …").
import { inputSchema, issuesMessage, issuesOf } from "@gatehouse/contracts";
import {
  CheckInput,
  CheckManyInput,
  CheckResourcesInput,
  WhatCanInput,
} from "@gatehouse/contracts/check-inputs";
import type { Schema } from "effect";
import { BadQuestion } from "./errors.ts";

/** `schema`'s check of a question: the question as the server decodes it, else BadQuestion naming the fields. */
const checker = <S extends Schema.ConstraintDecoder<unknown>>(schema: S) => {
  const { validate } = inputSchema(schema)["~standard"];
  return <Q>(question: Q): Q => {
    const result = validate(question);
    if (result instanceof Promise) throw new Error("The question's schema decodes asynchronously");
    if (result.issues !== undefined) throw new BadQuestion(issuesMessage(issuesOf(result) ?? []));
    // An API key asks about others only: the server's words for a question without a subject.
    if ((question as { readonly subject?: unknown }).subject === undefined)
      throw new BadQuestion("subject: required for an API key");
    return result.value as Q;
  };
};

/** check's and explain's question. */
export const checkedCheck = checker(CheckInput);
export const checkedMany = checker(CheckManyInput);
export const checkedResources = checker(CheckResourcesInput);
export const checkedWhatCan = checker(WhatCanInput);
