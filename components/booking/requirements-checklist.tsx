import { Checkbox } from "@/components/ui/field";
import { FocusedErrorAlert } from "@/components/ui/form-error";
import type { ServiceDTO } from "@/lib/dal/services";
import type { Translator } from "@/lib/i18n/translate";
import { LocalizedText, withNode } from "./localized-text";
import { RequirementText } from "./requirement-text";

/** The fragment of the service page's address that lands at the documents to tick (and their error). */
export const CHECKLIST_ANCHOR = "checklist";

/**
 * The service's requirements by kind: conditions are stated (nobody "prepares" being 17), documents are
 * ticked as prepared, notes are shown where they apply. The checkbox value is the requirement's index,
 * which `isChecklistComplete` checks against the documents. A checklist sent back incomplete comes with
 * the boxes that were ticked (`ticked`) and lands at CHECKLIST_ANCHOR: the error, then the list.
 */
export function RequirementsChecklist({ service, t, incomplete, ticked = [] }: { service: ServiceDTO; t: Translator; incomplete: boolean; ticked?: readonly string[] }) {
  const indexed = service.requirements.map((r, index) => ({ ...r, index }));
  const conditions = indexed.filter((r) => r.kind === "condition");
  const documents = indexed.filter((r) => r.kind === "document");
  const notes = indexed.filter((r) => r.kind === "note");
  return (
    <div className="space-y-4">
      {conditions.length > 0 ? (
        <section aria-labelledby="conditions">
          <h3 id="conditions" className="text-lg font-bold">
            {t("service.conditionsTitle")}
          </h3>
          <p className="text-muted">{t("service.conditionsIntro")}</p>
          <ul className="mt-1 list-disc space-y-1 pl-6">
            {conditions.map((r) => (
              <li key={r.index}>
                <LocalizedText value={r.text} t={t} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section id={CHECKLIST_ANCHOR} aria-labelledby="documents" className="scroll-mt-4">
        <h3 id="documents" className="text-lg font-bold">
          {t("service.documentsTitle")}
        </h3>
        {documents.length === 0 ? (
          <p className="text-muted">{t("service.noDocuments")}</p>
        ) : (
          <>
            <p className="mb-2 text-muted">{t("service.documentsIntro")}</p>
            {incomplete ? (
              <FocusedErrorAlert id="checklist-error" className="mb-3">
                {t("service.incomplete")}
              </FocusedErrorAlert>
            ) : null}
            <div className="divide-y divide-slate-100">
              {documents.map((r) => (
                <Checkbox
                  key={r.index}
                  name="ready"
                  value={String(r.index)}
                  id={`ready-${r.index}`}
                  defaultChecked={ticked.includes(String(r.index))}
                  label={withNode(t("service.ready", { item: "{item}" }), "item", <RequirementText requirement={r} t={t} />)}
                />
              ))}
            </div>
          </>
        )}
      </section>

      {notes.map((r) => (
        <p key={r.index} className="rounded-lg border-l-4 border-brand-600 bg-brand-50 p-4">
          <span className="font-semibold">{t("service.noteLabel")}</span> <LocalizedText value={r.text} t={t} />
        </p>
      ))}
    </div>
  );
}
