// Forms validated by the same Effect schemas the API decodes with: react-hook-form with the Standard Schema
// resolver over `Schema.toStandardSchemaV1`, so the browser and the server reject the same input.
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { Schema } from "effect";
import { type DefaultValues, type FieldValues, useForm } from "react-hook-form";

export const useSchemaForm = <S extends Schema.Codec<FieldValues, FieldValues, never, never>>(
  schema: S,
  defaultValues: DefaultValues<S["Encoded"]>,
) =>
  useForm<S["Encoded"], unknown, S["Type"]>({
    resolver: standardSchemaResolver(Schema.toStandardSchemaV1(schema)),
    defaultValues,
  });
