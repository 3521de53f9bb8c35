import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ActionForm } from "@/components/booking/action-form";

const action = () => Promise.resolve({ status: "idle" as const });
const render = (canSubmit?: boolean) =>
  renderToStaticMarkup(createElement(ActionForm, { action, hidden: { reference: "ABCD2345" }, submitLabel: "Pindahkan", pendingLabel: "Memuat", canSubmit }, createElement("p", null, "picker")));

describe("ActionForm (reschedule, priority rebooking)", () => {
  it("has its send button by default", () => {
    expect(render()).toMatch(/<button[^>]*type="submit"[^>]*>Pindahkan<\/button>/);
  });

  it("leaves the send button out when the shown date cannot be booked, keeping the rest", () => {
    const html = render(false);
    expect(html).not.toContain("<button");
    expect(html).toContain("picker");
    expect(html).toContain('name="reference" value="ABCD2345"');
  });
});
