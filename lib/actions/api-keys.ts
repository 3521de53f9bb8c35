"use server";

import { revalidatePath } from "next/cache";
import { requireStaffAction } from "../auth/session";
import { createApiKey, revokeApiKey } from "../dal/api-keys";
import { getTranslator } from "../i18n/server";
import { ApiKeyIdSchema, CreateApiKeySchema } from "../validation/api-keys";
import { formDataToObject, parseInput } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";

const PATH = "/staff/api-keys";

/** The form's state, plus the new key: shown in this response only, never stored in clear. */
export type ApiKeyFormState = Omit<FormState, "status"> & { status: FormState["status"] | "created" | "revoked"; key?: string };

export async function createApiKeyAction(_prev: ApiKeyFormState, formData: FormData): Promise<ApiKeyFormState> {
  const raw = formDataToObject(formData);
  try {
    const actor = await requireStaffAction("api_keys.manage");
    const { key } = await createApiKey(actor, parseInput(CreateApiKeySchema, raw));
    revalidatePath(PATH);
    return { status: "created", key };
  } catch (error) {
    return toFormState(error, await getTranslator(), { name: typeof raw.name === "string" ? raw.name : "" });
  }
}

export async function revokeApiKeyAction(_prev: ApiKeyFormState, formData: FormData): Promise<ApiKeyFormState> {
  try {
    const actor = await requireStaffAction("api_keys.manage");
    const { apiKeyId } = parseInput(ApiKeyIdSchema, formDataToObject(formData));
    const revoked = await revokeApiKey(actor, apiKeyId);
    revalidatePath(PATH);
    return { status: "revoked", message: (await getTranslator())("apiKeys.revokedDone", { name: revoked.name }) };
  } catch (error) {
    return toFormState(error, await getTranslator(), {});
  }
}
