"use server";

import { revalidatePath } from "next/cache";
import { createApiKey, revokeApiKey } from "../dal/api-keys";
import { ApiKeyIdSchema, CreateApiKeySchema } from "../validation/api-keys";
import { defineAction } from "./define-action";
import type { FormState } from "./form-state";

const PATH = "/staff/api-keys";

/** The form's state, plus the new key: shown in this response only, never stored in clear. */
export type ApiKeyFormState = Omit<FormState, "status"> & { status: FormState["status"] | "created" | "revoked"; key?: string };

export const createApiKeyAction = defineAction(
  { permission: "api_keys.manage", schema: CreateApiKeySchema, echo: ["name"] },
  async (input, { actor }): Promise<ApiKeyFormState> => {
    const { key } = await createApiKey(actor, input);
    revalidatePath(PATH);
    return { status: "created", key };
  },
);

export const revokeApiKeyAction = defineAction(
  { permission: "api_keys.manage", schema: ApiKeyIdSchema },
  async ({ apiKeyId }, { actor, t }): Promise<ApiKeyFormState> => {
    const revoked = await revokeApiKey(actor, { apiKeyId });
    revalidatePath(PATH);
    return { status: "revoked", message: t("apiKeys.revokedDone", { name: revoked.name }) };
  },
);
