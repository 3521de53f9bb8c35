import type { RequirementDTO } from "@/lib/dal/services";
import type { Translator } from "@/lib/i18n/translate";
import { mentionsCopy } from "@/lib/requirements";
import { LocalizedText } from "./localized-text";

/** A document's text with which copy to bring (unless the text says so) and how many, where the office says. */
export function RequirementText({ requirement, t }: { requirement: RequirementDTO; t: Translator }) {
  const tags = [
    requirement.copy && !mentionsCopy(requirement.text.text, requirement.copy) ? t(`requirement.copy.${requirement.copy}`) : null,
    requirement.copies ? t("requirement.copies", { count: requirement.copies }) : null,
  ].filter(Boolean);
  return (
    <>
      <LocalizedText value={requirement.text} t={t} />
      {tags.length > 0 ? <span className="ml-1 whitespace-nowrap text-sm font-semibold text-brand-700">({tags.join(", ")})</span> : null}
    </>
  );
}

/** The documents to bring (not conditions or notes): for the confirmation and the print-out. */
export function DocumentsToBring({ requirements, t, className = "" }: { requirements: RequirementDTO[]; t: Translator; className?: string }) {
  const documents = requirements.filter((r) => r.kind === "document");
  if (documents.length === 0) return null;
  return (
    <ul className={`list-disc ${className}`}>
      {documents.map((r, i) => (
        <li key={i}>
          <RequirementText requirement={r} t={t} />
        </li>
      ))}
    </ul>
  );
}
