import { readJsonObject } from "@/lib/api/body";
import { toApiBooking } from "@/lib/api/booking-json";
import { apiRoute } from "@/lib/api/handler";
import { withReferenceGuard } from "@/lib/limits/reference-guard";
import { limitSharedStandbyManage, limitStandbyManage } from "@/lib/limits/standby";
import { acceptStandbyOffer } from "@/lib/dal/standby";
import { ReferenceSchema } from "@/lib/validation/fields";
import { AcceptStandbySchema } from "@/lib/validation/standby";
import { parseInput } from "@/lib/validation/parse";
import { z } from "zod";

type Context = { params: Promise<{ reference: string }> };

const AcceptInput = AcceptStandbySchema.extend({ reference: ReferenceSchema });

/** Accepts the place offered to this entry: 201 with the booking, the same JSON as POST /api/v1/bookings. */
export const POST = apiRoute("POST /api/v1/standby/{reference}/accept", async (request, { t, ip, actor }, { params }: Context) => {
  await limitStandbyManage(ip);
  const { reference } = await params;
  const input: z.output<typeof AcceptInput> = parseInput(AcceptInput, { ...(await readJsonObject(request)), reference });
  await limitSharedStandbyManage(ip);
  const booking = await withReferenceGuard(input.reference, { ip, secondFactor: false }, () => acceptStandbyOffer(actor, input, { locale: t.locale }));
  return Response.json(toApiBooking(booking), { status: 201 });
});
