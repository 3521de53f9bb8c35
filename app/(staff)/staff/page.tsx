import { redirect } from "next/navigation";
import { STAFF_HOME } from "@/lib/auth/staff-paths";

export default function StaffIndex() {
  redirect(STAFF_HOME);
}
