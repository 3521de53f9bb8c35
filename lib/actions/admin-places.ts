"use server";

import { revalidatePath } from "next/cache";
import { createPlace, createPlaceStaff, setPlaceSwitch, updatePlace } from "../dal/admin-places";
import { parseInput } from "../validation/parse";
import { CreatePlaceSchema, CreatePlaceStaffSchema, PlaceSchema, PlaceSlugSchema, SetPlaceSwitchSchema } from "../validation/places";
import { defineAction, type RawForm, type Redirect } from "./define-action";
import type { FormState } from "./form-state";

const PLACES_PATH = "/staff/admin/places";
const PLACE_FIELDS = ["slug", "name", "nameEn", "shortName", "address", "mapUrl", "position"] as const;

/** What was typed, to show again after a refusal; a checkbox left unticked comes back unticked. */
function typedPlace(raw: RawForm): Record<string, string> {
  const text = Object.fromEntries(PLACE_FIELDS.map((k) => [k, typeof raw[k] === "string" ? raw[k].slice(0, 500) : ""]));
  const box = (k: string) => (raw[k] === "on" ? "on" : "");
  return { ...text, isPublic: box("isPublic"), isTraining: box("isTraining"), copyCatalogue: box("copyCatalogue") };
}

/** The citizens' list of places is read through the read cache (dropped by the data layer); rendered pages follow. */
function refresh(): void {
  revalidatePath("/", "layout");
}

export const createPlaceAction = defineAction(
  { permission: "places.manage", schema: CreatePlaceSchema, echo: typedPlace },
  async (input, { actor }): Promise<FormState | Redirect> => {
    const { slug } = await createPlace(actor, input);
    refresh();
    return { redirect: `${PLACES_PATH}/${slug}?saved=created` };
  },
);

/** One action for a place's forms; `intent` names which (details, switch). */
export const updatePlaceAction = defineAction(
  { permission: "places.manage", echo: typedPlace },
  async (raw, { actor }): Promise<FormState | Redirect> => {
    const slug = parseInput(PlaceSlugSchema, raw.placeSlug ?? "");
    if (raw.intent === "details") await updatePlace(actor, { ...parseInput(PlaceSchema, raw), place: slug });
    else if (raw.intent === "switch") await setPlaceSwitch(actor, { ...parseInput(SetPlaceSwitchSchema, raw), place: slug });
    else return { status: "idle" };
    refresh();
    return { redirect: `${PLACES_PATH}/${slug}?saved=updated` };
  },
);

/** The place's first staff account; never echoes the password. */
export const createPlaceStaffAction = defineAction(
  { permission: "places.manage", echo: ["name", "email", "role"] },
  async (raw, { actor }): Promise<FormState | Redirect> => {
    const slug = parseInput(PlaceSlugSchema, raw.placeSlug ?? "");
    await createPlaceStaff(actor, { ...parseInput(CreatePlaceStaffSchema, raw), place: slug });
    return { redirect: `${PLACES_PATH}/${slug}?saved=staff` };
  },
);
