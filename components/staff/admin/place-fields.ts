import type { AdminPlace } from "@/lib/dal/admin-places";
import type { Translator } from "@/lib/i18n/translate";
import type { SettingField } from "./settings-form";

/** The place form's fields (new: with its code and the copy switch, default on). */
export function placeFields(t: Translator, place: AdminPlace | null): SettingField[] {
  const v = (x: string | null | undefined) => x ?? "";
  return [
    ...(place ? [] : [{ name: "slug", type: "text" as const, label: t("placesAdmin.field.slug"), hint: t("placesAdmin.field.slugHint"), value: "" }]),
    { name: "name", type: "text", label: t("placesAdmin.field.name"), value: v(place?.name) },
    { name: "nameEn", type: "text", label: t("placesAdmin.field.nameEn"), value: v(place?.nameEn), optional: true },
    { name: "shortName", type: "text", label: t("placesAdmin.field.shortName"), value: v(place?.shortName) },
    { name: "address", type: "text", label: t("placesAdmin.field.address"), value: v(place?.address), optional: true },
    { name: "mapUrl", type: "url", label: t("placesAdmin.field.mapUrl"), hint: t("placesAdmin.field.mapUrlHint"), value: v(place?.mapUrl), optional: true },
    { name: "position", type: "number", label: t("placesAdmin.field.position"), value: String(place?.position ?? 1), min: 0, max: 999 },
    { name: "isPublic", type: "checkbox", label: t("placesAdmin.field.isPublic"), value: place?.isPublic ? "on" : "" },
    { name: "isTraining", type: "checkbox", label: t("placesAdmin.field.isTraining"), value: place?.isTraining ? "on" : "" },
    ...(place ? [] : [{ name: "copyCatalogue", type: "checkbox" as const, label: t("placesAdmin.field.copy"), value: "on" }]),
  ];
}
