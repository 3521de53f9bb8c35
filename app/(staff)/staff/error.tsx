"use client";

import { Card } from "@/components/ui/card";
import { ErrorNotice } from "@/components/layout/error-notice";

/**
 * A staff page that failed unexpectedly (a refused or invalid action is shown in its form instead): the
 * portal's navigation stays, and the error's code (its digest, also in the server log) is shown to quote.
 */
export default function StaffError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card className="mx-auto max-w-xl">
      <ErrorNotice reset={reset} area="staff" digest={error.digest} />
    </Card>
  );
}
